// Fixed-window rate limits kept in the database (RateLimitWindow), so every web process shares them.
// A hit counts against each rule inside the caller's transaction: when a rule is exceeded the caller
// rolls back, so a refused request leaves no trace and a quota is only spent by accepted requests.
import prisma from "~/db.server";
import type { Tx } from "./transaction.server";

export interface RateLimitRule {
  /** What is counted, e.g. "notify:ip:<hash>". Never store raw personal data here. */
  key: string;
  /** Hits allowed per window. */
  limit: number;
  windowMs: number;
}

export type RateLimitOutcome = { ok: true } | { ok: false; key: string; retryAfterSeconds: number };

export function windowStart(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/**
 * Adds one hit to each rule's current window and reports the first rule now over its limit. Run it in the
 * transaction that does the limited work and roll back when it is not ok.
 */
export async function hitRateLimits(
  { shop, rules, now }: { shop: string; rules: readonly RateLimitRule[]; now: Date },
  tx: Tx,
): Promise<RateLimitOutcome> {
  for (const rule of rules) {
    const start = windowStart(now, rule.windowMs);
    const row = await tx.rateLimitWindow.upsert({
      where: { shop_key_windowStart: { shop, key: rule.key, windowStart: start } },
      create: { shop, key: rule.key, windowStart: start, count: 1 },
      update: { count: { increment: 1 } },
      select: { count: true },
    });
    if (row.count > rule.limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((start.getTime() + rule.windowMs - now.getTime()) / 1000));
      return { ok: false, key: rule.key, retryAfterSeconds };
    }
  }
  return { ok: true };
}

/** How many hits a rule has in its current window (0 when none). */
export async function rateLimitCount(
  { shop, rule, now }: { shop: string; rule: RateLimitRule; now: Date },
  tx: Tx = prisma,
): Promise<number> {
  const row = await tx.rateLimitWindow.findUnique({
    where: { shop_key_windowStart: { shop, key: rule.key, windowStart: windowStart(now, rule.windowMs) } },
    select: { count: true },
  });
  return row?.count ?? 0;
}

/** Deletes the shop's windows that started before `before` (they can no longer limit anything). */
export async function pruneRateLimitWindows({ shop, before }: { shop: string; before: Date }, tx: Tx = prisma): Promise<number> {
  const { count } = await tx.rateLimitWindow.deleteMany({ where: { shop, windowStart: { lt: before } } });
  return count;
}

// "Notify me when it's back" signups: one row per (shop, variant, email). Sending, marking notified and
// unsubscribing live in app/notifications/.
import { randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "@prisma/client";
import prisma from "~/db.server";

type Db = Prisma.TransactionClient | PrismaClient;

export type SubscribeOutcome = "created" | "already_subscribed" | "renewed";

function newUnsubscribeToken(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * Subscribes `email` (already normalized: trimmed, lower-case) to the variant. An active signup is left as
 * it is (a double click or a retry changes nothing). A signup that was already notified or unsubscribed is
 * replaced by a fresh one: new id (the back-in-stock email is deduplicated per subscription id, so the next
 * alert is not mistaken for the old one) and new unsubscribe token. Runs inside the caller's transaction.
 */
export async function subscribeToBackInStock(
  db: Db,
  { shop, variantId, email, locale }: { shop: string; variantId: string; email: string; locale: string },
): Promise<SubscribeOutcome> {
  const existing = await db.notifySubscription.findUnique({
    where: { shop_variantId_email: { shop, variantId, email } },
    select: { id: true, status: true },
  });
  if (existing?.status === "active") return "already_subscribed";
  if (existing) await db.notifySubscription.deleteMany({ where: { id: existing.id, shop } });
  await db.notifySubscription.create({
    data: { shop, variantId, email, locale, status: "active", unsubscribeToken: newUnsubscribeToken() },
    select: { id: true },
  });
  return existing ? "renewed" : "created";
}

export interface SubscriptionSummary {
  email: string;
  locale: string;
  status: string;
  createdAt: Date;
}

/** The shop's signups for one variant, oldest first (admin views, tests). */
export async function listSubscriptions({ shop, variantId }: { shop: string; variantId: string }, db: Db = prisma): Promise<SubscriptionSummary[]> {
  return db.notifySubscription.findMany({
    where: { shop, variantId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { email: true, locale: true, status: true, createdAt: true },
  });
}

/** Active signups per variant, for the given variants (admin lists). */
export async function countActiveSubscriptions({ shop, variantIds }: { shop: string; variantIds: string[] }, db: Db = prisma): Promise<Map<string, number>> {
  if (variantIds.length === 0) return new Map();
  const rows = await db.notifySubscription.groupBy({
    by: ["variantId"],
    where: { shop, status: "active", variantId: { in: variantIds } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.variantId, r._count._all]));
}

/** The waitlist view: "active" (still waiting) or every signup the shopper has not withdrawn. */
export const WAITLIST_VIEWS = ["active", "all"] as const;
export type WaitlistView = (typeof WAITLIST_VIEWS)[number];

function waitlistWhere({ shop, variantId, view }: { shop: string; variantId: string; view: WaitlistView }): Prisma.NotifySubscriptionWhereInput {
  // Unsubscribed shoppers asked to leave: they are not listed (nor exported) anywhere.
  return { shop, variantId, status: view === "active" ? "active" : { in: ["active", "notified"] } };
}

const WAITLIST_ORDER: Prisma.NotifySubscriptionOrderByWithRelationInput[] = [{ createdAt: "asc" }, { id: "asc" }];
const WAITLIST_SELECT = { id: true, email: true, locale: true, status: true, createdAt: true, notifiedAt: true } as const;

export interface WaitlistEntry {
  id: string;
  email: string;
  locale: string;
  status: string;
  createdAt: Date;
  notifiedAt: Date | null;
}

/** One page of a variant's waitlist, oldest signup first (first come, first told). */
export async function listWaitlistPage({
  shop,
  variantId,
  view,
  page,
  pageSize,
}: {
  shop: string;
  variantId: string;
  view: WaitlistView;
  page: number;
  pageSize: number;
}): Promise<{ entries: WaitlistEntry[]; total: number; active: number }> {
  const where = waitlistWhere({ shop, variantId, view });
  const [entries, total, active] = await Promise.all([
    prisma.notifySubscription.findMany({ where, orderBy: WAITLIST_ORDER, skip: page * pageSize, take: pageSize, select: WAITLIST_SELECT }),
    prisma.notifySubscription.count({ where }),
    prisma.notifySubscription.count({ where: { shop, variantId, status: "active" } }),
  ]);
  return { entries, total, active };
}

/** Every entry of a variant's waitlist in batches (by id after the first), for a streamed export. */
export async function* waitlistBatches({
  shop,
  variantId,
  view,
  batchSize = 500,
}: {
  shop: string;
  variantId: string;
  view: WaitlistView;
  batchSize?: number;
}): AsyncGenerator<WaitlistEntry[]> {
  const where = waitlistWhere({ shop, variantId, view });
  let cursor: string | null = null;
  for (;;) {
    const batch: WaitlistEntry[] = await prisma.notifySubscription.findMany({
      where,
      orderBy: WAITLIST_ORDER,
      take: batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: WAITLIST_SELECT,
    });
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < batchSize) return;
    cursor = batch[batch.length - 1]!.id;
  }
}

/** How many shoppers are still waiting for one variant. */
export async function countActiveForVariant({ shop, variantId }: { shop: string; variantId: string }): Promise<number> {
  return prisma.notifySubscription.count({ where: { shop, variantId, status: "active" } });
}

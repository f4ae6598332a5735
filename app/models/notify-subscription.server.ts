// "Notify me when it's back" signups: one row per (shop, variant, email), active until the shopper is told
// (notified) or leaves (unsubscribed). Rendering and sending the emails live in app/notifications/.
import { randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import type { PageCursor } from "~/validation/cursor";
import { keysetPage, type KeysetPage } from "./keyset.server";
import type { Tx } from "./transaction.server";

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
  { shop, variantId, email, locale }: { shop: string; variantId: string; email: string; locale: string },
  tx: Tx,
): Promise<SubscribeOutcome> {
  const existing = await tx.notifySubscription.findUnique({
    where: { shop_variantId_email: { shop, variantId, email } },
    select: { id: true, status: true },
  });
  if (existing?.status === "active") return "already_subscribed";
  if (existing) await tx.notifySubscription.deleteMany({ where: { id: existing.id, shop } });
  await tx.notifySubscription.create({
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
export async function listSubscriptions({ shop, variantId }: { shop: string; variantId: string }, tx: Tx = prisma): Promise<SubscriptionSummary[]> {
  return tx.notifySubscription.findMany({
    where: { shop, variantId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { email: true, locale: true, status: true, createdAt: true },
  });
}

/** Active signups per variant, for the given variants (admin lists). */
export async function countActiveSubscriptions({ shop, variantIds }: { shop: string; variantIds: string[] }, tx: Tx = prisma): Promise<Map<string, number>> {
  if (variantIds.length === 0) return new Map();
  const rows = await tx.notifySubscription.groupBy({
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

/**
 * One page of a variant's waitlist, oldest signup first (first come, first told): keyset on (createdAt,
 * id) after or before the cursor's entry; with the counts of the view and of the shoppers still waiting.
 */
export async function listWaitlistPage({
  shop,
  variantId,
  view,
  cursor,
  pageSize,
}: {
  shop: string;
  variantId: string;
  view: WaitlistView;
  cursor: PageCursor | null;
  pageSize: number;
}): Promise<KeysetPage<WaitlistEntry> & { total: number; active: number }> {
  const scope = waitlistWhere({ shop, variantId, view });
  const [page, total, active] = await Promise.all([
    keysetPage({ field: "createdAt", cursor, size: pageSize, order: "asc" }, ({ where, orderBy, take }) =>
      prisma.notifySubscription.findMany({ where: { ...scope, AND: where }, orderBy, take, select: WAITLIST_SELECT }),
    ),
    prisma.notifySubscription.count({ where: scope }),
    prisma.notifySubscription.count({ where: { shop, variantId, status: "active" } }),
  ]);
  return { ...page, total, active };
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

/** The signups to tell first: the variant's oldest active ones, at most `take`. */
export async function listSubscribersToNotify(
  { shop, variantId, take }: { shop: string; variantId: string; take: number },
  tx: Tx = prisma,
): Promise<{ id: string; email: string; locale: string; unsubscribeToken: string }[]> {
  return tx.notifySubscription.findMany({
    where: { shop, variantId, status: "active" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take,
    select: { id: true, email: true, locale: true, unsubscribeToken: true },
  });
}

/** Compare-and-set active → notified: false when a concurrent run already took this subscriber. */
export async function markSubscriptionNotified({ shop, id, now }: { shop: string; id: string; now: Date }, tx: Tx = prisma): Promise<boolean> {
  const { count } = await tx.notifySubscription.updateMany({
    where: { id, shop, status: "active" },
    data: { status: "notified", notifiedAt: now },
  });
  return count === 1;
}

/** The signup behind an unsubscribe link. Tokens are unique across shops: the token is what names the shop. */
export async function findSubscriptionByUnsubscribeToken(
  token: string,
): Promise<{ id: string; shop: string; status: string; locale: string; variantId: string } | null> {
  return prisma.notifySubscription.findUnique({
    where: { unsubscribeToken: token },
    select: { id: true, shop: true, status: true, locale: true, variantId: true },
  });
}

/** A signup's unsubscribe token (for its emails' links), if the shop has that signup. */
export async function findUnsubscribeToken({ shop, id }: { shop: string; id: string }): Promise<string | null> {
  const subscription = await prisma.notifySubscription.findFirst({
    where: { id, shop },
    select: { unsubscribeToken: true },
  });
  return subscription?.unsubscribeToken ?? null;
}

/** Stops the alert; idempotent (an already unsubscribed signup is left as it is). */
export async function unsubscribeSubscription({ shop, id }: { shop: string; id: string }): Promise<void> {
  await prisma.notifySubscription.updateMany({
    where: { id, shop, status: { not: "unsubscribed" } },
    data: { status: "unsubscribed" },
  });
}

/** Variants with at least one active signup (at most `take`). */
export async function variantsWithActiveSubscriptions({ shop, take }: { shop: string; take: number }, tx: Tx = prisma): Promise<string[]> {
  const rows = await tx.notifySubscription.findMany({
    where: { shop, status: "active" },
    select: { variantId: true },
    distinct: ["variantId"],
    take,
  });
  return rows.map((r) => r.variantId);
}

/** A customer's signups to any of `addresses` (customers/data_request). */
export async function listSubscriptionsOfAddresses({ shop, addresses }: { shop: string; addresses: readonly string[] }, tx: Tx = prisma) {
  return tx.notifySubscription.findMany({
    where: { shop, email: { in: [...addresses] } },
    select: { variantId: true, email: true, locale: true, status: true, createdAt: true, notifiedAt: true },
  });
}

/** Forgets a customer's signups (customers/redact); `email` lower-case, stored in any case. Returns how many went. */
export async function deleteSubscriptionsOfEmail({ shop, email }: { shop: string; email: string }, tx: Tx = prisma): Promise<number> {
  return tx.$executeRaw`DELETE FROM "NotifySubscription" WHERE "shop" = ${shop} AND LOWER("email") = ${email}`;
}

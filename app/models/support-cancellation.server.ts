// Data access for cancellations with refund (SupportCancellation) and customers' answers to the delay
// email's links (CustomerChoice). A cancellation row is written before Shopify is called, under a one-time
// key unique per shop, and moves by compare-and-set on its status, so two requests racing on one key (a
// double click, a retried POST, a job and a page) can never both refund. Every function is scoped by shop.
import prisma from "~/db.server";
import type { Tx } from "./transaction.server";

export type CancellationScope = "lines" | "order";
export type CancellationSource = "staff" | "customer";
export type CancellationStatus = "requested" | "pending" | "refunded" | "failed" | "declined";

/** Statuses in which a cancellation still holds its lines (no other cancellation may take them). */
export const ACTIVE_CANCELLATION: readonly CancellationStatus[] = ["requested", "pending"];

const SELECT = {
  id: true,
  shop: true,
  orderId: true,
  scope: true,
  lineIds: true,
  source: true,
  requestedBy: true,
  status: true,
  key: true,
  plan: true,
  amount: true,
  currency: true,
  refundId: true,
  error: true,
  decidedBy: true,
  createdAt: true,
  completedAt: true,
  followedUpAt: true,
} as const;

export interface Cancellation {
  id: string;
  shop: string;
  orderId: string;
  scope: CancellationScope;
  lineIds: string[];
  source: CancellationSource;
  requestedBy: string;
  status: CancellationStatus;
  key: string;
  /** The refund request as sent to Shopify (JSON), once computed. */
  plan: string | null;
  amount: string | null;
  currency: string | null;
  refundId: string | null;
  error: string | null;
  decidedBy: string | null;
  createdAt: Date;
  completedAt: Date | null;
  followedUpAt: Date | null;
}

function parseIds(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

function toCancellation(row: { [K in keyof typeof SELECT]: unknown } & { lineIds: string }): Cancellation {
  return { ...(row as unknown as Cancellation), lineIds: parseIds(row.lineIds) };
}

export async function findCancellationByKey({ shop, key }: { shop: string; key: string }, tx: Tx = prisma): Promise<Cancellation | null> {
  const row = await tx.supportCancellation.findUnique({ where: { shop_key: { shop, key } }, select: SELECT });
  return row ? toCancellation(row) : null;
}

export async function findCancellation({ shop, id }: { shop: string; id: string }, tx: Tx = prisma): Promise<Cancellation | null> {
  const row = await tx.supportCancellation.findFirst({ where: { shop, id }, select: SELECT });
  return row ? toCancellation(row) : null;
}

/** The order's cancellations, newest first. */
export async function cancellationsOfOrder({ shop, orderId }: { shop: string; orderId: string }, tx: Tx = prisma): Promise<Cancellation[]> {
  const rows = await tx.supportCancellation.findMany({ where: { shop, orderId }, select: SELECT, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return rows.map(toCancellation);
}

export async function insertCancellation(
  input: {
    shop: string;
    orderId: string;
    scope: CancellationScope;
    lineIds: readonly string[];
    source: CancellationSource;
    requestedBy: string;
    status: CancellationStatus;
    key: string;
    plan?: string | null;
    amount?: string | null;
    currency?: string | null;
  },
  tx: Tx = prisma,
): Promise<Cancellation> {
  const row = await tx.supportCancellation.create({
    data: { ...input, lineIds: JSON.stringify([...input.lineIds]), plan: input.plan ?? null, amount: input.amount ?? null, currency: input.currency ?? null },
    select: SELECT,
  });
  return toCancellation(row);
}

/** Moves a cancellation from one status to another (compare-and-set); returns whether this call moved it. */
export async function moveCancellation(
  {
    shop,
    id,
    from,
    to,
    data = {},
  }: {
    shop: string;
    id: string;
    from: CancellationStatus | readonly CancellationStatus[];
    to: CancellationStatus;
    data?: {
      plan?: string | null;
      amount?: string | null;
      currency?: string | null;
      refundId?: string | null;
      error?: string | null;
      decidedBy?: string | null;
      completedAt?: Date | null;
      lineIds?: readonly string[];
    };
  },
  tx: Tx = prisma,
): Promise<boolean> {
  const { lineIds, ...rest } = data;
  const { count } = await tx.supportCancellation.updateMany({
    where: { shop, id, status: typeof from === "string" ? from : { in: [...from] } },
    data: { ...rest, ...(lineIds ? { lineIds: JSON.stringify([...lineIds]) } : {}), status: to },
  });
  return count === 1;
}

/** Deletes a pending cancellation Shopify refused from the staff page: nothing of it is kept. */
export async function deletePendingCancellation({ shop, id }: { shop: string; id: string }, tx: Tx = prisma): Promise<boolean> {
  const { count } = await tx.supportCancellation.deleteMany({ where: { shop, id, status: "pending" } });
  return count === 1;
}

/** Stores the refund plan of a pending cancellation that has none yet (compare-and-set); returns whether this call did. */
export async function setCancellationPlan(
  { shop, id, plan, amount, currency, lineIds }: { shop: string; id: string; plan: string; amount: string; currency: string; lineIds: readonly string[] },
  tx: Tx = prisma,
): Promise<boolean> {
  const { count } = await tx.supportCancellation.updateMany({
    where: { shop, id, status: "pending", plan: null },
    data: { plan, amount, currency, lineIds: JSON.stringify([...lineIds]) },
  });
  return count === 1;
}

/** Marks the follow-up (holds released, queues served) done; returns whether it was still to do. */
export async function markCancellationFollowedUp({ shop, id, at }: { shop: string; id: string; at: Date }, tx: Tx = prisma): Promise<boolean> {
  const { count } = await tx.supportCancellation.updateMany({ where: { shop, id, followedUpAt: null }, data: { followedUpAt: at } });
  return count === 1;
}

/** The order's line ids held by an active cancellation (requested or pending). */
export async function linesInActiveCancellations({ shop, orderId }: { shop: string; orderId: string }, tx: Tx = prisma): Promise<Set<string>> {
  const rows = await tx.supportCancellation.findMany({ where: { shop, orderId, status: { in: [...ACTIVE_CANCELLATION] } }, select: { lineIds: true, scope: true } });
  return new Set(rows.flatMap((r) => parseIds(r.lineIds)));
}

/** Whether the order has an active whole-order cancellation. */
export async function hasActiveOrderCancellation({ shop, orderId }: { shop: string; orderId: string }, tx: Tx = prisma): Promise<boolean> {
  return (await tx.supportCancellation.count({ where: { shop, orderId, scope: "order", status: { in: [...ACTIVE_CANCELLATION] } } })) > 0;
}

// ---- customers' answers -------------------------------------------------------------------------------

export type ChoiceAnswer = "wait" | "cancel";

/** Records a link's answer once; returns false when this link was answered before. */
export async function recordCustomerChoice(
  { shop, orderId, choice, lineIds, tokenHash, at }: { shop: string; orderId: string; choice: ChoiceAnswer; lineIds: readonly string[]; tokenHash: string; at: Date },
  tx: Tx = prisma,
): Promise<boolean> {
  const existing = await tx.customerChoice.findUnique({ where: { shop_tokenHash: { shop, tokenHash } }, select: { id: true } });
  if (existing) return false;
  await tx.customerChoice.create({ data: { shop, orderId, choice, lineIds: JSON.stringify([...lineIds]), tokenHash, answeredAt: at }, select: { id: true } });
  return true;
}

/** The answer given through a link, if any. */
export async function findCustomerChoice({ shop, tokenHash }: { shop: string; tokenHash: string }, tx: Tx = prisma) {
  const row = await tx.customerChoice.findUnique({ where: { shop_tokenHash: { shop, tokenHash } }, select: { choice: true, answeredAt: true } });
  return row ? { choice: row.choice as ChoiceAnswer, answeredAt: row.answeredAt } : null;
}

/** customers/redact: the orders' answers, and their cancellations no longer in flight. */
export async function deleteCancellationsOfOrders({ shop, orderIds }: { shop: string; orderIds: readonly string[] }, tx: Tx = prisma): Promise<number> {
  if (orderIds.length === 0) return 0;
  const choices = await tx.customerChoice.deleteMany({ where: { shop, orderId: { in: [...orderIds] } } });
  const done = await tx.supportCancellation.deleteMany({ where: { shop, orderId: { in: [...orderIds] }, status: { notIn: [...ACTIVE_CANCELLATION] } } });
  return choices.count + done.count;
}

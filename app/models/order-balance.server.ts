// Data access for deferred-payment orders (OrderBalance, OrderBalanceLine; ADR 015): what a deposit or
// pay-later backorder paid at checkout and still owes, and the state of the one charge of its balance. The
// charge moves owed → charging (a compare-and-set, with the idempotency key stored first) → collected | failed;
// a cancellation of its plan items lowers what is owed (cancelled when nothing is left).
import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import type { Tx } from "./transaction.server";

export type BalanceStatus = "owed" | "charging" | "collected" | "failed" | "cancelled";

export interface NewOrderBalance {
  shop: string;
  orderId: string;
  orderName: string;
  currency: string;
  totalMinor: number;
  paidMinor: number;
  outstandingMinor: number;
  planValueMinor: number;
  termsType: string;
  dueAt: Date | null;
  paymentScheduleId: string | null;
  mandateId: string | null;
  lines: { lineItemId: string; quantity: number; unitPriceMinor: number; sellingPlanId: string | null }[];
  now: Date;
}

const BALANCE_SELECT = {
  id: true,
  orderId: true,
  orderName: true,
  currency: true,
  totalMinor: true,
  paidMinor: true,
  outstandingMinor: true,
  planValueMinor: true,
  refundedMinor: true,
  termsType: true,
  dueAt: true,
  paymentScheduleId: true,
  mandateId: true,
  status: true,
  chargeKey: true,
  chargeMinor: true,
  paymentReferenceId: true,
  collectedAt: true,
  failedAt: true,
  failureMessage: true,
} as const;

/** A balance as the models return it: the columns of BALANCE_SELECT, typed by Prisma from that select. */
export type OrderBalanceRow = Prisma.OrderBalanceGetPayload<{ select: typeof BALANCE_SELECT }>;

/** Records the order's balance once (a redelivered webhook or a retried job finds it and changes nothing). */
export async function recordOrderBalance(input: NewOrderBalance, tx: Tx = prisma): Promise<boolean> {
  const existing = await tx.orderBalance.findUnique({ where: { shop_orderId: { shop: input.shop, orderId: input.orderId } }, select: { id: true } });
  if (existing) return false;
  const { lines, now, ...fields } = input;
  const row = await tx.orderBalance.create({ data: { ...fields, createdAt: now, updatedAt: now }, select: { id: true } });
  if (lines.length) {
    await tx.orderBalanceLine.createMany({ data: lines.map((l) => ({ balanceId: row.id, shop: input.shop, ...l })) });
  }
  return true;
}

export async function findOrderBalance({ shop, orderId }: { shop: string; orderId: string }, tx: Tx = prisma): Promise<OrderBalanceRow | null> {
  return tx.orderBalance.findUnique({ where: { shop_orderId: { shop, orderId } }, select: BALANCE_SELECT });
}

/** Balances of these orders still to collect (owed), by order. */
export async function owedBalancesOfOrders({ shop, orderIds }: { shop: string; orderIds: readonly string[] }, tx: Tx = prisma) {
  if (orderIds.length === 0) return [];
  return tx.orderBalance.findMany({
    where: { shop, orderId: { in: [...orderIds] }, status: "owed", outstandingMinor: { gt: 0 } },
    select: { orderId: true, termsType: true, dueAt: true },
  });
}

export async function planLinesOfBalance({ shop, balanceId }: { shop: string; balanceId: string }, tx: Tx = prisma) {
  return tx.orderBalanceLine.findMany({ where: { shop, balanceId }, select: { lineItemId: true, quantity: true, unitPriceMinor: true } });
}

/** owed → charging, with the request that will be sent (the same on every retry). False when it already moved. */
export async function claimCharge(
  { shop, orderId, chargeKey, chargeMinor, now }: { shop: string; orderId: string; chargeKey: string; chargeMinor: number; now: Date },
  tx: Tx = prisma,
): Promise<boolean> {
  const { count } = await tx.orderBalance.updateMany({
    where: { shop, orderId, status: "owed" },
    data: { status: "charging", chargeKey, chargeMinor, chargedAt: now, updatedAt: now },
  });
  return count === 1;
}

export async function savePaymentReference({ shop, orderId, paymentReferenceId, now }: { shop: string; orderId: string; paymentReferenceId: string; now: Date }, tx: Tx = prisma) {
  await tx.orderBalance.updateMany({ where: { shop, orderId, status: "charging" }, data: { paymentReferenceId, updatedAt: now } });
}

/** charging → collected. */
export async function markBalanceCollected(
  { shop, orderId, outstandingMinor, now }: { shop: string; orderId: string; outstandingMinor: number; now: Date },
  tx: Tx = prisma,
): Promise<boolean> {
  const { count } = await tx.orderBalance.updateMany({
    where: { shop, orderId, status: "charging" },
    data: { status: "collected", outstandingMinor, collectedAt: now, updatedAt: now },
  });
  return count === 1;
}

/** charging → failed (declined, or refused by Shopify), with the reason. */
export async function markBalanceFailed({ shop, orderId, message, now }: { shop: string; orderId: string; message: string; now: Date }, tx: Tx = prisma): Promise<boolean> {
  const { count } = await tx.orderBalance.updateMany({
    where: { shop, orderId, status: "charging" },
    data: { status: "failed", failedAt: now, failureMessage: message.slice(0, 1_000), updatedAt: now },
  });
  return count === 1;
}

/**
 * Plan items of the order were cancelled and `refundedMinor` of what was paid for them refunded: the balance
 * drops by the unpaid part of their price (`forgivenMinor`); nothing left to owe = cancelled.
 */
export async function reduceBalance(
  { shop, orderId, forgivenMinor, refundedMinor, now }: { shop: string; orderId: string; forgivenMinor: number; refundedMinor: number; now: Date },
  tx: Tx = prisma,
): Promise<void> {
  const row = await tx.orderBalance.findUnique({ where: { shop_orderId: { shop, orderId } }, select: { outstandingMinor: true, status: true } });
  if (!row) return;
  const outstandingMinor = row.status === "collected" ? row.outstandingMinor : Math.max(0, row.outstandingMinor - forgivenMinor);
  const status = outstandingMinor === 0 && (row.status === "owed" || row.status === "failed") ? "cancelled" : row.status;
  await tx.orderBalance.updateMany({
    where: { shop, orderId },
    data: { outstandingMinor, status, refundedMinor: { increment: refundedMinor }, updatedAt: now },
  });
}

/** Balances still to collect (owed, being charged, or declined), for the dashboard's cash-flow forecast. */
export async function openBalances({ shop }: { shop: string }, tx: Tx = prisma) {
  return tx.orderBalance.findMany({
    where: { shop, status: { in: ["owed", "charging", "failed"] }, outstandingMinor: { gt: 0 } },
    select: { orderId: true, currency: true, outstandingMinor: true, chargeMinor: true, status: true, dueAt: true },
  });
}

/** Deposits taken at checkout by the deferred-payment orders placed in [from, to), per currency. */
export async function depositsTakenIn({ shop, from, to }: { shop: string; from: Date; to: Date }, tx: Tx = prisma) {
  const rows = await tx.orderBalance.groupBy({ by: ["currency"], where: { shop, createdAt: { gte: from, lt: to } }, _sum: { paidMinor: true }, _count: { _all: true } });
  return rows.map((r) => ({ currency: r.currency, amountMinor: r._sum.paidMinor ?? 0, orders: r._count._all }));
}

/** Balances collected in [from, to), per currency. */
export async function balancesCollectedIn({ shop, from, to }: { shop: string; from: Date; to: Date }, tx: Tx = prisma) {
  const rows = await tx.orderBalance.groupBy({ by: ["currency"], where: { shop, collectedAt: { gte: from, lt: to } }, _sum: { chargeMinor: true }, _count: { _all: true } });
  return rows.map((r) => ({ currency: r.currency, amountMinor: r._sum.chargeMinor ?? 0, orders: r._count._all }));
}

/** The orders' deferred payments, for a customer's data request. */
export async function balancesOfOrders({ shop, orderIds }: { shop: string; orderIds: readonly string[] }, tx: Tx = prisma) {
  if (orderIds.length === 0) return [];
  return tx.orderBalance.findMany({
    where: { shop, orderId: { in: [...orderIds] } },
    select: { orderName: true, currency: true, paidMinor: true, outstandingMinor: true, refundedMinor: true, status: true, dueAt: true, collectedAt: true, failedAt: true },
    orderBy: { createdAt: "asc" },
  });
}

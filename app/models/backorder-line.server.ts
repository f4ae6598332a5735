// Data access for the ledger's order lines (BackorderLine): the units of an order that stock did not cover,
// owed to a customer and served first in, first out. Every function takes the shop and every where-clause
// filters on it; the last argument runs it inside the caller's transaction (./transaction.server.ts).
// IN lists are the caller's to keep short (Prisma binds at most 999 parameters on SQLite).
import { randomUUID } from "node:crypto";
import prisma from "~/db.server";
import type { Tx } from "./transaction.server";

/**
 * The one order of a variant's waiting queue: first in, first out by order time, ties broken by ids that
 * never change. Dates are computed, stock is allocated and the product page lists lines in this order, so
 * the position a merchant sees is the position that decides a customer's date. (The time a line was
 * recorded is deliberately absent: it depends on which webhook happened to be processed first.)
 */
export const WAITING_QUEUE_ORDER = [{ orderedAt: "asc" }, { orderId: "asc" }, { lineItemId: "asc" }] as const satisfies readonly Record<
  string,
  "asc"
>[];

/** Lines still owed or served but not shipped: what a cancellation or an order edit can change. */
const OPEN = ["waiting", "allocated"];

/** What a customer email says about a line. */
export const LINE_EMAIL_SELECT = {
  id: true,
  orderId: true,
  orderName: true,
  customerName: true,
  customerEmail: true,
  customerLocale: true,
  productTitle: true,
  variantTitle: true,
  quantity: true,
} as const;

// ---- the waiting queue ----------------------------------------------------------------------------------

/** Units owed per variant (waiting lines), for the given variants. */
export async function waitingUnitsByVariant({ shop, variantIds }: { shop: string; variantIds: string[] }, tx: Tx = prisma) {
  if (variantIds.length === 0) return new Map<string, number>();
  const groups = await tx.backorderLine.groupBy({
    by: ["variantId"],
    where: { shop, status: "waiting", variantId: { in: variantIds } },
    _sum: { quantity: true },
  });
  return new Map(groups.map((group) => [group.variantId, group._sum.quantity ?? 0]));
}

/** When each variant's newest line was recorded (whatever its status). */
export async function newestLineByVariant({ shop, variantIds }: { shop: string; variantIds: string[] }, tx: Tx = prisma) {
  const groups = await tx.backorderLine.groupBy({ by: ["variantId"], where: { shop, variantId: { in: variantIds } }, _max: { createdAt: true } });
  return new Map(groups.map((group) => [group.variantId, group._max.createdAt]));
}

/** Where a line stands in the queue order (WAITING_QUEUE_ORDER): the product page's cursor. */
export interface QueueKey {
  orderedAt: Date;
  orderId: string;
  lineItemId: string;
}

/** Lines after `key` in queue order ("gt"), or up to and including it ("lte"), as a where-clause on the queue index. */
function queueAfter(key: QueueKey, direction: "gt" | "lte") {
  if (direction === "gt") {
    return {
      OR: [
        { orderedAt: { gt: key.orderedAt } },
        { orderedAt: key.orderedAt, orderId: { gt: key.orderId } },
        { orderedAt: key.orderedAt, orderId: key.orderId, lineItemId: { gt: key.lineItemId } },
      ],
    };
  }
  return {
    OR: [
      { orderedAt: { lt: key.orderedAt } },
      { orderedAt: key.orderedAt, orderId: { lt: key.orderId } },
      { orderedAt: key.orderedAt, orderId: key.orderId, lineItemId: { lte: key.lineItemId } },
    ],
  };
}

/**
 * One page of the variant's FIFO queue as the product page lists it (oldest order first): the `take`
 * lines after `after` (keyset over the (shop, variantId, status, orderedAt) index), never the whole queue.
 */
export async function waitingLinesPage(
  { shop, variantId, after, take }: { shop: string; variantId: string; after: QueueKey | null; take: number },
  tx: Tx = prisma,
) {
  return tx.backorderLine.findMany({
    where: { shop, variantId, status: "waiting", ...(after ? queueAfter(after, "gt") : {}) },
    orderBy: [...WAITING_QUEUE_ORDER],
    take,
    select: {
      id: true,
      orderId: true,
      lineItemId: true,
      orderName: true,
      customerEmail: true,
      quantity: true,
      orderedAt: true,
      promisedLatest: true,
      overCap: true,
    },
  });
}

/** Waiting lines of the variant up to and including `through` in queue order (all of them without it). */
export async function countWaitingLines(
  { shop, variantId, through }: { shop: string; variantId: string; through?: QueueKey | null },
  tx: Tx = prisma,
): Promise<number> {
  return tx.backorderLine.count({ where: { shop, variantId, status: "waiting", ...(through ? queueAfter(through, "lte") : {}) } });
}

/** The waiting queues the ETA engine dates, in queue order: of `variantIds`, or of every variant of the shop. */
export async function waitingQueueLines({ shop, variantIds }: { shop: string; variantIds?: readonly string[] }, tx: Tx = prisma) {
  return tx.backorderLine.findMany({
    where: variantIds ? { shop, status: "waiting", variantId: { in: [...variantIds] } } : { shop, status: "waiting" },
    select: { id: true, variantId: true, quantity: true, promisedLatest: true },
    orderBy: [...WAITING_QUEUE_ORDER],
  });
}

/** Variants with at least one waiting line. */
export async function variantsWithWaitingLines({ shop }: { shop: string }, tx: Tx = prisma): Promise<string[]> {
  const rows = await tx.backorderLine.findMany({ where: { shop, status: "waiting" }, select: { variantId: true }, distinct: ["variantId"] });
  return rows.map((r) => r.variantId);
}

// ---- allocation -----------------------------------------------------------------------------------------

/** The waiting lines a stock reading taken at `asOf` can serve: those recorded by then. */
function servableBy({ shop, variantId, asOf }: { shop: string; variantId: string; asOf: Date }) {
  return { shop, variantId, status: "waiting", createdAt: { lte: asOf } } as const;
}

/** Units owed to the variant's waiting lines recorded by `asOf`. */
export async function owedUnitsRecordedBy(args: { shop: string; variantId: string; asOf: Date }, tx: Tx = prisma): Promise<number> {
  return (await tx.backorderLine.aggregate({ where: servableBy(args), _sum: { quantity: true } }))._sum.quantity ?? 0;
}

/** One page of the variant's queue (lines recorded by `asOf`), in queue order. */
export async function waitingQueuePage(
  { skip, take, ...queue }: { shop: string; variantId: string; asOf: Date; skip: number; take: number },
  tx: Tx = prisma,
) {
  return tx.backorderLine.findMany({
    where: servableBy(queue),
    orderBy: [...WAITING_QUEUE_ORDER],
    skip,
    take,
    select: { id: true, quantity: true, orderId: true },
  });
}

/** Marks those of `lineIds` still waiting as allocated. */
export async function markLinesAllocated({ shop, lineIds, now }: { shop: string; lineIds: string[]; now: Date }, tx: Tx = prisma): Promise<void> {
  await tx.backorderLine.updateMany({
    where: { shop, id: { in: lineIds }, status: "waiting" },
    data: { status: "allocated", allocatedAt: now },
  });
}

/** Every line of the orders, with what the ready-to-ship email needs (by id: the first is the email's key). */
export async function readyEmailLinesOfOrders({ shop, orderIds }: { shop: string; orderIds: string[] }, tx: Tx = prisma) {
  return tx.backorderLine.findMany({
    where: { shop, orderId: { in: orderIds } },
    select: { ...LINE_EMAIL_SELECT, orderId: true, status: true, holdId: true },
    orderBy: { id: "asc" },
  });
}

// ---- what customers were told -----------------------------------------------------------------------------

/** Orders with an open line of `variantIds` that no confirmation has dated yet. */
export async function ordersWithUnconfirmedLines({ shop, variantIds }: { shop: string; variantIds: string[] }, tx: Tx = prisma): Promise<string[]> {
  const rows = await tx.backorderLine.findMany({
    where: { shop, variantId: { in: variantIds }, status: { in: OPEN }, notifiedLatest: null },
    select: { orderId: true },
    distinct: ["orderId"],
  });
  return rows.map((r) => r.orderId);
}

/** The orders' open lines not confirmed yet, as the confirmation email lists them (the order's line order). */
export async function unconfirmedLinesOfOrders({ shop, orderIds }: { shop: string; orderIds: string[] }, tx: Tx = prisma) {
  return tx.backorderLine.findMany({
    where: { shop, orderId: { in: orderIds }, status: { in: OPEN }, notifiedLatest: null },
    select: { ...LINE_EMAIL_SELECT, orderId: true, variantId: true, status: true, promisedLatest: true, termsVersion: true },
    orderBy: { lineItemId: "asc" },
  });
}

/**
 * Records the dates a confirmation tells, unless the line changed status or was confirmed meanwhile
 * (compare-and-set). Returns whether this call confirmed it.
 */
export async function recordConfirmation(
  { shop, lineId, status, notifiedLatest, promisedLatest }: { shop: string; lineId: string; status: string; notifiedLatest: string; promisedLatest: string },
  tx: Tx = prisma,
): Promise<boolean> {
  const { count } = await tx.backorderLine.updateMany({
    where: { id: lineId, shop, status, notifiedLatest: null },
    data: { notifiedLatest, promisedLatest },
  });
  return count === 1;
}

/** Waiting lines of `variantIds` already told a date, with what a date-change email needs. */
export async function toldWaitingLines({ shop, variantIds }: { shop: string; variantIds: string[] }, tx: Tx = prisma) {
  return tx.backorderLine.findMany({
    where: { shop, variantId: { in: variantIds }, status: "waiting", notifiedLatest: { not: null } },
    select: { ...LINE_EMAIL_SELECT, orderId: true, notifiedLatest: true },
  });
}

/** Waiting lines of `variantIds` already told a date, and their customer's address (previews count people). */
export async function toldWaitingCustomers({ shop, variantIds }: { shop: string; variantIds: string[] }, tx: Tx = prisma) {
  return tx.backorderLine.findMany({
    where: { shop, variantId: { in: variantIds }, status: "waiting", notifiedLatest: { not: null }, customerEmail: { not: null } },
    select: { id: true, notifiedLatest: true, customerEmail: true },
  });
}

/**
 * Moves the latest date a waiting line was told from `from` to `to`, unless it moved or stopped waiting
 * meanwhile (compare-and-set). Returns whether this call moved it.
 */
export async function moveToldDate({ shop, lineId, from, to }: { shop: string; lineId: string; from: string; to: string }, tx: Tx = prisma): Promise<boolean> {
  const { count } = await tx.backorderLine.updateMany({
    where: { id: lineId, shop, status: "waiting", notifiedLatest: from },
    data: { notifiedLatest: to },
  });
  return count === 1;
}

// ---- orders ---------------------------------------------------------------------------------------------

/** The order's line items the ledger has recorded (any status). */
export async function recordedLineItemIds({ shop, orderId }: { shop: string; orderId: string }, tx: Tx = prisma): Promise<string[]> {
  return (await tx.backorderLine.findMany({ where: { shop, orderId }, select: { lineItemId: true } })).map((l) => l.lineItemId);
}

/** The order's open lines, with what an order edit compares. */
export async function openLinesOfOrder({ shop, orderId }: { shop: string; orderId: string }, tx: Tx = prisma) {
  return tx.backorderLine.findMany({
    where: { shop, orderId, status: { in: OPEN } },
    select: { id: true, lineItemId: true, variantId: true, quantity: true, status: true, orderUpdatedAt: true },
  });
}

/**
 * Applies an order event to one line (a new status or a smaller quantity) and records the event's time,
 * unless the line changed since it was read (compare-and-set on status and event time). Returns whether it
 * was applied.
 */
export async function applyOrderEvent(
  {
    shop,
    line,
    change,
    orderUpdatedAt,
  }: {
    shop: string;
    line: { id: string; status: string; orderUpdatedAt: Date | null };
    change: { status?: string; quantity?: number };
    orderUpdatedAt: Date;
  },
  tx: Tx = prisma,
): Promise<boolean> {
  const { count } = await tx.backorderLine.updateMany({
    where: { id: line.id, shop, status: line.status, orderUpdatedAt: line.orderUpdatedAt },
    data: { ...change, orderUpdatedAt },
  });
  return count === 1;
}

/** Units owed to waiting lines of orders placed after `orderedAfter`, among the lines recorded by `asOf`. */
export async function owedUnitsOfYoungerOrders(
  { shop, variantId, asOf, orderedAfter }: { shop: string; variantId: string; asOf: Date; orderedAfter: Date },
  tx: Tx = prisma,
): Promise<number> {
  return (
    (
      await tx.backorderLine.aggregate({
        where: { shop, variantId, status: "waiting", createdAt: { lte: asOf }, orderedAt: { gt: orderedAfter } },
        _sum: { quantity: true },
      })
    )._sum.quantity ?? 0
  );
}

export interface OwedLine {
  shop: string;
  variantId: string;
  orderId: string;
  orderName: string;
  lineItemId: string;
  quantity: number;
  customerEmail: string | null;
  customerLocale: string;
  orderedAt: Date;
  promisedLatest: string | null;
  termsVersion: number | null;
  /** Unit price at intake in minor units, and its currency; null when the payload had none. */
  unitPriceMinor?: number | null;
  currency?: string | null;
  customerName: string | null;
  /** Customer gid; null for guest orders. */
  customerId?: string | null;
  productTitle: string;
  variantTitle: string;
  orderUpdatedAt: Date;
}

/**
 * Records a waiting line, unless the line item is already recorded (a redelivered or concurrent event):
 * returns whether this call inserted it. One statement, so two workers never record a line twice.
 */
export async function insertWaitingLine(line: OwedLine, now: Date, tx: Tx = prisma): Promise<boolean> {
  const inserted = await tx.$executeRaw`INSERT INTO "BackorderLine" ("id", "shop", "variantId", "orderId", "orderName", "lineItemId",
      "quantity", "customerEmail", "customerLocale", "orderedAt", "promisedLatest", "termsVersion", "customerName", "customerId", "productTitle",
      "variantTitle", "orderUpdatedAt", "unitPriceMinor", "currency", "status", "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${line.shop}, ${line.variantId}, ${line.orderId}, ${line.orderName}, ${line.lineItemId},
      ${line.quantity}, ${line.customerEmail}, ${line.customerLocale}, ${line.orderedAt}, ${line.promisedLatest}, ${line.termsVersion}, ${line.customerName},
      ${line.customerId ?? null}, ${line.productTitle}, ${line.variantTitle},
      ${line.orderUpdatedAt}, ${line.unitPriceMinor ?? null}, ${line.currency ?? null}, 'waiting', ${now}, ${now})
    ON CONFLICT ("shop", "lineItemId") DO NOTHING`;
  return inserted === 1;
}

/** Flags the order's lines of the variant as taken past the variant's cap. */
export async function flagOverCap({ shop, orderId, variantId }: { shop: string; orderId: string; variantId: string }, tx: Tx = prisma): Promise<void> {
  await tx.backorderLine.updateMany({ where: { shop, orderId, variantId }, data: { overCap: true } });
}

/** Variants of the order's open lines that no confirmation has dated yet. */
export async function variantsOfUnconfirmedLines({ shop, orderId }: { shop: string; orderId: string }, tx: Tx = prisma): Promise<string[]> {
  const rows = await tx.backorderLine.findMany({
    where: { shop, orderId, status: { in: OPEN }, notifiedLatest: null },
    select: { variantId: true },
    distinct: ["variantId"],
  });
  return rows.map((r) => r.variantId);
}

/** The order's lines that are not cancelled. */
export async function countUncancelledLines({ shop, orderId }: { shop: string; orderId: string }, tx: Tx = prisma): Promise<number> {
  return tx.backorderLine.count({ where: { shop, orderId, status: { not: "cancelled" } } });
}

/**
 * Cancels what is left of the order (waiting and allocated lines) and forgets its holds (Shopify cancels
 * the fulfillment orders, and their holds, with the order). Returns the variants whose queue changed.
 */
export async function cancelOpenLinesOfOrder({ shop, orderId }: { shop: string; orderId: string }, tx: Tx = prisma): Promise<string[]> {
  const lines = await tx.backorderLine.findMany({
    where: { shop, orderId, status: { in: OPEN } },
    select: { variantId: true },
  });
  await tx.backorderLine.updateMany({ where: { shop, orderId, status: { in: OPEN } }, data: { status: "cancelled" } });
  await tx.backorderLine.updateMany({ where: { shop, orderId, holdId: { not: null } }, data: { holdId: null } });
  return [...new Set(lines.map((l) => l.variantId))];
}

/**
 * Cancels the order's lines among `lineIds` that are still open (a refund took them). Their holds stay
 * recorded: the release pass lets them go (./holds are per fulfillment order, and may cover other lines).
 * Returns the lines it cancelled.
 */
export async function cancelLinesById({ shop, orderId, lineIds }: { shop: string; orderId: string; lineIds: readonly string[] }, tx: Tx = prisma) {
  if (lineIds.length === 0) return [];
  const lines = await tx.backorderLine.findMany({ where: { shop, orderId, id: { in: [...lineIds] }, status: { in: OPEN } }, select: { id: true, variantId: true } });
  await tx.backorderLine.updateMany({ where: { shop, orderId, id: { in: lines.map((l) => l.id) }, status: { in: OPEN } }, data: { status: "cancelled" } });
  return lines;
}

// ---- fulfillment holds ----------------------------------------------------------------------------------

/** The order's waiting lines that no hold of ours covers yet, in line item order. */
export async function unheldWaitingLinesOfOrder({ shop, orderId }: { shop: string; orderId: string }, tx: Tx = prisma) {
  return tx.backorderLine.findMany({
    where: { shop, orderId, status: "waiting", holdId: null },
    select: { id: true, lineItemId: true, quantity: true },
    orderBy: { lineItemId: "asc" },
  });
}

/** Records our hold on the lines (those still open and not held); returns how many lines it now covers. */
export async function recordHold(
  {
    shop,
    lineIds,
    holdId,
    fulfillmentOrderId,
  }: {
    shop: string;
    lineIds: string[];
    holdId: string;
    fulfillmentOrderId: string;
  },
  tx: Tx = prisma,
): Promise<number> {
  const { count } = await tx.backorderLine.updateMany({
    where: { shop, id: { in: lineIds }, holdId: null, status: { in: OPEN } },
    data: { holdId, fulfillmentOrderId },
  });
  return count;
}

/** Every line of the order with its status and hold. */
export async function holdsOfOrderLines({ shop, orderId }: { shop: string; orderId: string }, tx: Tx = prisma) {
  return tx.backorderLine.findMany({
    where: { shop, orderId },
    select: { id: true, status: true, holdId: true, fulfillmentOrderId: true },
  });
}

/** Forgets one hold of the order (released, or found released); returns whether a line still had it. */
export async function clearHold({ shop, orderId, holdId }: { shop: string; orderId: string; holdId: string }, tx: Tx = prisma): Promise<boolean> {
  const { count } = await tx.backorderLine.updateMany({ where: { shop, orderId, holdId }, data: { holdId: null } });
  return count > 0;
}

/** Orders with a hold left to release: lines no longer waiting but still under our hold. */
export async function ordersWithHoldsToRelease(
  { shop, limit, variantIds }: { shop: string; limit: number; variantIds?: readonly string[] },
  tx: Tx = prisma,
): Promise<string[]> {
  const rows = await tx.backorderLine.findMany({
    where: {
      shop,
      holdId: { not: null },
      status: { in: ["allocated", "cancelled", "fulfilled"] },
      ...(variantIds ? { variantId: { in: [...variantIds] } } : {}),
    },
    select: { orderId: true },
    distinct: ["orderId"],
    take: limit,
  });
  return rows.map((r) => r.orderId);
}

/** Orders with waiting lines recorded since `since` and no hold yet (a failed or interrupted placement). */
export async function ordersWithUnheldLines({ shop, since, limit }: { shop: string; since: Date; limit: number }, tx: Tx = prisma): Promise<string[]> {
  const rows = await tx.backorderLine.findMany({
    where: { shop, status: "waiting", holdId: null, createdAt: { gte: since } },
    select: { orderId: true },
    distinct: ["orderId"],
    take: limit,
  });
  return rows.map((r) => r.orderId);
}

// ---- privacy --------------------------------------------------------------------------------------------

/** Lines of a customer: by the orders Shopify names, or by address (`email` lower-case; any stored case). */
export async function customerLineIds(
  { shop, orderIds, email }: { shop: string; orderIds: readonly string[]; email: string | null },
  tx: Tx = prisma,
): Promise<string[]> {
  const ids = new Set<string>();
  if (orderIds.length) {
    for (const row of await tx.backorderLine.findMany({ where: { shop, orderId: { in: [...orderIds] } }, select: { id: true } })) ids.add(row.id);
  }
  if (email) {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "BackorderLine" WHERE "shop" = ${shop} AND LOWER("customerEmail") = ${email}`;
    for (const row of rows) ids.add(row.id);
  }
  return [...ids];
}

/**
 * Removes the customer from the lines: open ones are anonymized (their units hold a place in the queue
 * other customers' dates depend on), finished ones are deleted.
 */
export async function redactLines({ shop, lineIds }: { shop: string; lineIds: string[] }, tx: Tx = prisma) {
  const anonymized = await tx.backorderLine.updateMany({
    where: { shop, id: { in: lineIds }, status: { in: OPEN } },
    data: { customerEmail: null, customerName: null, customerId: null },
  });
  const deleted = await tx.backorderLine.deleteMany({ where: { shop, id: { in: lineIds }, status: { notIn: OPEN } } });
  return { anonymized: anonymized.count, deleted: deleted.count };
}

/** The lines as a customer's data export shows them, oldest order first. */
export async function exportLines({ shop, lineIds }: { shop: string; lineIds: string[] }, tx: Tx = prisma) {
  return tx.backorderLine.findMany({
    where: { shop, id: { in: lineIds } },
    select: {
      orderId: true,
      orderName: true,
      customerEmail: true,
      customerName: true,
      customerLocale: true,
      productTitle: true,
      variantTitle: true,
      quantity: true,
      status: true,
      orderedAt: true,
      promisedLatest: true,
      notifiedLatest: true,
      allocatedAt: true,
    },
    orderBy: { orderedAt: "asc" },
  });
}

// ---- storefront (a logged-in customer's place in the queue) ---------------------------------------------

/** When the variant's oldest waiting line was ordered; null when nobody waits. */
export async function oldestWaitingOrderedAt({ shop, variantId }: { shop: string; variantId: string }, tx: Tx = prisma): Promise<Date | null> {
  const { _min } = await tx.backorderLine.aggregate({ where: { shop, variantId, status: "waiting" }, _min: { orderedAt: true } });
  return _min.orderedAt;
}

/** The variant's waiting lines that belong to `orderIds` (a short list: the caller chunks it). */
export async function waitingLinesOfOrders(
  { shop, variantId, orderIds }: { shop: string; variantId: string; orderIds: readonly string[] },
  tx: Tx = prisma,
): Promise<{ id: string; orderName: string }[]> {
  return tx.backorderLine.findMany({
    where: { shop, variantId, status: "waiting", orderId: { in: [...orderIds] } },
    select: { id: true, orderName: true },
  });
}

// ---- support desk -----------------------------------------------------------------------------------------

/** Every line of the orders, with what the support queue and order page show (the order's line order). */
export async function supportLinesOfOrders({ shop, orderIds }: { shop: string; orderIds: readonly string[] }, tx: Tx = prisma) {
  return tx.backorderLine.findMany({
    where: { shop, orderId: { in: [...orderIds] } },
    select: {
      id: true,
      orderId: true,
      orderName: true,
      variantId: true,
      lineItemId: true,
      quantity: true,
      status: true,
      customerName: true,
      customerEmail: true,
      customerLocale: true,
      orderedAt: true,
      productTitle: true,
      variantTitle: true,
      promisedLatest: true,
      notifiedLatest: true,
      estimateEarliest: true,
      estimateLatest: true,
      manualEarliest: true,
      manualLatest: true,
      manualReason: true,
      manualBy: true,
      manualAt: true,
      manualSupplyKey: true,
      holdId: true,
      allocatedAt: true,
    },
    orderBy: { lineItemId: "asc" },
  });
}

/** Waiting lines of `variantIds` with their stored estimate and manual promise (every ledger pass compares). */
export async function waitingLinesWithEstimates({ shop, variantIds }: { shop: string; variantIds: readonly string[] }, tx: Tx = prisma) {
  return tx.backorderLine.findMany({
    where: { shop, status: "waiting", variantId: { in: [...variantIds] } },
    select: {
      id: true,
      orderId: true,
      variantId: true,
      estimateEarliest: true,
      estimateLatest: true,
      manualEarliest: true,
      manualLatest: true,
      manualSupplyKey: true,
    },
  });
}

/** Stores the engine's current range of a waiting line. */
export async function storeLineEstimate({ shop, lineId, earliest, latest }: { shop: string; lineId: string; earliest: string; latest: string }, tx: Tx = prisma) {
  await tx.backorderLine.updateMany({ where: { shop, id: lineId }, data: { estimateEarliest: earliest, estimateLatest: latest } });
}

/** Drops a line's manual promise (its supply changed). Returns whether there was one to drop. */
export async function clearManualPromise({ shop, lineId }: { shop: string; lineId: string }, tx: Tx = prisma): Promise<boolean> {
  const { count } = await tx.backorderLine.updateMany({
    where: { shop, id: lineId, manualLatest: { not: null } },
    data: { manualEarliest: null, manualLatest: null, manualReason: null, manualBy: null, manualAt: null, manualSupplyKey: null },
  });
  return count === 1;
}

/** Sets a manual promise on the order's waiting lines among `lineIds`; returns the lines it set. */
export async function setManualPromise(
  {
    shop,
    orderId,
    lineIds,
    earliest,
    latest,
    reason,
    by,
    at,
    supplyKeyOf,
  }: { shop: string; orderId: string; lineIds: readonly string[]; earliest: string; latest: string; reason: string; by: string; at: Date; supplyKeyOf: (variantId: string) => string | null },
  tx: Tx = prisma,
) {
  const lines = await tx.backorderLine.findMany({
    where: { shop, orderId, id: { in: [...lineIds] }, status: "waiting" },
    select: { ...LINE_EMAIL_SELECT, variantId: true, notifiedLatest: true },
  });
  const set: typeof lines = [];
  for (const line of lines) {
    const key = supplyKeyOf(line.variantId);
    if (key === null) continue;
    await tx.backorderLine.updateMany({
      where: { shop, id: line.id, status: "waiting" },
      data: { manualEarliest: earliest, manualLatest: latest, manualReason: reason, manualBy: by, manualAt: at, manualSupplyKey: key },
    });
    set.push(line);
  }
  return set;
}

/** Moves the latest date a waiting line was told to `to`, whatever it was (a manual promise being announced). */
export async function setToldDate({ shop, lineId, from, to }: { shop: string; lineId: string; from: string | null; to: string }, tx: Tx = prisma): Promise<boolean> {
  const { count } = await tx.backorderLine.updateMany({ where: { id: lineId, shop, status: "waiting", notifiedLatest: from }, data: { notifiedLatest: to } });
  return count === 1;
}

/** The orders' waiting lines with what a delay email needs and the date the line goes by now. */
export async function waitingLinesForNotice({ shop, orderIds }: { shop: string; orderIds: readonly string[] }, tx: Tx = prisma) {
  return tx.backorderLine.findMany({
    where: { shop, orderId: { in: [...orderIds] }, status: "waiting" },
    select: { ...LINE_EMAIL_SELECT, orderId: true, notifiedLatest: true, estimateEarliest: true, estimateLatest: true, manualEarliest: true, manualLatest: true },
  });
}

/** The orders of `lineIds`. */
export async function ordersOfLines({ shop, lineIds }: { shop: string; lineIds: readonly string[] }, tx: Tx = prisma): Promise<string[]> {
  if (lineIds.length === 0) return [];
  const rows = await tx.backorderLine.findMany({ where: { shop, id: { in: [...lineIds] } }, select: { orderId: true }, distinct: ["orderId"] });
  return rows.map((r) => r.orderId);
}

/** The orders with a waiting line of the variant (the (shop, variantId, status, orderedAt) index). */
export async function waitingOrderIdsOfVariant({ shop, variantId }: { shop: string; variantId: string }, tx: Tx = prisma): Promise<string[]> {
  const rows = await tx.backorderLine.findMany({ where: { shop, variantId, status: "waiting" }, select: { orderId: true } });
  return [...new Set(rows.map((r) => r.orderId))];
}

/**
 * Who the ledger recorded as the order's customer, and when it was placed: what customer-facing surfaces
 * (customer accounts, thank-you page) check before showing or changing an order. Null when the shop has no
 * line of that order. `customerIds` is empty for guest orders and erased customers.
 */
export async function orderOwner({ shop, orderId }: { shop: string; orderId: string }, tx: Tx = prisma): Promise<{ customerIds: string[]; orderedAt: Date } | null> {
  const rows = await tx.backorderLine.findMany({ where: { shop, orderId }, select: { customerId: true, orderedAt: true } });
  if (rows.length === 0) return null;
  const customerIds = [...new Set(rows.map((r) => r.customerId).filter((id): id is string => !!id))];
  const orderedAt = rows.reduce((min, r) => (r.orderedAt < min ? r.orderedAt : min), rows[0]!.orderedAt);
  return { customerIds, orderedAt };
}

// Applying a fresh stock reading to a variant's ledger, inside one transaction:
//   1. store the reading (available, inventory item, newest event time);
//   2. serve waiting lines first-in-first-out (~/domain/allocation): the units on hand for the queue are
//      `available + units still owed to waiting lines`, because Shopify's available already has every
//      order subtracted. Lines recorded after the reading (createdAt > asOf) are left out, both from that
//      sum and from the allocation: their orders may not be in the reading yet, and counting them would
//      hand out stock that is not there (they are the youngest, so FIFO loses nothing);
//   3. queue the ready-to-ship email of every order now fully allocated and not held by us (held orders
//      get theirs when the hold is released: ./holds.server.ts);
//   4. when free stock grew, queue back-in-stock emails for at most that many subscribers.
// Only the prefix of the queue that the stock can cover is read, so a variant with 10,000 waiting lines
// costs one SUM and a page of rows.
import { allocateFifo } from "~/domain/allocation";
import {
  markLinesAllocated,
  owedUnitsRecordedBy,
  readyEmailLinesOfOrders,
  waitingQueuePage,
} from "~/models/backorder-line.server";
import { recordStockReading, stockStateOfVariant } from "~/models/backorder-variant.server";
import type { Tx } from "~/models/transaction.server";
import { queueBackInStockEmails } from "~/notifications/queue.server";
import { recordTimeline, type TimelineEvent } from "~/workflows/support/timeline.server";
import { queueBalanceCollections } from "~/workflows/payments/balance.server";
import { queueReady, readyKey } from "./notify.server";

const PAGE = 500;

export interface StockSnapshot {
  variantId: string;
  /** Shopify's available quantity summed over locations (negative = units owed). */
  available: number;
  /** Taken just before the reading: ledger lines recorded after it are not counted. */
  asOf: Date;
  inventoryItemId?: string | null;
  productTitle?: string;
  variantTitle?: string;
  /** Storefront URL for back-in-stock emails; without it none are sent. */
  productUrl?: string;
  /** updated_at of the inventory event that triggered the reading (out-of-order guard). */
  eventUpdatedAt?: Date | null;
}

export interface AllocationOutcome {
  variantId: string;
  previousAvailable: number;
  available: number;
  allocatedLineIds: string[];
  /** Orders that gained an allocated line. */
  orderIds: string[];
  readyQueued: number;
  backInStockQueued: number;
}

/**
 * Queues the ready-to-ship email of each order once nothing of it waits and none of our holds is pending; and,
 * as soon as nothing of it waits, the collection of a deposit or pay-later balance due on fulfillment (ADR 015).
 */
export async function queueReadyEmails(tx: Tx, shop: string, orderIds: readonly string[], now: Date = new Date()): Promise<number> {
  let queued = 0;
  const events: TimelineEvent[] = [];
  const served: string[] = [];
  for (let i = 0; i < orderIds.length; i += PAGE) {
    const lines = await readyEmailLinesOfOrders({ shop, orderIds: orderIds.slice(i, i + PAGE) }, tx);
    const byOrder = new Map<string, typeof lines>();
    for (const line of lines) byOrder.set(line.orderId, [...(byOrder.get(line.orderId) ?? []), line]);
    for (const orderLines of byOrder.values()) {
      const first = orderLines[0];
      if (!first || orderLines.some((l) => l.status === "waiting")) continue;
      const allocated = orderLines.filter((l) => l.status === "allocated");
      if (allocated.length > 0) served.push(first.orderId);
      if (allocated.length === 0 || allocated.some((l) => l.holdId !== null)) continue;
      if (await queueReady(tx, shop, first.id, allocated)) {
        queued++;
        events.push({ orderId: first.orderId, kind: "ready_queued", at: now, emailKey: readyKey(first.id) });
      }
    }
  }
  await recordTimeline(tx, shop, events);
  await queueBalanceCollections(tx, shop, served, now);
  return queued;
}

export async function maybeQueueReady(tx: Tx, shop: string, orderId: string, now: Date = new Date()): Promise<boolean> {
  return (await queueReadyEmails(tx, shop, [orderId], now)) === 1;
}

export interface QueueAllocation {
  /** Lines fully covered by this reading, in queue order. */
  allocatedLineIds: string[];
  /** Their orders. */
  orderIds: string[];
}

/**
 * Serves the variant's queue from `available` (see the file comment): reads one SUM and the prefix of
 * the queue the supply can cover, and marks the lines it covers in full as allocated.
 */
export async function allocateQueue(
  tx: Tx,
  { shop, variantId, available, asOf, now }: { shop: string; variantId: string; available: number; asOf: Date; now: Date },
): Promise<QueueAllocation> {
  const owed = await owedUnitsRecordedBy({ shop, variantId, asOf }, tx);
  const supply = available + owed;
  if (owed <= 0 || supply <= 0) return { allocatedLineIds: [], orderIds: [] };
  const prefix: { id: string; quantity: number; orderId: string }[] = [];
  let units = 0;
  // Every line owes at least one unit, so the lines `supply` can reach are at most `supply`.
  for (let skip = 0, take = Math.min(PAGE, supply + 1); units < supply; skip += take, take = PAGE) {
    const page = await waitingQueuePage({ shop, variantId, asOf, skip, take }, tx);
    for (const line of page) {
      prefix.push(line);
      units += line.quantity;
    }
    if (page.length < take) break;
  }
  const result = allocateFifo(prefix, supply);
  for (let i = 0; i < result.newlyAllocated.length; i += PAGE) {
    await markLinesAllocated({ shop, lineIds: result.newlyAllocated.slice(i, i + PAGE), now }, tx);
  }
  const orderOf = new Map(prefix.map((l) => [l.id, l.orderId]));
  const events: TimelineEvent[] = result.newlyAllocated.map((lineId) => ({
    orderId: orderOf.get(lineId) as string,
    kind: "line_allocated",
    at: now,
    data: { lineId, cause: "stock" },
  }));
  await recordTimeline(tx, shop, events);
  return { allocatedLineIds: result.newlyAllocated, orderIds: [...new Set(result.newlyAllocated.map((id) => orderOf.get(id) as string))] };
}

export async function applyStock(
  tx: Tx,
  { shop, snapshot, now }: { shop: string; snapshot: StockSnapshot; now: Date },
): Promise<AllocationOutcome | null> {
  const { variantId } = snapshot;
  const variant = await stockStateOfVariant({ shop, variantId }, tx);
  if (!variant) return null;
  const newest =
    snapshot.eventUpdatedAt && (!variant.inventoryUpdatedAt || snapshot.eventUpdatedAt > variant.inventoryUpdatedAt)
      ? snapshot.eventUpdatedAt
      : variant.inventoryUpdatedAt;
  await recordStockReading(
    {
      shop,
      variantId,
      available: snapshot.available,
      inventoryUpdatedAt: newest,
      inventoryItemId: snapshot.inventoryItemId,
      productTitle: snapshot.productTitle,
      variantTitle: snapshot.variantTitle,
    },
    tx,
  );

  const allocation = await allocateQueue(tx, { shop, variantId, available: snapshot.available, asOf: snapshot.asOf, now });
  const outcome: AllocationOutcome = {
    variantId,
    previousAvailable: variant.available,
    available: snapshot.available,
    allocatedLineIds: allocation.allocatedLineIds,
    orderIds: allocation.orderIds,
    readyQueued: await queueReadyEmails(tx, shop, allocation.orderIds, now),
    backInStockQueued: 0,
  };

  const arrived = Math.max(0, snapshot.available) - Math.max(0, variant.available);
  if (arrived > 0 && snapshot.productUrl) {
    outcome.backInStockQueued = await queueBackInStockEmails(
      {
        shop,
        variantId,
        unitsArrived: arrived,
        productTitle: snapshot.productTitle || variant.productTitle,
        variantTitle: snapshot.variantTitle ?? variant.variantTitle,
        productUrl: snapshot.productUrl,
      },
      tx,
    );
  }
  return outcome;
}

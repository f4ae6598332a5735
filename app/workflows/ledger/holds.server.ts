// Our fulfillment holds on owed lines. Placing: one hold per fulfillment order, with a handle naming it ours
// (`backorder-pilot:<line item number>`), adopted rather than duplicated when a re-run finds it already
// there. What the hold covers follows the shop's `fulfillmentMode`: `ship_available` (default) holds only
// the owed quantities, so Shopify splits the fulfillment order and the rest can ship now; `ship_together`
// holds the whole fulfillment order. Every fulfillment order and line item is read (paginated); a line we
// could not hold is reported to the job (`ctx.reportFailure`), so the job fails visibly and retries.
// Releasing: when every line under a hold is allocated (or cancelled), release exactly that hold by id,
// then queue the order's ready-to-ship email in the transaction that records the release. Before
// releasing, the fulfillment order is read: a cancelled order gets no email (its stock goes back to the
// queue), and a hold someone already released counts as released.
import type { JobContext } from "~/jobs/types";
import {
  cancelOpenLinesOfOrder,
  clearHold,
  holdsOfOrderLines,
  ordersWithHoldsToRelease,
  ordersWithUnheldLines,
  recordHold,
  unheldWaitingLinesOfOrder,
} from "~/models/backorder-line.server";
import { findFulfillmentMode } from "~/models/settings.server";
import { inWriteTransaction } from "~/models/transaction.server";
import { readOrderFulfillmentOrders, type OrderFulfillmentSnapshot } from "~/shopify/orders.server";
import {
  HOLD_HANDLE_PREFIX,
  holdFulfillmentOrderLines,
  readFulfillmentOrderHolds,
  releaseFulfillmentHold,
  tagOrderAndHold,
  type HoldResult,
  type TagOutcome,
} from "~/shopify/fulfillment-holds.server";
import { recordTimeline } from "~/workflows/support/timeline.server";
import { maybeQueueReady } from "./allocation.server";

const ACTIVE_FO = new Set(["OPEN", "ON_HOLD", "IN_PROGRESS", "SCHEDULED"]);

function lineNumber(lineItemId: string): string {
  return /(\d+)$/.exec(lineItemId)?.[1] ?? lineItemId;
}

/** Cancels what is left of an order Shopify reports cancelled; returns the variants whose queue changed. */
export async function cancelOrderLines(shop: string, orderId: string, now: Date = new Date()): Promise<string[]> {
  // Shopify cancels the fulfillment orders (and their holds) with the order: nothing left to release.
  return inWriteTransaction(async (tx) => {
    const variants = await cancelOpenLinesOfOrder({ shop, orderId }, tx);
    if (variants.length) await recordTimeline(tx, shop, [{ orderId, kind: "order_cancelled", at: now }]);
    return variants;
  });
}

export interface HoldOutcome {
  placed: number;
  adopted: number;
  failed: string[];
  /** Shopify says the order is cancelled: its lines were cancelled here. */
  cancelledVariantIds: string[];
  /** The outcome of the tags sent with the first hold; null when no hold request carried them. */
  tag: TagOutcome | null;
}

export interface PlaceHoldsOptions {
  /** The order's fulfillment orders as this job just read them (saves a read); default: read them now. */
  snapshot?: OrderFulfillmentSnapshot | null;
  /** Tags to add to the order in the same request as the first hold placed (the caller adds them otherwise). */
  tags?: readonly string[];
}

export type FulfillmentMode = "ship_available" | "ship_together";

/** Holds the order's waiting lines that have no hold yet; a line left unheld is a reported failure. */
export async function placeHoldsForOrder(ctx: JobContext, orderId: string, options: PlaceHoldsOptions = {}): Promise<HoldOutcome> {
  const { shop } = ctx;
  const outcome: HoldOutcome = { placed: 0, adopted: 0, failed: [], cancelledVariantIds: [], tag: null };
  let tags = options.tags?.length ? [...options.tags] : null;
  /** The first hold request carries the tags; later ones (and retries) go alone. */
  const hold = async (request: Parameters<typeof holdFulfillmentOrderLines>[1]): Promise<HoldResult> => {
    if (!tags) return holdFulfillmentOrderLines(client, request);
    const both = await tagOrderAndHold(client, { orderId, tags }, request);
    tags = null;
    outcome.tag = both.tag;
    return both.hold;
  };
  const fail = (message: string) => {
    outcome.failed.push(message);
    ctx.reportFailure(`order ${orderId}: hold not placed: ${message}`);
  };
  const lines = await unheldWaitingLinesOfOrder({ shop, orderId });
  if (lines.length === 0) return outcome;
  const client = await ctx.admin();
  const snapshot = options.snapshot !== undefined ? options.snapshot : await readOrderFulfillmentOrders(client, orderId);
  if (!snapshot) {
    fail(`Order ${orderId} not found on Shopify`);
    return outcome;
  }
  if (snapshot.cancelledAt) {
    outcome.cancelledVariantIds = await cancelOrderLines(shop, orderId, ctx.now());
    return outcome;
  }
  // The shop's choice (read-only here; the settings form owns it). Unknown values mean the default.
  const mode: FulfillmentMode = await findFulfillmentMode({ shop });
  const pending = new Map(lines.map((l) => [l.lineItemId, l]));
  // Lines Shopify no longer has to fulfill (fulfilled, or in a closed fulfillment order) need no hold;
  // orders/updated settles them in the ledger.
  const settled = new Set<string>();
  /** Lines of fulfillment orders whose hold failed (already reported). */
  const reported = new Set<string>();
  for (const fo of snapshot.fulfillmentOrders) {
    for (const li of fo.lineItems) {
      if (pending.has(li.lineItemId) && (!ACTIVE_FO.has(fo.status) || li.remainingQuantity <= 0)) settled.add(li.lineItemId);
    }
  }
  for (const fo of snapshot.fulfillmentOrders) {
    if (!ACTIVE_FO.has(fo.status)) continue;
    const mine = fo.lineItems
      .filter((li) => pending.has(li.lineItemId) && li.remainingQuantity > 0)
      .map((li) => ({ foLine: li, line: pending.get(li.lineItemId) as (typeof lines)[number] }));
    if (mine.length === 0) continue;
    const handle = `${HOLD_HANDLE_PREFIX}:${lineNumber(mine[0]?.line.lineItemId ?? "")}`;
    let holdId: string | null = null;
    let heldFo = fo.id;
    const existing = fo.holds.find((h) => h.ours && h.handle === handle);
    if (existing) {
      holdId = existing.id;
      outcome.adopted++;
    } else {
      const owed = mine.map((m) => ({ fulfillmentOrderLineItemId: m.foLine.id, quantity: Math.min(m.line.quantity, m.foLine.remainingQuantity) }));
      const units = owed.reduce((sum, li) => sum + li.quantity, 0);
      const request = {
        fulfillmentOrderId: fo.id,
        handle,
        reasonNotes: `Backorder Pilot: ${units} unit${units === 1 ? "" : "s"} waiting for stock; released automatically when allocated.`,
        // An empty list holds the whole fulfillment order (Shopify's default for the field).
        lineItems: mode === "ship_together" ? [] : owed,
      };
      let result = await hold(request);
      if (!result.ok && result.code === "FULFILLMENT_ORDER_NOT_SPLITTABLE") {
        // Someone else's hold (or a started fulfillment) keeps Shopify from splitting it: nothing of it can
        // ship now anyway, so hold it whole rather than leave the owed units unheld.
        ctx.log(`order ${orderId}: ${fo.id} cannot be split; holding it whole`);
        result = await holdFulfillmentOrderLines(client, { ...request, lineItems: [] });
      }
      if (result.ok) {
        holdId = result.holdId;
        heldFo = result.fulfillmentOrderId;
        outcome.placed++;
      } else if (result.code === "DUPLICATE_FULFILLMENT_HOLD_HANDLE") {
        // A concurrent run placed it between our read and our write: adopt it.
        const again = await readOrderFulfillmentOrders(client, orderId);
        const found = again?.fulfillmentOrders.flatMap((f) => f.holds.filter((h) => h.ours && h.handle === handle).map((h) => ({ fo: f.id, h })))[0];
        if (found) {
          holdId = found.h.id;
          heldFo = found.fo;
          outcome.adopted++;
        } else {
          fail(`${fo.id}: ${result.message} (${result.code})`);
        }
      } else {
        fail(`${fo.id}: ${result.message}${result.code ? ` (${result.code})` : ""}`);
      }
      if (!holdId) for (const m of mine) reported.add(m.line.lineItemId);
    }
    if (holdId) {
      // Recorded even if a line was allocated meanwhile: the release pass then lets it go.
      await inWriteTransaction(async (tx) => {
        const held = await recordHold({ shop, lineIds: mine.map((m) => m.line.id), holdId: holdId as string, fulfillmentOrderId: heldFo }, tx);
        if (held) await recordTimeline(tx, shop, [{ orderId, kind: "hold_placed", at: ctx.now(), data: { holdId, fulfillmentOrderId: heldFo, lines: held } }]);
      });
      for (const m of mine) pending.delete(m.line.lineItemId);
    }
  }
  const missing = [...pending.keys()].filter((id) => !settled.has(id) && !reported.has(id));
  if (missing.length) {
    const shown = missing.slice(0, 5).join(", ");
    fail(`${missing.length} owed line item(s) in no open fulfillment order (${shown}${missing.length > 5 ? ", …" : ""})`);
  }
  return outcome;
}

export interface ReleaseOutcome {
  released: number;
  readyQueued: number;
  /** Variants whose queue changed because Shopify reported the order cancelled. */
  cancelledVariantIds: string[];
}

/** Releases our holds whose lines no longer wait, and queues the ready email when the order is complete. */
export async function releaseHoldsForOrder(ctx: JobContext, orderId: string): Promise<ReleaseOutcome> {
  const { shop } = ctx;
  const outcome: ReleaseOutcome = { released: 0, readyQueued: 0, cancelledVariantIds: [] };
  const lines = await holdsOfOrderLines({ shop, orderId });
  const holds = new Map<string, { fulfillmentOrderId: string | null; waiting: boolean }>();
  for (const line of lines) {
    if (!line.holdId) continue;
    const hold = holds.get(line.holdId) ?? { fulfillmentOrderId: line.fulfillmentOrderId, waiting: false };
    if (line.status === "waiting") hold.waiting = true;
    holds.set(line.holdId, hold);
  }
  for (const [holdId, hold] of holds) {
    if (hold.waiting) continue;
    if (hold.fulfillmentOrderId) {
      const client = await ctx.admin();
      const fo = await readFulfillmentOrderHolds(client, hold.fulfillmentOrderId);
      if (fo?.orderCancelledAt) {
        outcome.cancelledVariantIds = await cancelOrderLines(shop, orderId, ctx.now());
        return outcome;
      }
      if (fo?.holds.some((h) => h.id === holdId)) {
        const result = await releaseFulfillmentHold(client, hold.fulfillmentOrderId, holdId);
        if (!result.ok) {
          const after = await readFulfillmentOrderHolds(client, hold.fulfillmentOrderId);
          if (after?.holds.some((h) => h.id === holdId)) {
            throw new Error(`Could not release hold ${holdId}: ${result.message}`);
          }
        }
        outcome.released++;
      }
    }
    const queued = await inWriteTransaction(async (tx) => {
      if (await clearHold({ shop, orderId, holdId }, tx)) {
        await recordTimeline(tx, shop, [{ orderId, kind: "hold_released", at: ctx.now(), data: { holdId } }]);
      }
      return maybeQueueReady(tx, shop, orderId, ctx.now());
    });
    if (queued) outcome.readyQueued++;
  }
  return outcome;
}

/** Orders of the shop with a hold left to release (lines no longer waiting but still under our hold). */
export async function ordersWithReleasableHolds(shop: string, limit = 200, variantIds?: readonly string[]): Promise<string[]> {
  return ordersWithHoldsToRelease({ shop, limit, variantIds });
}

/** Orders with waiting lines that have no hold yet (a failed or interrupted placement). */
export async function ordersMissingHolds(shop: string, since: Date, limit = 50): Promise<string[]> {
  return ordersWithUnheldLines({ shop, since, limit });
}

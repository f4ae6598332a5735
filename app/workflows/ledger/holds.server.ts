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
import { deferredHoldHandles } from "~/models/deferred-write.server";
import { findFulfillmentMode } from "~/models/settings.server";
import { inWriteTransaction } from "~/models/transaction.server";
import { readOrderFulfillmentOrders, type OrderFulfillmentSnapshot } from "~/shopify/orders.server";
import { planHolds, type FulfillmentMode, type HoldToPlace } from "~/domain/holds";
import type { AdminClient } from "~/shopify/admin-client.server";
import {
  holdFulfillmentOrderLines,
  readFulfillmentOrderHolds,
  releaseFulfillmentHold,
  tagOrderAndHold,
  type HoldRequest,
  type HoldResult,
  type TagOutcome,
} from "~/shopify/fulfillment-holds.server";
import { recordTimeline } from "~/workflows/support/timeline.server";
import { maybeQueueReady } from "./allocation.server";

/** Cancels what is left of an order Shopify reports cancelled; returns the variants whose queue changed. */
export async function cancelOrderLines(shop: string, orderId: string, now: Date = new Date()): Promise<string[]> {
  // Shopify cancels the fulfillment orders (and their holds) with the order: nothing left to release.
  return inWriteTransaction(shop, async (tx) => {
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
  /** Holds put off to the next bulk write (a burst: ./bulk-writes.server.ts), tags with them. */
  deferred: number;
}

export interface PlaceHoldsOptions {
  /** The order's fulfillment orders as this job just read them (saves a read); default: read them now. */
  snapshot?: OrderFulfillmentSnapshot | null;
  /** Tags to add to the order in the same request as the first hold placed (the caller adds them otherwise). */
  tags?: readonly string[];
  /**
   * During a burst: instead of one request per hold, record the holds (and the tags) for the shop's next
   * bulk write. Holds the plan adopts, lines it cannot place and cancelled orders are handled at once.
   */
  defer?: (holds: HoldToPlace[], tags: readonly string[]) => Promise<void>;
}

/** Records our hold on ledger lines, with the timeline entry (recorded even if a line was allocated meanwhile: the release pass then lets it go). */
export async function recordPlacedHold(
  shop: string,
  orderId: string,
  { holdId, fulfillmentOrderId, lineIds }: { holdId: string; fulfillmentOrderId: string; lineIds: string[] },
  at: Date,
): Promise<void> {
  await inWriteTransaction(shop, async (tx) => {
    const held = await recordHold({ shop, lineIds, holdId, fulfillmentOrderId }, tx);
    if (held) await recordTimeline(tx, shop, [{ orderId, kind: "hold_placed", at, data: { holdId, fulfillmentOrderId, lines: held } }]);
  });
}

/** Holds the order's waiting lines that have no hold yet; a line left unheld is a reported failure. */
export async function placeHoldsForOrder(ctx: JobContext, orderId: string, options: PlaceHoldsOptions = {}): Promise<HoldOutcome> {
  const { shop } = ctx;
  const outcome: HoldOutcome = { placed: 0, adopted: 0, failed: [], cancelledVariantIds: [], tag: null, deferred: 0 };
  let tags = options.tags?.length ? [...options.tags] : null;
  /** The first hold request carries the tags; later ones (and retries) go alone. */
  const hold = async (request: HoldRequest): Promise<HoldResult> => {
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
  const plan = planHolds(lines, snapshot.fulfillmentOrders, mode);
  // Holds already on their way in a bulk write (./bulk-writes.server.ts) are not placed a second time.
  const onTheirWay = await deferredHoldHandles({ shop, orderId });
  if (onTheirWay.size) {
    outcome.deferred += plan.place.filter((h) => onTheirWay.has(h.handle)).length;
    plan.place = plan.place.filter((h) => !onTheirWay.has(h.handle));
  }
  for (const adopted of plan.adopt) {
    await recordPlacedHold(shop, orderId, adopted, ctx.now());
    outcome.adopted++;
  }
  if (options.defer && plan.place.length) {
    await options.defer(plan.place, tags ?? []);
    tags = null;
    outcome.deferred += plan.place.length;
  } else {
    for (const planned of plan.place) {
      const result = await placeOneHold(ctx, client, orderId, planned, hold);
      if (result.ok) {
        await recordPlacedHold(shop, orderId, { holdId: result.holdId, fulfillmentOrderId: result.fulfillmentOrderId, lineIds: planned.lineIds }, ctx.now());
        if (result.adopted) outcome.adopted++;
        else outcome.placed++;
      } else {
        fail(`${planned.fulfillmentOrderId}: ${result.message}${result.code ? ` (${result.code})` : ""}`);
      }
    }
  }
  if (plan.missing.length) {
    const shown = plan.missing.slice(0, 5).join(", ");
    fail(`${plan.missing.length} owed line item(s) in no open fulfillment order (${shown}${plan.missing.length > 5 ? ", …" : ""})`);
  }
  return outcome;
}

export type PlacedHold = { ok: true; holdId: string; fulfillmentOrderId: string; adopted: boolean } | { ok: false; code: string | null; message: string };

/**
 * Places one planned hold. A fulfillment order Shopify cannot split (someone else's hold, a started
 * fulfillment) is held whole: nothing of it can ship now anyway. A hold with our handle placed meanwhile
 * (a concurrent run, a bulk write) is adopted. `first` is the first attempt (the caller may send tags with it).
 */
export async function placeOneHold(
  ctx: JobContext,
  client: AdminClient,
  orderId: string,
  planned: HoldToPlace,
  first: (request: HoldRequest) => Promise<HoldResult> = (request) => holdFulfillmentOrderLines(client, request),
): Promise<PlacedHold> {
  const request: HoldRequest = { fulfillmentOrderId: planned.fulfillmentOrderId, handle: planned.handle, reasonNotes: planned.reasonNotes, lineItems: planned.lineItems };
  let result = await first(request);
  if (!result.ok && result.code === "FULFILLMENT_ORDER_NOT_SPLITTABLE") {
    ctx.log(`order ${orderId}: ${planned.fulfillmentOrderId} cannot be split; holding it whole`);
    result = await holdFulfillmentOrderLines(client, { ...request, lineItems: [] });
  }
  if (result.ok) return { ...result, adopted: false };
  if (result.code === "DUPLICATE_FULFILLMENT_HOLD_HANDLE") return adoptHold(client, orderId, planned.handle, result.message);
  return result;
}

/** Finds our hold named `handle` on the order (placed by a concurrent run or a bulk write). */
async function adoptHold(client: AdminClient, orderId: string, handle: string, message: string): Promise<PlacedHold> {
  const again = await readOrderFulfillmentOrders(client, orderId);
  const found = again?.fulfillmentOrders.flatMap((f) => f.holds.filter((h) => h.ours && h.handle === handle).map((h) => ({ fo: f.id, h })))[0];
  if (found) return { ok: true, holdId: found.h.id, fulfillmentOrderId: found.fo, adopted: true };
  return { ok: false, code: "DUPLICATE_FULFILLMENT_HOLD_HANDLE", message };
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
    const queued = await inWriteTransaction(shop, async (tx) => {
      if (await clearHold({ shop, orderId, holdId }, tx)) {
        await recordTimeline(tx, shop, [{ orderId, kind: "hold_released", at: ctx.now(), data: { holdId } }]);
      }
      return maybeQueueReady(tx, shop, orderId, ctx.now());
    });
    if (queued) outcome.readyQueued++;
  }
  return outcome;
}

/**
 * Releases our holds on the order that no ledger line records, once none of its lines waits: a hold an
 * earlier attempt placed on Shopify but could not record (the database went away, the worker died) before
 * the lines were served, which nothing else would ever release. Costs a read of the order's fulfillment
 * orders, so only retried attempts call it (a first attempt has no earlier one to clean up after).
 */
export async function releaseUnrecordedHolds(ctx: JobContext, orderId: string): Promise<number> {
  const { shop } = ctx;
  const lines = await holdsOfOrderLines({ shop, orderId });
  if (lines.length === 0 || lines.some((l) => l.status === "waiting")) return 0;
  const recorded = new Set(lines.map((l) => l.holdId).filter((id): id is string => id !== null));
  const client = await ctx.admin();
  const snapshot = await readOrderFulfillmentOrders(client, orderId);
  if (!snapshot || snapshot.cancelledAt) return 0;
  let released = 0;
  for (const fo of snapshot.fulfillmentOrders) {
    for (const hold of fo.holds) {
      if (!hold.ours || recorded.has(hold.id)) continue;
      const result = await releaseFulfillmentHold(client, fo.id, hold.id);
      if (!result.ok) throw new Error(`Could not release unrecorded hold ${hold.id}: ${result.message}`);
      await inWriteTransaction(shop, (tx) => recordTimeline(tx, shop, [{ orderId, kind: "hold_released", at: ctx.now(), data: { holdId: hold.id, unrecorded: true } }]));
      released++;
    }
  }
  return released;
}

/** Orders of the shop with a hold left to release (lines no longer waiting but still under our hold). */
export async function ordersWithReleasableHolds(shop: string, limit = 200, variantIds?: readonly string[]): Promise<string[]> {
  return ordersWithHoldsToRelease({ shop, limit, variantIds });
}

/** Orders with waiting lines that have no hold yet (a failed or interrupted placement). */
export async function ordersMissingHolds(shop: string, since: Date, limit = 50): Promise<string[]> {
  return ordersWithUnheldLines({ shop, since, limit });
}

// orders/create, orders/updated and orders/cancelled, one handler: make the ledger agree with the order.
//
// - Cancelled: every open line of the order is cancelled (a cancellation is final, whatever the event order).
// - Edited: lines shrink, disappear or get fulfilled, only from an event newer than the one applied last
//   (orderUpdatedAt): an older delivery never rolls a line back.
// - New lines of backorderable variants: the units stock does not cover are recorded as owed. Coverage
//   follows FIFO on a fresh stock reading: Shopify's available has every order subtracted, including this
//   one and younger ones; younger owed lines queue behind this order, so their units count as its supply:
//   covered = clamp(available + owed units of younger lines + this order's units, 0, this order's units).
// - Owed lines are confirmed by the ledger pass that follows (./confirm.server.ts), once the variant is
//   settled: every unit Shopify counts as owed is a recorded line (./settle.server.ts), so a burst of
//   orders is dated in queue order whatever order its webhooks arrive in.
// - An order that takes a variant past its cap of owed units is flagged (lines `overCap`, order tag
//   `backorder-over-cap`) for the merchant: Shopify cannot refuse it once placed.
// - Then Shopify: tag the order `backorder`, hold the owed lines, release holds no longer needed; and the
//   variants touched get a full ledger pass (allocation, delays, storefront).
// Database steps come before Shopify calls, so a throttled or failed call retries the job without undoing
// (or redoing) what was recorded.
import type { JobContext, JobOutcome } from "~/jobs/types";
import {
  applyOrderEvent,
  countUncancelledLines,
  flagOverCap,
  insertWaitingLine,
  openLinesOfOrder,
  owedUnitsOfYoungerOrders,
  recordedLineItemIds,
  variantsOfUnconfirmedLines,
} from "~/models/backorder-line.server";
import { backorderableVariants, recordStockReading } from "~/models/backorder-variant.server";
import { inWriteTransaction } from "~/models/transaction.server";
import { BACKORDER_TAG, OVER_CAP_TAG, addOrderTags, readOrderForBackorder, type OrderFulfillmentSnapshot, type VariantStock } from "~/shopify/orders.server";
import { maybeQueueReady } from "./allocation.server";
import type { HoldToPlace } from "~/domain/holds";
import { deferOrderWrites, shouldDeferOrderWrites } from "./bulk-writes.server";
import { cancelOrderLines, placeHoldsForOrder, releaseHoldsForOrder, releaseUnrecordedHolds } from "./holds.server";
import { describeOutcome, queueLedgerPass, refreshAndAllocate } from "./stock.server";
import type { OrderFacts, OrderLineFacts } from "./types";
import { recordTimeline, type TimelineEvent } from "~/workflows/support/timeline.server";
import { recordDeferredPayment } from "~/workflows/payments/balance.server";

/** Owed units per new line: FIFO coverage of `count` units among lines in payload order. */
export function owedUnits(quantities: readonly number[], covered: number): number[] {
  let left = Math.max(0, covered);
  return quantities.map((q) => {
    const take = Math.min(q, left);
    left -= take;
    return q - take;
  });
}

async function applyEdits(shop: string, facts: OrderFacts, touched: Set<string>): Promise<number> {
  const updatedAt = new Date(facts.updatedAt);
  const lines = await openLinesOfOrder({ shop, orderId: facts.orderId });
  const changes = lines
    .filter((line) => !line.orderUpdatedAt || line.orderUpdatedAt < updatedAt)
    .map((line) => {
      const li = facts.lines.find((l) => l.lineItemId === line.lineItemId);
      let next: { status?: string; quantity?: number } = {};
      if (!li || li.quantity <= 0) next = { status: "cancelled" };
      else if (li.fulfillmentStatus === "fulfilled") next = { status: "fulfilled" };
      else {
        const quantity = Math.min(line.quantity, li.quantity, li.fulfillableQuantity ?? Number.POSITIVE_INFINITY);
        if (quantity <= 0) next = { status: "cancelled" };
        else if (quantity < line.quantity) next = { quantity };
      }
      return { line, next };
    });
  if (changes.length === 0) return 0;
  return inWriteTransaction(shop, async (tx) => {
    let edited = 0;
    const events: TimelineEvent[] = [];
    for (const { line, next } of changes) {
      const applied = await applyOrderEvent({ shop, line, change: next, orderUpdatedAt: updatedAt }, tx);
      if (applied && (next.status || next.quantity)) {
        edited++;
        touched.add(line.variantId);
        events.push({
          orderId: facts.orderId,
          kind: "order_edited",
          at: updatedAt,
          data: { lineId: line.id, from: { status: line.status, quantity: line.quantity }, to: next },
        });
      }
    }
    await recordTimeline(tx, shop, events);
    return edited;
  });
}

interface RecordOutcome {
  recorded: number;
  overCap: boolean;
  /** The order's fulfillment orders, when this run read them (the holds use them: no second read). */
  snapshot?: OrderFulfillmentSnapshot | null;
}

async function recordNewLines(ctx: JobContext, facts: OrderFacts, touched: Set<string>): Promise<RecordOutcome> {
  const { shop } = ctx;
  const known = new Set(await recordedLineItemIds({ shop, orderId: facts.orderId }));
  const candidates = facts.lines.filter(
    (li): li is OrderLineFacts & { variantId: string } =>
      li.variantId !== null && !known.has(li.lineItemId) && li.quantity > 0 && li.fulfillableQuantity !== 0 && li.fulfillmentStatus !== "fulfilled",
  );
  if (candidates.length === 0) return { recorded: 0, overCap: false };
  const orderCreated = new Date(facts.createdAt);
  const managed = new Map(
    (await backorderableVariants({ shop, variantIds: [...new Set(candidates.map((c) => c.variantId))] })).map((v) => [v.variantId, v]),
  );
  // An orders/updated for an order placed before the variant was managed is history, not a backorder.
  const eligible = candidates.filter((li) => {
    const v = managed.get(li.variantId);
    return v && (facts.topic === "orders/create" || orderCreated >= v.createdAt);
  });
  if (eligible.length === 0) return { recorded: 0, overCap: false };

  const client = await ctx.admin();
  // One request: whether the order is cancelled (this event may be older than a cancellation already
  // processed: ask Shopify before recording anything), its fulfillment orders (for the holds below) and
  // the stock of its variants. Everything else (lines, customer, locale, tags) comes from the payload.
  const asOf = ctx.now();
  const variantIds = [...new Set(eligible.map((li) => li.variantId))];
  const read = await readOrderForBackorder(client, shop, { orderId: facts.orderId, variantIds, lineCount: facts.lines.length });
  if (!read.exists || read.cancelledAt) return { recorded: 0, overCap: false };
  const stock: Map<string, VariantStock> = read.variants;
  const now = ctx.now();
  const result = await inWriteTransaction(shop, async (tx) => {
    let recorded = 0;
    let overCap = false;
    const placed: Record<string, unknown>[] = [];
    const promises: TimelineEvent[] = [];
    for (const variantId of variantIds) {
      const s = stock.get(variantId);
      if (!s) continue; // deleted meanwhile: nothing can be owed on Shopify's side
      const lines = eligible.filter((li) => li.variantId === variantId);
      const quantities = lines.map((li) => li.quantity);
      const total = quantities.reduce((a, b) => a + b, 0);
      const younger = await owedUnitsOfYoungerOrders({ shop, variantId, asOf, orderedAfter: orderCreated }, tx);
      const covered = Math.min(total, Math.max(0, s.available + younger + total));
      const owed = owedUnits(quantities, covered);
      await recordStockReading({ shop, variantId, available: s.available }, tx);
      // Titles come from the payload; the variant's stored titles (kept by catalog syncs) stand in when it has none.
      const stored = managed.get(variantId);
      for (let i = 0; i < lines.length; i++) {
        const li = lines[i] as (typeof lines)[number];
        const quantity = owed[i] ?? 0;
        if (quantity <= 0) continue;
        const inserted = await insertWaitingLine(
          {
            shop,
            variantId,
            orderId: facts.orderId,
            orderName: facts.orderName,
            lineItemId: li.lineItemId,
            quantity,
            customerEmail: facts.email,
            customerLocale: facts.locale,
            orderedAt: orderCreated,
            promisedLatest: li.promised?.latest ?? null,
            termsVersion: li.termsVersion,
            unitPriceMinor: li.unitPrice?.amountMinor ?? null,
            currency: li.unitPrice?.currency ?? null,
            customerName: facts.customerName,
            customerId: facts.customerId ?? null,
            productTitle: li.productTitle || (stored?.productTitle ?? ""),
            variantTitle: li.variantTitle || (stored?.variantTitle === "Default Title" ? "" : (stored?.variantTitle ?? "")),
            orderUpdatedAt: new Date(facts.updatedAt),
          },
          now,
          tx,
        );
        if (inserted) {
          recorded++;
          touched.add(variantId);
          const title = [li.productTitle || stored?.productTitle, li.variantTitle].filter(Boolean).join(" – ");
          placed.push({ lineItemId: li.lineItemId, title, quantity, ordered: li.quantity });
          if (li.promised) {
            promises.push({
              orderId: facts.orderId,
              kind: "promise_made",
              at: orderCreated,
              data: { lineItemId: li.lineItemId, title, earliest: li.promised.earliest, latest: li.promised.latest },
            });
          }
        }
      }
      // Past the cap: units owed to older orders (Shopify's count, as for coverage) plus this order's.
      const cap = managed.get(variantId)?.cap ?? null;
      const owedNow = owed.reduce((a, b) => a + b, 0);
      if (cap !== null && owedNow > 0 && Math.max(0, -(s.available + younger + total)) + owedNow > cap) {
        await flagOverCap({ shop, orderId: facts.orderId, variantId }, tx);
        overCap = true;
      }
    }
    if (placed.length) {
      // The order's first owed lines: it was placed; lines an edit added later are an edit.
      const kind = known.size === 0 ? "order_placed" : "order_edited";
      await recordTimeline(tx, shop, [{ orderId: facts.orderId, kind, at: kind === "order_placed" ? orderCreated : now, data: { lines: placed, overCap } }, ...promises]);
    }
    return { recorded, overCap };
  });
  return { ...result, snapshot: read.fulfillment };
}

export async function syncOrder(ctx: JobContext, facts: OrderFacts): Promise<JobOutcome> {
  const { shop } = ctx;
  const touched = new Set<string>();
  let edited = 0;
  let recorded = 0;
  let overCap = false;
  let snapshot: OrderFulfillmentSnapshot | null | undefined;

  if (facts.cancelledAt) {
    for (const v of await cancelOrderLines(shop, facts.orderId, ctx.now())) touched.add(v);
  } else {
    edited = await applyEdits(shop, facts, touched);
    ({ recorded, overCap, snapshot } = await recordNewLines(ctx, facts, touched));
    // A deposit or pay-later order: what it paid and owes, before the pass below confirms it (the email says so).
    await recordDeferredPayment(ctx, facts);
  }
  // Lines recorded earlier but not confirmed yet (waiting for a burst to settle, or a run that died after
  // recording them): the pass below confirms them once their variants are settled.
  for (const variantId of await variantsOfUnconfirmedLines({ shop, orderId: facts.orderId })) touched.add(variantId);

  const open = await countUncancelledLines({ shop, orderId: facts.orderId });
  let burst: boolean | undefined;
  const inBurst = async () => (burst ??= await shouldDeferOrderWrites(ctx));
  let tagged = false;
  let holdsPlaced = 0;
  let holdsReleased = 0;
  let holdsDeferred = 0;
  if (open > 0 && !facts.cancelledAt) {
    // The payload says which tags the order has; what is missing goes with the first hold (one request).
    const wanted = [BACKORDER_TAG, ...(overCap ? [OVER_CAP_TAG] : [])].filter((tag) => !facts.tags.some((t) => t.toLowerCase() === tag));
    // In a burst, with the fulfillment orders just read, the holds and tags join the shop's next bulk write.
    const defer =
      snapshot && (await inBurst())
        ? (holds: HoldToPlace[], tags: readonly string[]) => deferOrderWrites(ctx, { orderId: facts.orderId, orderName: facts.orderName }, holds, tags)
        : undefined;
    const holds = await placeHoldsForOrder(ctx, facts.orderId, { ...(snapshot !== undefined ? { snapshot } : {}), tags: wanted, ...(defer ? { defer } : {}) });
    let tagResult = holds.tag;
    if (wanted.length && tagResult === null && holds.cancelledVariantIds.length === 0 && holds.deferred === 0) {
      // No hold request went out (every line already held, or none could be): tag on its own.
      tagResult = await addOrderTags(await ctx.admin(), facts.orderId, wanted);
    }
    if (tagResult && !tagResult.ok) ctx.log(`order ${facts.orderName} not tagged: ${tagResult.message}`);
    tagged = tagResult?.ok ?? false;
    holdsPlaced = holds.placed + holds.adopted;
    holdsDeferred = holds.deferred;
    for (const f of holds.failed) ctx.log(`order ${facts.orderName}: hold not placed: ${f}`);
    for (const v of holds.cancelledVariantIds) touched.add(v);
  }
  if (open > 0) {
    const released = await releaseHoldsForOrder(ctx, facts.orderId);
    holdsReleased = released.released;
    for (const v of released.cancelledVariantIds) touched.add(v);
    // A retry: a hold the failed attempt placed but could not record, on lines served since, goes too.
    if (ctx.job.attempts > 1) holdsReleased += await releaseUnrecordedHolds(ctx, facts.orderId);
    // Lines that need no hold release (never held, or an edit removed what was waiting).
    await inWriteTransaction(shop, (tx) => maybeQueueReady(tx, shop, facts.orderId, ctx.now()));
  }

  // A new order in a burst shares its variants' ledger pass with the orders of the next seconds.
  const shared = touched.size > 0 && !facts.cancelledAt && edited === 0 && (await inBurst());
  if (shared) await queueLedgerPass(ctx, [...touched]);
  const pass =
    touched.size && !shared ? await refreshAndAllocate(ctx, [...touched], { cause: facts.cancelledAt || edited ? "cancellation" : "order" }) : null;
  return {
    summary:
      `${facts.topic} ${facts.orderName}: ${recorded} line(s) recorded${overCap ? " (over the cap)" : ""}, ${edited} edited` +
      `${facts.cancelledAt ? ", order cancelled" : ""}${tagged ? ", tagged" : ""}, ${holdsPlaced} hold(s)${holdsDeferred ? ` (${holdsDeferred} more in the next bulk write)` : ""}, ${holdsReleased} released` +
      (pass ? `; ${describeOutcome(pass)}` : shared ? "; ledger pass shared with the burst" : ""),
  };
}

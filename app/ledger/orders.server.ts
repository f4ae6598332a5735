// orders/create, orders/updated and orders/cancelled, one handler: make the ledger agree with the order.
//
// - Cancelled: every open line of the order is cancelled (a cancellation is final, whatever the event order).
// - Edited: lines shrink, disappear or get fulfilled, only from an event newer than the one applied last
//   (orderUpdatedAt): an older delivery never rolls a line back.
// - New lines of backorderable variants: the units stock does not cover are recorded as owed. Coverage
//   follows FIFO on a fresh stock reading: Shopify's available has every order subtracted, including this
//   one and younger ones; younger owed lines queue behind this order, so their units count as its supply:
//   covered = clamp(available + owed units of younger lines + this order's units, 0, this order's units).
// - Each owed line is confirmed once (CAS on notifiedLatest) with its current ETA; if that is later than
//   what checkout promised (line-item property), a delay notice goes with it.
// - Then Shopify: tag the order `backorder`, hold the owed lines, release holds no longer needed; and the
//   variants touched get a full ledger pass (allocation, delays, storefront).
// Database steps come before Shopify calls, so a throttled or failed call retries the job without undoing
// (or redoing) what was recorded.
import { randomUUID } from "node:crypto";
import prisma from "~/db.server";
import type { JobContext, JobOutcome } from "~/jobs/types";
import { computeVariantEtas, loadEtaSettings } from "~/services/eta.server";
import { BACKORDER_TAG, addOrderTags, readOrderStatus } from "~/shopify/orders.server";
import { readVariantInventory } from "~/shopify/inventory.server";
import { maybeQueueReady } from "./allocation.server";
import { cancelOrderLines, placeHoldsForOrder, releaseHoldsForOrder } from "./holds.server";
import { LINE_EMAIL_SELECT, queueConfirmation, queueDelay } from "./notify.server";
import { describeOutcome, refreshAndAllocate } from "./stock.server";
import type { OrderFacts, OrderLineFacts } from "./types";
import { takeWriteLock } from "./write-lock.server";

const OPEN = ["waiting", "allocated"];

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
  const lines = await prisma.backorderLine.findMany({
    where: { shop, orderId: facts.orderId, status: { in: OPEN } },
    select: { id: true, lineItemId: true, variantId: true, quantity: true, status: true, orderUpdatedAt: true },
  });
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
  return prisma.$transaction(async (tx) => {
    await takeWriteLock(tx);
    let edited = 0;
    for (const { line, next } of changes) {
      const { count } = await tx.backorderLine.updateMany({
        where: { id: line.id, shop, status: line.status, orderUpdatedAt: line.orderUpdatedAt },
        data: { ...next, orderUpdatedAt: updatedAt },
      });
      if (count === 1 && (next.status || next.quantity)) {
        edited++;
        touched.add(line.variantId);
      }
    }
    return edited;
  });
}

async function recordNewLines(ctx: JobContext, facts: OrderFacts, touched: Set<string>): Promise<number> {
  const { shop } = ctx;
  const known = new Set(
    (await prisma.backorderLine.findMany({ where: { shop, orderId: facts.orderId }, select: { lineItemId: true } })).map((l) => l.lineItemId),
  );
  const candidates = facts.lines.filter(
    (li): li is OrderLineFacts & { variantId: string } =>
      li.variantId !== null && !known.has(li.lineItemId) && li.quantity > 0 && li.fulfillableQuantity !== 0 && li.fulfillmentStatus !== "fulfilled",
  );
  if (candidates.length === 0) return 0;
  const orderCreated = new Date(facts.createdAt);
  const managed = new Map(
    (
      await prisma.backorderVariant.findMany({
        where: { shop, variantId: { in: [...new Set(candidates.map((c) => c.variantId))] }, mode: { not: "off" } },
        select: { variantId: true, createdAt: true },
      })
    ).map((v) => [v.variantId, v]),
  );
  // An orders/updated for an order placed before the variant was managed is history, not a backorder.
  const eligible = candidates.filter((li) => {
    const v = managed.get(li.variantId);
    return v && (facts.topic === "orders/create" || orderCreated >= v.createdAt);
  });
  if (eligible.length === 0) return 0;

  const client = await ctx.admin();
  // This event may be older than a cancellation already processed: ask Shopify before recording anything.
  const status = await readOrderStatus(client, facts.orderId);
  if (!status.exists || status.cancelledAt) return 0;
  const asOf = ctx.now();
  const variantIds = [...new Set(eligible.map((li) => li.variantId))];
  const { variants: stock } = await readVariantInventory(client, shop, variantIds);
  const now = ctx.now();
  return prisma.$transaction(async (tx) => {
    await takeWriteLock(tx);
    let recorded = 0;
    for (const variantId of variantIds) {
      const s = stock.get(variantId);
      if (!s) continue; // deleted meanwhile: nothing can be owed on Shopify's side
      const lines = eligible.filter((li) => li.variantId === variantId);
      const quantities = lines.map((li) => li.quantity);
      const total = quantities.reduce((a, b) => a + b, 0);
      const younger =
        (
          await tx.backorderLine.aggregate({
            where: { shop, variantId, status: "waiting", createdAt: { lte: asOf }, orderedAt: { gt: orderCreated } },
            _sum: { quantity: true },
          })
        )._sum.quantity ?? 0;
      const covered = Math.min(total, Math.max(0, s.available + younger + total));
      const owed = owedUnits(quantities, covered);
      await tx.backorderVariant.updateMany({
        where: { shop, variantId },
        data: { available: s.available, ...(s.inventoryItemId ? { inventoryItemId: s.inventoryItemId } : {}) },
      });
      for (let i = 0; i < lines.length; i++) {
        const li = lines[i] as (typeof lines)[number];
        const quantity = owed[i] ?? 0;
        if (quantity <= 0) continue;
        const inserted = await tx.$executeRaw`INSERT INTO "BackorderLine" ("id", "shop", "variantId", "orderId", "orderName", "lineItemId",
            "quantity", "customerEmail", "customerLocale", "orderedAt", "promisedLatest", "customerName", "productTitle", "variantTitle",
            "orderUpdatedAt", "status", "createdAt", "updatedAt")
          VALUES (${randomUUID()}, ${shop}, ${variantId}, ${facts.orderId}, ${facts.orderName}, ${li.lineItemId},
            ${quantity}, ${facts.email}, ${facts.locale}, ${orderCreated}, ${li.promised?.latest ?? null}, ${facts.customerName},
            ${li.productTitle || s.productTitle}, ${li.variantTitle || (s.variantTitle === "Default Title" ? "" : s.variantTitle)},
            ${new Date(facts.updatedAt)}, 'waiting', ${now}, ${now})
          ON CONFLICT ("shop", "lineItemId") DO NOTHING`;
        if (inserted === 1) {
          recorded++;
          touched.add(variantId);
        }
      }
    }
    return recorded;
  });
}

/** Confirms the order's owed lines not confirmed yet (one email for the order). */
async function confirmLines(ctx: JobContext, facts: OrderFacts): Promise<number> {
  const { shop } = ctx;
  const lines = await prisma.backorderLine.findMany({
    where: { shop, orderId: facts.orderId, status: "waiting", notifiedLatest: null },
    select: { ...LINE_EMAIL_SELECT, variantId: true, promisedLatest: true },
    orderBy: { id: "asc" },
  });
  if (lines.length === 0) return 0;
  const now = ctx.now();
  const settings = await loadEtaSettings({ shop });
  const etas = await computeVariantEtas({ shop, variantIds: [...new Set(lines.map((l) => l.variantId))], now, settings });
  const etaOf = new Map<string, { earliest: string; latest: string }>();
  for (const r of etas) for (const l of r.eta.lines) etaOf.set(l.lineId, { earliest: l.eta.earliest, latest: l.eta.latest });
  const termsVersion = facts.lines.find((l) => l.termsVersion !== null)?.termsVersion ?? settings.termsVersion;
  return prisma.$transaction(async (tx) => {
    await takeWriteLock(tx);
    const confirmed: ((typeof lines)[number] & { earliest: string; latest: string; promised: string })[] = [];
    for (const line of lines) {
      const eta = etaOf.get(line.id);
      if (!eta) continue;
      const promised = line.promisedLatest ?? eta.latest;
      const { count } = await tx.backorderLine.updateMany({
        where: { id: line.id, shop, status: "waiting", notifiedLatest: null },
        data: { notifiedLatest: eta.latest, promisedLatest: promised },
      });
      if (count === 1) confirmed.push({ ...line, ...eta, promised });
    }
    if (confirmed.length === 0) return 0;
    await queueConfirmation(tx, shop, confirmed, termsVersion);
    for (const line of confirmed) {
      if (line.latest > line.promised) {
        await queueDelay(tx, shop, line, { previousLatest: line.promised, earliest: line.earliest, latest: line.latest });
      }
    }
    return confirmed.length;
  });
}

export async function syncOrder(ctx: JobContext, facts: OrderFacts): Promise<JobOutcome> {
  const { shop } = ctx;
  const touched = new Set<string>();
  let edited = 0;
  let recorded = 0;
  let confirmed = 0;

  if (facts.cancelledAt) {
    for (const v of await cancelOrderLines(shop, facts.orderId)) touched.add(v);
  } else {
    edited = await applyEdits(shop, facts, touched);
    recorded = await recordNewLines(ctx, facts, touched);
    confirmed = await confirmLines(ctx, facts);
  }

  const open = await prisma.backorderLine.count({ where: { shop, orderId: facts.orderId, status: { not: "cancelled" } } });
  let tagged = false;
  let holdsPlaced = 0;
  let holdsReleased = 0;
  if (open > 0 && !facts.cancelledAt) {
    if (!facts.tags.some((t) => t.toLowerCase() === BACKORDER_TAG)) {
      const result = await addOrderTags(await ctx.admin(), facts.orderId, [BACKORDER_TAG]);
      if (!result.ok) ctx.log(`order ${facts.orderName} not tagged: ${result.message}`);
      tagged = result.ok;
    }
    const holds = await placeHoldsForOrder(ctx, facts.orderId);
    holdsPlaced = holds.placed + holds.adopted;
    for (const f of holds.failed) ctx.log(`order ${facts.orderName}: hold not placed: ${f}`);
    for (const v of holds.cancelledVariantIds) touched.add(v);
  }
  if (open > 0) {
    const released = await releaseHoldsForOrder(ctx, facts.orderId);
    holdsReleased = released.released;
    for (const v of released.cancelledVariantIds) touched.add(v);
    // Lines that need no hold release (never held, or an edit removed what was waiting).
    await prisma.$transaction(async (tx) => {
      await takeWriteLock(tx);
      return maybeQueueReady(tx, shop, facts.orderId);
    });
  }

  const pass = touched.size ? await refreshAndAllocate(ctx, [...touched]) : null;
  return {
    summary:
      `${facts.topic} ${facts.orderName}: ${recorded} line(s) recorded, ${edited} edited, ${confirmed} confirmed` +
      `${facts.cancelledAt ? ", order cancelled" : ""}${tagged ? ", tagged" : ""}, ${holdsPlaced} hold(s), ${holdsReleased} released` +
      (pass ? `; ${describeOutcome(pass)}` : ""),
  };
}

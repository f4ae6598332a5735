// The ledger's main loop for a set of variants: read their stock from Shopify (fresh: webhooks are only
// triggers), apply it (FIFO allocation, ready-to-ship and back-in-stock emails), release the holds of
// orders now served, confirm settled orders and detect delayed lines (./promises.server.ts), and push the
// new ETAs and inventory policy to the storefront.
// Every step is idempotent, so a retried or duplicated job changes nothing twice.
import { enqueueCoalescedJob } from "~/jobs/queue.server";
import type { JobContext, JobOutcome } from "~/jobs/types";
import { variantsToSync } from "~/models/backorder-variant.server";
import { inWriteTransaction } from "~/models/transaction.server";
import { sameSummary } from "~/domain/summary";
import { syncVariants } from "~/workflows/catalog/backorder-sync.server";
import type { VariantEtaResult } from "~/workflows/catalog/eta.server";
import { readVariantInventory } from "~/shopify/inventory.server";
import { applyStock, type AllocationOutcome } from "./allocation.server";
import { ordersWithReleasableHolds, releaseHoldsForOrder } from "./holds.server";
import type { EstimateCause } from "~/workflows/support/estimates.server";
import { informCustomers } from "./promises.server";

export interface LedgerRunOutcome {
  variants: number;
  allocatedLines: number;
  readyQueued: number;
  backInStockQueued: number;
  holdsReleased: number;
  confirmedOrders: number;
  /** Orders whose confirmation waits for orders Shopify counts but the ledger has not recorded yet. */
  deferredOrders: number;
  delayNotices: number;
  earlierDateNotices: number;
  missing: string[];
  storefrontFailures: number;
}

function emptyOutcome(): LedgerRunOutcome {
  return {
    variants: 0,
    allocatedLines: 0,
    readyQueued: 0,
    backInStockQueued: 0,
    holdsReleased: 0,
    confirmedOrders: 0,
    deferredOrders: 0,
    delayNotices: 0,
    earlierDateNotices: 0,
    missing: [],
    storefrontFailures: 0,
  };
}

export function describeOutcome(o: LedgerRunOutcome): string {
  return (
    `${o.variants} variant(s), ${o.allocatedLines} line(s) allocated, ${o.holdsReleased} hold(s) released, ` +
    `${o.confirmedOrders} order(s) confirmed${o.deferredOrders ? ` (${o.deferredOrders} waiting for orders in flight)` : ""}, ` +
    `${o.readyQueued} ready, ${o.backInStockQueued} back-in-stock, ${o.delayNotices} delay email(s)` +
    (o.earlierDateNotices ? `, ${o.earlierDateNotices} earlier-date email(s)` : "") +
    (o.missing.length ? `, ${o.missing.length} variant(s) missing on Shopify` : "") +
    (o.storefrontFailures ? `, ${o.storefrontFailures} storefront sync failure(s)` : "")
  );
}

const READ_CHUNK = 250;

/** Reads and applies stock for `variantIds` (rows we do not have are skipped); returns the touched orders. */
async function readAndApply(
  ctx: JobContext,
  variantIds: readonly string[],
  eventUpdatedAt: Date | null,
  outcome: LedgerRunOutcome,
): Promise<Set<string>> {
  const orders = new Set<string>();
  const client = await ctx.admin();
  for (let i = 0; i < variantIds.length; i += READ_CHUNK) {
    const chunk = variantIds.slice(i, i + READ_CHUNK);
    const asOf = ctx.now();
    const { variants, missing } = await readVariantInventory(client, ctx.shop, chunk);
    outcome.missing.push(...missing);
    for (const id of chunk) {
      const stock = variants.get(id);
      if (!stock) continue;
      const applied: AllocationOutcome | null = await inWriteTransaction(ctx.shop, (tx) =>
        applyStock(tx, {
          shop: ctx.shop,
          now: ctx.now(),
          snapshot: {
            variantId: id,
            available: stock.available,
            asOf,
            inventoryItemId: stock.inventoryItemId,
            productTitle: stock.productTitle,
            variantTitle: stock.variantTitle,
            productUrl: stock.productUrl,
            eventUpdatedAt,
          },
        }),
      );
      if (!applied) continue;
      outcome.variants++;
      outcome.allocatedLines += applied.allocatedLineIds.length;
      outcome.readyQueued += applied.readyQueued;
      outcome.backInStockQueued += applied.backInStockQueued;
      for (const orderId of applied.orderIds) orders.add(orderId);
    }
  }
  return orders;
}

/** Pushes ETAs/policies of the variants we manage (or changed before) to Shopify; failures wait for the next run. */
export async function syncStorefront(ctx: JobContext, variantIds: readonly string[]): Promise<number> {
  if (variantIds.length === 0) return 0;
  const ids: string[] = [];
  for (let i = 0; i < variantIds.length; i += 500) {
    ids.push(...(await variantsToSync({ shop: ctx.shop, variantIds: variantIds.slice(i, i + 500) })));
  }
  if (ids.length === 0) return 0;
  const report = await syncVariants({
    shop: ctx.shop,
    graphql: await ctx.adminGraphql(),
    client: await ctx.admin(),
    variantIds: ids,
    now: ctx.now(),
  });
  if (report.failed.length) {
    ctx.log(`storefront sync: ${report.failed.length} variant(s) not synced`, { failed: report.failed.slice(0, 5) });
  }
  return report.failed.length;
}

/** Variants whose storefront state (policy, summary) differs from what Shopify last confirmed. */
export function storefrontChanged(etas: readonly VariantEtaResult[]): string[] {
  return etas
    .filter((r) =>
      r.mode === "off"
        ? r.synced.policy === "CONTINUE" || r.synced.summary !== null
        : r.decision.policy !== r.synced.policy || !sameSummary(r.summaryJson, r.synced.summary),
    )
    .map((r) => r.variantId);
}

/**
 * Full ledger pass for variants: stock → allocation → holds → delays → storefront. The storefront sync
 * runs for the variants whose computed policy or summary changed ("changed", the default: a stock event
 * that changes no date costs no extra Admin call), for all of them ("all": reconciliation), or not at all.
 */
export async function refreshAndAllocate(
  ctx: JobContext,
  variantIds: readonly string[],
  options: { eventUpdatedAt?: Date | null; syncStorefront?: "changed" | "all" | false; cause?: EstimateCause } = {},
): Promise<LedgerRunOutcome> {
  const outcome = emptyOutcome();
  const ids = [...new Set(variantIds)];
  if (ids.length === 0) return outcome;
  const orders = await readAndApply(ctx, ids, options.eventUpdatedAt ?? null, outcome);
  // Also orders served by an earlier run whose release failed (a throttled call after the allocation
  // committed): the retry finds nothing newly allocated, but their holds must still go.
  for (let i = 0; i < ids.length; i += 500) {
    for (const orderId of await ordersWithReleasableHolds(ctx.shop, 200, ids.slice(i, i + 500))) orders.add(orderId);
  }

  // Orders now fully served: release our holds (the ready email goes with the release).
  const requeue = new Set<string>();
  for (const orderId of orders) {
    const released = await releaseHoldsForOrder(ctx, orderId);
    outcome.holdsReleased += released.released;
    outcome.readyQueued += released.readyQueued;
    for (const v of released.cancelledVariantIds) requeue.add(v);
  }
  // An order turned out cancelled: its units were handed out for nothing; serve the queue again.
  if (requeue.size) {
    const again = await readAndApply(ctx, [...requeue], null, outcome);
    for (const orderId of again) {
      const released = await releaseHoldsForOrder(ctx, orderId);
      outcome.holdsReleased += released.released;
      outcome.readyQueued += released.readyQueued;
    }
  }

  const told = await informCustomers({ shop: ctx.shop, variantIds: ids, now: ctx.now(), cause: options.cause ?? "stock" });
  outcome.confirmedOrders += told.confirm.confirmedOrders;
  outcome.deferredOrders += told.confirm.deferredOrders;
  outcome.delayNotices += told.delays.delayed;
  outcome.earlierDateNotices += told.delays.improved;
  const mode = options.syncStorefront ?? "changed";
  if (mode !== false) outcome.storefrontFailures = await syncStorefront(ctx, mode === "all" ? ids : storefrontChanged(told.etas));
  return outcome;
}

/** The job kind of a ledger pass put off to the end of a short window (a burst of orders). */
export const LEDGER_PASS_JOB = "variants.pass";
/** Orders of a burst recorded within this window share one ledger pass per variant. */
export const LEDGER_PASS_WINDOW_MS = 2_000;

/**
 * During a burst, each order's ledger pass (a fresh stock read, allocation, confirmations, storefront) is
 * shared: one pass per variant when the window closes, reading stock after every order of the window was
 * recorded (what the pass needs), instead of one stock read and one storefront write per order.
 */
export async function queueLedgerPass(ctx: JobContext, variantIds: readonly string[]): Promise<void> {
  const now = ctx.now();
  await inWriteTransaction(ctx.shop, async (tx) => {
    for (const variantId of new Set(variantIds)) {
      await enqueueCoalescedJob(
        {
          shop: ctx.shop,
          kind: LEDGER_PASS_JOB,
          key: `ledger-pass:${variantId}`,
          windowMs: LEDGER_PASS_WINDOW_MS,
          payloadJson: JSON.stringify({ updatedAt: now.toISOString(), variantIds: [variantId] }),
          now,
        },
        tx,
      );
    }
  });
}

/** The `variants.pass` job: the full ledger pass for orders recorded during a burst. */
export async function runLedgerPass(ctx: JobContext, variantIds: readonly string[]): Promise<JobOutcome> {
  return { summary: describeOutcome(await refreshAndAllocate(ctx, variantIds, { cause: "order" })) };
}

// The periodic repair pass of a shop. Shopify gives up on a webhook after 8 failed deliveries in 4 hours,
// so the ledger cannot rely on them alone: re-read the stock of every variant the app manages or owes,
// serve queues, release holds left behind, retry holds that failed, re-check dates, re-sync the storefront.
import type { JobContext, JobOutcome } from "~/jobs/types";
import { variantsWithWaitingLines } from "~/models/backorder-line.server";
import { findManagedVariantIds } from "~/models/backorder-variant.server";
import { ordersMissingHolds, ordersWithReleasableHolds, placeHoldsForOrder, releaseHoldsForOrder } from "./holds.server";
import { mapUnknownInventoryItems } from "./inventory.server";
import { describeOutcome, refreshAndAllocate, syncStorefront } from "./stock.server";
import { informCustomers } from "./promises.server";
import { refreshCaseSuppliers } from "~/workflows/support/timeline.server";

const HOLD_RETRY_DAYS = 7;

export async function reconcileShop(ctx: JobContext): Promise<JobOutcome> {
  const { shop } = ctx;
  await mapUnknownInventoryItems(ctx);
  const [managed, owed] = await Promise.all([findManagedVariantIds({ shop }), variantsWithWaitingLines({ shop })]);
  const ids = [...new Set([...managed, ...owed])];
  const pass = await refreshAndAllocate(ctx, ids, { syncStorefront: "all", cause: "reconcile" });

  let released = 0;
  for (const orderId of await ordersWithReleasableHolds(shop)) released += (await releaseHoldsForOrder(ctx, orderId)).released;
  let held = 0;
  const since = new Date(ctx.now().getTime() - HOLD_RETRY_DAYS * 24 * 60 * 60_000);
  for (const orderId of await ordersMissingHolds(shop, since)) {
    const result = await placeHoldsForOrder(ctx, orderId);
    held += result.placed + result.adopted;
  }
  return { summary: `reconciled: ${describeOutcome(pass)}; ${released} leftover hold(s) released, ${held} missing hold(s) placed` };
}

/**
 * After the merchant changes what dates depend on (batches, lead times, settings), or when a variant that
 * waited for in-flight orders becomes quiet: confirmations, delays + storefront.
 */
export async function recomputeVariants(ctx: JobContext, variantIds: readonly string[]): Promise<JobOutcome> {
  const told = await informCustomers({ shop: ctx.shop, variantIds, now: ctx.now(), cause: "recompute" });
  // A batch added, edited, received or removed may change who the waiting orders wait on (supplier filter).
  await refreshCaseSuppliers({ shop: ctx.shop, variantIds });
  const failures = await syncStorefront(ctx, variantIds);
  return {
    summary:
      `${variantIds.length} variant(s) recomputed: ${told.confirm.confirmedOrders} order(s) confirmed, ${told.delays.delayed} delay email(s)` +
      `${told.delays.improved ? `, ${told.delays.improved} earlier-date email(s)` : ""}, ${failures} storefront failure(s)`,
  };
}

// Job kind → handler. Payloads are produced by our own webhook routes and schedulers; they are still
// checked, and one that does not parse is a permanent failure (retrying cannot fix it).
import { z } from "zod";
import { forgetPlansAfterUninstall } from "~/workflows/payments/plans.server";
import { isIsoDate } from "~/validation/dates";
import { handleInventoryLevel } from "~/workflows/ledger/inventory.server";
import { syncOrder } from "~/workflows/ledger/orders.server";
import { runBulkWrites } from "~/workflows/ledger/bulk-writes.server";
import { runLedgerPass } from "~/workflows/ledger/stock.server";
import { customerDataExport, redactCustomer } from "~/workflows/privacy/privacy.server";
import { handleProductDelete, handleProductUpdate } from "~/workflows/ledger/products.server";
import { reconcileShop, recomputeVariants } from "~/workflows/ledger/reconcile.server";
import { saveDataRequest } from "~/models/data-request.server";
import { runMatchingBulkJob } from "~/workflows/catalog/bulk-actions.server";
import { runCancellationJob } from "~/workflows/support/cancellation.server";
import { runMatchingSupportJob } from "~/workflows/support/bulk-job.server";
import { scheduleSurvey, sendSurvey } from "~/workflows/feedback/surveys.server";
import { runFlowTriggerJob } from "~/workflows/flow/triggers.server";
import { runBalanceCollection } from "~/workflows/payments/balance.server";
import { deadLetterShopJobs } from "./queue.server";
import { handleRetention } from "./retention.server";
import { PermanentJobError, type JobContext, type JobHandler, type JobKind } from "./types";

const isoDate = z.string().refine(isIsoDate, { message: "must be a date written YYYY-MM-DD" });

const OrderFactsSchema = z.object({
  topic: z.enum(["orders/create", "orders/updated", "orders/cancelled"]),
  orderId: z.string(),
  orderName: z.string(),
  email: z.string().nullable(),
  customerName: z.string().nullable(),
  customerId: z.string().nullish(),
  locale: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  cancelledAt: z.string().nullable(),
  tags: z.array(z.string()),
  deferredPayment: z.boolean().optional(),
  lines: z.array(
    z.object({
      lineItemId: z.string(),
      variantId: z.string().nullable(),
      productTitle: z.string(),
      variantTitle: z.string(),
      quantity: z.number().int(),
      fulfillableQuantity: z.number().int().nullable(),
      fulfillmentStatus: z.string().nullable(),
      promised: z.object({ earliest: isoDate.nullable(), latest: isoDate }).nullable(),
      termsVersion: z.number().int().nullable(),
      unitPrice: z.object({ amountMinor: z.number().int().nonnegative(), currency: z.string() }).nullish(),
    }),
  ),
});

const InventoryFactsSchema = z.object({
  inventoryItemId: z.string(),
  locationId: z.string(),
  available: z.number().int().nullable(),
  updatedAt: z.string(),
});

const ProductFactsSchema = z.object({
  productId: z.string(),
  title: z.string(),
  variants: z.array(z.object({ variantId: z.string(), inventoryItemId: z.string().nullable(), title: z.string(), sku: z.string().nullable() })),
});

const CustomerSchema = z.object({
  customerId: z.string().nullable(),
  email: z.string().nullable(),
  orderIds: z.array(z.string()),
  dataRequestId: z.string().nullable().optional(),
});

function parse<S extends z.ZodTypeAny>(schema: S, payload: unknown): z.output<S> {
  const result = schema.safeParse(payload);
  if (!result.success) throw new PermanentJobError(`Bad job payload: ${result.error.issues[0]?.message ?? "invalid"}`);
  return result.data as z.output<S>;
}

export const jobHandlers: Record<JobKind, JobHandler> = {
  "order.sync": (payload, ctx) => syncOrder(ctx, parse(OrderFactsSchema, payload)),
  "inventory.level": (payload, ctx) => handleInventoryLevel(ctx, parse(InventoryFactsSchema, payload)),
  "product.update": (payload, ctx) => handleProductUpdate(ctx, parse(ProductFactsSchema, payload)),
  "product.delete": (payload, ctx) => handleProductDelete(ctx, parse(z.object({ productId: z.string() }), payload)),
  "shop.uninstalled": async (_payload, ctx: JobContext) => {
    const parked = await deadLetterShopJobs({ shop: ctx.shop, reason: "The shop uninstalled the app", exceptId: ctx.job.id, now: ctx.now() });
    // The token is revoked: Shopify deletes the app's selling plan groups itself (48 h later); the app forgets them.
    const plans = await forgetPlansAfterUninstall({ shop: ctx.shop, now: ctx.now() });
    return { summary: `${parked} pending job(s) parked, ${plans} selling plan group(s) forgotten` };
  },
  "customer.redact": async (payload, ctx) => {
    const counts = await redactCustomer(ctx.shop, parse(CustomerSchema, payload));
    return { summary: `customer redacted: ${JSON.stringify(counts)}` };
  },
  "customer.data_request": async (payload, ctx) => {
    const facts = parse(CustomerSchema, payload);
    const data = await customerDataExport(ctx.shop, { ...facts, dataRequestId: facts.dataRequestId ?? null });
    // Kept where the merchant downloads it (Privacy requests), not in the job: job payloads are logs.
    const requestId = facts.dataRequestId ?? `job:${ctx.job.id}`;
    const saved = await saveDataRequest({ shop: ctx.shop, requestId, customerEmail: facts.email, exportData: data, now: ctx.now() });
    ctx.log("customer data request answered", { dataRequestId: requestId, lines: data.backorderedLines.length });
    return {
      summary: `data request ${saved.id}: ${data.backorderedLines.length} line(s), ${data.notifyMeSignups.length} signup(s), ${data.emails.length} email(s)`,
    };
  },
  "shop.reconcile": (_payload, ctx) => reconcileShop(ctx),
  "shop.retention": (_payload, ctx) => handleRetention(ctx),
  "variants.recompute": (payload, ctx) =>
    recomputeVariants(ctx, parse(z.object({ variantIds: z.array(z.string()).max(10_000) }), payload).variantIds),
  // "Select all matching" on the products list: the payload is the list's filter and the change.
  "bulk.variants": (payload, ctx) => runMatchingBulkJob(ctx, payload),
  // Cancel & refund (support desk): a cancellation's Shopify call when no one waits for it, then the follow-up.
  "support.cancellation": (payload, ctx) => runCancellationJob(ctx, parse(z.object({ cancellationId: z.string().min(1).max(100) }), payload)),
  // "Select all matching" on the support queue: the payload is the queue's filter, the action and the actor.
  "bulk.support": (payload, ctx) => runMatchingSupportJob(ctx, payload),
  // A burst's holds and tags, in bulk mutations: everything it needs is in the DeferredOrderWrite rows.
  "orders.bulk_write": (_payload, ctx) => runBulkWrites(ctx),
  // A burst's ledger pass for one variant, shared by the orders of a short window.
  "variants.pass": (payload, ctx) => runLedgerPass(ctx, parse(z.object({ variantIds: z.array(z.string()).min(1).max(100) }), payload).variantIds),
  // Feedback after delivery: orders/fulfilled schedules the order's one survey; its send job runs when it is due.
  "feedback.schedule": (payload, ctx) =>
    scheduleSurvey(ctx, parse(z.object({ orderId: z.string().min(1).max(100), orderName: z.string().max(255), fulfilledAt: z.string().datetime() }), payload)),
  "feedback.send": (payload, ctx) => sendSurvey(ctx, parse(z.object({ orderId: z.string().min(1).max(100) }), payload)),
  // A Shopify Flow trigger queued with the state change it reports (~/workflows/flow/triggers.server).
  "flow.trigger": (payload, ctx) => runFlowTriggerJob(ctx, payload),
  // Deposits and pay later: charge an order's balance through its payment mandate, once (ADR 015).
  "balance.collect": (payload, ctx) => runBalanceCollection(ctx, parse(z.object({ orderId: z.string().min(1).max(100) }), payload)),
};

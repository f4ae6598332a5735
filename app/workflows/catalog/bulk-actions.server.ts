// Bulk actions of the products list: enable or disable backorder, or set the lead time, then sync the
// variants to Shopify. Two ways in:
// - the rows selected on the page (`applyBulkAction`): done in the request; variants Shopify does not know
//   for this shop are refused whole;
// - every variant matching the list's filter ("select all matching"): a background job
//   (`startMatchingBulkJob` → `runMatchingBulkJob`) that lists the matching variants with the list's own
//   query, page by page, then applies the change in chunks and records its progress on the job.
import { z } from "zod";
import { BulkActionSchema, LIMITS } from "~/validation/backorder-variant";
import { strictInt } from "~/validation/integer";
import { fieldErrors } from "~/validation/form-data";
import { createAdminClient, type AdminClient } from "~/shopify/admin-client.server";
import { readVariantInventory, type VariantInventory } from "~/shopify/inventory.server";
import type { AdminGraphql } from "~/shopify/types";
import { setLeadTimeForVariants, setModeForVariants, upsertShopifyFacts } from "~/models/backorder-variant.server";
import { enqueueBulkJob, recordBulkProgress, type BulkOutcome, type BulkProgress } from "~/models/bulk-job.server";
import { MODE_FILTERS, PRODUCT_TABS, QUERY_MAX_CHARS, listProducts, type ListingFilter } from "./product-listing.server";
import type { JobContext, JobOutcome } from "~/jobs/types";
import { PermanentJobError } from "~/jobs/types";
import { syncVariants, type SyncFailure } from "./backorder-sync.server";
import { rederiveState } from "./derived-state.server";
import { setVariantPaymentChoices } from "~/models/payment-plan.server";
import { getShopSettings } from "~/models/settings.server";
import { localToday } from "~/validation/dates";
import { parsePaymentChoice } from "~/validation/payment-options";
import type { VariantPaymentChoice } from "~/domain/payment-plans";

export type BulkActionResult =
  | { ok: true; updated: number; failed: SyncFailure[] }
  | { ok: false; status: 400 | 404; errors: Record<string, string> };

/** Mode given to variants enabled in bulk: sell stock first, then keep selling on backorder. */
export const BULK_ENABLE_MODE = "when_sold_out";

export type BulkChange =
  | { intent: "enable" }
  | { intent: "disable" }
  | { intent: "lead-time"; leadTimeDays: number }
  | { intent: "payment"; choice: VariantPaymentChoice };

/**
 * The payment option of a bulk "Set payment option": the shop default, full payment, a percentage deposit
 * or pay later. A fixed deposit must stay below each variant's price, so it is set on each product page.
 */
async function bulkPaymentChoice(shop: string, input: Record<string, unknown>, now: Date): Promise<{ ok: true; choice: VariantPaymentChoice } | { ok: false; errors: Record<string, string> }> {
  if (input.paymentKind === "deposit" && input.checkoutType === "price") return { ok: false, errors: { checkoutType: "payments.error.bulkPrice" } };
  const settings = await getShopSettings({ shop });
  return parsePaymentChoice(input, { allowDefault: true, today: localToday(settings.timezone, now), currency: "XXX" });
}

export async function applyBulkAction({
  shop,
  graphql,
  input,
  now,
}: {
  shop: string;
  graphql: AdminGraphql;
  input: Record<string, unknown>;
  now?: Date;
}): Promise<BulkActionResult> {
  const parsed = BulkActionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) };
  const { variantIds: requested, ...action } = parsed.data;
  const variantIds = [...new Set(requested)];
  let change: BulkChange;
  if (action.intent === "payment") {
    const payment = await bulkPaymentChoice(shop, input, now ?? new Date());
    if (!payment.ok) return { ok: false, status: 400, errors: payment.errors };
    change = { intent: "payment", choice: payment.choice };
  } else {
    change = action;
  }

  const client = createAdminClient(graphql);
  const { variants, missing } = await readVariantInventory(client, shop, variantIds);
  if (missing.length > 0) return { ok: false, status: 404, errors: { variantIds: "products.error.unknownVariant" } };

  const failed = await applyChange({ shop, graphql, client, change, variants: [...variants.values()], ...(now ? { now } : {}) });
  return { ok: true, updated: variantIds.length, failed };
}

/** Records Shopify's facts for the variants, applies the change, and syncs them; returns what Shopify refused. */
async function applyChange({
  shop,
  graphql,
  client,
  change,
  variants,
  now,
}: {
  shop: string;
  graphql: AdminGraphql;
  client: AdminClient;
  change: BulkChange;
  variants: VariantInventory[];
  now?: Date;
}): Promise<SyncFailure[]> {
  if (variants.length === 0) return [];
  const variantIds = variants.map((v) => v.variantId);
  await upsertShopifyFacts({ shop, variants });
  if (change.intent === "enable") await setModeForVariants({ shop, variantIds, mode: BULK_ENABLE_MODE });
  if (change.intent === "disable") await setModeForVariants({ shop, variantIds, mode: "off" });
  if (change.intent === "lead-time") await setLeadTimeForVariants({ shop, variantIds, leadTimeDays: change.leadTimeDays });
  if (change.intent === "payment") await setVariantPaymentChoices({ shop, variants, choice: change.choice });
  await rederiveState({ shop, variantIds, now: now ?? new Date() });
  const report = await syncVariants({ shop, graphql, variantIds, client, ...(now ? { now } : {}) });
  return report.failed;
}

// ---- Every variant matching the filter, as a background job ------------------------------------------

const FilterSchema = z.object({
  tab: z.enum(PRODUCT_TABS),
  query: z.string().max(QUERY_MAX_CHARS),
  mode: z.enum(MODE_FILTERS).nullable(),
});

const ChangeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("enable") }),
  z.object({ intent: z.literal("disable") }),
  z.object({ intent: z.literal("lead-time"), leadTimeDays: z.number().int().min(LIMITS.leadTimeDays.min).max(LIMITS.leadTimeDays.max) }),
  z.object({ intent: z.literal("payment"), choice: z.custom<VariantPaymentChoice>(isBulkChoice, "Bad payment option") }),
]);

const BALANCE = z.union([z.object({ trigger: z.literal("on_ready") }), z.object({ trigger: z.literal("on_date"), dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })]);
const BULK_CHOICE = z.union([
  z.object({ kind: z.enum(["default", "full"]) }),
  z.object({ kind: z.literal("pay_later"), balance: BALANCE }),
  z.object({ kind: z.literal("deposit"), checkout: z.object({ type: z.literal("percentage"), percent: z.number().int().min(1).max(99) }), balance: BALANCE }),
]);
function isBulkChoice(value: unknown): boolean {
  return BULK_CHOICE.safeParse(value).success;
}

/** The job's payload: what the merchant saw (the filter) and what to do; never a list of ids. */
export const BulkJobPayloadSchema = z.object({ filter: FilterSchema, change: ChangeSchema });
export type BulkJobPayload = z.infer<typeof BulkJobPayloadSchema>;

/** The form of "apply to all matching": the intent (and lead time); the filter comes from the page's URL. */
const MatchingFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("enable") }),
  z.object({ intent: z.literal("disable") }),
  z.object({ intent: z.literal("lead-time"), leadTimeDays: strictInt({ ...LIMITS.leadTimeDays, message: "products.error.leadTime" }) }),
  z.object({ intent: z.literal("payment") }),
]);

export type StartBulkJobResult =
  | { ok: true; jobId: string }
  | { ok: false; status: 400 | 409; errors: Record<string, string> };

/** Queues the job for every variant matching `filter`; refused while the shop's previous one still runs. */
export async function startMatchingBulkJob({
  shop,
  filter,
  input,
  now,
}: {
  shop: string;
  filter: ListingFilter;
  input: Record<string, unknown>;
  now?: Date;
}): Promise<StartBulkJobResult> {
  const parsed = MatchingFormSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) };
  let change: BulkJobPayload["change"];
  if (parsed.data.intent === "payment") {
    const payment = await bulkPaymentChoice(shop, input, now ?? new Date());
    if (!payment.ok) return { ok: false, status: 400, errors: payment.errors };
    change = { intent: "payment", choice: payment.choice };
  } else {
    change = parsed.data;
  }
  const payload: BulkJobPayload = { filter, change };
  const queued = await enqueueBulkJob({ shop, payload, ...(now ? { now } : {}) });
  if (!queued.created) return { ok: false, status: 409, errors: { form: "products.bulkJob.busy" } };
  return { ok: true, jobId: queued.id };
}

/** Variants applied (and synced) per round: one progress update each. */
export const BULK_CHUNK = 50;
/** Pages the listing may take before the job stops counting (20 products a page: 100,000 products). */
const MAX_PAGES = 5_000;
const FAILURES_KEPT = 20;

export async function runMatchingBulkJob(ctx: JobContext, payload: unknown): Promise<JobOutcome> {
  const parsed = BulkJobPayloadSchema.safeParse(payload);
  if (!parsed.success) throw new PermanentJobError(`Bad job payload: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const { filter, change } = parsed.data;
  const input: BulkJobPayload = { filter, change };
  const shop = ctx.shop;
  const graphql = await ctx.adminGraphql();
  const client = await ctx.admin();
  const progress: BulkProgress = { phase: "counting", done: 0, total: 0, failed: 0 };
  const record = () => recordBulkProgress({ shop, jobId: ctx.job.id, workerId: ctx.workerId, input, progress });

  // 1. Every matching variant, listed before anything changes: disabling the "Backorderable" tab's
  //    variants takes them out of that list, so changing as we page would skip the next page's rows.
  const variantIds: string[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const listing = await listProducts(graphql, { shop, ...filter, cursor, now: ctx.now() });
    for (const row of listing.rows) {
      if (seen.has(row.variantId)) continue;
      seen.add(row.variantId);
      variantIds.push(row.variantId);
    }
    progress.total = variantIds.length;
    await record();
    if (!listing.pageInfo.hasNextPage || !listing.pageInfo.next) break;
    cursor = listing.pageInfo.next;
  }

  // 2. The change, chunk by chunk; a variant deleted meanwhile or refused by Shopify counts as failed.
  progress.phase = "applying";
  await record();
  const failures: SyncFailure[] = [];
  for (let i = 0; i < variantIds.length; i += BULK_CHUNK) {
    const chunk = variantIds.slice(i, i + BULK_CHUNK);
    const { variants, missing } = await readVariantInventory(client, shop, chunk);
    const chunkFailures: SyncFailure[] = missing.map((variantId) => ({ variantId, message: "This variant no longer exists in Shopify" }));
    chunkFailures.push(...(await applyChange({ shop, graphql, client, change, variants: [...variants.values()], now: ctx.now() })));
    failures.push(...chunkFailures);
    progress.done += chunk.length;
    progress.failed += chunkFailures.length;
    await record();
  }

  const result: BulkOutcome = {
    done: progress.done,
    total: progress.total,
    failed: progress.failed,
    failures: failures.slice(0, FAILURES_KEPT),
  };
  ctx.log("bulk change applied", { intent: change.intent, total: result.total, failed: result.failed });
  return { summary: `${change.intent}: ${result.done - result.failed} of ${result.total} variant(s) updated, ${result.failed} failed`, result };
}

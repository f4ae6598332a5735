// The product page's data and writes: one product from Shopify, the selected variant's backorder
// settings, batches, FIFO queue with each line's date, and what a shopper would see now.
import type { AdminGraphql } from "~/shopify/types";
import { fetchProductDetail, type ProductDetail } from "~/shopify/products.server";
import {
  getBackorderVariant,
  saveVariantSettings,
  upsertShopifyFacts,
  variantSettingsColumns,
  type StoredVariant,
} from "~/models/backorder-variant.server";
import { addBatch, removeBatch, updateBatch } from "~/models/incoming-batch.server";
import { batchSchema, variantSettingsSchema } from "~/validation/backorder-variant";
import { dateWindows, isUsableStoredDate, localToday } from "~/validation/dates";
import { fieldErrors } from "~/validation/form-data";
import { getShopSettings } from "~/models/settings.server";
import { computeVariantEtasReport, loadEtaSettings } from "./eta.server";
import { syncVariants, type SyncReport } from "./backorder-sync.server";
import { waitingQueuePage } from "./waiting-queue.server";
import { rederiveState } from "./derived-state.server";
import { DEFAULT_VELOCITY_WINDOW_DAYS, salesVelocity, sellOutForecast, type DailySales } from "~/domain/forecast";
import { fetchRecentSales } from "~/shopify/sales.server";
import { previewDateChanges, type DateChangePreview } from "~/workflows/ledger/preview.server";
import { enqueueVariantRecompute } from "~/jobs/schedule.server";
import { enqueueJob } from "~/jobs/queue.server";
import { batchReceiptKey, readVariantStockLocations, receiveBatchStock } from "~/shopify/inventory-adjust.server";

export function productGid(id: string): string | null {
  return /^\d{1,20}$/.test(id) ? `gid://shopify/Product/${id}` : null;
}

export async function loadProduct(graphql: AdminGraphql, id: string): Promise<ProductDetail> {
  const gid = productGid(id);
  const product = gid ? await fetchProductDetail(graphql, gid) : null;
  // Shopify answers null for another shop's product: the merchant sees a 404, never someone else's data.
  if (!product) throw new Response("Not Found", { status: 404 });
  return product;
}

export function selectVariant(product: ProductDetail, variantNumber: string | null) {
  return product.variants.find((v) => v.id.endsWith(`/${variantNumber}`)) ?? product.variants[0] ?? null;
}

/** Sales velocity over the last 28 days and when the stock on hand runs out at that pace. */
async function forecastFor(
  graphql: AdminGraphql,
  variant: { id: string; sku: string | null; inventoryQuantity: number },
  localDate: (at: Date) => string,
  now: Date,
) {
  if (variant.inventoryQuantity <= 0 || !variant.sku) return null;
  const since = new Date(now.getTime() - (DEFAULT_VELOCITY_WINDOW_DAYS + 1) * 86_400_000);
  const sales = await fetchRecentSales(graphql, { variantId: variant.id, sku: variant.sku, since });
  const history: DailySales[] = sales.map((sale) => ({ date: localDate(sale.at), units: sale.units }));
  const today = localDate(now);
  const velocityPerDay = salesVelocity(history, { today });
  return { velocityPerDay, windowDays: DEFAULT_VELOCITY_WINDOW_DAYS, ...sellOutForecast({ available: variant.inventoryQuantity, velocityPerDay, today }) };
}

export async function loadVariantEditor({
  shop,
  graphql,
  product,
  variantId,
  now = new Date(),
}: {
  shop: string;
  graphql: AdminGraphql;
  product: ProductDetail;
  variantId: string;
  now?: Date;
}) {
  const shopifyVariant = product.variants.find((v) => v.id === variantId);
  if (!shopifyVariant) throw new Response("Not Found", { status: 404 });
  const [row, settings] = await Promise.all([getBackorderVariant({ shop, variantId }), loadEtaSettings({ shop })]);
  // Where a batch's units can be received into Shopify (the edit dialog offers it): asked only while a
  // batch is still pending.
  const pending = (row?.batches ?? []).some((batch) => batch.receivedOn === null);
  const [report, forecast, stock] = await Promise.all([
    row ? computeVariantEtasReport({ shop, variantIds: [variantId], now, settings }) : Promise.resolve({ results: [], problems: [] }),
    forecastFor(graphql, shopifyVariant, (at) => settings.eta.calendar.localDate(at), now),
    pending ? readVariantStockLocations(graphql, variantId) : Promise.resolve(null),
  ]);
  const [computed] = report.results;
  const [problem] = report.problems;
  // The first page of the queue; positions and dates come from the computation over the whole queue.
  const queue = await waitingQueuePage({ shop, variantId, after: null, now, computed: computed ?? null });
  const today = settings.eta.calendar.localDate(now);

  return {
    variant: {
      id: variantId,
      title: shopifyVariant.title,
      sku: shopifyVariant.sku,
      available: shopifyVariant.inventoryQuantity,
      inventoryPolicy: shopifyVariant.inventoryPolicy,
    },
    settings: {
      mode: row?.mode ?? "off",
      cap: row?.cap ?? null,
      leadTimeDays: row?.leadTimeDays ?? null,
      capacityPerWeek: row?.capacityPerWeek ?? null,
      startsOn: storedDay(row?.startsAt ?? null),
      endsOn: storedDay(row?.endsAt ?? null),
      messageEn: row?.messageEn ?? null,
      messageFr: row?.messageFr ?? null,
      // A row not created yet starts at the column default: whoever creates it first moves it to 2.
      version: row?.version ?? 1,
    },
    sync: { policy: row?.syncedPolicy ?? null, at: row?.syncedAt?.toISOString() ?? null, error: row?.syncError ?? null },
    batches: (row?.batches ?? []).map((batch) => ({
      ...batch,
      /** Saved before dates were validated (9999-12-31…): shown as is, to fix or remove. */
      dateProblem: !isUsableStoredDate(batch.expectedOn) || (batch.receivedOn !== null && !isUsableStoredDate(batch.receivedOn)),
    })),
    /** Why this variant has no estimate although it is managed: its stored data cannot be computed. */
    problem: problem ? { kind: problem.kind, batchIds: problem.batchIds } : null,
    /** Active locations stocking the variant (default first), where a batch can be received; null: none. */
    inventoryLocations: stock?.locations.map((l) => ({ id: l.id, name: l.name, available: l.available })) ?? null,
    /** Bounds of every date field (the action enforces the same windows). */
    dateBounds: dateWindows(today),
    preview: computed
      ? { summary: computed.summary, decision: computed.decision }
      : null,
    forecast,
    enabledModes: settings.enabledModes,
    defaultLeadTimeDays: settings.eta.defaultLeadTimeDays,
    /** The first page of the waiting queue (the rest comes page by page: "Load more"). */
    queue: queue.lines,
    queuePage: { total: queue.total, next: queue.next },
  };
}

/** "YYYY-MM-DD" of a stored window date; an unusable one is shown as stored (the page flags it). */
function storedDay(value: Date | null): string | null {
  if (value === null || Number.isNaN(value.getTime())) return null;
  return value.toISOString().replace(/T.*$/, "");
}

type WriteResult =
  | { ok: true; sync: Pick<SyncReport, "failed" | "warnings"> }
  | { ok: false; status: 400 | 404 | 409 | 422; errors: Record<string, string>; params?: Record<string, Record<string, string>> }
  /** Nothing written: the save would email customers; the form asks first (see confirmDateChanges). */
  | { ok: false; status: 409; errors: Record<string, string>; confirm: DateChangePreview };

/** The shop's today, which every date field is judged against. */
async function formWindows(shop: string, now: Date) {
  const settings = await getShopSettings({ shop });
  return dateWindows(localToday(settings.timezone, now));
}

const conflict = { ok: false as const, status: 409 as const, errors: { form: "products.error.conflict" } };

/** Makes sure the app has a row for the variant, with Shopify's current facts. */
export async function ensureRow(shop: string, product: ProductDetail, variantId: string) {
  const variant = product.variants.find((v) => v.id === variantId);
  if (!variant) return false;
  await upsertShopifyFacts({
    shop,
    variants: [
      {
        productId: product.id,
        variantId,
        productTitle: product.title,
        variantTitle: variant.title,
        sku: variant.sku,
        available: variant.inventoryQuantity,
        inventoryItemId: variant.inventoryItemId,
      },
    ],
  });
  return true;
}

/**
 * After a write that can move dates: the variant's stored state (at risk) is recomputed, the recompute job
 * (delay detection, confirmations, storefront) is queued at once, so a customer whose date slipped hears it within seconds rather than at the next stock
 * event; then Shopify gets the new policy and summary.
 */
async function afterWrite(shop: string, graphql: AdminGraphql, variantId: string, now: Date): Promise<WriteResult> {
  await enqueueVariantRecompute({ shop, variantIds: [variantId], now });
  // The At risk tab reflects the change at once, without waiting for the job.
  await rederiveState({ shop, variantIds: [variantId], now });
  return syncOne(shop, graphql, variantId);
}

/** The form says the merchant already saw "this will email N customers" and chose to save. */
function confirmed(input: Record<string, unknown>): boolean {
  return input.confirmDateChanges === "1";
}

/**
 * "This will email N customers": unless confirmed, a change that would send delay (or earlier-date)
 * emails is not written; the answer carries the counts for the page to ask first.
 */
async function askFirst({
  shop,
  variantId,
  input,
  now,
  change,
}: {
  shop: string;
  variantId: string;
  input: Record<string, unknown>;
  now: Date;
  change: (row: StoredVariant) => StoredVariant;
}): Promise<WriteResult | null> {
  if (confirmed(input)) return null;
  const preview = await previewDateChanges({
    shop,
    now,
    variantIds: [variantId],
    adjust: (row) => (row.variantId === variantId ? sortBatches(change(row)) : row),
  });
  if (preview.delayed + preview.earlier === 0) return null;
  return { ok: false, status: 409, errors: {}, confirm: preview };
}

/** Batches in the order the engine reads them from the database (expected date, then creation). */
function sortBatches(row: StoredVariant): StoredVariant {
  return { ...row, batches: [...row.batches].sort((a, b) => (a.expectedOn < b.expectedOn ? -1 : a.expectedOn > b.expectedOn ? 1 : 0)) };
}

async function syncOne(shop: string, graphql: AdminGraphql, variantId: string): Promise<WriteResult> {
  const report = await syncVariants({ shop, graphql, variantIds: [variantId] });
  return { ok: true, sync: { failed: report.failed, warnings: report.warnings } };
}

const unknownVariant = { ok: false as const, status: 404 as const, errors: { variantId: "products.error.unknownVariant" } };

interface WriteArgs {
  shop: string;
  graphql: AdminGraphql;
  product: ProductDetail;
  input: Record<string, unknown>;
  now?: Date;
}

export async function saveVariant({ shop, graphql, product, input, now = new Date() }: WriteArgs): Promise<WriteResult> {
  const parsed = variantSettingsSchema(await formWindows(shop, now)).safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) };
  const settings = parsed.data;
  if (!product.variants.some((v) => v.id === settings.variantId)) return unknownVariant;
  // A stale form is told so before it is asked to confirm a change it cannot save anyway.
  const current = await getBackorderVariant({ shop, variantId: settings.variantId });
  if (current && settings.version != null && current.version !== settings.version) return conflict;
  const ask = await askFirst({
    shop,
    variantId: settings.variantId,
    input,
    now,
    change: (row) => ({ ...row, ...variantSettingsColumns(settings) }),
  });
  if (ask) return ask;
  if (!(await ensureRow(shop, product, settings.variantId))) return unknownVariant;
  const saved = await saveVariantSettings({ shop, settings });
  if (saved === "conflict") return conflict;
  if (saved === "missing") return unknownVariant;
  return afterWrite(shop, graphql, settings.variantId, now);
}

export async function saveBatch({ shop, graphql, product, input, now = new Date() }: WriteArgs): Promise<WriteResult> {
  const parsed = batchSchema(await formWindows(shop, now)).safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) };
  const batch = parsed.data;
  if (!product.variants.some((v) => v.id === batch.variantId)) return unknownVariant;
  const proposed = { quantity: batch.quantity, expectedOn: batch.expectedOn, receivedOn: batch.receivedOn, supplier: batch.supplier };
  if (batch.batchId) {
    const batchId = batch.batchId;
    const stored = (await getBackorderVariant({ shop, variantId: batch.variantId }))?.batches.find((b) => b.id === batchId);
    if (!stored) return { ok: false, status: 404, errors: { batchId: "products.error.unknownBatch" } };
    if (batch.version != null && stored.version !== batch.version) return conflict;
    // Units are added to Shopify only as the batch becomes received: a resubmit of a form already saved
    // (the batch is received now) adds nothing.
    const receipt = batch.addToInventory && batch.receivedOn && stored.receivedOn === null ? batch.inventoryLocationId : null;
    const inventoryItemId = product.variants.find((v) => v.id === batch.variantId)?.inventoryItemId ?? null;
    if (receipt && !inventoryItemId) return { ok: false, status: 422, errors: { inventoryLocationId: "products.error.inventoryLocation" } };
    const ask = await askFirst({
      shop,
      variantId: batch.variantId,
      input,
      now,
      change: (row) => ({
        ...row,
        // Received into Shopify, the units move from the batch to the stock the queue is served from.
        available: receipt ? row.available + batch.quantity : row.available,
        batches: row.batches.map((b) => (b.id === batchId ? { ...b, ...proposed } : b)),
      }),
    });
    if (ask) return ask;
    if (!(await ensureRow(shop, product, batch.variantId))) return unknownVariant;
    if (receipt && inventoryItemId) {
      // Shopify first: if it refuses, the batch is not recorded as received.
      const received = await receiveBatchStock(graphql, { batchId, inventoryItemId, locationId: receipt, delta: batch.quantity });
      if (!received.ok) {
        return {
          ok: false,
          status: 422,
          errors: { addToInventory: "products.error.inventoryRefused" },
          params: { addToInventory: { message: received.message } },
        };
      }
      // The stock event Shopify also sends as inventory_levels/update, queued now (webhooks are not
      // guaranteed): the ledger re-reads the variant's stock and serves its waiting orders first in, first out.
      await enqueueJob({
        shop,
        kind: "inventory.level",
        payload: { inventoryItemId, locationId: receipt, available: null, updatedAt: received.createdAt ?? now.toISOString() },
        uniqueKey: batchReceiptKey({ batchId, locationId: receipt, delta: batch.quantity }),
        now,
      });
    }
    const saved = await updateBatch({ shop, batchId, batch });
    if (saved === "conflict") return conflict;
    if (saved === "missing") return { ok: false, status: 404, errors: { batchId: "products.error.unknownBatch" } };
  } else {
    const ask = await askFirst({
      shop,
      variantId: batch.variantId,
      input,
      now,
      change: (row) => ({ ...row, batches: [...row.batches, { id: "proposed-batch", ...proposed }] }),
    });
    if (ask) return ask;
    if (!(await ensureRow(shop, product, batch.variantId))) return unknownVariant;
    const added = await addBatch({ shop, batch });
    if (!added) return unknownVariant;
    // A repeated submission changed nothing: the first one already synced.
  }
  return afterWrite(shop, graphql, batch.variantId, now);
}

export async function deleteBatch({ shop, graphql, product, input, now = new Date() }: WriteArgs): Promise<WriteResult> {
  const variantId = String(input.variantId ?? "");
  const batchId = String(input.batchId ?? "");
  if (!product.variants.some((v) => v.id === variantId)) return unknownVariant;
  const ask = await askFirst({ shop, variantId, input, now, change: (row) => ({ ...row, batches: row.batches.filter((b) => b.id !== batchId) }) });
  if (ask) return ask;
  if (!(await removeBatch({ shop, batchId, variantId }))) return { ok: false, status: 404, errors: { batchId: "products.error.unknownBatch" } };
  return afterWrite(shop, graphql, variantId, now);
}

// The product page's data and writes: one product from Shopify, the selected variant's backorder
// settings, batches, FIFO queue with each line's date, and what a shopper would see now.
import type { AdminGraphql } from "~/shopify/types";
import { fetchProductDetail, type ProductDetail } from "~/shopify/products.server";
import {
  addBatch,
  getBackorderVariant,
  listWaitingLines,
  removeBatch,
  saveVariantSettings,
  updateBatch,
  upsertShopifyFacts,
} from "~/models/backorder-variant.server";
import { batchSchema, variantSettingsSchema } from "~/validation/backorder-variant";
import { dateWindows, isUsableStoredDate, localToday } from "~/validation/dates";
import { fieldErrors } from "~/validation/form-data";
import { getShopSettings } from "~/models/settings.server";
import { computeVariantEtasReport, loadEtaSettings } from "./eta.server";
import { syncVariants, type SyncReport } from "./backorder-sync.server";
import type { SupplySource } from "~/domain/types";
import { DEFAULT_VELOCITY_WINDOW_DAYS, salesVelocity, sellOutForecast, type DailySales } from "~/domain/forecast";
import { fetchRecentSales } from "~/shopify/sales.server";

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

function sourceLabel(source: SupplySource): { kind: SupplySource["kind"]; detail: string | null } {
  if (source.kind === "batch") return { kind: "batch", detail: source.expectedAt };
  if (source.kind === "capacity") return { kind: "capacity", detail: String(source.unitsPerWeek) };
  if (source.kind === "lead_time") return { kind: "lead_time", detail: String(source.leadTimeDays) };
  return { kind: "stock", detail: null };
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
  const [row, lines, settings] = await Promise.all([
    getBackorderVariant({ shop, variantId }),
    listWaitingLines({ shop, variantId }),
    loadEtaSettings({ shop }),
  ]);
  const [report, forecast] = await Promise.all([
    row ? computeVariantEtasReport({ shop, variantIds: [variantId], now, settings }) : Promise.resolve({ results: [], problems: [] }),
    forecastFor(graphql, shopifyVariant, (at) => settings.eta.calendar.localDate(at), now),
  ]);
  const [computed] = report.results;
  const [problem] = report.problems;
  const lineEtas = new Map(computed?.eta.lines.map((l) => [l.lineId, l]) ?? []);
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
    /** Bounds of every date field (the action enforces the same windows). */
    dateBounds: dateWindows(today),
    preview: computed
      ? { summary: computed.summary, decision: computed.decision }
      : null,
    forecast,
    enabledModes: settings.enabledModes,
    defaultLeadTimeDays: settings.eta.defaultLeadTimeDays,
    queue: lines.map((line) => {
      const eta = lineEtas.get(line.id);
      return {
        id: line.id,
        orderName: line.orderName,
        quantity: line.quantity,
        orderedAt: line.orderedAt.toISOString(),
        promisedLatest: line.promisedLatest,
        eta: eta ? { earliest: eta.eta.earliest, latest: eta.eta.latest } : null,
        source: eta ? sourceLabel(eta.eta.source) : null,
        atRisk: eta?.atRisk ?? false,
      };
    }),
  };
}

/** "YYYY-MM-DD" of a stored window date; an unusable one is shown as stored (the page flags it). */
function storedDay(value: Date | null): string | null {
  if (value === null || Number.isNaN(value.getTime())) return null;
  return value.toISOString().replace(/T.*$/, "");
}

type WriteResult =
  | { ok: true; sync: Pick<SyncReport, "failed" | "warnings"> }
  | { ok: false; status: 400 | 404 | 409; errors: Record<string, string> };

/** The shop's today, which every date field is judged against. */
async function formWindows(shop: string, now: Date) {
  const settings = await getShopSettings({ shop });
  return dateWindows(localToday(settings.timezone, now));
}

const conflict = { ok: false as const, status: 409 as const, errors: { form: "products.error.conflict" } };

/** Makes sure the app has a row for the variant, with Shopify's current facts. */
async function ensureRow(shop: string, product: ProductDetail, variantId: string) {
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
  if (!(await ensureRow(shop, product, parsed.data.variantId))) return unknownVariant;
  const saved = await saveVariantSettings({ shop, settings: parsed.data });
  if (saved === "conflict") return conflict;
  if (saved === "missing") return unknownVariant;
  return syncOne(shop, graphql, parsed.data.variantId);
}

export async function saveBatch({ shop, graphql, product, input, now = new Date() }: WriteArgs): Promise<WriteResult> {
  const parsed = batchSchema(await formWindows(shop, now)).safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) };
  if (!(await ensureRow(shop, product, parsed.data.variantId))) return unknownVariant;
  if (parsed.data.batchId) {
    const saved = await updateBatch({ shop, batchId: parsed.data.batchId, batch: parsed.data });
    if (saved === "conflict") return conflict;
    if (saved === "missing") return { ok: false, status: 404, errors: { batchId: "products.error.unknownBatch" } };
  } else {
    const added = await addBatch({ shop, batch: parsed.data });
    if (!added) return unknownVariant;
    // A repeated submission changed nothing: the first one already synced.
  }
  return syncOne(shop, graphql, parsed.data.variantId);
}

export async function deleteBatch({ shop, graphql, product, input }: { shop: string; graphql: AdminGraphql; product: ProductDetail; input: Record<string, unknown> }): Promise<WriteResult> {
  const variantId = String(input.variantId ?? "");
  const batchId = String(input.batchId ?? "");
  if (!product.variants.some((v) => v.id === variantId)) return unknownVariant;
  if (!(await removeBatch({ shop, batchId, variantId }))) return { ok: false, status: 404, errors: { batchId: "products.error.unknownBatch" } };
  return syncOne(shop, graphql, variantId);
}

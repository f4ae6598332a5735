// The products list: one row per variant, merging Shopify's catalogue with what the app manages
// (mode, units waiting, next delivery estimate, at-risk lines, sync state).
import type { AdminGraphql } from "~/shopify/types";
import { fetchProductPage, fetchProductsById, type ListedProduct } from "~/shopify/products.server";
import { waitingUnitsByVariant } from "~/models/backorder-line.server";
import { findBackorderVariants, pageOfManagedProductIds } from "~/models/backorder-variant.server";
import { computeVariantEtasReport } from "./eta.server";
import { deriveMissingState } from "./derived-state.server";
import { DELIVERY_MODES, type DateRange } from "~/domain/types";
import type { ModeFilter, ProductTab } from "~/validation/product-listing";

export { MODE_FILTERS, PRODUCT_TABS, QUERY_MAX_CHARS, listingFilterFrom } from "~/validation/product-listing";
export type { ListingFilter, ModeFilter, ProductTab } from "~/validation/product-listing";
const PAGE_SIZE = 20;

export interface VariantRow {
  productId: string;
  productTitle: string;
  variantId: string;
  variantTitle: string;
  sku: string | null;
  available: number;
  mode: string;
  waitingUnits: number;
  nextEta: DateRange | null;
  atRisk: boolean;
  syncError: string | null;
  /** Its stored data cannot be computed (a batch dated 9999-12-31…): no estimate, fix it on its page. */
  dataProblem: boolean;
}

export interface ProductListing {
  rows: VariantRow[];
  /** Opaque cursors: Shopify's for all/sold_out, a product id (keyset) for the app-side tabs. */
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; next: string | null; previous: string | null };
}

/** Shopify search syntax for a merchant's words: each word must match (quotes stripped). */
function searchTerms(query: string): string {
  return query
    .split(/\s+/)
    .map((word) => word.replace(/["'()\\:]/g, ""))
    .filter(Boolean)
    .map((word) => `${word}*`)
    .join(" ");
}

async function productsFromShopify(graphql: AdminGraphql, tab: ProductTab, query: string, cursor: string | null) {
  // Sold out: products with a variant out of stock (the rows are then narrowed to those variants).
  const filters = [searchTerms(query), tab === "sold_out" ? "out_of_stock_somewhere:true" : ""].filter(Boolean);
  const [direction, value] = cursor?.split(":", 2) ?? ["next", null];
  const page = await fetchProductPage(graphql, {
    query: filters.join(" ") || null,
    page: direction === "previous" && value ? { direction: "previous", cursor: value } : { direction: "next", cursor: value },
    size: PAGE_SIZE,
  });
  return {
    products: page.products,
    pageInfo: {
      hasNextPage: page.pageInfo.hasNextPage,
      hasPreviousPage: page.pageInfo.hasPreviousPage,
      next: page.pageInfo.endCursor ? `next:${page.pageInfo.endCursor}` : null,
      previous: page.pageInfo.startCursor ? `previous:${page.pageInfo.startCursor}` : null,
    },
  };
}

/**
 * The app-side tabs (Backorderable, At risk, a mode filter): product ids from the app's own rows, paged by
 * product id (keyset, `next:<id>` / `previous:<id>`) over an index. At risk reads the state the ledger
 * stores when it recomputes dates (./derived-state.server.ts), never recomputing the shop's queues here.
 */
async function productsFromApp(
  graphql: AdminGraphql,
  { shop, tab, query, cursor }: { shop: string; tab: ProductTab; query: string; cursor: string | null },
) {
  const filter = tab === "at_risk" ? "at_risk" : "backorderable";
  const [direction, value] = cursor?.split(":", 2) ?? ["next", null];
  const page = await pageOfManagedProductIds({
    shop,
    filter,
    after: direction === "next" ? value || null : null,
    before: direction === "previous" ? value || null : null,
    take: PAGE_SIZE,
  });
  let products = await fetchProductsById(graphql, page.productIds);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length) products = products.filter((p) => words.every((w) => p.title.toLowerCase().includes(w)));
  const first = page.productIds[0];
  const last = page.productIds.at(-1);
  return {
    products,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      next: last ? `next:${last}` : null,
      previous: first ? `previous:${first}` : null,
    },
  };
}

export async function listProducts(
  graphql: AdminGraphql,
  {
    shop,
    tab,
    query,
    mode = null,
    cursor,
    now = new Date(),
  }: { shop: string; tab: ProductTab; query: string; mode?: ModeFilter | null; cursor: string | null; now?: Date },
): Promise<ProductListing> {
  // Rows stored before the derived state existed are derived once, on the first visit that needs them.
  await deriveMissingState({ shop, now });
  // A mode other than "off" narrows "All" to the products the app manages: no need to page through the
  // whole catalogue on Shopify to find them.
  const fromShopify = tab === "sold_out" || (tab === "all" && (mode === null || mode === "off"));
  const { products, pageInfo } = fromShopify
    ? await productsFromShopify(graphql, tab, query, cursor)
    : await productsFromApp(graphql, { shop, tab, query, cursor });
  const rows = await variantRows(shop, products, now);
  return { rows: rows.filter((row) => rowMatches(row, tab, query) && (mode === null || row.mode === mode)), pageInfo };
}

/**
 * One product's rows, computed like the list's (the product details block in Shopify's admin shows them);
 * null when Shopify knows no such product for this shop.
 */
export async function productVariantRows(graphql: AdminGraphql, { shop, productId, now = new Date() }: { shop: string; productId: string; now?: Date }) {
  await deriveMissingState({ shop, now });
  const products = await fetchProductsById(graphql, [productId]);
  return products.length ? variantRows(shop, products, now) : null;
}

/**
 * Tabs and search pick variants, not products: Backorderable lists variants on backorder, Sold out the
 * variants without stock, At risk those with a late waiting order, and a search for a SKU or a variant
 * title only that variant (a product title matches all its variants).
 */
function rowMatches(row: VariantRow, tab: ProductTab, query: string): boolean {
  if (tab === "backorderable" && row.mode === "off") return false;
  if (tab === "sold_out" && row.available > 0) return false;
  if (tab === "at_risk" && !row.atRisk) return false;
  const words = query.toLowerCase().split(/\s+/).map((w) => w.replace(/["'()\\:]/g, "")).filter(Boolean);
  if (words.length === 0) return true;
  const text = [row.productTitle, row.variantTitle, row.sku ?? ""].join(" ").toLowerCase().split(/[\s/·,-]+/);
  const whole = [row.productTitle, row.variantTitle, row.sku ?? ""].join(" ").toLowerCase();
  return words.every((word) => whole.includes(word) || text.some((token) => token.startsWith(word)));
}

async function variantRows(shop: string, products: ListedProduct[], now: Date): Promise<VariantRow[]> {
  const variantIds = products.flatMap((p) => p.variants.map((v) => v.id));
  const [managed, waiting] = await Promise.all([
    findBackorderVariants({ shop, variantIds }),
    waitingUnitsByVariant({ shop, variantIds }),
  ]);
  const managedById = new Map(managed.map((row) => [row.variantId, row]));
  const managedIds = managed.filter((row) => row.mode !== "off").map((row) => row.variantId);
  // A variant with unusable data is skipped by the engine and flagged on its row; the others still compute.
  // Only the next order's date is computed here (from the units owed, not line by line: a 10,000-line queue
  // costs the same as a short one); at risk is the state the ledger stored when it last dated the lines.
  const report = await computeVariantEtasReport({ shop, variantIds: managedIds, now, queue: "units" });
  const etas = new Map(report.results.map((r) => [r.variantId, r]));
  const problems = new Set(report.problems.map((p) => p.variantId));

  return products.flatMap((product) =>
    product.variants.map((variant) => {
      const row = managedById.get(variant.id);
      const eta = etas.get(variant.id);
      const firstMode = eta?.summary ? DELIVERY_MODES.find((m) => eta.summary?.next[m]) : undefined;
      return {
        productId: product.id,
        productTitle: product.title,
        variantId: variant.id,
        variantTitle: variant.title,
        sku: variant.sku,
        available: variant.inventoryQuantity,
        mode: row?.mode ?? "off",
        waitingUnits: waiting.get(variant.id) ?? 0,
        nextEta: firstMode && eta?.summary ? (eta.summary.next[firstMode] ?? null) : null,
        atRisk: Boolean(eta && row?.atRisk),
        syncError: row?.syncError ?? null,
        dataProblem: problems.has(variant.id),
      };
    }),
  );
}

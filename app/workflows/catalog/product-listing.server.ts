// The products list: one row per variant, merging Shopify's catalogue with what the app manages
// (mode, units waiting, next delivery estimate, at-risk lines, sync state).
import type { AdminGraphql } from "~/shopify/types";
import { fetchProductPage, fetchProductsById, type ListedProduct } from "~/shopify/products.server";
import { waitingUnitsByVariant } from "~/models/backorder-line.server";
import { findBackorderVariants, findBackorderableProductIds } from "~/models/backorder-variant.server";
import { computeVariantEtasReport } from "./eta.server";
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
  /** Opaque cursors: Shopify's for all/sold_out, an offset for the app-side filters. */
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

async function productsFromApp(
  graphql: AdminGraphql,
  { shop, tab, query, cursor, now }: { shop: string; tab: ProductTab; query: string; cursor: string | null; now: Date },
) {
  let productIds: string[];
  if (tab === "at_risk") {
    const { results: etas } = await computeVariantEtasReport({ shop, now });
    productIds = [...new Set(etas.filter((r) => r.mode !== "off" && r.eta.lines.some((l) => l.atRisk)).map((r) => r.productId))];
  } else {
    productIds = await findBackorderableProductIds({ shop });
  }
  const offset = Math.max(0, Number.parseInt(cursor ?? "0", 10) || 0);
  let products = await fetchProductsById(graphql, productIds.slice(offset, offset + PAGE_SIZE));
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length) products = products.filter((p) => words.every((w) => p.title.toLowerCase().includes(w)));
  return {
    products,
    pageInfo: {
      hasNextPage: offset + PAGE_SIZE < productIds.length,
      hasPreviousPage: offset > 0,
      next: String(offset + PAGE_SIZE),
      previous: String(Math.max(0, offset - PAGE_SIZE)),
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
  // A mode other than "off" narrows "All" to the products the app manages: no need to page through the
  // whole catalogue on Shopify to find them.
  const fromShopify = tab === "sold_out" || (tab === "all" && (mode === null || mode === "off"));
  const { products, pageInfo } = fromShopify
    ? await productsFromShopify(graphql, tab, query, cursor)
    : await productsFromApp(graphql, { shop, tab, query, cursor, now });
  const rows = await variantRows(shop, products, now);
  return { rows: rows.filter((row) => rowMatches(row, tab, query) && (mode === null || row.mode === mode)), pageInfo };
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
  const report = await computeVariantEtasReport({ shop, variantIds: managedIds, now });
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
        atRisk: eta?.eta.lines.some((line) => line.atRisk) ?? false,
        syncError: row?.syncError ?? null,
        dataProblem: problems.has(variant.id),
      };
    }),
  );
}

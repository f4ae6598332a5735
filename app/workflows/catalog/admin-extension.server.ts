// The product details block in Shopify's admin (extensions/admin-product-block, through
// app/routes/api.admin.product.$id.tsx): each variant's backorder mode, units waiting and the date a new
// order gets, exactly as the app's product list computes them (./product-listing.server.ts).
import type { AdminProductSummary } from "../../../extensions/shared/admin-api";
import type { AdminGraphql } from "~/shopify/types";
import { productVariantRows } from "./product-listing.server";

export { productGid } from "./variant-editor.server";

/** null when the shop has no such product (Shopify answers null for another shop's product). */
export async function loadAdminProductSummary(graphql: AdminGraphql, { shop, productId, now = new Date() }: { shop: string; productId: string; now?: Date }): Promise<AdminProductSummary | null> {
  const rows = await productVariantRows(graphql, { shop, productId, now });
  if (!rows) return null;
  return {
    productPath: `/app/products/${productId.split("/").pop()}`,
    variants: rows.map((row) => ({
      id: row.variantId,
      title: row.variantTitle,
      mode: row.mode,
      available: row.available,
      unitsWaiting: row.waitingUnits,
      nextEstimate: row.nextEta ? { earliest: row.nextEta.earliest, latest: row.nextEta.latest } : null,
      atRisk: row.atRisk,
    })),
  };
}

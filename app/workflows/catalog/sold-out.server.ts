// The home page's "flag them as backorderable" list: sold-out products with at least one sold-out variant
// the app does not sell on backorder yet, each with the variant to open.
import type { ShopOverview } from "~/shopify/shop.server";
import { findBackorderVariants } from "~/models/backorder-variant.server";

export interface SoldOutCandidate {
  productId: string;
  title: string;
  /** The first sold-out variant not on backorder: the product page opens on it. */
  variantId: string;
  /** Sold-out variants not on backorder. */
  variantCount: number;
  /** Units sold beyond stock (negative stock), shown as owed rather than as "-3 in stock". */
  owed: number;
  /** Admin path of the product page, on that variant. */
  path: string;
}

export async function soldOutCandidates({ shop, overview, limit = 10 }: { shop: string; overview: ShopOverview; limit?: number }): Promise<SoldOutCandidate[]> {
  const variantIds = overview.soldOut.flatMap((p) => p.variants.map((v) => v.id));
  const managed = await findBackorderVariants({ shop, variantIds });
  const onBackorder = new Set(managed.filter((row) => row.mode !== "off").map((row) => row.variantId));
  const candidates: SoldOutCandidate[] = [];
  for (const product of overview.soldOut) {
    const soldOut = product.variants.filter((v) => v.inventoryQuantity <= 0 && !onBackorder.has(v.id));
    const first = soldOut[0];
    if (!first) continue;
    candidates.push({
      productId: product.id,
      title: product.title,
      variantId: first.id,
      variantCount: soldOut.length,
      owed: soldOut.reduce((sum, v) => sum + Math.max(0, -v.inventoryQuantity), 0),
      path: `/app/products/${product.id.split("/").pop()}?variant=${first.id.split("/").pop()}`,
    });
    if (candidates.length >= limit) break;
  }
  return candidates;
}

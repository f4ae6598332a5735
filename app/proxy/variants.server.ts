// Is this variant one the shop sells on its storefront? The app's own rows answer for managed variants;
// any other (e.g. a sold-out variant the merchant never set up for backorder) is asked of Shopify.
import { isKnownVariant } from "~/models/backorder-variant.server";
import type { AdminGraphql } from "~/shopify/types";
import { variantOnActiveProduct } from "~/shopify/variant-availability.server";

/**
 * True when the shop has this variant on an active product. Without an Admin session (the app is not
 * installed, or was uninstalled) only variants the app already manages are known.
 */
export async function storefrontVariantExists({
  shop,
  variantId,
  graphql,
}: {
  shop: string;
  variantId: string;
  graphql: AdminGraphql | null;
}): Promise<boolean> {
  if (await isKnownVariant({ shop, variantId })) return true;
  if (!graphql) return false;
  return variantOnActiveProduct(graphql, variantId);
}

// Is this variant one the shop sells on its storefront? The app's own rows answer for managed variants;
// any other (e.g. a sold-out variant the merchant never set up for backorder) is asked of Shopify.
import prisma from "~/db.server";
import type { AdminGraphql } from "~/shopify/types";

const PROXY_VARIANT_QUERY = `#graphql
  query BackorderPilotProxyVariant($id: ID!) {
    productVariant(id: $id) {
      id
      product {
        id
        status
      }
    }
  }
`;

interface ProxyVariantResponse {
  data?: { productVariant: { id: string; product: { id: string; status: string } } | null };
}

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
  const managed = await prisma.backorderVariant.findUnique({
    where: { shop_variantId: { shop, variantId } },
    select: { id: true },
  });
  if (managed) return true;
  if (!graphql) return false;
  const response = await graphql(PROXY_VARIANT_QUERY, { variables: { id: variantId } });
  const body = (await response.json()) as ProxyVariantResponse;
  return body.data?.productVariant?.product.status === "ACTIVE";
}

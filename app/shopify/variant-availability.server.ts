// Whether Shopify sells a variant on the storefront: it exists and its product is active.
import { requestOnce } from "./admin-client.server";
import type { AdminGraphql } from "./types";

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

/** True when Shopify has this variant on an active product; false when it is unknown or its product is not active. */
export async function variantOnActiveProduct(graphql: AdminGraphql, variantId: string): Promise<boolean> {
  const body = await requestOnce(graphql, PROXY_VARIANT_QUERY, { variables: { id: variantId } });
  return body.data?.productVariant?.product.status === "ACTIVE";
}

// The shop owner's email address: where the editor's "send test" goes when the merchant leaves the field empty.
import type { AdminGraphql } from "~/shopify/types";

const SHOP_EMAIL_QUERY = `#graphql
  query BackorderPilotShopEmail {
    shop {
      email
    }
  }
`;

interface ShopEmailResponse {
  data?: { shop: { email: string | null } | null };
}

/** Null when Shopify has no address for the shop. Throws the library's errors (GraphqlQueryError…). */
export async function fetchShopEmail(graphql: AdminGraphql): Promise<string | null> {
  const response = await graphql(SHOP_EMAIL_QUERY);
  const body = (await response.json()) as ShopEmailResponse;
  return body.data?.shop?.email || null;
}

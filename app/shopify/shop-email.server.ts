// The shop owner's email address: where the editor's "send test" goes when the merchant leaves the field empty.
import { requestOnce } from "./admin-client.server";
import type { AdminGraphql } from "./types";

const SHOP_EMAIL_QUERY = `#graphql
  query BackorderPilotShopEmail {
    shop {
      email
    }
  }
`;

/** Null when Shopify has no address for the shop. Throws the library's errors (GraphqlQueryError…). */
export async function fetchShopEmail(graphql: AdminGraphql): Promise<string | null> {
  const body = await requestOnce(graphql, SHOP_EMAIL_QUERY);
  return body.data?.shop?.email || null;
}

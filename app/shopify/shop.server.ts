// Admin GraphQL reads for the home page: the shop's identity and the products that ran out of stock.
import { requestOnce } from "./admin-client.server";
import type { AdminGraphql } from "./types";

const SHOP_OVERVIEW_QUERY = `#graphql
  query BackorderPilotShopOverview($first: Int!) {
    shop {
      name
      myshopifyDomain
      ianaTimezone
      currencyCode
    }
    products(first: $first, query: "inventory_total:<=0", sortKey: TITLE) {
      nodes {
        id
        title
        totalInventory
        variants(first: 20) {
          nodes {
            id
            inventoryQuantity
          }
        }
      }
    }
  }
`;

export interface ShopOverview {
  name: string;
  domain: string;
  timezone: string;
  currency: string;
  soldOut: { id: string; title: string; totalInventory: number; variants: { id: string; inventoryQuantity: number }[] }[];
}

export async function fetchShopOverview(graphql: AdminGraphql, first = 25): Promise<ShopOverview> {
  const body = await requestOnce(graphql, SHOP_OVERVIEW_QUERY, { variables: { first } });
  if (!body.data) throw new Error("Shopify returned no data for the shop overview");
  const { shop, products } = body.data;
  return {
    name: shop.name,
    domain: shop.myshopifyDomain,
    timezone: shop.ianaTimezone,
    currency: shop.currencyCode,
    soldOut: products.nodes.map((p) => ({
      id: p.id,
      title: p.title,
      totalInventory: p.totalInventory ?? 0,
      variants: p.variants.nodes.map((v) => ({ id: v.id, inventoryQuantity: v.inventoryQuantity ?? 0 })),
    })),
  };
}

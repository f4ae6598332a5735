// Recent sales of one variant, read from Shopify's orders, for the sell-out forecast.
import type { AdminGraphql } from "./types";

// 15 orders × 25 line items keeps one page under Shopify's 1,000-point query cost.
const RECENT_SALES_QUERY = `#graphql
  query BackorderPilotRecentSales($query: String!, $after: String) {
    orders(first: 15, after: $after, query: $query, sortKey: CREATED_AT, reverse: true) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        createdAt
        lineItems(first: 25) {
          nodes {
            quantity
            variant {
              id
            }
          }
        }
      }
    }
  }
`;

interface RecentSalesResponse {
  data?: {
    orders: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: { createdAt: string; lineItems: { nodes: { quantity: number; variant: { id: string } | null }[] } }[];
    };
  };
}

export interface Sale {
  at: Date;
  units: number;
}

/**
 * Units of the variant sold since `since` (not cancelled orders), newest first, at most `maxPages` pages:
 * enough for a velocity, not an export. Variants without a SKU cannot be searched and return [].
 */
export async function fetchRecentSales(
  graphql: AdminGraphql,
  { variantId, sku, since, maxPages = 4 }: { variantId: string; sku: string | null; since: Date; maxPages?: number },
): Promise<Sale[]> {
  if (!sku) return [];
  const query = `sku:"${sku.replace(/"/g, "")}" created_at:>='${since.toISOString()}' -status:cancelled`;
  const sales: Sale[] = [];
  let after: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const response = await graphql(RECENT_SALES_QUERY, { variables: { query, after } });
    const body = (await response.json()) as RecentSalesResponse;
    if (!body.data) break;
    for (const order of body.data.orders.nodes) {
      const units = order.lineItems.nodes.filter((l) => l.variant?.id === variantId).reduce((sum, l) => sum + l.quantity, 0);
      if (units > 0) sales.push({ at: new Date(order.createdAt), units });
    }
    if (!body.data.orders.pageInfo.hasNextPage) break;
    after = body.data.orders.pageInfo.endCursor;
  }
  return sales;
}

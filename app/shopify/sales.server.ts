// Recent sales of one variant, read from Shopify's orders, for the sell-out forecast.
import type { BackorderPilotRecentSalesQuery } from "~/types/admin.generated";
import { requestOnce, type OperationBody } from "./admin-client.server";
import type { AdminGraphql } from "./types";

// 15 orders × 25 line items keeps one page under Shopify's 1,000-point query cost (797 points requested).
// An order with more line items is read on, from its own cursor, by ORDER_LINE_ITEMS_QUERY.
const RECENT_SALES_QUERY = `#graphql
  query BackorderPilotRecentSales($query: String!, $after: String) {
    orders(first: 15, after: $after, query: $query, sortKey: CREATED_AT, reverse: true) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        createdAt
        lineItems(first: 25) {
          pageInfo {
            hasNextPage
            endCursor
          }
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

// The rest of one order's line items, 250 at a time (503 points a page).
const ORDER_LINE_ITEMS_QUERY = `#graphql
  query BackorderPilotRecentSalesOrderLines($id: ID!, $after: String) {
    order(id: $id) {
      lineItems(first: 250, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          quantity
          variant {
            id
          }
        }
      }
    }
  }
`;

/** A page of an order's line items, as both queries select it. */
type LineItemPage = BackorderPilotRecentSalesQuery["orders"]["nodes"][number]["lineItems"];

export interface Sale {
  at: Date;
  units: number;
}

const unitsOf = (variantId: string, page: LineItemPage) =>
  page.nodes.filter((l) => l.variant?.id === variantId).reduce((sum, l) => sum + l.quantity, 0);

/** Units of the variant on an order's line items after `after` (the first page was read with the order). */
async function remainingUnits(graphql: AdminGraphql, { orderId, variantId, after }: { orderId: string; variantId: string; after: string | null }) {
  let units = 0;
  let cursor = after;
  for (;;) {
    const body = await requestOnce(graphql, ORDER_LINE_ITEMS_QUERY, { variables: { id: orderId, after: cursor } });
    // Deleted since the orders page was read: its sales are gone from Shopify too.
    if (!body.data?.order) return units;
    const page = body.data.order.lineItems;
    units += unitsOf(variantId, page);
    if (!page.pageInfo.hasNextPage) return units;
    cursor = page.pageInfo.endCursor ?? null;
  }
}

/**
 * Units of the variant sold since `since` (not cancelled orders), newest first, at most `maxPages` pages of
 * orders: enough for a velocity, not an export. Every line item of each order read counts, however many
 * the order has. Variants without a SKU cannot be searched and return [].
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
    const body: OperationBody<typeof RECENT_SALES_QUERY> = await requestOnce(graphql, RECENT_SALES_QUERY, {
      variables: { query, after },
    });
    if (!body.data) break;
    for (const order of body.data.orders.nodes) {
      let units = unitsOf(variantId, order.lineItems);
      if (order.lineItems.pageInfo.hasNextPage) {
        units += await remainingUnits(graphql, { orderId: order.id, variantId, after: order.lineItems.pageInfo.endCursor ?? null });
      }
      if (units > 0) sales.push({ at: new Date(order.createdAt), units });
    }
    if (!body.data.orders.pageInfo.hasNextPage) break;
    after = body.data.orders.pageInfo.endCursor ?? null;
  }
  return sales;
}

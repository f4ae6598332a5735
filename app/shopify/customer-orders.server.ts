// Which orders are a customer's: the storefront's live ETA shows a logged-in customer their own waiting
// lines, and only Shopify knows which orders belong to which customer.
import { requestOnce, type OperationBody } from "./admin-client.server";
import type { AdminGraphql } from "./types";

// Only orders placed since the variant's oldest waiting line can hold one of its waiting lines; every page
// of those is read (250 ids a page, about 253 points).
const CUSTOMER_ORDERS_QUERY = `#graphql
  query BackorderPilotProxyCustomerOrders($query: String!, $after: String) {
    orders(first: 250, after: $after, query: $query, sortKey: CREATED_AT, reverse: true) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
      }
    }
  }
`;

/**
 * The customer's order gids placed since `since`, every page of them. The ledger knows each waiting line's
 * order but not its customer (only an email, which a customer can change and a guest can share), so Shopify
 * says which orders are this customer's.
 */
export async function customerOrderIds(graphql: AdminGraphql, { customerId, since }: { customerId: string; since: Date }): Promise<string[]> {
  const query = `customer_id:${customerId} created_at:>='${since.toISOString()}'`;
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const body: OperationBody<typeof CUSTOMER_ORDERS_QUERY> = await requestOnce(graphql, CUSTOMER_ORDERS_QUERY, {
      variables: { query, after },
    });
    if (!body.data) throw new Error("Shopify returned no orders for the customer's queue lookup");
    ids.push(...body.data.orders.nodes.map((o) => o.id));
    if (!body.data.orders.pageInfo.hasNextPage) return ids;
    after = body.data.orders.pageInfo.endCursor ?? null;
  }
}

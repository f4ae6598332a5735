// Admin GraphQL operations on orders for the backorder ledger: tag an order and read its fulfillment
// orders (with our holds) so holds are placed on the right fulfillment order line items.
import type {
  BackorderPilotFulfillmentOrderLineItemsQuery,
  BackorderPilotOrderFulfillmentOrdersQuery,
} from "~/types/admin.generated";
import type { AdminClient } from "./admin-client.server";
import { MUTATION_COST } from "./admin-client.server";

export const BACKORDER_TAG = "backorder";
/** Added to an order that took a variant past its cap of owed units, so the merchant can find it. */
export const OVER_CAP_TAG = "backorder-over-cap";

const TAG_ORDER = `#graphql
  mutation BackorderPilotTagOrder($id: ID!, $tags: [String!]!) {
    tagsAdd(id: $id, tags: $tags) {
      node {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`;

// Every fulfillment order and every line item, page by page: 5 fulfillment orders × 50 line items per page
// keeps the requested cost near 500 points (limit 1,000); a fulfillment order with more line items is read
// on, 250 at a time. Nothing is cut off: a line not read would stay unheld without anyone knowing.
const ORDER_FULFILLMENT_ORDERS = `#graphql
  query BackorderPilotOrderFulfillmentOrders($id: ID!, $after: String) {
    order(id: $id) {
      id
      cancelledAt
      fulfillmentOrders(first: 5, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          status
          fulfillmentHolds {
            id
            handle
            heldByRequestingApp
          }
          lineItems(first: 50) {
            pageInfo {
              hasNextPage
              endCursor
            }
            nodes {
              id
              remainingQuantity
              lineItem {
                id
              }
            }
          }
        }
      }
    }
  }
`;

const FULFILLMENT_ORDER_LINE_ITEMS = `#graphql
  query BackorderPilotFulfillmentOrderLineItems($id: ID!, $after: String) {
    fulfillmentOrder(id: $id) {
      id
      lineItems(first: 250, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          remainingQuantity
          lineItem {
            id
          }
        }
      }
    }
  }
`;

/** Pages of one connection are bounded: a cursor that never ends is a bug (ours or Shopify's), not data. */
const MAX_PAGES = 1_000;

const ORDER_STATUS = `#graphql
  query BackorderPilotOrderStatus($id: ID!) {
    order(id: $id) {
      id
      cancelledAt
    }
  }
`;

/** Whether Shopify knows the order and has it cancelled (an older webhook must not resurrect it). */
export async function readOrderStatus(client: AdminClient, orderId: string): Promise<{ exists: boolean; cancelledAt: string | null }> {
  const { data } = await client.request(ORDER_STATUS, {
    variables: { id: orderId },
    estimatedCost: 1,
  });
  return { exists: data.order !== null, cancelledAt: data.order?.cancelledAt ?? null };
}

export interface TagResult {
  ok: boolean;
  message?: string;
}

/** Adds tags to an order (idempotent on Shopify's side). A userError is a failure, with its message. */
export async function addOrderTags(client: AdminClient, orderId: string, tags: readonly string[]): Promise<TagResult> {
  const { data } = await client.request(TAG_ORDER, { variables: { id: orderId, tags: [...tags] }, estimatedCost: MUTATION_COST });
  const payload = data.tagsAdd;
  if (!payload) return { ok: false, message: "Shopify returned no result for tagsAdd" };
  if (payload.userErrors.length) return { ok: false, message: payload.userErrors.map((e) => e.message).join("; ") };
  return { ok: payload.node !== null, ...(payload.node ? {} : { message: "Order not found" }) };
}

export interface FulfillmentOrderSnapshot {
  id: string;
  status: string;
  holds: { id: string; handle: string | null; ours: boolean }[];
  lineItems: { id: string; lineItemId: string; remainingQuantity: number }[];
}

export interface OrderFulfillmentSnapshot {
  orderId: string;
  cancelledAt: string | null;
  fulfillmentOrders: FulfillmentOrderSnapshot[];
}

type OrderData = BackorderPilotOrderFulfillmentOrdersQuery;
type FulfillmentOrderLines = NonNullable<BackorderPilotFulfillmentOrderLineItemsQuery["fulfillmentOrder"]>["lineItems"];
type PageInfo = FulfillmentOrderLines["pageInfo"];
type FulfillmentOrderLineNode = FulfillmentOrderLines["nodes"][number];

const toLine = (li: FulfillmentOrderLineNode) => ({ id: li.id, lineItemId: li.lineItem.id, remainingQuantity: li.remainingQuantity });

/** The line items of one fulfillment order after the first page (`after`), every page. */
async function readRemainingLineItems(client: AdminClient, fulfillmentOrderId: string, after: string | null) {
  const lines: FulfillmentOrderSnapshot["lineItems"] = [];
  let cursor = after;
  for (let page = 0; cursor !== null; page++) {
    if (page >= MAX_PAGES) throw new Error(`Fulfillment order ${fulfillmentOrderId}: line items did not end after ${MAX_PAGES} pages`);
    const { data } = await client.request(FULFILLMENT_ORDER_LINE_ITEMS, {
      variables: { id: fulfillmentOrderId, after: cursor },
    });
    // Gone between two pages (merged or moved): the caller's next run reads the order afresh.
    if (!data.fulfillmentOrder) throw new Error(`Fulfillment order ${fulfillmentOrderId} disappeared while its line items were read`);
    lines.push(...data.fulfillmentOrder.lineItems.nodes.map(toLine));
    const info: PageInfo = data.fulfillmentOrder.lineItems.pageInfo;
    cursor = info.hasNextPage ? (info.endCursor ?? null) : null;
  }
  return lines;
}

/**
 * The order's fulfillment orders, every one of their line items and their holds (all pages); null when
 * Shopify has no such order.
 */
export async function readOrderFulfillmentOrders(client: AdminClient, orderId: string): Promise<OrderFulfillmentSnapshot | null> {
  const readPage = async (after: string | null): Promise<OrderData> =>
    (await client.request(ORDER_FULFILLMENT_ORDERS, { variables: { id: orderId, after } })).data;
  let snapshot: OrderFulfillmentSnapshot | null = null;
  let after: string | null = null;
  for (let page = 0; ; page++) {
    if (page >= MAX_PAGES) throw new Error(`Order ${orderId}: fulfillment orders did not end after ${MAX_PAGES} pages`);
    const data: OrderData = await readPage(after);
    if (!data.order) return null;
    snapshot ??= { orderId: data.order.id, cancelledAt: data.order.cancelledAt, fulfillmentOrders: [] };
    for (const fo of data.order.fulfillmentOrders.nodes) {
      const lineItems = fo.lineItems.nodes.map(toLine);
      if (fo.lineItems.pageInfo.hasNextPage) lineItems.push(...(await readRemainingLineItems(client, fo.id, fo.lineItems.pageInfo.endCursor ?? null)));
      snapshot.fulfillmentOrders.push({
        id: fo.id,
        status: fo.status,
        holds: fo.fulfillmentHolds.map((h) => ({ id: h.id, handle: h.handle ?? null, ours: h.heldByRequestingApp })),
        lineItems,
      });
    }
    const info: PageInfo = data.order.fulfillmentOrders.pageInfo;
    if (!info.hasNextPage || !info.endCursor) return snapshot;
    after = info.endCursor;
  }
}

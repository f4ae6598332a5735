// Admin GraphQL operations on orders for the backorder ledger: tag an order and read its fulfillment
// orders (with our holds) so holds are placed on the right fulfillment order line items.
import type { AdminClient } from "./admin-client.server";
import { MUTATION_COST } from "./admin-client.server";

export const BACKORDER_TAG = "backorder";

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

// First 5 fulfillment orders × 50 line items keeps the requested cost near 500 points (limit 1,000);
// a backorder order with more is rare, and lines not found stay unheld (reported, retried by reconciliation).
const ORDER_FULFILLMENT_ORDERS = `#graphql
  query BackorderPilotOrderFulfillmentOrders($id: ID!) {
    order(id: $id) {
      id
      cancelledAt
      fulfillmentOrders(first: 5) {
        nodes {
          id
          status
          fulfillmentHolds {
            id
            handle
            heldByRequestingApp
          }
          lineItems(first: 50) {
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
  const { data } = await client.request<{ order: { id: string; cancelledAt: string | null } | null }>(ORDER_STATUS, {
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
  const { data } = await client.request<{
    tagsAdd: { node: { id: string } | null; userErrors: { field: string[] | null; message: string }[] } | null;
  }>(TAG_ORDER, { variables: { id: orderId, tags }, estimatedCost: MUTATION_COST });
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

interface OrderData {
  order: {
    id: string;
    cancelledAt: string | null;
    fulfillmentOrders: {
      nodes: {
        id: string;
        status: string;
        fulfillmentHolds: { id: string; handle: string | null; heldByRequestingApp: boolean }[];
        lineItems: { nodes: { id: string; remainingQuantity: number; lineItem: { id: string } }[] };
      }[];
    };
  } | null;
}

/** The order's fulfillment orders, their line items and holds; null when Shopify has no such order. */
export async function readOrderFulfillmentOrders(client: AdminClient, orderId: string): Promise<OrderFulfillmentSnapshot | null> {
  const { data } = await client.request<OrderData>(ORDER_FULFILLMENT_ORDERS, { variables: { id: orderId } });
  if (!data.order) return null;
  return {
    orderId: data.order.id,
    cancelledAt: data.order.cancelledAt,
    fulfillmentOrders: data.order.fulfillmentOrders.nodes.map((fo) => ({
      id: fo.id,
      status: fo.status,
      holds: fo.fulfillmentHolds.map((h) => ({ id: h.id, handle: h.handle, ours: h.heldByRequestingApp })),
      lineItems: fo.lineItems.nodes.map((li) => ({ id: li.id, lineItemId: li.lineItem.id, remainingQuantity: li.remainingQuantity })),
    })),
  };
}

// Admin GraphQL operations on orders for the backorder ledger: tag an order and read its fulfillment
// orders (with our holds) so holds are placed on the right fulfillment order line items.
import type {
  BackorderPilotFulfillmentOrderLineItemsQuery,
  BackorderPilotOrderFulfillmentOrdersQuery,
} from "~/types/admin.generated";
import type { AdminClient } from "./admin-client.server";
import { MUTATION_COST } from "./admin-client.server";
import { readVariantInventory } from "./inventory.server";

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

// An order job's one read (issue 16): whether the order is cancelled, its fulfillment orders with their
// line items and holds, and the stock of the variants it orders, in one request sized from the webhook
// payload (`$lineItems` = the order's line count), so a one-line order requests ~20 points, not ~550.
// Of a variant only the count: titles come with the payload, the inventory item and product address with
// the catalog sync, and each object selected would cost a point per variant per order.
// Pages beyond the first are read with the paginated queries above.
const ORDER_FOR_BACKORDER = `#graphql
  query BackorderPilotOrderForBackorder($id: ID!, $variantIds: [ID!]!, $fulfillmentOrders: Int!, $lineItems: Int!) {
    order(id: $id) {
      id
      cancelledAt
      fulfillmentOrders(first: $fulfillmentOrders) {
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
          lineItems(first: $lineItems) {
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
    nodes(ids: $variantIds) {
      ... on ProductVariant {
        id
        inventoryQuantity
      }
    }
  }
`;

/** Fulfillment orders read in the first request; an order split over more locations pages on. */
const FIRST_FULFILLMENT_ORDERS = 2;
/** Line items per fulfillment order and variants in the first request (requested cost ≤ ~560 points). */
const FIRST_LINE_ITEMS = 100;
const FIRST_VARIANTS = 50;

export interface OrderForBackorder {
  exists: boolean;
  cancelledAt: string | null;
  /** Every fulfillment order and line item (all pages); null when the order does not exist. */
  fulfillment: OrderFulfillmentSnapshot | null;
  /** Each variant's available quantity now (titles, product and inventory item come from elsewhere). */
  variants: Map<string, VariantStock>;
  missing: string[];
}

/** A variant's stock as the order job reads it: only the count, the one thing the payload cannot say. */
export interface VariantStock {
  variantId: string;
  /** Sum of `available` over locations; negative = units sold beyond stock. */
  available: number;
}

/**
 * One request for what an order job needs from Shopify: the order's status, its fulfillment orders (for
 * the holds) and the stock of its variants (50 in the same request, more in further ones). `lineCount` (from the webhook payload) sizes the line
 * item page so the requested cost stays proportional to the order.
 */
export async function readOrderForBackorder(
  client: AdminClient,
  shop: string,
  { orderId, variantIds, lineCount }: { orderId: string; variantIds: readonly string[]; lineCount: number },
): Promise<OrderForBackorder> {
  const all = [...new Set(variantIds)];
  const ids = all.slice(0, FIRST_VARIANTS);
  const lineItems = Math.min(FIRST_LINE_ITEMS, Math.max(1, lineCount));
  const { data } = await client.request(ORDER_FOR_BACKORDER, {
    variables: { id: orderId, variantIds: ids, fulfillmentOrders: FIRST_FULFILLMENT_ORDERS, lineItems },
  });
  const variants = new Map<string, VariantStock>();
  const missing: string[] = [];
  ids.forEach((id, index) => {
    const node = data.nodes[index];
    if (node && "id" in node && node.id) variants.set(id, { variantId: node.id, available: node.inventoryQuantity ?? 0 });
    else missing.push(id);
  });
  if (all.length > ids.length) {
    // A large order: the other variants' stock the usual way, 250 per request.
    const rest = await readVariantInventory(client, shop, all.slice(ids.length));
    for (const [id, v] of rest.variants) variants.set(id, { variantId: v.variantId, available: v.available });
    missing.push(...rest.missing);
  }
  const order = data.order;
  if (!order) return { exists: false, cancelledAt: null, fulfillment: null, variants, missing };
  let fulfillment: OrderFulfillmentSnapshot | null;
  if (order.fulfillmentOrders.pageInfo.hasNextPage) {
    // More fulfillment orders than the first page: read them all the paginated way.
    fulfillment = await readOrderFulfillmentOrders(client, orderId);
  } else {
    fulfillment = { orderId: order.id, cancelledAt: order.cancelledAt, fulfillmentOrders: [] };
    for (const fo of order.fulfillmentOrders.nodes) {
      const lines = fo.lineItems.nodes.map(toLine);
      if (fo.lineItems.pageInfo.hasNextPage) lines.push(...(await readRemainingLineItems(client, fo.id, fo.lineItems.pageInfo.endCursor ?? null)));
      fulfillment.fulfillmentOrders.push({
        id: fo.id,
        status: fo.status,
        holds: fo.fulfillmentHolds.map((h) => ({ id: h.id, handle: h.handle ?? null, ours: h.heldByRequestingApp })),
        lineItems: lines,
      });
    }
  }
  return { exists: true, cancelledAt: order.cancelledAt, fulfillment, variants, missing };
}

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
  return tagResult(data.tagsAdd);
}

/** tagsAdd as a bulk mutation runs it (./bulk-mutation.server.ts): one line `{ id, tags }` per order. */
export const BULK_TAG_MUTATION = TAG_ORDER;

/** A bulk result line of BULK_TAG_MUTATION as a TagResult. */
export function bulkTagResult(line: { data?: Record<string, unknown> | null; errors?: { message: string }[] } | undefined): TagResult {
  if (!line) return { ok: false, message: "Shopify returned no result line for these tags" };
  if (line.errors?.length) return { ok: false, message: line.errors.map((e) => e.message).join("; ") };
  return tagResult(line.data?.["tagsAdd"] as TagsAddPayload);
}

type TagsAddPayload = { node?: { id: string } | null; userErrors: { message: string }[] } | null | undefined;

function tagResult(payload: TagsAddPayload): TagResult {
  if (!payload) return { ok: false, message: "Shopify returned no result for tagsAdd" };
  if (payload.userErrors.length) return { ok: false, message: payload.userErrors.map((e) => e.message).join("; ") };
  return { ok: Boolean(payload.node), ...(payload.node ? {} : { message: "Order not found" }) };
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

// Fulfillment holds on backordered lines: place one (reason INVENTORY_OUT_OF_STOCK, with a handle naming
// it as ours) on the owed quantities of a fulfillment order, read a fulfillment order's holds, and
// release only our own hold (by id) once the stock is allocated.
import { MUTATION_COST, type AdminClient } from "./admin-client.server";

export { HOLD_HANDLE_PREFIX } from "~/domain/holds";

const HOLD_LINES = `#graphql
  mutation BackorderPilotHoldOwedLines($id: ID!, $hold: FulfillmentOrderHoldInput!) {
    fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) {
      fulfillmentHold {
        id
        handle
      }
      fulfillmentOrder {
        id
        status
      }
      remainingFulfillmentOrder {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

const RELEASE_HOLD = `#graphql
  mutation BackorderPilotReleaseHold($id: ID!, $holdIds: [ID!]) {
    fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {
      fulfillmentOrder {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

const FULFILLMENT_ORDER_HOLDS = `#graphql
  query BackorderPilotFulfillmentOrderHolds($id: ID!) {
    fulfillmentOrder(id: $id) {
      id
      status
      fulfillmentHolds {
        id
        handle
        heldByRequestingApp
      }
      order {
        id
        cancelledAt
      }
    }
  }
`;

export interface HoldRequest {
  fulfillmentOrderId: string;
  handle: string;
  reasonNotes: string;
  lineItems: { fulfillmentOrderLineItemId: string; quantity: number }[];
}

export type HoldResult =
  | { ok: true; holdId: string; fulfillmentOrderId: string }
  | { ok: false; code: string | null; message: string };

/** Places our hold on the given fulfillment order line items (the rest of the order stays fulfillable). */
export async function holdFulfillmentOrderLines(client: AdminClient, request: HoldRequest): Promise<HoldResult> {
  const { data } = await client.request(HOLD_LINES, {
    variables: { id: request.fulfillmentOrderId, hold: holdInput(request) },
    estimatedCost: MUTATION_COST,
  });
  return holdResult(data.fulfillmentOrderHold);
}

// The order's tag and its first hold in one request (one round trip; each mutation field still costs 10).
const TAG_AND_HOLD = `#graphql
  mutation BackorderPilotTagAndHold($orderId: ID!, $tags: [String!]!, $id: ID!, $hold: FulfillmentOrderHoldInput!) {
    tagsAdd(id: $orderId, tags: $tags) {
      node {
        id
      }
      userErrors {
        field
        message
      }
    }
    fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) {
      fulfillmentHold {
        id
        handle
      }
      fulfillmentOrder {
        id
        status
      }
      remainingFulfillmentOrder {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

function holdInput(request: HoldRequest) {
  return {
    reason: "INVENTORY_OUT_OF_STOCK" as const,
    reasonNotes: request.reasonNotes,
    handle: request.handle,
    notifyMerchant: false,
    fulfillmentOrderLineItems: request.lineItems.map((li) => ({ id: li.fulfillmentOrderLineItemId, quantity: li.quantity })),
  };
}

type HoldPayload = {
  fulfillmentHold?: { id: string } | null;
  fulfillmentOrder?: { id: string } | null;
  userErrors: { message: string; code?: string | null }[];
} | null | undefined;

function holdResult(payload: HoldPayload): HoldResult {
  if (!payload) return { ok: false, code: null, message: "Shopify returned no result for fulfillmentOrderHold" };
  const error = payload.userErrors[0];
  if (error) return { ok: false, code: error.code ?? null, message: error.message };
  if (!payload.fulfillmentHold || !payload.fulfillmentOrder) return { ok: false, code: null, message: "Shopify did not confirm the hold" };
  return { ok: true, holdId: payload.fulfillmentHold.id, fulfillmentOrderId: payload.fulfillmentOrder.id };
}

export interface TagOutcome {
  ok: boolean;
  message?: string;
}

/** Adds tags to the order and places a hold, in one request; each part reports its own outcome. */
export async function tagOrderAndHold(
  client: AdminClient,
  { orderId, tags }: { orderId: string; tags: readonly string[] },
  request: HoldRequest,
): Promise<{ tag: TagOutcome; hold: HoldResult }> {
  const { data } = await client.request(TAG_AND_HOLD, {
    variables: { orderId, tags: [...tags], id: request.fulfillmentOrderId, hold: holdInput(request) },
    estimatedCost: 2 * MUTATION_COST,
  });
  const tagged = data.tagsAdd;
  const tag: TagOutcome = !tagged
    ? { ok: false, message: "Shopify returned no result for tagsAdd" }
    : tagged.userErrors.length
      ? { ok: false, message: tagged.userErrors.map((e) => e.message).join("; ") }
      : tagged.node
        ? { ok: true }
        : { ok: false, message: "Order not found" };
  return { tag, hold: holdResult(data.fulfillmentOrderHold) };
}

/**
 * The hold as a bulk mutation runs it: one line of variables per hold (./bulk-mutation.server.ts); each
 * result line is read like a single call's answer.
 */
export const BULK_HOLD_MUTATION = HOLD_LINES;

export function bulkHoldVariables(request: HoldRequest) {
  return { id: request.fulfillmentOrderId, hold: holdInput(request) };
}

/** A bulk result line of BULK_HOLD_MUTATION as a HoldResult (GraphQL errors on the line are a failure too). */
export function bulkHoldResult(line: { data?: Record<string, unknown> | null; errors?: { message: string }[] } | undefined): HoldResult {
  if (!line) return { ok: false, code: null, message: "Shopify returned no result line for this hold" };
  if (line.errors?.length) return { ok: false, code: null, message: line.errors.map((e) => e.message).join("; ") };
  return holdResult(line.data?.["fulfillmentOrderHold"] as HoldPayload);
}

export interface FulfillmentOrderHolds {
  id: string;
  status: string;
  holds: { id: string; handle: string | null; ours: boolean }[];
  orderCancelledAt: string | null;
}

export async function readFulfillmentOrderHolds(client: AdminClient, fulfillmentOrderId: string): Promise<FulfillmentOrderHolds | null> {
  const { data } = await client.request(FULFILLMENT_ORDER_HOLDS, { variables: { id: fulfillmentOrderId } });
  const fo = data.fulfillmentOrder;
  if (!fo) return null;
  return {
    id: fo.id,
    status: fo.status,
    holds: fo.fulfillmentHolds.map((h) => ({ id: h.id, handle: h.handle ?? null, ours: h.heldByRequestingApp })),
    orderCancelledAt: fo.order?.cancelledAt ?? null,
  };
}

export type ReleaseResult = { ok: true; status: string | null } | { ok: false; code: string | null; message: string };

/** Releases exactly our hold (by id), never another app's or the merchant's. */
export async function releaseFulfillmentHold(client: AdminClient, fulfillmentOrderId: string, holdId: string): Promise<ReleaseResult> {
  const { data } = await client.request(RELEASE_HOLD, { variables: { id: fulfillmentOrderId, holdIds: [holdId] }, estimatedCost: MUTATION_COST });
  const payload = data.fulfillmentOrderReleaseHold;
  if (!payload) return { ok: false, code: null, message: "Shopify returned no result for fulfillmentOrderReleaseHold" };
  const error = payload.userErrors[0];
  if (error) return { ok: false, code: error.code ?? null, message: error.message };
  return { ok: true, status: payload.fulfillmentOrder?.status ?? null };
}

// Shopify Flow: fire one of the app's triggers (flowTriggerReceive, the extensions/flow-backorder-* handles)
// and read the order's customer, whom the triggers' customer_reference names.
import { MUTATION_COST, type AdminClient } from "./admin-client.server";

const FLOW_TRIGGER_RECEIVE = `#graphql
  mutation BackorderPilotFlowTriggerReceive($handle: String!, $payload: JSON!) {
    flowTriggerReceive(handle: $handle, payload: $payload) {
      userErrors {
        field
        message
      }
    }
  }
`;

const ORDER_CUSTOMER = `#graphql
  query BackorderPilotOrderCustomer($id: ID!) {
    order(id: $id) {
      id
      customer {
        id
      }
    }
  }
`;

export type FlowTriggerResult = { ok: true } | { ok: false; message: string };

/** Fires the trigger; Shopify's userErrors (unknown handle, payload too large…) come back as a failure. */
export async function receiveFlowTrigger(client: AdminClient, handle: string, payload: Record<string, unknown>): Promise<FlowTriggerResult> {
  const { data } = await client.request(FLOW_TRIGGER_RECEIVE, { variables: { handle, payload }, estimatedCost: MUTATION_COST });
  const result = data.flowTriggerReceive;
  if (!result) return { ok: false, message: "Shopify returned no result for flowTriggerReceive" };
  if (result.userErrors.length > 0) {
    return { ok: false, message: result.userErrors.map((e) => `${e.field?.length ? `${e.field.join(".")}: ` : ""}${e.message}`).join("; ") };
  }
  return { ok: true };
}

/** The order's customer GID; null when Shopify has no such order or the order has no customer. */
export async function readOrderCustomer(client: AdminClient, orderId: string): Promise<{ found: boolean; customerId: string | null }> {
  const { data } = await client.request(ORDER_CUSTOMER, { variables: { id: orderId } });
  if (!data.order) return { found: false, customerId: null };
  return { found: true, customerId: data.order.customer?.id ?? null };
}

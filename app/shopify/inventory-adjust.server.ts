// Receiving a batch into Shopify's inventory: where the variant is stocked (the locations the merchant can
// pick on the product page) and the `available` adjustment itself, made once per batch whatever the retries.
import { GraphqlQueryError } from "@shopify/shopify-api";
import { requestOnce, type OperationBody } from "./admin-client.server";
import type { AdminGraphql } from "./types";

/** Locations listed for one variant; a shop has at most a few hundred, a product page shows the first 50. */
const LOCATIONS_PER_READ = 50;

// `location` without an id is the shop's primary location (the default choice when the item is stocked there).
const STOCK_LOCATIONS_QUERY = `#graphql
  query BackorderPilotVariantStockLocations($id: ID!, $first: Int!) {
    productVariant(id: $id) {
      id
      inventoryItem {
        id
        tracked
        inventoryLevels(first: $first) {
          nodes {
            location {
              id
              name
              isActive
            }
            quantities(names: ["available"]) {
              name
              quantity
            }
          }
        }
      }
    }
    location {
      id
    }
  }
`;

// Inventory mutations take a mandatory idempotency key since 2026-04: the same key within Shopify's window
// replays the first result instead of adding the units again.
const RECEIVE_BATCH_STOCK_MUTATION = `#graphql
  mutation BackorderPilotReceiveBatchStock($input: InventoryAdjustQuantitiesInput!, $idempotencyKey: String!) {
    inventoryAdjustQuantities(input: $input) @idempotent(key: $idempotencyKey) {
      inventoryAdjustmentGroup {
        createdAt
        changes {
          name
          delta
          quantityAfterChange
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export interface StockLocation {
  id: string;
  name: string;
  /** Shopify's `available` there now. */
  available: number;
}

export interface VariantStockLocations {
  inventoryItemId: string;
  /** Active locations that stock the variant, the default first (the primary location when it is one). */
  locations: StockLocation[];
}

/**
 * Where the variant's units can be received: active locations its inventory item is stocked at. Null when
 * Shopify does not track its inventory (nothing to add to), the variant is unknown, or Shopify refused the read.
 */
export async function readVariantStockLocations(graphql: AdminGraphql, variantId: string): Promise<VariantStockLocations | null> {
  let body: OperationBody<typeof STOCK_LOCATIONS_QUERY>;
  try {
    body = await requestOnce(graphql, STOCK_LOCATIONS_QUERY, { variables: { id: variantId, first: LOCATIONS_PER_READ } });
  } catch (error) {
    // E.g. a shop that has not granted read_locations yet: the page still opens, without the offer.
    if (error instanceof GraphqlQueryError) return null;
    throw error;
  }
  const item = body.data?.productVariant?.inventoryItem;
  if (!item?.tracked) return null;
  const primaryId = body.data?.location?.id ?? null;
  const locations = item.inventoryLevels.nodes
    .filter((level) => level.location.isActive)
    .map((level) => ({
      id: level.location.id,
      name: level.location.name,
      available: level.quantities.find((q) => q.name === "available")?.quantity ?? 0,
    }));
  const primary = locations.findIndex((l) => l.id === primaryId);
  if (primary > 0) locations.unshift(...locations.splice(primary, 1));
  return locations.length > 0 ? { inventoryItemId: item.id, locations } : null;
}

/**
 * One key per (batch, location, quantity): a double submit or a retry of the same receipt sends the same
 * key, so Shopify adds the units once; another location or quantity is another receipt.
 */
export function batchReceiptKey({ batchId, locationId, delta }: { batchId: string; locationId: string; delta: number }): string {
  const location = locationId.split("/").pop() ?? locationId;
  return `backorder-pilot-batch-${batchId}-received-${location}-${delta}`;
}

export type ReceiveStockResult =
  | { ok: true; createdAt: string | null }
  | { ok: false; message: string; code: string | null };

/**
 * Adds a received batch's units to `available` at one location (reason `received`). Shopify's userErrors and
 * GraphQL errors come back as `{ ok: false }` with Shopify's message; transport errors propagate.
 */
export async function receiveBatchStock(
  graphql: AdminGraphql,
  { batchId, inventoryItemId, locationId, delta }: { batchId: string; inventoryItemId: string; locationId: string; delta: number },
): Promise<ReceiveStockResult> {
  let body: OperationBody<typeof RECEIVE_BATCH_STOCK_MUTATION>;
  try {
    body = await requestOnce(graphql, RECEIVE_BATCH_STOCK_MUTATION, {
      variables: {
        idempotencyKey: batchReceiptKey({ batchId, locationId, delta }),
        input: {
          name: "available",
          reason: "received",
          // Shows the app in the item's inventory history.
          referenceDocumentUri: `gid://backorder-pilot/IncomingBatch/${batchId}`,
          // null: add to whatever is there now (sales between reading and receiving must not block a receipt).
          changes: [{ delta, inventoryItemId, locationId, changeFromQuantity: null }],
        },
      },
    });
  } catch (error) {
    if (error instanceof GraphqlQueryError) {
      return { ok: false, message: error.message, code: null };
    }
    throw error;
  }
  const result = body.data?.inventoryAdjustQuantities;
  if (!result) return { ok: false, message: "Shopify returned no result for the inventory adjustment", code: null };
  const [refusal] = result.userErrors;
  if (refusal) return { ok: false, message: refusal.message, code: refusal.code ?? null };
  if (!result.inventoryAdjustmentGroup) return { ok: false, message: "Shopify made no inventory adjustment", code: null };
  return { ok: true, createdAt: result.inventoryAdjustmentGroup.createdAt ?? null };
}

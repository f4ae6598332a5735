// Admin GraphQL reads of stock for the ledger: a variant's total available quantity (what Shopify's
// checkout sells against), its inventory item (inventory_levels/update webhooks name the item, not the
// variant) and its product's storefront address (back-in-stock emails link to it).
import type { AdminClient } from "./admin-client.server";

/** nodes(ids:) takes at most 250 ids. */
const NODES_PER_READ = 250;

const READ_VARIANT_INVENTORY = `#graphql
  query BackorderPilotVariantInventory($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on ProductVariant {
        id
        title
        sku
        inventoryQuantity
        inventoryItem {
          id
        }
        product {
          id
          title
          handle
          onlineStoreUrl
        }
      }
    }
  }
`;

export interface VariantInventory {
  variantId: string;
  productId: string;
  productTitle: string;
  variantTitle: string;
  sku: string | null;
  inventoryItemId: string | null;
  /** Sum of `available` over locations; negative = units sold beyond stock. */
  available: number;
  /** Storefront URL of the product (onlineStoreUrl, else /products/<handle> on the shop domain). */
  productUrl: string;
}

/** Reads stock and identity of variants, 250 per call. Ids Shopify does not know are in `missing`. */
export async function readVariantInventory(
  client: AdminClient,
  shop: string,
  variantIds: readonly string[],
): Promise<{ variants: Map<string, VariantInventory>; missing: string[] }> {
  const variants = new Map<string, VariantInventory>();
  const missing: string[] = [];
  const ids = [...new Set(variantIds)];
  for (let i = 0; i < ids.length; i += NODES_PER_READ) {
    const chunk = ids.slice(i, i + NODES_PER_READ);
    const { data } = await client.request(READ_VARIANT_INVENTORY, {
      variables: { ids: chunk },
      estimatedCost: chunk.length * 3,
    });
    collectVariantInventory(shop, chunk, data.nodes, variants, missing);
  }
  return { variants, missing };
}

/** What a `nodes(ids:)` selection of variant stock looks like (the same fields in every operation that reads it). */
export interface VariantInventoryNode {
  id?: string;
  title?: string | null;
  sku?: string | null;
  inventoryQuantity?: number | null;
  inventoryItem?: { id: string } | null;
  product?: { id: string; title: string; handle: string; onlineStoreUrl?: string | null } | null;
}

/** Turns `nodes(ids:)` answers (in the order of `ids`) into readings; unknown ids go to `missing`. */
export function collectVariantInventory(
  shop: string,
  ids: readonly string[],
  nodes: readonly (VariantInventoryNode | null)[],
  variants: Map<string, VariantInventory>,
  missing: string[],
): void {
  ids.forEach((id, index) => {
    const node = nodes[index];
    if (!node?.id || !node.product) {
      missing.push(id);
      return;
    }
    variants.set(id, {
      variantId: node.id,
      productId: node.product.id,
      productTitle: node.product.title,
      variantTitle: node.title ?? "",
      sku: node.sku ?? null,
      inventoryItemId: node.inventoryItem?.id ?? null,
      available: node.inventoryQuantity ?? 0,
      productUrl: node.product.onlineStoreUrl ?? `https://${shop}/products/${node.product.handle}`,
    });
  });
}

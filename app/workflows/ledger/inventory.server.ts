// inventory_levels/update: the webhook names an inventory item and one location; it is a trigger, not the
// truth. The handler finds our variant for the item, ignores an event older than the newest one applied
// (out-of-order delivery never rolls stock back), then runs the ledger pass on a fresh reading of the
// variant's total available (all locations) from the Admin API.
import type { JobContext, JobOutcome } from "~/jobs/types";
import {
  managedVariantsWithoutInventoryItem,
  upsertShopifyFacts,
  variantOfInventoryItem,
  variantsWithInventoryItem,
} from "~/models/backorder-variant.server";
import { variantsWithActiveSubscriptions } from "~/models/notify-subscription.server";
import { readVariantInventory } from "~/shopify/inventory.server";
import { describeOutcome, refreshAndAllocate } from "./stock.server";
import type { InventoryLevelFacts } from "./types";

/**
 * Learns the inventory item of variants we care about but cannot match yet: managed variants without
 * one, and variants with notify-me subscribers but no row (they get a row in mode "off"). One Admin read,
 * only while such variants exist.
 */
export async function mapUnknownInventoryItems(ctx: JobContext): Promise<number> {
  const { shop } = ctx;
  const unmapped = await managedVariantsWithoutInventoryItem({ shop, take: 250 });
  const subscribed = await variantsWithActiveSubscriptions({ shop, take: 1_000 });
  const withRows = new Set(await variantsWithInventoryItem({ shop, variantIds: subscribed }));
  const ids = [...new Set([...unmapped, ...subscribed.filter((id) => !withRows.has(id))])].slice(0, 250);
  if (ids.length === 0) return 0;
  const { variants } = await readVariantInventory(await ctx.admin(), shop, ids);
  return upsertShopifyFacts({
    shop,
    // Not the reading just taken: shoppers subscribe to sold-out variants, so the app's last known stock is
    // none. The ledger pass that follows applies the reading, sees the units that arrived and tells
    // subscribers (the first restock of a variant the app did not follow yet counts too). Rows that exist
    // only learn their inventory item: the ledger keeps their stock and titles current.
    variants: [...variants.values()].map((v) => ({ ...v, available: 0 })),
    refresh: "inventoryItem",
  });
}

export async function handleInventoryLevel(ctx: JobContext, facts: InventoryLevelFacts): Promise<JobOutcome> {
  const item = { shop: ctx.shop, inventoryItemId: facts.inventoryItemId };
  let variant = await variantOfInventoryItem(item);
  if (!variant && (await mapUnknownInventoryItems(ctx)) > 0) variant = await variantOfInventoryItem(item);
  if (!variant) return { summary: `inventory item ${facts.inventoryItemId} is not one the app follows; ignored` };
  const updatedAt = new Date(facts.updatedAt);
  if (variant.inventoryUpdatedAt && variant.inventoryUpdatedAt > updatedAt) {
    return { summary: `event of ${facts.updatedAt} is older than the one applied (${variant.inventoryUpdatedAt.toISOString()}); ignored` };
  }
  const outcome = await refreshAndAllocate(ctx, [variant.variantId], { eventUpdatedAt: updatedAt });
  return { summary: describeOutcome(outcome) };
}

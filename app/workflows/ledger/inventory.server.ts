// inventory_levels/update: the webhook names an inventory item and one location; it is a trigger, not the
// truth. The handler finds our variant for the item, ignores an event older than the newest one applied
// (out-of-order delivery never rolls stock back), then runs the ledger pass on a fresh reading of the
// variant's total available (all locations) from the Admin API.
import prisma from "~/db.server";
import type { JobContext, JobOutcome } from "~/jobs/types";
import { readVariantInventory } from "~/shopify/inventory.server";
import { describeOutcome, refreshAndAllocate } from "./stock.server";
import type { InventoryLevelFacts } from "./types";

async function variantForItem(shop: string, inventoryItemId: string) {
  return prisma.backorderVariant.findFirst({
    where: { shop, inventoryItemId },
    select: { variantId: true, inventoryUpdatedAt: true },
  });
}

/**
 * Learns the inventory item of variants we care about but cannot match yet: managed variants without
 * one, and variants with notify-me subscribers but no row (they get a row in mode "off"). One Admin read,
 * only while such variants exist.
 */
export async function mapUnknownInventoryItems(ctx: JobContext): Promise<number> {
  const { shop } = ctx;
  const unmapped = await prisma.backorderVariant.findMany({
    where: { shop, inventoryItemId: null, mode: { not: "off" } },
    select: { variantId: true },
    take: 250,
  });
  const subscribed = await prisma.notifySubscription.findMany({
    where: { shop, status: "active" },
    select: { variantId: true },
    distinct: ["variantId"],
    take: 1_000,
  });
  const withRows = new Set(
    (
      await prisma.backorderVariant.findMany({
        where: { shop, variantId: { in: subscribed.map((s) => s.variantId) }, inventoryItemId: { not: null } },
        select: { variantId: true },
      })
    ).map((r) => r.variantId),
  );
  const ids = [...new Set([...unmapped.map((u) => u.variantId), ...subscribed.map((s) => s.variantId).filter((id) => !withRows.has(id))])].slice(0, 250);
  if (ids.length === 0) return 0;
  const { variants } = await readVariantInventory(await ctx.admin(), shop, ids);
  const writes = [...variants.values()].map((v) =>
    prisma.backorderVariant.upsert({
      where: { shop_variantId: { shop, variantId: v.variantId } },
      create: {
        shop,
        productId: v.productId,
        variantId: v.variantId,
        productTitle: v.productTitle,
        variantTitle: v.variantTitle,
        sku: v.sku,
        // Not the reading just taken: shoppers subscribe to sold-out variants, so the app's last known
        // stock is none. The ledger pass that follows applies the reading, sees the units that arrived
        // and tells subscribers (the first restock of a variant the app did not follow yet counts too).
        available: 0,
        inventoryItemId: v.inventoryItemId,
      },
      update: { inventoryItemId: v.inventoryItemId },
      select: { id: true },
    }),
  );
  if (writes.length) await prisma.$transaction(writes);
  return writes.length;
}

export async function handleInventoryLevel(ctx: JobContext, facts: InventoryLevelFacts): Promise<JobOutcome> {
  let variant = await variantForItem(ctx.shop, facts.inventoryItemId);
  if (!variant && (await mapUnknownInventoryItems(ctx)) > 0) variant = await variantForItem(ctx.shop, facts.inventoryItemId);
  if (!variant) return { summary: `inventory item ${facts.inventoryItemId} is not one the app follows; ignored` };
  const updatedAt = new Date(facts.updatedAt);
  if (variant.inventoryUpdatedAt && variant.inventoryUpdatedAt > updatedAt) {
    return { summary: `event of ${facts.updatedAt} is older than the one applied (${variant.inventoryUpdatedAt.toISOString()}); ignored` };
  }
  const outcome = await refreshAndAllocate(ctx, [variant.variantId], { eventUpdatedAt: updatedAt });
  return { summary: describeOutcome(outcome) };
}

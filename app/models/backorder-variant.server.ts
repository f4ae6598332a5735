// Data access for the variants a shop manages with Backorder Pilot, their incoming batches and their
// waiting order lines. Every function takes the shop and every where-clause filters on it.
import prisma from "~/db.server";
import type { BatchInput, VariantSettingsInput } from "~/validation/backorder-variant";

const VARIANT_SELECT = {
  id: true,
  productId: true,
  variantId: true,
  productTitle: true,
  variantTitle: true,
  sku: true,
  mode: true,
  cap: true,
  leadTimeDays: true,
  capacityPerWeek: true,
  startsAt: true,
  endsAt: true,
  messageEn: true,
  messageFr: true,
  available: true,
  syncedPolicy: true,
  syncedAt: true,
  syncError: true,
} as const;

const BATCH_SELECT = { id: true, quantity: true, expectedOn: true, receivedOn: true, supplier: true } as const;

/** What Shopify tells us about a variant, kept on our row so pages and jobs need not ask again. */
export interface ShopifyVariantFacts {
  productId: string;
  variantId: string;
  productTitle: string;
  variantTitle: string;
  sku: string | null;
  available: number;
  /** Known when read with the inventory item (inventory_levels/update webhooks name the item). */
  inventoryItemId?: string | null;
}

export async function findBackorderVariants({ shop, variantIds }: { shop: string; variantIds: string[] }) {
  if (variantIds.length === 0) return [];
  return prisma.backorderVariant.findMany({ where: { shop, variantId: { in: variantIds } }, select: VARIANT_SELECT });
}

/** Product ids with at least one variant in a backorder mode (for the "backorderable" filter). */
export async function findBackorderableProductIds({ shop }: { shop: string }): Promise<string[]> {
  const rows = await prisma.backorderVariant.findMany({
    where: { shop, mode: { not: "off" } },
    select: { productId: true },
    distinct: ["productId"],
  });
  return rows.map((row) => row.productId);
}

export async function getBackorderVariant({ shop, variantId }: { shop: string; variantId: string }) {
  return prisma.backorderVariant.findUnique({
    where: { shop_variantId: { shop, variantId } },
    select: { ...VARIANT_SELECT, batches: { select: BATCH_SELECT, orderBy: [{ expectedOn: "asc" }, { createdAt: "asc" }] } },
  });
}

/** Creates the rows for variants seen for the first time and refreshes Shopify's facts on the others. */
export async function upsertShopifyFacts({ shop, variants }: { shop: string; variants: ShopifyVariantFacts[] }) {
  await prisma.$transaction(
    variants.map((facts) =>
      prisma.backorderVariant.upsert({
        where: { shop_variantId: { shop, variantId: facts.variantId } },
        create: { shop, ...facts },
        update: {
          productTitle: facts.productTitle,
          variantTitle: facts.variantTitle,
          sku: facts.sku,
          available: facts.available,
          ...(facts.inventoryItemId ? { inventoryItemId: facts.inventoryItemId } : {}),
        },
        select: { id: true },
      }),
    ),
  );
}

function dayStart(iso: string | null): Date | null {
  return iso ? new Date(`${iso}T00:00:00.000Z`) : null;
}

/** Saves the merchant's settings for one variant (the row must exist: see upsertShopifyFacts). */
export async function saveVariantSettings({ shop, settings }: { shop: string; settings: VariantSettingsInput }) {
  const { count } = await prisma.backorderVariant.updateMany({
    where: { shop, variantId: settings.variantId },
    data: {
      mode: settings.mode,
      cap: settings.cap,
      leadTimeDays: settings.leadTimeDays,
      capacityPerWeek: settings.capacityPerWeek,
      startsAt: dayStart(settings.startsOn),
      endsAt: dayStart(settings.endsOn),
      messageEn: settings.messageEn,
      messageFr: settings.messageFr,
    },
  });
  return count === 1;
}

/** Bulk edits from the products list; rows must exist (see upsertShopifyFacts). */
export async function setModeForVariants({ shop, variantIds, mode }: { shop: string; variantIds: string[]; mode: string }) {
  const { count } = await prisma.backorderVariant.updateMany({ where: { shop, variantId: { in: variantIds } }, data: { mode } });
  return count;
}

export async function setLeadTimeForVariants({ shop, variantIds, leadTimeDays }: { shop: string; variantIds: string[]; leadTimeDays: number }) {
  const { count } = await prisma.backorderVariant.updateMany({
    where: { shop, variantId: { in: variantIds } },
    data: { leadTimeDays },
  });
  return count;
}

export async function addBatch({ shop, batch }: { shop: string; batch: BatchInput }) {
  const variant = await prisma.backorderVariant.findUnique({
    where: { shop_variantId: { shop, variantId: batch.variantId } },
    select: { id: true },
  });
  if (!variant) return null;
  return prisma.incomingBatch.create({
    data: {
      shop,
      backorderVariantId: variant.id,
      quantity: batch.quantity,
      expectedOn: batch.expectedOn,
      receivedOn: batch.receivedOn,
      supplier: batch.supplier,
    },
    select: BATCH_SELECT,
  });
}

export async function updateBatch({ shop, batchId, batch }: { shop: string; batchId: string; batch: BatchInput }) {
  const { count } = await prisma.incomingBatch.updateMany({
    where: { id: batchId, shop, variant: { variantId: batch.variantId } },
    data: { quantity: batch.quantity, expectedOn: batch.expectedOn, receivedOn: batch.receivedOn, supplier: batch.supplier },
  });
  return count === 1;
}

export async function removeBatch({ shop, batchId, variantId }: { shop: string; batchId: string; variantId: string }) {
  const { count } = await prisma.incomingBatch.deleteMany({ where: { id: batchId, shop, variant: { variantId } } });
  return count === 1;
}

/** Units owed per variant (waiting lines), for the list page. */
export async function waitingUnitsByVariant({ shop, variantIds }: { shop: string; variantIds: string[] }) {
  if (variantIds.length === 0) return new Map<string, number>();
  const groups = await prisma.backorderLine.groupBy({
    by: ["variantId"],
    where: { shop, status: "waiting", variantId: { in: variantIds } },
    _sum: { quantity: true },
  });
  return new Map(groups.map((group) => [group.variantId, group._sum.quantity ?? 0]));
}

/** The variant's FIFO queue: oldest order first. */
export async function listWaitingLines({ shop, variantId }: { shop: string; variantId: string }) {
  return prisma.backorderLine.findMany({
    where: { shop, variantId, status: "waiting" },
    orderBy: [{ orderedAt: "asc" }, { id: "asc" }],
    select: { id: true, orderName: true, quantity: true, customerEmail: true, orderedAt: true, promisedLatest: true },
  });
}

/** Variants the shop manages (any mode but off), for work that touches every promise. */
export async function findManagedVariantIds({ shop }: { shop: string }): Promise<string[]> {
  const rows = await prisma.backorderVariant.findMany({ where: { shop, mode: { not: "off" } }, select: { variantId: true } });
  return rows.map((row) => row.variantId);
}

// Data access for the variants a shop manages with Backorder Pilot, their incoming batches and their
// waiting order lines. Every function takes the shop and every where-clause filters on it.
import { WAITING_QUEUE_ORDER } from "~/workflows/ledger/queue-order";
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
  version: true,
} as const;

const BATCH_SELECT = { id: true, quantity: true, expectedOn: true, receivedOn: true, supplier: true, version: true } as const;

/** What the models take: the form's parsed input; the version and the submission key are optional. */
type VariantSettingsWrite = Omit<VariantSettingsInput, "version"> & { version?: number | null };
type BatchWrite = Omit<BatchInput, "version" | "submissionKey" | "batchId" | "addToInventory" | "inventoryLocationId"> & {
  version?: number | null;
  submissionKey?: string | null;
};

/** Outcome of an edit that names the version it loaded (optimistic concurrency). */
export type VersionedWrite = "saved" | "conflict" | "missing";

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

/** The stored columns a variant settings form writes (also what a preview applies before saving). */
export function variantSettingsColumns(settings: VariantSettingsWrite) {
  return {
    mode: settings.mode,
    cap: settings.cap,
    leadTimeDays: settings.leadTimeDays,
    capacityPerWeek: settings.capacityPerWeek,
    startsAt: dayStart(settings.startsOn),
    endsAt: dayStart(settings.endsOn),
    messageEn: settings.messageEn,
    messageFr: settings.messageFr,
  };
}

/**
 * Saves the merchant's settings for one variant (the row must exist: see upsertShopifyFacts). With a
 * version, the write happens only if the row is still at that version, and moves it on by one.
 */
export async function saveVariantSettings({
  shop,
  settings,
}: {
  shop: string;
  settings: VariantSettingsWrite;
}): Promise<VersionedWrite> {
  const where = { shop, variantId: settings.variantId };
  const { count } = await prisma.backorderVariant.updateMany({
    where: settings.version == null ? where : { ...where, version: settings.version },
    data: { ...variantSettingsColumns(settings), version: { increment: 1 } },
  });
  if (count === 1) return "saved";
  return (await prisma.backorderVariant.count({ where })) === 0 ? "missing" : "conflict";
}

/** Bulk edits from the products list; rows must exist (see upsertShopifyFacts). They move each version on. */
export async function setModeForVariants({ shop, variantIds, mode }: { shop: string; variantIds: string[]; mode: string }) {
  const { count } = await prisma.backorderVariant.updateMany({
    where: { shop, variantId: { in: variantIds } },
    data: { mode, version: { increment: 1 } },
  });
  return count;
}

export async function setLeadTimeForVariants({ shop, variantIds, leadTimeDays }: { shop: string; variantIds: string[]; leadTimeDays: number }) {
  const { count } = await prisma.backorderVariant.updateMany({
    where: { shop, variantId: { in: variantIds } },
    data: { leadTimeDays, version: { increment: 1 } },
  });
  return count;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}

/**
 * Adds a batch. A submission key already used by this shop means the same form was submitted again
 * (double click, resubmit after a timeout): the batch it created comes back and nothing new is written.
 */
export async function addBatch({ shop, batch }: { shop: string; batch: BatchWrite }) {
  const existing = async () =>
    batch.submissionKey
      ? prisma.incomingBatch.findFirst({
          where: { shop, submissionKey: batch.submissionKey, variant: { variantId: batch.variantId } },
          select: BATCH_SELECT,
        })
      : null;
  const replay = await existing();
  if (replay) return { batch: replay, created: false };
  const variant = await prisma.backorderVariant.findUnique({
    where: { shop_variantId: { shop, variantId: batch.variantId } },
    select: { id: true },
  });
  if (!variant) return null;
  try {
    const created = await prisma.incomingBatch.create({
      data: {
        shop,
        backorderVariantId: variant.id,
        quantity: batch.quantity,
        expectedOn: batch.expectedOn,
        receivedOn: batch.receivedOn,
        supplier: batch.supplier,
        submissionKey: batch.submissionKey ?? null,
      },
      select: BATCH_SELECT,
    });
    return { batch: created, created: true };
  } catch (error) {
    // Both clicks passed the lookup at once: the unique key let one create; the other returns its batch.
    if (!isUniqueViolation(error)) throw error;
    const winner = await existing();
    if (!winner) throw error;
    return { batch: winner, created: false };
  }
}

export async function updateBatch({ shop, batchId, batch }: { shop: string; batchId: string; batch: BatchWrite }): Promise<VersionedWrite> {
  const where = { id: batchId, shop, variant: { variantId: batch.variantId } };
  const { count } = await prisma.incomingBatch.updateMany({
    where: batch.version == null ? where : { ...where, version: batch.version },
    data: {
      quantity: batch.quantity,
      expectedOn: batch.expectedOn,
      receivedOn: batch.receivedOn,
      supplier: batch.supplier,
      version: { increment: 1 },
    },
  });
  if (count === 1) return "saved";
  return (await prisma.incomingBatch.count({ where })) === 0 ? "missing" : "conflict";
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
    orderBy: [...WAITING_QUEUE_ORDER],
    select: { id: true, orderName: true, quantity: true, customerEmail: true, orderedAt: true, promisedLatest: true, overCap: true },
  });
}

/** Variants the shop manages (any mode but off), for work that touches every promise. */
export async function findManagedVariantIds({ shop }: { shop: string }): Promise<string[]> {
  const rows = await prisma.backorderVariant.findMany({ where: { shop, mode: { not: "off" } }, select: { variantId: true } });
  return rows.map((row) => row.variantId);
}

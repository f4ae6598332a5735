// Data access for the variants a shop manages with Backorder Pilot (BackorderVariant): the merchant's
// settings, the facts Shopify told us last (titles, stock, inventory item) and what the last sync confirmed.
// Their batches are in ./incoming-batch.server.ts, their order lines in ./backorder-line.server.ts. Every
// function takes the shop and every where-clause filters on it; the last argument, when there is one, runs
// it inside the caller's transaction (./transaction.server.ts).
import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import type { VariantSettingsInput } from "~/validation/backorder-variant";
import { BATCH_COLUMNS, BATCH_ORDER, BATCH_SELECT } from "./incoming-batch.server";
import type { Tx } from "./transaction.server";

/** The columns that decide a variant's dates, inventory policy and storefront summary. */
const SUPPLY_COLUMNS = {
  variantId: true,
  productId: true,
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
} as const;

/** A variant as the admin shows and edits it. */
const VARIANT_SELECT = {
  id: true,
  ...SUPPLY_COLUMNS,
  productTitle: true,
  variantTitle: true,
  sku: true,
  syncedAt: true,
  syncError: true,
  version: true,
  atRisk: true,
} as const;

/** A managed variant as the ETA engine reads it: its supply columns and its batches, in serving order. */
const STORED_VARIANT_SELECT = {
  ...SUPPLY_COLUMNS,
  syncedSummary: true,
  batches: { select: BATCH_COLUMNS, orderBy: BATCH_ORDER },
} satisfies Prisma.BackorderVariantSelect;

/** A managed variant as the engine reads it from the database. */
export type StoredVariant = Prisma.BackorderVariantGetPayload<{ select: typeof STORED_VARIANT_SELECT }>;

/** What the models take: the form's parsed input; the version is optional. */
type VariantSettingsWrite = Omit<VariantSettingsInput, "version"> & { version?: number | null };

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

export async function getBackorderVariant({ shop, variantId }: { shop: string; variantId: string }) {
  return prisma.backorderVariant.findUnique({
    where: { shop_variantId: { shop, variantId } },
    select: { ...VARIANT_SELECT, batches: { select: BATCH_SELECT, orderBy: BATCH_ORDER } },
  });
}

/**
 * Creates the rows for variants seen for the first time and records Shopify's facts on the others: all of
 * them (`refresh: "all"`, the default), or only the inventory item (`"inventoryItem"`, for rows whose
 * titles and stock the ledger keeps current itself). Extra fields on `variants` (a reading's URL…) are
 * ignored, so a reading from ~/shopify can be passed as it is. One transaction.
 */
export async function upsertShopifyFacts({
  shop,
  variants,
  refresh = "all",
}: {
  shop: string;
  variants: readonly ShopifyVariantFacts[];
  refresh?: "all" | "inventoryItem";
}): Promise<number> {
  if (variants.length === 0) return 0;
  await prisma.$transaction(
    variants.map((facts) =>
      prisma.backorderVariant.upsert({
        where: { shop_variantId: { shop, variantId: facts.variantId } },
        create: {
          shop,
          productId: facts.productId,
          variantId: facts.variantId,
          productTitle: facts.productTitle,
          variantTitle: facts.variantTitle,
          sku: facts.sku,
          available: facts.available,
          inventoryItemId: facts.inventoryItemId,
        },
        update:
          refresh === "inventoryItem"
            ? { inventoryItemId: facts.inventoryItemId }
            : {
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
  return variants.length;
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

/** Variants the shop manages (any mode but off), for work that touches every promise. */
export async function findManagedVariantIds({ shop }: { shop: string }): Promise<string[]> {
  const rows = await prisma.backorderVariant.findMany({ where: { shop, mode: { not: "off" } }, select: { variantId: true } });
  return rows.map((row) => row.variantId);
}

/** Of `variantIds`, those the app has a row for (any mode). */
export async function knownVariantIds({ shop, variantIds }: { shop: string; variantIds: readonly string[] }, tx: Tx = prisma): Promise<string[]> {
  const rows = await tx.backorderVariant.findMany({ where: { shop, variantId: { in: [...variantIds] } }, select: { variantId: true } });
  return rows.map((row) => row.variantId);
}

/** Of `variantIds`, those in a backorder mode, with what recording an order needs. */
export async function backorderableVariants({ shop, variantIds }: { shop: string; variantIds: readonly string[] }, tx: Tx = prisma) {
  return tx.backorderVariant.findMany({
    where: { shop, variantId: { in: [...variantIds] }, mode: { not: "off" } },
    select: { variantId: true, createdAt: true, cap: true, productTitle: true, variantTitle: true },
  });
}

/**
 * Variants whose state Shopify must hold: those the shop manages, and those we changed on Shopify before
 * (a CONTINUE policy or a summary to take back). Of `variantIds` when given, else of the whole shop.
 */
export async function variantsToSync({ shop, variantIds }: { shop: string; variantIds?: readonly string[] }, tx: Tx = prisma): Promise<string[]> {
  const rows = await tx.backorderVariant.findMany({
    where: {
      shop,
      ...(variantIds ? { variantId: { in: [...variantIds] } } : {}),
      OR: [{ mode: { not: "off" } }, { syncedPolicy: "CONTINUE" }, { syncedSummary: { not: null } }],
    },
    select: { variantId: true },
  });
  return rows.map((row) => row.variantId);
}

/** The ETA engine's input: the shop's variants (or only `variantIds`) with their batches. */
export async function storedVariants({ shop, variantIds }: { shop: string; variantIds?: readonly string[] }, tx: Tx = prisma): Promise<StoredVariant[]> {
  return tx.backorderVariant.findMany({
    where: variantIds ? { shop, variantId: { in: [...variantIds] } } : { shop },
    select: STORED_VARIANT_SELECT,
  });
}

/** The stock the app last recorded for each of `variantIds`. */
export async function recordedStockOfVariants({ shop, variantIds }: { shop: string; variantIds: readonly string[] }, tx: Tx = prisma) {
  return tx.backorderVariant.findMany({ where: { shop, variantId: { in: [...variantIds] } }, select: { variantId: true, available: true } });
}

// ---- stock and inventory items --------------------------------------------------------------------------

/** The variant an inventory item belongs to (inventory webhooks name the item), and its newest stock event. */
export async function variantOfInventoryItem({ shop, inventoryItemId }: { shop: string; inventoryItemId: string }, tx: Tx = prisma) {
  return tx.backorderVariant.findFirst({
    where: { shop, inventoryItemId },
    select: { variantId: true, inventoryUpdatedAt: true },
  });
}

/** Managed variants whose inventory item the app does not know yet (at most `take`). */
export async function managedVariantsWithoutInventoryItem({ shop, take }: { shop: string; take: number }, tx: Tx = prisma): Promise<string[]> {
  const rows = await tx.backorderVariant.findMany({
    where: { shop, inventoryItemId: null, mode: { not: "off" } },
    select: { variantId: true },
    take,
  });
  return rows.map((row) => row.variantId);
}

/** Of `variantIds`, those with a row that knows its inventory item. */
export async function variantsWithInventoryItem({ shop, variantIds }: { shop: string; variantIds: readonly string[] }, tx: Tx = prisma): Promise<string[]> {
  const rows = await tx.backorderVariant.findMany({
    where: { shop, variantId: { in: [...variantIds] }, inventoryItemId: { not: null } },
    select: { variantId: true },
  });
  return rows.map((row) => row.variantId);
}

/** What the app knew of the variant's stock before a new reading. */
export async function stockStateOfVariant({ shop, variantId }: { shop: string; variantId: string }, tx: Tx = prisma) {
  return tx.backorderVariant.findUnique({
    where: { shop_variantId: { shop, variantId } },
    select: { available: true, inventoryUpdatedAt: true, productTitle: true, variantTitle: true },
  });
}

/**
 * Records a stock reading of the variant. `inventoryUpdatedAt` is written when given (null included);
 * the inventory item and titles only when known (a reading without them keeps the stored ones).
 */
export async function recordStockReading(
  {
    shop,
    variantId,
    available,
    inventoryUpdatedAt,
    inventoryItemId,
    productTitle,
    variantTitle,
  }: {
    shop: string;
    variantId: string;
    available: number;
    inventoryUpdatedAt?: Date | null;
    inventoryItemId?: string | null;
    productTitle?: string;
    variantTitle?: string;
  },
  tx: Tx = prisma,
): Promise<void> {
  await tx.backorderVariant.updateMany({
    where: { shop, variantId },
    data: {
      available,
      ...(inventoryUpdatedAt !== undefined ? { inventoryUpdatedAt } : {}),
      ...(inventoryItemId ? { inventoryItemId } : {}),
      ...(productTitle ? { productTitle } : {}),
      ...(variantTitle ? { variantTitle } : {}),
    },
  });
}

/** Records what a sync read from Shopify (variant title, SKU, stock) for each variant, in one transaction. */
export async function recordSyncReadings({
  shop,
  readings,
}: {
  shop: string;
  readings: readonly { variantId: string; variantTitle: string; sku: string | null; available: number }[];
}): Promise<void> {
  await prisma.$transaction(
    readings.map((v) =>
      prisma.backorderVariant.updateMany({
        where: { shop, variantId: v.variantId },
        data: { variantTitle: v.variantTitle, sku: v.sku, available: v.available },
      }),
    ),
  );
}

/** What one sync ended with for a variant; undefined fields leave the stored value as it is. */
export interface SyncRecord {
  variantId: string;
  policy?: string;
  summary?: string | null;
  error?: string;
}

/**
 * Records, per variant, what Shopify confirmed, in one transaction; syncedAt moves only for variants with
 * nothing failed (the others keep their error).
 */
export async function recordSyncOutcomes({ shop, outcomes, now }: { shop: string; outcomes: readonly SyncRecord[]; now: Date }): Promise<void> {
  await prisma.$transaction(
    outcomes.map((o) =>
      prisma.backorderVariant.updateMany({
        where: { shop, variantId: o.variantId },
        data: {
          ...(o.policy !== undefined ? { syncedPolicy: o.policy } : {}),
          ...(o.summary !== undefined ? { syncedSummary: o.summary } : {}),
          ...(o.error === undefined ? { syncedAt: now, syncError: null } : { syncError: o.error }),
        },
      }),
    ),
  );
}

// ---- products/update and products/delete ----------------------------------------------------------------

/** Refreshes our copy of a product's titles, SKUs and inventory items on the given variants, in one transaction. */
export async function refreshProductFacts({
  shop,
  productId,
  title,
  variants,
}: {
  shop: string;
  productId: string;
  title: string;
  variants: readonly { variantId: string; title: string; sku: string | null; inventoryItemId: string | null }[];
}): Promise<number> {
  if (variants.length === 0) return 0;
  await prisma.$transaction(
    variants.map((v) =>
      prisma.backorderVariant.updateMany({
        where: { shop, variantId: v.variantId },
        data: {
          productId,
          productTitle: title,
          variantTitle: v.title,
          sku: v.sku,
          ...(v.inventoryItemId ? { inventoryItemId: v.inventoryItemId } : {}),
        },
      }),
    ),
  );
  return variants.length;
}

/**
 * Forgets a deleted product: its variants' rows, their batches (deleted with them) and their notify-me
 * signups, in one transaction. Owed lines stay: they belong to orders that still exist.
 */
export async function forgetProduct({ shop, productId }: { shop: string; productId: string }): Promise<{ variants: number; subscriptions: number }> {
  const variants = await prisma.backorderVariant.findMany({ where: { shop, productId }, select: { variantId: true } });
  const variantIds = variants.map((v) => v.variantId);
  const [subscriptions, rows] = await prisma.$transaction([
    prisma.notifySubscription.deleteMany({ where: { shop, variantId: { in: variantIds } } }),
    prisma.backorderVariant.deleteMany({ where: { shop, productId } }),
    // Shopify drops a deleted variant from its selling plan groups itself; its payment option goes too.
    prisma.variantPaymentOption.deleteMany({ where: { shop, productId } }),
  ]);
  return { variants: rows.count, subscriptions: subscriptions.count };
}

// ---- storefront and unsubscribe page --------------------------------------------------------------------

/** Whether the app has a row for the variant (any mode): the storefront knows it without asking Shopify. */
export async function isKnownVariant({ shop, variantId }: { shop: string; variantId: string }): Promise<boolean> {
  const row = await prisma.backorderVariant.findUnique({
    where: { shop_variantId: { shop, variantId } },
    select: { id: true },
  });
  return row !== null;
}

/** The product title the app last recorded for the variant; null when it has no row (or no title). */
export async function productTitleOfVariant({ shop, variantId }: { shop: string; variantId: string }): Promise<string | null> {
  const row = await prisma.backorderVariant.findUnique({
    where: { shop_variantId: { shop, variantId } },
    select: { productTitle: true },
  });
  return row?.productTitle || null;
}

/** The product of each of `variantIds` the shop manages (support cases filter by product). */
export async function productIdsOfVariants({ shop, variantIds }: { shop: string; variantIds: readonly string[] }, tx: Tx = prisma) {
  const rows = await tx.backorderVariant.findMany({ where: { shop, variantId: { in: [...variantIds] } }, select: { variantId: true, productId: true } });
  return new Map(rows.map((r) => [r.variantId, r.productId]));
}

/** Products that have lines owed to customers, for the support queue's product filter. */
export async function productsWithTitles({ shop, take = 200 }: { shop: string; take?: number }, tx: Tx = prisma) {
  return tx.backorderVariant.findMany({
    where: { shop },
    select: { productId: true, productTitle: true },
    distinct: ["productId"],
    orderBy: { productTitle: "asc" },
    take,
  });
}

// ---- derived state (at risk), written by the ledger's recompute -----------------------------------------

/** Records the derived state of variants just computed: `atRisk` of them have a late waiting line. */
export async function recordDerivedState(
  { shop, atRisk, notAtRisk, now }: { shop: string; atRisk: readonly string[]; notAtRisk: readonly string[]; now: Date },
  tx: Tx = prisma,
): Promise<void> {
  for (const [ids, value] of [
    [atRisk, true],
    [notAtRisk, false],
  ] as const) {
    for (let i = 0; i < ids.length; i += 500) {
      await tx.backorderVariant.updateMany({
        where: { shop, variantId: { in: ids.slice(i, i + 500) } },
        data: { atRisk: value, derivedAt: now },
      });
    }
  }
}

/** Managed variants whose derived state was never computed (rows from before it was stored), at most `take`. */
export async function variantsWithoutDerivedState({ shop, take }: { shop: string; take: number }): Promise<string[]> {
  const rows = await prisma.backorderVariant.findMany({
    where: { shop, derivedAt: null, mode: { not: "off" } },
    select: { variantId: true },
    take,
  });
  return rows.map((row) => row.variantId);
}

/** A page of product ids, in id order, after (or before) a product id: keyset pagination over an index. */
export interface ProductIdPage {
  productIds: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/**
 * Product ids with at least one variant in a backorder mode (`filter: "backorderable"`), or one whose stored
 * state says a waiting order is at risk (`"at_risk"`), one page at a time: `after` / `before` a product id.
 * Indexed: (shop, mode, productId) and (shop, atRisk, productId).
 */
export async function pageOfManagedProductIds({
  shop,
  filter,
  after,
  before,
  take,
}: {
  shop: string;
  filter: "backorderable" | "at_risk";
  after?: string | null;
  before?: string | null;
  take: number;
}): Promise<ProductIdPage> {
  const base: Prisma.BackorderVariantWhereInput =
    filter === "at_risk" ? { shop, atRisk: true, mode: { not: "off" } } : { shop, mode: { in: ["always", "when_sold_out"] } };
  const backwards = Boolean(before);
  const rows = await prisma.backorderVariant.groupBy({
    by: ["productId"],
    where: { ...base, ...(backwards ? { productId: { lt: before as string } } : after ? { productId: { gt: after } } : {}) },
    orderBy: { productId: backwards ? "desc" : "asc" },
    take: take + 1,
  });
  const more = rows.length > take;
  const ids = rows.slice(0, take).map((row) => row.productId);
  if (backwards) ids.reverse();
  return {
    productIds: ids,
    hasNextPage: backwards ? true : more,
    hasPreviousPage: backwards ? more : Boolean(after),
  };
}

/** The product the app records the variant under; null when it has no row. */
export async function productOfVariant({ shop, variantId }: { shop: string; variantId: string }): Promise<string | null> {
  const row = await prisma.backorderVariant.findUnique({ where: { shop_variantId: { shop, variantId } }, select: { productId: true } });
  return row?.productId ?? null;
}

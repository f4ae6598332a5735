// Data access for incoming batches (IncomingBatch): stock a variant expects from a supplier or a production
// run, and, once received, the supplier's lateness history. A batch belongs to a managed variant (deleted
// with it); every function takes the shop and every where-clause filters on it.
import prisma from "~/db.server";
import type { BatchInput } from "~/validation/backorder-variant";
import type { VersionedWrite } from "./backorder-variant.server";
import type { Tx } from "./transaction.server";

/** What the ETA engine reads of a batch. */
export const BATCH_COLUMNS = { id: true, quantity: true, expectedOn: true, receivedOn: true, supplier: true } as const;

/** A variant's batches in the order the engine serves them: expected date, then creation. */
export const BATCH_ORDER = [{ expectedOn: "asc" as const }, { createdAt: "asc" as const }];

/** A batch as the product page edits it (with the version its form sends back). */
export const BATCH_SELECT = { ...BATCH_COLUMNS, version: true } as const;

/** What the models take: the form's parsed input; the version and the submission key are optional. */
type BatchWrite = Omit<BatchInput, "version" | "submissionKey" | "batchId" | "addToInventory" | "inventoryLocationId"> & {
  version?: number | null;
  submissionKey?: string | null;
};

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

/** Every received batch of the suppliers across the shop: their lateness history. */
export async function receivedBatchesOfSuppliers({ shop, suppliers }: { shop: string; suppliers: readonly string[] }, tx: Tx = prisma) {
  return tx.incomingBatch.findMany({
    where: { shop, supplier: { in: [...suppliers] }, receivedOn: { not: null } },
    select: BATCH_COLUMNS,
  });
}

/**
 * The suppliers named on each variant's pending (not yet received) batches, by variantId: who the orders
 * waiting for those variants wait on (the support queue's supplier filter).
 */
export async function pendingSuppliersOfVariants({ shop, variantIds }: { shop: string; variantIds: readonly string[] }, tx: Tx = prisma) {
  const byVariant = new Map<string, Set<string>>();
  if (variantIds.length === 0) return byVariant;
  const rows = await tx.incomingBatch.findMany({
    where: { shop, receivedOn: null, supplier: { not: null }, variant: { shop, variantId: { in: [...variantIds] } } },
    select: { supplier: true, variant: { select: { variantId: true } } },
  });
  for (const row of rows) {
    const name = row.supplier?.trim();
    if (!name) continue;
    const set = byVariant.get(row.variant.variantId) ?? new Set<string>();
    set.add(name);
    byVariant.set(row.variant.variantId, set);
  }
  return byVariant;
}

/** Every supplier named on the shop's batches, A to Z (the supplier filter's choices; a covering index read). */
export async function suppliersOfShop({ shop, take = 200 }: { shop: string; take?: number }, tx: Tx = prisma): Promise<string[]> {
  const rows = await tx.incomingBatch.groupBy({ by: ["supplier"], where: { shop, supplier: { not: null } }, orderBy: { supplier: "asc" }, take });
  return [...new Set(rows.flatMap((r) => (r.supplier?.trim() ? [r.supplier.trim()] : [])))];
}

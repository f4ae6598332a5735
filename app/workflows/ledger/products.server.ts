// products/update keeps our copy of titles and the variant → inventory item mapping current (the mapping
// is how inventory webhooks find a variant); products/delete removes the product's variants from the app
// (settings, batches, notify-me signups). Owed lines stay: they belong to orders that still exist.
import prisma from "~/db.server";
import type { JobContext, JobOutcome } from "~/jobs/types";
import type { ProductFacts } from "./types";

export async function handleProductUpdate(ctx: JobContext, facts: ProductFacts): Promise<JobOutcome> {
  const { shop } = ctx;
  const rows = await prisma.backorderVariant.findMany({
    where: { shop, variantId: { in: facts.variants.map((v) => v.variantId) } },
    select: { variantId: true },
  });
  const ours = new Set(rows.map((r) => r.variantId));
  const writes = facts.variants
    .filter((v) => ours.has(v.variantId))
    .map((v) =>
      prisma.backorderVariant.updateMany({
        where: { shop, variantId: v.variantId },
        data: {
          productId: facts.productId,
          productTitle: facts.title,
          variantTitle: v.title,
          sku: v.sku,
          ...(v.inventoryItemId ? { inventoryItemId: v.inventoryItemId } : {}),
        },
      }),
    );
  if (writes.length) await prisma.$transaction(writes);
  return { summary: `${writes.length} variant(s) of ${facts.productId} refreshed` };
}

export async function handleProductDelete(ctx: JobContext, { productId }: { productId: string }): Promise<JobOutcome> {
  const { shop } = ctx;
  const variants = await prisma.backorderVariant.findMany({ where: { shop, productId }, select: { variantId: true } });
  const variantIds = variants.map((v) => v.variantId);
  const [subscriptions, rows] = await prisma.$transaction([
    prisma.notifySubscription.deleteMany({ where: { shop, variantId: { in: variantIds } } }),
    // Incoming batches go with their variant (onDelete: Cascade).
    prisma.backorderVariant.deleteMany({ where: { shop, productId } }),
  ]);
  return { summary: `product ${productId}: ${rows.count} variant(s) and ${subscriptions.count} notify-me signup(s) removed` };
}

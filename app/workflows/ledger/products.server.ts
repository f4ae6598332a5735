// products/update keeps our copy of titles and the variant → inventory item mapping current (the mapping
// is how inventory webhooks find a variant); products/delete removes the product's variants from the app
// (settings, batches, notify-me signups). Owed lines stay: they belong to orders that still exist.
import type { JobContext, JobOutcome } from "~/jobs/types";
import { forgetProduct, knownVariantIds, refreshProductFacts } from "~/models/backorder-variant.server";
import type { ProductFacts } from "./types";

export async function handleProductUpdate(ctx: JobContext, facts: ProductFacts): Promise<JobOutcome> {
  const { shop } = ctx;
  const ours = new Set(await knownVariantIds({ shop, variantIds: facts.variants.map((v) => v.variantId) }));
  const refreshed = await refreshProductFacts({
    shop,
    productId: facts.productId,
    title: facts.title,
    variants: facts.variants.filter((v) => ours.has(v.variantId)),
  });
  return { summary: `${refreshed} variant(s) of ${facts.productId} refreshed` };
}

export async function handleProductDelete(ctx: JobContext, { productId }: { productId: string }): Promise<JobOutcome> {
  const { shop } = ctx;
  const removed = await forgetProduct({ shop, productId });
  return { summary: `product ${productId}: ${removed.variants} variant(s) and ${removed.subscriptions} notify-me signup(s) removed` };
}

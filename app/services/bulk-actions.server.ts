// Bulk actions of the products list: enable or disable backorder, or set the lead time, on the selected
// variants, then sync them to Shopify. Variants Shopify does not know for this shop are refused whole.
import { BulkActionSchema } from "~/validation/backorder-variant";
import { fieldErrors } from "~/validation/form-data";
import { createAdminClient } from "~/shopify/admin-client.server";
import { readVariantInventory } from "~/shopify/inventory.server";
import type { AdminGraphql } from "~/shopify/types";
import { setLeadTimeForVariants, setModeForVariants, upsertShopifyFacts } from "~/models/backorder-variant.server";
import { syncVariants, type SyncFailure } from "./backorder-sync.server";

export type BulkActionResult =
  | { ok: true; updated: number; failed: SyncFailure[] }
  | { ok: false; status: 400 | 404; errors: Record<string, string> };

/** Mode given to variants enabled in bulk: sell stock first, then keep selling on backorder. */
export const BULK_ENABLE_MODE = "when_sold_out";

export async function applyBulkAction({
  shop,
  graphql,
  input,
  now,
}: {
  shop: string;
  graphql: AdminGraphql;
  input: Record<string, unknown>;
  now?: Date;
}): Promise<BulkActionResult> {
  const parsed = BulkActionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) };
  const action = parsed.data;
  const variantIds = [...new Set(action.variantIds)];

  const client = createAdminClient(graphql);
  const { variants, missing } = await readVariantInventory(client, shop, variantIds);
  if (missing.length > 0) return { ok: false, status: 404, errors: { variantIds: "products.error.unknownVariant" } };

  await upsertShopifyFacts({
    shop,
    variants: [...variants.values()].map((v) => ({
      productId: v.productId,
      variantId: v.variantId,
      productTitle: v.productTitle,
      variantTitle: v.variantTitle,
      sku: v.sku,
      available: v.available,
      inventoryItemId: v.inventoryItemId,
    })),
  });
  if (action.intent === "enable") await setModeForVariants({ shop, variantIds, mode: BULK_ENABLE_MODE });
  if (action.intent === "disable") await setModeForVariants({ shop, variantIds, mode: "off" });
  if (action.intent === "lead-time") await setLeadTimeForVariants({ shop, variantIds, leadTimeDays: action.leadTimeDays });

  const report = await syncVariants({ shop, graphql, variantIds, client, ...(now ? { now } : {}) });
  return { ok: true, updated: variantIds.length, failed: report.failed };
}

// Words and addresses the products list and its bulk actions share.
import type { AdminMessageKey } from "~/i18n/admin";
import type { ProductTab } from "~/validation/product-listing";

export type BulkIntent = "enable" | "disable" | "lead-time" | "payment";

export const TAB_KEYS: Record<ProductTab, AdminMessageKey> = {
  all: "products.tab.all",
  backorderable: "products.tab.backorderable",
  sold_out: "products.tab.soldOut",
  at_risk: "products.tab.atRisk",
};

export const INTENT_KEYS: Record<string, AdminMessageKey> = {
  enable: "products.bulk.enable",
  disable: "products.bulk.disable",
  "lead-time": "products.bulk.leadTime",
  payment: "payments.bulk.action",
};

/** The number at the end of a Shopify gid ("gid://shopify/Product/42" → "42"). */
export function numberOf(gid: string): string {
  return gid.split("/").pop() ?? "";
}

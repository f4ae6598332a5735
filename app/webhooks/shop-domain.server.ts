// The only shop domains the app accepts from a webhook header or an app-proxy query: `<name>.myshopify.com`
// (plus `<name>.<SHOP_CUSTOM_DOMAIN>` when that variable names Shopify's staging domain). Anything else is
// answered 400 before the library sees it (its InvalidShopError would otherwise escape as a 500).
import { env } from "~/env.server";

/** DNS limit for a whole name; a label is at most 63 characters. */
export const SHOP_DOMAIN_MAX_LENGTH = 255;
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const suffixes = ["myshopify\\.com", ...(env.SHOP_CUSTOM_DOMAIN ? [escapeRegExp(env.SHOP_CUSTOM_DOMAIN.toLowerCase())] : [])];
const SHOP_DOMAIN = new RegExp(`^${LABEL}\\.(?:${suffixes.join("|")})$`);

export function isShopDomain(value: string | null | undefined): value is string {
  return typeof value === "string" && value.length <= SHOP_DOMAIN_MAX_LENGTH && SHOP_DOMAIN.test(value);
}

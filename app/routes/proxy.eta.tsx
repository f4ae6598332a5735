// GET https://{shop}/apps/backorder/eta?variant_id=123 — live delivery estimate of a variant, signed by
// Shopify's app proxy, for themes or headless storefronts that want it (the product page itself renders
// from metafields). With a logged-in customer (`logged_in_customer_id`, added by Shopify), their waiting
// lines' queue positions. 400 bad variant id, 404 not offered on backorder, 401 bad signature.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { authenticateAppProxy } from "~/proxy/authenticate.server";
import { liveVariantEta } from "~/proxy/eta.server";
import { loggedInCustomerId, proxyShop, toVariantGid } from "~/proxy/request.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin } = await authenticateAppProxy(request);
  const shop = proxyShop(request);
  const url = new URL(request.url);
  const variantId = toVariantGid(url.searchParams.get("variant_id") ?? url.searchParams.get("variant"));
  const noStore = { "Cache-Control": "no-store" };
  if (!variantId) {
    return json({ error: "invalid_variant", message: "Pass variant_id: a numeric variant id or a ProductVariant gid." }, { status: 400, headers: noStore });
  }
  const customerId = loggedInCustomerId(request);
  const eta = await liveVariantEta({ shop, variantId, customerId, graphql: admin?.graphql ?? null });
  if (!eta) {
    return json({ error: "unknown_variant", message: "This variant is not offered on backorder." }, { status: 404, headers: noStore });
  }
  // A customer's queue is theirs alone: never stored by any cache. Anonymous estimates change slowly
  // (new orders, stock); the shopper's browser may reuse one for a minute.
  return json(eta, { headers: { "Cache-Control": customerId ? "private, no-store" : "private, max-age=60" } });
};

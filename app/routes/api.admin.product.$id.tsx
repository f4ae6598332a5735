// The app's backend for the admin UI extension on a product's page (extensions/admin-product-block): each
// variant's backorder mode, units waiting and next estimate. Called with the admin's session token
// (Bearer) from Shopify's extension sandbox; `authenticate.admin` verifies it and answers the CORS
// preflight, `cors` adds the headers to every answer. 404 for a product the shop does not have.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import type { AdminProductSummary } from "../../extensions/shared/admin-api";
import { authenticate } from "~/shopify.server";
import { adminLocaleFromRequest, translator } from "~/i18n/admin";
import { loadAdminProductSummary, productGid } from "~/workflows/catalog/admin-extension.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session, cors, admin } = await authenticate.admin(request);
  const productId = productGid(params.id ?? "");
  const summary = productId ? await loadAdminProductSummary(admin.graphql, { shop: session.shop, productId }) : null;
  if (!summary) throw cors(json({ error: translator(adminLocaleFromRequest(request))("products.extension.notFound") }, { status: 404 }));
  return cors(json(summary satisfies AdminProductSummary));
};

/** Only the CORS preflight (OPTIONS) comes here: `authenticate.admin` answers it. Nothing else is allowed. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { cors } = await authenticate.admin(request);
  throw cors(json({ error: "Method Not Allowed" }, { status: 405, headers: { Allow: "GET, OPTIONS" } }));
};

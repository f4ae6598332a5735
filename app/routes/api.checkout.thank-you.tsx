// GET /api/checkout/thank-you?order=<Order gid> — the thank-you page block's data: which items of the order
// just placed ship later and their estimated delivery. Session token of a checkout extension (a guest's names
// no customer); CORS for the extension's origin. 400 bad order id, 401 bad token, 404 unknown order (not
// recorded yet — the orders/create webhook may still be on its way — or nothing backordered) or not the
// buyer's. Details: ~/workflows/customer-surfaces/thank-you.server.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { authenticate } from "~/shopify.server";
import type { ThankYouView } from "../../extensions/shared/customer-api";
import { thankYouView } from "~/workflows/customer-surfaces/thank-you.server";
import { checkoutIdentity, toOrderGid } from "~/workflows/customer-surfaces/tokens.server";

const NO_STORE = { "Cache-Control": "private, no-store" };

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { sessionToken, cors } = await authenticate.public.checkout(request);
  const { shop, customerId } = checkoutIdentity(sessionToken);
  const orderId = toOrderGid(new URL(request.url).searchParams.get("order"));
  if (!orderId) return cors(json({ error: "invalid_order", message: "Pass order: the Order gid of the confirmation." }, { status: 400, headers: NO_STORE }));
  const view = await thankYouView({ shop, orderId, customerId });
  if (!view) return cors(json({ error: "not_found", message: "No backordered items on this order (yet)." }, { status: 404, headers: NO_STORE }));
  return cors(json(view satisfies ThankYouView, { headers: NO_STORE }));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { cors } = await authenticate.public.checkout(request);
  return cors(json({ error: "method_not_allowed", message: "Use GET." }, { status: 405, headers: { Allow: "GET", ...NO_STORE } }));
};

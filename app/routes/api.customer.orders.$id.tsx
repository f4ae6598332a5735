// GET /api/customer/orders/:id — the customer-account order status block's data: the order's backordered
// items (current estimate, change since purchase), whether it is delayed and what the customer may answer.
// Session token of a customer-account extension (`sub` = the customer); CORS for the extension's origin.
// 400 bad order id, 401 bad/expired/foreign-app token, 404 not this customer's backordered order.
// Details: ~/workflows/customer-surfaces/order-status.server.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { authenticate } from "~/shopify.server";
import type { CustomerOrderView } from "../../extensions/shared/customer-api";
import { customerOrderView } from "~/workflows/customer-surfaces/order-status.server";
import { customerAccountIdentity, toOrderGid } from "~/workflows/customer-surfaces/tokens.server";

const NO_STORE = { "Cache-Control": "private, no-store" };

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { sessionToken, cors } = await authenticate.public.customerAccount(request);
  const { shop, customerId } = customerAccountIdentity(sessionToken);
  const orderId = toOrderGid(params.id);
  if (!orderId) return cors(json({ error: "invalid_order", message: "The order id must be an Order gid or its number." }, { status: 400, headers: NO_STORE }));
  const view = await customerOrderView({ shop, orderId, customerId });
  if (!view) return cors(json({ error: "not_found", message: "No backordered items on this order." }, { status: 404, headers: NO_STORE }));
  return cors(json(view satisfies CustomerOrderView, { headers: NO_STORE }));
};

/** Only the CORS preflight (answered by the library) reaches here as a non-GET; anything else is refused. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { cors } = await authenticate.public.customerAccount(request);
  return cors(json({ error: "method_not_allowed", message: "Use GET." }, { status: 405, headers: { Allow: "GET", ...NO_STORE } }));
};

// POST /api/customer/orders/:id/choice {"choice":"wait"|"cancel"} — the customer's answer from their account
// (order status block, or the "Cancel backordered items" order action): the delay email's workflow, answered
// once per order and choice (a repeated POST is "already_answered" and writes nothing).
// 200 { outcome }, 400 bad id or body (nothing written), 401 bad token, 404 not this customer's order,
// 409 nothing left to cancel / not delayed. Details: ~/workflows/customer-surfaces/order-status.server.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { authenticate } from "~/shopify.server";
import type { ChoiceOutcome } from "../../extensions/shared/customer-api";
import { answerFromAccount } from "~/workflows/customer-surfaces/order-status.server";
import { customerAccountIdentity, parseChoiceBody, toOrderGid } from "~/workflows/customer-surfaces/tokens.server";

const NO_STORE = { "Cache-Control": "no-store" };

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { sessionToken, cors } = await authenticate.public.customerAccount(request);
  const { shop, customerId } = customerAccountIdentity(sessionToken);
  if (request.method !== "POST") return cors(json({ error: "method_not_allowed", message: "Use POST." }, { status: 405, headers: { Allow: "POST", ...NO_STORE } }));
  const orderId = toOrderGid(params.id);
  if (!orderId) return cors(json({ error: "invalid_order", message: "The order id must be an Order gid or its number." }, { status: 400, headers: NO_STORE }));
  const choice = await parseChoiceBody(request);
  if (!choice) return cors(json({ error: "invalid_choice", message: 'Send JSON {"choice": "wait"} or {"choice": "cancel"}.' }, { status: 400, headers: NO_STORE }));
  const answer = await answerFromAccount({ shop, orderId, customerId, choice });
  if (!answer.ok) return cors(json({ error: answer.outcome, outcome: answer.outcome }, { status: answer.status, headers: NO_STORE }));
  return cors(json({ outcome: answer.outcome satisfies ChoiceOutcome }, { headers: NO_STORE }));
};

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { cors } = await authenticate.public.customerAccount(request);
  return cors(json({ error: "method_not_allowed", message: "Use POST." }, { status: 405, headers: { Allow: "POST", ...NO_STORE } }));
};

// The app's backend for the admin UI extensions on an order's page (extensions/admin-order-block and
// admin-order-action). They call it with `fetch` from Shopify's extension sandbox (another origin): the
// admin adds `Authorization: Bearer <session token>`, `authenticate.admin` verifies it (a forged, expired
// or missing token is a 401) and answers the CORS preflight (OPTIONS reaches the action); every answer,
// errors included, carries the CORS headers Shopify documents, through `cors`. The shop is the token's.
//   GET  → the order's backorders (AdminOrderSummary), 404 when the app has none on it
//   POST → JSON { intent: "preview-delay" | "send-delay" | "compensate", ... }
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import type { AdminOrderSummary } from "../../extensions/shared/admin-api";
import { authenticate } from "~/shopify.server";
import { adminLocaleFromRequest, translator } from "~/i18n/admin";
import { staffActor } from "~/workflows/support/desk.server";
import { loadAdminOrderSummary, orderGid, runAdminOrderAction } from "~/workflows/support/admin-extension.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session, cors } = await authenticate.admin(request);
  const t = translator(adminLocaleFromRequest(request));
  const orderId = orderGid(params.id);
  const summary = orderId ? await loadAdminOrderSummary({ shop: session.shop, orderId }) : null;
  if (!summary) throw cors(json({ error: t("support.error.notFound") }, { status: 404 }));
  return cors(json(summary satisfies AdminOrderSummary));
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session, cors, admin, sessionToken } = await authenticate.admin(request);
  const t = translator(adminLocaleFromRequest(request));
  const orderId = orderGid(params.id);
  if (!orderId) throw cors(json({ error: t("support.error.notFound") }, { status: 404 }));
  if (request.method !== "POST") throw cors(json({ error: "Method Not Allowed" }, { status: 405, headers: { Allow: "GET, POST, OPTIONS" } }));
  const body: unknown = await request.json().catch(() => undefined);
  const result = await runAdminOrderAction({ shop: session.shop, orderId, actor: staffActor(sessionToken?.sub), body, graphql: admin.graphql, t });
  return cors(json(result.body, { status: result.status }));
};

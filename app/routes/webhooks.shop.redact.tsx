// shop/redact (compliance), 48 h after uninstall: erase every row the app holds for the shop. Not recorded
// as an event (the erase removes the event log itself); erasing twice is harmless. Verified like every
// webhook (verifyWebhook: 401 bad HMAC, 400 bad shop/JSON, 413 oversize), so a bad request erases nothing.
import type { ActionFunctionArgs } from "@remix-run/node";
import { eraseShop } from "~/workflows/privacy/privacy.server";
import { ShopRedactPayload } from "~/webhooks/payloads";
import { verifyWebhook } from "~/webhooks/verify.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { context, payload } = await verifyWebhook(request);
  if (String(context.topic) !== "SHOP_REDACT") return new Response("This endpoint takes SHOP_REDACT webhooks", { status: 400 });
  const parsed = ShopRedactPayload.safeParse(payload);
  if (!parsed.success) return new Response("Malformed SHOP_REDACT payload", { status: 400 });
  // The body names the shop too: a body for another shop is not this shop's erase request.
  if (parsed.data.shop_domain && parsed.data.shop_domain !== context.shop) {
    return new Response("shop_domain does not match X-Shopify-Shop-Domain", { status: 400 });
  }
  await eraseShop(context.shop);
  return new Response();
};

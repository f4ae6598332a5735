// POST https://{shop}/apps/backorder/notify — "Notify me when it's back", signed by Shopify's app proxy.
// JSON in/out for the block's fetch; a plain form post (no JavaScript) gets a Liquid page in the theme.
// 201 subscribed, 200 already subscribed, 400 invalid email/variant, 404 unknown variant, 429 rate limited,
// 401 bad signature. A refused signup writes nothing.
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { authenticateAppProxy } from "~/proxy/authenticate.server";
import { proxyMessage } from "~/proxy/messages";
import { signUpForBackInStock } from "~/proxy/notify.server";
import { notifyResultPage } from "~/proxy/pages.server";
import { clientIp, proxyShop, readBody, wantsJson } from "~/proxy/request.server";

export const loader = async () => {
  return json({ error: "Use POST." }, { status: 405, headers: { Allow: "POST", "Cache-Control": "no-store" } });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { liquid, admin } = await authenticateAppProxy(request);
  if (request.method !== "POST") {
    return json({ error: "Use POST." }, { status: 405, headers: { Allow: "POST", "Cache-Control": "no-store" } });
  }
  const shop = proxyShop(request);
  const asJson = wantsJson(request);
  const body = await readBody(request);
  const result = await signUpForBackInStock({ shop, body, ip: clientIp(request), graphql: admin?.graphql ?? null });

  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (!result.ok && result.retryAfterSeconds) headers["Retry-After"] = String(result.retryAfterSeconds);
  if (asJson) {
    const message = proxyMessage(result.locale, result.message);
    return json(
      result.ok
        ? { ok: true, status: result.code, message }
        : { ok: false, error: result.code, message, ...(result.field ? { field: result.field } : {}) },
      { status: result.status, headers },
    );
  }
  return liquid(notifyResultPage({ locale: result.locale, message: result.message, ok: result.ok, back: String(body?.return_to ?? "") }), {
    status: result.status,
    headers,
  });
};

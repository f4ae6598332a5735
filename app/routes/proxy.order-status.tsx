// https://{shop}/apps/backorder/order-status — "Where is my order?", signed by Shopify's app proxy and
// rendered in the shop's theme (Liquid). GET: the form (order number + email); POST intent=lookup: the
// order's live status and estimate, or the same "not found" for an unknown number and a wrong email;
// POST intent=message: the customer's message, into the support queue as a complaint.
// 200/201, 400 bad input, 403 expired or forged status page, 404 not found, 429 rate limited (Retry-After),
// 401 bad signature, 413 body over 16 KiB. A refused request writes nothing. Details: ~/proxy/wismo.server.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { authenticateAppProxy } from "~/proxy/authenticate.server";
import { clientIp, proxyShop, readBody } from "~/proxy/request.server";
import { wismoAction, wismoForm, wismoPost, type WismoAnswer } from "~/proxy/wismo.server";

function context(request: Request) {
  const url = new URL(request.url);
  return {
    shop: proxyShop(request),
    action: wismoAction(url.searchParams.get("path_prefix")),
    ip: clientIp(request),
    acceptLanguage: request.headers.get("accept-language"),
    queryLocale: url.searchParams.get("locale"),
  };
}

function headersOf(answer: WismoAnswer): Record<string, string> {
  // The page can hold a customer's order: never stored by any cache.
  const headers: Record<string, string> = { "Cache-Control": "private, no-store" };
  if (answer.retryAfterSeconds) headers["Retry-After"] = String(answer.retryAfterSeconds);
  return headers;
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { liquid } = await authenticateAppProxy(request);
  const answer = wismoForm({ ...context(request), order: new URL(request.url).searchParams.get("order") });
  return liquid(answer.html, { status: answer.status, headers: headersOf(answer) });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { liquid } = await authenticateAppProxy(request);
  if (request.method !== "POST") {
    return new Response("Use GET or POST.", { status: 405, headers: { Allow: "GET, POST", "Cache-Control": "no-store" } });
  }
  const answer = await wismoPost({ ...context(request), body: await readBody(request) });
  return liquid(answer.html, { status: answer.status, headers: headersOf(answer) });
};

// The front door of every webhook route. Cheap refusals come first and write nothing: no HMAC header → 401;
// an oversize or malformed header, or a shop that is not a Shopify shop domain → 400; a body over the cap →
// 413 before it is buffered. Then the library verifies the HMAC over the exact bytes we read (401 on a bad
// one) and we parse those bytes ourselves, losslessly: the library's own `payload` comes from JSON.parse,
// which rounds 64-bit ids (see ./json.ts), so it is never used.
import { InvalidShopError } from "@shopify/shopify-api";
import { authenticate } from "~/shopify.server";
import { readCappedText } from "./body.server";
import { parseJsonLosslessly } from "./json";
import { SHOP_DOMAIN_MAX_LENGTH, isShopDomain } from "./shop-domain.server";

/**
 * Largest webhook body accepted. Shopify publishes no maximum; its largest payloads are orders/updated for
 * orders of several hundred line items (each line with price sets, tax lines, discount allocations: 2–3 KB),
 * around a megabyte or two. 4 MiB leaves room for those and bounds what an unsigned sender can make us hold.
 */
export const WEBHOOK_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/** Header caps (characters). Shopify's own values are far shorter: ids are UUIDs, topics a few words. */
export const WEBHOOK_HEADER_LIMITS = {
  "x-shopify-hmac-sha256": 128,
  "x-shopify-shop-domain": SHOP_DOMAIN_MAX_LENGTH,
  "x-shopify-topic": 64,
  "x-shopify-event-id": 128,
  "x-shopify-webhook-id": 128,
  "x-shopify-api-version": 32,
  "x-shopify-triggered-at": 64,
} as const;

export type WebhookContext = Awaited<ReturnType<typeof authenticate.webhook>>;

export interface VerifiedWebhook {
  context: WebhookContext;
  /** The body parsed losslessly: integers above 2^53 are exact strings. */
  payload: unknown;
}

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** Verifies a webhook delivery; throws the Response to answer when it is refused. */
export async function verifyWebhook(request: Request): Promise<VerifiedWebhook> {
  if (request.method !== "POST") throw new Response("Use POST", { status: 405, headers: { Allow: "POST" } });
  const headers = request.headers;
  if (!headers.get("x-shopify-hmac-sha256")) throw refuse(401, "Missing X-Shopify-Hmac-Sha256");
  for (const [name, limit] of Object.entries(WEBHOOK_HEADER_LIMITS)) {
    const value = headers.get(name);
    if (value !== null && value.length > limit) throw refuse(400, `${name} is longer than ${limit} characters`);
  }
  if (!isShopDomain(headers.get("x-shopify-shop-domain"))) {
    throw refuse(400, "X-Shopify-Shop-Domain must be a <shop>.myshopify.com domain");
  }

  const text = await readCappedText(request, WEBHOOK_BODY_LIMIT_BYTES);

  // The library reads the body itself: give it an equivalent request carrying the bytes we already read.
  const forwarded = new Headers(headers);
  forwarded.delete("content-length");
  let context: WebhookContext;
  try {
    context = await authenticate.webhook(new Request(request.url, { method: "POST", headers: forwarded, body: text }));
  } catch (error) {
    // A correctly signed body that is not JSON: the library's JSON.parse throws after the HMAC check.
    if (error instanceof SyntaxError) throw refuse(400, "Body is not valid JSON");
    // Belt and braces: the shop was checked above, but never let the library's shop check become a 500.
    if (error instanceof InvalidShopError) throw refuse(400, "Invalid shop domain");
    throw error;
  }
  let payload: unknown;
  try {
    payload = parseJsonLosslessly(text);
  } catch {
    throw refuse(400, "Body is not valid JSON");
  }
  return { context, payload };
}

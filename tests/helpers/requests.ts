// Requests signed the way Shopify signs them: embedded admin documents and fetches (session-token JWTs),
// webhooks (HMAC over the body) and app-proxy calls (HMAC over the sorted query). Built on
// @shopify/shopify-api/test-helpers; secrets default to the library's testConfig() values.
import { createHmac, randomUUID } from "node:crypto";
import {
  API_KEY,
  API_SECRET_KEY,
  APP_URL,
  RequestType,
  TEST_SHOP,
  getHmac,
  getJwt,
  setUpValidRequest,
} from "@shopify/shopify-api/test-helpers";
import { ADMIN_API_VERSION as API_VERSION } from "../../app/shopify/api-version";

export { API_KEY, API_SECRET_KEY, APP_URL, TEST_SHOP };

/** The test-helpers take a store *name* and append ".myshopify.com" themselves. */
function storeName(shop: string): string {
  return shop.replace(/\.myshopify\.com$/, "");
}

export function appUrl(path: string): string {
  return new URL(path, APP_URL).href;
}

/** A document load inside the Shopify admin iframe: `embedded=1&shop&host&id_token` in the URL. */
export async function embeddedDocumentRequest(path: string, { shop = TEST_SHOP, init = {} as RequestInit } = {}) {
  return setUpValidRequest({ type: RequestType.Admin, store: storeName(shop), apiKey: API_KEY, apiSecretKey: API_SECRET_KEY }, new Request(appUrl(path), init));
}

/** A fetch from the embedded app (Remix data request, form post): `Authorization: Bearer <session token>`. */
export async function embeddedFetchRequest(path: string, { shop = TEST_SHOP, init = {} as RequestInit } = {}) {
  return setUpValidRequest({ type: RequestType.Bearer, store: storeName(shop), apiKey: API_KEY, apiSecretKey: API_SECRET_KEY }, new Request(appUrl(path), init));
}

/** A session token signed with the wrong secret, or expired: the library must refuse both. */
export async function forgedSessionToken({ shop = TEST_SHOP, secret = "not-the-secret", expired = false } = {}) {
  const now = Date.now() / 1000;
  const overrides = expired ? { exp: now - 60, nbf: now - 7200, iat: now - 7200 } : {};
  return (await getJwt(storeName(shop), API_KEY, secret, overrides)).token;
}

export interface WebhookOptions {
  topic: string;
  payload: unknown;
  shop?: string;
  eventId?: string;
  webhookId?: string;
  secret?: string;
  /** Send this exact body instead of JSON.stringify(payload) (for malformed-body tests). */
  rawBody?: string;
}

/** A webhook delivery as Shopify sends it: JSON body, HMAC-SHA256 (base64) of the raw body. */
export function webhookRequest(path: string, options: WebhookOptions): Request {
  const body = options.rawBody ?? JSON.stringify(options.payload);
  return new Request(appUrl(path), {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": options.topic,
      "X-Shopify-Shop-Domain": options.shop ?? TEST_SHOP,
      "X-Shopify-API-Version": API_VERSION,
      "X-Shopify-Webhook-Id": options.webhookId ?? randomUUID(),
      "X-Shopify-Event-Id": options.eventId ?? randomUUID(),
      "X-Shopify-Triggered-At": new Date().toISOString(),
      "X-Shopify-Hmac-Sha256": getHmac(body, options.secret ?? API_SECRET_KEY),
    },
  });
}

export interface AppProxyOptions {
  shop?: string;
  params?: Record<string, string>;
  /** Extra parameters in order, a key may repeat (`[["extra","1"],["extra","2"]]`): signed the way Shopify
   * signs repeated keys, their values joined with commas. */
  pairs?: [string, string][];
  /** Leave these default parameters out of the query (and the signature). */
  omit?: ("shop" | "timestamp" | "path_prefix")[];
  /** Seconds since the epoch; Shopify's signature is refused when older than 90 s. */
  timestamp?: number;
  secret?: string;
  init?: RequestInit;
}

/** Shopify's app-proxy message: sorted keys, repeated keys' values joined with commas, `key=value` concatenated. */
export function appProxyMessage(pairs: [string, string][]): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of pairs) grouped.set(key, [...(grouped.get(key) ?? []), value]);
  return [...grouped.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => `${key}=${(grouped.get(key) ?? []).join(",")}`)
    .join("");
}

/** A storefront call forwarded by Shopify's app proxy: `signature` = hex HMAC of the sorted query. */
export function appProxyRequest(path: string, options: AppProxyOptions = {}): Request {
  const url = new URL(appUrl(path));
  const defaults: Record<string, string> = {
    shop: options.shop ?? TEST_SHOP,
    path_prefix: "/apps/backorder",
    timestamp: String(options.timestamp ?? Math.trunc(Date.now() / 1000)),
  };
  for (const key of options.omit ?? []) delete defaults[key];
  const params: Record<string, string> = { ...defaults, ...options.params };
  const pairs: [string, string][] = [...Object.entries(params), ...(options.pairs ?? [])];
  for (const [key, value] of pairs) url.searchParams.append(key, value);
  url.searchParams.set("signature", createHmac("sha256", options.secret ?? API_SECRET_KEY).update(appProxyMessage(pairs)).digest("hex"));
  return new Request(url.href, options.init);
}

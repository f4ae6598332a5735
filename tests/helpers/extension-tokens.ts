// Session tokens of customer-facing UI extensions, signed the way Shopify signs them (HS256 with the app's
// secret): customer-account extensions (`sub` = the logged-in customer's gid, `dest` = the shop's myshopify
// domain) and checkout / thank-you page extensions (`sub` only when the buyer is logged in). The library
// validates them with `authenticate.public.customerAccount` / `authenticate.public.checkout`.
import { randomUUID } from "node:crypto";
import { getJwt } from "@shopify/shopify-api/test-helpers";
import { API_KEY, API_SECRET_KEY, APP_URL, TEST_SHOP } from "./requests";

/** Where extensions run: Shopify's extension sandbox, never the app's own origin (so CORS applies). */
export const EXTENSION_ORIGIN = "https://extensions.shopifycdn.com";

export interface ExtensionTokenOptions {
  shop?: string;
  /** Customer gid; omitted for a guest at checkout. */
  customerId?: string | null;
  secret?: string;
  audience?: string;
  expired?: boolean;
}

export async function extensionToken({ shop = TEST_SHOP, customerId = null, secret = API_SECRET_KEY, audience = API_KEY, expired = false }: ExtensionTokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const times = expired ? { exp: now - 120, nbf: now - 3720, iat: now - 3720 } : { exp: now + 300, nbf: now - 5, iat: now - 5 };
  // getJwt signs an admin-shaped payload; these claims replace it (an undefined `sub` is left out of the JSON).
  const claims = { iss: `https://${shop}`, dest: shop, aud: audience, sub: customerId ?? undefined, jti: randomUUID(), sid: randomUUID(), ...times };
  return (await getJwt(shop.replace(/\.myshopify\.com$/, ""), API_KEY, secret, claims)).token;
}

/** A fetch from an extension: `Authorization: Bearer <token>` from the extension sandbox's origin. */
export function extensionRequest(path: string, token: string | null, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  headers.set("Origin", EXTENSION_ORIGIN);
  if (token) headers.set("Authorization", `Bearer ${token}`);
  return new Request(new URL(path, APP_URL).href, { ...init, headers });
}

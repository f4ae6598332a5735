// App-proxy authentication with clear answers for the storefront: 401 (with a message) for a missing, wrong,
// duplicated or stale signature or a missing timestamp; 400 for a signed request whose `shop` is not a shop
// domain, or an oversize query. Production goes through `authenticate.public.appProxy` (session, Admin
// client, `liquid` helper), but only after our own exact verification, because the library's check
// (@shopify/shopify-api 13, utils/hmac-validator) gets Shopify's scheme wrong in three ways:
//   - it reads the query with Object.fromEntries, keeping only the LAST value of a repeated key, so a request
//     Shopify signed over `extra=1,2` (its documented example) is refused;
//   - for the same reason, a second `signature` parameter silently replaces the first (one of the two may be
//     anything);
//   - a missing `timestamp` passes its freshness check (|now − NaN| > 90 is false).
// It also sorts keys with localeCompare (not Shopify's byte order) and leaves `hmac` and an empty `index`
// out of the message. So, once verifyAppProxyQuery has accepted the request exactly and strictly, the library
// is handed the same verified parameters, one value per key (Shopify's comma-joined form), signed in the
// library's own message format with the same secret. Whenever the two formats agree (Shopify's usual
// parameters) that signature is Shopify's own, byte for byte. Nothing reaches the library that we refused.
import { json } from "@remix-run/node";
import { InvalidShopError } from "@shopify/shopify-api";
import { env } from "~/env.server";
import { authenticate } from "~/shopify.server";
import { isShopDomain } from "~/webhooks/shop-domain.server";
import { appProxyMessage, signAppProxyMessage, verifyAppProxyQuery } from "./signature.server";

/** Longest query string accepted (characters); Shopify's own parameters take well under 300. */
export const PROXY_QUERY_LIMIT = 4096;

const NOT_SIGNED = "This request was not signed by Shopify's app proxy, or its signature has expired.";

function refuse(status: number, error: string): Response {
  return json({ error }, { status, headers: { "Cache-Control": "no-store" } });
}

/** The request the library verifies: our verified parameters in its own signed format (see above). */
function requestForLibrary(request: Request, params: ReadonlyMap<string, string>): Request {
  const forwarded = new Map(params);
  if (!forwarded.get("index")) forwarded.delete("index"); // the library drops an empty `index` from its message
  const signed = new Map(forwarded);
  signed.delete("hmac"); // …and `hmac`
  const url = new URL(request.url);
  url.search = "";
  for (const [key, value] of forwarded) url.searchParams.append(key, value);
  url.searchParams.append("signature", signAppProxyMessage(appProxyMessage(signed, (a, b) => a.localeCompare(b)), env.SHOPIFY_API_SECRET));
  return new Request(url.href, { method: "GET" });
}

export async function authenticateAppProxy(request: Request) {
  const url = new URL(request.url);
  if (url.search.length > PROXY_QUERY_LIMIT) throw refuse(400, `The query string is longer than ${PROXY_QUERY_LIMIT} characters.`);
  const verified = verifyAppProxyQuery(url.searchParams, env.SHOPIFY_API_SECRET, Math.trunc(Date.now() / 1000));
  if (!verified.ok) throw refuse(401, NOT_SIGNED);
  if (!isShopDomain(verified.params.get("shop"))) throw refuse(400, "The shop parameter must be a <shop>.myshopify.com domain.");
  try {
    return await authenticate.public.appProxy(requestForLibrary(request, verified.params));
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 400) throw refuse(401, NOT_SIGNED);
    if (thrown instanceof InvalidShopError) throw refuse(400, "Invalid shop domain.");
    throw thrown;
  }
}

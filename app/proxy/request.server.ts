// What an app-proxy request tells us once its signature is verified: the shop (only ever from the signed
// query), the logged-in customer, the shopper's IP, and whether the caller wants JSON or a page.
import { createHash } from "node:crypto";
import { readCappedBody } from "~/webhooks/body.server";
import { parseJsonLosslessly } from "~/webhooks/json";

/**
 * Largest app-proxy POST body accepted. A notify-me signup is an email, a variant id, a locale and a return
 * path: well under 1 KiB. 16 KiB leaves room and is refused (413) before being buffered beyond that.
 */
export const PROXY_BODY_LIMIT_BYTES = 16 * 1024;

const VARIANT_GID = /^gid:\/\/shopify\/ProductVariant\/(\d{1,20})$/;
const NUMERIC_ID = /^\d{1,20}$/;

/** The shop of a request whose signature authenticateAppProxy already verified. */
export function proxyShop(request: Request): string {
  const shop = new URL(request.url).searchParams.get("shop");
  if (!shop) throw new Response("Not Found", { status: 404 });
  return shop;
}

/** Shopify's numeric customer id when a customer is logged in on the storefront, else null. */
export function loggedInCustomerId(request: Request): string | null {
  const id = new URL(request.url).searchParams.get("logged_in_customer_id");
  return id && NUMERIC_ID.test(id) ? id : null;
}

/** A variant id as a gid, from a gid or the numeric id Liquid prints; null when it is neither. */
export function toVariantGid(raw: unknown): string | null {
  const value = typeof raw === "number" && Number.isSafeInteger(raw) ? String(raw) : typeof raw === "string" ? raw.trim() : "";
  if (NUMERIC_ID.test(value)) return `gid://shopify/ProductVariant/${value}`;
  return VARIANT_GID.test(value) ? value : null;
}

/** The shopper's address as Shopify's proxy forwards it (first X-Forwarded-For entry). */
export function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip")?.trim() || "unknown";
}

/** A stable, non-reversible key for rate limits, so no address or email is stored in RateLimitWindow. */
export function hashKey(kind: string, value: string): string {
  return `${kind}:${createHash("sha256").update(value).digest("base64url").slice(0, 32)}`;
}

/** fetch() from the block asks for JSON; a plain form post (no JavaScript) gets a Liquid page. */
export function wantsJson(request: Request): boolean {
  const accept = request.headers.get("accept") ?? "";
  const type = request.headers.get("content-type") ?? "";
  return accept.includes("application/json") || type.includes("application/json");
}

/**
 * The posted fields, from a JSON body or a form; null when the body cannot be parsed. Throws a 413 Response
 * when the body is over PROXY_BODY_LIMIT_BYTES (checked before buffering). JSON is parsed losslessly, so a
 * 64-bit variant id posted as a number reaches toVariantGid as its exact digits.
 */
export async function readBody(request: Request): Promise<Record<string, unknown> | null> {
  const type = request.headers.get("content-type") ?? "";
  const bytes = await readCappedBody(request, PROXY_BODY_LIMIT_BYTES);
  try {
    if (type.includes("application/json")) {
      const body = parseJsonLosslessly(new TextDecoder().decode(bytes));
      return body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
    }
    if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
      const form = await new Response(bytes, { headers: { "Content-Type": type } }).formData();
      const values: Record<string, unknown> = {};
      for (const [key, value] of form.entries()) if (typeof value === "string") values[key] = value;
      return values;
    }
  } catch {
    return null;
  }
  return null;
}

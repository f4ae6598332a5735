// Shopify's app-proxy signature, verified exactly as Shopify computes it (shopify.dev, "Authenticate app
// proxies"): take every query parameter except `signature`, join a repeated key's values with commas
// (`extra=1&extra=2` → `extra=1,2`), sort by key, concatenate `key=value` with no separator, and compare the
// hex HMAC-SHA256 of that string under the app's API secret. Stricter than the signature alone: exactly one
// `signature`, and exactly one fresh `timestamp` (within 90 s, the library's tolerance).
import { createHmac, timingSafeEqual } from "node:crypto";

export const PROXY_TIMESTAMP_TOLERANCE_SECONDS = 90;

export type ProxyVerification =
  | { ok: true; params: Map<string, string>; signature: string }
  | { ok: false; reason: string };

/** Code-unit order, like the byte order Shopify's own (Ruby) example sorts in. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The signed message: sorted `key=value` pairs (values of a repeated key joined with commas), no separator. */
export function appProxyMessage(params: ReadonlyMap<string, string>, compare: (a: string, b: string) => number = byCodeUnit): string {
  return [...params.keys()]
    .sort(compare)
    .map((key) => `${key}=${params.get(key) ?? ""}`)
    .join("");
}

export function signAppProxyMessage(message: string, secret: string): string {
  return createHmac("sha256", secret).update(message).digest("hex");
}

/** Verifies a query string signed by Shopify's app proxy. `nowSeconds`: the current Unix time. */
export function verifyAppProxyQuery(search: URLSearchParams, secret: string, nowSeconds: number): ProxyVerification {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of search) grouped.set(key, [...(grouped.get(key) ?? []), value]);

  const signatures = grouped.get("signature") ?? [];
  if (signatures.length !== 1) return { ok: false, reason: signatures.length ? "more than one signature" : "no signature" };
  const signature = signatures[0] ?? "";
  if (!/^[0-9a-f]{64}$/i.test(signature)) return { ok: false, reason: "malformed signature" };
  grouped.delete("signature");

  const timestamps = grouped.get("timestamp") ?? [];
  const timestamp = timestamps.length === 1 && /^\d{1,12}$/.test(timestamps[0] ?? "") ? Number(timestamps[0]) : null;
  if (timestamp === null) return { ok: false, reason: "missing or malformed timestamp" };

  const params = new Map([...grouped].map(([key, values]) => [key, values.join(",")]));
  const expected = Buffer.from(signAppProxyMessage(appProxyMessage(params), secret), "hex");
  const given = Buffer.from(signature, "hex");
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "signature mismatch" };
  // Checked after the signature so a forged request learns nothing about our clock.
  if (Math.abs(nowSeconds - timestamp) > PROXY_TIMESTAMP_TOLERANCE_SECONDS) return { ok: false, reason: "stale timestamp" };
  return { ok: true, params, signature };
}

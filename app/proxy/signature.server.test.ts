// Shopify's app-proxy signature scheme, checked against Shopify's own documented example.
import { describe, expect, it } from "vitest";
import { verifyAppProxyQuery } from "./signature.server";

// shopify.dev, "Authenticate app proxies": secret "hush", a repeated key, and its signature.
const DOCUMENTED =
  "extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id=1&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555&signature=4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb";
const NOW = 1317327555;

describe("verifyAppProxyQuery", () => {
  it("accepts Shopify's documented example, repeated key included", () => {
    // GIVEN Shopify's documented forwarded query and secret
    // WHEN it is verified at its own timestamp
    const result = verifyAppProxyQuery(new URLSearchParams(DOCUMENTED), "hush", NOW);
    // THEN it is accepted, with the repeated key's values joined as Shopify signed them
    expect(result.ok).toBe(true);
    expect(result.ok && result.params.get("extra")).toBe("1,2");
  });

  it("refuses the documented example with another secret, an altered value, or its values in one parameter order less", () => {
    // GIVEN variants of the documented query
    const tampered = [
      verifyAppProxyQuery(new URLSearchParams(DOCUMENTED), "not-hush", NOW),
      verifyAppProxyQuery(new URLSearchParams(DOCUMENTED.replace("extra=2", "extra=3")), "hush", NOW),
      verifyAppProxyQuery(new URLSearchParams(DOCUMENTED.replace("extra=1&extra=2", "extra=2&extra=1")), "hush", NOW),
    ];
    // THEN each is refused
    expect(tampered.map((r) => r.ok)).toEqual([false, false, false]);
  });

  it("refuses a second signature parameter even when one of them is right", () => {
    // GIVEN the documented query with a second signature appended (and one prepended)
    const appended = `${DOCUMENTED}&signature=${"0".repeat(64)}`;
    const prepended = `signature=${"0".repeat(64)}&${DOCUMENTED}`;
    // WHEN verified
    // THEN both are refused
    expect(verifyAppProxyQuery(new URLSearchParams(appended), "hush", NOW)).toEqual({ ok: false, reason: "more than one signature" });
    expect(verifyAppProxyQuery(new URLSearchParams(prepended), "hush", NOW).ok).toBe(false);
  });

  it("refuses a stale timestamp and a missing one", () => {
    // GIVEN the documented query 91 s later, and a query signed without any timestamp
    const stale = verifyAppProxyQuery(new URLSearchParams(DOCUMENTED), "hush", NOW + 91);
    const withoutTimestamp = verifyAppProxyQuery(new URLSearchParams("shop=shop-name.myshopify.com&signature=" + "a".repeat(64)), "hush", NOW);
    // THEN both are refused
    expect([stale.ok, withoutTimestamp.ok]).toEqual([false, false]);
    expect(withoutTimestamp).toEqual({ ok: false, reason: "missing or malformed timestamp" });
  });
});

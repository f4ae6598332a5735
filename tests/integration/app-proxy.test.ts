// Storefront calls through Shopify's app proxy are accepted only with a fresh, valid signature.
import { describe, expect, it } from "vitest";
import { loader as proxyIndex } from "~/routes/proxy._index";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, appProxyRequest, appUrl } from "../helpers/requests";

describe("app proxy", () => {
  it("answers a correctly signed request with the shop and login state", async () => {
    // GIVEN a request signed by the app proxy for a logged-in customer
    const request = appProxyRequest("/proxy", { params: { logged_in_customer_id: "42" } });

    // WHEN the storefront calls the proxy
    const response = await callRoute(proxyIndex, request);

    // THEN it answers with the shop, uncached
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ shop: TEST_SHOP, customerLoggedIn: true });
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });

  it("refuses an unsigned request with 401 and a message", async () => {
    // GIVEN a request with no signature at all
    const request = new Request(appUrl(`/proxy?shop=${TEST_SHOP}&timestamp=${Math.trunc(Date.now() / 1000)}`));

    // WHEN the storefront calls the proxy
    const response = await callRoute(proxyIndex, request);

    // THEN it is refused
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatch(/signed/);
  });

  it("refuses a request signed with another secret", async () => {
    // GIVEN a forged signature
    const request = appProxyRequest("/proxy", { secret: "forged" });

    // WHEN the storefront calls the proxy
    const response = await callRoute(proxyIndex, request);

    // THEN it is refused
    expect(response.status).toBe(401);
  });

  it("refuses a stale request even when its signature is valid", async () => {
    // GIVEN a request correctly signed ten minutes ago (replayed)
    const request = appProxyRequest("/proxy", { timestamp: Math.trunc(Date.now() / 1000) - 600 });

    // WHEN it is replayed now
    const response = await callRoute(proxyIndex, request);

    // THEN it is refused
    expect(response.status).toBe(401);
  });

  it("refuses a request whose query was altered after signing", async () => {
    // GIVEN a signed request for one shop, edited to name another
    const signed = new URL(appProxyRequest("/proxy").url);
    signed.searchParams.set("shop", "victim.myshopify.com");

    // WHEN it reaches the proxy
    const response = await callRoute(proxyIndex, new Request(signed.href));

    // THEN it is refused
    expect(response.status).toBe(401);
  });
});

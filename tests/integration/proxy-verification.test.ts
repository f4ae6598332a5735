// App-proxy requests are verified exactly as Shopify signs them, and bad input gets a clear 4xx, never a 500.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { loader as proxyIndex } from "~/routes/proxy._index";
import { action as notify } from "~/routes/proxy.notify";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, appProxyRequest } from "../helpers/requests";

beforeEach(async () => {
  await prisma.notifySubscription.deleteMany({});
  await prisma.rateLimitWindow.deleteMany({});
});

describe("app proxy signature", () => {
  it("accepts a correctly signed query that repeats a key (extra=1&extra=2, Shopify's documented example)", async () => {
    // GIVEN a request Shopify signed over extra=1,2
    const request = appProxyRequest("/proxy", { pairs: [["extra", "1"], ["extra", "2"]] });
    // WHEN it reaches the proxy
    const response = await callRoute(proxyIndex, request);
    // THEN it is served
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ shop: TEST_SHOP, customerLoggedIn: false });
  });

  it("accepts keys that the library's locale sort orders differently from Shopify's byte order", async () => {
    // GIVEN a signed query with keys "Zeta" and "alpha" (byte order: Zeta first; locale order: alpha first)
    const request = appProxyRequest("/proxy", { pairs: [["alpha", "1"], ["Zeta", "2"]] });
    // WHEN it reaches the proxy
    const response = await callRoute(proxyIndex, request);
    // THEN it is served
    expect(response.status).toBe(200);
  });

  it("refuses a request carrying two signature parameters", async () => {
    // GIVEN a correctly signed request with a second, arbitrary signature placed first
    const signed = new URL(appProxyRequest("/proxy").url);
    const query = `signature=${"0".repeat(64)}&${signed.searchParams.toString()}`;
    // WHEN it reaches the proxy
    const response = await callRoute(proxyIndex, new Request(`${signed.origin}${signed.pathname}?${query}`));
    // THEN it is refused
    expect(response.status).toBe(401);
  });

  it("refuses a correctly signed request without a timestamp", async () => {
    // GIVEN a request whose signature is right but which has no timestamp (so no freshness)
    const request = appProxyRequest("/proxy", { omit: ["timestamp"] });
    // WHEN it reaches the proxy
    const response = await callRoute(proxyIndex, request);
    // THEN it is refused
    expect(response.status).toBe(401);
  });
});

describe("app proxy bad input", () => {
  it("answers 400, not 500, to a correctly signed request whose shop is not a myshopify.com domain, or has none", async () => {
    // GIVEN two validly signed requests: one for evil.example.com, one with no shop
    const foreign = appProxyRequest("/proxy", { shop: "evil.example.com" });
    const shopless = appProxyRequest("/proxy", { omit: ["shop"] });
    // WHEN they reach the proxy
    const statuses = [(await callRoute(proxyIndex, foreign)).status, (await callRoute(proxyIndex, shopless)).status];
    // THEN both are refused as bad requests
    expect(statuses).toEqual([400, 400]);
  });

  it("answers 400 to an oversize query string", async () => {
    // GIVEN a validly signed request with a 5,000-character parameter
    const request = appProxyRequest("/proxy", { params: { pad: "x".repeat(5_000) } });
    // WHEN it reaches the proxy
    const response = await callRoute(proxyIndex, request);
    // THEN it is refused
    expect(response.status).toBe(400);
  });

  it("answers 413 to a notify-me post over 16 KiB, without reading it whole, and writes nothing", async () => {
    // GIVEN a signed notify post whose body streams 64 KiB chunks up to 2 MiB
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 2 * 1024 * 1024) return controller.close();
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(97));
      },
    });
    const request = appProxyRequest("/proxy/notify", {
      init: { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" }, duplex: "half" } as RequestInit,
    });
    // WHEN it reaches the notify action
    const response = await callRoute(notify, request);
    // THEN it is refused early and nothing was stored
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(256 * 1024);
    expect(await prisma.notifySubscription.count()).toBe(0);
  });
});

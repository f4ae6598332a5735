// Bad webhook input gets a clear 4xx (never a 500), is refused cheaply (no body buffered past the cap), and
// writes nothing: no WebhookEvent, no Job, no erase.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action as ordersCreate } from "~/routes/webhooks.orders.create";
import { action as inventoryLevelsUpdate } from "~/routes/webhooks.inventory_levels.update";
import { action as shopRedact } from "~/routes/webhooks.shop.redact";
import { WEBHOOK_BODY_LIMIT_BYTES } from "~/webhooks/verify.server";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, webhookRequest } from "../helpers/requests";
import { backorderableVariant, ledgerShop, type LedgerShop } from "./ledger-support";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
});

async function written() {
  return { events: await prisma.webhookEvent.count(), jobs: await prisma.job.count() };
}

const inventory = { inventory_item_id: 1, location_id: 2, available: 3, updated_at: "2026-11-27T10:00:00Z" };

describe("webhook headers", () => {
  it("answers 401 to a delivery with no HMAC header", async () => {
    // GIVEN a delivery without X-Shopify-Hmac-Sha256
    const request = webhookRequest("/webhooks/orders/create", { topic: "orders/create", payload: inventory });
    request.headers.delete("X-Shopify-Hmac-Sha256");
    // WHEN it reaches the route
    const response = await callRoute(ordersCreate, request);
    // THEN it is unauthorized and nothing is written
    expect(response.status).toBe(401);
    expect(await written()).toEqual({ events: 0, jobs: 0 });
  });

  it("answers 400, not 500, to a validly signed delivery whose shop is not a myshopify.com domain, or is missing", async () => {
    // GIVEN two correctly signed deliveries: shop evil.example.com, and no shop header
    const foreign = webhookRequest("/webhooks/orders/create", { topic: "orders/create", payload: inventory, shop: "evil.example.com" });
    const shopless = webhookRequest("/webhooks/orders/create", { topic: "orders/create", payload: inventory });
    shopless.headers.delete("X-Shopify-Shop-Domain");
    // WHEN they reach the route
    const statuses = [(await callRoute(ordersCreate, foreign)).status, (await callRoute(ordersCreate, shopless)).status];
    // THEN both are bad requests and nothing is written
    expect(statuses).toEqual([400, 400]);
    expect(await written()).toEqual({ events: 0, jobs: 0 });
  });

  it("answers 400 to oversize shop, event id and webhook id headers", async () => {
    // GIVEN three correctly signed inventory deliveries to their own route, each with one header far over its cap
    const oversize: [string, string][] = [
      ["X-Shopify-Shop-Domain", `${"a".repeat(300)}.myshopify.com`],
      ["X-Shopify-Event-Id", "e".repeat(10_000)],
      ["X-Shopify-Webhook-Id", "w".repeat(10_000)],
    ];
    const statuses: number[] = [];
    for (const [name, value] of oversize) {
      const request = webhookRequest("/webhooks/inventory_levels/update", { topic: "inventory_levels/update", payload: inventory });
      request.headers.set(name, value);
      // WHEN each reaches the route
      statuses.push((await callRoute(inventoryLevelsUpdate, request)).status);
    }
    // THEN each is refused and nothing is written
    expect(statuses).toEqual([400, 400, 400]);
    expect(await written()).toEqual({ events: 0, jobs: 0 });
  });
});

describe("webhook bodies", () => {
  it("answers 413 to a declared Content-Length over the cap without reading the body", async () => {
    // GIVEN a delivery declaring 200 MB whose body stream counts what is read from it
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const signed = webhookRequest("/webhooks/orders/create", { topic: "orders/create", payload: inventory });
    const headers = new Headers(signed.headers);
    headers.set("Content-Length", String(200 * 1024 * 1024));
    const request = new Request(signed.url, { method: "POST", headers, body, duplex: "half" } as RequestInit);
    // WHEN it reaches the route
    const response = await callRoute(ordersCreate, request);
    // THEN it is refused before any of the body is buffered (the stream may prefetch one chunk)
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1);
    expect(await written()).toEqual({ events: 0, jobs: 0 });
  });

  it("answers 413 to a chunked body of unknown length as soon as it passes the cap", async () => {
    // GIVEN an unsigned-size stream of 1 MiB chunks that would reach 200 MiB
    const chunk = 1024 * 1024;
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 200 * chunk) return controller.close();
        pulled += chunk;
        controller.enqueue(new Uint8Array(chunk).fill(32));
      },
    });
    const signed = webhookRequest("/webhooks/orders/create", { topic: "orders/create", payload: inventory });
    const request = new Request(signed.url, { method: "POST", headers: signed.headers, body, duplex: "half" } as RequestInit);
    // WHEN it reaches the route
    const response = await callRoute(ordersCreate, request);
    // THEN reading stopped just past the cap
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(WEBHOOK_BODY_LIMIT_BYTES + 2 * chunk);
    expect(await written()).toEqual({ events: 0, jobs: 0 });
  });

  it("shop/redact answers 400 to a correctly signed body that is not JSON, and erases nothing", async () => {
    // GIVEN data held for the shop and a signed shop/redact whose body is not JSON
    await backorderableVariant(env, { title: "Kept", available: 0 });
    const request = webhookRequest("/webhooks/shop/redact", { topic: "shop/redact", payload: null, rawBody: "{not json" });
    // WHEN it reaches the route
    const response = await callRoute(shopRedact, request);
    // THEN it is a bad request and the shop's data is intact
    expect(response.status).toBe(400);
    expect(await prisma.backorderVariant.count({ where: { shop: TEST_SHOP } })).toBe(1);
  });

  it("shop/redact answers 400, not 500, to a signed delivery for a shop that is not a myshopify.com domain", async () => {
    // GIVEN a signed shop/redact naming evil.example.com
    const request = webhookRequest("/webhooks/shop/redact", { topic: "shop/redact", payload: { shop_domain: "evil.example.com" }, shop: "evil.example.com" });
    // WHEN it reaches the route
    const response = await callRoute(shopRedact, request);
    // THEN it is refused
    expect(response.status).toBe(400);
  });
});

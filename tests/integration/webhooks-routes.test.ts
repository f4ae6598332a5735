// The webhook routes: HMAC first, then topic and payload checks, then event + job in one transaction,
// answered 200 without calling Shopify or sending anything.
import { beforeEach, describe, expect, it } from "vitest";
import { setUpValidSession } from "@shopify/shopify-api/test-helpers";
import prisma from "~/db.server";
import { sessionStorage } from "~/shopify.server";
import { action as shopRedact } from "~/routes/webhooks.shop.redact";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, webhookRequest } from "../helpers/requests";
import {
  WEBHOOK_ROUTES,
  backorderableVariant,
  deliver,
  inventoryPayload,
  ledgerShop,
  nextEventId,
  orderPayload,
  placeOrder,
  runAllJobs,
  type LedgerShop,
} from "./ledger-support";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
});

async function counts() {
  return { events: await prisma.webhookEvent.count(), jobs: await prisma.job.count(), emails: await prisma.emailOutbox.count() };
}

function samplePayloads() {
  const { product, variants } = env.fake.store.addProduct({ title: "Mug", variants: [{ sku: "MUG-1", available: 0 }] });
  const variant = variants[0] as { id: string };
  const { order } = env.fake.store.addOrder({ customer: { email: "ana@example.com" }, lineItems: [{ variantId: variant.id, quantity: 1 }] });
  return {
    "orders/create": orderPayload(env.fake.store, order),
    "orders/updated": orderPayload(env.fake.store, order),
    "orders/cancelled": orderPayload(env.fake.store, order),
    "inventory_levels/update": inventoryPayload(env.fake.store, variant.id),
    "products/update": { id: Number(product.id.split("/").pop()), title: "Mug", variants: [{ id: Number(variant.id.split("/").pop()), inventory_item_id: 1, title: "Default Title", sku: "MUG-1" }] },
    "products/delete": { id: Number(product.id.split("/").pop()) },
    "app/uninstalled": { id: 1, domain: TEST_SHOP },
    "customers/redact": { shop_id: 1, shop_domain: TEST_SHOP, customer: { id: 7, email: "ana@example.com", phone: null }, orders_to_redact: [1] },
    "customers/data_request": { shop_id: 1, shop_domain: TEST_SHOP, customer: { id: 7, email: "ana@example.com" }, orders_requested: [1], data_request: { id: 9 } },
  } as Record<string, unknown>;
}

describe("every webhook route", () => {
  it("answers 200 having stored one event and one job, with no Admin API call and no email", async () => {
    // GIVEN a valid, signed delivery of each topic
    const payloads = samplePayloads();
    for (const topic of Object.keys(WEBHOOK_ROUTES)) {
      // WHEN it reaches its route
      const response = await deliver({ topic, payload: payloads[topic], eventId: nextEventId(topic) });
      // THEN it is acknowledged
      expect(response.status, topic).toBe(200);
    }
    // THEN one event and one job per topic, nothing sent, nothing asked of Shopify
    const topics = Object.keys(WEBHOOK_ROUTES).length;
    expect(await counts()).toEqual({ events: topics, jobs: topics, emails: 0 });
    expect(env.fake.stats.requests).toBe(0);
    const kinds = (await prisma.job.findMany({ select: { kind: true } })).map((j) => j.kind).sort();
    expect(kinds).toEqual(
      ["customer.data_request", "customer.redact", "inventory.level", "order.sync", "order.sync", "order.sync", "product.delete", "product.update", "shop.uninstalled"].sort(),
    );
  });

  it("answers 401 and writes nothing when the HMAC is wrong", async () => {
    // GIVEN deliveries signed with another secret
    const payloads = samplePayloads();
    for (const topic of Object.keys(WEBHOOK_ROUTES)) {
      // WHEN each reaches its route
      const response = await deliver({ topic, payload: payloads[topic], eventId: nextEventId() }, { secret: "not-the-secret" });
      // THEN it is refused
      expect(response.status, topic).toBe(401);
    }
    expect(await counts()).toEqual({ events: 0, jobs: 0, emails: 0 });
  });

  it("answers 400 with the reason and writes nothing for a malformed payload", async () => {
    // GIVEN a correctly signed orders/create whose line items are not a list
    const response = await deliver({ topic: "orders/create", payload: { id: 1, name: "#1001", line_items: "nope" }, eventId: nextEventId() });
    // THEN it is refused with a message naming the problem
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Malformed ORDERS_CREATE payload: .*line_items/);
    expect(await counts()).toEqual({ events: 0, jobs: 0, emails: 0 });
  });

  it("answers 400 for a signed body that is not JSON, and for a topic sent to another topic's route", async () => {
    // GIVEN a signed non-JSON body, and an inventory event sent to the orders route
    const garbage = webhookRequest("/webhooks/orders/create", { topic: "orders/create", payload: null, rawBody: "{not json" });
    const misrouted = webhookRequest("/webhooks/orders/create", { topic: "inventory_levels/update", payload: { inventory_item_id: 1 } });
    // WHEN they reach the route
    const a = await callRoute(WEBHOOK_ROUTES["orders/create"]?.action as never, garbage);
    const b = await callRoute(WEBHOOK_ROUTES["orders/create"]?.action as never, misrouted);
    // THEN both are refused and nothing is stored
    expect([a.status, b.status]).toEqual([400, 400]);
    expect(await b.text()).toMatch(/ORDERS_CREATE/);
    expect(await counts()).toEqual({ events: 0, jobs: 0, emails: 0 });
  });
});

describe("deduplication", () => {
  it("stores a redelivered event (same X-Shopify-Event-Id) once", async () => {
    // GIVEN an inventory event delivered three times
    const payload = samplePayloads()["inventory_levels/update"];
    for (let i = 0; i < 3; i++) {
      // WHEN each copy arrives
      const response = await deliver({ topic: "inventory_levels/update", payload, eventId: "evt-same" });
      // THEN each is acknowledged
      expect(response.status).toBe(200);
    }
    expect(await counts()).toEqual({ events: 1, jobs: 1, emails: 0 });
  });

  it("falls back to the webhook id when Shopify sends no event id", async () => {
    // GIVEN two deliveries with the same X-Shopify-Webhook-Id and no X-Shopify-Event-Id
    const payload = samplePayloads()["inventory_levels/update"];
    const make = () => {
      const request = webhookRequest("/webhooks/inventory_levels/update", { topic: "inventory_levels/update", payload, webhookId: "wh-1" });
      request.headers.delete("X-Shopify-Event-Id");
      return request;
    };
    // WHEN both arrive
    const action = WEBHOOK_ROUTES["inventory_levels/update"]?.action as never;
    const statuses = [(await callRoute(action, make())).status, (await callRoute(action, make())).status];
    // THEN the second is recognised as the same event
    expect(statuses).toEqual([200, 200]);
    expect(await prisma.webhookEvent.findMany({ select: { eventId: true } })).toEqual([{ eventId: "wh-1" }]);
    expect(await prisma.job.count()).toBe(1);
  });
});

describe("inventory bursts", () => {
  it("coalesces a burst of events for one item into one job carrying the newest event", async () => {
    // GIVEN five stock changes of one item delivered within the same second (older ones last)
    const base = inventoryPayload(env.fake.store, samplePayloadsVariant());
    const times = [4, 1, 3, 0, 2].map((s) => new Date(Date.parse("2026-11-27T10:00:00Z") + s * 1_000).toISOString());
    const bucketStart = Math.floor(Date.now() / 1_000) * 1_000;
    if (Date.now() - bucketStart > 700) await new Promise((resolve) => setTimeout(resolve, 1_000 - (Date.now() - bucketStart) + 10));
    // WHEN they arrive
    for (const updated_at of times) await deliver({ topic: "inventory_levels/update", payload: { ...base, updated_at }, eventId: nextEventId() });
    // THEN all five are recorded but one job will read the stock, after the window, for the newest event
    expect(await prisma.webhookEvent.count()).toBe(5);
    const jobs = await prisma.job.findMany({ select: { payload: true, runAt: true } });
    expect(jobs).toHaveLength(1);
    expect((JSON.parse(jobs[0]?.payload ?? "{}") as { updatedAt: string }).updatedAt).toBe(times[0]);
    expect(jobs[0]?.runAt.getTime()).toBeGreaterThan(Date.now() - 1_000);
  });

  it("gives an event its own job when its window's job has already started", async () => {
    // GIVEN an item's window job already claimed by a worker
    const payload = inventoryPayload(env.fake.store, samplePayloadsVariant());
    await deliver({ topic: "inventory_levels/update", payload, eventId: nextEventId() });
    await prisma.job.updateMany({ data: { status: "running", leaseOwner: "w", leaseExpiresAt: new Date(Date.now() + 60_000) } });
    // WHEN another event of that item arrives in the same window
    await deliver({ topic: "inventory_levels/update", payload: { ...payload, updated_at: new Date().toISOString() }, eventId: nextEventId() });
    // THEN it is not folded into the running job: it gets a queued job of its own
    expect(await prisma.job.count({ where: { status: "queued", kind: "inventory.level" } })).toBe(1);
  });
});

function samplePayloadsVariant(): string {
  const { variants } = env.fake.store.addProduct({ title: "Burst", variants: [{ sku: `B-${nextEventId()}`, available: 0 }] });
  return (variants[0] as { id: string }).id;
}

describe("products and app lifecycle", () => {
  it("products/update teaches the app a variant's inventory item; products/delete removes the product's variants", async () => {
    // GIVEN a managed variant the app knows without its inventory item
    const { productId, variantId } = await backorderableVariant(env, { title: "Vase", available: 0 });
    const item = env.fake.store.getVariant(variantId).inventoryItemId;
    const num = (gid: string) => Number(gid.split("/").pop());
    // WHEN Shopify sends products/update, then products/delete
    await deliver({
      topic: "products/update",
      payload: { id: num(productId), title: "Bud Vase", variants: [{ id: num(variantId), inventory_item_id: num(item), title: "Large", sku: "BV-L" }] },
      eventId: nextEventId(),
    });
    await runAllJobs(env.worker, env.clock);
    const updated = await prisma.backorderVariant.findFirst({ where: { variantId }, select: { inventoryItemId: true, productTitle: true, variantTitle: true } });
    await deliver({ topic: "products/delete", payload: { id: num(productId) }, eventId: nextEventId() });
    await runAllJobs(env.worker, env.clock);
    // THEN the mapping and titles were stored, then the rows removed
    expect(updated).toEqual({ inventoryItemId: item, productTitle: "Bud Vase", variantTitle: "Large" });
    expect(await prisma.backorderVariant.count({ where: { productId } })).toBe(0);
  });

  it("app/uninstalled drops the sessions at once and parks the shop's pending jobs", async () => {
    // GIVEN a job of the shop waiting for its retry
    await deliver({ topic: "inventory_levels/update", payload: samplePayloads()["inventory_levels/update"], eventId: nextEventId() });
    await prisma.job.updateMany({ data: { runAt: new Date(env.clock.now() + 3_600_000) } });
    // WHEN the merchant uninstalls
    await deliver({ topic: "app/uninstalled", payload: { id: 1 }, eventId: nextEventId() });
    const sessionsRightAway = await prisma.session.count({ where: { shop: TEST_SHOP } });
    await env.worker.drain();
    // THEN the sessions went with the event and the pending job is dead-lettered with the reason
    expect(sessionsRightAway).toBe(0);
    expect(await prisma.job.findFirst({ where: { kind: "inventory.level" }, select: { status: true, lastError: true } })).toEqual({
      status: "dead",
      lastError: "The shop uninstalled the app",
    });
  });
});

describe("compliance", () => {
  async function customerWithHistory() {
    const { variantId } = await backorderableVariant(env, { title: "Teapot", available: 0 });
    const placed = placeOrder(env.fake, { variantId, email: "ana@example.com" });
    await deliver(placed.delivery);
    await runAllJobs(env.worker, env.clock);
    await prisma.notifySubscription.create({ data: { shop: TEST_SHOP, variantId, email: "ana@example.com", unsubscribeToken: "tok-1" } });
    return { ...placed, variantId };
  }

  it("customers/data_request stores the customer's lines, signups and emails for the merchant to download", async () => {
    // GIVEN a customer with an owed line, a signup and a confirmation email
    const { order } = await customerWithHistory();
    // WHEN Shopify asks for their data
    await deliver({
      topic: "customers/data_request",
      payload: { shop_domain: TEST_SHOP, customer: { id: 7, email: "ana@example.com" }, orders_requested: [Number(order.id.split("/").pop())], data_request: { id: 9 } },
      eventId: nextEventId(),
    });
    await runAllJobs(env.worker, env.clock);
    // THEN the export is stored as the shop's data request
    const job = await prisma.job.findFirstOrThrow({ where: { kind: "customer.data_request" }, select: { status: true } });
    const row = await prisma.dataRequest.findFirstOrThrow({ where: { shop: TEST_SHOP, requestId: "9" }, select: { export: true } });
    const result = JSON.parse(row.export) as { backorderedLines: unknown[]; notifyMeSignups: unknown[]; emails: { kind: string }[] };
    expect(job.status).toBe("succeeded");
    expect(result.backorderedLines).toHaveLength(1);
    expect(result.notifyMeSignups).toHaveLength(1);
    expect(result.emails.map((e) => e.kind)).toEqual(["backorder_confirmation"]);
  });

  it("customers/redact anonymizes the owed line (its place in the queue stays) and deletes signups and emails", async () => {
    // GIVEN the same customer history
    const { order } = await customerWithHistory();
    // WHEN Shopify asks to redact the customer
    await deliver({
      topic: "customers/redact",
      payload: { shop_domain: TEST_SHOP, customer: { id: 7, email: "ana@example.com" }, orders_to_redact: [Number(order.id.split("/").pop())] },
      eventId: nextEventId(),
    });
    await runAllJobs(env.worker, env.clock);
    // THEN nothing ties the shop's data to them any more, and the queue is intact
    expect(await prisma.backorderLine.findMany({ select: { customerEmail: true, customerName: true, quantity: true, status: true } })).toEqual([
      { customerEmail: null, customerName: null, quantity: 1, status: "waiting" },
    ]);
    expect(await prisma.notifySubscription.count()).toBe(0);
    expect(await prisma.emailOutbox.count()).toBe(0);
  });

  it("shop/redact erases every table's rows of that shop and no other", async () => {
    // GIVEN history for the test shop and a session of another shop
    await customerWithHistory();
    await sessionStorage.storeSession(setUpValidSession({ shop: "other-shop.myshopify.com" }));
    // WHEN Shopify asks to redact the shop
    const response = await callRoute(shopRedact, webhookRequest("/webhooks/shop/redact", { topic: "shop/redact", payload: { shop_domain: TEST_SHOP } }));
    // THEN nothing of the shop is left
    expect(response.status).toBe(200);
    for (const count of [
      prisma.backorderLine.count({ where: { shop: TEST_SHOP } }),
      prisma.backorderVariant.count({ where: { shop: TEST_SHOP } }),
      prisma.job.count({ where: { shop: TEST_SHOP } }),
      prisma.emailOutbox.count({ where: { shop: TEST_SHOP } }),
      prisma.notifySubscription.count({ where: { shop: TEST_SHOP } }),
      prisma.webhookEvent.count({ where: { shop: TEST_SHOP } }),
      prisma.session.count({ where: { shop: TEST_SHOP } }),
    ]) {
      expect(await count).toBe(0);
    }
    expect(await prisma.session.count({ where: { shop: "other-shop.myshopify.com" } })).toBe(1);
  });
});

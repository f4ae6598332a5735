// Shopify's published sample payloads (tests/fixtures/webhooks/, sources in its README) sent byte for byte
// through each topic's route and job. Their ids are above 2^53: each test asserts the exact id reaches the
// job payload or the ledger, which JSON.parse (820982911946154508 → 820982911946154500) could not do.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action as shopRedact } from "~/routes/webhooks.shop.redact";
import { action as scopesUpdate } from "~/routes/webhooks.app.scopes_update";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, webhookRequest } from "../helpers/requests";
import { WEBHOOK_ROUTES, ledgerShop, nextEventId, runAllJobs, type LedgerShop } from "./ledger-support";

const ORDER = "gid://shopify/Order/820982911946154508";
const PRODUCT = "gid://shopify/Product/788032119674292922";
const VARIANT = "gid://shopify/ProductVariant/642667041472713922";
const ITEM = "gid://shopify/InventoryItem/271878346596884015";

function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/webhooks/${name}.json`, import.meta.url)), "utf8").replaceAll("{shop}", TEST_SHOP.replace(/\.myshopify\.com$/, ""));
}

/** Delivers `body` as is (never re-serialized), signed like Shopify signs it. */
async function deliverRaw(topic: string, body: string, eventId = nextEventId(topic)) {
  const route = WEBHOOK_ROUTES[topic];
  if (!route) throw new Error(`No route for ${topic}`);
  return callRoute(route.action as never, webhookRequest(route.path, { topic, payload: null, rawBody: body, eventId }));
}

async function jobOf(kind: string) {
  const job = await prisma.job.findFirstOrThrow({ where: { kind }, select: { payload: true, status: true, lastError: true } });
  return { ...job, payload: JSON.parse(job.payload) as Record<string, unknown> };
}

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
});

async function followVariant(data: { inventoryItemId?: string } = {}) {
  await prisma.backorderVariant.create({
    data: { shop: TEST_SHOP, productId: PRODUCT, variantId: VARIANT, productTitle: "Old title", variantTitle: "", mode: "always", leadTimeDays: 30, available: 0, ...data },
  });
}

describe("Shopify's order sample", () => {
  for (const topic of ["orders/create", "orders/updated", "orders/cancelled"]) {
    it(`${topic}: is accepted as published (variant_id null lines) and its job runs to success`, async () => {
      // GIVEN the published sample, byte for byte
      const body = fixture(topic.replace("/", "-"));
      // WHEN it is delivered and its job runs
      const response = await deliverRaw(topic, body);
      await runAllJobs(env.worker, env.clock);
      // THEN the exact order and line ids reach the job, and lines without a variant are simply not owed
      expect(response.status).toBe(200);
      const job = await jobOf("order.sync");
      expect(job.status).toBe("succeeded");
      expect(job.payload.orderId).toBe(ORDER);
      expect((job.payload.lines as { lineItemId: string; variantId: string | null }[]).map((l) => [l.lineItemId, l.variantId])).toEqual([
        ["gid://shopify/LineItem/487817672276298554", null],
        ["gid://shopify/LineItem/976318377106520349", null],
        ["gid://shopify/LineItem/315789986012684393", null],
      ]);
      expect(await prisma.backorderLine.count()).toBe(0);
    });
  }

  it("orders/create: a line's 64-bit variant_id reaches the job exactly", async () => {
    // GIVEN the sample whose first line names the product sample's variant 642667041472713922 (a number, as Shopify sends it)
    const body = fixture("orders-create").replace('"variant_id": null', '"variant_id": 642667041472713922');
    // WHEN it is delivered and its job runs
    const response = await deliverRaw("orders/create", body);
    await runAllJobs(env.worker, env.clock);
    // THEN the job names that variant, not 642667041472713900
    expect(response.status).toBe(200);
    const job = await jobOf("order.sync");
    expect((job.payload.lines as { variantId: string | null }[])[0]?.variantId).toBe(VARIANT);
    expect(job.status).toBe("succeeded");
    // AND each line carries its unit price from price_set.shop_money, in minor units (89.99 USD → 8999)
    expect((job.payload.lines as { unitPrice: unknown }[]).map((l) => l.unitPrice)).toEqual([
      { amountMinor: 8999, currency: "USD" },
      { amountMinor: 15999, currency: "USD" },
      { amountMinor: 11999, currency: "USD" },
    ]);
  });

  it("orders/updated in a legacy shape (no line gids, customer null, customer_locale null, no email) keeps exact line ids", async () => {
    // GIVEN the sample as older API versions sent it: line items without admin_graphql_api_id, no customer, no locale, no email
    const legacy = fixture("orders-updated")
      .replace(/\n\s*"admin_graphql_api_id": "gid:\/\/shopify\/LineItem\/\d+",/g, "")
      .replace('"customer_locale": "en"', '"customer_locale": null')
      .replace(/"contact_email": "[^"]*"/, '"contact_email": null')
      .replace(/"email": "jon@example.com"/, '"email": ""')
      .replace(/"customer": \{[\s\S]*?"default_address": \{[\s\S]*?\}\s*\},/, '"customer": null,');
    expect(legacy).toContain('"customer": null');
    // WHEN it is delivered and its job runs
    const response = await deliverRaw("orders/updated", legacy);
    await runAllJobs(env.worker, env.clock);
    // THEN the line ids come from the 64-bit numeric ids, exactly, and the order has no email and the default locale
    expect(response.status).toBe(200);
    const job = await jobOf("order.sync");
    expect(job.status).toBe("succeeded");
    expect((job.payload.lines as { lineItemId: string }[]).map((l) => l.lineItemId)).toEqual([
      "gid://shopify/LineItem/487817672276298554",
      "gid://shopify/LineItem/976318377106520349",
      "gid://shopify/LineItem/315789986012684393",
    ]);
    expect([job.payload.email, job.payload.customerName, job.payload.locale]).toEqual([null, null, "en"]);
  });
});

describe("Shopify's product samples", () => {
  it("products/update refreshes the followed variant of product 788032119674292922", async () => {
    // GIVEN the app follows the sample's first variant
    await followVariant();
    // WHEN the published products/update arrives and its job runs
    const response = await deliverRaw("products/update", fixture("products-update"));
    await runAllJobs(env.worker, env.clock);
    // THEN the ledger's copy has the new title and sku
    expect(response.status).toBe(200);
    expect((await jobOf("product.update")).status).toBe("succeeded");
    expect(await prisma.backorderVariant.findFirst({ where: { variantId: VARIANT }, select: { productId: true, productTitle: true, sku: true } })).toEqual({
      productId: PRODUCT,
      productTitle: "Example T-Shirt",
      sku: "example-shirt-s",
    });
  });

  it("products/delete removes product 788032119674292922, not 788032119674292900", async () => {
    // GIVEN the app follows a variant of the sample's product
    await followVariant();
    // WHEN the published products/delete ({"id":788032119674292922}) arrives and its job runs
    const response = await deliverRaw("products/delete", fixture("products-delete"));
    await runAllJobs(env.worker, env.clock);
    // THEN the job named the exact product and the variant is gone
    expect(response.status).toBe(200);
    expect((await jobOf("product.delete")).payload).toEqual({ productId: PRODUCT });
    expect(await prisma.backorderVariant.count({ where: { variantId: VARIANT } })).toBe(0);
  });
});

describe("Shopify's inventory sample", () => {
  it("inventory_levels/update names item 271878346596884015 exactly, and the job finds the variant that follows it", async () => {
    // GIVEN the app follows the variant stocked as inventory item 271878346596884015
    await followVariant({ inventoryItemId: ITEM });
    // WHEN the published inventory_levels/update arrives and its job runs
    const response = await deliverRaw("inventory_levels/update", fixture("inventory_levels-update"));
    expect(response.status).toBe(200);
    const queued = await jobOf("inventory.level");
    await runAllJobs(env.worker, env.clock);
    // THEN the job carries the exact item and location, and did not ignore the event as an unknown item
    expect(queued.payload).toMatchObject({ inventoryItemId: ITEM, locationId: "gid://shopify/Location/24826418", available: 10 });
    const job = await prisma.job.findFirstOrThrow({ where: { kind: "inventory.level" }, select: { payload: true, lastError: true, status: true } });
    expect(`${job.payload} ${job.lastError ?? ""}`).not.toMatch(/not one the app follows/);
  });
});

describe("Shopify's compliance and app samples", () => {
  it("customers/redact (published sample) anonymizes the customer's owed line", async () => {
    // GIVEN an owed line of john@example.com
    await followVariant();
    await prisma.backorderLine.create({
      data: { shop: TEST_SHOP, variantId: VARIANT, orderId: ORDER, orderName: "#9999", lineItemId: "gid://shopify/LineItem/1", quantity: 1, customerEmail: "john@example.com", customerName: "John Smith", customerLocale: "en", orderedAt: new Date(), orderUpdatedAt: new Date() },
    });
    // WHEN the published customers/redact arrives and its job runs
    const response = await deliverRaw("customers/redact", fixture("customers-redact"));
    const queued = await jobOf("customer.redact");
    await runAllJobs(env.worker, env.clock);
    // THEN the job named the customer and the line keeps its place without personal data
    expect(response.status).toBe(200);
    expect(queued.payload).toMatchObject({ customerId: "gid://shopify/Customer/191167", email: "john@example.com" });
    expect(await prisma.backorderLine.findMany({ select: { customerEmail: true, customerName: true } })).toEqual([{ customerEmail: null, customerName: null }]);
  });

  it("customers/redact with a 64-bit order id in orders_to_redact redacts that exact order's lines", async () => {
    // GIVEN an owed line of order 820982911946154508 whose customer has no email on file
    await followVariant();
    await prisma.backorderLine.create({
      data: { shop: TEST_SHOP, variantId: VARIANT, orderId: ORDER, orderName: "#9999", lineItemId: "gid://shopify/LineItem/2", quantity: 1, customerEmail: null, customerName: "John Smith", customerLocale: "en", orderedAt: new Date(), orderUpdatedAt: new Date() },
    });
    // WHEN the published sample arrives naming that order (and a customer without email)
    const body = fixture("customers-redact").replace("299938", "820982911946154508").replace('"email": "john@example.com"', '"email": null');
    const response = await deliverRaw("customers/redact", body);
    const queued = await jobOf("customer.redact");
    await runAllJobs(env.worker, env.clock);
    // THEN that order's line lost its personal data
    expect(response.status).toBe(200);
    expect(queued.payload).toMatchObject({ orderIds: [ORDER, "gid://shopify/Order/280263", "gid://shopify/Order/220458"] });
    expect(await prisma.backorderLine.findMany({ select: { customerName: true } })).toEqual([{ customerName: null }]);
  });

  it("customers/data_request (published sample) is answered with an export on its job", async () => {
    // GIVEN nothing held for the customer
    // WHEN the published customers/data_request arrives and its job runs
    const response = await deliverRaw("customers/data_request", fixture("customers-data_request"));
    await runAllJobs(env.worker, env.clock);
    // THEN the job succeeded with the request's ids
    expect(response.status).toBe(200);
    const job = await jobOf("customer.data_request");
    expect(job.status).toBe("succeeded");
    expect(job.payload).toMatchObject({ dataRequestId: "9999", orderIds: ["gid://shopify/Order/299938", "gid://shopify/Order/280263", "gid://shopify/Order/220458"] });
  });

  it("app/uninstalled (published shop sample) is recorded and its job runs", async () => {
    // GIVEN the published shop object as body
    // WHEN it is delivered and its job runs
    const response = await deliverRaw("app/uninstalled", fixture("app-uninstalled"));
    await runAllJobs(env.worker, env.clock);
    // THEN it is accepted and the sessions are gone
    expect(response.status).toBe(200);
    expect((await jobOf("shop.uninstalled")).status).toBe("succeeded");
    expect(await prisma.session.count({ where: { shop: TEST_SHOP } })).toBe(0);
  });

  it("app/scopes_update and shop/redact (published samples) are accepted", async () => {
    // GIVEN the two published samples
    const scopes = webhookRequest("/webhooks/app/scopes_update", { topic: "app/scopes_update", payload: null, rawBody: fixture("app-scopes_update") });
    const redact = webhookRequest("/webhooks/shop/redact", { topic: "shop/redact", payload: null, rawBody: fixture("shop-redact") });
    // WHEN they reach their routes
    const statuses = [(await callRoute(scopesUpdate, scopes)).status, (await callRoute(shopRedact, redact)).status];
    // THEN both are acknowledged and the shop's data is erased
    expect(statuses).toEqual([200, 200]);
    expect(await prisma.backorderVariant.count({ where: { shop: TEST_SHOP } })).toBe(0);
  });
});

// Webhook routes verify Shopify's HMAC, ignore redeliveries and change only the shop they name.
import { beforeEach, describe, expect, it } from "vitest";
import { setUpValidSession } from "@shopify/shopify-api/test-helpers";
import prisma from "~/db.server";
import { sessionStorage } from "~/shopify.server";
import { action as appUninstalled } from "~/routes/webhooks.app.uninstalled";
import { action as shopRedact } from "~/routes/webhooks.shop.redact";
import { action as scopesUpdate } from "~/routes/webhooks.app.scopes_update";
import { action as customersRedact } from "~/routes/webhooks.customers.redact";
import { action as customersDataRequest } from "~/routes/webhooks.customers.data_request";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, webhookRequest } from "../helpers/requests";

const OTHER_SHOP = "other-shop.myshopify.com";

async function installShop(shop: string) {
  await sessionStorage.storeSession(setUpValidSession({ shop }));
  await prisma.shop.upsert({ where: { shop }, create: { shop }, update: {} });
}

beforeEach(async () => {
  await prisma.webhookEvent.deleteMany({});
  await prisma.session.deleteMany({});
  await prisma.shop.deleteMany({});
  await installShop(TEST_SHOP);
  await installShop(OTHER_SHOP);
});

describe("app/uninstalled", () => {
  it("deletes the shop's sessions and marks it uninstalled when the HMAC is valid", async () => {
    // GIVEN two installed shops
    // WHEN Shopify tells us the test shop uninstalled the app
    const response = await callRoute(
      appUninstalled,
      webhookRequest("/webhooks/app/uninstalled", { topic: "app/uninstalled", payload: { id: 1 } }),
    );

    // THEN the test shop's sessions are gone and it is marked uninstalled; the other shop is untouched
    expect(response.status).toBe(200);
    expect(await prisma.session.count({ where: { shop: TEST_SHOP } })).toBe(0);
    expect((await prisma.shop.findUnique({ where: { shop: TEST_SHOP } }))?.uninstalledAt).toBeInstanceOf(Date);
    expect(await prisma.session.count({ where: { shop: OTHER_SHOP } })).toBe(1);
    expect((await prisma.shop.findUnique({ where: { shop: OTHER_SHOP } }))?.uninstalledAt).toBeNull();
  });

  it("answers 401 and writes nothing when the HMAC is wrong", async () => {
    // GIVEN a delivery signed with another secret
    const request = webhookRequest("/webhooks/app/uninstalled", {
      topic: "app/uninstalled",
      payload: { id: 1 },
      secret: "someone-else",
    });

    // WHEN it reaches the route
    const response = await callRoute(appUninstalled, request);

    // THEN it is refused and nothing changed
    expect(response.status).toBe(401);
    expect(await prisma.session.count({ where: { shop: TEST_SHOP } })).toBe(1);
    expect(await prisma.webhookEvent.count()).toBe(0);
  });

  it("answers 401 when the body was altered after signing", async () => {
    // GIVEN a signed delivery whose body is then swapped
    const signed = webhookRequest("/webhooks/app/uninstalled", { topic: "app/uninstalled", payload: { id: 1 } });
    const tampered = new Request(signed.url, { method: "POST", headers: signed.headers, body: '{"id":2}' });

    // WHEN it reaches the route
    const response = await callRoute(appUninstalled, tampered);

    // THEN it is refused and nothing changed
    expect(response.status).toBe(401);
    expect(await prisma.session.count({ where: { shop: TEST_SHOP } })).toBe(1);
  });

  it("processes a redelivered event only once", async () => {
    // GIVEN an uninstall already processed, after which the merchant reinstalled (new session)
    const first = webhookRequest("/webhooks/app/uninstalled", {
      topic: "app/uninstalled",
      payload: { id: 1 },
      eventId: "evt-1",
    });
    await callRoute(appUninstalled, first);
    await installShop(TEST_SHOP);

    // WHEN Shopify redelivers the same event
    const again = webhookRequest("/webhooks/app/uninstalled", {
      topic: "app/uninstalled",
      payload: { id: 1 },
      eventId: "evt-1",
    });
    const response = await callRoute(appUninstalled, again);

    // THEN it is acknowledged but the new session survives
    expect(response.status).toBe(200);
    expect(await prisma.session.count({ where: { shop: TEST_SHOP } })).toBe(1);
    expect(await prisma.webhookEvent.count({ where: { shop: TEST_SHOP } })).toBe(1);
  });
});

describe("compliance webhooks", () => {
  it("shop/redact erases everything the app holds for that shop only", async () => {
    // GIVEN a shop with a recorded event
    await callRoute(
      customersRedact,
      webhookRequest("/webhooks/customers/redact", { topic: "customers/redact", payload: { customer: { id: 1 } } }),
    );

    // WHEN Shopify asks to redact the shop
    const response = await callRoute(
      shopRedact,
      webhookRequest("/webhooks/shop/redact", { topic: "shop/redact", payload: { shop_domain: TEST_SHOP } }),
    );

    // THEN its rows are gone and the other shop keeps its own
    expect(response.status).toBe(200);
    expect(await prisma.session.count({ where: { shop: TEST_SHOP } })).toBe(0);
    expect(await prisma.shop.count({ where: { shop: TEST_SHOP } })).toBe(0);
    expect(await prisma.webhookEvent.count({ where: { shop: TEST_SHOP } })).toBe(0);
    expect(await prisma.session.count({ where: { shop: OTHER_SHOP } })).toBe(1);
  });

  it("shop/redact with a bad HMAC answers 401 and erases nothing", async () => {
    // GIVEN a forged redact request
    const request = webhookRequest("/webhooks/shop/redact", {
      topic: "shop/redact",
      payload: { shop_domain: TEST_SHOP },
      secret: "forged",
    });

    // WHEN it reaches the route
    const response = await callRoute(shopRedact, request);

    // THEN nothing is erased
    expect(response.status).toBe(401);
    expect(await prisma.shop.count({ where: { shop: TEST_SHOP } })).toBe(1);
  });

  it("customers/data_request is verified and recorded", async () => {
    // GIVEN a signed data request
    const request = webhookRequest("/webhooks/customers/data_request", {
      topic: "customers/data_request",
      payload: { customer: { id: 7, email: "a@example.com" }, data_request: { id: 9 } },
    });

    // WHEN it reaches the route
    const response = await callRoute(customersDataRequest, request);

    // THEN it is acknowledged and auditable
    expect(response.status).toBe(200);
    expect(await prisma.webhookEvent.count({ where: { shop: TEST_SHOP, topic: "CUSTOMERS_DATA_REQUEST" } })).toBe(1);
  });
});

describe("app/scopes_update", () => {
  it("stores the granted scopes on the shop's session", async () => {
    // GIVEN an installed shop
    // WHEN the merchant grants new scopes
    const response = await callRoute(
      scopesUpdate,
      webhookRequest("/webhooks/app/scopes_update", {
        topic: "app/scopes_update",
        payload: { current: ["read_products", "write_products"], previous: ["read_products"] },
      }),
    );

    // THEN the session records them
    expect(response.status).toBe(200);
    const session = await prisma.session.findFirst({ where: { shop: TEST_SHOP }, select: { scope: true } });
    expect(session?.scope).toBe("read_products,write_products");
  });

  it("answers 400 with a message and writes nothing for a malformed payload", async () => {
    // GIVEN a correctly signed body that is not what Shopify sends
    const request = webhookRequest("/webhooks/app/scopes_update", {
      topic: "app/scopes_update",
      payload: { current: "everything" },
    });

    // WHEN it reaches the route
    const response = await callRoute(scopesUpdate, request);

    // THEN it is refused with a reason and the session keeps its scopes
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/current/);
    const session = await prisma.session.findFirst({ where: { shop: TEST_SHOP }, select: { scope: true } });
    expect(session?.scope).toBe("testScope");
  });
});

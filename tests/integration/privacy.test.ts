// Privacy: customers/redact erases the customer everywhere the app keeps personal data (job payloads
// included); customers/data_request leaves an export the merchant lists and downloads in the admin;
// shop/redact erases those exports too. Plus the app's access: only the scopes it uses, expiring offline
// tokens.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { loader as appLoader } from "~/routes/app";
import { loader as privacyLoader } from "~/routes/app.privacy._index";
import { loader as downloadLoader } from "~/routes/app.privacy.$id.download";
import { action as shopRedact } from "~/routes/webhooks.shop.redact";
import { RETENTION_DAYS } from "~/jobs/retention.server";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, embeddedDocumentRequest, embeddedFetchRequest, webhookRequest } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";
import { backorderableVariant, deliver, ledgerShop, nextEventId, placeOrder, runAllJobs, type LedgerShop } from "./ledger-support";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
  await prisma.dataRequest.deleteMany({});
});

const numeric = (gid: string) => Number(gid.split("/").pop());

/** Ana ordered a sold-out teapot (an owed line, a confirmation email, an order job) and signed up for alerts. */
async function anaWithHistory() {
  const { variantId } = await backorderableVariant(env, { title: "Teapot", available: 0 });
  const placed = placeOrder(env.fake, { variantId, email: "ana@example.com", firstName: "Anastasia" });
  await deliver(placed.delivery);
  await runAllJobs(env.worker, env.clock);
  await prisma.notifySubscription.create({ data: { shop: TEST_SHOP, variantId, email: "ana@example.com", unsubscribeToken: "tok-ana" } });
  return placed.order;
}

async function dataRequest(orderId: string, requestId: string | number = "9007199254740993") {
  await deliver({
    topic: "customers/data_request",
    payload: { shop_domain: TEST_SHOP, customer: { id: 7, email: "ana@example.com" }, orders_requested: [numeric(orderId)], data_request: { id: requestId } },
    eventId: nextEventId("dr"),
  });
  await runAllJobs(env.worker, env.clock);
}

describe("customers/redact", () => {
  it("leaves neither the customer's email nor name in any job payload", async () => {
    // GIVEN Ana's order job, and her earlier data request job, both holding her email (and the order her name)
    const order = await anaWithHistory();
    await dataRequest(order.id);
    const before = (await prisma.job.findMany({ select: { payload: true } })).map((j) => j.payload).join("\n");
    expect(before).toContain("ana@example.com");
    expect(before).toContain("Anastasia");

    // WHEN Shopify asks to redact her
    await deliver({
      topic: "customers/redact",
      payload: { shop_domain: TEST_SHOP, customer: { id: 7, email: "ana@example.com" }, orders_to_redact: [numeric(order.id)] },
      eventId: nextEventId("redact"),
    });
    await runAllJobs(env.worker, env.clock);

    // THEN no job (the redaction's own included) names her, her data request export is gone, and so are
    // her line's details, emails and signup
    const jobs = await prisma.job.findMany({ select: { kind: true, status: true, payload: true } });
    expect(jobs.every((j) => j.status === "succeeded")).toBe(true);
    for (const job of jobs) {
      expect(job.payload, job.kind).not.toMatch(/ana@example\.com/i);
      expect(job.payload, job.kind).not.toContain("Anastasia");
    }
    expect(await prisma.dataRequest.count()).toBe(0);
    expect(await prisma.backorderLine.findMany({ select: { customerEmail: true, customerName: true, status: true } })).toEqual([
      { customerEmail: null, customerName: null, status: "waiting" },
    ]);
    expect(await prisma.emailOutbox.count()).toBe(0);
    expect(await prisma.notifySubscription.count()).toBe(0);
    // AND the support desk keeps no copy: her timeline is gone and the order's case no longer names her
    expect(await prisma.orderEvent.count()).toBe(0);
    expect(await prisma.supportCase.findMany({ select: { customerEmail: true, customerName: true } })).toEqual([{ customerEmail: null, customerName: null }]);
  });

  it("matches the customer's email whatever its letter case, and emails about the redacted orders sent to another address", async () => {
    // GIVEN an order whose checkout email was typed with capitals
    const { variantId } = await backorderableVariant(env, { title: "Teapot", available: 0 });
    const placed = placeOrder(env.fake, { variantId, email: "Ben.Doe@Example.com", firstName: "Benedict" });
    await deliver(placed.delivery);
    await runAllJobs(env.worker, env.clock);
    expect(await prisma.emailOutbox.count()).toBe(1);

    // WHEN Shopify asks to redact ben.doe@example.com (Shopify names the address in lower case) without naming orders
    await deliver({
      topic: "customers/redact",
      payload: { shop_domain: TEST_SHOP, customer: { id: 8, email: "ben.doe@example.com" }, orders_to_redact: [] },
      eventId: nextEventId("redact"),
    });
    await runAllJobs(env.worker, env.clock);

    // THEN his line is anonymized, his email gone, and no job names him
    expect(await prisma.backorderLine.findMany({ select: { customerEmail: true, customerName: true } })).toEqual([{ customerEmail: null, customerName: null }]);
    expect(await prisma.emailOutbox.count()).toBe(0);
    const payloads = (await prisma.job.findMany({ select: { payload: true } })).map((j) => j.payload).join("\n");
    expect(payloads).not.toMatch(/ben\.doe@example\.com/i);
    expect(payloads).not.toContain("Benedict");
  });
});

describe("customers/data_request", () => {
  it("stores the export, under Shopify's 64-bit request id, and not in the job", async () => {
    // GIVEN Ana's history
    const order = await anaWithHistory();

    // WHEN Shopify forwards her data request
    await dataRequest(order.id, "9007199254740993");

    // THEN one DataRequest holds her line, signup and email; the job's payload has no export
    const rows = await prisma.dataRequest.findMany({ select: { shop: true, requestId: true, customerEmail: true, export: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ shop: TEST_SHOP, requestId: "9007199254740993", customerEmail: "ana@example.com" });
    const data = JSON.parse(rows[0]?.export ?? "{}") as { backorderedLines: unknown[]; notifyMeSignups: unknown[]; emails: { kind: string }[] };
    expect(data.backorderedLines).toHaveLength(1);
    expect(data.notifyMeSignups).toHaveLength(1);
    expect(data.emails.map((e) => e.kind)).toEqual(["backorder_confirmation"]);
    const job = await prisma.job.findFirstOrThrow({ where: { kind: "customer.data_request" }, select: { status: true, payload: true } });
    expect(job.status).toBe("succeeded");
    expect(JSON.parse(job.payload)).not.toHaveProperty("result");
  });

  it("lists the request on the Privacy requests page and downloads its export as JSON", async () => {
    // GIVEN a forwarded data request
    const order = await anaWithHistory();
    await dataRequest(order.id, "9007199254740993");

    // WHEN the merchant opens Privacy requests
    const page = await callRoute(privacyLoader, await embeddedDocumentRequest("/app/privacy"));
    expect(page.status).toBe(200);
    const body = (await page.json()) as { requests: { id: string; requestId: string; customerEmail: string; downloadUrl: string }[] };

    // THEN the request is listed with its download link
    expect(body.requests).toEqual([expect.objectContaining({ requestId: "9007199254740993", customerEmail: "ana@example.com" })]);
    const row = body.requests[0] as (typeof body.requests)[number];
    expect(row.downloadUrl).toBe(`/app/privacy/${row.id}/download`);

    // WHEN the merchant downloads it (App Bridge's authenticated fetch)
    const download = await callRoute(downloadLoader, await embeddedFetchRequest(row.downloadUrl), { id: row.id });

    // THEN it is a JSON attachment with the export
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(download.headers.get("Content-Disposition")).toBe('attachment; filename="data-request-9007199254740993.json"');
    const file = (await download.json()) as { requestId: string; data: { backorderedLines: unknown[] } };
    expect(file.requestId).toBe("9007199254740993");
    expect(file.data.backorderedLines).toHaveLength(1);
  });

  it("refuses another shop's request (404) and a download without a session token", async () => {
    // GIVEN a data request stored for another shop
    const other = await prisma.dataRequest.create({ data: { shop: "other-shop.myshopify.com", requestId: "1", customerEmail: "zoe@example.com", export: "{}" } });

    // WHEN this shop's merchant asks for it
    const response = await callRoute(downloadLoader, await embeddedFetchRequest(`/app/privacy/${other.id}/download`), { id: other.id });

    // THEN it is not found for them
    expect(response.status).toBe(404);

    // AND a request without a session token is not served the export
    const anonymous = await callRoute(downloadLoader, new Request(`https://backorder-pilot.example.com/app/privacy/${other.id}/download`), { id: other.id });
    expect(anonymous.status).not.toBe(200);
  });

  it("shows an empty list when there is no request", async () => {
    // GIVEN no data request
    // WHEN the merchant opens Privacy requests (in French)
    const page = await callRoute(privacyLoader, await embeddedDocumentRequest("/app/privacy?locale=fr"));
    // THEN the list is empty, with the retention period for the page's text (translated by useT, not here)
    const body = (await page.json()) as Record<string, unknown>;
    expect(body.requests).toEqual([]);
    expect(body.retentionDays).toBe(RETENTION_DAYS.dataRequests);
    expect(body).not.toHaveProperty("text");
  });
});

describe("shop/redact", () => {
  it("erases the shop's data request exports and no other shop's", async () => {
    // GIVEN an export of this shop and one of another shop
    const order = await anaWithHistory();
    await dataRequest(order.id);
    await prisma.dataRequest.create({ data: { shop: "other-shop.myshopify.com", requestId: "1", export: "{}" } });

    // WHEN Shopify asks to redact this shop
    const response = await callRoute(shopRedact, webhookRequest("/webhooks/shop/redact", { topic: "shop/redact", payload: { shop_domain: TEST_SHOP } }));

    // THEN only the other shop's export is left
    expect(response.status).toBe(200);
    expect(await prisma.dataRequest.findMany({ select: { shop: true } })).toEqual([{ shop: "other-shop.myshopify.com" }]);
  });
});

describe("the app's access", () => {
  it("requests no scope its operations do not use", () => {
    // GIVEN the app configuration
    const toml = readFileSync(fileURLToPath(new URL("../../shopify.app.toml", import.meta.url)), "utf8");
    // WHEN its scopes are read
    const scopes = /^scopes = "([^"]*)"/m.exec(toml)?.[1]?.split(",") ?? [];
    // THEN fulfillments are not asked for; fulfillment orders and orders are, and inventory writes with
    // location names (receiving a batch into Shopify's inventory)
    expect(scopes).not.toContain("read_fulfillments");
    expect(scopes).toEqual(
      expect.arrayContaining(["read_orders", "write_orders", "write_merchant_managed_fulfillment_orders", "read_inventory", "write_inventory", "read_locations"]),
    );
    // AND the compensation scopes are asked for only because the support desk's operations use them
    const compensation = readFileSync(fileURLToPath(new URL("../../app/shopify/compensation.server.ts", import.meta.url)), "utf8");
    expect(scopes).toEqual(expect.arrayContaining(["write_discounts", "write_store_credit_account_transactions"]));
    expect(compensation).toContain("discountCodeBasicCreate(");
    expect(compensation).toContain("storeCreditAccountCredit(");
  });

  it("stores an expiring offline token with its refresh token on first open", async () => {
    // GIVEN a shop with no stored session yet
    const fake = await installFakeShop();
    await prisma.session.deleteMany({ where: { shop: TEST_SHOP } });

    // WHEN the merchant opens the app (token exchange)
    const response = await callRoute(appLoader, await embeddedDocumentRequest("/app"));

    // THEN the offline session Shopify issued expires and can be refreshed
    expect(response.status).toBe(200);
    expect(fake.stats.tokenExchanges).toBe(1);
    const session = await prisma.session.findFirstOrThrow({ where: { shop: TEST_SHOP, isOnline: false }, select: { expires: true, refreshToken: true } });
    expect(session.expires).toBeInstanceOf(Date);
    expect(session.refreshToken).toMatch(/^shprt_/);
  });
});

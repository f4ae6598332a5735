// The throttle-aware Admin client over the library's admin.graphql: what it retries, what it reports,
// and what it lets through untouched.
import { HttpResponseError } from "@shopify/shopify-api";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { syncVariants } from "~/workflows/catalog/backorder-sync.server";
import { AdminApiError, createAdminClient } from "~/shopify/admin-client.server";
import type { AdminOperation } from "~/shopify/admin-operations";
import { unauthenticated } from "~/shopify.server";
import type { AdminFakeOptions } from "../../dev/admin-fake";
import { TEST_SHOP } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";
import { mswServer } from "../setup/vitest.setup";

const START = Date.parse("2026-11-27T09:00:00Z");

async function setUp(options: AdminFakeOptions = {}) {
  const clock = { t: START };
  const now = () => clock.t;
  const sleep = async (ms: number) => void (clock.t += ms);
  const fake = await installFakeShop({ now, ...options });
  const { admin } = await unauthenticated.admin(TEST_SHOP);
  return { fake, clock, graphql: admin.graphql, client: createAdminClient(admin.graphql, { now, sleep }), now, sleep };
}

/**
 * A document codegen never saw (it only reads app/), passed as if it were one: these tests are about pacing
 * and retries, which treat every operation alike, so the typed signature is stepped around here only.
 */
const adHoc = (document: string) => document as AdminOperation;

const SHOP_NAME = adHoc("query ClientTestShop { shop { name } }");

beforeEach(async () => {
  await prisma.backorderVariant.deleteMany({});
  await prisma.session.deleteMany({});
});

describe("createAdminClient", () => {
  it("returns the data and records Shopify's cost and bucket", async () => {
    // GIVEN a shop on the Standard plan bucket
    const { client } = await setUp();

    // WHEN a query runs
    const result = await client.request(SHOP_NAME);

    // THEN the data comes back with its cost, and the bucket state is known
    expect(result.data).toEqual({ shop: { name: "test-shop" } });
    expect(result.cost?.requestedQueryCost).toBe(1);
    expect(client.throttleStatus()).toMatchObject({ maximumAvailable: 2000, restoreRate: 100 });
    expect(client.stats).toMatchObject({ calls: 1, throttledRetries: 0, waitedMs: 0, pointsUsed: 1 });
  });

  it("waits for the bucket to refill before a call it cannot afford", async () => {
    // GIVEN a bucket of 100 points restoring 10/s, nearly emptied by a first call
    const { client, fake } = await setUp({ bucket: { maximumAvailable: 100, restoreRate: 10 } });
    const ids = Array.from({ length: 90 }, (_, i) => fake.store.addProduct({ title: `P${i}` }).product.id);
    const big = adHoc("query ClientTestBig($ids: [ID!]!) { nodes(ids: $ids) { id } }");
    await client.request(big, { variables: { ids }, estimatedCost: 90 });

    // WHEN another 90-point call follows at once
    await client.request(big, { variables: { ids }, estimatedCost: 90 });

    // THEN the client slept until the points were there instead of being throttled
    expect(fake.stats.throttled).toBe(0);
    expect(client.stats.proactiveWaits).toBe(1);
    expect(client.stats.waitedMs).toBeGreaterThanOrEqual(8000);
  });

  it("retries an HTTP 5xx after backing off", async () => {
    // GIVEN Shopify answers 502 once
    const { client, fake } = await setUp();
    mswServer.use(http.post(fake.graphqlUrl, () => HttpResponse.json({ errors: "Bad gateway" }, { status: 502 }), { once: true }));

    // WHEN a query runs
    const result = await client.request(SHOP_NAME);

    // THEN it succeeded on the second attempt, one second later
    expect(result.data).toEqual({ shop: { name: "test-shop" } });
    expect(client.stats).toMatchObject({ calls: 2, serverErrorRetries: 1, waitedMs: 1000 });
  });

  it("turns GraphQL errors into an AdminApiError carrying Shopify's messages, without retrying", async () => {
    // GIVEN a query with a misspelt field
    const { client } = await setUp();

    // WHEN it runs
    const failure = await client.request(adHoc("query ClientTestTypo { shop { nme } }")).catch((e: unknown) => e);

    // THEN the error names the field and the call was made once
    expect(failure).toBeInstanceOf(AdminApiError);
    expect((failure as AdminApiError).kind).toBe("graphql");
    expect((failure as AdminApiError).message).toMatch(/Field 'nme' doesn't exist on type 'Shop'/);
    expect(client.stats.calls).toBe(1);
  });

  it("lets an authentication failure through untouched", async () => {
    // GIVEN the shop revoked our token
    const { client, fake } = await setUp();
    fake.revokeAccessToken(fake.accessToken);

    // WHEN a query runs
    const failure = await client.request(SHOP_NAME).catch((e: unknown) => e);

    // THEN the library's 401 error reaches the caller, not retried
    expect(failure).toBeInstanceOf(HttpResponseError);
    expect((failure as HttpResponseError).response.code).toBe(401);
    expect(client.stats.calls).toBe(1);
  });
});

describe("syncVariants on an authentication failure", () => {
  it("throws the library's error and marks nothing as synced", async () => {
    // GIVEN a flagged variant and a revoked token
    const { fake, graphql, now, sleep } = await setUp();
    const { product, variants } = fake.store.addProduct({ title: "Cup", variants: [{ available: 0 }] });
    const variantId = (variants[0] as { id: string }).id;
    await prisma.backorderVariant.create({ data: { shop: TEST_SHOP, productId: product.id, variantId, mode: "always" } });
    fake.revokeAccessToken(fake.accessToken);

    // WHEN the sync runs
    const failure = await syncVariants({ shop: TEST_SHOP, graphql, variantIds: [variantId], clientOptions: { now, sleep } }).catch(
      (e: unknown) => e,
    );

    // THEN the caller gets the 401 (to re-authenticate) and the row is untouched
    expect(failure).toBeInstanceOf(HttpResponseError);
    expect(await prisma.backorderVariant.findFirst({ where: { shop: TEST_SHOP, variantId } })).toMatchObject({
      syncedPolicy: null,
      syncedAt: null,
      syncError: null,
    });
  });
});

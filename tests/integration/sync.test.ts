// Syncing backorder state to Shopify: inventoryPolicy and the `$app:backorder.eta` summary metafield,
// through the library's real admin.graphql (unauthenticated.admin / authenticate.admin) against the
// schema-checked Admin fake, in simulated time.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { authenticate, unauthenticated } from "~/shopify.server";
import { syncVariants } from "~/workflows/catalog/backorder-sync.server";
import { mutationResolvers } from "../../dev/admin-fake/mutations";
import type { AdminFake, AdminFakeOptions, VariantInput } from "../../dev/admin-fake";
import { embeddedDocumentRequest, TEST_SHOP } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";

const OTHER_SHOP = "other-shop.myshopify.com";
const START = Date.parse("2026-11-27T09:00:00Z"); // Friday 10:00 in Paris, before the 14:00 cut-off
const NOW = new Date(START);

/** A clock that only moves when the client sleeps: waits cost nothing and are measurable. */
function simulatedTime() {
  const clock = { t: START };
  return { clock, now: () => clock.t, sleep: async (ms: number) => void (clock.t += ms) };
}

async function setUp(options: AdminFakeOptions = {}) {
  const time = simulatedTime();
  const fake = await installFakeShop({ now: time.now, ...options });
  const { admin } = await unauthenticated.admin(options.shop ?? TEST_SHOP);
  return { fake, time, graphql: admin.graphql, clientOptions: { now: time.now, sleep: time.sleep } };
}

function addProduct(fake: AdminFake, title: string, variants: VariantInput[]) {
  const { product, variants: created } = fake.store.addProduct({ title, variants });
  return { productId: product.id, variantIds: created.map((v) => v.id) };
}

async function manage(
  shop: string,
  productId: string,
  variantId: string,
  data: { mode: string; cap?: number | null; leadTimeDays?: number; syncedPolicy?: string | null; syncedSummary?: string | null },
) {
  await prisma.backorderVariant.create({ data: { shop, productId, variantId, leadTimeDays: 10, ...data } });
}

function summaryOf(fake: AdminFake, variantId: string) {
  const metafield = fake.store.findMetafield(variantId, "$app:backorder", "eta");
  return metafield ? (JSON.parse(metafield.value) as Record<string, unknown>) : null;
}

async function row(variantId: string, shop = TEST_SHOP) {
  return prisma.backorderVariant.findUniqueOrThrow({ where: { shop_variantId: { shop, variantId } } });
}

beforeEach(async () => {
  await prisma.backorderVariant.deleteMany({});
  await prisma.session.deleteMany({});
});

describe("syncVariants", () => {
  it("turns on backorders for a flagged sold-out variant and publishes its summary", async () => {
    // GIVEN a sold-out variant (DENY on Shopify) the merchant flags "always"
    const { fake, graphql, clientOptions } = await setUp();
    const { productId, variantIds } = addProduct(fake, "Stoneware Mug", [{ options: { Colour: "Sage" }, available: 0, sku: "MUG-SAGE" }]);
    const variantId = variantIds[0] as string;
    await manage(TEST_SHOP, productId, variantId, { mode: "always" });

    // WHEN the sync runs
    const report = await syncVariants({ shop: TEST_SHOP, graphql, variantIds: [variantId], now: NOW, clientOptions });

    // THEN Shopify keeps selling it, the metafield holds the summary, and the row records what Shopify took
    expect(report.failed).toEqual([]);
    expect(report.synced).toBe(1);
    expect(report.policyChanges).toEqual([{ variantId, productId, from: "DENY", to: "CONTINUE" }]);
    expect(fake.store.getVariant(variantId).inventoryPolicy).toBe("CONTINUE");
    const summary = summaryOf(fake, variantId);
    expect(summary).toMatchObject({ v: 1, mode: "always", backorder: true, maxQty: null, confidence: "low", termsVersion: 1 });
    expect(Object.keys(summary?.next as object)).toEqual(["standard"]);
    const stored = await row(variantId);
    expect(stored).toMatchObject({ syncedPolicy: "CONTINUE", syncError: null, sku: "MUG-SAGE", variantTitle: "Sage", available: 0 });
    expect(stored.syncedAt?.toISOString()).toBe(NOW.toISOString());
    expect(stored.syncedSummary).toBe(fake.store.findMetafield(variantId, "$app:backorder", "eta")?.value);
  });

  it("declares the summary metafield definition readable by the storefront", async () => {
    // GIVEN a flagged variant
    const { fake, graphql, clientOptions } = await setUp();
    const { productId, variantIds } = addProduct(fake, "Linen Napkin", [{ available: 0 }]);
    await manage(TEST_SHOP, productId, variantIds[0] as string, { mode: "always" });

    // WHEN the sync writes its first summary
    await syncVariants({ shop: TEST_SHOP, graphql, variantIds, now: NOW, clientOptions });

    // THEN an app-owned json definition for variants exists with public storefront read access
    const definition = fake.store.findMetafieldDefinition("PRODUCTVARIANT", "$app:backorder", "eta");
    expect(definition).toMatchObject({ type: "json", access: { admin: "MERCHANT_READ", storefront: "PUBLIC_READ" } });
  });

  it("denies further sales once the cap of owed units is reached", async () => {
    // GIVEN a variant Shopify sells on backorder with 5 units owed and a cap of 5
    const { fake, graphql, clientOptions } = await setUp();
    const { productId, variantIds } = addProduct(fake, "Serving Bowl", [{ available: -5, inventoryPolicy: "CONTINUE" }]);
    const variantId = variantIds[0] as string;
    await manage(TEST_SHOP, productId, variantId, { mode: "always", cap: 5, syncedPolicy: "CONTINUE" });

    // WHEN the sync runs
    const report = await syncVariants({ shop: TEST_SHOP, graphql, variantIds, now: NOW, clientOptions });

    // THEN Shopify denies, and the summary says no backorder and no more units
    expect(report.policyChanges).toEqual([{ variantId, productId, from: "CONTINUE", to: "DENY" }]);
    expect(fake.store.getVariant(variantId).inventoryPolicy).toBe("DENY");
    expect(summaryOf(fake, variantId)).toMatchObject({ backorder: false, maxQty: 0 });
    expect((await row(variantId)).syncedPolicy).toBe("DENY");
  });

  it("keeps a when-sold-out variant on DENY while it has stock, then flips it when stock reaches zero", async () => {
    // GIVEN a "when sold out" variant with 10 units in stock
    const { fake, graphql, clientOptions } = await setUp();
    const { productId, variantIds } = addProduct(fake, "Beeswax Candle", [{ available: 10 }]);
    const variantId = variantIds[0] as string;
    await manage(TEST_SHOP, productId, variantId, { mode: "when_sold_out" });

    // WHEN the sync runs
    const first = await syncVariants({ shop: TEST_SHOP, graphql, variantIds, now: NOW, clientOptions });

    // THEN the policy stays DENY (no mutation) and the summary says "from stock"
    expect(first.policyChanges).toEqual([]);
    expect(fake.calls.some((c) => c.rootFields.includes("productVariantsBulkUpdate"))).toBe(false);
    expect(fake.store.getVariant(variantId).inventoryPolicy).toBe("DENY");
    expect(summaryOf(fake, variantId)).toMatchObject({ backorder: false, confidence: "high" });
    expect((await row(variantId)).syncedPolicy).toBe("DENY");

    // AND WHEN the stock sells out and the sync runs again
    fake.store.setAvailable(variantId, 0);
    const second = await syncVariants({ shop: TEST_SHOP, graphql, variantIds, now: NOW, clientOptions });

    // THEN Shopify now keeps selling and the summary announces a backorder
    expect(second.policyChanges).toEqual([{ variantId, productId, from: "DENY", to: "CONTINUE" }]);
    expect(summaryOf(fake, variantId)).toMatchObject({ backorder: true });
    expect((await row(variantId)).available).toBe(0);
  });

  it("restores DENY only on variants it had set to CONTINUE when backorders are turned off", async () => {
    // GIVEN two variants now off: one we had switched to CONTINUE (with a summary), one the merchant set to CONTINUE
    const { fake, graphql, clientOptions } = await setUp();
    const { productId, variantIds } = addProduct(fake, "Table Runner", [
      { options: { Size: "S" }, available: 0, inventoryPolicy: "CONTINUE" },
      { options: { Size: "L" }, available: 0, inventoryPolicy: "CONTINUE" },
    ]);
    const [ours, theirs] = variantIds as [string, string];
    fake.store.setMetafield({ ownerId: ours, namespace: "$app:backorder", key: "eta", type: "json", value: '{"v":1}' });
    await manage(TEST_SHOP, productId, ours, { mode: "off", syncedPolicy: "CONTINUE", syncedSummary: '{"v":1}' });
    await manage(TEST_SHOP, productId, theirs, { mode: "off" });

    // WHEN the sync runs
    const report = await syncVariants({ shop: TEST_SHOP, graphql, variantIds, now: NOW, clientOptions });

    // THEN ours is back to DENY without its summary; the merchant's own CONTINUE is untouched
    expect(report.failed).toEqual([]);
    expect(report.policyChanges).toEqual([{ variantId: ours, productId, from: "CONTINUE", to: "DENY" }]);
    expect(report.summariesDeleted).toBe(1);
    expect(fake.store.getVariant(ours).inventoryPolicy).toBe("DENY");
    expect(fake.store.getVariant(theirs).inventoryPolicy).toBe("CONTINUE");
    expect(summaryOf(fake, ours)).toBeNull();
    expect(await row(ours)).toMatchObject({ syncedPolicy: "DENY", syncedSummary: null, syncError: null });
    expect((await row(theirs)).syncedPolicy).toBeNull();
  });

  it("skips summaries that would tell the shopper nothing new", async () => {
    // GIVEN a variant synced once
    const { fake, graphql, clientOptions } = await setUp();
    const { productId, variantIds } = addProduct(fake, "Oat Mug", [{ available: 0 }]);
    await manage(TEST_SHOP, productId, variantIds[0] as string, { mode: "always" });
    await syncVariants({ shop: TEST_SHOP, graphql, variantIds, now: NOW, clientOptions });
    const before = fake.calls.length;

    // WHEN the sync runs again an hour later with nothing changed
    const report = await syncVariants({ shop: TEST_SHOP, graphql, variantIds, now: new Date(START + 3_600_000), clientOptions });

    // THEN only the read happens
    expect(report).toMatchObject({ synced: 1, summariesWritten: 0, summariesUnchanged: 1, policyChanges: [] });
    expect(fake.calls.slice(before).map((c) => c.operationName)).toEqual(["BackorderPilotVariantStock"]);
  });

  it("records a refused summary write as a failure, never as synced", async () => {
    // GIVEN a shop where the summary key is already defined with another type (Shopify refuses json there)
    const { fake, graphql, clientOptions } = await setUp();
    const { productId, variantIds } = addProduct(fake, "Jute Basket", [{ available: 0 }]);
    const variantId = variantIds[0] as string;
    fake.store.metafieldDefinitions.set("gid://shopify/MetafieldDefinition/1", {
      id: "gid://shopify/MetafieldDefinition/1",
      name: "Conflicting",
      namespace: fake.store.resolveNamespace("$app:backorder"),
      key: "eta",
      type: "single_line_text_field",
      ownerType: "PRODUCTVARIANT",
      description: null,
      access: { admin: "MERCHANT_READ", storefront: "NONE", customerAccount: "NONE" },
    });
    await manage(TEST_SHOP, productId, variantId, { mode: "always" });

    // WHEN the sync runs
    const report = await syncVariants({ shop: TEST_SHOP, graphql, variantIds, now: NOW, clientOptions });

    // THEN the failure is reported with Shopify's reason and stored; only the accepted policy is recorded
    expect(report.synced).toBe(0);
    expect(report.failed).toEqual([{ variantId, message: expect.stringMatching(/^Summary not written: Type must be/) }]);
    expect(summaryOf(fake, variantId)).toBeNull();
    const stored = await row(variantId);
    expect(stored).toMatchObject({ syncedPolicy: "CONTINUE", syncedSummary: null, syncedAt: null });
    expect(stored.syncError).toMatch(/Type must be 'single_line_text_field'/);
  });

  it("keeps going when Shopify refuses one variant of a product, and publishes no summary for it", async () => {
    // GIVEN two flagged variants of one product, where Shopify refuses the policy of the first
    const original = mutationResolvers().productVariantsBulkUpdate!;
    let refused = "";
    const { fake, graphql, clientOptions } = await setUp({
      resolvers: {
        "Mutation.productVariantsBulkUpdate": (_source, args, ctx, info) => {
          const variants = (args.variants as { id: string }[]).filter((v) => v.id !== refused);
          const index = (args.variants as { id: string }[]).findIndex((v) => v.id === refused);
          const result = original({ ...args, variants }, ctx, info) as { userErrors: unknown[] };
          const refusal = { field: ["variants", String(index), "inventoryPolicy"], message: "Gift cards cannot be oversold", code: "INVALID_INPUT" };
          return { ...result, userErrors: [...result.userErrors, refusal] };
        },
      },
    });
    const { productId, variantIds } = addProduct(fake, "Gift Box", [
      { options: { Size: "S" }, available: 0 },
      { options: { Size: "L" }, available: 0 },
    ]);
    const [bad, good] = variantIds as [string, string];
    refused = bad;
    await manage(TEST_SHOP, productId, bad, { mode: "always" });
    await manage(TEST_SHOP, productId, good, { mode: "always" });

    // WHEN the sync runs
    const report = await syncVariants({ shop: TEST_SHOP, graphql, variantIds, now: NOW, clientOptions });

    // THEN the refused variant is reported and left unsynced, without a summary; its sibling is synced
    expect(report.failed).toEqual([{ variantId: bad, message: "inventoryPolicy not changed: Gift cards cannot be oversold" }]);
    expect(report.synced).toBe(1);
    expect(summaryOf(fake, bad)).toBeNull();
    expect(await row(bad)).toMatchObject({ syncedPolicy: null, syncedSummary: null, syncedAt: null });
    expect(fake.store.getVariant(good).inventoryPolicy).toBe("CONTINUE");
    expect((await row(good)).syncedPolicy).toBe("CONTINUE");
  });

  it("resends the rest of an atomic metafieldsSet batch that one refused summary rolled back", async () => {
    // GIVEN three flagged variants whose summaries go in one metafieldsSet call, and Shopify refusing the second
    const original = mutationResolvers().metafieldsSet!;
    let refused = "";
    const { fake, graphql, clientOptions } = await setUp({
      resolvers: {
        "Mutation.metafieldsSet": (_source, args, ctx, info) => {
          const index = (args.metafields as { ownerId: string }[]).findIndex((m) => m.ownerId === refused);
          if (index < 0) return original(args, ctx, info);
          const error = { field: ["metafields", String(index), "value"], message: "Value is too large", code: "INVALID_VALUE", elementIndex: index };
          return { metafields: [], userErrors: [error] };
        },
      },
    });
    const { productId, variantIds } = addProduct(fake, "Dinner Set", [
      { options: { Size: "4" }, available: 0 },
      { options: { Size: "6" }, available: 0 },
      { options: { Size: "8" }, available: 0 },
    ]);
    refused = variantIds[1] as string;
    for (const id of variantIds) await manage(TEST_SHOP, productId, id, { mode: "always" });

    // WHEN the sync runs
    const report = await syncVariants({ shop: TEST_SHOP, graphql, variantIds, now: NOW, clientOptions });

    // THEN only the refused variant fails; the two rolled back with it were written on a second call
    expect(report.failed).toEqual([{ variantId: refused, message: "Summary not written: Value is too large" }]);
    expect(report.summariesWritten).toBe(2);
    expect(fake.calls.filter((c) => c.rootFields.includes("metafieldsSet"))).toHaveLength(2);
    expect(summaryOf(fake, variantIds[0] as string)).not.toBeNull();
    expect(summaryOf(fake, refused)).toBeNull();
    expect(summaryOf(fake, variantIds[2] as string)).not.toBeNull();
    expect((await row(refused)).syncedSummary).toBeNull();
  });

  it("reports a variant deleted on Shopify instead of failing the run", async () => {
    // GIVEN a managed row whose variant no longer exists
    const { fake, graphql, clientOptions } = await setUp();
    const { productId, variantIds } = addProduct(fake, "Tea Towel", [{ available: 0 }]);
    const ghost = "gid://shopify/ProductVariant/1";
    await manage(TEST_SHOP, productId, variantIds[0] as string, { mode: "always" });
    await manage(TEST_SHOP, productId, ghost, { mode: "always" });

    // WHEN both are synced
    const report = await syncVariants({ shop: TEST_SHOP, graphql, variantIds: [...variantIds, ghost], now: NOW, clientOptions });

    // THEN the live one is synced and the ghost is reported and marked
    expect(report.synced).toBe(1);
    expect(report.failed).toEqual([{ variantId: ghost, message: expect.stringMatching(/not found on Shopify/) }]);
    expect((await row(ghost)).syncError).toMatch(/not found on Shopify/);
  });
});

describe("throttling", () => {
  it("retries THROTTLED responses and completes", async () => {
    // GIVEN Shopify answers THROTTLED to the next two requests
    const { fake, graphql, clientOptions, time } = await setUp();
    const { productId, variantIds } = addProduct(fake, "Clay Vase", [{ available: 0 }]);
    await manage(TEST_SHOP, productId, variantIds[0] as string, { mode: "always" });
    fake.throttleNext(2, "THROTTLED");

    // WHEN the sync runs
    const report = await syncVariants({ shop: TEST_SHOP, graphql, variantIds, now: NOW, clientOptions });

    // THEN both were retried after backing off (1 s, then 2 s of simulated time) and the sync succeeded
    expect(fake.stats.throttled).toBe(2);
    expect(report.stats.throttledRetries).toBe(2);
    expect(report.stats.waitedMs).toBeGreaterThanOrEqual(3000);
    expect(time.clock.t - START).toBeGreaterThanOrEqual(3000);
    expect(report.failed).toEqual([]);
    expect(fake.store.getVariant(variantIds[0] as string).inventoryPolicy).toBe("CONTINUE");
  });

  it("waits Retry-After on HTTP 429 before retrying", async () => {
    // GIVEN Shopify answers HTTP 429 with Retry-After: 7 to the next request
    const { fake, graphql, clientOptions, time } = await setUp({ retryAfterSeconds: 7 });
    const { productId, variantIds } = addProduct(fake, "Linen Apron", [{ available: 0 }]);
    await manage(TEST_SHOP, productId, variantIds[0] as string, { mode: "always" });
    fake.throttleNext(1, "429");

    // WHEN the sync runs
    const report = await syncVariants({ shop: TEST_SHOP, graphql, variantIds, now: NOW, clientOptions });

    // THEN the client waited the 7 simulated seconds Shopify asked for, then went on
    expect(fake.stats.http429).toBe(1);
    expect(report.stats.http429Retries).toBe(1);
    expect(report.stats.waitedMs).toBe(7000);
    expect(time.clock.t - START).toBe(7000);
    expect(report.failed).toEqual([]);
  });

  it("retries a 429 that authenticate.admin turns into a thrown Response", async () => {
    // GIVEN the admin.graphql of an embedded request, and a 429 on the next request
    const { fake, clientOptions } = await setUp();
    const { admin } = await authenticate.admin(await embeddedDocumentRequest("/app"));
    const { productId, variantIds } = addProduct(fake, "Bread Board", [{ available: 0 }]);
    await manage(TEST_SHOP, productId, variantIds[0] as string, { mode: "always" });
    fake.throttleNext(1, "429");

    // WHEN the sync runs through it
    const report = await syncVariants({ shop: TEST_SHOP, graphql: admin.graphql, variantIds, now: NOW, clientOptions });

    // THEN the 429 was retried after the first backoff step
    expect(report.stats.http429Retries).toBe(1);
    expect(report.stats.waitedMs).toBe(1000);
    expect(report.failed).toEqual([]);
  });

  it("paces calls to the bucket so a long sync is never throttled", async () => {
    // GIVEN a small bucket (100 points, 10/s) and 30 flagged variants over 30 products
    const { fake, graphql, clientOptions } = await setUp({ bucket: { maximumAvailable: 100, restoreRate: 10 } });
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const { productId, variantIds } = addProduct(fake, `Plate ${i}`, [{ available: 0 }]);
      await manage(TEST_SHOP, productId, variantIds[0] as string, { mode: "always" });
      ids.push(variantIds[0] as string);
    }

    // WHEN they are synced together
    const report = await syncVariants({ shop: TEST_SHOP, graphql, variantIds: ids, now: NOW, clientOptions });

    // THEN every one is synced, the client waited for the bucket, and Shopify never had to throttle
    expect(report.synced).toBe(30);
    expect(report.stats.proactiveWaits).toBeGreaterThan(0);
    expect(fake.stats.throttled).toBe(0);
  });

  it("reports the variants left undone when Shopify keeps throttling", async () => {
    // GIVEN Shopify throttles every request from now on
    const { fake, graphql, time } = await setUp();
    const { productId, variantIds } = addProduct(fake, "Soap Dish", [{ available: 0 }]);
    await manage(TEST_SHOP, productId, variantIds[0] as string, { mode: "always" });
    fake.throttleNext(100, "THROTTLED");

    // WHEN the sync runs with 3 attempts per request
    const report = await syncVariants({
      shop: TEST_SHOP,
      graphql,
      variantIds,
      now: NOW,
      clientOptions: { now: time.now, sleep: time.sleep, maxAttempts: 3 },
    });

    // THEN it gives up without throwing and the variant carries the reason
    expect(report.synced).toBe(0);
    expect(report.failed[0]?.message).toMatch(/kept throttling after 3 attempts/);
    expect((await row(variantIds[0] as string)).syncError).toMatch(/kept throttling/);
  });
});

describe("shop isolation", () => {
  it("never reads or writes another shop's rows", async () => {
    // GIVEN the same variant id managed by two shops
    const { fake, graphql, clientOptions } = await setUp();
    const { productId, variantIds } = addProduct(fake, "Pitcher", [{ available: 0 }]);
    const variantId = variantIds[0] as string;
    await manage(TEST_SHOP, productId, variantId, { mode: "always" });
    await manage(OTHER_SHOP, productId, variantId, { mode: "when_sold_out" });
    const before = await row(variantId, OTHER_SHOP);

    // WHEN the test shop syncs every variant it manages
    const report = await syncVariants({ shop: TEST_SHOP, graphql, now: NOW, clientOptions });

    // THEN only the test shop's row changed
    expect(report.synced).toBe(1);
    expect(await row(variantId, OTHER_SHOP)).toEqual(before);
    expect((await row(variantId)).syncedPolicy).toBe("CONTINUE");
  });
});

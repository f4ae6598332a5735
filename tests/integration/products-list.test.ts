// The products list merges Shopify's catalogue with the app's backorder state, and its bulk actions
// flip variants on Shopify through the real admin.graphql.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action, loader } from "~/routes/app.products._index";
import { createAdminFake, seedDemoShop, type DemoShop } from "../../dev/admin-fake";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, embeddedDocumentRequest, embeddedFetchRequest } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";

let fake: Awaited<ReturnType<typeof installFakeShop>>;
let demo: DemoShop;

beforeEach(async () => {
  await prisma.backorderVariant.deleteMany({});
  await prisma.notifySubscription.deleteMany({});
  fake = await installFakeShop();
  demo = seedDemoShop(fake.store);
});

function bulk(intent: string, variantIds: string[], extra: Record<string, string> = {}) {
  const body = new URLSearchParams({ intent, variantIds: JSON.stringify(variantIds), ...extra });
  return embeddedFetchRequest("/app/products?index", { init: { method: "POST", body } });
}

describe("products list", () => {
  it("lists variants with stock and no backorder state before anything is enabled", async () => {
    // GIVEN the seeded catalogue
    // WHEN the merchant opens Products
    const response = await callRoute(loader, await embeddedDocumentRequest("/app/products"));

    // THEN one row per variant shows Shopify's stock and mode "off"
    expect(response.status).toBe(200);
    const { listing } = await response.json();
    expect(listing.rows.length).toBeGreaterThan(10);
    const butter = listing.rows.find((r: { sku: string }) => r.sku === "MA-BTD");
    expect(butter).toMatchObject({ productTitle: "Butter Dish", available: 0, mode: "off", waitingUnits: 0, nextEta: null });
  });

  it("filters sold-out products through Shopify's search", async () => {
    // GIVEN the seeded catalogue
    // WHEN the merchant picks the Sold out tab
    const response = await callRoute(loader, await embeddedDocumentRequest("/app/products?tab=sold_out"));

    // THEN only products with no stock left are listed
    const { listing } = await response.json();
    const titles = new Set(listing.rows.map((r: { productTitle: string }) => r.productTitle));
    expect(titles.has("Butter Dish")).toBe(true);
    expect(titles.has("Serving Platter")).toBe(false);
  });

  it("searches by product title", async () => {
    // GIVEN the seeded catalogue
    // WHEN the merchant searches "teapot"
    const response = await callRoute(loader, await embeddedDocumentRequest("/app/products?q=teapot"));

    // THEN only the teapot's variants are listed
    const { listing } = await response.json();
    expect(listing.rows.length).toBeGreaterThan(0);
    expect(listing.rows.every((r: { productTitle: string }) => r.productTitle === "Teapot")).toBe(true);
  });

  it("filters variants by backorder mode, keeping the mode in the URL state it returns", async () => {
    // GIVEN the Butter Dish on backorder "when sold out", every other variant off
    const butter = demo.variants["MA-BTD"]!;
    await callRoute(action, await bulk("enable", [butter.id]));

    // WHEN the merchant filters All by mode "When sold out", then by mode "Off"
    const whenSoldOut = await (await callRoute(loader, await embeddedDocumentRequest("/app/products?mode=when_sold_out"))).json();
    const off = await (await callRoute(loader, await embeddedDocumentRequest("/app/products?mode=off"))).json();

    // THEN the first lists the Butter Dish only, the second every listed variant but it
    expect(whenSoldOut.filter).toEqual({ tab: "all", query: "", mode: "when_sold_out" });
    expect(whenSoldOut.listing.rows.map((r: { variantId: string }) => r.variantId)).toEqual([butter.id]);
    expect(off.listing.rows.length).toBeGreaterThan(10);
    expect(off.listing.rows.every((r: { mode: string }) => r.mode === "off")).toBe(true);
  });

  it("shows how many shoppers wait on a variant's notify-me list", async () => {
    // GIVEN two active signups and one unsubscribed for the Butter Dish
    const butter = demo.variants["MA-BTD"]!;
    for (const [email, status] of [["a@example.com", "active"], ["b@example.com", "active"], ["c@example.com", "unsubscribed"]]) {
      await prisma.notifySubscription.create({ data: { shop: TEST_SHOP, variantId: butter.id, email: email!, status: status!, unsubscribeToken: `token-${email}` } });
    }

    // WHEN the merchant opens Products
    const { listing } = await (await callRoute(loader, await embeddedDocumentRequest("/app/products?q=butter"))).json();

    // THEN its row counts the two still waiting; other rows none
    const rows = listing.rows as { variantId: string; waitlist: number }[];
    expect(rows.find((r) => r.variantId === butter.id)?.waitlist).toBe(2);
    expect(rows.filter((r) => r.variantId !== butter.id).every((r) => r.waitlist === 0)).toBe(true);
  });

  it("pages through the catalogue with cursors", async () => {
    // GIVEN more products than one page holds
    const first = await (await callRoute(loader, await embeddedDocumentRequest("/app/products"))).json();
    expect(first.listing.pageInfo.hasNextPage).toBe(true);

    // WHEN the merchant goes to the next page
    const second = await (
      await callRoute(loader, await embeddedDocumentRequest(`/app/products?cursor=${encodeURIComponent(first.listing.pageInfo.next)}`))
    ).json();

    // THEN it holds other products and can go back
    const firstIds = new Set(first.listing.rows.map((r: { productId: string }) => r.productId));
    expect(second.listing.rows.some((r: { productId: string }) => firstIds.has(r.productId))).toBe(false);
    expect(second.listing.pageInfo.hasPreviousPage).toBe(true);
  });
});

describe("bulk actions", () => {
  it("enabling backorder on a sold-out variant sets CONTINUE on Shopify and publishes its ETA", async () => {
    // GIVEN the sold-out Butter Dish (DENY on Shopify)
    const butter = demo.variants["MA-BTD"]!;

    // WHEN the merchant enables backorder on it
    const response = await callRoute(action, await bulk("enable", [butter.id]));

    // THEN Shopify sells it on backorder and holds its ETA summary; the list shows the estimate
    expect(response.status).toBe(200);
    expect((await response.json()).ok).toBe(true);
    expect(fake.store.getVariant(butter.id).inventoryPolicy).toBe("CONTINUE");
    // AND the app knows its inventory item, so stock webhooks for it are recognised at once
    const row = await prisma.backorderVariant.findFirst({ where: { variantId: butter.id }, select: { inventoryItemId: true } });
    expect(row?.inventoryItemId).toBe(fake.store.getVariant(butter.id).inventoryItemId);
    const summary = JSON.parse(fake.store.findMetafield(butter.id, "$app:backorder", "eta")!.value);
    expect(summary).toMatchObject({ v: 1, mode: "when_sold_out", backorder: true });
    expect(summary.next.standard.earliest <= summary.next.standard.latest).toBe(true);
    const { listing } = await (await callRoute(loader, await embeddedDocumentRequest("/app/products?tab=backorderable"))).json();
    expect(listing.rows.find((r: { variantId: string }) => r.variantId === butter.id)).toMatchObject({ mode: "when_sold_out" });
    expect(listing.rows.find((r: { variantId: string }) => r.variantId === butter.id).etaText).toMatch(/\d/);
  });

  it("disabling restores DENY and removes the summary", async () => {
    // GIVEN a variant the app enabled
    const butter = demo.variants["MA-BTD"]!;
    await callRoute(action, await bulk("enable", [butter.id]));

    // WHEN the merchant disables it
    await callRoute(action, await bulk("disable", [butter.id]));

    // THEN Shopify stops selling it and no summary remains
    expect(fake.store.getVariant(butter.id).inventoryPolicy).toBe("DENY");
    expect(fake.store.findMetafield(butter.id, "$app:backorder", "eta")).toBeUndefined();
  });

  it("sets the lead time on every selected variant", async () => {
    // GIVEN two enabled variants
    const ids = [demo.variants["MA-BTD"]!.id, demo.variants["MA-PLT"]!.id];
    await callRoute(action, await bulk("enable", ids));

    // WHEN the merchant sets a 30-day lead time on both
    const response = await callRoute(action, await bulk("lead-time", ids, { leadTimeDays: "30" }));

    // THEN both rows have it
    expect(response.status).toBe(200);
    const rows = await prisma.backorderVariant.findMany({ where: { variantId: { in: ids } }, select: { leadTimeDays: true } });
    expect(rows.map((r) => r.leadTimeDays)).toEqual([30, 30]);
  });

  it("refuses a lead time that is not a number with the error beside the field and changes nothing", async () => {
    // GIVEN an enabled variant
    const butter = demo.variants["MA-BTD"]!;
    await callRoute(action, await bulk("enable", [butter.id]));
    const callsBefore = fake.calls.length;

    // WHEN the merchant submits an invalid lead time
    const response = await callRoute(action, await bulk("lead-time", [butter.id], { leadTimeDays: "soon" }));

    // THEN it answers 400 with a field error; no write happened anywhere
    expect(response.status).toBe(400);
    expect((await response.json()).errors.leadTimeDays).toMatch(/lead time/i);
    expect(fake.calls.length).toBe(callsBefore);
    expect((await prisma.backorderVariant.findFirst({ where: { variantId: butter.id } }))?.leadTimeDays).toBeNull();
  });

  it("refuses another shop's variant with 404 and writes nothing", async () => {
    // GIVEN a variant that exists only in another shop
    const other = createAdminFake({ shop: "other-shop.myshopify.com" });
    const foreign = seedDemoShop(other.store).variants["MA-BTD"]!;
    const foreignId = foreign.id.replace(/\d+$/, "999999999");

    // WHEN the merchant's request names it
    const response = await callRoute(action, await bulk("enable", [foreignId]));

    // THEN it is refused and nothing is recorded
    expect(response.status).toBe(404);
    expect(await prisma.backorderVariant.count()).toBe(0);
  });
});

describe("bulk actions and open product pages", () => {
  it("a bulk edit moves each variant's version on, so a product page opened before it cannot overwrite it", async () => {
    // GIVEN the Butter Dish page open (version loaded) while the merchant bulk-disables it from the list
    const { action: productAction, loader: productLoader } = await import("~/routes/app.products.$id");
    const butter = demo.variants["MA-BTD"]!;
    const [productNumber, variantNumber] = [butter.productId, butter.id].map((gid) => gid.split("/").pop()!);
    await callRoute(action, await bulk("enable", [butter.id]));
    const page = await callRoute(productLoader, await embeddedDocumentRequest(`/app/products/${productNumber}?variant=${variantNumber}`), { id: productNumber! });
    const version = String((await page.json()).editor.settings.version);
    await callRoute(action, await bulk("disable", [butter.id]));

    // WHEN the stale page saves mode "always"
    const body = new URLSearchParams({ intent: "save-variant", variantId: butter.id, version, mode: "always", cap: "", leadTimeDays: "", capacityPerWeek: "", startsOn: "", endsOn: "", messageEn: "", messageFr: "" });
    const response = await callRoute(productAction, await embeddedFetchRequest(`/app/products/${productNumber}`, { init: { method: "POST", body } }), { id: productNumber! });

    // THEN it is a conflict and the bulk "off" stands
    expect(response.status).toBe(409);
    expect((await prisma.backorderVariant.findFirstOrThrow({ where: { variantId: butter.id } })).mode).toBe("off");
  });
});

describe("an admin page while background jobs use Shopify's bucket", () => {
  it("waits out THROTTLED answers and a 429 instead of failing the page", async () => {
    // GIVEN Shopify throttles the next two reads (the bucket short of the list's 622 requested points, as
    // during a burst of order jobs) and then answers 429 once
    fake.throttleNext(2, "THROTTLED");
    fake.throttleNext(1, "429");

    // WHEN the merchant opens Products
    const response = await callRoute(loader, await embeddedDocumentRequest("/app/products"));

    // THEN the page answers with the catalogue (a little later), not a 500
    expect(response.status).toBe(200);
    const { listing } = await response.json();
    expect(listing.rows.length).toBeGreaterThan(10);
    expect(fake.stats.throttled).toBeGreaterThanOrEqual(2);
  });
});

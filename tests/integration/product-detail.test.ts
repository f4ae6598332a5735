// The product page: per-variant settings, batches and queue, saved through the real loader/action and
// synced to the schema-checked Admin fake.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action, loader } from "~/routes/app.products.$id";
import { seedDemoShop, type DemoShop } from "../helpers/admin-fake";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, embeddedDocumentRequest, embeddedFetchRequest } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";

let fake: Awaited<ReturnType<typeof installFakeShop>>;
let demo: DemoShop;

beforeEach(async () => {
  await prisma.backorderLine.deleteMany({});
  await prisma.backorderVariant.deleteMany({});
  fake = await installFakeShop();
  demo = seedDemoShop(fake.store);
});

const number = (gid: string) => gid.split("/").pop()!;

function productOf(sku: string) {
  const variant = demo.variants[sku]!;
  return { variant, productNumber: number(variant.productId), variantNumber: number(variant.id) };
}

const blankSettings = { cap: "", leadTimeDays: "", capacityPerWeek: "", startsOn: "", endsOn: "", messageEn: "", messageFr: "" };

async function post(productNumber: string, fields: Record<string, string>) {
  return callRoute(
    action,
    await embeddedFetchRequest(`/app/products/${productNumber}`, { init: { method: "POST", body: new URLSearchParams(fields) } }),
    { id: productNumber },
  );
}

async function open(productNumber: string, variantNumber: string) {
  const response = await callRoute(loader, await embeddedDocumentRequest(`/app/products/${productNumber}?variant=${variantNumber}`), {
    id: productNumber,
  });
  return { status: response.status, body: response.status === 200 ? await response.json() : null };
}

describe("product page", () => {
  it("flagging a sold-out variant sets CONTINUE on Shopify and writes the ETA metafield", async () => {
    // GIVEN the sold-out Butter Dish
    const { variant, productNumber } = productOf("MA-BTD");

    // WHEN the merchant sets it to backorder "always" with a 14-day lead time
    const response = await post(productNumber, { intent: "save-variant", variantId: variant.id, ...blankSettings, mode: "always", leadTimeDays: "14" });

    // THEN Shopify keeps selling it and holds the summary JSON
    expect(response.status).toBe(200);
    expect(fake.store.getVariant(variant.id).inventoryPolicy).toBe("CONTINUE");
    const summary = JSON.parse(fake.store.findMetafield(variant.id, "$app:backorder", "eta")!.value);
    expect(summary).toMatchObject({ v: 1, mode: "always", backorder: true, confidence: "low" });
  });

  it("turns the policy back to DENY once the cap of owed units is reached", async () => {
    // GIVEN a variant that already owes 3 units (available -3)
    const { variant, productNumber } = productOf("MA-BTD");
    fake.store.setAvailable(variant.id, -3);

    // WHEN the merchant caps backorders at 3 units
    await post(productNumber, { intent: "save-variant", variantId: variant.id, ...blankSettings, mode: "always", cap: "3" });

    // THEN Shopify stops selling: the store never oversells past the cap
    expect(fake.store.getVariant(variant.id).inventoryPolicy).toBe("DENY");
    const { body } = await open(productNumber, number(variant.id));
    expect(body.editor.preview.decision.reason).toBe("cap_reached");
  });

  it("answers 400 with errors beside the fields and changes nothing on bad input", async () => {
    // GIVEN the Butter Dish, untouched
    const { variant, productNumber } = productOf("MA-BTD");
    const callsBefore = fake.calls.length;

    // WHEN the merchant submits a negative cap and a schedule ending before it starts
    const response = await post(productNumber, {
      intent: "save-variant",
      variantId: variant.id,
      ...blankSettings,
      mode: "always",
      cap: "-1",
      startsOn: "2026-12-10",
      endsOn: "2026-12-01",
    });

    // THEN each error is named for its field, and neither the database nor Shopify changed
    expect(response.status).toBe(400);
    const { errors } = await response.json();
    expect(Object.keys(errors).sort()).toEqual(["cap", "endsOn"]);
    expect(await prisma.backorderVariant.count()).toBe(0);
    expect(fake.calls.slice(callsBefore).filter((c) => c.operationType === "mutation")).toEqual([]);
    expect(fake.store.getVariant(variant.id).inventoryPolicy).toBe("DENY");
  });

  it("answers 404 for a product id this shop does not have", async () => {
    // GIVEN an id that is not one of this shop's products (e.g. another shop's)
    // WHEN the merchant opens it, or posts to it
    const page = await open("999999999999", "1");
    const write = await post("999999999999", { intent: "save-variant", variantId: "gid://shopify/ProductVariant/1", ...blankSettings, mode: "always" });

    // THEN both are Not Found
    expect(page.status).toBe(404);
    expect(write.status).toBe(404);
  });

  it("refuses a variant that belongs to another product", async () => {
    // GIVEN the Butter Dish page and a Teapot variant
    const { productNumber } = productOf("MA-BTD");
    const teapot = Object.values(demo.variants).find((v) => v.sku?.startsWith("MA-TPT"))!;

    // WHEN the form names the Teapot variant
    const response = await post(productNumber, { intent: "save-variant", variantId: teapot.id, ...blankSettings, mode: "always" });

    // THEN it is refused and nothing is written
    expect(response.status).toBe(404);
    expect(await prisma.backorderVariant.count()).toBe(0);
  });

  it("adding an incoming batch changes the previewed delivery date", async () => {
    // GIVEN a backorderable sold-out variant whose date comes from a 60-day lead time
    const { variant, productNumber, variantNumber } = productOf("MA-BTD");
    await post(productNumber, { intent: "save-variant", variantId: variant.id, ...blankSettings, mode: "always", leadTimeDays: "60" });
    const before = (await open(productNumber, variantNumber)).body.editor.preview.summary.next.standard;

    // WHEN the merchant adds a batch of 20 expected in ten days
    const expectedOn = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const response = await post(productNumber, { intent: "save-batch", variantId: variant.id, quantity: "20", expectedOn, receivedOn: "", supplier: "Atelier Nord" });

    // THEN the preview (and Shopify's summary) show an earlier date, served from the batch
    expect(response.status).toBe(200);
    const after = (await open(productNumber, variantNumber)).body.editor;
    expect(after.preview.summary.next.standard.latest < before.latest).toBe(true);
    expect(after.batches).toHaveLength(1);
    const published = JSON.parse(fake.store.findMetafield(variant.id, "$app:backorder", "eta")!.value);
    expect(published.next.standard).toEqual(after.preview.summary.next.standard);
  });

  it("shows the waiting queue first-in-first-out with each line's date and source", async () => {
    // GIVEN a backorderable variant owing 3 units to two orders, and a batch of 2 units
    const { variant, productNumber, variantNumber } = productOf("MA-BTD");
    fake.store.setAvailable(variant.id, -3);
    await post(productNumber, { intent: "save-variant", variantId: variant.id, ...blankSettings, mode: "always", leadTimeDays: "30" });
    const expectedOn = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await post(productNumber, { intent: "save-batch", variantId: variant.id, quantity: "2", expectedOn, receivedOn: "", supplier: "" });
    const base = { shop: TEST_SHOP, variantId: variant.id, customerLocale: "en" };
    await prisma.backorderLine.createMany({
      data: [
        { ...base, orderId: "gid://shopify/Order/1", orderName: "#1001", lineItemId: "gid://shopify/LineItem/1", quantity: 2, orderedAt: new Date("2026-11-01T10:00:00Z") },
        { ...base, orderId: "gid://shopify/Order/2", orderName: "#1002", lineItemId: "gid://shopify/LineItem/2", quantity: 1, orderedAt: new Date("2026-11-02T10:00:00Z") },
      ],
    });

    // WHEN the merchant opens the page
    const { body } = await open(productNumber, variantNumber);

    // THEN the oldest order is served by the batch and the next one by the lead time, later
    const [first, second] = body.editor.queue;
    expect(first).toMatchObject({ orderName: "#1001", source: { kind: "batch" } });
    expect(second).toMatchObject({ orderName: "#1002", source: { kind: "lead_time" } });
    expect(second.eta.latest >= first.eta.latest).toBe(true);
  });

  it("removing a batch of another variant is refused", async () => {
    // GIVEN a batch on the Butter Dish
    const { variant, productNumber } = productOf("MA-BTD");
    await post(productNumber, { intent: "save-variant", variantId: variant.id, ...blankSettings, mode: "always" });
    await post(productNumber, { intent: "save-batch", variantId: variant.id, quantity: "5", expectedOn: "2027-01-10", receivedOn: "", supplier: "" });
    const batch = await prisma.incomingBatch.findFirstOrThrow();

    // WHEN a request names that batch with a variant of another product
    const teapot = productOf(Object.values(demo.variants).find((v) => v.sku?.startsWith("MA-TPT"))!.sku!);
    const response = await post(teapot.productNumber, { intent: "remove-batch", variantId: teapot.variant.id, batchId: batch.id });

    // THEN the batch survives
    expect(response.status).toBe(404);
    expect(await prisma.incomingBatch.count()).toBe(1);
  });

  it("forecasts when an in-stock variant sells out from its last 28 days of sales", async () => {
    // GIVEN the Serving Platter with 28 units sold over the last four weeks (1 a day) and 14 in stock
    const { variant, productNumber, variantNumber } = productOf("MA-PLT");
    fake.store.setAvailable(variant.id, 14);
    for (let day = 1; day <= 14; day++) {
      const createdAt = new Date(Date.now() - day * 2 * 86_400_000 + 3_600_000).toISOString();
      fake.store.addOrder({ lineItems: [{ variantId: variant.id, quantity: 2 }], createdAt, commitInventory: false, email: `c${day}@example.com` });
    }

    // WHEN the merchant opens the variant
    const { body } = await open(productNumber, variantNumber);

    // THEN the page shows a velocity of about one a day and a sell-out date two weeks out
    expect(body.editor.forecast.velocityPerDay).toBeCloseTo(1, 1);
    expect(body.editor.forecast.daysOfCover).toBeGreaterThan(12);
    expect(body.editor.forecast.daysOfCover).toBeLessThan(16);
    expect(body.editor.forecast.sellOutDate > new Date().toISOString().slice(0, 10)).toBe(true);
  });

  it("makes no forecast for a sold-out variant", async () => {
    // GIVEN the sold-out Butter Dish
    const { productNumber, variantNumber } = productOf("MA-BTD");

    // WHEN the merchant opens it
    const { body } = await open(productNumber, variantNumber);

    // THEN there is no sell-out forecast (it is already out)
    expect(body.editor.forecast).toBeNull();
  });
});

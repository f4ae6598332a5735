// The product page: per-variant settings, batches and queue, saved through the real loader/action and
// synced to the schema-checked Admin fake.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action, loader } from "~/routes/app.products.$id";
import { adminMessages } from "~/i18n/admin";
import { seedDemoShop, type DemoShop } from "../../dev/admin-fake";
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

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("bad dates, double submits and two tabs on the product page", () => {
  async function managedButterDish() {
    const product = productOf("MA-BTD");
    await post(product.productNumber, { intent: "save-variant", variantId: product.variant.id, ...blankSettings, mode: "always", leadTimeDays: "30" });
    return product;
  }

  it("keeps the page working with a batch dated 9999-12-31 in the database, flags it, and lets the merchant remove it", async () => {
    // GIVEN a managed variant whose batch was saved as 9999-12-31 before dates were validated
    const { variant, productNumber, variantNumber } = await managedButterDish();
    const row = await prisma.backorderVariant.findFirstOrThrow({ where: { variantId: variant.id } });
    const bad = await prisma.incomingBatch.create({
      data: { shop: TEST_SHOP, backorderVariantId: row.id, quantity: 5, expectedOn: "9999-12-31", supplier: "Atelier Nord" },
    });

    // WHEN the merchant opens the product page
    const page = await open(productNumber, variantNumber);

    // THEN it renders, says why there is no estimate, and marks the batch
    expect(page.status).toBe(200);
    expect(page.body.editor.problem).toEqual({ kind: "batch_date", batchIds: [bad.id] });
    expect(page.body.editor.batches).toMatchObject([{ id: bad.id, expectedOn: "9999-12-31", dateProblem: true }]);
    expect(page.body.editor.preview).toBeNull();

    // AND WHEN the merchant removes the batch
    const removed = await post(productNumber, { intent: "remove-batch", variantId: variant.id, batchId: bad.id });

    // THEN it is gone and the variant has an estimate again
    expect(removed.status).toBe(200);
    const after = await open(productNumber, variantNumber);
    expect(after.body.editor.problem).toBeNull();
    expect(after.body.editor.preview.summary.next.standard).toBeTruthy();
  });

  it("lets the merchant fix the date of a bad batch through the edit form", async () => {
    // GIVEN a batch stored with an impossible date
    const { variant, productNumber, variantNumber } = await managedButterDish();
    const row = await prisma.backorderVariant.findFirstOrThrow({ where: { variantId: variant.id } });
    const bad = await prisma.incomingBatch.create({ data: { shop: TEST_SHOP, backorderVariantId: row.id, quantity: 5, expectedOn: "2026-02-30" } });

    // WHEN the merchant edits it to a real date, naming the version the page loaded
    const { body } = await open(productNumber, variantNumber);
    const response = await post(productNumber, {
      intent: "save-batch",
      variantId: variant.id,
      batchId: bad.id,
      version: String(body.editor.batches[0].version),
      quantity: "5",
      expectedOn: daysFromNow(20),
      receivedOn: "",
      supplier: "",
    });

    // THEN it is saved and the page estimates again
    expect(response.status).toBe(200);
    expect((await open(productNumber, variantNumber)).body.editor.problem).toBeNull();
  });

  it("refuses an expected date in year 9999 and a received date after today, writing nothing", async () => {
    // GIVEN a managed variant
    const { variant, productNumber } = await managedButterDish();

    // WHEN the merchant adds a batch expected 9999-12-31 and received tomorrow
    const response = await post(productNumber, {
      intent: "save-batch",
      variantId: variant.id,
      quantity: "5",
      expectedOn: "9999-12-31",
      receivedOn: daysFromNow(2),
      supplier: "",
    });

    // THEN both dates are refused next to their fields, and no batch exists
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({
      expectedOn: "Enter an expected date between one year ago and three years from now",
      receivedOn: "The received date cannot be in the future or more than five years ago",
    });
    expect(await prisma.incomingBatch.count()).toBe(0);
  });

  it("refuses a selling window that ends in year 9999", async () => {
    // GIVEN the Butter Dish
    const { variant, productNumber } = productOf("MA-BTD");

    // WHEN the merchant closes backorders on 9999-12-31
    const response = await post(productNumber, { intent: "save-variant", variantId: variant.id, ...blankSettings, mode: "always", endsOn: "9999-12-31" });

    // THEN the end date is refused
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ endsOn: "Enter a date between five years ago and three years from now" });
  });

  it("creates one batch when the same Add batch form is submitted twice, even at once", async () => {
    // GIVEN a managed variant and an add-batch form with its submission key
    const { variant, productNumber } = await managedButterDish();
    const form = { intent: "save-batch", variantId: variant.id, submissionKey: "add-7f3c2a91e4", quantity: "12", expectedOn: daysFromNow(15), receivedOn: "", supplier: "" };

    // WHEN it is double-clicked (two posts at once) and then resubmitted
    const [first, second] = await Promise.all([post(productNumber, form), post(productNumber, form)]);
    const third = await post(productNumber, form);

    // THEN every submit succeeds and there is exactly one batch
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    expect(await prisma.incomingBatch.findMany({ select: { quantity: true, submissionKey: true } })).toEqual([{ quantity: 12, submissionKey: "add-7f3c2a91e4" }]);
  });

  it("answers 409 to a second tab saving variant settings it loaded before the first tab's save, writing nothing", async () => {
    // GIVEN the variant page open in two tabs
    const { variant, productNumber, variantNumber } = await managedButterDish();
    const loaded = String((await open(productNumber, variantNumber)).body.editor.settings.version);

    // WHEN tab A sets the cap to 5, then tab B (same loaded version) sets a 90-day lead time
    const first = await post(productNumber, { intent: "save-variant", variantId: variant.id, version: loaded, ...blankSettings, mode: "always", leadTimeDays: "30", cap: "5" });
    const second = await post(productNumber, { intent: "save-variant", variantId: variant.id, version: loaded, ...blankSettings, mode: "always", leadTimeDays: "90" });

    // THEN B is told to reload, and A's cap is still there
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect((await second.json()).errors).toEqual({
      form: "Someone else changed this since you opened it, so nothing was saved. Reload to see their changes.",
    });
    expect(await prisma.backorderVariant.findFirstOrThrow({ where: { variantId: variant.id } })).toMatchObject({ cap: 5, leadTimeDays: 30 });
  });

  it("answers 409 to a stale edit of a batch, keeping the other tab's change", async () => {
    // GIVEN a batch open in two tabs
    const { variant, productNumber, variantNumber } = await managedButterDish();
    await post(productNumber, { intent: "save-batch", variantId: variant.id, quantity: "10", expectedOn: daysFromNow(10), receivedOn: "", supplier: "" });
    const batch = (await open(productNumber, variantNumber)).body.editor.batches[0];
    const edit = (quantity: string) => ({
      intent: "save-batch", variantId: variant.id, batchId: batch.id, version: String(batch.version), quantity, expectedOn: batch.expectedOn, receivedOn: "", supplier: "",
    });

    // WHEN tab A changes the quantity to 20, then tab B to 30 from the same loaded version
    const first = await post(productNumber, edit("20"));
    const second = await post(productNumber, edit("30"));

    // THEN the second is a conflict and the batch holds 20
    expect([first.status, second.status]).toEqual([200, 409]);
    expect((await prisma.incomingBatch.findUniqueOrThrow({ where: { id: batch.id } })).quantity).toBe(20);
  });
});

describe("over-cap orders in the waiting queue", () => {
  it("marks the line of an order that took the variant past its cap, in English and French", async () => {
    // GIVEN a backorderable variant capped at 2, owing 3 units: #1001 within the cap, #1002 past it (flagged by the ledger)
    const { variant, productNumber, variantNumber } = productOf("MA-BTD");
    fake.store.setAvailable(variant.id, -3);
    await post(productNumber, { intent: "save-variant", variantId: variant.id, ...blankSettings, mode: "always", cap: "2" });
    const base = { shop: TEST_SHOP, variantId: variant.id, customerLocale: "en" };
    await prisma.backorderLine.createMany({
      data: [
        { ...base, orderId: "gid://shopify/Order/1", orderName: "#1001", lineItemId: "gid://shopify/LineItem/1", quantity: 2, orderedAt: new Date("2026-11-01T10:00:00Z") },
        { ...base, orderId: "gid://shopify/Order/2", orderName: "#1002", lineItemId: "gid://shopify/LineItem/2", quantity: 1, orderedAt: new Date("2026-11-02T10:00:00Z"), overCap: true },
      ],
    });

    // WHEN the merchant opens the page, in English then in French
    const { body } = await open(productNumber, variantNumber);
    const fr = await callRoute(loader, await embeddedDocumentRequest(`/app/products/${productNumber}?variant=${variantNumber}&locale=fr`), { id: productNumber });

    // THEN only #1002 carries the flag the page shows as an "Over cap" badge, labelled in both languages
    expect(body.editor.queue.map((line: { orderName: string; overCap: boolean }) => [line.orderName, line.overCap])).toEqual([
      ["#1001", false],
      ["#1002", true],
    ]);
    // (the page's text comes from the root loader's messages for the request's language)
    const frBody = await fr.json();
    expect(adminMessages(body.locale)["product.queue.overCap"]).toBe("Over cap");
    expect(adminMessages(frBody.locale)["product.queue.overCap"]).toBe("Au-delà du plafond");
  });
});

// A variant's notify-me waitlist in the admin: the list and its count, the CSV export, and "Send now",
// each scoped to the shop that owns the product.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action, loader } from "~/routes/app.products.$id_.waitlist";
import { loader as csvLoader } from "~/routes/app.products.$id_.waitlist[.]csv";
import { seedDemoShop, type DemoShop } from "../../dev/admin-fake";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, embeddedDocumentRequest, embeddedFetchRequest } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";

const OTHER_SHOP = "other-shop.myshopify.com";
let demo: DemoShop;

beforeEach(async () => {
  await prisma.$transaction([prisma.notifySubscription.deleteMany({}), prisma.emailOutbox.deleteMany({})]);
  const fake = await installFakeShop();
  demo = seedDemoShop(fake.store);
});

const numberOf = (gid: string) => gid.split("/").pop()!;

async function signUp(variantId: string, email: string, { shop = TEST_SHOP, status = "active", locale = "en", minutesAgo = 0 } = {}) {
  await prisma.notifySubscription.create({
    data: { shop, variantId, email, status, locale, unsubscribeToken: `t-${shop}-${email}`, createdAt: new Date(Date.now() - minutesAgo * 60_000) },
  });
}

function butter() {
  const variant = demo.variants["MA-BTD"]!;
  return { variant, productNumber: numberOf(variant.productId), variantNumber: numberOf(variant.id) };
}

describe("waitlist page", () => {
  it("lists the shoppers still waiting for the variant, oldest first, with their count", async () => {
    // GIVEN two active signups, one unsubscribed, one for another variant and one in another shop
    const { variant, productNumber, variantNumber } = butter();
    await signUp(variant.id, "first@example.com", { minutesAgo: 30, locale: "fr" });
    await signUp(variant.id, "second@example.com", { minutesAgo: 10 });
    await signUp(variant.id, "gone@example.com", { status: "unsubscribed" });
    await signUp(demo.variants["MA-PLT"]!.id, "platter@example.com");
    await signUp(variant.id, "elsewhere@example.com", { shop: OTHER_SHOP });

    // WHEN the merchant opens the Butter Dish's waitlist
    const response = await callRoute(loader, await embeddedDocumentRequest(`/app/products/${productNumber}/waitlist?variant=${variantNumber}`), { id: productNumber });

    // THEN only this shop's two waiting shoppers are listed, with their language and status
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.active).toBe(2);
    expect(data.entries.map((e: { email: string; locale: string; status: string }) => [e.email, e.locale, e.status])).toEqual([
      ["first@example.com", "fr", "active"],
      ["second@example.com", "en", "active"],
    ]);
    expect(data.entries[0].signedUp).toMatch(/\d/);
  });

  it("answers 404 for a product of another shop", async () => {
    // GIVEN a product number this shop does not have
    // WHEN its waitlist is asked for
    const response = await callRoute(loader, await embeddedDocumentRequest("/app/products/999999999/waitlist"), { id: "999999999" });

    // THEN not found
    expect(response.status).toBe(404);
  });

  it("answers 404 for a variant that is not one of the product's", async () => {
    // GIVEN the Butter Dish and a variant of another product
    const { productNumber } = butter();
    const platter = numberOf(demo.variants["MA-PLT"]!.id);

    // WHEN the waitlist names that variant under the Butter Dish
    const response = await callRoute(loader, await embeddedDocumentRequest(`/app/products/${productNumber}/waitlist?variant=${platter}`), { id: productNumber });

    // THEN not found
    expect(response.status).toBe(404);
  });
});

describe("waitlist export", () => {
  it("downloads this shop's waiting shoppers as CSV, with formulas neutralised", async () => {
    // GIVEN two waiting shoppers (one whose address starts like a spreadsheet formula) and one in another shop
    const { variant, productNumber, variantNumber } = butter();
    await signUp(variant.id, "anna@example.com", { minutesAgo: 5, locale: "fr" });
    await signUp(variant.id, "=cmd@example.com");
    await signUp(variant.id, "elsewhere@example.com", { shop: OTHER_SHOP });

    // WHEN the merchant exports the list
    const response = await callRoute(csvLoader, await embeddedFetchRequest(`/app/products/${productNumber}/waitlist.csv?variant=${variantNumber}`), { id: productNumber });

    // THEN a CSV attachment lists exactly those two, header first
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/csv/);
    expect(response.headers.get("Content-Disposition")).toMatch(/attachment; filename="waitlist-.*\.csv"/);
    const lines = (await response.text()).trim().split("\n");
    expect(lines[0]).toBe("email,language,signed_up_at,status,notified_at");
    expect(lines.slice(1).map((line) => line.split(",").slice(0, 2).concat(line.split(",")[3]!))).toEqual([
      ["anna@example.com", "fr", "active"],
      ["'=cmd@example.com", "en", "active"],
    ]);
  });
});

describe("send now", () => {
  it("emails every waiting shopper the back-in-stock alert at once and takes them off the list", async () => {
    // GIVEN three shoppers waiting for the sold-out Butter Dish (more than any units that arrived: none did)
    const { variant, productNumber, variantNumber } = butter();
    for (const email of ["a@example.com", "b@example.com", "c@example.com"]) await signUp(variant.id, email);
    await signUp(variant.id, "elsewhere@example.com", { shop: OTHER_SHOP });

    // WHEN the merchant confirms "Send now"
    const body = new URLSearchParams({ intent: "send-now", variant: variantNumber });
    const response = await callRoute(action, await embeddedFetchRequest(`/app/products/${productNumber}/waitlist`, { init: { method: "POST", body } }), { id: productNumber });

    // THEN all three get the back-in-stock email, are marked notified, and the other shop's signup is untouched
    expect(response.status).toBe(200);
    expect((await response.json()).message).toBe("Back-in-stock email queued for 3 shoppers");
    const emails = await prisma.emailOutbox.findMany({ where: { kind: "back_in_stock" }, select: { shop: true, toEmail: true } });
    expect(emails.map((e) => [e.shop, e.toEmail]).sort()).toEqual([
      [TEST_SHOP, "a@example.com"],
      [TEST_SHOP, "b@example.com"],
      [TEST_SHOP, "c@example.com"],
    ]);
    const statuses = await prisma.notifySubscription.findMany({ where: { variantId: variant.id }, select: { shop: true, status: true } });
    expect(statuses.filter((s) => s.shop === TEST_SHOP).map((s) => s.status)).toEqual(["notified", "notified", "notified"]);
    expect(statuses.find((s) => s.shop === OTHER_SHOP)?.status).toBe("active");
  });

  it("says no one is waiting when the list is empty, and sends nothing", async () => {
    // GIVEN no active signup
    const { productNumber, variantNumber } = butter();

    // WHEN "Send now" is posted anyway (a stale page)
    const body = new URLSearchParams({ intent: "send-now", variant: variantNumber });
    const response = await callRoute(action, await embeddedFetchRequest(`/app/products/${productNumber}/waitlist`, { init: { method: "POST", body } }), { id: productNumber });

    // THEN 409 with a message, and no email
    expect(response.status).toBe(409);
    expect((await response.json()).message).toBe("No one is waiting for this variant");
    expect(await prisma.emailOutbox.count()).toBe(0);
  });
});

// A shopper pays a deposit (or in full) for a backorder on the product page, in the Dawn-like and Horizon-like
// previews (issue 15). The block shows what is charged now and when the rest is, and the product form's cart
// add posts `selling_plan` only for the plan, only on a backordered variant; with and without JavaScript.
//
// The storefront preview runs in this process on the Admin fake, the variants' `$app:backorder.eta`
// metafields set as the app's sync writes them (app/domain/summary.ts, with the `payment` part of the
// merchant's PRE_ORDER selling plan): the merchant's side of issue 15 (plans, attachment, sync) is tested with
// the app; this file tests what the theme does with the metafield.
import type { Server } from "node:http";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import express from "express";
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { serializeSummary, type SummaryPayment, type VariantSummary } from "../../app/domain/summary";
import { createAdminFake } from "../../dev/admin-fake";
import { seedDemoShop } from "../../dev/admin-fake/seed";
import { legacyId } from "../../dev/theme/liquid-objects";
import { mountStorefront } from "../../dev/demo/storefront";
import { BROWSER_USER_AGENT, launchChromium } from "./support";

const SHOP = "maison-argile.myshopify.com";
const PLAN = "4938473";
const DEPOSIT: SummaryPayment = { kind: "deposit", sellingPlanId: PLAN, checkout: { type: "percentage", value: 20 }, balance: { trigger: "on_ready" } };
const TERMS = {
  termsVersion: 3,
  enabledModes: ["standard"],
  terms: { en: { payment: "A deposit now, the rest when it ships." }, fr: { payment: "Un acompte maintenant, le reste à l'expédition." } },
};

let server: Server;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const ids = { sage: "", oat: "" };

function etaOf(payment?: SummaryPayment): string {
  const summary: VariantSummary = {
    v: 1,
    mode: "when_sold_out",
    backorder: true,
    maxQty: null,
    next: { standard: { earliest: "2027-01-11", latest: "2027-01-15" } },
    confidence: "low",
    source: "lead_time",
    ...(payment ? { payment } : {}),
    termsVersion: 3,
    computedAt: "2026-12-02T10:00:00.000Z",
  };
  return serializeSummary(summary);
}

const productUrl = (query: string, locale = "") => `${baseUrl}/__demo/storefront${locale}/products/stoneware-mug?${query}`;
const block = () => page.locator("[data-bp-eta]");
const choice = () => page.getByRole("group", { name: /How would you like to pay\?|Comment souhaitez-vous payer/ });
const payInFull = () => choice().getByRole("radio", { name: /Pay in full now/ });
const payDeposit = () => choice().getByRole("radio", { name: /Pay 20% now/ });

async function pick(colour: string) {
  await page.locator("variant-selects label, variant-picker label", { hasText: colour }).click();
}

/** What the theme's product form would send now: Dawn's and Horizon's product-form.js post `new FormData(form)`. */
function formData(formSelector: string): Promise<[string, string][]> {
  return page.locator(formSelector).evaluate((form: HTMLFormElement) => [...new FormData(form)].map(([k, v]) => [k, String(v)] as [string, string]));
}

/** Clicks `button` and returns the body of the /cart/add request it sends. */
async function addToCart(target: Page, button: ReturnType<Page["locator"]>): Promise<URLSearchParams> {
  const [request] = await Promise.all([
    target.waitForRequest((r: Request) => r.method() === "POST" && new URL(r.url()).pathname.endsWith("/cart/add")),
    button.click(),
  ]);
  await target.waitForURL(/\/cart$/);
  return new URLSearchParams(request.postData() ?? "");
}

async function seriousViolations(scope: string) {
  const results = await new AxeBuilder({ page }).include(scope).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

beforeAll(async () => {
  // GIVEN the seeded shop: the Sage mug is sold out and keeps selling (backorder), Oat is in stock
  const fake = createAdminFake({ shop: SHOP });
  seedDemoShop(fake.store);
  const store = fake.store;
  const product = store.findProductByHandle("stoneware-mug");
  if (!product) throw new Error("The seed has no stoneware mug");
  const variant = (title: string) => store.variantsOf(product.id).find((v) => v.title === title)!;
  ids.sage = String(legacyId(variant("Sage").id));
  ids.oat = String(legacyId(variant("Oat").id));
  // The metafields the app's sync writes: Sage with a 20% deposit plan, the shop's terms.
  store.setMetafield({ ownerId: variant("Sage").id, namespace: "$app:backorder", key: "eta", type: "json", value: etaOf(DEPOSIT) });
  store.setMetafield({ ownerId: store.shop.id, namespace: "$app:backorder", key: "terms", type: "json", value: JSON.stringify(TERMS) });

  const app = express();
  mountStorefront(app, { fake, shop: SHOP, origin: "http://localhost", secret: "storefront-deposit", apiKey: "storefront-deposit", root: path.resolve(".") });
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, () => resolve(listening));
  });
  baseUrl = `http://localhost:${(server.address() as { port: number }).port}`;
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 1100 }, userAgent: BROWSER_USER_AGENT, locale: "en-GB" });
});

beforeEach(async () => {
  await page?.close();
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe("the payment choice in a Dawn-like theme", () => {
  const FORM = "#product-form-template--main";
  const button = () => page.locator(`${FORM} [type=submit]`);

  it("shows what is charged when, with the deposit checked, and posts the plan with the cart add", async () => {
    // GIVEN the Sage mug (€28.00) on backorder with a 20% deposit plan
    await page.goto(productUrl(`variant=${ids.sage}`));
    await expect.poll(() => button().innerText()).toBe("Pre-order");

    // THEN the shopper sees both options with their amounts, the deposit checked
    await expect.poll(() => choice().isVisible()).toBe(true);
    expect(await choice().innerText()).toMatch(/How would you like to pay\?\s+Pay in full now \(€28\.00\)\s+Pay 20% now \(€5\.60\), the rest when it ships/);
    expect(await payDeposit().isChecked()).toBe(true);
    expect(await payInFull().isChecked()).toBe(false);
    // and the form the theme posts holds the plan
    expect(await formData(FORM)).toContainEqual(["selling_plan", PLAN]);

    // WHEN the shopper pre-orders it
    const body = await addToCart(page, button());

    // THEN the cart add carries the variant and its selling plan, and the cart line has the plan
    expect(body.get("id")).toBe(ids.sage);
    expect(body.getAll("selling_plan")).toEqual([PLAN]);
    expect(await page.locator(`[data-cart-item][data-variant-id="${ids.sage}"]`).last().getAttribute("data-selling-plan")).toBe(PLAN);
  });

  it("lets the shopper pay in full instead, with the keyboard, and back", async () => {
    // GIVEN the Sage mug with the deposit checked
    await page.goto(productUrl(`variant=${ids.sage}`));
    await expect.poll(() => payDeposit().isChecked()).toBe(true);

    // WHEN the shopper moves to "Pay in full" with the arrow keys
    await payDeposit().focus();
    await page.keyboard.press("ArrowUp");

    // THEN paying in full is checked and the form posts no plan
    expect(await payInFull().isChecked()).toBe(true);
    expect((await formData(FORM)).map(([k]) => k)).not.toContain("selling_plan");

    // WHEN the shopper goes back to the deposit with the keyboard
    await page.keyboard.press("ArrowDown");

    // THEN the plan is posted again
    expect(await payDeposit().isChecked()).toBe(true);
    expect(await formData(FORM)).toContainEqual(["selling_plan", PLAN]);

    // WHEN the shopper picks paying in full and adds to the cart
    await payInFull().check();
    const body = await addToCart(page, button());

    // THEN the cart add has no selling plan
    expect(body.get("id")).toBe(ids.sage);
    expect(body.has("selling_plan")).toBe(false);
  });

  it("drops the plan when the shopper switches to an in-stock variant, and offers it again on the way back", async () => {
    // GIVEN the Sage mug with its deposit plan on the form
    await page.goto(productUrl(`variant=${ids.sage}`));
    await expect.poll(() => formData(FORM)).toContainEqual(["selling_plan", PLAN]);

    // WHEN the shopper picks the in-stock Oat mug
    await pick("Oat");

    // THEN the choice is gone and the form posts no plan
    await expect.poll(() => choice().count()).toBe(0);
    await expect.poll(async () => (await formData(FORM)).map(([k]) => k)).not.toContain("selling_plan");
    expect(await block().locator("[data-bp-pay]").isVisible()).toBe(false);

    // WHEN the shopper goes back to Sage
    await pick("Sage");

    // THEN the choice and the plan are back
    await expect.poll(() => choice().isVisible()).toBe(true);
    await expect.poll(() => formData(FORM)).toContainEqual(["selling_plan", PLAN]);

    // WHEN the shopper switches to Oat again and adds it to the cart
    await pick("Oat");
    await expect.poll(() => choice().count()).toBe(0);
    await page.waitForTimeout(300); // Dawn re-renders its button 120 ms after the change
    const body = await addToCart(page, button());

    // THEN the cart add of the in-stock mug has no selling plan
    expect(body.get("id")).toBe(ids.oat);
    expect(body.has("selling_plan")).toBe(false);
  });

  it("writes the choice for a variant the page did not open on", async () => {
    // GIVEN the page opened on the in-stock Oat mug (Liquid rendered no choice)
    await page.goto(productUrl(`variant=${ids.oat}`));
    await block().waitFor({ state: "attached" });
    expect(await choice().count()).toBe(0);

    // WHEN the shopper picks Sage
    await pick("Sage");

    // THEN the script writes the same choice Liquid would have
    await expect.poll(() => choice().isVisible()).toBe(true);
    expect(await choice().innerText()).toContain("Pay 20% now (€5.60), the rest when it ships");
    expect(await formData(FORM)).toContainEqual(["selling_plan", PLAN]);
    // and screen readers hear that there is a choice to make
    expect(await block().locator("[data-bp-live]").textContent()).toMatch(/Estimated delivery: .+ How would you like to pay\?$/);
  });

  it("offers no plan when it cannot find the product form to post it with", async () => {
    // GIVEN a theme whose product form the block does not recognise (it does not post to /cart/add)
    await page.route(/\/products\/stoneware-mug\?/, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('action="/__demo/storefront/cart/add" id="product-form-template--main"', 'action="/checkout-elsewhere" id="product-form-template--main"');
      await route.fulfill({ response, body: html });
    });

    // WHEN the shopper opens the backordered Sage mug
    await page.goto(productUrl(`variant=${ids.sage}`));
    await expect.poll(() => block().getAttribute("data-state")).toBe("backorder");

    // THEN the dates show but no payment choice the form could not honour
    expect(await block().innerText()).toContain("Estimated delivery:");
    expect(await choice().count()).toBe(0);
    expect(await block().locator("[data-bp-pay]").evaluate((n: HTMLFieldSetElement) => n.disabled)).toBe(true);
  });

  it("speaks French on the French storefront", async () => {
    // GIVEN the French page of the Sage mug
    await page.goto(productUrl(`variant=${ids.sage}`, "/fr"));

    // WHEN the block is shown
    await expect.poll(() => choice().isVisible()).toBe(true);

    // THEN amounts and words are French
    const text = (await choice().innerText()).replace(/\s+/g, " ");
    expect(text).toContain("Comment souhaitez-vous payer ?");
    expect(text).toContain("Payez la totalité maintenant (28,00 €)");
    expect(text).toContain("Payez 20 % maintenant (5,60 €), le reste à l'expédition");
  });

  it("has no serious or critical axe violations and saves a screenshot", async () => {
    // GIVEN the Sage mug with the payment choice
    await page.goto(productUrl(`variant=${ids.sage}`));
    await expect.poll(() => choice().isVisible()).toBe(true);
    const box = await block().boundingBox();
    if (!box) throw new Error("The block is not on the page");
    await page.screenshot({ path: path.resolve("docs", "storefront-deposit.png"), clip: { x: box.x - 24, y: box.y - 24, width: box.width + 48, height: box.height + 48 } });

    // WHEN axe checks the product section, the deposit option focused
    await payDeposit().focus();

    // THEN it reports nothing serious
    expect(await seriousViolations("#shopify-section-template--main")).toEqual([]);
  });
});

describe("the payment choice in Horizon-like themes", () => {
  const FORM = "product-form-component form";
  const stickyButton = () => page.locator("sticky-add-to-cart button");

  it.each([4, 3])("follows Horizon %i's variant changes and posts the plan from the sticky bar", async (version) => {
    // GIVEN a Horizon page opened on the in-stock Oat mug
    await page.goto(productUrl(`variant=${ids.oat}&theme=horizon-${version}`));
    await block().waitFor({ state: "attached" });
    expect(await choice().count()).toBe(0);

    // WHEN the shopper picks the backordered Sage mug and Horizon re-renders its buttons
    await pick("Sage");
    await expect.poll(() => page.locator(".sticky-add-to-cart__variant").innerText()).toBe("Sage");

    // THEN the choice shows with the deposit checked, and the form holds the plan
    await expect.poll(() => choice().isVisible()).toBe(true);
    expect(await payDeposit().isChecked()).toBe(true);
    await expect.poll(() => formData(FORM)).toContainEqual(["selling_plan", PLAN]);

    // WHEN the shopper switches to Oat, the choice and the plan go; back to Sage, they return
    await pick("Oat");
    await expect.poll(() => page.locator(".sticky-add-to-cart__variant").innerText()).toBe("Oat");
    await expect.poll(() => choice().count()).toBe(0);
    expect((await formData(FORM)).map(([k]) => k)).not.toContain("selling_plan");
    await pick("Sage");
    await expect.poll(() => page.locator(".sticky-add-to-cart__variant").innerText()).toBe("Sage");
    await expect.poll(() => stickyButton().innerText()).toBe("Pre-order");

    // WHEN the shopper pre-orders from the sticky bar
    const body = await addToCart(page, stickyButton());

    // THEN the cart add carries the plan
    expect(body.get("id")).toBe(ids.sage);
    expect(body.getAll("selling_plan")).toEqual([PLAN]);
  });

  it("has no serious or critical axe violations on a Horizon product page", async () => {
    // GIVEN the Sage mug on a Horizon 4 page with the payment choice
    await page.goto(productUrl(`variant=${ids.sage}&theme=horizon-4`));
    await expect.poll(() => choice().isVisible()).toBe(true);

    // WHEN axe checks the product section
    // THEN it reports nothing serious
    expect(await seriousViolations("#shopify-section-template--main")).toEqual([]);
  });
});

describe("the payment choice without JavaScript", () => {
  it.each([
    { theme: "", label: "Dawn-like", button: "#product-form-template--main [type=submit]" },
    { theme: "&theme=horizon-4", label: "Horizon-like", button: "product-form-component [ref=addToCartButton]" },
  ])("posts the checked option with the theme's product form ($label)", async ({ theme, button }) => {
    // GIVEN a browser with JavaScript off, on the Sage mug (the radios tied to the theme's form by Liquid)
    const plain = await browser.newContext({ javaScriptEnabled: false, userAgent: BROWSER_USER_AGENT });
    const noJs = await plain.newPage();
    try {
      await noJs.goto(productUrl(`variant=${ids.sage}${theme}`));
      const group = noJs.getByRole("group", { name: "How would you like to pay?" });
      expect(await group.innerText()).toContain("Pay 20% now (€5.60), the rest when it ships");

      // WHEN the shopper keeps the deposit and adds to the cart
      const withPlan = await addToCart(noJs, noJs.locator(button));

      // THEN the plan is posted
      expect(withPlan.get("id")).toBe(ids.sage);
      expect(withPlan.getAll("selling_plan")).toEqual([PLAN]);

      // WHEN the shopper chooses to pay in full instead
      await noJs.goto(productUrl(`variant=${ids.sage}${theme}`));
      await noJs.getByRole("radio", { name: /Pay in full now/ }).check();
      const inFull = await addToCart(noJs, noJs.locator(button));

      // THEN no plan is posted (an empty selling_plan is Shopify's "no plan")
      expect(inFull.getAll("selling_plan").filter(Boolean)).toEqual([]);
    } finally {
      await plain.close();
    }
  });

  it("posts no plan for an in-stock variant", async () => {
    // GIVEN a browser with JavaScript off, on the in-stock Oat mug
    const plain = await browser.newContext({ javaScriptEnabled: false, userAgent: BROWSER_USER_AGENT });
    const noJs = await plain.newPage();
    try {
      await noJs.goto(productUrl(`variant=${ids.oat}`));

      // WHEN the shopper adds it to the cart
      const body = await addToCart(noJs, noJs.locator("#product-form-template--main [type=submit]"));

      // THEN the cart add has no selling_plan at all (the hidden choice is disabled)
      expect(body.get("id")).toBe(ids.oat);
      expect(body.has("selling_plan")).toBe(false);
    } finally {
      await plain.close();
    }
  });
});

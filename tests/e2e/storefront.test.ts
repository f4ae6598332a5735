// A shopper on the demo storefront preview (Dawn-like theme + the app's theme app extension): the block
// follows variant changes, relabels the add-to-cart button and records the promise on the cart line; the
// notify-me form goes through the (simulated) app proxy; the block passes axe. Screenshots go to docs/.
//
// State is set up the honest way: the merchant's own HTTP actions (settings, product page) with a session
// token from the demo, so the app's real sync writes the metafields Shopify holds and the preview renders.
import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { BROWSER_USER_AGENT, OUTPUT_DIR, launchChromium, startDemoProcess, type DemoProcess } from "./support";

const SHOP = "maison-argile.myshopify.com";
const DOCS = path.resolve("docs");
const ISO_RANGE = /^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/;

let demo: DemoProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let productUrl: string;
let productId: string;
const ids: Record<"sage" | "oat" | "terracotta", string> = { sage: "", oat: "", terracotta: "" };

/** An admin action as the embedded app's fetch makes it: form POST with a fresh session token. */
async function adminPost(pathname: string, route: string, fields: Record<string, string | string[]>) {
  const { token } = (await (await fetch(`${demo.baseUrl}/__demo/session-token?shop=${SHOP}`)).json()) as { token: string };
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of ([] as string[]).concat(value)) body.append(key, v);
  const response = await fetch(`${demo.baseUrl}${pathname}?_data=${encodeURIComponent(route)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER_USER_AGENT, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  const json = (await response.json()) as { ok?: boolean };
  if (response.status !== 200 || !json.ok) throw new Error(`${pathname} answered ${response.status}: ${JSON.stringify(json)}`);
}

/** The page as Liquid rendered it, before any script ran. */
async function serverHtml(url: string): Promise<string> {
  return (await fetch(url, { headers: { "User-Agent": BROWSER_USER_AGENT } })).text();
}

function liquidRange(html: string): string {
  const match = /<strong data-bp-range>([^<]*)<\/strong>/.exec(html);
  return (match?.[1] ?? "").trim();
}

const block = () => page.locator("[data-bp-eta]");
const button = () => page.locator("#product-form-template--main [type=submit]");
const property = (name: string) => page.locator(`#product-form-template--main input[name="properties[${name}]"]`);

async function pick(colour: string) {
  await page.locator("variant-selects label, variant-picker label", { hasText: colour }).click();
}

/** A screenshot of one element with some page around it (for docs/). */
async function padded(selector: string, file: string) {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on the page`);
  const pad = 24;
  await page.screenshot({ path: file, clip: { x: Math.max(0, box.x - pad), y: Math.max(0, box.y - pad), width: box.width + 2 * pad, height: box.height + 2 * pad } });
}

async function seriousViolations() {
  const results = await new AxeBuilder({ page }).include("[data-bp-eta]").analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** The Sage mug's backorder settings as the merchant saves them on the product page. */
const SAGE_SETTINGS = {
  intent: "save-variant",
  get variantId() {
    return `gid://shopify/ProductVariant/${ids.sage}`;
  },
  mode: "when_sold_out",
  cap: "",
  leadTimeDays: "20",
  capacityPerWeek: "",
  startsOn: "",
  endsOn: "",
  messageEn: "Each mug is thrown by hand in our Limoges workshop.",
  messageFr: "Chaque tasse est tournée à la main dans notre atelier de Limoges.",
};

beforeAll(async () => {
  mkdirSync(DOCS, { recursive: true });
  [demo, browser] = await Promise.all([startDemoProcess("storefront"), launchChromium()]);
  context = await browser.newContext({ viewport: { width: 1280, height: 1100 }, userAgent: BROWSER_USER_AGENT, locale: "en-GB" });
  page = await context.newPage();
  productUrl = `${demo.baseUrl}/__demo/storefront/products/stoneware-mug`;

  // The ids Liquid prints (the theme's product JSON).
  const html = await serverHtml(productUrl);
  productId = /data-product-id="(\d+)"/.exec(html)?.[1] ?? "";
  const json = /<script type="application\/json" id="ProductJSON-[^"]+">(.*?)<\/script>/s.exec(html)?.[1] ?? "{}";
  for (const v of (JSON.parse(json) as { variants: { id: number; title: string }[] }).variants) {
    const key = v.title.toLowerCase() as keyof typeof ids;
    if (key in ids) ids[key] = String(v.id);
  }

  // The merchant offers three delivery methods with terms, then puts the sold-out Sage mug on backorder.
  await adminPost("/app/settings", "routes/app.settings", {
    safetyMarginDays: "2",
    defaultLeadTimeDays: "21",
    cutoffTime: "14:00",
    timezone: "Europe/Paris",
    holidayCountry: "FR",
    holidayRegion: "",
    workingDays: ["1", "2", "3", "4", "5"],
    "deliveryModes.standard.enabled": "on",
    "deliveryModes.standard.processingDays": "1",
    "deliveryModes.standard.transitMinDays": "2",
    "deliveryModes.standard.transitMaxDays": "4",
    "deliveryModes.express.enabled": "on",
    "deliveryModes.express.processingDays": "1",
    "deliveryModes.express.transitMinDays": "1",
    "deliveryModes.express.transitMaxDays": "1",
    "deliveryModes.pickup.enabled": "on",
    "deliveryModes.pickup.processingDays": "1",
    "terms.en.payment": "You pay in full today.",
    "terms.en.shipping": "Shipping is free on backorders.",
    "terms.en.cancellation": "Cancel any time before it ships, for a full refund.",
    "terms.fr.payment": "Vous payez la totalité aujourd'hui.",
    "terms.fr.shipping": "La livraison est offerte pour les commandes en réassort.",
    "terms.fr.cancellation": "Annulable à tout moment avant l'expédition, remboursement intégral.",
  });
  await adminPost(`/app/products/${productId}`, "routes/app.products.$id", SAGE_SETTINGS);
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe("the delivery block on the storefront", () => {
  it("renders the backordered variant from its metafield, with dates, methods, message and terms", async () => {
    // GIVEN the Sage mug on backorder
    // WHEN a shopper opens it
    await page.goto(`${productUrl}?variant=${ids.sage}`);

    // THEN the block shows the badge, the range, each delivery method, the merchant's message and the terms
    await expect.poll(() => block().getAttribute("data-state")).toBe("backorder");
    const text = await block().innerText();
    expect(text).toContain("Backorder");
    expect(text).toMatch(/Estimated delivery:\s+\d{1,2}( \w+)? – \d{1,2} \w+/);
    expect(text).toMatch(/Express delivery:/);
    expect(text).toMatch(/Ready for pickup:/);
    expect(text).toContain("Each mug is thrown by hand in our Limoges workshop.");
    await page.getByText("Backorder terms").click();
    await expect.poll(() => page.getByText("Shipping is free on backorders.").isVisible()).toBe(true);
    await expect.poll(() => button().innerText()).toBe("Pre-order");
  });

  it("switches variants: the text, the button label and the line item properties follow", async () => {
    // GIVEN the page opened on the in-stock Oat mug, and what Liquid renders for Sage
    const sageFromLiquid = liquidRange(await serverHtml(`${productUrl}?variant=${ids.sage}`));
    expect(sageFromLiquid).not.toBe("");
    await page.goto(`${productUrl}?variant=${ids.oat}`);
    await expect.poll(() => block().getAttribute("data-state")).toBe("none");
    expect(await block().innerText()).toBe("");
    expect(await button().innerText()).toBe("Add to cart");

    // WHEN the shopper picks Sage
    await pick("Sage");

    // THEN the script shows the same range Liquid would have, relabels the button (and keeps it after the
    // theme rewrites it), records the promise on the form and announces the change
    await expect.poll(() => block().locator(".bp-eta__date [data-bp-range]").innerText()).toBe(sageFromLiquid);
    await expect.poll(() => page.url()).toContain(`variant=${ids.sage}`);
    await page.waitForTimeout(400); // the theme re-renders its button 120 ms after the change
    expect(await button().innerText()).toBe("Pre-order");
    expect(await property("Estimated delivery").inputValue()).toBe(sageFromLiquid);
    expect(await property("Estimated delivery").isDisabled()).toBe(false);
    expect(await property("_Backorder ETA").inputValue()).toMatch(ISO_RANGE);
    expect(await property("_Backorder terms version").inputValue()).toMatch(/^\d+$/);
    expect(await block().locator("[data-bp-live]").textContent()).toContain(`Backorder Estimated delivery: ${sageFromLiquid}`);

    // WHEN the shopper picks the sold-out Terracotta
    await pick("Terracotta");

    // THEN the notify form replaces the promise, the theme says "Sold out" and no promise is recorded
    await expect.poll(() => block().locator("form.bp-notify").isVisible()).toBe(true);
    await expect.poll(() => button().innerText()).toBe("Sold out");
    expect(await property("Estimated delivery").isDisabled()).toBe(true);
    expect(await block().locator(".bp-eta__backorder").isVisible()).toBe(false);

    // WHEN the shopper goes back to Oat
    await pick("Oat");

    // THEN the block is empty again and the theme's label is back
    await expect.poll(() => block().innerText()).toBe("");
    await expect.poll(() => button().innerText()).toBe("Add to cart");
  });

  it("follows the `variant` URL parameter and other themes' variant events", async () => {
    // GIVEN the Oat page
    await page.goto(`${productUrl}?variant=${ids.oat}`);
    await expect.poll(() => block().getAttribute("data-state")).toBe("none");

    // WHEN a theme pushes ?variant=<Sage> into the history
    await page.evaluate((id) => history.pushState({}, "", `?variant=${id}`), ids.sage);

    // THEN the block shows Sage's promise
    await expect.poll(() => block().locator(".bp-eta__backorder").isVisible()).toBe(true);

    // WHEN a theme announces Terracotta with an `on:variant:change` event
    await page.evaluate((id) => document.dispatchEvent(new CustomEvent("on:variant:change", { detail: { variant: { id: Number(id) } } })), ids.terracotta);

    // THEN the notify form shows
    await expect.poll(() => block().locator("form.bp-notify").isVisible()).toBe(true);

    // WHEN the shopper goes back in history (popstate to Oat)
    await page.goBack();

    // THEN the block follows
    await expect.poll(() => block().innerText()).toBe("");
  });

  it("records the promise on the cart line and warns about a mixed cart", async () => {
    // GIVEN the Sage mug selected
    await page.goto(`${productUrl}?variant=${ids.sage}`);
    await expect.poll(() => button().innerText()).toBe("Pre-order");
    const promised = await block().locator(".bp-eta__date [data-bp-range]").innerText();

    // WHEN the shopper pre-orders it, then adds an in-stock Oat mug
    await button().click();
    await page.waitForURL(/\/cart$/);
    await page.goto(`${productUrl}?variant=${ids.oat}`);
    await button().click();
    await page.waitForURL(/\/cart$/);

    // THEN the Sage line carries "Estimated delivery", the Oat line does not, and the embed warns of the mix
    const sageLine = page.locator(`[data-cart-item][data-variant-id="${ids.sage}"]`);
    await expect.poll(() => sageLine.locator('[data-property="Estimated delivery"]').innerText()).toBe(promised);
    expect(await page.locator(`[data-cart-item][data-variant-id="${ids.oat}"] [data-property]`).count()).toBe(0);
    const note = page.locator("[data-bp-cart-note]");
    await expect.poll(() => note.innerText()).toContain("items on backorder and items in stock");
    // the embed's script moved the note next to the checkout button
    expect(await page.locator(".cart__footer [data-bp-cart-note]").count()).toBe(1);
    await page.screenshot({ path: path.join(OUTPUT_DIR, "storefront-cart.png"), fullPage: true });
  });
});

describe("the block inside real themes", () => {
  const horizonButton = () => page.locator("product-form-component [ref=addToCartButton]");
  const stickyButton = () => page.locator("sticky-add-to-cart button");
  const horizonProperty = (name: string) => page.locator(`product-form-component form input[name="properties[${name}]"]`);
  /** The section Horizon fetched after the variant change has been morphed in (the sticky bar names it). */
  const rerendered = (title: string) => expect.poll(() => page.locator(".sticky-add-to-cart__variant").innerText()).toBe(title);

  it.each([
    { version: 4, label: "product-form-component [ref=addToCartButton]" },
    { version: 3, label: "product-form-component .add-to-cart-text__content" },
  ])("relabels Horizon $version's buttons, keeps their icon, and survives the re-render after its variant event", async ({ version, label }) => {
    // GIVEN a Horizon product page (4.x: bare text label; 3.x: .add-to-cart-text spans) on the in-stock Oat mug (icon + "Add to cart", sticky bar)
    await page.goto(`${productUrl}?variant=${ids.oat}&theme=horizon-${version}`);
    await expect.poll(() => block().getAttribute("data-state")).toBe("none");
    expect(await horizonButton().innerText()).toBe("Add to cart");

    // WHEN the shopper picks the backordered Sage mug and Horizon re-renders its buttons from the fetched section
    await pick("Sage");
    await rerendered("Sage");

    // THEN the label text and the accessible names say "Pre-order" (main and sticky), the icons are still there
    await expect.poll(() => page.locator(label).innerText()).toBe("Pre-order");
    await expect.poll(() => stickyButton().innerText()).toBe("Pre-order");
    expect(await page.getByRole("button", { name: "Pre-order", exact: true }).count()).toBe(2);
    expect(await page.getByRole("button", { name: /Add to cart/ }).count()).toBe(0);
    expect(await horizonButton().locator(".add-to-cart-icon[aria-hidden=true] svg").count()).toBe(1);
    expect(await stickyButton().locator(".add-to-cart-text .svg-wrapper svg").count()).toBe(1);
    expect(await horizonProperty("Estimated delivery").inputValue()).not.toBe("");

    // WHEN the shopper goes to the sold-out Terracotta, then back to Oat
    await pick("Terracotta");
    await rerendered("Terracotta");
    await expect.poll(() => horizonButton().innerText()).toBe("Sold out");
    await pick("Oat");
    await rerendered("Oat");

    // THEN the theme's own label is back, with its icon, and no promise is recorded
    await expect.poll(() => horizonButton().innerText()).toBe("Add to cart");
    await expect.poll(() => stickyButton().innerText()).toBe("Add to cart");
    expect(await horizonButton().locator(".add-to-cart-icon svg").count()).toBe(1);
    expect(await horizonProperty("Estimated delivery").isDisabled()).toBe(true);
  });

  it("pre-orders from Horizon's sticky add-to-cart bar with the promise on the cart line", async () => {
    // GIVEN the backordered Sage mug on a Horizon 4.x page
    await page.goto(`${productUrl}?variant=${ids.sage}&theme=horizon-4`);
    await expect.poll(() => stickyButton().innerText()).toBe("Pre-order");
    const promised = await block().locator(".bp-eta__date [data-bp-range]").innerText();

    // WHEN the shopper uses the sticky bar's button (type="button", outside the form)
    await stickyButton().click();
    await page.waitForURL(/\/cart$/);

    // THEN the cart line carries the estimated delivery
    const line = page.locator(`[data-cart-item][data-variant-id="${ids.sage}"]`).last();
    expect(await line.locator('[data-property="Estimated delivery"]').innerText()).toBe(promised);
  });

  it("has no serious or critical axe violations on a Horizon product page", async () => {
    // GIVEN the backordered Sage mug on a Horizon 4.x page, relabelled
    await page.goto(`${productUrl}?variant=${ids.sage}&theme=horizon-4`);
    await expect.poll(() => horizonButton().innerText()).toBe("Pre-order");

    // WHEN axe checks the product section (buttons, sticky bar, block)
    const results = await new AxeBuilder({ page }).include("#shopify-section-template--main").analyze();

    // THEN it reports nothing serious
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });

  it("works from Dawn's Apps section: relabels the product form's button and posts the promise", async () => {
    // GIVEN the block added through an "Apps" section, outside the product section
    await page.goto(`${productUrl}?variant=${ids.oat}&placement=apps`);
    expect(await page.locator("#shopify-section-template--apps [data-bp-eta]").count()).toBe(1);
    expect(await page.locator("#shopify-section-template--main [data-bp-eta]").count()).toBe(0);

    // WHEN the shopper picks Sage in the product section and adds it to the cart
    await pick("Sage");
    await page.waitForTimeout(400); // Dawn re-renders its button 120 ms after the change
    await expect.poll(() => button().innerText()).toBe("Pre-order");
    const promised = await property("Estimated delivery").inputValue();
    expect(promised).not.toBe("");
    await button().click();
    await page.waitForURL(/\/cart$/);

    // THEN the cart line carries the promise
    const line = page.locator(`[data-cart-item][data-variant-id="${ids.sage}"]`).last();
    expect(await line.locator('[data-property="Estimated delivery"]').innerText()).toBe(promised);
  });

  it("loads the block's script after the theme's, as Shopify does, so it follows Dawn's pub/sub", async () => {
    // GIVEN a Dawn product page
    await page.goto(`${productUrl}?variant=${ids.oat}`);
    await block().waitFor({ state: "attached" });

    // WHEN the scripts have run
    const sources = await page.locator("script[src]").evaluateAll((nodes) => nodes.map((n) => (n as HTMLScriptElement).src));
    const subscribed = await page.evaluate(() => window.eval("subscribers['variant-change']?.length ?? 0") as number);

    // THEN the theme's script precedes the block's, and the block subscribed to Dawn's variant changes
    const theme = sources.findIndex((src) => src.endsWith("/theme/theme.js"));
    const ours = sources.findIndex((src) => src.endsWith("/assets/backorder-eta.js"));
    expect(theme).toBeGreaterThanOrEqual(0);
    expect(theme).toBeLessThan(ours);
    expect(subscribed).toBeGreaterThan(0);
  });

  it("records the promise under its French name on the French storefront", async () => {
    // GIVEN the French page of the backordered Sage mug
    await page.goto(`${demo.baseUrl}/__demo/storefront/fr/products/stoneware-mug?variant=${ids.sage}`);
    await expect.poll(() => button().innerText()).toBe("Précommander");
    const promised = await property("Livraison estimée").inputValue();

    // WHEN the shopper pre-orders it
    expect(await property("Estimated delivery").count()).toBe(0);
    await button().click();
    await page.waitForURL(/\/cart$/);

    // THEN the cart line reads "Livraison estimée"
    const line = page.locator(`[data-cart-item][data-variant-id="${ids.sage}"]`).last();
    expect(await line.locator('[data-property="Livraison estimée"]').innerText()).toBe(promised);
  });

  it("wraps a long unbroken message instead of widening the page", async () => {
    // GIVEN a merchant message that is one 280-character word
    await adminPost(`/app/products/${productId}`, "routes/app.products.$id", { ...SAGE_SETTINGS, messageEn: "W".repeat(280) });
    try {
      // WHEN a shopper opens the Sage mug
      await page.goto(`${productUrl}?variant=${ids.sage}`);
      await expect.poll(() => block().locator("[data-bp-message]").isVisible()).toBe(true);

      // THEN the message wraps inside the block and the page does not scroll sideways
      const fits = await page.evaluate(() => {
        const el = document.querySelector("[data-bp-eta]") as HTMLElement;
        return { block: el.scrollWidth <= el.clientWidth, page: document.documentElement.scrollWidth <= window.innerWidth };
      });
      expect(fits).toEqual({ block: true, page: true });
    } finally {
      await adminPost(`/app/products/${productId}`, "routes/app.products.$id", SAGE_SETTINGS);
    }
  });
});

describe("the backorder cap", () => {
  afterAll(async () => {
    await adminPost(`/app/products/${productId}`, "routes/app.products.$id", { ...SAGE_SETTINGS, cap: "" });
  });

  it("keeps the theme's quantity picker within what one order may still owe", async () => {
    // GIVEN the merchant caps the Sage mug's owed units at 40
    await adminPost(`/app/products/${productId}`, "routes/app.products.$id", { ...SAGE_SETTINGS, cap: "40" });
    const quantity = page.locator('input[name="quantity"][form="product-form-template--main"]');
    await page.goto(`${productUrl}?variant=${ids.oat}`);
    expect(await quantity.getAttribute("max")).toBeNull();

    // WHEN the shopper picks Sage
    await pick("Sage");

    // THEN the picker's max is the block's "up to N" and a larger quantity is refused by the browser
    await expect.poll(() => quantity.getAttribute("max")).not.toBeNull();
    const max = Number(await quantity.getAttribute("max"));
    expect(max).toBeGreaterThan(0);
    expect(max).toBeLessThanOrEqual(40);
    expect(await block().locator("[data-bp-max]").innerText()).toContain(String(max));
    await quantity.fill(String(max + 1));
    await button().click();
    expect(await quantity.evaluate((input: HTMLInputElement) => input.validity.rangeOverflow)).toBe(true);
    expect(page.url()).not.toMatch(/\/cart$/);

    // WHEN the shopper goes back to the in-stock Oat mug
    await pick("Oat");
    // THEN the theme's own picker is back, without our limit
    await expect.poll(() => quantity.getAttribute("max")).toBeNull();
  });
});

describe("notify me when it's back", () => {
  it("shows an error for an email the app refuses, then success, through the app proxy", async () => {
    // GIVEN the sold-out Terracotta mug
    await page.goto(`${productUrl}?variant=${ids.terracotta}`);
    const form = block().locator("form.bp-notify");
    await expect.poll(() => form.isVisible()).toBe(true);

    // WHEN the shopper submits an address the browser accepts but the app does not
    await form.getByLabel("Email address").fill("emma@localhost");
    const refused = page.waitForResponse((r) => r.url().includes("/apps/backorder/notify"));
    await form.getByRole("button", { name: "Notify me" }).click();

    // THEN the proxy answers 400 and the message shows, tied to the field
    expect((await refused).status()).toBe(400);
    await expect.poll(() => form.locator("[role=status]").innerText()).toBe("Please enter a valid email address, such as name@example.com.");
    expect(await form.getByLabel("Email address").getAttribute("aria-invalid")).toBe("true");

    // WHEN the shopper corrects it
    await form.getByLabel("Email address").fill("emma.wilson@example.com");
    const accepted = page.waitForResponse((r) => r.url().includes("/apps/backorder/notify"));
    await form.getByRole("button", { name: "Notify me" }).click();

    // THEN the signup is accepted and confirmed
    expect((await accepted).status()).toBe(201);
    await expect.poll(() => form.locator("[role=status]").innerText()).toBe("Thank you! We'll email you as soon as it's back in stock.");
    expect(await form.getByLabel("Email address").getAttribute("aria-invalid")).toBe("false");
    await padded("[data-bp-eta]", path.join(DOCS, "storefront-notify-en.png"));
  });

  it("confirms in French on the French storefront", async () => {
    // GIVEN the French product page of the sold-out mug
    await page.goto(`${demo.baseUrl}/__demo/storefront/fr/products/stoneware-mug?variant=${ids.terracotta}`);
    const form = block().locator("form.bp-notify");

    // WHEN the shopper signs up
    await form.getByLabel("Adresse e-mail").fill("sophie.martin@example.fr");
    await form.getByRole("button", { name: "Me prévenir" }).click();

    // THEN the confirmation is French
    await expect.poll(() => form.locator("[role=status]").innerText()).toBe("Merci\u00a0! Nous vous écrirons dès son retour en stock.");
  });

  it("works without JavaScript: the form posts and Shopify shows the app's Liquid page", async () => {
    // GIVEN a browser with JavaScript off
    const plain = await browser.newContext({ javaScriptEnabled: false, userAgent: BROWSER_USER_AGENT });
    const noJs = await plain.newPage();
    try {
      await noJs.goto(`${productUrl}?variant=${ids.terracotta}`);

      // WHEN the shopper submits the form
      await noJs.getByLabel("Email address").fill("oliver.brown@example.co.uk");
      await noJs.getByRole("button", { name: "Notify me" }).click();

      // THEN the app's page says so, with a way back to the product
      await noJs.getByText("Thank you! We'll email you as soon as it's back in stock.").waitFor();
      await noJs.getByRole("link", { name: "Back to the product" }).click();
      await noJs.waitForURL(/\/__demo\/storefront\/products\/stoneware-mug/);
    } finally {
      await plain.close();
    }
  });
});

describe("accessibility and screenshots", () => {
  it("has no serious or critical axe violations in any state of the block", async () => {
    // GIVEN each state of the block
    const found: string[] = [];
    for (const variant of [ids.sage, ids.terracotta]) {
      await page.goto(`${productUrl}?variant=${variant}`);
      await block().waitFor();
      // WHEN axe checks the block (with the terms open)
      if (variant === ids.sage) await page.getByText("Backorder terms").click();
      found.push(...(await seriousViolations()));
    }

    // THEN it reports nothing serious
    expect(found).toEqual([]);
  });

  it("saves screenshots of the block in English and French", async () => {
    // GIVEN the backordered Sage mug in each language
    for (const [locale, prefix] of [["en", ""], ["fr", "/fr"]] as const) {
      await page.goto(`${demo.baseUrl}/__demo/storefront${prefix}/products/stoneware-mug?variant=${ids.sage}`);
      await expect.poll(() => block().getAttribute("data-state")).toBe("backorder");
      await page.locator(".bp-eta__terms summary").click();

      // WHEN the product info column is captured
      await padded(".product__info-wrapper", path.join(DOCS, `storefront-block-${locale}.png`));

      // THEN the French page is in French
      if (locale === "fr") expect(await block().innerText()).toContain("Livraison estimée");
    }
    await page.screenshot({ path: path.join(OUTPUT_DIR, "storefront-product-fr.png"), fullPage: true });
  });
});

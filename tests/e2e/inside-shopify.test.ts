// Inside Shopify's own pages, as far as they can be shown offline: the demo's previews of the app's UI
// extensions (/__demo/admin-extensions, /__demo/customer-extensions) run each extension's real code over the
// stand-in for Shopify's `s-*` components, against the demo's real backend with session tokens of each kind.
// Each surface shows the seeded backordered order's real data, is usable (the customer cancels from their
// account), passes axe, and is photographed for the README (docs/inside-shopify-*.png).
import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { BROWSER_USER_AGENT, OUTPUT_DIR, launchChromium, startDemoProcess, type DemoProcess } from "./support";

const DOCS = path.resolve("docs");

let demo: DemoProcess;
let browser: Browser;
let page: Page;

const surface = (key: string): FrameLocator => page.frameLocator(`iframe[data-surface="${key}"]`);

/** Serious or critical axe findings inside the previews' frames (the extensions' own markup). */
async function seriousViolations() {
  const results = await new AxeBuilder({ page }).include("iframe").analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** What one surface drew, photographed for docs/ (the frame's body: the extension and a little margin). */
async function photograph(key: string, name: string) {
  await surface(key).locator("body").screenshot({ path: path.join(DOCS, `inside-shopify-${name}.png`) });
}

async function onFailure<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    await page.screenshot({ path: path.join(OUTPUT_DIR, `failed-inside-shopify-${name}.png`), fullPage: true }).catch(() => undefined);
    throw error;
  }
}

beforeAll(async () => {
  mkdirSync(DOCS, { recursive: true });
  [demo, browser] = await Promise.all([startDemoProcess("inside-shopify"), launchChromium()]);
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, userAgent: BROWSER_USER_AGENT, locale: "en-GB" });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe("the admin extensions in the demo", () => {
  it("shows the order block, the order action and the product block of the most delayed order, with the app's data", async () => {
    await onFailure("admin", async () => {
      // GIVEN the seeded shop, whose support desk has backordered orders
      // WHEN staff open the admin extensions preview (it opens on the most delayed order)
      await page.goto(`${demo.baseUrl}/__demo/admin-extensions`);
      const orderName = ((await page.locator("h1").innerText()).match(/#\d+/) ?? [""])[0];
      expect(orderName).not.toBe("");

      // THEN the order block lists the backordered lines with their estimate, status and a link to the support desk
      const block = surface("admin-order-block");
      await block.getByText(/Current estimate: /).first().waitFor();
      await expect.poll(() => block.getByRole("heading", { name: "Backorders" }).count()).toBe(1);
      expect(await block.getByText(/^(Waiting|At risk|Delayed|Ready to ship)$/).count()).toBeGreaterThan(0);
      expect(await block.getByText(`Open ${orderName} in the support desk`, { exact: false }).count()).toBe(1);

      // AND the order action offers the delay notice (with the current dates) and the compensation
      const action = surface("admin-order-action");
      await action.getByRole("heading", { name: "Backorder actions" }).waitFor();
      await expect.poll(() => action.locator("s-select select option").allInnerTexts()).toEqual(["Send a delay notice", "Offer compensation"]);
      expect(await action.locator('s-date-field[name="latest"] input').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);

      // AND the product block shows the first product's backorder mode and its waiting units
      const product = surface("admin-product-block");
      await product.getByText(/^Backorders: (always|when sold out)$/).first().waitFor();
      expect(await product.getByText(/units? ordered and waiting/).count()).toBeGreaterThan(0);

      // AND the extensions' markup passes axe
      expect(await seriousViolations()).toEqual([]);

      await photograph("admin-order-block", "admin-order-block");
      await photograph("admin-order-action", "admin-order-action");
      await photograph("admin-product-block", "admin-product-block");
    });
  });
});

describe("the customer extensions in the demo", () => {
  it("shows a customer's backordered order in their account and on the thank-you page, and lets them cancel the items", async () => {
    await onFailure("customer", async () => {
      // GIVEN the seeded shop's backordered orders placed by customers
      // WHEN the customer extensions preview opens (on the most delayed of them, as its customer, logged in)
      await page.goto(`${demo.baseUrl}/__demo/customer-extensions`);
      const orderName = ((await page.locator("h1").innerText()).match(/#\d+/) ?? [""])[0];
      expect(orderName).not.toBe("");

      // THEN the order status block lists the backordered items with their status and current estimate
      const status = surface("customer-order-status");
      await status.getByRole("heading", { name: "Backordered items" }).waitFor();
      expect(await status.getByText(/ × \d+$/).count()).toBeGreaterThan(0);
      expect(await status.getByText(/^(On its way|Delayed|Ready to ship|Shipped|Cancelled)$/).count()).toBeGreaterThan(0);
      expect(await status.getByText(/^Estimated delivery: /).count()).toBeGreaterThan(0);

      // AND the order's action menu offers "Cancel backordered items", whose modal lists the items still owed
      await surface("customer-cancel-menu-item").getByText("Cancel backordered items").waitFor();
      const cancel = surface("customer-cancel-action");
      await cancel.getByText("These items are not in stock yet:").waitFor();
      expect(await cancel.locator("s-list-item").count()).toBeGreaterThan(0);

      // AND the thank-you page's block repeats which items ship later, with their estimated delivery
      const thankYou = surface("thank-you");
      await thankYou.getByRole("heading", { name: "Ships later" }).waitFor();
      expect(await thankYou.getByText(/^(estimated delivery |we'll email you a delivery date)/).count()).toBeGreaterThan(0);

      // AND the extensions' markup passes axe
      expect(await seriousViolations()).toEqual([]);

      await photograph("customer-order-status", "customer-order-status");
      await photograph("customer-cancel-action", "customer-cancel-action");
      await photograph("thank-you", "thank-you");

      // WHEN the customer confirms the cancellation in the modal
      await cancel.getByText("Cancel these items", { exact: true }).click();

      // THEN the app took it (asked of the shop, or cancelled at once, as the shop chose)
      await cancel.getByText(/^(Cancellation requested|Items cancelled)$/).waitFor();

      // AND on the order's page afterwards, the menu no longer offers to cancel
      await page.reload();
      await surface("customer-order-status").getByRole("heading", { name: "Backordered items" }).waitFor();
      await surface("customer-cancel-action").getByText("You've already asked to cancel these items.").waitFor();
      expect(await surface("customer-cancel-menu-item").locator("s-button").count()).toBe(0);
    });
  });

  it("shows nothing for an order without backorders", async () => {
    await onFailure("customer-plain", async () => {
      // GIVEN a customer who just bought an in-stock variant (the webhook simulator places the order and
      // sends orders/create, as Shopify would)
      await page.goto(`${demo.baseUrl}/__demo/simulate`);
      const variants = page.locator('form[action$="/order"] select[name="variantId"] option');
      const labels = await variants.allInnerTexts();
      // the variant with the most units on hand, so nothing earlier in the run can have left it short
      const available = labels.map((label) => Number(/\(available (\d+)\)$/.exec(label)?.[1] ?? 0));
      const inStock = available.indexOf(Math.max(...available));
      expect(available[inStock]).toBeGreaterThan(1);
      const variantId = await variants.nth(inStock).getAttribute("value");
      await page.locator('form[action$="/order"] select[name="variantId"]').selectOption(variantId ?? "");
      await page.locator('form[action$="/order"] input[name="email"]').fill("nora.plain@example.com");
      await Promise.all([page.waitForURL(/\/__demo\/simulate$/), page.getByRole("button", { name: "Place order" }).click()]);

      // WHEN its customer opens the order in their account (the preview's "Orders without")
      await page.goto(`${demo.baseUrl}/__demo/customer-extensions`);
      // (newest first: the order just placed, found by its customer's name once the demo lists it)
      const link = page.locator("nav ul").nth(1).locator("a").first();
      const href = await link.getAttribute("href");
      expect(href).toMatch(/order=\d+/);
      // (this order's answer only: the page it leaves may still be fetching the default order's)
      const orderNumber = /order=(\d+)/.exec(href ?? "")?.[1];
      const answered = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(`/api/customer/orders/${orderNumber}`));
      await page.goto(`${demo.baseUrl}${href}`);

      // THEN the app answers that there is nothing backordered on it, and the page has no backorder block at all
      expect((await answered).status()).toBe(404);
      await page.waitForTimeout(300);
      expect(await surface("customer-order-status").locator("s-section, s-banner").count()).toBe(0);
      expect(await surface("customer-cancel-menu-item").locator("s-button").count()).toBe(0);
    });
  });
});

// A merchant, in the demo admin, enables backorder on a sold-out variant, adds an incoming batch and
// sees the date shoppers are promised change; then, with a customer waiting, moving the batch later asks
// "this will email 1 customer" before it saves.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import { formatDate } from "../../app/domain/format";
import { BROWSER_USER_AGENT, OUTPUT_DIR, launchChromium, startDemoProcess, type DemoProcess } from "./support";

let demo: DemoProcess;
let browser: Browser;
let page: Page;

function app(): Frame {
  const frame = page.frame({ name: "app-iframe" });
  if (!frame) throw new Error("The app iframe is not on the page");
  return frame;
}

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoProcess(), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, userAgent: BROWSER_USER_AGENT });
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe("backorder on a sold-out variant", () => {
  it("finds the sold-out product in Products and opens it", async () => {
    // GIVEN the demo admin
    await page.goto(demo.adminUrl);
    await app().getByRole("heading", { name: "Sold-out products" }).waitFor({ timeout: 90_000 });

    // WHEN the merchant opens Products, picks the Sold out tab and searches for the butter dish
    await page.getByRole("navigation", { name: "Backorder Pilot" }).getByRole("link", { name: "Products" }).click();
    await app().getByRole("tab", { name: "Sold out" }).click();
    await expect.poll(() => app().url()).toContain("tab=sold_out");
    await app().getByPlaceholder("Search products").fill("Butter");
    await expect.poll(() => app().url()).toContain("q=Butter");
    await expect.poll(() => app().getByRole("link", { name: "Dinner Plate" }).count()).toBe(0);
    await app().getByRole("link", { name: "Butter Dish" }).click();

    // THEN its page shows backorder off
    await app().getByRole("heading", { name: "Backorder settings" }).waitFor({ timeout: 30_000 });
    await expect.poll(() => app().getByTestId("shopper-preview").innerText()).toMatch(/Backorder is off/);
  });

  it("enables backorder and sees an estimated delivery range", async () => {
    // GIVEN the product page
    // WHEN the merchant chooses "Always" with a 45-day lead time and saves
    await app().getByLabel("Backorder mode").selectOption("always");
    await app().getByLabel("Supplier lead time (days)").fill("45");
    await app().getByRole("button", { name: "Save" }).click();

    // THEN the preview shows a backorder badge and a date range
    await expect.poll(() => app().getByTestId("shopper-preview").innerText(), { timeout: 30_000 }).toMatch(/Estimated delivery: .*\d/);
    await expect.poll(() => app().getByText("Shopify keeps selling when out of stock").count()).toBe(1);
  });

  it("adds an incoming batch and sees the promised date move earlier", async () => {
    // GIVEN the lead-time estimate
    const before = await app().getByTestId("shopper-preview").innerText();

    // WHEN the merchant adds a batch of 20 expected in ten days
    const expected = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await app().getByLabel("Quantity").fill("20");
    await app().getByLabel("Expected on").fill(expected);
    await app().getByRole("button", { name: "Add batch" }).click();

    // THEN the previewed date changes and the batch is listed
    await expect.poll(() => app().getByTestId("shopper-preview").innerText(), { timeout: 30_000 }).not.toBe(before);
    await expect.poll(() => app().getByRole("button", { name: "Remove" }).count()).toBe(1);
    await page.screenshot({ path: path.join(OUTPUT_DIR, "product-backorder.png"), fullPage: true });
  });

  it("refuses an invalid cap with the error next to the field", async () => {
    // GIVEN the product page
    // WHEN the merchant enters a cap above the limit and saves
    await app().getByLabel("Backorder cap (units)").fill("250000");
    await app().getByRole("button", { name: "Save" }).click();

    // THEN the field shows why
    await app().getByText("The cap must be a whole number between 1 and 100,000").waitFor({ timeout: 30_000 });
  });
});

describe("a save that would email waiting customers asks first", () => {
  it("moves the batch of a variant with a waiting, confirmed order after the merchant confirms", async () => {
    // GIVEN a customer's order for the Butter Dish (simulated Shopify checkout), confirmed by the app
    const simulator = await (await fetch(`${demo.baseUrl}/__demo/simulate`)).text();
    const variantId = /<option value="([^"]+)">Butter Dish[ (]/.exec(simulator)?.[1];
    if (!variantId) throw new Error("The Butter Dish is not offered by the simulator");
    const email = "waiting.customer@example.com";
    const placed = await fetch(`${demo.baseUrl}/__demo/simulate/order`, {
      method: "POST",
      body: new URLSearchParams({ variantId, quantity: "1", email, firstName: "Wanda", locale: "en" }),
      redirect: "manual",
    });
    expect(placed.status).toBe(303);
    const state = () => fetch(`${demo.baseUrl}/__demo/simulate/state`).then((r) => r.text());
    await expect.poll(state, { timeout: 30_000 }).toContain(`<td>backorder_confirmation</td><td>${email}</td>`);

    // WHEN the merchant moves the batch 30 days later and saves
    const later = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    await app().getByRole("button", { name: "Edit" }).click();
    const dialog = app().getByRole("dialog");
    await dialog.getByLabel("Expected on").fill(later);
    await dialog.getByRole("button", { name: "Save", exact: true }).click();

    // THEN the page asks first, naming the one customer who will get a delay email, and nothing is saved yet
    await expect
      .poll(() => dialog.getByTestId("date-change-confirm").innerText(), { timeout: 30_000 })
      .toContain("This change moves the delivery date of 1 customer later: they will get a delay email.");
    await page.screenshot({ path: path.join(OUTPUT_DIR, "product-date-change-confirm.png"), fullPage: true });
    expect(await state()).not.toContain("<td>delay_notice</td>");

    // WHEN the merchant chooses to save and email
    await dialog.getByRole("button", { name: "Save and email 1 customer" }).click();

    // THEN the batch is saved with its new date, and the customer's delay notice goes out at once
    await expect.poll(() => app().getByRole("dialog").count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => app().getByRole("table").first().innerText(), { timeout: 30_000 }).toContain(formatDate(later, "en"));
    await expect.poll(state, { timeout: 30_000 }).toContain(`<td>delay_notice</td><td>${email}</td>`);
  });
});

// A merchant, in the demo admin, enables backorder on a sold-out variant, adds an incoming batch and
// sees the date shoppers are promised change; then, with a customer waiting, moving the batch later asks
// "this will email 1 customer" before it saves. Last, a bulk change of every matching variant runs as a
// background job whose progress the list shows until it is done.
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
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
  [demo, browser] = await Promise.all([startDemoProcess("products"), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, userAgent: BROWSER_USER_AGENT });
});

// A failing step leaves a picture of the page and its frame's address (the server's log is beside it)
afterEach(async ({ task }) => {
  if (task.result?.state !== "fail" || !page) return;
  const name = task.name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60);
  await page.screenshot({ path: path.join(OUTPUT_DIR, `failed-products-${name}.png`), fullPage: true }).catch(() => undefined);
  console.error(`[e2e] failed on ${page.frame({ name: "app-iframe" })?.url() ?? page.url()}`);
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
    await app().getByRole("button", { name: "Search by product, variant or SKU" }).click();
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
    // (the demo's seeded late customers got theirs at checkout; none to this one yet)
    expect(await state()).not.toContain(`<td>delay_notice</td><td>${email}</td>`);

    // WHEN the merchant chooses to save and email
    await dialog.getByRole("button", { name: "Save and email 1 customer" }).click();

    // THEN the batch is saved with its new date, and the customer's delay notice goes out at once
    await expect.poll(() => app().getByRole("dialog").count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => app().getByRole("table").first().innerText(), { timeout: 30_000 }).toContain(formatDate(later, "en"));
    await expect.poll(state, { timeout: 30_000 }).toContain(`<td>delay_notice</td><td>${email}</td>`);
  });
});

describe("a long waiting queue comes a page at a time", () => {
  it("shows the first 50 waiting orders and loads the next ones with Load more, numbered over the whole queue", async () => {
    // GIVEN 50 more customers' orders for the Butter Dish (51 waiting with the one before)
    const simulator = await (await fetch(`${demo.baseUrl}/__demo/simulate`)).text();
    const variantId = /<option value="([^"]+)">Butter Dish[ (]/.exec(simulator)?.[1];
    if (!variantId) throw new Error("The Butter Dish is not offered by the simulator");
    for (let i = 0; i < 50; i++) {
      const placed = await fetch(`${demo.baseUrl}/__demo/simulate/order`, {
        method: "POST",
        body: new URLSearchParams({ variantId, quantity: "1", email: `queue.${i}@example.com`, firstName: `Q${i}`, locale: "en" }),
        redirect: "manual",
      });
      expect(placed.status).toBe(303);
    }

    // WHEN the merchant reloads the product page once the orders are recorded
    await expect
      .poll(
        async () => {
          await page.reload();
          await app().getByRole("heading", { name: "Waiting orders" }).waitFor({ timeout: 60_000 });
          return app().getByText(/Showing \d+ of \d+ waiting orders/).innerText();
        },
        { timeout: 120_000, interval: 2_000 },
      )
      .toBe("Showing 50 of 51 waiting orders");

    // THEN the 51st order is not on the page yet; Load more (a button, reachable by keyboard) adds it as #51
    const loadMore = app().getByRole("button", { name: "Load more" });
    // React has hydrated the button (a key press before that is lost, as it would be for a person)
    await expect
      .poll(() => loadMore.evaluate((button) => Object.keys(button).some((key) => key.startsWith("__reactFiber"))), { timeout: 30_000 })
      .toBe(true);
    // A press can still be lost while the page settles (Remix discovers the routes its links and fetchers
    // need): press again, as a person would, while the page still shows 50 and no load is in flight.
    const showing = () => app().getByText(/Showing \d+ of \d+ waiting orders/).innerText();
    await expect
      .poll(
        async () => {
          const text = await showing();
          if (text === "Showing 50 of 51 waiting orders" && (await loadMore.count()) === 1 && (await loadMore.getAttribute("aria-busy")) !== "true") {
            await loadMore.focus();
            await page.keyboard.press("Enter");
          }
          return text;
        },
        { timeout: 90_000, interval: 3_000 },
      )
      .toBe("Showing 51 of 51 waiting orders");
    expect(await loadMore.count()).toBe(0);
    const rows = app().getByRole("table").last().locator("tbody tr");
    expect(await rows.count()).toBe(51);
    expect((await rows.last().locator("td, th").first().innerText()).trim()).toBe("51");
  });
});

describe("receiving a batch into Shopify's inventory", () => {
  const stockText = () => app().getByText(/^Available in Shopify: -?\d+$/).innerText();
  const stock = async () => Number((await stockText()).split(": ")[1]);

  it("marks a batch received with its units added to Shopify, and the variant's stock rises on the page", async () => {
    // GIVEN the Butter Dish page (opened by its address) with a pending batch of 7 from a supplier of its own
    const storefront = await (await fetch(`${demo.baseUrl}/__demo/storefront/products/butter-dish`)).text();
    const productNumber = /data-product-id="(\d+)"/.exec(storefront)?.[1];
    if (!productNumber) throw new Error("The storefront preview does not name the Butter Dish's product id");
    await page.goto(`${demo.adminUrl}#path=${encodeURIComponent(`/app/products/${productNumber}`)}`);
    const quantity = app().getByLabel("Quantity");
    await quantity.waitFor({ timeout: 90_000 });
    // React has hydrated the form (typing before that is lost, as it would be for a person)
    await expect
      .poll(() => quantity.evaluate((input) => Object.keys(input).some((key) => key.startsWith("__reactFiber"))), { timeout: 30_000 })
      .toBe(true);
    await quantity.fill("7");
    await app().getByLabel("Expected on").fill(new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10));
    await app().getByLabel("Supplier", { exact: true }).fill("Receiving Test Kiln");
    await app().getByRole("button", { name: "Add batch" }).click();
    const row = app().getByRole("row").filter({ hasText: "Receiving Test Kiln" });
    await row.waitFor({ timeout: 30_000 });
    const before = await stock();

    // WHEN the merchant edits it, enters today as its received date, ticks "add to Shopify inventory" and saves
    await row.getByRole("button", { name: "Edit" }).click();
    const dialog = app().getByRole("dialog");
    await dialog.getByLabel("Received on").fill(new Date().toISOString().slice(0, 10));
    // (unticked, the dialog says plainly that Shopify's stock stays as it is)
    await dialog.getByText("Shopify's inventory is not changed: adjust it in Shopify so these units can be sold and allocated.").waitFor();
    await dialog.getByLabel("Add these 7 units to Shopify inventory at Atelier Limoges").check();
    expect(await dialog.getByLabel("Location").inputValue()).toContain("gid://shopify/Location/");
    await page.screenshot({ path: path.join(OUTPUT_DIR, "product-batch-receive-dialog.png"), fullPage: true });
    await dialog.getByRole("button", { name: "Save", exact: true }).click();

    // THEN the dialog closes, the batch reads as received, and the stock Shopify reports is 7 higher
    await expect.poll(() => app().getByRole("dialog").count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => row.innerText(), { timeout: 30_000 }).toMatch(/Received /);
    await expect.poll(stock, { timeout: 30_000 }).toBe(before + 7);
    await page.screenshot({ path: path.join(OUTPUT_DIR, "product-batch-received.png"), fullPage: true });
  });
});

describe("a bulk change of every matching variant runs in the background", () => {
  it("selects all matching variants, sets their lead time as a job, and shows its progress until done", async () => {
    // GIVEN the Products list, All view, more variants than one page
    // (a fresh load: from another admin address, a new #path alone would not reload the page)
    await page.goto("about:blank");
    await page.goto(`${demo.adminUrl}#path=${encodeURIComponent("/app/products")}`);
    // (the previous test's 50 orders may still be in the worker: the page can take a while to answer)
    await app().getByRole("tab", { name: "Backorderable" }).waitFor({ timeout: 180_000 });
    const selectPage = app().locator("thead").getByLabel("Select all variants");
    // React has hydrated the table (a click before that is lost, as it would be for a person)
    await expect
      .poll(() => selectPage.evaluate((input) => Object.keys(input).some((key) => key.startsWith("__reactFiber"))), { timeout: 30_000 })
      .toBe(true);

    // WHEN the merchant selects the page, then every variant matching the view, and sets a 21-day lead time
    await selectPage.check();
    await app().getByRole("button", { name: /^Select all \d+\+ variants matching this filter$/ }).click();
    await app().getByText("All variants matching this filter are selected").waitFor();
    await app().getByRole("button", { name: "Set lead time" }).click();
    const dialog = app().getByRole("dialog");
    await dialog.getByText("not only those on this page").waitFor();
    await dialog.getByLabel("Lead time (days)").fill("21");
    await dialog.getByRole("button", { name: "Apply to all matching" }).click();

    // THEN the list shows the job's banner: its progress bar while it runs, or already its outcome
    // (an idle worker can finish the job before the page has re-read itself after the action)
    const progress = app().getByTestId("bulk-job-progress");
    const done = app().getByText(/^“Set lead time” applied to \d+ matching variants$/);
    await progress.or(done).first().waitFor({ timeout: 30_000 });
    if (await progress.isVisible()) {
      // (the banner's title names the action while it runs; it may finish between two reads)
      expect(await app().getByText(/^Applying “Set lead time” to every matching variant$|^“Set lead time” applied to/).count()).toBe(1);
      await page.screenshot({ path: path.join(OUTPUT_DIR, "products-bulk-job-progress.png"), fullPage: true });
    }
    // AND, without a reload, its outcome once every variant is done
    // (the job queues behind the jobs of the 50 orders the previous test placed: give it time)
    await done.waitFor({ timeout: 150_000 }).catch(async (error: unknown) => {
      await page.screenshot({ path: path.join(OUTPUT_DIR, "products-bulk-job-not-done.png"), fullPage: true });
      throw error;
    });
    expect(await app().getByTestId("bulk-job-progress").count()).toBe(0);
    const applied = Number(/applied to (\d+)/.exec(await done.innerText())?.[1]);
    expect(applied).toBeGreaterThan(20);
  }, 360_000);
});

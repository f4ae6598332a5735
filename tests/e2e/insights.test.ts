// The home dashboard in Chromium on the demo shop (with its year of history, dev/demo/seed-history.ts): its cards,
// tables and charts render (tables with column headers a screen reader announces, each chart an image with its
// numbers in a table), the period selector reloads the page for the chosen period (day buckets, then weeks past 90
// days; or a custom range, refused with its reason when it ends before it starts) and keeps it in the URL, "cap at
// coverage" asks first then confirms with a toast, and axe finds nothing serious.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import { BROWSER_USER_AGENT, OUTPUT_DIR, launchChromium, startDemoProcess, type DemoProcess } from "./support";

let demo: DemoProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;

function app(): Frame {
  const frame = page.frame({ name: "app-iframe" });
  if (!frame) throw new Error("The app iframe is not on the page");
  return frame;
}

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoProcess("insights"), launchChromium()]);
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, userAgent: BROWSER_USER_AGENT });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe("home dashboard", () => {
  it("shows the cards and the demand table, switches period through the URL, and passes axe", async () => {
    // GIVEN the demo shop, whose customers are waiting for backordered items
    // WHEN the merchant opens the app's home page
    await page.goto(`${demo.adminUrl}#path=${encodeURIComponent("/app")}`);
    await app().getByRole("heading", { name: "Backorders at a glance" }).waitFor({ timeout: 90_000 });
    await page.waitForFunction(() => document.querySelector("#nav a") !== null, undefined, { timeout: 60_000 });

    // THEN the summary cards and the demand table (with its column headers) are there, and the to-do card stays
    await app().getByRole("heading", { name: "Units waiting now" }).waitFor();
    await app().getByRole("columnheader", { name: "Variant" }).waitFor();
    await app().getByRole("columnheader", { name: "Next batch" }).waitFor();
    await app().getByRole("heading", { name: "Sold-out products" }).waitFor();
    // AND the seeded survey answers show as satisfaction bars (an image named by its numbers), the same
    // numbers in a table, and a comment linked to its order in the support desk
    await app().getByRole("heading", { name: "Customer satisfaction after delivery" }).waitFor();
    await app().getByRole("img", { name: /^Up to 7 days: average [\d.]+ out of 5, \d+ answers?/ }).waitFor();
    await app().getByRole("columnheader", { name: "Average score" }).waitFor();
    expect(await app().getByRole("link", { name: /· 2\/5$/ }).getAttribute("href")).toMatch(/\/app\/support\/\d+/);
    await page.screenshot({ path: path.join(OUTPUT_DIR, "insights-30.png"), fullPage: true });

    // WHEN the merchant picks the last 90 days
    const range = () => app().getByText(/Lines are counted by the day they were ordered/).innerText();
    const range30 = await range();
    const select = app().getByLabel("Period");
    expect(await select.inputValue()).toBe("30");
    // React has hydrated the select (a choice made before that is lost, as it would be for a person)
    await expect.poll(() => select.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactFiber"))), { timeout: 30_000 }).toBe(true);
    await select.selectOption("90");

    // THEN the page reloads for 90 days, with the period in the URL and the range it now covers
    await expect.poll(() => app().url(), { timeout: 30_000 }).toMatch(/[?&]period=90\b/);
    await expect.poll(range, { timeout: 30_000 }).not.toBe(range30);
    await expect.poll(() => app().getByLabel("Period").inputValue()).toBe("90");
    // AND the charts render in the browser, each an image named by its numbers, with the numbers in a table too
    await app().getByRole("img", { name: /^Donut chart: \d+ lines on time, \d+ late$/ }).waitFor({ timeout: 30_000 });
    await app().getByRole("img", { name: /: median \d+ days, 8 in 10 within \d+ days/ }).waitFor({ timeout: 30_000 });
    await app().locator("svg").first().waitFor();
    await app().getByRole("columnheader", { name: "Not due yet" }).waitFor();
    // AND waiting units and revenue over time, day by day, their numbers one click away
    await app().getByRole("img", { name: /^Line chart of units waiting, Day by day, 90 points; \d+ waiting at the end\./ }).waitFor({ timeout: 30_000 });
    await app().getByRole("img", { name: /^Line chart of backorder revenue, Day by day; €[\d,.]+ in all\./ }).waitFor();
    await app().getByRole("button", { name: "Show the numbers" }).click();
    await app().getByRole("columnheader", { name: "Day", exact: true }).waitFor();
    // AND the cancellations the year's delays caused, with what they refunded
    await app().getByRole("heading", { name: "Cancelled because of a delay" }).waitFor();
    await app().getByText(/^€[\d,.]+ refunded · \d+ units?$/).waitFor();
    await page.screenshot({ path: path.join(OUTPUT_DIR, "insights-90.png"), fullPage: true });

    // WHEN the merchant caps a variant's backorders at its forecast coverage from the demand table
    await app().getByRole("columnheader", { name: "Advice" }).waitFor();
    const capButton = app().getByRole("button", { name: /^Cap backorders of .+ at \d+ units$/ }).first();
    const cap = /at (\d+) units$/.exec((await capButton.getAttribute("aria-label")) ?? "")?.[1];
    await capButton.click();
    // THEN a dialog says what the cap will be before anything is saved; confirmed, a toast says it is done
    const dialog = app().getByRole("dialog");
    await dialog.getByText(`Customers will be able to owe at most ${cap} units at once`, { exact: false }).waitFor({ timeout: 30_000 });
    await dialog.getByRole("button", { name: `Cap at ${cap} units` }).click();
    await page.locator("#toasts div", { hasText: `Backorders capped at ${cap} units` }).waitFor({ timeout: 30_000 });
    await dialog.waitFor({ state: "hidden", timeout: 30_000 });

    // WHEN the merchant picks the last 365 days, THEN the lines go week by week
    await app().getByLabel("Period").selectOption("365");
    await app().getByRole("img", { name: /^Line chart of units waiting, Week by week, 5[34] points/ }).waitFor({ timeout: 30_000 });

    // WHEN the merchant picks a custom range that ends before it starts, then a valid one
    await app().getByLabel("Period").selectOption("custom");
    await app().getByLabel("From").fill("2026-11-20");
    await app().getByLabel("To (included)").fill("2026-11-10");
    await app().getByRole("button", { name: "Apply" }).click();
    // THEN the reason shows next to the end date, and the page keeps a usable period meanwhile
    await app().getByText("The end is before the start. Showing the last 30 days meanwhile.").waitFor({ timeout: 30_000 });
    await app().getByLabel("To (included)").fill("2026-11-25");
    await app().getByRole("button", { name: "Apply" }).click();
    // AND a valid range is shown as asked, both days included
    await app().getByText(/^20 Nov 2026 – 25 Nov 2026 \(/).waitFor({ timeout: 30_000 });
    expect(app().url()).toMatch(/period=custom&from=2026-11-20&to=2026-11-25/);
    await page.screenshot({ path: path.join(OUTPUT_DIR, "insights-custom.png"), fullPage: true });

    // AND axe finds nothing serious or critical in the app's frame
    const axe = await new AxeBuilder({ page }).include("iframe").analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });
});

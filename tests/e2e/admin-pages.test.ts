// The notifications, activity and privacy pages in Chromium at a 1,400 px laptop width: every table column in
// view, axe clean, the template editor's save bar, and French kept on later pages when the browser keeps no
// cookie for the app.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Frame, Locator, Page } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import { BROWSER_USER_AGENT, OUTPUT_DIR, launchChromium, startDemoProcess, type DemoProcess } from "./support";

const WIDTH = 1400;
/** A long but real-looking address: the outbox's widest column in practice. */
const CUSTOMER_EMAIL = "wilhelmina.vandenberghe-oosterhout@example-boutique-long-domain.com";

let demo: DemoProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;

function app(target: Page = page): Frame {
  const frame = target.frame({ name: "app-iframe" });
  if (!frame) throw new Error("The app iframe is not on the page");
  return frame;
}

const nav = (target: Page = page) => target.getByRole("navigation", { name: "Backorder Pilot" });
/** The outbox row's View button, a link to the email (its accessible name says whose email it opens). */
const viewButton = () => app().getByRole("link", { name: `Email to ${CUSTOMER_EMAIL}` });

async function open(appPath: string, ready: (frame: Frame) => Locator): Promise<void> {
  await page.goto("about:blank");
  await page.goto(`${demo.adminUrl}#path=${encodeURIComponent(appPath)}`);
  await ready(app()).first().waitFor({ timeout: 90_000 });
}

/** The element's right edge lies inside the window (nothing to scroll sideways to reach it). */
async function rightEdge(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("The element has no box");
  return box.x + box.width;
}

async function seriousViolations(): Promise<string[]> {
  // The app's frame, less the rendered emails inside it: those are customer content in sandboxed frames
  // where no script (axe's included) may run.
  const axe = await new AxeBuilder({ page })
    .include("iframe")
    .exclude({ fromFrames: ["iframe[name='app-iframe']", "iframe[sandbox]"] })
    .analyze();
  return axe.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoProcess("admin-pages"), launchChromium()]);
  // A context of our own: axe needs one.
  context = await browser.newContext({ viewport: { width: WIDTH, height: 1000 }, userAgent: BROWSER_USER_AGENT });
  page = await context.newPage();
  // The admin installs the app on first open; then a customer orders a backordered item (simulated checkout),
  // which gives the outbox an email and Activity its jobs and webhooks.
  await open("/app", (frame) => frame.getByRole("heading", { name: "Sold-out products" }));
  const simulator = await (await fetch(`${demo.baseUrl}/__demo/simulate`)).text();
  // The Sage mug is sold out and on backorder in the demo shop.
  const variantId = /<option value="([^"]+)">Stoneware Mug[^<]*Sage/.exec(simulator)?.[1];
  if (!variantId) throw new Error("The Sage mug is not offered by the simulator");
  const placed = await fetch(`${demo.baseUrl}/__demo/simulate/order`, {
    method: "POST",
    body: new URLSearchParams({ variantId, quantity: "2", email: CUSTOMER_EMAIL, firstName: "Wilhelmina", locale: "en" }),
    redirect: "manual",
  });
  expect(placed.status).toBe(303);
  const state = () => fetch(`${demo.baseUrl}/__demo/simulate/state`).then((r) => r.text());
  const confirmed = `<td>backorder_confirmation</td><td>${CUSTOMER_EMAIL}</td>`;
  for (const deadline = Date.now() + 60_000; !(await state()).includes(confirmed); ) {
    if (Date.now() > deadline) throw new Error("The order's confirmation email never reached the outbox");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe("tables at 1,400 px", () => {
  it("shows the outbox's Status and View columns without scrolling sideways", async () => {
    // GIVEN an outbox email to a customer with a long address
    // WHEN the merchant opens Notifications in a 1,400 px window
    await open("/app/notifications", (frame) => frame.getByRole("heading", { name: "Outbox" }));
    await page.screenshot({ path: path.join(OUTPUT_DIR, "notifications-1400.png"), fullPage: true });
    const view = viewButton();
    await view.waitFor({ timeout: 30_000 });

    // THEN the View button and the status badge lie inside the window
    expect(await rightEdge(view)).toBeLessThanOrEqual(WIDTH);
    const status = app().getByRole("columnheader", { name: "Status" });
    expect(await rightEdge(status)).toBeLessThanOrEqual(WIDTH);
  });

  it("shows Activity's When column without scrolling sideways", async () => {
    // GIVEN jobs run for the order's webhooks
    // WHEN the merchant opens Activity in a 1,400 px window
    await open("/app/activity", (frame) => frame.getByRole("table"));
    await page.screenshot({ path: path.join(OUTPUT_DIR, "activity-1400.png"), fullPage: true });

    // THEN every "When" heading and the dates under it lie inside the window
    const headings = app().getByRole("columnheader", { name: "When" });
    expect(await headings.count()).toBeGreaterThan(0);
    for (const heading of await headings.all()) expect(await rightEdge(heading)).toBeLessThanOrEqual(WIDTH);
    const table = app().getByRole("table").filter({ has: app().getByRole("columnheader", { name: "When" }) }).first();
    const lastCells = table.locator("tbody tr td:last-child");
    expect(await lastCells.count()).toBeGreaterThan(0);
    for (const cell of await lastCells.all()) expect(await rightEdge(cell)).toBeLessThanOrEqual(WIDTH);
  });
});

describe("accessibility", () => {
  it.each([
    ["Notifications", "/app/notifications", (frame: Frame) => frame.getByRole("heading", { name: "Outbox" })],
    ["Activity", "/app/activity", (frame: Frame) => frame.getByRole("table")],
    ["Privacy requests", "/app/privacy", (frame: Frame) => frame.getByText("No data requests")],
    ["Deposits and pay later", "/app/settings/payments", (frame: Frame) => frame.getByLabel("Deposit option name").first()],
  ])("has no serious or critical axe violations on %s", async (_name, appPath, ready) => {
    // GIVEN the page, loaded and hydrated
    await open(appPath, ready);
    // WHEN axe checks the app's frame
    // THEN nothing serious or critical is found
    expect(await seriousViolations()).toEqual([]);
  });

  it("has no serious or critical axe violations on an email's page", async () => {
    // GIVEN the customer's email opened from the outbox
    await open("/app/notifications", (frame) => frame.getByRole("heading", { name: "Outbox" }));
    await viewButton().click();
    await app().getByText("Plain-text version").waitFor({ timeout: 30_000 });
    // WHEN axe checks it
    // THEN nothing serious or critical is found
    expect(await seriousViolations()).toEqual([]);
  });
});

describe("the template editor", () => {
  it("shows the save bar once a template is edited, and Discard restores it", async () => {
    // GIVEN the template editor, hydrated
    await open("/app/notifications", (frame) => frame.getByLabel("Subject", { exact: true }));
    const subject = app().getByLabel("Subject", { exact: true });
    await expect
      .poll(() => subject.evaluate((input) => Object.keys(input).some((key) => key.startsWith("__reactFiber"))), { timeout: 30_000 })
      .toBe(true);
    const saveBar = page.getByRole("region", { name: "Unsaved changes" });
    const stored = await subject.inputValue();
    expect(await saveBar.isVisible()).toBe(false);

    // WHEN the merchant edits the subject
    await subject.fill(`${stored} (edited)`);

    // THEN the admin shows the save bar
    await saveBar.waitFor({ state: "visible", timeout: 10_000 });

    // WHEN the merchant discards from the save bar
    await saveBar.getByRole("button", { name: "Discard" }).click();

    // THEN the stored subject is back and the bar is gone
    await expect.poll(() => subject.inputValue()).toBe(stored);
    await saveBar.waitFor({ state: "hidden", timeout: 10_000 });
  });
});

describe("French without the cookie", () => {
  it("keeps French on pages reached by clicking when the browser keeps no cookie", async () => {
    // GIVEN a browser that keeps no cookie for the app (as one blocking third-party cookies in the admin's
    // iframe) and prefers English, with the admin switched to French (a document load with locale=fr)
    const frenchContext = await browser.newContext({
      viewport: { width: WIDTH, height: 1000 },
      userAgent: BROWSER_USER_AGENT,
      locale: "en-US",
    });
    const french = await frenchContext.newPage();
    const dataRequests: { url: string; locale: string | null }[] = [];
    french.on("request", (request) => {
      if (request.url().includes("_data=")) dataRequests.push({ url: request.url(), locale: request.headers()["x-admin-locale"] ?? null });
    });
    try {
      await french.goto(demo.adminUrl);
      await app(french).getByRole("heading", { name: "Sold-out products" }).waitFor({ timeout: 90_000 });
      await french.getByLabel("Language").selectOption("fr");
      await app(french).getByRole("heading", { name: "Produits en rupture" }).waitFor({ timeout: 60_000 });
      // The app wrote its cookie on that document load: gone, as if the browser had refused it.
      await frenchContext.clearCookies();

      // WHEN the merchant clicks Activity, then Settings, in the admin navigation
      await nav(french).getByRole("link", { name: "Activité" }).click();
      await app(french).getByRole("heading", { name: "Tâches récentes" }).waitFor({ timeout: 30_000 });
      const settingsData = french.waitForResponse((r) => r.url().includes("_data=routes%2Fapp.settings"), { timeout: 30_000 });
      await nav(french).getByRole("link", { name: "Paramètres" }).click();
      await settingsData;
      await app(french).getByText("Promesses de livraison").first().waitFor({ timeout: 30_000 });

      // THEN no cookie was kept, the data requests said "fr", and Settings (translated by its loader) is French
      expect(await frenchContext.cookies()).toEqual([]);
      expect(dataRequests.length).toBeGreaterThan(0);
      expect(dataRequests.every((request) => request.locale === "fr")).toBe(true);
      const settingsText = await app(french).locator("body").innerText();
      expect(settingsText).toContain("Calendrier ouvré");
      expect(settingsText).not.toContain("Business calendar");
    } finally {
      await frenchContext.close();
    }
  });
});

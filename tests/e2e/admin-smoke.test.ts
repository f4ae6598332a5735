// The demo admin opens in headless Chromium: the embedded app authenticates through the real library with
// session tokens from the App Bridge stand-in, renders Polaris, and survives navigation and reloads.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import { BROWSER_USER_AGENT, OUTPUT_DIR, launchChromium, startDemoProcess, type DemoProcess } from "./support";

let demo: DemoProcess;
let browser: Browser;
let page: Page;

function appFrame(): Frame {
  const frame = page.frame({ name: "app-iframe" });
  if (!frame) throw new Error("The app iframe is not on the page");
  return frame;
}

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoProcess("admin-smoke"), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, userAgent: BROWSER_USER_AGENT });
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe("demo admin", () => {
  it("renders the Polaris home page of the embedded app with the seeded shop's data", async () => {
    // GIVEN the demo is running with its seeded shop
    // WHEN a merchant opens the admin
    await page.goto(demo.adminUrl);

    // THEN the app page renders inside the admin iframe with Polaris and data from the Admin API fake
    const frame = appFrame();
    await frame.getByRole("heading", { name: "Sold-out products" }).waitFor({ timeout: 90_000 });
    expect(await frame.locator(".Polaris-Page").count()).toBeGreaterThan(0);
    expect(await frame.locator("body").innerText()).toContain("Maison Argile");
    await page.screenshot({ path: path.join(OUTPUT_DIR, "admin-home.png"), fullPage: true });
  });

  it("shows the app's navigation and title in the admin around the iframe", async () => {
    // GIVEN the home page is open
    // WHEN the admin mirrors App Bridge's nav menu and title bar
    const nav = page.getByRole("navigation", { name: "Backorder Pilot" });

    // THEN the Home link and the page title are visible
    await expect.poll(() => nav.getByRole("link", { name: "Home" }).count()).toBe(1);
    await expect.poll(() => page.locator("#title").innerText()).toBe("Backorder Pilot");
  });

  it("survives a reload: a fresh session token is fetched and the page renders again", async () => {
    // GIVEN the home page was opened more than once (the id_token in the iframe URL is single-use in spirit)
    // WHEN the merchant reloads the browser
    await page.reload();

    // THEN the app authenticates again and renders
    await appFrame().getByRole("heading", { name: "Sold-out products" }).waitFor({ timeout: 60_000 });
  });

  it("keeps working on client-side navigation (Remix data requests carry a Bearer token)", async () => {
    // GIVEN the home page is open
    // WHEN the merchant clicks Home in the admin navigation (a client-side navigation inside the app)
    const dataRequest = page.waitForResponse((r) => r.url().includes("_data=routes%2Fapp._index"), { timeout: 30_000 });
    await page.getByRole("navigation", { name: "Backorder Pilot" }).getByRole("link", { name: "Home" }).click();
    const response = await dataRequest;

    // THEN the loader answered the Bearer-authenticated data request
    expect(response.status()).toBe(200);
    await appFrame().getByRole("heading", { name: "Sold-out products" }).waitFor();
  });

  it("switches the admin to French", async () => {
    // GIVEN the admin in English
    // WHEN the merchant picks Français
    await page.getByLabel("Language").selectOption("fr");

    // THEN the app renders its French strings
    await appFrame().getByRole("heading", { name: "Produits en rupture" }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(OUTPUT_DIR, "admin-home-fr.png"), fullPage: true });
  });
});

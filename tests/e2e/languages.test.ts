// The admin keeps the merchant's language: French chosen in the admin stays French on every page reached
// by clicking (Remix data requests carry no `locale`), with <html lang> to match.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import { BROWSER_USER_AGENT, launchChromium, startDemoProcess, type DemoProcess } from "./support";

let demo: DemoProcess;
let browser: Browser;
let page: Page;

function appFrame(): Frame {
  const frame = page.frame({ name: "app-iframe" });
  if (!frame) throw new Error("The app iframe is not on the page");
  return frame;
}

const adminNav = () => page.getByRole("navigation", { name: "Backorder Pilot" });

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoProcess("languages"), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, userAgent: BROWSER_USER_AGENT });
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe("French that stays French", () => {
  it("keeps French and <html lang=\"fr\"> after clicking through two other pages", async () => {
    // GIVEN the admin open in English, then switched to French
    await page.goto(demo.adminUrl);
    await appFrame().getByRole("heading", { name: "Sold-out products" }).waitFor({ timeout: 90_000 });
    await page.getByLabel("Language").selectOption("fr");
    await appFrame().getByRole("heading", { name: "Produits en rupture" }).waitFor({ timeout: 60_000 });
    expect(await appFrame().locator("html").getAttribute("lang")).toBe("fr");

    // WHEN the merchant clicks Products, then Settings, in the admin navigation (client-side navigations)
    const productsData = page.waitForResponse((r) => r.url().includes("_data=routes%2Fapp.products._index"), { timeout: 30_000 });
    await adminNav().getByRole("link", { name: "Produits" }).click();
    await productsData;
    await appFrame().getByRole("tab", { name: "En précommande" }).waitFor({ timeout: 30_000 });
    const productsText = await appFrame().locator("body").innerText();

    const settingsData = page.waitForResponse((r) => r.url().includes("_data=routes%2Fapp.settings"), { timeout: 30_000 });
    await adminNav().getByRole("link", { name: "Paramètres" }).click();
    await settingsData;
    await appFrame().getByText("Promesses de livraison").first().waitFor({ timeout: 30_000 });

    // THEN both pages are in French, with no English heading left, and the document still says lang="fr"
    expect(productsText).toContain("Prochaine livraison estimée");
    expect(productsText).not.toContain("Next delivery estimate");
    const settingsText = await appFrame().locator("body").innerText();
    expect(settingsText).toContain("Calendrier ouvré");
    expect(settingsText).not.toContain("Business calendar");
    expect(await appFrame().locator("html").getAttribute("lang")).toBe("fr");
    await expect.poll(() => page.locator("#title").innerText()).toBe("Paramètres");
  });

  it("comes back to English, on the next pages too, when the merchant switches back", async () => {
    // GIVEN the admin in French
    // WHEN the merchant picks English and clicks through to Products
    await page.getByLabel("Language").selectOption("en");
    await appFrame().getByText("Delivery promises").first().waitFor({ timeout: 60_000 });
    await adminNav().getByRole("link", { name: "Products" }).click();

    // THEN Products is in English and <html lang="en">
    await appFrame().getByRole("tab", { name: "Backorderable" }).waitFor({ timeout: 30_000 });
    expect(await appFrame().locator("body").innerText()).toContain("Next delivery estimate");
    expect(await appFrame().locator("html").getAttribute("lang")).toBe("en");
  });
});

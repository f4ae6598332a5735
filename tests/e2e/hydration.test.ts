// Every admin page hydrates cleanly in Chromium: React logs no hydration warning (a mismatch makes React
// throw the server's HTML away and render the page again from scratch), in English and in French.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, ConsoleMessage, Frame, Page } from "playwright-core";
import { BROWSER_USER_AGENT, launchChromium, startDemoProcess, type DemoProcess } from "./support";

let demo: DemoProcess;
let browser: Browser;

/** What React 18 logs when server HTML and the first client render differ. */
const HYDRATION = /hydrat|did not match|server rendered|Text content does not match|Minified React error #(418|419|421|422|423|425)/i;

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoProcess("hydration"), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

/** Admin pages, each loaded as a document (the way the admin loads an app page). */
const ADMIN_PAGES = ["/app", "/app/products", "/app/support", "/app/settings", "/app/settings/payments", "/app/notifications", "/app/activity", "/app/privacy"];

async function openInAdmin(page: Page, path: string, locale: string): Promise<Frame> {
  // A new document every time (a hash change alone would not reload the admin).
  await page.goto("about:blank");
  await page.goto(`${demo.adminUrl}#${new URLSearchParams({ path, locale })}`);
  const frame = page.frame({ name: "app-iframe" });
  if (!frame) throw new Error("The app iframe is not on the page");
  await frame.locator(".Polaris-Page").first().waitFor({ timeout: 90_000 });
  // Hydration happens after the HTML shows: wait until React has attached (the nav menu reaches the admin).
  await page.waitForFunction(() => document.querySelector("#nav a") !== null, undefined, { timeout: 60_000 });
  await page.waitForTimeout(500);
  return frame;
}

describe("hydration", () => {
  for (const locale of ["en", "fr"]) {
    it(`logs no hydration warning on any admin page (${locale})`, async () => {
      // GIVEN Chromium collecting every console message and page error of the app's iframe
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, userAgent: BROWSER_USER_AGENT });
      const problems: string[] = [];
      const collect = (where: string) => (message: ConsoleMessage) => {
        if ((message.type() === "error" || message.type() === "warning") && HYDRATION.test(message.text())) {
          problems.push(`${where}: ${message.text().slice(0, 300)}`);
        }
      };
      let current = "";
      page.on("console", (message) => collect(current)(message));
      page.on("pageerror", (error) => {
        if (HYDRATION.test(error.message)) problems.push(`${current}: ${error.message.slice(0, 300)}`);
      });

      // WHEN every admin page is loaded as a document, plus a product page and an email found by their links
      for (const path of ADMIN_PAGES) {
        current = path;
        await openInAdmin(page, path, locale);
      }
      current = "/app/products (a product with a delivery estimate)";
      const list = await openInAdmin(page, "/app/products", locale);
      const productHref = await list.locator('tr:has-text("–") a[href^="/app/products/"]').first().getAttribute("href");
      expect(productHref).toBeTruthy();
      current = productHref!;
      const product = await openInAdmin(page, productHref!, locale);
      expect(await product.locator("body").innerText()).toMatch(/\d+\s*–\s*\d+|\d+\s\S+\s–\s\d+/);
      current = "/app/notifications (first email)";
      const outbox = await openInAdmin(page, "/app/notifications", locale);
      const emailHref = await outbox.locator('a[href^="/app/notifications/emails/"]').first().getAttribute("href");
      if (emailHref) {
        current = emailHref;
        await openInAdmin(page, emailHref, locale);
      }
      await page.close();

      // THEN React reported no hydration mismatch anywhere
      expect(problems).toEqual([]);
    });
  }
});

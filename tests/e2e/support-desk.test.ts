// A support person, in the demo admin, finds a late order from the customer's email, reads its timeline,
// adds an internal note, revises the date of the late line (the demo seeds customers already waiting),
// sends the customer a 10% code, which the demo's mailbox (the app's outbox) then shows, and last cancels
// and refunds the line after a confirmation that states the refund.
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Frame, Page } from "playwright-core";
import { BROWSER_USER_AGENT, OUTPUT_DIR, launchChromium, startDemoProcess, type DemoProcess } from "./support";

let demo: DemoProcess;
let browser: Browser;
let page: Page;

function app(): Frame {
  const frame = page.frame({ name: "app-iframe" });
  if (!frame) throw new Error("The app iframe is not on the page");
  return frame;
}

async function seriousViolations(): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include("iframe").exclude({ fromFrames: ["iframe[name='app-iframe']", "iframe[sandbox]"] }).analyze();
  return axe.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoProcess("support-desk"), launchChromium()]);
  // A context of our own: axe needs one.
  const context = await browser.newContext({ viewport: { width: 1280, height: 1100 }, userAgent: BROWSER_USER_AGENT });
  page = await context.newPage();
});

// A failing step leaves a picture of the page and its frame's address (the server's log is beside it)
afterEach(async ({ task }) => {
  if (task.result?.state !== "fail" || !page) return;
  const name = task.name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60);
  await page.screenshot({ path: path.join(OUTPUT_DIR, `failed-support-${name}.png`), fullPage: true }).catch(() => undefined);
  console.error(`[e2e] failed on ${page.frame({ name: "app-iframe" })?.url() ?? page.url()}`);
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe("support desk", () => {
  it("finds a late order by the customer's email", async () => {
    // GIVEN the demo admin, whose seeded customers are waiting for backordered items
    await page.goto(demo.adminUrl);
    await app().getByRole("heading", { name: "Sold-out products" }).waitFor({ timeout: 90_000 });
    // WHEN support opens the desk and searches for Camille's email
    await page.getByRole("navigation", { name: "Backorder Pilot" }).getByRole("link", { name: "Support desk" }).click();
    await app().getByRole("tab", { name: "Delayed" }).waitFor({ timeout: 30_000 });
    // The seeded orders are recorded by the demo's worker: wait until the queue lists them.
    await expect
      .poll(
        async () => {
          const rows = await app().getByText("camille.martin@example.com").count();
          if (rows === 0) await app().getByRole("tab", { name: "Open" }).click();
          return rows;
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBeGreaterThan(0);
    await app().getByRole("button", { name: "Search by order, customer name or email" }).click();
    await app().getByPlaceholder("Search by order, customer name or email").fill("camille.martin@");
    await expect.poll(() => app().url()).toContain("q=camille.martin");
    // THEN her order is the one row, late
    await expect.poll(() => app().getByText("tom.becker@example.com").count()).toBe(0);
    await expect.poll(() => app().getByText(/days? late/).count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(OUTPUT_DIR, "support-queue.png"), fullPage: true });
    expect(await seriousViolations()).toEqual([]);
  });

  it("reads the timeline of the order", async () => {
    // WHEN the order is opened
    await app().getByRole("link", { name: /^#\d+$/ }).first().click();
    // THEN its timeline shows the order placed, the checkout promise and the emails sent
    await app().getByRole("heading", { name: "Timeline" }).waitFor({ timeout: 30_000 });
    await expect.poll(() => app().getByText("Order placed").count()).toBe(1);
    await expect.poll(() => app().getByText(/Promised at checkout/).count()).toBeGreaterThan(0);
    await expect.poll(() => app().getByText(/Delay email/).count()).toBeGreaterThan(0);
    expect(await seriousViolations()).toEqual([]);
  });

  it("adds an internal note", async () => {
    // WHEN support writes a note and adds it
    await app().getByRole("textbox", { name: "Internal note" }).fill("Called Camille: happy to wait for the kiln batch.");
    await app().getByRole("button", { name: "Add note" }).click();
    // THEN the note is on the timeline, signed by the staff member
    await expect.poll(() => app().getByText("Called Camille: happy to wait for the kiln batch.").count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => app().getByText(/Staff member 1/).count()).toBeGreaterThan(0);
  });

  it("revises the date with a reason, and refuses a range in the wrong order next to the field", async () => {
    // WHEN the latest date is before the earliest
    await app().getByLabel("Earliest").fill(inDays(40));
    await app().getByLabel("Latest").fill(inDays(35));
    await app().getByLabel("Reason").fill("Kiln repair at the workshop");
    await app().getByRole("button", { name: "Save" }).last().click();
    // THEN the error shows next to the field
    await expect.poll(() => app().getByText("The latest date must not be before the earliest.").count(), { timeout: 30_000 }).toBe(1);
    // WHEN it is corrected and saved
    await app().getByLabel("Latest").fill(inDays(45));
    await app().getByRole("button", { name: "Save" }).last().click();
    // THEN the line goes by the revised date and the timeline records it
    await expect.poll(() => app().getByText("Revised by hand: Kiln repair at the workshop").count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => app().getByText(/Date revised to/).count()).toBe(1);
    await page.screenshot({ path: path.join(OUTPUT_DIR, "support-order.png"), fullPage: true });
  });

  it("sends a 10% code that only the customer can use, and the customer's email in the demo mailbox holds it", async () => {
    // WHEN support compensates with a 10% code (the shop's default offer)
    await app().getByLabel("What to give").selectOption("discount_percentage");
    await app().getByLabel("Percentage off").fill("10");
    await app().getByRole("button", { name: "Compensate" }).click();
    // THEN the timeline records the code, linked to its email, and the order shows it was compensated
    await expect.poll(() => app().getByText("Compensation: a 10% discount code").count(), { timeout: 30_000 }).toBe(1);
    const detail = await app().getByText(/^Code SORRY-\d+-[A-Z2-9]{6}, valid until /).textContent({ timeout: 30_000 });
    const code = /SORRY-\d+-[A-Z2-9]{6}/.exec(detail ?? "")?.[0];
    expect(code).toBeTruthy();
    await expect.poll(() => app().getByText(/^Compensated on /).count()).toBe(1);
    expect(await seriousViolations()).toEqual([]);
    await page.screenshot({ path: path.join(OUTPUT_DIR, "support-compensated.png"), fullPage: true });
    // AND the demo's mailbox has the compensation email to Camille
    const state = await (await fetch(`${demo.baseUrl}/__demo/simulate/state`)).text();
    expect(state).toContain("<td>compensation</td><td>camille.martin@example.com</td>");
    // WHEN support opens that email from the timeline
    const event = app().locator("li").filter({ hasText: "Compensation: a 10% discount code" });
    await event.getByRole("link", { name: /^Email: / }).click();
    // THEN the message Camille receives holds her code
    await app().getByText("Plain-text version").waitFor({ timeout: 30_000 });
    await expect.poll(() => app().getByText(code as string).count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(OUTPUT_DIR, "support-compensation-email.png"), fullPage: true });
  });

  it("cancels and refunds the backordered line after a confirmation stating the refund", async () => {
    // GIVEN the order page again (the previous step left it for the email)
    await page.goBack();
    await app().getByRole("heading", { name: "Timeline" }).waitFor({ timeout: 30_000 });
    // WHEN support chooses the waiting line and asks to cancel and refund it
    await app().getByRole("group", { name: "Backordered items" }).getByRole("checkbox").first().check();
    await app().getByRole("button", { name: "Cancel and refund backordered items" }).click();
    // THEN the dialog states what Shopify will refund and that it cannot be undone
    const dialog = app().getByRole("dialog");
    await expect.poll(() => dialog.getByText(/will be refunded to the customer’s original payment method|no money is refunded/).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => dialog.getByText("This can’t be undone. The customer gets the cancellation email.").count()).toBe(1);
    await page.screenshot({ path: path.join(OUTPUT_DIR, "support-cancel.png"), fullPage: true });
    expect(await seriousViolations()).toEqual([]);
    // WHEN it is confirmed
    await dialog.getByRole("button", { name: "Cancel and refund", exact: true }).click();
    // THEN the line is cancelled and the timeline records the cancellation and the customer's email
    await expect.poll(() => app().getByText(/^Cancelled: /).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => app().getByText("Cancellation email").count()).toBe(1);
  });
});

describe("a customer asks where their order is", () => {
  let orderName = "";

  it("finds their order on the storefront's \"Where is my order?\" page, without JavaScript, and writes to the shop", async () => {
    // GIVEN Jonas's order number, as the desk lists it
    await page.getByRole("navigation", { name: "Backorder Pilot" }).getByRole("link", { name: "Support desk" }).click();
    await app().getByRole("button", { name: "Search by order, customer name or email" }).click();
    await app().getByPlaceholder("Search by order, customer name or email").fill("jonas.weber@");
    // (his row: Camille's order, cancelled a step earlier, is no longer in this view to tell the search applied)
    const jonas = app().getByRole("row").filter({ hasText: "jonas.weber@example.com" });
    await expect.poll(() => jonas.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    orderName = (await jonas.first().getByRole("link", { name: /^#\d+$/ }).first().textContent()) ?? "";
    expect(orderName).toMatch(/^#\d+$/);

    // WHEN Jonas, in a browser with JavaScript off, opens the page from the storefront's menu and looks his order up
    const plain = await browser.newContext({ javaScriptEnabled: false, userAgent: BROWSER_USER_AGENT, viewport: { width: 1280, height: 1000 } });
    const shopper = await plain.newPage();
    try {
      await shopper.goto(`${demo.baseUrl}/__demo/storefront`);
      await shopper.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Where is my order?" }).click();
      await shopper.getByRole("heading", { name: "Where is my order?" }).waitFor();
      await shopper.getByLabel("Order number").fill(orderName.slice(1));
      await shopper.getByLabel("Email address").fill("Jonas.Weber@example.com");
      await shopper.getByRole("button", { name: "Find my order" }).click();

      // THEN he sees his order, its items' status and estimate
      await shopper.getByRole("heading", { name: `Order ${orderName}` }).waitFor();
      expect(await shopper.getByRole("columnheader", { name: "Estimated delivery" }).count()).toBe(1);

      // WHEN he writes to the shop
      await shopper.getByLabel("Your message to our team").fill("Hello, is my order shipping soon? I need it for a birthday.");
      await shopper.getByRole("button", { name: "Send message" }).click();
      // THEN he is thanked
      await shopper.getByText("your message reached our team", { exact: false }).waitFor();
      await shopper.screenshot({ path: path.join(OUTPUT_DIR, "where-is-my-order.png"), fullPage: true });
    } catch (error) {
      await shopper.screenshot({ path: path.join(OUTPUT_DIR, "failed-support-where-is-my-order.png"), fullPage: true }).catch(() => undefined);
      console.error(`[e2e] the shopper was on ${shopper.url()}`);
      throw error;
    } finally {
      await plain.close();
    }
  });

  it("has no serious or critical axe violations on the lookup form and the order's page", async () => {
    // GIVEN the same pages in a browser that runs scripts (axe is one)
    const checked = await page.context().newPage();
    try {
      const violations = async () =>
        (await new AxeBuilder({ page: checked }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
      await checked.goto(`${demo.baseUrl}/apps/backorder/order-status?locale=fr`);
      await checked.getByRole("heading", { name: "Où en est ma commande ?" }).waitFor();
      expect(await violations()).toEqual([]);
      await checked.getByLabel("Numéro de commande").fill(orderName);
      await checked.getByLabel("Adresse e-mail").fill("jonas.weber@example.com");
      await checked.getByRole("button", { name: "Trouver ma commande" }).click();
      await checked.getByRole("heading", { name: `Commande ${orderName}` }).waitFor();
      expect(await violations()).toEqual([]);
    } finally {
      await checked.close();
    }
  });

  it("lands in the support queue's Complaints view, with his words on the order's timeline", async () => {
    // WHEN support opens the Complaints view
    await app().getByRole("button", { name: "Cancel" }).click();
    await app().getByRole("tab", { name: "Complaints" }).click();
    // THEN Jonas's order is there (with Camille's, seeded by the demo), flagged, and his message on its timeline
    await expect.poll(() => app().getByText("jonas.weber@example.com").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // (polled too: the list the tab replaces may also show his email, so the first poll can pass before it loads)
    await expect.poll(() => app().getByText("Complaint", { exact: true }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await app().getByRole("link", { name: orderName }).click();
    await expect.poll(() => app().getByText("Hello, is my order shipping soon? I need it for a birthday.").count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => app().getByText(/Unanswered complaint since/).count()).toBe(1);
    expect(await seriousViolations()).toEqual([]);
  });
});

// The demo's preview of the UI extensions: the real admin order block and action, the customer account's
// order status block and the thank-you block, bundled as the demo serves them, run over the demo's stand-in
// for Shopify's `s-*` components and `shopify` global; what they draw is readable and usable, and each
// calls the app with a session token of its kind.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { decodeJwt, decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect, it, vi } from "vitest";
import { APP_URL } from "../../extensions/shared/app-url";
import { bundleExtension, CUSTOMER_SURFACES, customerSessionToken, extensionMessages } from "./admin-extensions";

// jsdom ships no types (vitest uses it for its environments): the little used here, typed.
type PageWindow = Window & typeof globalThis;
const { JSDOM } = createRequire(import.meta.url)("jsdom") as {
  JSDOM: new (html: string, options: { url: string; runScripts: "outside-only" }) => { window: PageWindow };
};

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const STAND_IN = readFileSync(path.join(ROOT, "dev", "demo", "ui-extensions-stand-in.js"), "utf8");

const SUMMARY = {
  orderName: "#1001",
  supportPath: "/app/support/1001",
  version: 3,
  lines: [
    { id: "l1", title: "Oak chair – Natural", quantity: 2, status: "delayed", promisedLatest: "2026-12-10", notifiedLatest: "2026-12-18", current: { earliest: "2026-12-15", latest: "2026-12-18" }, daysLate: 8 },
  ],
  lastContact: { at: "2026-12-01T09:30:00.000Z", kind: "delay_queued" },
  canEmail: true,
  compensation: { givenAt: null, proposal: null, default: { kind: "gift_note", note: "" } },
};

/** Shadow-DOM-aware text: what a person sees, slots filled with the light DOM. */
function visibleText(window: PageWindow, node: Node): string {
  if (node.nodeType === window.Node.TEXT_NODE) return node.textContent ?? "";
  if (!(node instanceof window.Element) || node.tagName === "STYLE") return "";
  if (node.tagName === "SLOT") return (node as HTMLSlotElement).assignedNodes().map((n) => visibleText(window, n)).join("");
  const root = node.shadowRoot ?? node;
  return [...root.childNodes].map((n) => visibleText(window, n)).join("");
}

/** A page like the demo's frame: the browser's fetch API (jsdom has none; a Request resolves a path against
 *  the page, as in a browser) answering as the demo server and the app would, then the stand-in and the
 *  extension's bundle. */
async function page(
  folder: string,
  target: string,
  resource: "Order" | "Product",
  answer: (request: Request) => unknown,
  customer?: { kind: "customer-account" | "checkout" },
) {
  const calls: { url: string; origin: string; method: string; auth: string | null; body: string }[] = [];
  const { window } = new JSDOM("<!doctype html><html><body></body></html>", { url: `http://localhost/__demo/admin-extensions/frame/${folder}`, runScripts: "outside-only" });
  class PageRequest extends Request {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(typeof input === "string" ? new URL(input, window.location.href) : input, init);
    }
  }
  Object.assign(window, {
    Request: PageRequest,
    Response,
    Headers,
    fetch: vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new PageRequest(input as RequestInfo, init);
      const url = new URL(request.url);
      calls.push({ url: url.pathname, origin: url.origin, method: request.method, auth: request.headers.get("Authorization"), body: await request.clone().text() });
      if (request.url.includes("/__demo/session-token")) return Response.json({ token: "demo-token", expiresAt: Date.now() + 60_000 });
      if (request.url.includes("/__demo/admin-extensions/customer-token")) return Response.json({ token: "customer-token", expiresAt: Date.now() + 60_000 });
      return Response.json(answer(request));
    }),
    __EXTENSION__: {
      target,
      kind: customer?.kind ?? "admin",
      selectedId: `gid://shopify/${resource}/1001`,
      shop: "demo.myshopify.com",
      locale: "fr",
      messages: extensionMessages(ROOT, folder, "fr"),
      ...(customer ? { appUrl: APP_URL, tokenUrl: "/__demo/admin-extensions/customer-token?order=1001" } : {}),
    },
  });
  window.eval(STAND_IN);
  window.eval(await bundleExtension(ROOT, folder, target));
  return { window, calls };
}

describe("the demo's admin extensions preview", () => {
  it("runs the real order block over the stand-in, in the extension's language, with a session token", async () => {
    // GIVEN the demo's stand-in configured for order 1001 in French, and the app's backend answering
    // WHEN the stand-in, then the extension's bundle, run in the page
    const { window, calls } = await page("admin-order-block", "admin.order-details.block.render", "Order", () => SUMMARY);

    // THEN the block asked the backend with a bearer token and draws the line in French
    await vi.waitFor(() => expect(window.document.body.querySelector("s-admin-block")).not.toBeNull());
    expect(calls.find((c) => c.url === "/api/admin/order/1001")?.auth).toBe("Bearer demo-token");
    const text = visibleText(window, window.document.body);
    expect(text).toContain("Articles en attente");
    expect(text).toContain("Oak chair – Natural × 2");
    expect(text).toContain("En retard");
    expect(text).toContain("(8 jours de retard)");
    expect(text).toContain("Ouvrir #1001 dans le support");
  });

  it("lets a person use the real order action's fields and buttons over the stand-in", async () => {
    // GIVEN the order action in the page, the backend answering the order and then a preview
    const preview = { delayEmails: 1, earlierEmails: 0, email: { to: "ana@example.com", subject: "Commande #1001 : nouvelle date", text: "Bonjour Ana,\n\nNouvelle date." } };
    const { window, calls } = await page("admin-order-action", "admin.order-details.action.render", "Order", (request) => (request.method === "POST" ? preview : SUMMARY));
    const $ = (selector: string) => window.document.body.querySelector(selector) as HTMLElement & { value: string };
    await vi.waitFor(() => expect($("s-date-field")).not.toBeNull());

    // THEN the select draws its options in French, and the date fields hold the current range
    const select = $("s-select").shadowRoot?.querySelector("select");
    expect([...(select?.options ?? [])].map((o) => o.textContent)).toEqual(["Envoyer un avis de retard", "Proposer un geste commercial"]);
    expect($('s-date-field[name="latest"]').shadowRoot?.querySelector("input")?.value).toBe("2026-12-18");

    // WHEN a person types a date in the field's own input and clicks "Aperçu de l’e-mail"
    const input = $('s-date-field[name="latest"]').shadowRoot?.querySelector("input") as HTMLInputElement;
    input.value = "2026-12-30";
    input.dispatchEvent(new window.Event("change", { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 20)); // a person takes longer than Preact's re-render
    const button = [...window.document.body.querySelectorAll("s-button")].find((b) => b.textContent === "Aperçu de l’e-mail") as HTMLElement;
    button.shadowRoot?.querySelector("button")?.click();

    // THEN the preview was asked for that date, and the email shows
    await vi.waitFor(() => expect(visibleText(window, window.document.body)).toContain("Commande #1001 : nouvelle date"));
    expect(JSON.parse(calls.find((c) => c.method === "POST")?.body ?? "{}")).toEqual({ intent: "preview-delay", earliest: "2026-12-15", latest: "2026-12-30" });
  });

  it("runs the real customer-account order status block with the customer's token, on the demo server instead of the app's URL", async () => {
    // GIVEN the customer account's order status block for order 1001 in French, the order delayed
    const surface = CUSTOMER_SURFACES.find((s) => s.key === "customer-order-status")!;
    const view = {
      orderId: "gid://shopify/Order/1001",
      orderName: "#1001",
      items: [{ title: "Oak chair – Natural", quantity: 2, status: "delayed", estimate: { earliest: "2026-12-15", latest: "2026-12-18" }, promisedLatest: "2026-12-10", change: "later" }],
      delayed: true,
      choices: ["wait", "cancel"],
      answered: [],
    };
    const { window, calls } = await page(surface.folder, surface.target, surface.resource, (request) => (request.method === "POST" ? { outcome: "cancel_requested" } : view), { kind: "customer-account" });
    const text = () => visibleText(window, window.document.body);
    const click = (label: string) => {
      const button = [...window.document.body.querySelectorAll("s-button")].find((b) => b.textContent === label) as HTMLElement;
      button.shadowRoot?.querySelector("button")?.click();
    };

    // WHEN the block loads
    await vi.waitFor(() => expect(text()).toContain("Articles en précommande"));

    // THEN it asked the demo server (not the app's public URL) with the customer's token, never the admin's
    const get = calls.find((c) => c.url === "/api/customer/orders/1001");
    expect(get).toMatchObject({ origin: "http://localhost", auth: "Bearer customer-token" });
    expect(calls.some((c) => c.url === "/__demo/session-token")).toBe(false);
    // AND it shows the item, its delay against the promise and the two choices, in French
    expect(text()).toContain("Oak chair – Natural × 2");
    expect(text()).toContain("Retardé");
    expect(text()).toMatch(/Plus tard que le 10 déc\.? 2026 promis/);
    expect(text()).toContain("J'attends");

    // WHEN the customer asks to cancel, then confirms
    click("Annuler ces articles et être remboursé");
    await vi.waitFor(() => expect(text()).toContain("Oui, les annuler"));
    click("Oui, les annuler");

    // THEN the choice was posted to the app and its outcome shown
    await vi.waitFor(() => expect(text()).toContain("Annulation demandée"));
    const post = calls.find((c) => c.method === "POST");
    expect(post).toMatchObject({ url: "/api/customer/orders/1001/choice", auth: "Bearer customer-token" });
    expect(JSON.parse(post?.body ?? "{}")).toEqual({ choice: "cancel" });
  });

  it("runs the real thank-you block with the checkout's token and shows what ships later", async () => {
    // GIVEN the thank-you page's block for order 1001 in French, one item shipping later
    const surface = CUSTOMER_SURFACES.find((s) => s.key === "thank-you")!;
    const view = { orderId: "gid://shopify/Order/1001", orderName: "#1001", items: [{ title: "Oak chair – Natural", quantity: 1, estimate: { earliest: "2026-12-15", latest: "2026-12-18" } }] };

    // WHEN the block loads
    const { window, calls } = await page(surface.folder, surface.target, surface.resource, () => view, { kind: "checkout" });

    // THEN it asked for the order just placed with the checkout's token, and lists the item with its dates
    await vi.waitFor(() => expect(visibleText(window, window.document.body)).toContain("Expédié plus tard"));
    const get = calls.find((c) => c.url === "/api/checkout/thank-you");
    expect(get).toMatchObject({ origin: "http://localhost", auth: "Bearer customer-token" });
    const text = visibleText(window, window.document.body);
    expect(text).toContain("Cet article est en précommande");
    expect(text).toMatch(/Oak chair – Natural × 1\s*livraison estimée 15 déc\.? 2026 – 18 déc\.? 2026/);
  });

  it("signs customer tokens as Shopify does: the bare shop as dest, the app as audience, the customer as sub", async () => {
    // GIVEN the demo's secret and client id
    const secret = "demo-secret";

    // WHEN the demo signs the token of the customer who placed an order
    const { token, expiresAt } = await customerSessionToken({ shop: "demo.myshopify.com", apiKey: "demo-key", secret, customerId: "gid://shopify/Customer/7" });

    // THEN it verifies with the secret (HS256), with the claims the backend checks, for about a minute
    expect(decodeProtectedHeader(token).alg).toBe("HS256");
    await expect(jwtVerify(token, new TextEncoder().encode(secret), { audience: "demo-key" })).resolves.toBeTruthy();
    await expect(jwtVerify(token, new TextEncoder().encode("another-secret"))).rejects.toThrow();
    expect(decodeJwt(token)).toMatchObject({ iss: "https://demo.myshopify.com", dest: "demo.myshopify.com", aud: "demo-key", sub: "gid://shopify/Customer/7" });
    expect(expiresAt - Date.now()).toBeGreaterThan(50_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(60_000);
  });
});

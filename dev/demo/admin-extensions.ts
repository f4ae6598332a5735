// Demo preview of the app's UI extensions: the real extension code (bundled from extensions/*/src by esbuild
// on request) runs in frames over ./ui-extensions-stand-in.js, a plain stand-in for Shopify's `s-*`
// components and `shopify` global, and calls the running app's real backend with a session token of the
// surface's kind signed like Shopify's: the admin's (/api/admin/*), or a customer account's / checkout's
// naming the customer who placed the order (/api/customer/*, /api/checkout/*). What only Shopify can show
// (its own drawing of the components, the More actions menu, pinning a block, the customer's login, the
// checkout) is not here: see the README.
//   /__demo/admin-extensions?order=<number>&locale=fr      the three admin surfaces for one order and its product
//   /__demo/customer-extensions?order=<number>&locale=fr   the customer account's and thank-you page's surfaces
import { readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Express } from "express";
import { randomBytes } from "node:crypto";
import { build } from "esbuild";
import { SignJWT } from "jose";
import { parse } from "smol-toml";
import type { AdminFake } from "../admin-fake";
import { APP_URL } from "../../extensions/shared/app-url";

export interface AdminExtensionsExtras {
  fake: AdminFake;
  shop: string;
  root: string;
  /** The demo's app secret and client id: customer-facing session tokens are signed with them. */
  secret: string;
  apiKey: string;
}

const BASE = "/__demo/admin-extensions";
const CUSTOMER_PAGE = "/__demo/customer-extensions";
type SessionKind = "admin" | "customer-account" | "checkout";
interface Surface {
  /** Its address in the demo (frame/<key>, bundle/<key>.js). */
  key: string;
  folder: string;
  target: string;
  resource: "Order" | "Product";
  kind: SessionKind;
  label: string;
}
/** The admin surfaces shown, by extension folder: the order's two, then its first product's block. */
export const SURFACES: readonly Surface[] = [
  { key: "admin-order-block", folder: "admin-order-block", target: "admin.order-details.block.render", resource: "Order", kind: "admin", label: "Order page · block" },
  { key: "admin-order-action", folder: "admin-order-action", target: "admin.order-details.action.render", resource: "Order", kind: "admin", label: "Order page · More actions › Backorder actions" },
  { key: "admin-product-block", folder: "admin-product-block", target: "admin.product-details.block.render", resource: "Product", kind: "admin", label: "Product page · block" },
];
/** The customer's surfaces for one order: their account's order status page, its action menu and modal, the thank-you page. */
export const CUSTOMER_SURFACES: readonly Surface[] = [
  { key: "customer-order-status", folder: "customer-account-backorders", target: "customer-account.order-status.block.render", resource: "Order", kind: "customer-account", label: "Customer account · order status page · block" },
  { key: "customer-cancel-menu-item", folder: "customer-account-backorders", target: "customer-account.order.action.menu-item.render", resource: "Order", kind: "customer-account", label: "Customer account · order actions menu" },
  { key: "customer-cancel-action", folder: "customer-account-backorders", target: "customer-account.order.action.render", resource: "Order", kind: "customer-account", label: "Customer account · Cancel backordered items (opened from the menu)" },
  { key: "thank-you", folder: "thank-you-backorders", target: "purchase.thank-you.block.render", resource: "Order", kind: "checkout", label: "Checkout · thank-you page · block" },
];
const surfaceOf = (key: string) => [...SURFACES, ...CUSTOMER_SURFACES].find((s) => s.key === key);

function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

/** The module Shopify would load for `target`, from the extension's TOML. */
function moduleOf(root: string, folder: string, target: string): string {
  const dir = path.join(root, "extensions", folder);
  const toml = parse(readFileSync(path.join(dir, "shopify.extension.toml"), "utf8")) as { extensions?: { targeting?: { target?: string; module?: string }[] }[] };
  const entry = toml.extensions?.flatMap((e) => e.targeting ?? []).find((t) => t.target === target);
  if (!entry?.module) throw new Error(`${folder} has no module for ${target}`);
  return path.join(dir, entry.module);
}

/** The extension's code for a browser: its module, run once, as Shopify's sandbox runs it. */
export async function bundleExtension(root: string, folder: string, target: string): Promise<string> {
  const entry = moduleOf(root, folder, target);
  const result = await build({
    stdin: { contents: `import run from ${JSON.stringify(entry)};\nrun();\n`, resolveDir: root, loader: "ts" },
    bundle: true,
    write: false,
    format: "iife",
    target: "es2020",
    jsx: "automatic",
    jsxImportSource: "preact",
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

/** The extension's messages in `locale` (its locales/ folder: en.default.json, fr.json). */
export function extensionMessages(root: string, folder: string, locale: string): unknown {
  const file = locale === "fr" ? "fr.json" : "en.default.json";
  return JSON.parse(readFileSync(path.join(root, "extensions", folder, "locales", file), "utf8"));
}

function readDemoDatabase<T>(read: (db: Database.Database) => T): T {
  const file = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** The orders the app has backorders on (its support cases), most days late first. */
function backorderedOrders(shop: string): { orderId: string; orderName: string; state: string }[] {
  return readDemoDatabase(
    (db) => db.prepare("SELECT orderId, orderName, state FROM SupportCase WHERE shop = ? ORDER BY daysLate DESC, orderedAt ASC").all(shop) as { orderId: string; orderName: string; state: string }[],
  );
}

/** Every order the ledger holds lines of (a support case may not exist yet, or any more, for some of them). */
function ledgerOrderIds(shop: string): Set<string> {
  return readDemoDatabase((db) => new Set((db.prepare("SELECT DISTINCT orderId FROM BackorderLine WHERE shop = ?").all(shop) as { orderId: string }[]).map((r) => r.orderId)));
}

/** The customer the ledger recorded as having placed the order (from orders/create); null for a guest's. */
export function orderCustomer(shop: string, orderId: string): string | null {
  return readDemoDatabase((db) => {
    const row = db.prepare("SELECT customerId FROM BackorderLine WHERE shop = ? AND orderId = ? AND customerId IS NOT NULL LIMIT 1").get(shop, orderId) as { customerId: string } | undefined;
    return row?.customerId ?? null;
  });
}

/**
 * A customer account's or checkout's session token, shaped and signed as Shopify signs them (HS256 with the
 * app's secret, `dest` the bare shop domain, `aud` the client id, `sub` the logged-in customer's gid, one
 * minute of validity): what Shopify would give the extension of `customerId` once logged in.
 */
export async function customerSessionToken({ shop, apiKey, secret, customerId }: { shop: string; apiKey: string; secret: string; customerId: string }): Promise<{ token: string; expiresAt: number }> {
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ iss: `https://${shop}`, dest: shop, aud: apiKey, sub: customerId, sid: randomBytes(8).toString("hex"), jti: randomBytes(8).toString("hex") })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(now)
    .setNotBefore(now - 5)
    .setExpirationTime(now + 60)
    .sign(new TextEncoder().encode(secret));
  return { token, expiresAt: (now + 60) * 1000 };
}

const number = (gid: string) => gid.split("/").pop() ?? "";

const PAGE_STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:0;display:grid;grid-template-columns:240px 1fr;min-height:100vh;color:#303030}
nav{background:#1a1a1a;color:#e3e3e3;padding:16px}nav a{color:#fff}nav a[aria-current]{font-weight:700}nav ul{padding-left:18px}
main{padding:16px;background:#f1f1f1}.surfaces{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:16px}
figure{margin:0}figcaption{font-weight:600;margin-bottom:6px}iframe{width:100%;height:640px;border:1px dashed #b5b5b5;border-radius:12px;background:#f1f1f1}
.note{max-width:70em;color:#616161}`;

function frameOf(surface: Surface, id: string | null, locale: string): string {
  return `<figure><figcaption>${escapeHtml(surface.label)}</figcaption>${
    id ? `<iframe title="${escapeHtml(surface.label)}" data-surface="${surface.key}" src="${BASE}/frame/${surface.key}?${new URLSearchParams({ id, locale })}"></iframe>` : "<p>—</p>"
  }</figure>`;
}

export function mountAdminExtensions(app: Express, extras: AdminExtensionsExtras): void {
  const { fake, shop, root, secret, apiKey } = extras;
  const script = readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), "ui-extensions-stand-in.js"), "utf8");

  app.get(`${BASE}/stand-in.js`, (_req, res) => {
    res.type("application/javascript").send(script);
  });

  app.get(`${BASE}/bundle/:key.js`, async (req, res) => {
    const surface = surfaceOf(req.params.key);
    if (!surface) return void res.status(404).send("Unknown extension");
    try {
      res.type("application/javascript").set("Cache-Control", "no-store").send(await bundleExtension(root, surface.folder, surface.target));
    } catch (error) {
      res.status(500).type("text/plain").send(String(error));
    }
  });

  /** Who placed the order: Shopify's record of it (the Admin fake), else the app's ledger (the demo's history). */
  const customerOf = (orderId: string) => fake.store.orders.get(orderId)?.customerId ?? orderCustomer(shop, orderId);

  // The session token Shopify gives a customer-facing extension on this order's pages: the customer who
  // placed it, logged in. The demo has no guest checkout to show, so an order without a customer gets none.
  app.get(`${BASE}/customer-token`, async (req, res) => {
    const id = String(req.query.order ?? "");
    if (!/^\d{1,20}$/.test(id)) return void res.status(400).json({ error: "Pass order: an order number." });
    const customerId = customerOf(`gid://shopify/Order/${id}`);
    if (!customerId) return void res.status(404).json({ error: "The app recorded no customer for this order." });
    res.set("Cache-Control", "no-store").json(await customerSessionToken({ shop, apiKey, secret, customerId }));
  });

  // One surface in its own document, like Shopify's sandbox: the stand-in first, then the extension.
  app.get(`${BASE}/frame/:key`, (req, res) => {
    const surface = surfaceOf(req.params.key);
    const id = String(req.query.id ?? "");
    if (!surface || !/^\d{1,20}$/.test(id)) return void res.status(404).send("Not found");
    const locale = req.query.locale === "fr" ? "fr" : "en";
    const config = {
      target: surface.target,
      kind: surface.kind,
      selectedId: `gid://shopify/${surface.resource}/${id}`,
      shop,
      locale,
      messages: extensionMessages(root, surface.folder, locale),
      ...(surface.kind === "admin" ? {} : { appUrl: APP_URL, tokenUrl: `${BASE}/customer-token?${new URLSearchParams({ order: id })}` }),
    };
    res.type("html").send(`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(surface.label)}</title>
<style>body{margin:0;padding:16px;background:#f1f1f1}</style>
<script>window.__EXTENSION__=${JSON.stringify(config).replace(/</g, "\\u003c")};</script>
<script src="${BASE}/stand-in.js"></script></head><body><script src="${BASE}/bundle/${surface.key}.js"></script></body></html>`);
  });

  app.get(BASE, (req, res) => {
    const locale = req.query.locale === "fr" ? "fr" : "en";
    const cases = backorderedOrders(shop);
    const backordered = ledgerOrderIds(shop);
    const plain = [...fake.store.orders.values()].filter((o) => !backordered.has(o.id)).slice(0, 3);
    const chosen = String(req.query.order ?? number(cases[0]?.orderId ?? ""));
    const order = fake.store.orders.get(`gid://shopify/Order/${chosen}`);
    const productId = order?.lineItems.find((l) => l.productId)?.productId ?? null;
    const link = (id: string, text: string, note: string) =>
      `<li><a href="${BASE}?${new URLSearchParams({ order: number(id), locale })}"${number(id) === chosen ? ' aria-current="page"' : ""}>${escapeHtml(text)}</a> <small>${escapeHtml(note)}</small></li>`;
    res.type("html").send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Admin extensions · Backorder Pilot demo</title>
<style>${PAGE_STYLE}</style></head><body>
<nav><strong>Orders with backorders</strong><ul>${cases.slice(0, 12).map((c) => link(c.orderId, c.orderName, c.state)).join("")}</ul>
<strong>Orders without</strong><ul>${plain.map((o) => link(o.id, o.name, "in stock")).join("")}</ul>
<p><a href="${BASE}?${new URLSearchParams({ order: chosen, locale: locale === "fr" ? "en" : "fr" })}">${locale === "fr" ? "English" : "Français"}</a> · <a href="/__demo/admin">Admin</a> · <a href="${CUSTOMER_PAGE}?${new URLSearchParams({ locale })}">Customer extensions</a></p></nav>
<main><h1>Inside Shopify: the admin extensions for ${escapeHtml(order?.name ?? "—")}</h1>
<p class="note">The real extension code (extensions/admin-*) calling the app's real backend with a session token. Shopify's
components are drawn by a plain stand-in (dev/demo/ui-extensions-stand-in.js), not with Shopify's look; in a store the order
block sits among the order's cards and the action opens from <em>More actions</em>. An order without backorders shows no block.</p>
<div class="surfaces">${SURFACES.map((s) => frameOf(s, s.resource === "Order" ? (order ? chosen : null) : productId ? number(productId) : null, locale)).join("")}</div></main></body></html>`);
  });

  // The customer's side of an order: their account's order status page (block, action menu, the action's
  // modal) and the thank-you page, each with the token of the customer who placed the order.
  app.get(CUSTOMER_PAGE, (req, res) => {
    const locale = req.query.locale === "fr" ? "fr" : "en";
    const cases = backorderedOrders(shop).filter((c) => customerOf(c.orderId));
    const backordered = ledgerOrderIds(shop);
    const plain = [...fake.store.orders.values()].filter((o) => o.customerId && !backordered.has(o.id)).reverse().slice(0, 3);
    const chosen = String(req.query.order ?? number(cases[0]?.orderId ?? ""));
    const order = fake.store.orders.get(`gid://shopify/Order/${chosen}`);
    const link = (id: string, text: string, note: string) =>
      `<li><a href="${CUSTOMER_PAGE}?${new URLSearchParams({ order: number(id), locale })}"${number(id) === chosen ? ' aria-current="page"' : ""}>${escapeHtml(text)}</a> <small>${escapeHtml(note)}</small></li>`;
    res.type("html").send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Customer extensions · Backorder Pilot demo</title>
<style>${PAGE_STYLE}</style></head><body>
<nav><strong>Customers' orders with backorders</strong><ul>${cases.slice(0, 12).map((c) => link(c.orderId, c.orderName, c.state)).join("")}</ul>
${plain.length ? `<strong>Orders without</strong><ul>${plain.map((o) => link(o.id, o.name, "in stock")).join("")}</ul>` : ""}
<p><a href="${CUSTOMER_PAGE}?${new URLSearchParams({ order: chosen, locale: locale === "fr" ? "en" : "fr" })}">${locale === "fr" ? "English" : "Français"}</a> · <a href="${BASE}?${new URLSearchParams({ order: chosen, locale })}">Admin extensions</a></p></nav>
<main><h1>Inside Shopify: what the customer sees of ${escapeHtml(order?.name ?? "—")}</h1>
<p class="note">The real extension code (extensions/customer-account-backorders, extensions/thank-you-backorders) calling the
app's real backend with the session token Shopify would give the customer who placed this order, logged in. Shopify's
components are drawn by a plain stand-in (dev/demo/ui-extensions-stand-in.js), not with Shopify's look; in a store the
block sits on the order status page of the customer's account, the menu item among the order's actions, and the thank-you
block on the page shown right after checkout. The buttons answer for real, as the customer would. An order without
backorders shows nothing.</p>
<div class="surfaces">${CUSTOMER_SURFACES.map((s) => frameOf(s, order ? chosen : null, locale)).join("")}</div></main></body></html>`);
  });
}

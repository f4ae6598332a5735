// Demo webhook simulator at /__demo/simulate: "simulate order" and "simulate stock arrival" change the
// fake Shopify shop, then send the webhooks Shopify would send (signed with the demo's secret) to the
// running app. The page shows what follows: the app's ledger, the holds in the fake shop and the emails.
// Every inventory change in the fake shop (this page, or the app itself) is forwarded as
// inventory_levels/update, like Shopify does.
import { createHmac, randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import express, { type Express, type Response as ExpressResponse } from "express";
import type { AdminFake } from "../admin-fake";
import { inventoryPayload, orderPayload } from "../webhook-payloads";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";

export interface SimulatorExtras {
  fake: AdminFake;
  shop: string;
  origin: string;
  secret: string;
  apiKey: string;
  root: string;
}

const BASE = "/__demo/simulate";

interface Sent {
  at: string;
  topic: string;
  status: number | string;
}

function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

function databaseFile(): string {
  return (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
}

/** What the simulator offers once the app is listening. */
export interface Simulator {
  /** Sends orders/create for every order already in the fake shop, oldest first, as Shopify did when they were placed. */
  replayExistingOrders(): Promise<number>;
}

export function mountSimulator(app: Express, extras: SimulatorExtras): Simulator {
  const { fake, shop, origin, secret } = extras;
  const store = fake.store;
  const sent: Sent[] = [];
  let db: Database.Database | null = null;
  const read = () => (db ??= new Database(databaseFile(), { readonly: true, fileMustExist: true }));

  async function send(topic: string, payload: unknown): Promise<void> {
    const body = JSON.stringify(payload);
    const entry: Sent = { at: new Date().toISOString().slice(11, 19), topic, status: "…" };
    sent.unshift(entry);
    sent.length = Math.min(sent.length, 30);
    try {
      const response = await fetch(`${origin}/webhooks/${topic}`, {
        method: "POST",
        body,
        headers: {
          "Content-Type": "application/json",
          "User-Agent": "Shopify-Captain-Hook",
          "X-Shopify-Topic": topic,
          "X-Shopify-Shop-Domain": shop,
          "X-Shopify-API-Version": ADMIN_API_VERSION,
          "X-Shopify-Webhook-Id": randomUUID(),
          "X-Shopify-Event-Id": randomUUID(),
          "X-Shopify-Triggered-At": new Date().toISOString(),
          "X-Shopify-Hmac-Sha256": createHmac("sha256", secret).update(body).digest("base64"),
        },
      });
      entry.status = response.status;
    } catch (error) {
      entry.status = error instanceof Error ? error.message : String(error);
    }
  }

  // Shopify sends inventory_levels/update for every change of an inventory level, orders/updated after a
  // refund and orders/cancelled after a cancellation (e.g. the support desk's "cancel and refund").
  store.onChange((event) => {
    if (event.type === "order_refunded" || event.type === "order_cancelled") {
      const order = store.getOrder(event.orderId);
      void send(event.type === "order_cancelled" ? "orders/cancelled" : "orders/updated", orderPayload(store, order));
      return;
    }
    if (event.type !== "inventory_level_updated") return;
    const item = store.getInventoryItem(event.inventoryItemId);
    void send("inventory_levels/update", inventoryPayload(store, item.variantId, event.locationId));
  });

  function variants() {
    const managed = new Map<string, string>();
    try {
      for (const row of read().prepare("SELECT variantId, mode FROM BackorderVariant WHERE shop = ?").all(shop) as { variantId: string; mode: string }[]) {
        managed.set(row.variantId, row.mode);
      }
    } catch {
      // Database not migrated yet.
    }
    return [...store.variants.values()]
      .filter((v) => store.getInventoryItem(v.inventoryItemId).tracked)
      .map((v) => {
        const product = store.getProduct(v.productId);
        return {
          id: v.id,
          label: `${product.title}${v.title === "Default Title" ? "" : ` — ${v.title}`}`,
          available: store.available(v.id),
          mode: managed.get(v.id) ?? "off",
        };
      })
      .sort((a, b) => Number(b.mode !== "off") - Number(a.mode !== "off") || a.label.localeCompare(b.label));
  }

  function state(): string {
    let lines: Record<string, unknown>[] = [];
    let emails: Record<string, unknown>[] = [];
    let jobs: Record<string, unknown>[] = [];
    let installed = false;
    try {
      const d = read();
      installed = (d.prepare("SELECT COUNT(*) AS n FROM Session WHERE shop = ? AND isOnline = 0").get(shop) as { n: number }).n > 0;
      lines = d
        .prepare(
          "SELECT orderName, customerEmail, productTitle, variantTitle, quantity, status, holdId, notifiedLatest FROM BackorderLine WHERE shop = ? ORDER BY orderedAt DESC LIMIT 25",
        )
        .all(shop) as Record<string, unknown>[];
      emails = d.prepare("SELECT kind, toEmail, subject, status FROM EmailOutbox WHERE shop = ? ORDER BY createdAt DESC LIMIT 15").all(shop) as Record<string, unknown>[];
      jobs = d.prepare("SELECT status, COUNT(*) AS n FROM Job WHERE shop = ? GROUP BY status").all(shop) as Record<string, unknown>[];
    } catch {
      // Not migrated yet: shown as empty.
    }
    const holds = [...store.fulfillmentOrders.values()]
      .filter((fo) => fo.holds.some((h) => h.heldByAppId === store.appId))
      .map((fo) => ({ order: store.getOrder(fo.orderId).name, status: fo.status, units: fo.lineItems.reduce((s, li) => s + li.remainingQuantity, 0), handle: fo.holds[0]?.handle }));
    const table = (rows: Record<string, unknown>[], columns: string[], empty: string) =>
      rows.length === 0
        ? `<p class="muted">${empty}</p>`
        : `<table><tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr>${rows
            .map((r) => `<tr>${columns.map((c) => `<td>${escapeHtml(r[c])}</td>`).join("")}</tr>`)
            .join("")}</table>`;
    return `
      ${installed ? "" : `<p class="warn">The app has no session for ${escapeHtml(shop)} yet: open <a href="/__demo/admin" target="_blank">the admin</a> once (it installs the app), or jobs will wait and retry.</p>`}
      <p class="muted">Jobs: ${jobs.map((j) => `${escapeHtml(j.status)} ${escapeHtml(j.n)}`).join(" · ") || "none"} — the worker runs inside the app; see Activity in the admin.</p>
      <h2>Ledger (owed lines)</h2>
      ${table(lines.map((l) => ({ ...l, hold: l.holdId ? "held" : "" })), ["orderName", "customerEmail", "productTitle", "variantTitle", "quantity", "status", "hold", "notifiedLatest"], "No owed line yet.")}
      <h2>Holds in the shop (ours)</h2>
      ${table(holds, ["order", "status", "units", "handle"], "No hold.")}
      <h2>Emails</h2>
      ${table(emails, ["kind", "toEmail", "subject", "status"], "No email yet. With no SMTP_URL set they stay in the app's mailbox (Notifications in the admin).")}
      <h2>Webhooks sent</h2>
      ${table(sent as unknown as Record<string, unknown>[], ["at", "topic", "status"], "None yet.")}`;
  }

  function page(message = ""): string {
    const options = variants()
      .map((v) => `<option value="${escapeHtml(v.id)}">${escapeHtml(v.label)} (available ${v.available}${v.mode === "off" ? "" : `, backorder: ${escapeHtml(v.mode)}`})</option>`)
      .join("");
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Webhook simulator — Backorder Pilot demo</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:24px;max-width:1100px}form{display:inline-block;vertical-align:top;border:1px solid #ddd;border-radius:8px;padding:12px;margin:0 12px 12px 0}
label{display:block;margin:6px 0}select,input{font:inherit}table{border-collapse:collapse;margin-bottom:12px}td,th{border-bottom:1px solid #eee;padding:4px 8px;text-align:left}
.muted{color:#666}.warn{background:#fff4e5;padding:8px;border-radius:6px}.ok{background:#e8f5e9;padding:8px;border-radius:6px}</style></head><body>
<h1>Webhook simulator</h1>
<p class="muted">Changes the fake Shopify shop (${escapeHtml(shop)}) and sends the webhooks Shopify would send, signed, to this app. Flag variants as backorderable in the admin's Products page first.</p>
${message ? `<p class="ok">${escapeHtml(message)}</p>` : ""}
<form method="post" action="${BASE}/order"><strong>Simulate order</strong>
<label>Variant <select name="variantId">${options}</select></label>
<label>Quantity <input name="quantity" type="number" min="1" max="20" value="1"></label>
<label>Customer email <input name="email" type="email" value="claire@example.com" required></label>
<label>First name <input name="firstName" value="Claire"></label>
<label>Language <select name="locale"><option value="en">English</option><option value="fr">Français</option></select></label>
<button>Place order</button></form>
<form method="post" action="${BASE}/stock"><strong>Simulate stock arrival</strong>
<label>Variant <select name="variantId">${options}</select></label>
<label>Units received <input name="quantity" type="number" min="1" max="500" value="3"></label>
<button>Receive stock</button></form>
<div id="state">${state()}</div>
<script>setInterval(()=>fetch("${BASE}/state").then(r=>r.text()).then(h=>{document.getElementById("state").innerHTML=h}),2000)</script>
</body></html>`;
  }

  const form = express.urlencoded({ extended: false, limit: "10kb" });
  const fail = (res: ExpressResponse, message: string) => res.status(400).type("html").send(page(message));

  app.get(BASE, (_req, res) => {
    res.type("html").send(page());
  });
  app.get(`${BASE}/state`, (_req, res) => {
    res.type("html").set("Cache-Control", "no-store").send(state());
  });
  app.post(`${BASE}/order`, form, (req, res) => {
    void (async () => {
      const body = req.body as Record<string, string | undefined>;
      const variantId = String(body.variantId ?? "");
      const quantity = Math.max(1, Math.min(20, Number.parseInt(body.quantity ?? "1", 10) || 1));
      const email = String(body.email ?? "").trim();
      if (!store.variants.has(variantId) || !/^[^\s@]+@[^\s@]+$/.test(email)) return fail(res, "Pick a variant and a valid email.");
      const { order } = store.addOrder({
        customer: { email, firstName: String(body.firstName ?? "").slice(0, 50) || null, lastName: "Demo", locale: body.locale === "fr" ? "fr" : "en" },
        lineItems: [{ variantId, quantity }],
      });
      // Checkout committed the units: Shopify sends the inventory change along with the order.
      const item = store.getInventoryItem(store.getVariant(variantId).inventoryItemId);
      const locationId = store.fulfillmentOrdersOf(order.id)[0]?.locationId;
      await send("orders/create", orderPayload(store, order));
      if (locationId && item.levels.has(locationId)) await send("inventory_levels/update", inventoryPayload(store, variantId, locationId));
      res.redirect(303, BASE);
    })().catch((error: unknown) => fail(res, error instanceof Error ? error.message : String(error)));
  });
  app.post(`${BASE}/stock`, form, (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const variantId = String(body.variantId ?? "");
    const quantity = Math.max(1, Math.min(500, Number.parseInt(body.quantity ?? "1", 10) || 1));
    if (!store.variants.has(variantId)) return fail(res, "Pick a variant.");
    store.receiveStock(variantId, quantity); // its inventory_levels/update goes out through onChange
    res.redirect(303, BASE);
  });

  return {
    async replayExistingOrders() {
      const orders = [...store.orders.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      for (const order of orders) await send("orders/create", orderPayload(store, order));
      return orders.length;
    },
  };
}

// `npm run demo`: the real app (Remix through Vite, real shopify-app-remix auth, real Prisma on SQLite)
// with only the outside world swapped: Shopify's Admin API is the schema-checked fake holding a seeded
// shop (intercepted in-process by msw), and App Bridge is a local stand-in script. Nothing here is part
// of the app's build; this file refuses to run with NODE_ENV=production.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import { SignJWT } from "jose";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..", "..");

export const DEMO_SHOP = "maison-argile.myshopify.com";
const CDN_ORIGIN = "https://cdn.shopify.com";
/** The demo's local stand-in for Shopify's Inter stylesheet; root.tsx links it through FONT_STYLESHEET_URL. */
export const DEMO_FONT_STYLESHEET_PATH = "/__demo/fonts/inter.css";
const CDN_APP_BRIDGE = `${CDN_ORIGIN}/shopifycloud/app-bridge.js`;
const CDN_FONT_STYLESHEET = `${CDN_ORIGIN}/static/fonts/inter/v4/styles.css`;
/** The demo has no copy of Inter: the family resolves to an installed Inter, else Polaris's system fallbacks. */
const DEMO_FONT_CSS = `/* Backorder Pilot demo: local stand-in for ${CDN_FONT_STYLESHEET} */
@font-face { font-family: "Inter"; font-style: normal; font-weight: 100 900; font-display: swap; src: local("Inter"), local("Inter Variable"); }
`;
export const DEMO_API_KEY = "backorder-pilot-demo";

export interface DemoOptions {
  port?: number;
  /** SQLite file for the demo (recreated at every start so it matches the freshly seeded shop). */
  databaseFile?: string;
  quiet?: boolean;
}

export interface RunningDemo {
  url: string;
  adminUrl: string;
  port: number;
  close(): Promise<void>;
}

function scopesFromToml(): string {
  const toml = readFileSync(path.join(ROOT, "shopify.app.toml"), "utf8");
  const match = /^scopes\s*=\s*"([^"]*)"/m.exec(toml);
  if (!match?.[1]) throw new Error("shopify.app.toml has no [access_scopes] scopes");
  return match[1];
}

/** The preferred port when it is free, else any free port (0 → any). */
async function freePort(preferred: number): Promise<number> {
  const { createServer } = await import("node:net");
  const tryPort = (candidate: number) =>
    new Promise<number | null>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(null));
      probe.listen(candidate, () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
  return (preferred ? await tryPort(preferred) : null) ?? (await tryPort(0)) ?? preferred;
}

export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  if (process.env.NODE_ENV === "production") {
    throw new Error("The demo swaps Shopify for local stand-ins and never runs with NODE_ENV=production.");
  }
  const log = options.quiet ? () => {} : (message: string) => console.log(message);
  const port = options.port === 0 || options.port === undefined ? await freePort(options.port ?? 3000) : options.port;
  const databaseFile = path.resolve(options.databaseFile ?? path.join(ROOT, "prisma", "demo.sqlite"));
  const origin = `http://localhost:${port}`;
  // A secret of its own, made at every start: tokens minted by the demo are worthless anywhere else.
  const secret = randomBytes(32).toString("hex");

  Object.assign(process.env, {
    NODE_ENV: "development",
    SHOPIFY_API_KEY: DEMO_API_KEY,
    SHOPIFY_API_SECRET: secret,
    SHOPIFY_APP_URL: origin,
    SCOPES: scopesFromToml(),
    DATABASE_URL: `file:${databaseFile}`,
    APP_BRIDGE_URL: `${origin}/__demo/app-bridge.js`,
    // Refused by app/env.server.ts under NODE_ENV=production, like APP_BRIDGE_URL: production keeps the CDN.
    FONT_STYLESHEET_URL: `${origin}${DEMO_FONT_STYLESHEET_PATH}`,
  });

  // A fresh database through the real migration path.
  rmSync(databaseFile, { force: true });
  rmSync(`${databaseFile}-journal`, { force: true });
  log("Applying migrations…");
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    cwd: ROOT,
    env: process.env,
    stdio: options.quiet ? "ignore" : ["ignore", "ignore", "inherit"],
  });

  // The outside world: the Admin API fake for the seeded shop.
  const { createAdminFake } = await import("../admin-fake/index");
  const { seedDemoShop } = await import("../admin-fake/seed");
  const { setupServer } = await import("msw/node");
  const fake = createAdminFake({ shop: DEMO_SHOP });
  seedDemoShop(fake.store);
  const { createServer: createViteServer } = await import("vite");
  const vite = await createViteServer({
    root: ROOT,
    configFile: path.join(ROOT, "vite.config.ts"),
    server: { middlewareMode: true, hmr: false },
    // Scan every route up front: dependencies discovered later make Vite re-optimize and reload the open
    // page, which a person (or a browser test) would see as a lost click.
    optimizeDeps: { entries: ["app/root.tsx", "app/routes/**/*.tsx"] },
    appType: "custom",
    logLevel: options.quiet ? "error" : "info",
  });
  // After Vite loaded its config (whose installGlobals() swaps in Node's fetch) and before the app's
  // modules load on the first request, so the library captures the intercepted fetch.
  const msw = setupServer(...fake.handlers);
  msw.listen({
    onUnhandledRequest(request, print) {
      const { hostname } = new URL(request.url);
      if (hostname !== "localhost" && hostname !== "127.0.0.1") print.error();
    },
  });
  const { createRequestHandler } = await import("@remix-run/express");

  const app = express();
  app.disable("x-powered-by");
  app.get("/__demo/app-bridge.js", (_req, res) => {
    res.type("application/javascript").sendFile(path.join(HERE, "app-bridge-stand-in.js"));
  });
  app.get("/__demo/session-token", async (req, res) => {
    if (req.query.shop !== DEMO_SHOP) {
      res.status(403).json({ error: `The demo only signs tokens for ${DEMO_SHOP}` });
      return;
    }
    const now = Math.floor(Date.now() / 1000);
    // Shaped like Shopify's session tokens (one minute of validity).
    const token = await new SignJWT({
      iss: `https://${DEMO_SHOP}/admin`,
      dest: `https://${DEMO_SHOP}`,
      aud: DEMO_API_KEY,
      sub: "1",
      sid: randomBytes(8).toString("hex"),
      jti: randomBytes(8).toString("hex"),
    })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuedAt(now)
      .setNotBefore(now - 5)
      .setExpirationTime(now + 60)
      .sign(new TextEncoder().encode(secret));
    res.set("Cache-Control", "no-store").json({ token, expiresAt: (now + 60) * 1000 });
  });
  const adminShell = readFileSync(path.join(HERE, "admin.html"), "utf8");
  const host = Buffer.from(`admin.shopify.com/store/${DEMO_SHOP.replace(".myshopify.com", "")}`).toString("base64url");
  app.get(["/__demo/admin", "/__demo"], (_req, res) => {
    const config = JSON.stringify({ shop: DEMO_SHOP, host });
    res.type("html").send(adminShell.replace("<script>", `<script>window.__DEMO__=${config};</script>\n<script>`));
  });
  // Demo extras (storefront preview, webhook simulator, admin extensions preview) mount their own /__demo/* routes here.
  const extras = { fake, shop: DEMO_SHOP, origin, secret, apiKey: DEMO_API_KEY, root: ROOT };
  (await import("./storefront")).mountStorefront(app, extras);
  const simulator = (await import("./simulate")).mountSimulator(app, extras);
  (await import("./admin-extensions")).mountAdminExtensions(app, extras);

  // Shopify's CDN is the outside world too: the demo serves local stand-ins for what pages load from it
  // (App Bridge, the Inter stylesheet), so it works offline and never waits on cdn.shopify.com.
  app.get(DEMO_FONT_STYLESHEET_PATH, (_req, res) => {
    res.type("text/css").set("Cache-Control", "max-age=3600").send(DEMO_FONT_CSS);
  });

  // The library only lets Shopify's admin frame the app (CSP frame-ancestors); the demo's admin stand-in
  // lives on this origin, so it is added here, in the demo server only. The library's
  // `Link: <cdn…/app-bridge.js>; rel=preload` header points at the local stand-in instead (production keeps
  // Shopify's CDN). The page HTML is not rewritten: React hydrates the whole document, so root.tsx takes
  // the font stylesheet's address from its loader (FONT_STYLESHEET_URL, set above).
  app.use((_req, res, next) => {
    const setHeader = res.setHeader.bind(res);
    res.setHeader = (name: string, value: number | string | readonly string[]) => {
      const lower = name.toLowerCase();
      if (lower === "content-security-policy" && typeof value === "string") {
        return setHeader(name, value.replace("frame-ancestors", "frame-ancestors 'self'"));
      }
      if (lower === "link" && typeof value === "string") {
        return setHeader(name, value.split(CDN_APP_BRIDGE).join("/__demo/app-bridge.js"));
      }
      return setHeader(name, value);
    };
    next();
  });
  app.use(vite.middlewares);
  app.all(
    "*",
    createRequestHandler({
      build: () => vite.ssrLoadModule("virtual:remix/server-build") as never,
      mode: "development",
    }),
  );

  // The shop as a merchant would have set it up, through the app's own modules (same instances as the
  // routes use: one Prisma client, one Shopify app).
  const { seedApp } = await import("./seed-app");
  const seeded = await seedApp({
    fake,
    shop: DEMO_SHOP,
    scopes: process.env.SCOPES ?? "",
    load: (modulePath) => vite.ssrLoadModule(modulePath),
  });
  log(
    `Seeded the app: ${seeded.managed} variants on backorder${seeded.failed ? `, ${seeded.failed} failed to sync` : ""}, ` +
      `${seeded.orders} customer orders waiting (the support desk's queue).`,
  );
  // A year of closed backorders, refunds and supplier deliveries behind the home dashboard.
  const { seedHistory } = await import("./seed-history");
  const history = await seedHistory({ shop: DEMO_SHOP, load: (modulePath) => vite.ssrLoadModule(modulePath) });
  log(`Seeded a year of history: ${history.lines} delivered or cancelled backorders, ${history.cancellations} refunds, ${history.batches} supplier deliveries, ${history.notices} recent delay notices.`);

  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(port, () => resolve(listening));
  });
  const actualPort = (server.address() as { port: number }).port;
  // The seeded shop's orders reach the app the way Shopify delivered them: as orders/create webhooks, so
  // its ledger, holds and confirmation emails are built by the app's own jobs.
  const replayed = await simulator.replayExistingOrders();
  log(`Replayed ${replayed} existing orders as orders/create webhooks.`);
  // A customer who already complained from the storefront's "Where is my order?" page, so the support
  // queue's Complaints view has something on first open.
  if (seeded.complainant) {
    const { seedComplaint } = await import("./seed-app");
    const complained = await seedComplaint({ origin: `http://localhost:${actualPort}`, order: seeded.complainant, shop: DEMO_SHOP, load: (modulePath) => vite.ssrLoadModule(modulePath) });
    log(complained ? `${seeded.complainant.email} wrote from "Where is my order?": a complaint in the support queue.` : "Could not seed the complaint (the order was not recorded in time).");
  }
  // Customers who answered the survey after delivery, so the dashboard shows satisfaction on first open.
  const { seedFeedback } = await import("./seed-feedback");
  const surveyed = await seedFeedback({
    shop: DEMO_SHOP,
    orderNames: [...fake.store.orders.values()].map((o) => o.name),
    load: (modulePath) => vite.ssrLoadModule(modulePath),
  }).catch((error: unknown) => (log(`Could not seed survey answers: ${String(error)}`), 0));
  log(`Seeded ${surveyed} survey answers after delivery (the dashboard's satisfaction section).`);
  // One seeded customer has already answered their delay email "I'll wait" (in the background: the
  // worker queues that email first).
  const { seedCustomerWhoWaits, WAITING_CUSTOMER } = await import("./seed-choice");
  void seedCustomerWhoWaits({ shop: DEMO_SHOP, load: (modulePath) => vite.ssrLoadModule(modulePath) })
    .then((outcome) => log(`Seeded ${WAITING_CUSTOMER}'s answer to the delay email ("I'll wait"): ${outcome}.`))
    .catch((error: unknown) => log(`Could not seed ${WAITING_CUSTOMER}'s answer: ${String(error)}`));
  return {
    url: `http://localhost:${actualPort}`,
    adminUrl: `http://localhost:${actualPort}/__demo/admin`,
    port: actualPort,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await vite.close();
      msw.close();
    },
  };
}

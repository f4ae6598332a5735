// Nothing the demo needs is reachable in a production build: no demo routes, no token minting, no
// unauthenticated admin page, and the server refuses to boot with the test or demo switches.
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SignJWT } from "jose";
import { BROWSER_USER_AGENT, startProcess } from "./support";

const SHOP = "maison-argile.myshopify.com";
let baseUrl: string;
let stop: () => Promise<void>;
const productionEnv = (port: number): NodeJS.ProcessEnv => ({
  NODE_ENV: "production",
  PORT: String(port),
  SHOPIFY_API_KEY: "production-key",
  SHOPIFY_API_SECRET: randomBytes(16).toString("hex"),
  SHOPIFY_APP_URL: `http://localhost:${port}`,
  SCOPES: "read_products",
  DATABASE_URL: `file:${path.join(mkdtempSync(path.join(tmpdir(), "bp-prod-")), "prod.sqlite")}`,
  SHOPIFY_TESTING: "",
  APP_BRIDGE_URL: "",
  FONT_STYLESHEET_URL: "",
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function get(pathname: string, headers: Record<string, string> = {}) {
  return fetch(new URL(pathname, baseUrl), { redirect: "manual", headers: { "User-Agent": BROWSER_USER_AGENT, ...headers } });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

beforeAll(async () => {
  execFileSync("npx", ["remix", "vite:build"], { stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } });
  const port = await freePort();
  const env = productionEnv(port);
  execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "ignore", env: { ...process.env, ...env } });
  // What `npm start` runs: server.js (remix-serve's setup plus the graceful shutdown, docs/deploy.md)
  const started = await startProcess(process.execPath, ["./server.js", "./build/server/index.js"], /\[server\] (http:\/\/\S+)/, env);
  baseUrl = `http://localhost:${port}`;
  stop = started.stop;
});

afterAll(async () => {
  await stop?.();
});

describe("production build", () => {
  it("serves none of the demo's endpoints", async () => {
    // GIVEN the production server
    // WHEN someone asks for the demo's token minting, admin shell, App Bridge and font stylesheet stand-ins
    const responses = await Promise.all(
      ["/__demo/session-token?shop=" + SHOP, "/__demo/admin", "/__demo/app-bridge.js", "/__demo/fonts/inter.css"].map((p) => get(p)),
    );

    // THEN none exists
    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404]);
  });

  it("links the Inter font stylesheet from Shopify's CDN", async () => {
    // GIVEN the production server
    // WHEN a page of the app is rendered (the login page needs no session)
    const response = await get("/auth/login");
    const html = await response.text();

    // THEN its stylesheet is Shopify's, not a stand-in
    expect(response.status).toBe(200);
    expect(html).toContain('<link rel="stylesheet" href="https://cdn.shopify.com/static/fonts/inter/v4/styles.css"/>');
  });

  it("ships no demo code in its build", () => {
    // GIVEN the built server and client bundles
    const files = filesUnder(path.resolve("build")).filter((f) => /\.(js|mjs|html)$/.test(f));

    // WHEN they are searched for the demo's pieces
    const leaks = files.filter((f) => /__demo|app-bridge-stand-in|admin-fake/.test(readFileSync(f, "utf8")));

    // THEN there are none
    expect(files.length).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  });

  it("does not render an admin page without a session token", async () => {
    // GIVEN no token at all
    // WHEN the admin page is requested as if embedded
    const response = await get(`/app?embedded=1&shop=${SHOP}&host=${Buffer.from(`admin.shopify.com/store/maison-argile`).toString("base64")}`);

    // THEN it is sent to the bounce page for a real token, not served
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/auth\/session-token\?/);
  });

  it("refuses a session token signed with any secret but the app's", async () => {
    // GIVEN a token shaped like Shopify's, signed with a guessed secret
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ iss: `https://${SHOP}/admin`, dest: `https://${SHOP}`, aud: "production-key", sub: "1" })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(new TextEncoder().encode("guessed"));

    // WHEN it is used on a data request
    const response = await get(`/app?_data=routes%2Fapp._index&shop=${SHOP}`, { Authorization: `Bearer ${token}` });

    // THEN it is refused
    expect(response.status).toBe(401);
  });

  it("refuses to boot with the test switch or the demo's App Bridge or font stylesheet stand-in", async () => {
    // GIVEN a production environment with any of the switches
    const port = await freePort();
    for (const override of [
      { SHOPIFY_TESTING: "1" },
      { APP_BRIDGE_URL: `http://localhost:${port}/__demo/app-bridge.js` },
      { FONT_STYLESHEET_URL: `http://localhost:${port}/__demo/fonts/inter.css` },
    ]) {
      // WHEN the server boots and serves its first request
      const result = spawnSync(
        "node",
        ["--input-type=module", "-e", "await import(process.cwd() + '/build/server/index.js')"],
        { env: { ...process.env, ...productionEnv(port), ...override }, encoding: "utf8", timeout: 30_000 },
      );

      // THEN it exits with the reason
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/must not be set when NODE_ENV=production/);
    }
  });
});

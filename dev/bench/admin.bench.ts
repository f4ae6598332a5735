// Admin pages of a large merchant (issue 17): p50/p95 of each admin page's loader and the size of its
// data and of its server-rendered document, at the scale of dev/bench/admin-seed.ts (1,000 backorderable
// variants, 100,000 waiting lines of which 10,000 on one variant, 50,000 outbox emails, 100,000 jobs and
// 100,000 webhook events). Targets: loader p95 ≤ 100 ms, document ≤ 300 KB.
//
// Two processes: one plays Shopify (the Admin fake over HTTP, holding the 1,000 products), the other runs
// the app: the real route modules through Remix's request handler (the server build Vite makes from
// vite.config.ts, as `npm run demo` runs it), real `authenticate.admin` with a valid session token, real
// Prisma on a seeded SQLite file. A loader is timed as a Remix data request (`?_data=<route>`, what a
// client-side navigation asks for: the page's loader alone, JSON-serialised); a document is one full
// page load (every loader of the page, then React's server render), measured for its size. Loader times
// include the round trip to the local fake for pages that read Shopify (Products, product page).
//
// The support desk's benchmark (`npm run bench -- support`, dev/bench/support.bench.ts) runs in the same two
// processes on the same shop, plus its support desk (ADMIN_BENCH_SUITE=support).
//
// This file is also the entry point of both child processes (ADMIN_BENCH_ROLE=fake|app).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fmt, percentile } from "./lib";
import { largeShopSize, type SeededVariant } from "./admin-seed";

const HERE = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(HERE), "..", "..");
const SHOP = "large-merchant.myshopify.com";
const RUNS = Number(process.env.ADMIN_BENCH_RUNS ?? 20);
const WARMUP = 3;
const LOADER_TARGET_MS = 100;
const DOCUMENT_TARGET_BYTES = 300 * 1024;

function spawnRole(role: "fake" | "app", env: Record<string, string>): { child: ChildProcess; messages: AsyncIterable<Record<string, unknown>> } {
  const child = spawn(process.execPath, ["--import", "tsx", HERE], {
    cwd: ROOT,
    env: { ...process.env, ...env, ADMIN_BENCH_ROLE: role },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const queue: Record<string, unknown>[] = [];
  const waiting: ((value: IteratorResult<Record<string, unknown>>) => void)[] = [];
  let buffer = "";
  let ended = false;
  child.stdout?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    let index: number;
    while ((index = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, index);
      buffer = buffer.slice(index + 1);
      if (!line.startsWith("BENCH ")) continue;
      const message = JSON.parse(line.slice(6)) as Record<string, unknown>;
      const resolve = waiting.shift();
      if (resolve) resolve({ value: message, done: false });
      else queue.push(message);
    }
  });
  child.once("exit", () => {
    ended = true;
    for (const resolve of waiting.splice(0)) resolve({ value: undefined, done: true });
  });
  const messages: AsyncIterable<Record<string, unknown>> = {
    [Symbol.asyncIterator]: () => ({
      next: () =>
        new Promise((resolve) => {
          const message = queue.shift();
          if (message) resolve({ value: message, done: false });
          else if (ended) resolve({ value: undefined, done: true });
          else waiting.push(resolve);
        }),
    }),
  };
  return { child, messages };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

// ---- role: the Admin fake over HTTP -------------------------------------------------------------

async function fakeRole(): Promise<void> {
  const { createAdminFake } = await import("../admin-fake");
  const { serveFake } = await import("../admin-fake/http");
  const { seedLargeCatalog } = await import("./admin-seed");
  const fake = createAdminFake({ shop: SHOP, bucket: { maximumAvailable: 1_000_000, restoreRate: 1_000_000 } });
  const variants = seedLargeCatalog(fake.store, largeShopSize());
  const file = path.join(mkdtempSync(path.join(tmpdir(), "admin-bench-")), "variants.json");
  writeFileSync(file, JSON.stringify(variants));
  const served = await serveFake(fake, SHOP);
  console.log(`BENCH ${JSON.stringify({ url: served.url, variantsFile: file })}`);
  process.on("SIGTERM", () => void served.close().finally(() => process.exit(0)));
}

// ---- role: the app, measured --------------------------------------------------------------------

export interface PageSpec {
  name: string;
  path: string;
  route: string;
  /** Measure the full document too (false for loader-only routes). */
  document: boolean;
  /** A request other than the page's data request (an app-proxy form post): made fresh for every run. */
  request?: () => Request | Promise<Request>;
  /** The status `request` must answer (default: any below 400). */
  status?: number;
  /** Loader p95 target (default LOADER_TARGET_MS). */
  targetMs?: number;
  /** Measured runs (default ADMIN_BENCH_RUNS or 20): more where one slow run of 20 would decide the p95. */
  runs?: number;
}

export type BenchSuite = "admin" | "support" | "insights";

/** What a suite gets to build its pages from, in the app process. */
export interface SuiteContext {
  prisma: import("@prisma/client").PrismaClient;
  shop: string;
  /** A page's loader alone, as a client-side navigation asks for it; returns the JSON body. */
  dataRequest: (pagePath: string, route: string) => Promise<string>;
  seeded: { bigVariant: SeededVariant; lines: number };
}

async function appRole(): Promise<void> {
  const { shopifyForwarder } = await import("../admin-fake/http");
  const forward = await shopifyForwarder(process.env.FAKE_URL as string);

  const variants = JSON.parse(readFileSync(process.env.VARIANTS_FILE as string, "utf8")) as SeededVariant[];
  const { createServer: createViteServer } = await import("vite");
  const vite = await createViteServer({
    root: ROOT,
    configFile: path.join(ROOT, "vite.config.ts"),
    server: { middlewareMode: true, hmr: false },
    appType: "custom",
    logLevel: "error",
  });
  // After Vite's config ran installGlobals (Node's fetch), before the app's modules capture fetch.
  forward.listen({ onUnhandledRequest: "bypass" });
  const { default: prisma } = (await vite.ssrLoadModule("/app/db.server.ts")) as { default: import("@prisma/client").PrismaClient };
  const { sessionStorage } = (await vite.ssrLoadModule("/app/shopify.server.ts")) as typeof import("~/shopify.server");
  const { setUpValidSession } = await import("@shopify/shopify-api/test-helpers");
  const { seedLargeShopRows } = await import("./admin-seed");
  const { embeddedDocumentRequest, embeddedFetchRequest } = await import("../../tests/helpers/requests");
  const { createRequestHandler } = await import("@remix-run/node");

  const seedStart = performance.now();
  const seeded = await seedLargeShopRows(prisma, { shop: SHOP, variants, size: largeShopSize() });
  const seedMs = performance.now() - seedStart;
  await sessionStorage.storeSession(setUpValidSession({ shop: SHOP, accessToken: "totally_real_token", scope: "testScope" }));
  const build = () => vite.ssrLoadModule("virtual:remix/server-build") as never;
  const handler = createRequestHandler(build, "development");

  const suite = (process.env.ADMIN_BENCH_SUITE ?? "admin") as BenchSuite;
  const num = (gid: string) => gid.split("/").pop() as string;
  const big = seeded.bigVariant;
  const productPath = `/app/products/${num(big.productId)}?variant=${num(big.variantId)}`;
  const adminPages: PageSpec[] = [
    { name: "Home", path: "/app", route: "routes/app._index", document: true },
    { name: "Products (all)", path: "/app/products", route: "routes/app.products._index", document: true },
    { name: "Products (backorderable)", path: "/app/products?tab=backorderable", route: "routes/app.products._index", document: true },
    { name: "Products (at risk)", path: "/app/products?tab=at_risk", route: "routes/app.products._index", document: true },
    { name: "Product page, 10k-line queue", path: productPath, route: "routes/app.products.$id", document: true },
    { name: "Notifications (outbox page 1)", path: "/app/notifications", route: "routes/app.notifications._index", document: true },
    { name: "Notifications (failed)", path: "/app/notifications?filter=failed", route: "routes/app.notifications._index", document: true },
    { name: "Activity", path: "/app/activity", route: "routes/app.activity", document: true },
    { name: "Privacy requests", path: "/app/privacy", route: "routes/app.privacy._index", document: true },
    {
      name: "Waitlist, 10k signups",
      path: `/app/products/${num(big.productId)}/waitlist?variant=${num(big.variantId)}&view=all`,
      route: "routes/app.products.$id_.waitlist",
      document: true,
    },
  ];

  const withData = (pagePath: string, route: string) => `${pagePath}${pagePath.includes("?") ? "&" : "?"}_data=${encodeURIComponent(route)}`;
  const dataRequest = async (pagePath: string, route: string) => {
    const response = await handler(await embeddedFetchRequest(withData(pagePath, route), { shop: SHOP }));
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${pagePath}: ${response.status} ${body.slice(0, 300)}`);
    return body;
  };
  const run = async (page: PageSpec) => {
    if (!page.request) return dataRequest(page.path, page.route);
    const response = await handler(await page.request());
    const body = await response.text();
    if (page.status ? response.status !== page.status : response.status >= 400) throw new Error(`${page.name}: ${response.status} ${body.slice(0, 300)}`);
    return body;
  };

  const out: string[] = [];
  out.push(`seeded in ${(seedMs / 1000).toFixed(1)} s: ${variants.length} variants, ${seeded.lines} waiting lines (${largeShopSize().bigQueue} on ${big.sku}), ${largeShopSize().outbox} outbox emails, ${largeShopSize().jobs} jobs, ${largeShopSize().events} webhook events, ${largeShopSize().waitlist} notify-me signups, ${largeShopSize().dataRequests} data requests`);
  // Warm Vite's module graph, then the first At risk visit after the upgrade: it derives every variant once.
  await dataRequest("/app", "routes/app._index");
  const firstAtRisk = performance.now();
  await dataRequest("/app/products?tab=at_risk", "routes/app.products._index");
  out.push(`info  first At risk visit after the migration (derives the stored state of ${variants.length} variants once): ${fmt(performance.now() - firstAtRisk)} ms`);

  let pages: PageSpec[];
  if (suite === "support") {
    const { supportPages } = await import("./support.bench");
    const support = await supportPages({ prisma, shop: SHOP, dataRequest, seeded });
    out.push(...support.info);
    pages = support.pages;
  } else if (suite === "insights") {
    const { insightsPages } = await import("./insights.bench");
    const insights = await insightsPages({ prisma, shop: SHOP, dataRequest, seeded });
    out.push(...insights.info);
    pages = insights.pages;
  } else {
    pages = adminPages;
    // Page 2 of the queue and of the outbox, from the cursors page 1 gives.
    const product = JSON.parse(await dataRequest(productPath, "routes/app.products.$id")) as { editor: { queuePage: { next: string } } };
    const queuePath = `/app/products/${num(big.productId)}/queue?variant=${num(big.variantId)}&cursor=${encodeURIComponent(product.editor.queuePage.next)}`;
    pages.push({ name: "Product page, queue page 2 (Load more)", path: queuePath, route: "routes/app.products.$id_.queue", document: false });
    const notifications = JSON.parse(await dataRequest("/app/notifications", "routes/app.notifications._index")) as { outbox: { pageInfo: { next: string } } };
    pages.push({
      name: "Notifications (outbox page 2)",
      path: `/app/notifications?cursor=${encodeURIComponent(notifications.outbox.pageInfo.next)}`,
      route: "routes/app.notifications._index",
      document: false,
    });
  }

  for (const page of pages) {
    for (let i = 0; i < WARMUP; i++) await run(page);
    const samples: number[] = [];
    let bytes = 0;
    const runs = page.runs ?? RUNS;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      bytes = (await run(page)).length;
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    let documentText = "";
    if (page.document) {
      const response = await handler(await embeddedDocumentRequest(page.path, { shop: SHOP }));
      const html = await response.text();
      if (response.status !== 200) throw new Error(`${page.path} document: ${response.status} ${html.slice(0, 300)}`);
      const size = Buffer.byteLength(html);
      documentText = `, document ${kb(size)} ${size <= DOCUMENT_TARGET_BYTES ? "PASS" : "FAIL"} (≤ ${kb(DOCUMENT_TARGET_BYTES)})`;
    }
    const target = page.targetMs ?? LOADER_TARGET_MS;
    out.push(
      `${p95 <= target ? "PASS" : "FAIL"}  ${page.name}: loader p50 ${fmt(p50)} ms, p95 ${fmt(p95)} ms (target ≤ ${target} ms; ${runs} runs after ${WARMUP} warm-up), data ${kb(bytes)}${documentText}`,
    );
  }
  console.log(`BENCH ${JSON.stringify({ out })}`);
  await vite.close();
  forward.close();
  await prisma.$disconnect();
  process.exit(0);
}

// ---- the bench, run by `npm run bench` -----------------------------------------------------------

export function adminBench(): Promise<string[]> {
  return pagesBench("admin");
}

/** Runs a suite of pages in the two processes (see the file comment). */
export async function pagesBench(suite: BenchSuite): Promise<string[]> {
  const fake = spawnRole("fake", {});
  const children: ChildProcess[] = [fake.child];
  try {
    const ready = (await fake.messages[Symbol.asyncIterator]().next()).value as { url: string; variantsFile: string } | undefined;
    if (!ready) throw new Error("the Admin fake process exited before it was ready");
    const { createTestDatabase } = await import("../database");
    const { API_KEY, API_SECRET_KEY, APP_URL } = await import("@shopify/shopify-api/test-helpers");
    const app = spawnRole("app", {
      DATABASE_URL: createTestDatabase(),
      SHOPIFY_TESTING: "1",
      SHOPIFY_API_KEY: API_KEY,
      SHOPIFY_API_SECRET: API_SECRET_KEY,
      SHOPIFY_APP_URL: APP_URL,
      JOBS_WORKER: "off",
      FAKE_URL: ready.url,
      VARIANTS_FILE: ready.variantsFile,
      ADMIN_BENCH_SUITE: suite,
    });
    children.push(app.child);
    const result = (await app.messages[Symbol.asyncIterator]().next()).value as { out: string[] } | undefined;
    if (!result) throw new Error("the app process exited before it reported");
    return result.out;
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  }
}

if (process.env.ADMIN_BENCH_ROLE === "fake") void fakeRole();
else if (process.env.ADMIN_BENCH_ROLE === "app")
  appRole().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });

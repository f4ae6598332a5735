// The scale benchmark (issue 14, `npm run bench -- scale`): the production topology on one machine, once on
// SQLite and once on PostgreSQL, printed side by side.
//
// Topology (every box a process of its own, all on loopback):
//   load generator (this process) → round-robin proxy (node:http, keep-alive) → 2 web processes
//   2 worker processes; the Admin fake (plays Shopify); the database (a SQLite file, or PostgreSQL).
// The web processes are what `npm start` runs: `server.js` serving the production build (`npm run build`,
// NODE_ENV=production, JOBS_WORKER=off); the workers are `npm run worker:start`'s bundle (`npm run
// build:worker`). Both get one preload (./scale-forward.ts) that sends their Shopify calls to the fake.
//
// The database: dev/scale-seed.ts (`npm run seed:scale`): 1,000 shops, 1,000,000 ledger lines, 500,000 orders
// with their support cases. Then, in order:
//   1. admin loaders: products list, support queue, dashboard of 10 shops, one request at a time through the
//      proxy (a Remix data request with a session token, as the embedded app's navigation makes it);
//      target p95 ≤ 100 ms. A shop's first visits (they build its roll-ups and derived state) are reported apart.
//   2. order → email: 100 orders/create per second for 60 s, across every shop; each order's confirmation
//      email row in the outbox (createdAt) minus the time its webhook started. Target p95 ≤ 2 s, every email
//      there (the workers get up to SCALE_BENCH_DRAIN_SECONDS, default 240, to finish after the last order).
//   3. webhook acks: 500 signed deliveries/s for 60 s, open loop (each request's latency counts from the time
//      it was due to leave, so a stall is not hidden by sending less: no coordinated omission), across every
//      shop: 20 % orders/create (backordered lines), 75 % inventory_levels/update, 5 % redeliveries of an
//      earlier delivery (same event id). Target p99 ≤ 50 ms, every answer 200. Then the time the workers
//      take to drain the queue these left (reported).
// SCALE_BENCH_SECONDS (default 60), SCALE_BENCH_LINES (default 1,000,000), SCALE_BENCH_SHOPS (1,000),
// SCALE_BENCH_DATABASES (sqlite,postgresql) shorten or narrow a run; SCALE_BENCH_BUILD=skip reuses build/;
// SCALE_BENCH_WORKERS=0 measures the web tier without workers (a diagnostic).
// PostgreSQL: the server of SCALE_BENCH_POSTGRES_URL or TEST_DATABASE_URL (a database per run, dropped after).
//
// The Admin fake has no rate limit here (the bench measures the app, not Shopify's bucket). Every shop sells
// the fake's one catalogue of 20 products (dev/scale-seed.ts); orders are created in the fake first, and their
// webhook bodies built from them (dev/webhook-payloads.ts).
//
// This file is also the entry point of two child roles (SCALE_BENCH_ROLE=fake|proxy).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Agent, createServer, request as httpRequest } from "node:http";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fmt, onStdoutLines, percentile } from "./lib";

const HERE = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(HERE), "..", "..");
const SECONDS = Number(process.env.SCALE_BENCH_SECONDS ?? 60);
const ACK_RATE = 500;
const ORDER_RATE = 100;
const ACK_TARGET_MS = 50;
const EMAIL_TARGET_MS = 2_000;
const LOADER_TARGET_MS = 100;
const LOADER_RUNS = Number(process.env.SCALE_BENCH_LOADER_RUNS ?? 40);
const LOADER_SHOPS = 10;
/** Longest wait for the workers to catch up after a phase. */
const DRAIN_LIMIT_S = Number(process.env.SCALE_BENCH_DRAIN_SECONDS ?? 240);

interface Delivery {
  shop: string;
  topic: string;
  eventId: string;
  body: string;
  /** orders/create: the confirmation's address (unique per order) and the order (its stock is committed first). */
  email?: string;
  orderId?: string;
  /** A second delivery of an earlier event (nothing to commit). */
  redelivery?: boolean;
}

// ---- role: the Admin fake ------------------------------------------------------------------------

/**
 * The fake with every shop's catalogue (dev/scale-seed.ts), each variant's stock as the seeded ledger has it,
 * and the orders of both webhook phases, created without touching stock: an order's units are committed when
 * the load generator asks (POST <commitUrl>?order=<gid>), just before it sends the order's webhook, as Shopify
 * commits stock at checkout and then sends orders/create. The webhook bodies go to a file.
 */
async function fakeRole(): Promise<void> {
  const { createAdminFake } = await import("../admin-fake");
  const { serveFake } = await import("../admin-fake/http");
  const { SCALE_VARIANTS_PER_SHOP, seedScaleCatalog, scaleShop } = await import("../scale-seed");
  const { inventoryPayload, orderPayload } = await import("../webhook-payloads");
  const shops = Number(process.env.SCALE_SHOPS);
  const fake = createAdminFake({ shop: scaleShop(0), bucket: { maximumAvailable: 1e9, restoreRate: 1e9 } });
  const catalog = seedScaleCatalog(fake.store, shops);
  const q = await openQueries(process.env.DATABASE_KIND as DatabaseKind, process.env.DATABASE_URL as string);
  const stock = await q.rows<{ variantId: string; available: number }>(`SELECT "variantId", "available" FROM "BackorderVariant"`);
  await q.close();
  for (const row of stock) fake.store.setAvailable(row.variantId, Number(row.available));
  const variantOf = (shop: number, k: number) => catalog[shop * SCALE_VARIANTS_PER_SHOP + (k % SCALE_VARIANTS_PER_SHOP)] as (typeof catalog)[number];

  let orderNo = 0;
  const order = (shop: number): Delivery => {
    const n = orderNo++;
    const email = `scale-buyer-${n}@example.com`;
    const lineItems = [{ variantId: variantOf(shop, n * 7).variantId, quantity: 1 + (n % 2) }, ...(n % 3 === 0 ? [{ variantId: variantOf(shop, n * 7 + 3).variantId, quantity: 1 }] : [])];
    const created = fake.store.addOrder({ customer: { email, firstName: "Buyer", lastName: String(n), locale: n % 3 === 0 ? "fr" : "en" }, lineItems, commitInventory: false });
    return { shop: scaleShop(shop), topic: "orders/create", eventId: `order-${n}`, body: JSON.stringify(orderPayload(fake.store, created.order)), email, orderId: created.order.id };
  };
  const base = Date.now();
  const shopOf = (i: number) => (i * 37) % shops;
  // Phase 2: the mix (as dev/bench/webhooks.bench.ts): 15 of 20 inventory updates, 4 orders, 1 redelivery.
  const ack: Delivery[] = [];
  for (let i = 0; i < ACK_RATE * SECONDS; i++) {
    const roll = i % 20;
    if (roll === 19) ack.push({ ...(ack[(i * 7919) % ack.length] as Delivery), redelivery: true });
    else if (roll < 15) {
      const variant = variantOf(shopOf(i), i);
      const payload = { ...inventoryPayload(fake.store, variant.variantId), updated_at: new Date(base + i).toISOString() };
      ack.push({ shop: scaleShop(shopOf(i)), topic: "inventory_levels/update", eventId: `inventory-${i}`, body: JSON.stringify(payload) });
    } else ack.push(order(shopOf(i)));
  }
  // Phase 3: orders only.
  const orders = Array.from({ length: ORDER_RATE * SECONDS }, (_, i) => order(shopOf(i)));
  const file = path.join(mkdtempSync(path.join(tmpdir(), "scale-bench-")), "deliveries.json");
  writeFileSync(file, JSON.stringify({ ack, orders }));
  const served = await serveFake(fake, scaleShop(0));
  const commits = createServer((req, res) => {
    const orderId = new URL(req.url ?? "/", "http://x").searchParams.get("order") ?? "";
    fake.store.commitInventory(orderId);
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => commits.listen(0, "127.0.0.1", resolve));
  const commitUrl = `http://127.0.0.1:${(commits.address() as { port: number }).port}/commit`;
  console.log(`BENCH ${JSON.stringify({ url: served.url, commitUrl, deliveriesFile: file })}`);
  process.on("SIGTERM", () => void served.close().finally(() => process.exit(0)));
}

// ---- role: the round-robin proxy -----------------------------------------------------------------

function proxyRole(): void {
  const upstreams = JSON.parse(process.env.UPSTREAMS as string) as number[];
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  const server = createServer((req, res) => {
    const port = upstreams[next++ % upstreams.length] as number;
    const upstream = httpRequest({ host: "127.0.0.1", port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", (error) => {
      if (process.env.SCALE_BENCH_DEBUG) console.error(`[proxy] ${req.method} ${req.url} → ${port}: ${String(error)}`);
      if (!res.headersSent) res.writeHead(502);
      res.end(String(error));
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => console.log(`BENCH ${JSON.stringify({ port: (server.address() as { port: number }).port })}`));
  process.on("SIGTERM", () => process.exit(0));
}

// ---- the benchmark -------------------------------------------------------------------------------

type DatabaseKind = "sqlite" | "postgresql";

interface Child {
  name: string;
  child: ChildProcess;
  /** Resolves with the first stdout line matching `pattern`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

function start(name: string, args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const seen: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const debug = process.env.SCALE_BENCH_DEBUG ? (line: string) => process.stderr.write(`[${name}] ${line}\n`) : () => {};
  onStdoutLines(child, (line) => {
    debug(line);
    if (seen.length < 50) seen.push(line);
    for (const w of waiters.filter((w) => w.pattern.test(line))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(line);
    }
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
    debug(chunk.toString().trimEnd());
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    name,
    child,
    waitFor(pattern, timeoutMs = 120_000) {
      const already = seen.find((line) => pattern.test(line));
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name} never printed ${pattern}:\n${seen.join("\n")}\n${stderr}`)), timeoutMs);
        waiters.push({ pattern, resolve: (line) => (clearTimeout(timer), resolve(line)) });
        child.once("exit", (code) => (clearTimeout(timer), reject(new Error(`${name} exited (${code}):\n${seen.join("\n")}\n${stderr}`))));
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const message = async (c: Child) => JSON.parse((await c.waitFor(/^BENCH /)).slice(6)) as Record<string, unknown>;

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Sent {
  ms: number;
  status: number;
}

/** One HTTP request to the proxy; resolves when the whole answer is in. */
function send(agent: Agent, port: number, init: { method: string; path: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: "127.0.0.1", port, agent, method: init.method, path: init.path, headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", (error) => resolve({ status: -1, body: String(error) }));
    req.end(init.body);
  });
}

function headersOf(request: Request): Record<string, string> {
  return Object.fromEntries(request.headers.entries());
}

/**
 * Open loop: delivery i is due at t0 + i / rate and leaves then (or as soon as the event loop can), whatever
 * happened to earlier ones. An orders/create first has its order's stock committed in the fake (one loopback
 * request; see fakeRole); its clock starts when that is done, or at its due time if later. Each delivery's
 * latency counts from its start (so a stall of the app is never hidden by sending less: no coordinated
 * omission). Returns each latency and status, and each start as epoch ms.
 */
async function openLoop(
  agent: Agent,
  port: number,
  commitUrl: string,
  deliveries: Delivery[],
  rate: number,
): Promise<{ sent: Sent[]; startedAt: number[]; offeredPerS: number }> {
  const { webhookRequest } = await import("../../tests/helpers/requests");
  const prepared = deliveries.map((d) => {
    const request = webhookRequest(`/webhooks/${d.topic}`, { topic: d.topic, shop: d.shop, eventId: d.eventId, payload: null, rawBody: d.body });
    return { path: new URL(request.url).pathname, headers: { ...headersOf(request), "user-agent": "Shopify-Captain-Hook" } };
  });
  const commits = new URL(commitUrl);
  const commitAgent = new Agent({ keepAlive: true, maxSockets: 64 });
  const sent: Sent[] = new Array(deliveries.length);
  const startedAt: number[] = new Array(deliveries.length);
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  const epoch0 = Date.now();
  const deliver = async (i: number) => {
    const d = deliveries[i] as Delivery;
    const due = t0 + (i * 1000) / rate;
    if (d.orderId && !d.redelivery) {
      await send(commitAgent, Number(commits.port), { method: "POST", path: `${commits.pathname}?order=${encodeURIComponent(d.orderId)}`, headers: {} });
    }
    const start = Math.max(due, performance.now());
    startedAt[i] = epoch0 + (start - t0);
    const p = prepared[i] as (typeof prepared)[number];
    const { status } = await send(agent, port, { method: "POST", path: p.path, headers: p.headers, body: d.body });
    sent[i] = { ms: performance.now() - start, status };
  };
  let next = 0;
  while (next < deliveries.length) {
    const due = Math.min(deliveries.length, Math.floor(((performance.now() - t0) * rate) / 1000) + 1);
    while (next < due) pending.push(deliver(next++));
    await sleep(1);
  }
  const offeredPerS = (deliveries.length * 1000) / (performance.now() - t0);
  await Promise.all(pending);
  commitAgent.destroy();
  return { sent, startedAt, offeredPerS };
}

interface Result {
  database: string;
  seed: string;
  startup: string;
  /** 1-minute load average of the machine when the measurements began (other work on it shows here). */
  load: number;
  loaders: { name: string; p50: number; p95: number; first: number }[];
  ack: { p50: number; p95: number; p99: number; max: number; ok: number; total: number; offered: number; statuses: string; drainS: number | null; backlog: number };
  email: { p50: number; p95: number; max: number; found: number; total: number; offered: number; drainS: number | null };
}

/** Raw queries on the database under test (the bench process holds no Prisma client). */
async function openQueries(kind: DatabaseKind, url: string) {
  if (kind === "postgresql") {
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return {
      rows: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
      epochMs: (column: string) => `(EXTRACT(EPOCH FROM ${column}) * 1000)::float8`,
      param: (n: number) => `$${n}`,
      close: () => client.end(),
    };
  }
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(url.replace(/^file:/, ""), { readonly: true });
  db.pragma("busy_timeout = 5000");
  return {
    rows: async <T>(sql: string, params: unknown[] = []) => db.prepare(sql).all(...params) as T[],
    epochMs: (column: string) => `(unixepoch(${column}, 'subsec') * 1000)`,
    param: () => "?",
    close: async () => void db.close(),
  };
}

/** Queued jobs already due (what the workers have yet to do). */
async function dueJobs(q: Awaited<ReturnType<typeof openQueries>>, kind: DatabaseKind): Promise<number> {
  const now = kind === "postgresql" ? `(now() AT TIME ZONE 'UTC')` : `strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00'`;
  const [row] = await q.rows<{ n: number | string }>(`SELECT COUNT(*) AS n FROM "Job" WHERE ("status" = 'queued' AND "runAt" <= ${now}) OR "status" = 'running'`);
  return Number(row?.n ?? 0);
}

/** Waits until no job is due or running; the seconds it took, or null past the limit. */
async function drain(q: Awaited<ReturnType<typeof openQueries>>, kind: DatabaseKind, limitS = DRAIN_LIMIT_S): Promise<{ seconds: number | null; left: number }> {
  const t0 = performance.now();
  for (;;) {
    const left = await dueJobs(q, kind);
    if (left === 0) return { seconds: (performance.now() - t0) / 1000, left };
    if (performance.now() - t0 > limitS * 1000) return { seconds: null, left };
    await sleep(500);
  }
}

async function createDatabase(kind: DatabaseKind): Promise<{ url: string; drop: () => Promise<void>; version: string }> {
  if (kind === "sqlite") {
    const { createTestDatabase } = await import("../database");
    const { default: Database } = await import("better-sqlite3");
    const url = createTestDatabase();
    const db = new Database(":memory:");
    const version = `SQLite ${(db.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v} (WAL, one file)`;
    db.close();
    // The file (about 2 GB at the default size) goes with the run.
    return { url, drop: async () => rmSync(path.dirname(url.replace(/^file:/, "")), { recursive: true, force: true }), version };
  }
  const server = process.env.SCALE_BENCH_POSTGRES_URL ?? process.env.TEST_DATABASE_URL;
  if (!server) throw new Error("PostgreSQL: set SCALE_BENCH_POSTGRES_URL or TEST_DATABASE_URL (or SCALE_BENCH_DATABASES=sqlite)");
  const { createPostgresTemplate, createPostgresTestDatabase, dropPostgresTestDatabases } = await import("../database-postgres");
  const template = await createPostgresTemplate(server);
  const url = await createPostgresTestDatabase(server, template);
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const version = ((await client.query("SHOW server_version")).rows[0] as { server_version: string }).server_version;
  await client.end();
  return { url, drop: async () => void (await dropPostgresTestDatabases(server, template)), version: `PostgreSQL ${version} (pool ${process.env.DATABASE_POOL_SIZE ?? 10} per process)` };
}

async function runOn(kind: DatabaseKind, size: { shops: number; lines: number }): Promise<Result> {
  const { seedScale, scaleShop } = await import("../scale-seed");
  const { API_KEY, API_SECRET_KEY, APP_URL } = await import("@shopify/shopify-api/test-helpers");
  const { embeddedFetchRequest } = await import("../../tests/helpers/requests");
  const database = await createDatabase(kind);
  const children: Child[] = [];
  const q = await openQueries(kind, database.url);
  try {
    const seeded = await seedScale(database.url, size);
    const seed = `${seeded.shops} shops, ${seeded.lines} lines, ${seeded.orders} orders + cases in ${fmt(seeded.seconds)} s`;
    console.log(`[scale] ${kind}: seeded ${seed}`);

    const fake = start("fake", ["--import", "tsx", HERE], { SCALE_BENCH_ROLE: "fake", SCALE_SHOPS: String(size.shops), DATABASE_KIND: kind, DATABASE_URL: database.url });
    children.push(fake);
    const { url: fakeUrl, commitUrl, deliveriesFile } = (await message(fake)) as { url: string; commitUrl: string; deliveriesFile: string };
    const deliveries = JSON.parse(readFileSync(deliveriesFile, "utf8")) as { ack: Delivery[]; orders: Delivery[] };
    rmSync(path.dirname(deliveriesFile), { recursive: true, force: true });

    const appEnv = {
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      SHOPIFY_API_KEY: API_KEY,
      SHOPIFY_API_SECRET: API_SECRET_KEY,
      SHOPIFY_APP_URL: APP_URL,
      SHOPIFY_TESTING: "",
      FAKE_URL: fakeUrl,
    };
    const preload = ["--import", "tsx", "--import", "./dev/bench/scale-forward.ts"];
    const ports = [await freePort(), await freePort()];
    const webs = ports.map((port, i) =>
      start(`web ${i + 1}`, [...preload, "server.js", "build/server/index.js"], { ...appEnv, PORT: String(port), HOST: "127.0.0.1", JOBS_WORKER: "off" }),
    );
    children.push(...webs);
    // SCALE_BENCH_WORKERS=0 leaves the jobs queued: the web tier alone (a diagnostic, not the topology).
    const workerCount = Number(process.env.SCALE_BENCH_WORKERS ?? 2);
    const workers = Array.from({ length: workerCount }, (_, i) => start(`worker ${i + 1}`, [...preload, "build/worker/index.js"], appEnv));
    children.push(...workers);
    await Promise.all([...webs.map((w) => w.waitFor(/^\[server\] http:/)), ...workers.map((w) => w.waitFor(/^\[jobs\] worker/))]);
    const proxy = start("proxy", ["--import", "tsx", HERE], { SCALE_BENCH_ROLE: "proxy", UPSTREAMS: JSON.stringify(ports) });
    children.push(proxy);
    const { port } = (await message(proxy)) as { port: number };
    // A worker's first round queues every shop's daily retention and hourly reconciliation: let it settle.
    const startupDrain = workerCount > 0 ? await drain(q, kind) : { seconds: 0, left: 0 };
    const startup = startupDrain.seconds === null ? `${startupDrain.left} jobs still due after ${DRAIN_LIMIT_S} s` : `start-up jobs drained in ${fmt(startupDrain.seconds)} s`;
    console.log(`[scale] ${kind}: ${startup}`);

    const loadBefore = loadavg()[0] ?? NaN;
    // 1. Admin loaders, one request at a time.
    const agent = new Agent({ keepAlive: true, maxSockets: 512 });
    const loaderShops = Array.from({ length: LOADER_SHOPS }, (_, i) => scaleShop(Math.floor((i * size.shops) / LOADER_SHOPS)));
    const loaders = [
      { name: "Products list (Backorderable)", path: "/app/products?tab=backorderable", route: "routes/app.products._index" },
      { name: "Support queue", path: "/app/support", route: "routes/app.support._index" },
      { name: "Dashboard (30 days)", path: "/app", route: "routes/app._index" },
    ];
    const loaderResults: Result["loaders"] = [];
    for (const loader of loaders) {
      const once = async (shop: string) => {
        const request = await embeddedFetchRequest(`${loader.path}${loader.path.includes("?") ? "&" : "?"}_data=${encodeURIComponent(loader.route)}`, { shop });
        const url = new URL(request.url);
        const t = performance.now();
        const answer = await send(agent, port, { method: "GET", path: url.pathname + url.search, headers: headersOf(request) });
        const ms = performance.now() - t;
        if (answer.status !== 200) throw new Error(`${loader.name} for ${shop}: ${answer.status} ${answer.body.slice(0, 300)}`);
        return ms;
      };
      const firsts: number[] = [];
      for (const shop of loaderShops) firsts.push(await once(shop));
      for (const shop of loaderShops) await once(shop); // the other web process's first visit
      const samples: number[] = [];
      for (let i = 0; i < LOADER_RUNS; i++) samples.push(await once(loaderShops[i % loaderShops.length] as string));
      samples.sort((a, b) => a - b);
      firsts.sort((a, b) => a - b);
      loaderResults.push({ name: loader.name, p50: percentile(samples, 50), p95: percentile(samples, 95), first: percentile(firsts, 50) });
      console.log(`[scale] ${kind}: ${loader.name} p95 ${fmt(percentile(samples, 95))} ms`);
    }

    // 2. Order → confirmation email at 100 orders/s, on drained workers.
    const emailRun = await openLoop(agent, port, commitUrl, deliveries.orders, ORDER_RATE);
    const dueOf = new Map(deliveries.orders.map((d, i) => [d.email as string, emailRun.startedAt[i] as number]));
    const emailDrain = workerCount > 0 ? await drain(q, kind) : { seconds: null, left: await dueJobs(q, kind) };
    const rows = await q.rows<{ toEmail: string; at: number }>(
      `SELECT "toEmail", ${q.epochMs('"createdAt"')} AS at FROM "EmailOutbox" WHERE "kind" = 'backorder_confirmation' AND "toEmail" LIKE 'scale-buyer-%'`,
    );
    const latencies: number[] = [];
    for (const row of rows) {
      const due = dueOf.get(row.toEmail);
      if (due !== undefined) latencies.push(Number(row.at) - due);
    }
    const found = latencies.length;
    // A missing email counts as never arriving (infinitely late) in the percentiles.
    while (latencies.length < deliveries.orders.length) latencies.push(Infinity);
    latencies.sort((a, b) => a - b);
    const email: Result["email"] = {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: latencies.at(-1) ?? NaN,
      found,
      total: deliveries.orders.length,
      offered: emailRun.offeredPerS,
      drainS: emailDrain.seconds,
    };
    // 3. Webhook acks at 500/s (last: the backlog it leaves is only reported).
    const ackRun = await openLoop(agent, port, commitUrl, deliveries.ack, ACK_RATE);
    const ackSorted = ackRun.sent.map((s) => s.ms).sort((a, b) => a - b);
    const statuses = new Map<number, number>();
    for (const s of ackRun.sent) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
    console.log(`[scale] ${kind}: acks p99 ${fmt(percentile(ackSorted, 99))} ms; draining`);
    const ackDrain = workerCount > 0 ? await drain(q, kind) : { seconds: null, left: await dueJobs(q, kind) };
    const ack: Result["ack"] = {
      p50: percentile(ackSorted, 50),
      p95: percentile(ackSorted, 95),
      p99: percentile(ackSorted, 99),
      max: ackSorted.at(-1) ?? NaN,
      ok: statuses.get(200) ?? 0,
      total: ackRun.sent.length,
      offered: ackRun.offeredPerS,
      statuses: [...statuses].map(([status, n]) => `${n}×${status}`).join(" "),
      drainS: ackDrain.seconds,
      backlog: ackDrain.left,
    };

    agent.destroy();
    return { database: database.version, seed, startup, load: loadBefore, loaders: loaderResults, ack, email };
  } finally {
    for (const c of children.reverse()) await c.stop();
    await q.close();
    if (process.env.SCALE_BENCH_KEEP) console.log(`[scale] kept ${database.url}`);
    else await database.drop();
  }
}

function table(results: Result[]): string[] {
  const pass = (ok: boolean) => (ok ? "PASS" : "FAIL");
  const ms = (v: number) => (Number.isFinite(v) ? `${fmt(v)} ms` : "never");
  const rows: [string, ...string[]][] = [
    ["", ...results.map((r) => r.database)],
    ["seed (dev/scale-seed.ts)", ...results.map((r) => r.seed)],
    ["workers' start-up jobs", ...results.map((r) => r.startup)],
    ["machine load average when measuring began", ...results.map((r) => r.load.toFixed(2))],
  ];
  results[0]?.loaders.forEach((loader, i) => {
    rows.push([
      `${loader.name} loader p95 (≤ ${LOADER_TARGET_MS} ms)`,
      ...results.map((r) => {
        const l = r.loaders[i] as Result["loaders"][number];
        return `${pass(l.p95 <= LOADER_TARGET_MS)} ${ms(l.p95)} (p50 ${ms(l.p50)}; first visit ${ms(l.first)})`;
      }),
    ]);
  });
  rows.push([
    `webhook ack p99 at ${ACK_RATE}/s for ${SECONDS} s (≤ ${ACK_TARGET_MS} ms, all 200)`,
    ...results.map((r) => `${pass(r.ack.p99 <= ACK_TARGET_MS && r.ack.ok === r.ack.total)} ${ms(r.ack.p99)} (p50 ${ms(r.ack.p50)}, p95 ${ms(r.ack.p95)}, max ${ms(r.ack.max)})`),
  ]);
  rows.push(["  answers, offered rate", ...results.map((r) => `${r.ack.statuses}; ${fmt(r.ack.offered)} req/s offered`)]);
  rows.push([
    "  workers catch up after it",
    ...results.map((r) => (r.ack.drainS === null ? `${r.ack.backlog} jobs still due after ${DRAIN_LIMIT_S} s` : `in ${fmt(r.ack.drainS)} s`)),
  ]);
  rows.push([
    `order → email p95 at ${ORDER_RATE} orders/s for ${SECONDS} s (≤ ${EMAIL_TARGET_MS} ms)`,
    ...results.map((r) => `${pass(r.email.p95 <= EMAIL_TARGET_MS && r.email.found === r.email.total)} ${ms(r.email.p95)} (p50 ${ms(r.email.p50)}, max ${ms(r.email.max)})`),
  ]);
  rows.push(["  emails in the outbox", ...results.map((r) => `${r.email.found} of ${r.email.total}; ${fmt(r.email.offered)} orders/s offered`)]);
  const [header, ...body] = rows as [[string, ...string[]], ...[string, ...string[]][]];
  const widths = header.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? "").length)));
  const line = (row: string[]) => `| ${row.map((cell, col) => cell.padEnd(widths[col] as number)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)];
}

export async function scaleBench(): Promise<string[]> {
  const size = { shops: Number(process.env.SCALE_BENCH_SHOPS ?? 1_000), lines: Number(process.env.SCALE_BENCH_LINES ?? 1_000_000) };
  const kinds = (process.env.SCALE_BENCH_DATABASES ?? "sqlite,postgresql").split(",").map((k) => k.trim()) as DatabaseKind[];
  if (process.env.SCALE_BENCH_BUILD !== "skip") {
    // What production runs: the server build and the worker bundle, built now from this checkout.
    execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } });
    execFileSync("npm", ["run", "build:worker"], { cwd: ROOT, stdio: "ignore" });
  }
  const results: Result[] = [];
  for (const kind of kinds) results.push(await runOn(kind, size));
  const cpu = cpus();
  return [
    `info  machine: ${cpu.length} × ${cpu[0]?.model ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}; load generator, proxy, 2 web, 2 workers, ` +
      `Admin fake and database all on it`,
    ...table(results),
  ];
}

const role = process.env.SCALE_BENCH_ROLE;
if (role === "fake")
  fakeRole().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
else if (role === "proxy") proxyRole();

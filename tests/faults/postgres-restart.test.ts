// Fault (PostgreSQL only, `npm run test:postgres`): the database server restarts in the middle of a burst.
// The test runs its own throwaway cluster (Debian's binaries in /usr/lib/postgresql/*/bin: initdb, then
// pg_ctl on a free port; as root, through `su postgres`, as .ci/run does), because it must stop and start
// the server; the shared TEST_DATABASE_URL server is not touched. Two worker processes drain a shop's burst
// (twelve orders, stock arrivals, a cancellation: support.ts) while the webhooks are still arriving; mid-way
// the server stops (`pg_ctl stop -m fast`: every connection dropped, as a restart does), stays down for a
// moment and starts again, while a job is in hand (a probe the test holds until the server is down). Webhooks
// refused meanwhile are delivered again, as Shopify retries them; the attempt that lost its connection is
// recorded as failed once the server is back (app/jobs/worker.server.ts, recordFailure) and runs again. Then: every job succeeded, 0 lost and 0
// duplicated emails, and the ledger agrees with Shopify.
import { spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresTemplate, createPostgresTestDatabase } from "../../dev/database-postgres";

const ON_POSTGRES = /^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL ?? "");

/** The newest Debian PostgreSQL binaries, or null. */
function postgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "initdb")) && existsSync(path.join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

const PG_BIN = ON_POSTGRES ? postgresBin() : null;
if (ON_POSTGRES && !PG_BIN) {
  console.warn("SKIPPED postgres-restart: needs Debian's PostgreSQL binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql) to run its own server.");
}

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;
const AS_ROOT = process.getuid?.() === 0;

/** A command as the postgres user when we are root (PostgreSQL refuses to run as root). */
function asPostgres(command: string[]): [string, string[]] {
  return AS_ROOT ? ["su", ["postgres", "-s", "/bin/sh", "-c", command.map(quote).join(" ")]] : [command[0] as string, command.slice(1)];
}

function runSync(command: string[]): void {
  const [file, args] = asPostgres(command);
  const result = spawnSync(file, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command.join(" ")} failed (${result.status}): ${result.stdout}${result.stderr}`);
}

/** Runs without blocking the event loop: the Admin fake the workers call is served by this process. */
function run(command: string[]): Promise<void> {
  const [file, args] = asPostgres(command);
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command.join(" ")} failed (${code}): ${output}`))));
  });
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Cluster {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): void;
}

/** A throwaway cluster in a temp dir (trust auth, no fsync: nothing here needs to survive a crash). */
async function startCluster(bin: string): Promise<Cluster> {
  const dir = mkdtempSync(path.join(tmpdir(), "backorder-pg-restart-"));
  if (AS_ROOT) {
    const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim());
    const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  const data = path.join(dir, "data");
  runSync([path.join(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=localhost -c fsync=off -c max_connections=100`;
  const pgCtl = (...args: string[]) => [path.join(bin, "pg_ctl"), "-D", data, "-l", path.join(dir, "log"), ...args];
  const start = () => run(pgCtl("-o", options, "-w", "start"));
  await start();
  return {
    url: `postgres://postgres@localhost:${port}/postgres`,
    start,
    stop: () => run(pgCtl("-m", "fast", "-w", "stop")),
    destroy() {
      try {
        runSync(pgCtl("-m", "immediate", "stop"));
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let cluster: Cluster | null = null;

beforeAll(async () => {
  if (!PG_BIN) return;
  cluster = await startCluster(PG_BIN);
  const template = await createPostgresTemplate(cluster.url);
  // This file's app modules are imported below, after this: they connect to the throwaway cluster.
  process.env.DATABASE_URL = await createPostgresTestDatabase(cluster.url, template);
}, 60_000);

afterAll(() => {
  cluster?.destroy();
});

describe.skipIf(!PG_BIN)("a PostgreSQL restart in the middle of a burst (own throwaway server; PostgreSQL run only)", () => {
  it("loses and duplicates nothing: refused webhooks are redelivered, interrupted attempts run again", async () => {
    const { default: prisma } = await import("~/db.server");
    const { deliver, ledgerShop } = await import("../integration/ledger-support");
    const { scriptedHistory, verifyLedger } = await import("./support");
    const { execLogFile, readExecLog, serveFake, startWorkerChild } = await import("./processes");
    const { enqueueJob } = await import("~/jobs/queue.server");
    const server = cluster as Cluster;

    // GIVEN a shop's burst (12 orders, stock arrivals, a cancellation) and two worker processes running
    const env = await ledgerShop();
    const scenario = await scriptedHistory(env);
    const fake = await serveFake(env.fake, env.shop);
    const execLog = execLogFile();
    // A lease long enough for a worker to outlast the outage and record its interrupted attempt.
    const children = ["worker-a", "worker-b"].map((workerId) => startWorkerChild({ workerId, fakeUrl: fake.url, execLog, leaseMs: 8_000, concurrency: 2 }));
    try {
      await Promise.all(children.map((c) => c.waitFor("READY", 60_000)));

      // WHEN the webhooks arrive one after another (one refused is delivered again, as Shopify retries),
      // and a third of the way in, the server stops, stays down for a second, and starts again
      // (and a job is in hand as it goes down: a probe that runs until the test lets it finish)
      let refused = 0;
      let restart: Promise<void> | null = null;
      let down = false;
      let probeId = "";
      const third = Math.floor(scenario.deliveries.length / 3);
      const gate = path.join(path.dirname(execLog), "probe-gate");
      for (const [index, delivery] of scenario.deliveries.entries()) {
        if (index === third) {
          probeId = (await enqueueJob({ shop: env.shop, kind: "test.probe", payload: { untilFile: gate } })).id;
          await until(async () => (await prisma.job.findUniqueOrThrow({ where: { id: probeId }, select: { status: true } })).status === "running", "the probe to be claimed");
          await server.stop();
          down = true;
          writeFileSync(gate, "");
          restart = new Promise((resolve) => setTimeout(resolve, 1_500)).then(() => server.start()).then(() => void (down = false));
        }
        for (let attempt = 0; ; attempt++) {
          const status = await deliver(delivery).then(
            (response) => response.status,
            () => 0,
          );
          if (status === 200) break;
          refused++;
          if (attempt > 100) throw new Error(`delivery ${delivery.eventId} refused ${attempt} times`);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
      await restart;
      expect(down).toBe(false);
      // ... and the workers drain the queue
      const deadline = Date.now() + 60_000;
      for (;;) {
        const open = await prisma.job.count({ where: { status: { in: ["queued", "running"] } } });
        if (open === 0) break;
        if (Date.now() > deadline) throw new Error(`jobs did not settle: ${open} open\n${children.flatMap((c) => c.output).join("\n")}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const jobs = await prisma.job.findMany({ select: { id: true, kind: true, status: true, attempts: true, lastError: true } });
      const report = await verifyLedger(env.fake, scenario).catch(async (error: unknown) => {
        // What to look at when the ledger and Shopify disagree: each order's lines and holds, and the retried jobs.
        const lines = await prisma.backorderLine.findMany({ select: { orderName: true, status: true, quantity: true, holdId: true, variantId: true } });
        const holds = [...env.fake.store.orders.values()].map((o) => `${o.name}: ${env.fake.store.fulfillmentOrdersOf(o.id).map((fo) => `${fo.status}[${fo.holds.map((h) => h.id).join(",")}]`).join(" ")}`);
        console.log(`[fault: postgres restart] ledger disagrees\nlines ${JSON.stringify(lines)}\nshopify ${holds.join("; ")}\nretried ${JSON.stringify(jobs.filter((j) => j.attempts > 1))}\n${children.flatMap((c) => c.output).join("\n").slice(0, 6000)}`);
        throw error;
      });
      const attempts = readExecLog(execLog);
      const failedLines = children.flatMap((c) => c.output.filter((line) => /failed|lost/.test(line)).map((line) => line.slice(0, 240)));
      console.log(
        `[fault: postgres restart] ${scenario.deliveries.length} webhooks, ${refused} refused while the server was down and delivered again; ` +
          `${jobs.length} jobs, ${attempts.length} attempts (${jobs.filter((j) => j.attempts > 1).length} jobs ran more than once); ` +
          `workers reported ${failedLines.length} failures, e.g. ${failedLines.slice(0, 2).join(" | ")}; ledger ${JSON.stringify(report)}`,
      );

      // THEN webhooks were refused while the server was down, and the workers saw it fail
      expect(refused).toBeGreaterThan(0);
      expect(failedLines.length).toBeGreaterThan(0);
      // AND the probe, in hand when the server went down, failed that attempt visibly (the worker recorded
      // its failure once the server was back) and succeeded on the next
      expect(jobs.find((j) => j.id === probeId)).toMatchObject({ status: "succeeded", attempts: 2 });
      expect(failedLines.some((line) => line.includes(probeId) && /attempt 1\/\d+ failed \(retry\)/.test(line))).toBe(true);
      // AND every job ended succeeded (none dead, none left running)
      expect(jobs.filter((j) => j.status !== "succeeded")).toEqual([]);
      // AND the ledger agrees with Shopify; 0 lost, 0 duplicated emails
      expect(report.lost).toBe(0);
      expect(report.duplicates).toBe(0);
      expect(report.lines).toBeGreaterThan(0);
      // AND no job attempt ran twice (each attempt number of a job started once)
      const keys = attempts.map((a) => `${a.jobId}#${a.attempt}`);
      expect(new Set(keys).size).toBe(keys.length);
    } finally {
      await Promise.all(children.map((c) => c.stop()));
      await fake.close();
      await prisma.$disconnect();
    }
  }, 120_000);
});

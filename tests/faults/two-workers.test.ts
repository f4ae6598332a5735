// Fault: two, then four worker processes on one database (the SQLite file, or PostgreSQL on
// `npm run test:postgres`, where claims use FOR UPDATE SKIP LOCKED), competing for the same jobs (real
// ledger jobs against one shared Admin fake, plus a flood of short probe jobs). No job attempt runs twice,
// and the ledger and emails end exactly as with one worker.
import { afterEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { enqueueJob } from "~/jobs/queue.server";
import { deliver, ledgerShop } from "../integration/ledger-support";
import { execLogFile, readExecLog, serveFake, startWorkerChild, type WorkerChild } from "./processes";
import { scriptedHistory, verifyLedger } from "./support";

const children: WorkerChild[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.stop()));
});

async function settled(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await prisma.job.count({ where: { status: { in: ["queued", "running"] } } })) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("jobs did not settle");
}

describe.each([2, 4])("%i worker processes on one database", (workerCount) => {
  it("never run the same job attempt twice", async () => {
    // GIVEN a shop history's webhooks queued (12 orders, stock arrivals, a cancellation) and 150 probe jobs
    const env = await ledgerShop();
    const scenario = await scriptedHistory(env);
    for (const delivery of scenario.deliveries) expect((await deliver(delivery)).status).toBe(200);
    for (let i = 0; i < 150; i++) await enqueueJob({ shop: env.shop, kind: "test.probe", payload: { ms: 2 } });
    const total = await prisma.job.count();

    // WHEN the worker processes start together and drain the queue
    const fake = await serveFake(env.fake, env.shop);
    const execLog = execLogFile();
    const workerIds = Array.from({ length: workerCount }, (_, i) => `worker-${String.fromCharCode(97 + i)}`);
    for (const workerId of workerIds) children.push(startWorkerChild({ workerId, fakeUrl: fake.url, execLog, concurrency: 4 }));
    await Promise.all(children.map((c) => c.waitFor("READY", 60_000)));
    await settled(60_000);
    await Promise.all(children.map((c) => c.stop()));
    await fake.close();
    // Jobs queue jobs too (a Shopify Flow trigger when an order becomes ready to ship): all of them count.
    const queued = await prisma.job.count();
    expect(queued).toBeGreaterThanOrEqual(total);

    // THEN each attempt ran once, both processes did work, every job succeeded, and the ledger is right
    const executions = readExecLog(execLog);
    const attempts = new Map<string, number>();
    for (const e of executions) attempts.set(`${e.jobId}#${e.attempt}`, (attempts.get(`${e.jobId}#${e.attempt}`) ?? 0) + 1);
    const doubled = [...attempts.values()].filter((n) => n > 1).length;
    const byWorker = Object.fromEntries(children.map((c) => [c.workerId, executions.filter((e) => e.workerId === c.workerId).length]));
    const failures = children.flatMap((c) => c.output.filter((line) => line.includes("failed")));
    const retried = failures.map((line) => line.replace(/^.*failed \(\w+\): /, "")).map((m) => m.slice(0, 80));
    const statuses = await prisma.job.groupBy({ by: ["status"], _count: { _all: true } });
    const report = await verifyLedger(env.fake, scenario);
    console.log(failures.slice(0, 3).join("\n"));
    console.log(
      `[fault: ${workerCount} workers] jobs=${total} attempts started=${executions.length} by worker=${JSON.stringify(byWorker)} ` +
        `double-processed=${doubled} retried=${retried.length}${retried.length ? ` (${[...new Set(retried)].join("; ")})` : ""} ` +
        `statuses=${JSON.stringify(Object.fromEntries(statuses.map((s) => [s.status, s._count._all])))} ` +
        `emails=${JSON.stringify(report.emails)} lost=${report.lost} duplicated=${report.duplicates}`,
    );
    expect(doubled).toBe(0);
    expect(new Set(executions.map((e) => e.jobId)).size).toBe(queued);
    expect(Object.values(byWorker).every((n) => n > 0)).toBe(true);
    expect(await prisma.job.count({ where: { status: "succeeded" } })).toBe(queued);
    expect(report.lost).toBe(0);
    expect(report.duplicates).toBe(0);
    // Child processes (tsx boot, ~5 s each on a busy machine, four of them on two cores) plus up to 60 s
    // to settle: more than the suite's default test timeout
  }, 150_000);
});

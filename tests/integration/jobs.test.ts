// The durable job queue: compare-and-set claims, leases, exponential backoff, dead letters, retry from
// the admin, uniqueness, and the periodic reconciliation schedule.
import { beforeEach, describe, expect, it } from "vitest";
import { setUpValidSession } from "@shopify/shopify-api/test-helpers";
import prisma, { DATABASE_PROVIDER } from "~/db.server";
import { claimJobs, completeJob, enqueueJob, failJob, retryDeadJob, retryDelayMs } from "~/jobs/queue.server";
import { scheduleReconciliations } from "~/jobs/schedule.server";
import { PermanentJobError, type JobHandler } from "~/jobs/types";
import { createWorker } from "~/jobs/worker.server";
import { loader as activityLoader, action as activityAction } from "~/routes/app.activity";
import { sessionStorage } from "~/shopify.server";
import { callRoute } from "../helpers/routes";
import { embeddedDocumentRequest, embeddedFetchRequest, TEST_SHOP } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";
import { formatDateTime } from "~/domain/format";
import { getShopSettings } from "~/models/settings.server";
import { testClock, type TestClock } from "./ledger-support";

const SHOP = TEST_SHOP;
let clock: TestClock;

beforeEach(async () => {
  await prisma.job.deleteMany({});
  await prisma.session.deleteMany({});
  clock = testClock();
});

function worker(handlers: Record<string, JobHandler>, options: { workerId?: string; leaseMs?: number; concurrency?: number } = {}) {
  return createWorker({
    workerId: options.workerId ?? "w1",
    concurrency: options.concurrency ?? 4,
    leaseMs: options.leaseMs ?? 30_000,
    schedule: false,
    deliverEmails: false,
    handlers,
    log: () => {},
    runtime: { now: clock.date, retryBaseMs: 1_000, jitter: () => 1 },
  });
}

describe("claims", () => {
  it("never hands the same job to two workers claiming at the same moment", async () => {
    // GIVEN 60 due jobs
    for (let i = 0; i < 60; i++) await enqueueJob({ shop: SHOP, kind: "test.probe", payload: { i }, now: clock.date() });
    // WHEN eight workers claim concurrently, several rounds
    const seen: string[] = [];
    for (let round = 0; round < 4; round++) {
      const batches = await Promise.all(
        Array.from({ length: 8 }, (_, w) => claimJobs({ workerId: `w${w}`, now: clock.date(), limit: 5, leaseMs: 30_000 })),
      );
      for (const batch of batches) {
        expect(batch.length).toBeLessThanOrEqual(5); // never more than the limit asked for
        seen.push(...batch.map((j) => j.id));
      }
    }
    // THEN every job was claimed exactly once
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    expect(await prisma.job.count({ where: { status: "running", attempts: 1 } })).toBe(60);
  });

  it("makes a job whose worker died claimable again once its lease expires, and ignores the dead worker's late result", async () => {
    // GIVEN a job claimed by a worker that then stops responding
    await enqueueJob({ shop: SHOP, kind: "test.probe", payload: {}, now: clock.date() });
    const [claimed] = await claimJobs({ workerId: "crashed", now: clock.date(), limit: 1, leaseMs: 30_000 });
    expect(await claimJobs({ workerId: "other", now: clock.date(), limit: 1, leaseMs: 30_000 })).toEqual([]);

    // WHEN the lease runs out and another worker claims it
    clock.advance(30_001);
    const [again] = await claimJobs({ workerId: "other", now: clock.date(), limit: 1, leaseMs: 30_000 });

    // THEN it is the same job, second attempt, and the crashed worker can no longer complete it
    expect(again?.id).toBe(claimed?.id);
    expect(again?.attempts).toBe(2);
    expect(await completeJob({ job: claimed as never, workerId: "crashed", now: clock.date() })).toBe(false);
    expect(await completeJob({ job: again as never, workerId: "other", now: clock.date() })).toBe(true);
  });

  it("keeps the lease of a long job alive while it runs", async () => {
    // GIVEN a job that takes longer than the lease (in real time: 1.2 s with a 1 s lease)
    await enqueueJob({ shop: SHOP, kind: "slow", payload: {}, now: clock.date() });
    const realClock = createWorker({
      workerId: "slow-worker",
      leaseMs: 1_000,
      schedule: false,
      deliverEmails: false,
      log: () => {},
      handlers: { slow: () => new Promise((resolve) => setTimeout(resolve, 1_200)) },
    });
    // WHEN it runs while another worker keeps trying to claim
    const run = realClock.drain({ maxRounds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const stolen = await claimJobs({ workerId: "thief", now: new Date(), limit: 1, leaseMs: 1_000 });
    await run;
    // THEN nobody else got it and it succeeded
    expect(stolen).toEqual([]);
    expect((await prisma.job.findFirstOrThrow({ select: { status: true, attempts: true } }))).toEqual({ status: "succeeded", attempts: 1 });
  });
  // PostgreSQL claims lock the rows they pick and skip rows already locked (ADR 013); SQLite has one writer.
  it.runIf(DATABASE_PROVIDER === "postgresql")("skips a job another worker's claim holds instead of waiting for it (PostgreSQL)", async () => {
    // GIVEN two due jobs, the older one row-locked by an open transaction (a claim in progress elsewhere)
    const older = await enqueueJob({ shop: SHOP, kind: "test.probe", payload: { n: 1 }, now: clock.date() });
    clock.advance(1);
    const younger = await enqueueJob({ shop: SHOP, kind: "test.probe", payload: { n: 2 }, now: clock.date() });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT "id" FROM "Job" WHERE "id" = ${older.id} FOR UPDATE`;
        locked();
        await released;
      },
      { timeout: 15_000 },
    );
    await isLocked;

    // WHEN another worker claims two jobs while that lock is held
    const started = Date.now();
    const claimed = await claimJobs({ workerId: "w2", now: clock.date(), limit: 2, leaseMs: 30_000 });
    const waitedMs = Date.now() - started;
    release();
    await holder;

    // THEN it got the younger job at once, and the locked one is still queued for whoever holds it
    expect(claimed.map((j) => j.id)).toEqual([younger.id]);
    expect(waitedMs).toBeLessThan(2_000);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: older.id }, select: { status: true, attempts: true } })).toEqual({ status: "queued", attempts: 0 });
  });
});

describe("retries", () => {
  it("retries a failing job with exponential backoff and parks it as dead after maxAttempts", async () => {
    // GIVEN a job that always fails, allowed 4 attempts
    await enqueueJob({ shop: SHOP, kind: "flaky", payload: {}, maxAttempts: 4, now: clock.date() });
    const w = worker({
      flaky: async () => {
        throw new Error("Shopify said no");
      },
    });
    // WHEN the worker runs it whenever it is due
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      await w.drain();
      const job = await prisma.job.findFirstOrThrow({ select: { status: true, runAt: true } });
      if (job.status === "queued") {
        delays.push(job.runAt.getTime() - clock.now());
        clock.advance(job.runAt.getTime() - clock.now());
      }
    }
    // THEN waits doubled (1 s, 2 s, 4 s) and the fourth failure made it dead with its error
    expect(delays.map((d) => Math.round(d / 1_000) * 1_000)).toEqual([1_000, 2_000, 4_000]);
    expect(await prisma.job.findFirstOrThrow({ select: { status: true, attempts: true, lastError: true } })).toEqual({
      status: "dead",
      attempts: 4,
      lastError: "Shopify said no",
    });
  });

  it("sends a permanent failure straight to dead", async () => {
    // GIVEN a job whose handler says retrying cannot help
    await enqueueJob({ shop: SHOP, kind: "bad", payload: {}, now: clock.date() });
    // WHEN it runs once
    await worker({
      bad: async () => {
        throw new PermanentJobError("payload makes no sense");
      },
    }).drain();
    // THEN it is dead after one attempt
    expect(await prisma.job.findFirstOrThrow({ select: { status: true, attempts: true } })).toEqual({ status: "dead", attempts: 1 });
  });

  it("caps the backoff and spreads retries with jitter", () => {
    // GIVEN/WHEN delays for growing attempt numbers / THEN they double up to the cap, jitter within ±20 %
    expect(retryDelayMs(1, { retryBaseMs: 1_000, jitter: () => 1 })).toBe(1_000);
    expect(retryDelayMs(5, { retryBaseMs: 1_000, jitter: () => 1 })).toBe(16_000);
    expect(retryDelayMs(30, { retryBaseMs: 1_000, maxRetryDelayMs: 60_000, jitter: () => 1 })).toBe(60_000);
    const jittered = retryDelayMs(3, { retryBaseMs: 1_000 });
    expect(jittered).toBeGreaterThanOrEqual(3_200);
    expect(jittered).toBeLessThan(4_800);
  });

  it("a job whose worker dies on its last attempt ends dead rather than running forever", async () => {
    // GIVEN a 1-attempt job claimed by a worker that dies
    await enqueueJob({ shop: SHOP, kind: "test.probe", payload: {}, maxAttempts: 1, now: clock.date() });
    await claimJobs({ workerId: "crashed", now: clock.date(), limit: 1, leaseMs: 1_000 });
    // WHEN the lease expires and a worker looks for work
    clock.advance(1_001);
    const claimed = await claimJobs({ workerId: "w2", now: clock.date(), limit: 1, leaseMs: 1_000 });
    // THEN it is not run again but marked dead with the reason
    expect(claimed).toEqual([]);
    expect(await prisma.job.findFirstOrThrow({ select: { status: true, lastError: true } })).toEqual({
      status: "dead",
      lastError: "Worker lost during the last attempt (lease expired)",
    });
  });
});

describe("enqueueing", () => {
  it("queues a job once per unique key and shop", async () => {
    // GIVEN/WHEN the same key is enqueued twice for one shop and once for another
    const a = await enqueueJob({ shop: SHOP, kind: "test.probe", payload: {}, uniqueKey: "k1" });
    const b = await enqueueJob({ shop: SHOP, kind: "test.probe", payload: {}, uniqueKey: "k1" });
    const c = await enqueueJob({ shop: "other-shop.myshopify.com", kind: "test.probe", payload: {}, uniqueKey: "k1" });
    // THEN the second is a no-op pointing at the first
    expect([a.created, b.created, c.created]).toEqual([true, false, true]);
    expect(b.id).toBe(a.id);
    expect(await prisma.job.count()).toBe(2);
  });

  it("schedules one reconciliation per installed shop and time slot", async () => {
    // GIVEN two shops with offline sessions, one of them uninstalled since
    await sessionStorage.storeSession(setUpValidSession({ shop: SHOP }));
    await sessionStorage.storeSession(setUpValidSession({ shop: "gone.myshopify.com" }));
    await prisma.shop.upsert({ where: { shop: "gone.myshopify.com" }, create: { shop: "gone.myshopify.com", uninstalledAt: new Date() }, update: { uninstalledAt: new Date() } });
    // WHEN the scheduler runs three times in the same hour
    const now = clock.date();
    const queued = [
      await scheduleReconciliations({ now, intervalMinutes: 60 }),
      await scheduleReconciliations({ now: new Date(now.getTime() + 1_000), intervalMinutes: 60 }),
      await scheduleReconciliations({ now, intervalMinutes: 60 }),
    ];
    // THEN the installed shop got exactly one reconciliation
    expect(queued).toEqual([1, 0, 0]);
    expect(await prisma.job.findMany({ select: { shop: true, kind: true } })).toEqual([{ shop: SHOP, kind: "shop.reconcile" }]);
  });
});

describe("Activity page", () => {
  it("shows counts, the dead job and recent webhooks, and its retry button requeues only this shop's job", async () => {
    // GIVEN a dead job of this shop and one of another shop
    await installFakeShop();
    const mine = await enqueueJob({ shop: SHOP, kind: "order.sync", payload: {}, now: clock.date() });
    const theirs = await enqueueJob({ shop: "other-shop.myshopify.com", kind: "order.sync", payload: {}, now: clock.date() });
    for (const id of [mine.id, theirs.id]) {
      const [job] = await claimJobs({ workerId: "w", now: clock.date(), limit: 1, leaseMs: 1_000 });
      await failJob({ job: job as never, workerId: "w", now: clock.date(), error: `boom ${id}`, permanent: true });
    }

    // WHEN the merchant opens the page and retries both ids
    const page = await callRoute(activityLoader, await embeddedDocumentRequest("/app/activity"));
    const data = (await page.json()) as { counts: Record<string, number>; dead: { id: string; lastError: string }[] };
    const retry = async (id: string) =>
      callRoute(activityAction, await embeddedFetchRequest("/app/activity", { init: { method: "POST", body: new URLSearchParams({ intent: "retry", id }) } }));
    const own = await retry(mine.id);
    const foreign = await retry(theirs.id);

    // THEN the page listed only this shop's dead job; only it went back to the queue
    expect(data.counts.dead).toBe(1);
    expect(data.dead.map((j) => j.id)).toEqual([mine.id]);
    expect([own.status, foreign.status]).toEqual([200, 404]);
    expect((await prisma.job.findUniqueOrThrow({ where: { id: mine.id } })).status).toBe("queued");
    expect((await prisma.job.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("dead");
    expect(await retryDeadJob({ shop: SHOP, id: mine.id })).toBe(false);
  });

  it("sends no text of its own and writes dates in the language the admin's fetches carry", async () => {
    // GIVEN a dead job
    await installFakeShop();
    await enqueueJob({ shop: SHOP, kind: "order.sync", payload: {}, now: clock.date() });
    const [job] = await claimJobs({ workerId: "w", now: clock.date(), limit: 1, leaseMs: 1_000 });
    await failJob({ job: job as never, workerId: "w", now: clock.date(), error: "boom", permanent: true });

    // WHEN the French admin reaches Activity by clicking (a data request: no locale, no cookie, an English
    // browser, and the locale App Bridge knows in its header)
    const request = await embeddedFetchRequest("/app/activity?_data=routes%2Fapp.activity", {
      init: { headers: { "X-Admin-Locale": "fr", "Accept-Language": "en-US" } },
    });
    const data = (await (await callRoute(activityLoader, request)).json()) as Record<string, unknown> & { dead: { when: string; updatedAt: string }[] };

    // THEN the page's words come from the root's messages (useT), and its dates are French
    expect(data).not.toHaveProperty("text");
    const { timezone } = await getShopSettings({ shop: SHOP });
    const updatedAt = new Date(data.dead[0]!.updatedAt);
    expect(data.dead[0]!.when).toBe(formatDateTime(updatedAt, "fr", timezone));
    expect(data.dead[0]!.when).not.toBe(formatDateTime(updatedAt, "en", timezone));
  });
});

// "Select all orders matching this filter" on the support queue (issue 11, phase 2): the bulk action runs as
// a background job (`bulk.support`) whose payload is the queue's filter, lists every matching case page by
// page, applies the action 100 orders at a time, records its progress for the queue's banner, and sends
// each delay email exactly once, even when run again. The 1,050 orders are seeded through the models (the
// intake of orders is not what is tested here), then driven through the real route and worker.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { latestBulkJob, SUPPORT_BULK_JOB_KIND, type BulkJobState } from "~/models/bulk-job.server";
import { inWriteTransaction } from "~/models/transaction.server";
import { action as queueAction, loader as queueLoader } from "~/routes/app.support._index";
import { runMatchingSupportJob } from "~/workflows/support/bulk-job.server";
import { refreshSupportCases } from "~/workflows/support/timeline.server";
import { TEST_SHOP, embeddedDocumentRequest, embeddedFetchRequest } from "../helpers/requests";
import { callRoute } from "../helpers/routes";
import { ledgerShop, runAllJobs, testWorker, type LedgerShop } from "./ledger-support";

const ORDERS = 1_050;
let env: LedgerShop;
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * ORDERS waiting orders of one teapot (batch from Atelier Limoges), each told day 20 while the ledger's
 * estimate is now day 40: every one is owed a delay notice. Plus 5 orders of a vase (Tissage du Nord), on
 * time, and another shop's delayed order.
 */
async function seed() {
  const teapot = await prisma.backorderVariant.create({
    data: { shop: TEST_SHOP, productId: "gid://shopify/Product/1", variantId: "gid://shopify/ProductVariant/1", productTitle: "Teapot", mode: "always", available: -ORDERS },
  });
  const vase = await prisma.backorderVariant.create({
    data: { shop: TEST_SHOP, productId: "gid://shopify/Product/2", variantId: "gid://shopify/ProductVariant/2", productTitle: "Vase", mode: "always", available: -5 },
  });
  await prisma.incomingBatch.createMany({
    data: [
      { shop: TEST_SHOP, backorderVariantId: teapot.id, quantity: ORDERS, expectedOn: day(35), supplier: "Atelier Limoges" },
      { shop: TEST_SHOP, backorderVariantId: vase.id, quantity: 5, expectedOn: day(5), supplier: "Tissage du Nord" },
    ],
  });
  const line = (i: number, variant: typeof teapot, late: boolean) => ({
    shop: TEST_SHOP,
    variantId: variant.variantId,
    orderId: `gid://shopify/Order/${100000 + i}`,
    orderName: `#${100000 + i}`,
    lineItemId: `gid://shopify/LineItem/${100000 + i}`,
    quantity: 1,
    customerEmail: `customer${i}@example.com`,
    customerLocale: i % 3 === 0 ? "fr" : "en",
    orderedAt: new Date(Date.now() - 30 * 86_400_000 + i * 1_000),
    promisedLatest: day(20),
    notifiedLatest: day(20),
    estimateEarliest: late ? day(35) : day(10),
    estimateLatest: late ? day(40) : day(15),
    productTitle: variant.productTitle,
    status: "waiting",
  });
  const lines = [...Array.from({ length: ORDERS }, (_, i) => line(i, teapot, true)), ...Array.from({ length: 5 }, (_, i) => line(ORDERS + i, vase, false))];
  for (let i = 0; i < lines.length; i += 500) await prisma.backorderLine.createMany({ data: lines.slice(i, i + 500) });
  await inWriteTransaction(TEST_SHOP, (tx) => refreshSupportCases(tx, TEST_SHOP, lines.map((l) => l.orderId)), { timeout: 60_000 });
  await prisma.supportCase.create({ data: { shop: "other-shop.myshopify.com", orderId: "gid://shopify/Order/1", orderName: "#1", orderedAt: new Date(), state: "delayed", daysLate: 20 } });
}

let snapshot: { lines: unknown[]; cases: unknown[]; terms: unknown[] };

beforeAll(async () => {
  env = await ledgerShop();
  await seed();
  // Seeding the orders once; each test starts from a copy of it.
  snapshot = {
    lines: await prisma.backorderLine.findMany(),
    cases: await prisma.supportCase.findMany(),
    terms: await prisma.supportCaseTerm.findMany(),
  };
}, 120_000);

beforeEach(async () => {
  await prisma.$transaction([
    prisma.job.deleteMany({}),
    prisma.emailOutbox.deleteMany({}),
    prisma.orderEvent.deleteMany({}),
    prisma.supportCase.deleteMany({}),
    prisma.backorderLine.deleteMany({}),
  ]);
  for (let i = 0; i < snapshot.lines.length; i += 500) {
    await prisma.backorderLine.createMany({ data: snapshot.lines.slice(i, i + 500) as never });
  }
  await prisma.supportCase.createMany({ data: snapshot.cases as never });
  for (let i = 0; i < snapshot.terms.length; i += 2_000) {
    await prisma.supportCaseTerm.createMany({ data: snapshot.terms.slice(i, i + 2_000) as never });
  }
}, 60_000);

function applyToMatching(fields: Record<string, string>) {
  return embeddedFetchRequest("/app/support?index", { init: { method: "POST", body: new URLSearchParams({ scope: "matching", ...fields }) } });
}

async function queuePage(query = "") {
  const response = await callRoute(queueLoader, await embeddedDocumentRequest(`/app/support${query}`));
  return (await response.json()) as { bulkJob: (BulkJobState & { outcome: { changed?: number } | null }) | null; queue: { rows: { orderId: string; assignee: string | null }[] } };
}

describe("a bulk action on every order matching the filter", () => {
  it(`sends the delay notice to all ${ORDERS} matching orders as a job, each email exactly once`, async () => {
    // GIVEN the Delayed view (the teapot's orders), all matching selected
    // WHEN support sends the delay notice to all of them, and the worker runs the job
    const response = await callRoute(queueAction, await applyToMatching({ intent: "notice", filter: "view=at_risk" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, message: "Bulk action started" });
    await runAllJobs(env.worker, env.clock);

    // THEN every teapot customer has one delay email, and nobody else has any
    const emails = await prisma.emailOutbox.findMany({ where: { kind: "delay_notice" }, select: { toEmail: true, dedupeKey: true, shop: true } });
    expect(emails).toHaveLength(ORDERS);
    expect(new Set(emails.map((e) => e.toEmail)).size).toBe(ORDERS);
    expect(emails.every((e) => e.shop === TEST_SHOP && e.dedupeKey.endsWith(`:delay:${day(40)}`))).toBe(true);
    // AND each order's timeline says so, by the person who asked
    expect(await prisma.orderEvent.count({ where: { kind: "delay_queued", actor: { startsWith: "staff" } } })).toBe(ORDERS);
    // AND the queue's banner shows the finished job and the emails it queued
    const page = await queuePage();
    expect(page.bulkJob).toMatchObject({ status: "succeeded", intent: "notice", outcome: { done: ORDERS, total: ORDERS, failed: 0, changed: ORDERS } });

    // WHEN the same action runs again over the same orders (a second job), and the job is replayed
    expect((await callRoute(queueAction, await applyToMatching({ intent: "notice", filter: "view=delayed" }))).status).toBe(200);
    await runAllJobs(env.worker, env.clock);
    const job = await prisma.job.findFirstOrThrow({ where: { kind: SUPPORT_BULK_JOB_KIND, status: "succeeded" }, orderBy: { createdAt: "desc" } });
    await runMatchingSupportJob({ ...fakeContext(job.id), shop: TEST_SHOP }, JSON.parse(job.payload));
    // THEN no customer gets a second email
    expect(await prisma.emailOutbox.count({ where: { kind: "delay_notice" } })).toBe(ORDERS);
    expect((await queuePage()).bulkJob?.outcome).toMatchObject({ total: ORDERS, changed: 0 });
  }, 120_000);

  it("assigns every order waiting on one supplier, and only those", async () => {
    // WHEN all orders waiting on Tissage du Nord are assigned to Chloé
    const response = await callRoute(queueAction, await applyToMatching({ intent: "assign", assignee: "Chloé", filter: "supplier=Tissage+du+Nord" }));
    expect(response.status).toBe(200);
    await runAllJobs(env.worker, env.clock);
    // THEN those 5, and only those, are Chloé's, each change on its timeline
    const assigned = await prisma.supportCase.findMany({ where: { assignee: "Chloé" }, select: { orderId: true } });
    expect(assigned).toHaveLength(5);
    expect(await prisma.orderEvent.count({ where: { kind: "assigned" } })).toBe(5);
    expect(await latestBulkJob({ shop: TEST_SHOP, kind: SUPPORT_BULK_JOB_KIND })).toMatchObject({ status: "succeeded", intent: "assign", outcome: { total: 5, changed: 5 } });
    // AND the job's payload is the filter and the action, never a list of orders
    const job = await prisma.job.findFirstOrThrow({ where: { kind: SUPPORT_BULK_JOB_KIND } });
    expect(JSON.parse(job.payload)).toMatchObject({ filter: { supplier: "Tissage du Nord", view: "all" }, change: { intent: "assign", assignee: "Chloé" }, actor: expect.stringMatching(/^staff:/) });
    expect(job.payload).not.toContain("gid://shopify/Order/");
  });

  it("shows the running job's progress on the queue, pages through all matching orders, and resolves them", async () => {
    // GIVEN a job resolving every open order, recorded part-way by a worker that stops after its counting phase
    const progress: BulkJobState[] = [];
    const worker = testWorker(env.clock, {
      handlers: {
        "bulk.support": (payload, ctx) =>
          runMatchingSupportJob(
            {
              ...ctx,
              now: () => {
                void latestBulkJob({ shop: TEST_SHOP, kind: SUPPORT_BULK_JOB_KIND }).then((s) => s && progress.push(s));
                return ctx.now();
              },
            },
            payload,
          ),
      },
    });
    expect((await callRoute(queueAction, await applyToMatching({ intent: "resolve", filter: "" }))).status).toBe(200);
    // WHEN the queue is opened before the worker runs
    const before = await queuePage();
    // THEN it shows the job waiting
    expect(before.bulkJob).toMatchObject({ status: "queued", intent: "resolve", progress: null });
    // WHEN the worker runs it
    await runAllJobs(worker, env.clock);
    // THEN every open order of the shop is resolved (all pages, not only the first 50), none of the other shop's
    expect(await prisma.supportCase.count({ where: { shop: TEST_SHOP, status: "resolved" } })).toBe(ORDERS + 5);
    expect(await prisma.supportCase.findFirstOrThrow({ where: { shop: "other-shop.myshopify.com" }, select: { status: true } })).toEqual({ status: "open" });
    expect((await queuePage()).queue.rows).toEqual([]);
    // AND while it ran, its progress was on the job: applying, part done, out of the full total
    const partway = progress.filter((p) => p.status === "running" && p.progress?.phase === "applying" && p.progress.done > 0 && p.progress.done < p.progress.total);
    expect(partway.length).toBeGreaterThan(0);
    expect(partway.every((p) => p.progress?.total === ORDERS + 5)).toBe(true);
  }, 60_000);

  it("refuses a second bulk action while one is queued, and an unknown action, queueing nothing", async () => {
    expect((await callRoute(queueAction, await applyToMatching({ intent: "resolve", filter: "" }))).status).toBe(200);
    const busy = await callRoute(queueAction, await applyToMatching({ intent: "notice", filter: "" }));
    expect(busy.status).toBe(409);
    expect(((await busy.json()) as { message: string }).message).toMatch(/already running/);
    const unknown = await callRoute(queueAction, await applyToMatching({ intent: "explode", filter: "" }));
    expect(unknown.status).toBe(400);
    const tooLong = await callRoute(queueAction, await applyToMatching({ intent: "assign", assignee: "x".repeat(101), filter: "" }));
    expect(tooLong.status).toBe(400);
    expect(await prisma.job.count({ where: { kind: SUPPORT_BULK_JOB_KIND } })).toBe(1);
  });
});

/** What a handler needs of its context when called directly (a replay of a finished job). */
function fakeContext(jobId: string) {
  return {
    job: { id: jobId, shop: TEST_SHOP, kind: SUPPORT_BULK_JOB_KIND, payload: "{}", attempts: 1, maxAttempts: 3 },
    workerId: "replay",
    runtime: { now: () => new Date() },
    now: () => new Date(),
    admin: () => Promise.reject(new Error("no Admin API in a support job")),
    adminGraphql: () => Promise.reject(new Error("no Admin API in a support job")),
    log: () => {},
    reportFailure: () => {},
  } as unknown as Parameters<typeof runMatchingSupportJob>[0];
}

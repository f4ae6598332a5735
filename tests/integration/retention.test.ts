// Retention: the worker's scheduler queues one `shop.retention` job per shop and day; it deletes what is
// past its documented period (succeeded jobs 14 days, dead jobs 30, webhook events 30, sent and dead
// emails 90, data request exports 90) and nothing else, and only the shop's own rows.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { TEST_SHOP } from "../helpers/requests";
import { ledgerShop, testWorker, type LedgerShop } from "./ledger-support";

const DAY = 24 * 60 * 60_000;
const OTHER = "other-shop.myshopify.com";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
  await prisma.dataRequest.deleteMany({});
  await prisma.shop.deleteMany({});
});

const daysAgo = (days: number) => new Date(env.clock.now() - days * DAY);

async function seed(shop: string) {
  const job = (label: string, status: string, days: number) =>
    prisma.job.create({ data: { shop, kind: "order.sync", status, uniqueKey: `${label}`, finishedAt: daysAgo(days), createdAt: daysAgo(days) } });
  await job("succeeded-20d", "succeeded", 20);
  await job("succeeded-2d", "succeeded", 2);
  await job("dead-40d", "dead", 40);
  await job("dead-10d", "dead", 10);
  const email = (label: string, status: string, days: number) =>
    prisma.emailOutbox.create({
      data: {
        shop,
        dedupeKey: label,
        kind: "delay_notice",
        toEmail: "ana@example.com",
        subject: "Ana, your order",
        html: "<p>Ana</p>",
        text: "Ana",
        status,
        createdAt: daysAgo(days),
        ...(status === "sent" ? { sentAt: daysAgo(days) } : {}),
      },
    });
  await email("sent-100d", "sent", 100);
  await email("sent-10d", "sent", 10);
  await email("dead-100d", "dead", 100);
  await email("pending-100d", "pending", 100);
  await prisma.dataRequest.create({ data: { shop, requestId: "old", export: "{}", createdAt: daysAgo(100) } });
  await prisma.dataRequest.create({ data: { shop, requestId: "new", export: "{}", createdAt: daysAgo(10) } });
  await prisma.webhookEvent.create({ data: { shop, eventId: "old", topic: "orders/create", receivedAt: daysAgo(40) } });
  await prisma.webhookEvent.create({ data: { shop, eventId: "new", topic: "orders/create", receivedAt: daysAgo(1) } });
}

async function left(shop: string) {
  return {
    jobs: (await prisma.job.findMany({ where: { shop, kind: "order.sync" }, select: { uniqueKey: true }, orderBy: { uniqueKey: "asc" } })).map((j) => j.uniqueKey),
    emails: (await prisma.emailOutbox.findMany({ where: { shop }, select: { dedupeKey: true }, orderBy: { dedupeKey: "asc" } })).map((e) => e.dedupeKey),
    dataRequests: (await prisma.dataRequest.findMany({ where: { shop }, select: { requestId: true }, orderBy: { requestId: "asc" } })).map((d) => d.requestId),
    events: (await prisma.webhookEvent.findMany({ where: { shop }, select: { eventId: true }, orderBy: { eventId: "asc" } })).map((e) => e.eventId),
  };
}

describe("retention", () => {
  it("a scheduled daily job deletes the shop's rows past their period and keeps the rest", async () => {
    // GIVEN old and recent jobs, emails, data requests and webhook events of the installed shop
    await seed(TEST_SHOP);
    // AND a worker that runs its scheduler (as in production)
    const worker = testWorker(env.clock, { schedule: true });

    // WHEN it runs
    await worker.drain();

    // THEN one retention job ran for the shop and only rows past their period are gone; pending emails stay
    const retention = await prisma.job.findMany({ where: { shop: TEST_SHOP, kind: "shop.retention" }, select: { status: true } });
    expect(retention).toEqual([{ status: "succeeded" }]);
    expect(await left(TEST_SHOP)).toEqual({
      jobs: ["dead-10d", "succeeded-2d"],
      emails: ["pending-100d", "sent-10d"],
      dataRequests: ["new"],
      events: ["new"],
    });
  });

  it("queues one job per shop and day, for uninstalled shops too, and touches no other shop's rows", async () => {
    // GIVEN an uninstalled shop (kept until shop/redact) with old rows, and this shop with old rows
    await prisma.shop.create({ data: { shop: OTHER, uninstalledAt: daysAgo(1) } });
    await seed(OTHER);
    await seed(TEST_SHOP);
    const worker = testWorker(env.clock, { schedule: true });

    // WHEN the worker runs twice the same day (a restart)
    await worker.drain();
    await testWorker(env.clock, { schedule: true }).drain();

    // THEN each shop had exactly one retention job, and each lost only its own old rows
    const jobs = await prisma.job.groupBy({ by: ["shop"], where: { kind: "shop.retention" }, _count: true, orderBy: { shop: "asc" } });
    expect(jobs.map((j) => [j.shop, j._count])).toEqual([
      [OTHER, 1],
      [TEST_SHOP, 1],
    ]);
    expect((await left(OTHER)).dataRequests).toEqual(["new"]);
    expect((await left(TEST_SHOP)).dataRequests).toEqual(["new"]);
  });
});

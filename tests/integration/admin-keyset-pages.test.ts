// The lists that grow without bound page on the server with a keyset cursor in the URL, like the outbox
// (issue 17): Privacy requests (50 a page, newest first), Activity's three tables (each its own cursor:
// failed jobs 50, recent jobs 25, webhooks 25, newest first) and a notify-me waitlist (50 a page, oldest
// signup first). A cursor the app did not make is a 400, never a guess; the strict parser is tested here too.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { loader as activityLoader } from "~/routes/app.activity";
import { loader as privacyLoader } from "~/routes/app.privacy._index";
import { loader as waitlistLoader } from "~/routes/app.products.$id_.waitlist";
import { encodeCursor, parseCursor } from "~/validation/cursor";
import { seedDemoShop, type DemoShop } from "../../dev/admin-fake";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, embeddedDocumentRequest } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";

let demo: DemoShop;

beforeEach(async () => {
  await prisma.$transaction([
    prisma.dataRequest.deleteMany({}),
    prisma.job.deleteMany({}),
    prisma.webhookEvent.deleteMany({}),
    prisma.notifySubscription.deleteMany({}),
  ]);
  const fake = await installFakeShop();
  demo = seedDemoShop(fake.store);
});

const START = Date.parse("2026-11-01T00:00:00Z");
const minute = (i: number) => new Date(START + i * 60_000);
/** Same-minute pairs: rows 2k and 2k+1 share a date, so the id tie-break is exercised. */
const pairedMinute = (i: number) => minute(Math.floor(i / 2));
const FORGED = ["bm90LWEtY3Vyc29y", "next:bm90LWEtY3Vyc29y", `next:${Buffer.from('["2026-13-01T00:00:00.000Z","x"]').toString("base64url")}`, "later:abc"];

type PageInfo = { hasNextPage: boolean; hasPreviousPage: boolean; next: string; previous: string };

async function open(loader: Parameters<typeof callRoute>[0], path: string, params: Record<string, string> = {}) {
  const response = await callRoute(loader, await embeddedDocumentRequest(path), params);
  return { status: response.status, statusText: response.statusText, body: response.status === 200 ? await response.json() : null };
}

describe("Privacy requests", () => {
  beforeEach(async () => {
    // 120 data requests, two a minute; and one of another shop
    await prisma.dataRequest.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({ shop: TEST_SHOP, requestId: `r${i}`, customerEmail: `c${i}@example.com`, export: "{}", createdAt: pairedMinute(i) })),
    });
    await prisma.dataRequest.create({ data: { shop: "other-shop.myshopify.com", requestId: "theirs", export: "{}", createdAt: minute(500) } });
  });

  it("pages 120 requests 50 at a time, newest first, with the cursor in the URL, and back", async () => {
    // GIVEN the shop's 120 requests in the order the page lists them
    const newestFirst = (await prisma.dataRequest.findMany({ where: { shop: TEST_SHOP }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] })).map((r) => r.requestId);

    // WHEN the merchant opens Privacy requests, goes to page 2, page 3, then back from page 2
    const first = (await open(privacyLoader, "/app/privacy")).body;
    const second = (await open(privacyLoader, `/app/privacy?cursor=${encodeURIComponent(first.pageInfo.next)}`)).body;
    const third = (await open(privacyLoader, `/app/privacy?cursor=${encodeURIComponent(second.pageInfo.next)}`)).body;
    const back = (await open(privacyLoader, `/app/privacy?cursor=${encodeURIComponent(second.pageInfo.previous)}`)).body;

    // THEN the pages hold 50, 50 and 20 of this shop's requests, each once, newest first; back is page 1
    const ids = (page: { requests: { requestId: string }[] }) => page.requests.map((r) => r.requestId);
    expect(ids(first)).toEqual(newestFirst.slice(0, 50));
    expect(ids(second)).toEqual(newestFirst.slice(50, 100));
    expect(ids(third)).toEqual(newestFirst.slice(100));
    expect(ids(first)[0]).not.toBe("theirs");
    expect([first.pageInfo.hasPreviousPage, first.pageInfo.hasNextPage]).toEqual([false, true]);
    expect([second.pageInfo.hasPreviousPage, second.pageInfo.hasNextPage]).toEqual([true, true]);
    expect([third.pageInfo.hasPreviousPage, third.pageInfo.hasNextPage]).toEqual([true, false]);
    expect(ids(back)).toEqual(ids(first));
    expect(back.pageInfo.hasPreviousPage).toBe(false);
  });

  it("answers 400 to a cursor it did not make", async () => {
    // GIVEN forged cursors (not base64 JSON, an impossible date, an unknown direction)
    // WHEN the page is asked for with each
    const responses = await Promise.all(FORGED.map((cursor) => open(privacyLoader, `/app/privacy?cursor=${encodeURIComponent(cursor)}`)));

    // THEN each is a bad request the admin's error page recognizes
    expect(responses.map((r) => r.status)).toEqual(FORGED.map(() => 400));
    expect(responses.map((r) => r.statusText)).toEqual(FORGED.map(() => "Bad page cursor"));
  });
});

describe("Activity", () => {
  beforeEach(async () => {
    // 130 jobs (every second one dead, 65 in all) changed two a minute, and 60 webhooks two a minute
    await prisma.job.createMany({
      data: Array.from({ length: 130 }, (_, i) => ({
        shop: TEST_SHOP,
        kind: "order.sync",
        payload: "{}",
        status: i % 2 ? "dead" : "succeeded",
        lastError: i % 2 ? `boom ${i}` : null,
        runAt: pairedMinute(i),
        createdAt: pairedMinute(i),
        updatedAt: pairedMinute(i),
      })),
    });
    await prisma.webhookEvent.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({ shop: TEST_SHOP, eventId: `e${i}`, topic: "ORDERS_CREATE", receivedAt: pairedMinute(i) })),
    });
  });

  it("pages each table on its own cursor, and every failed job is reachable", async () => {
    // GIVEN the shop's jobs, dead jobs and webhooks newest first
    const order = [{ updatedAt: "desc" as const }, { id: "desc" as const }];
    const jobs = (await prisma.job.findMany({ where: { shop: TEST_SHOP }, orderBy: order })).map((j) => j.id);
    const dead = (await prisma.job.findMany({ where: { shop: TEST_SHOP, status: "dead" }, orderBy: order })).map((j) => j.id);
    const events = (await prisma.webhookEvent.findMany({ where: { shop: TEST_SHOP }, orderBy: [{ receivedAt: "desc" }, { id: "desc" }] })).map((e) => e.eventId);

    // WHEN the merchant opens Activity, then the next page of failed jobs, then (keeping it) the next page
    // of recent jobs, then the next page of webhooks
    const first = (await open(activityLoader, "/app/activity")).body;
    const deadCursor = `deadCursor=${encodeURIComponent(first.pages.dead.next)}`;
    const deadPage2 = (await open(activityLoader, `/app/activity?${deadCursor}`)).body;
    const jobsPage2 = (await open(activityLoader, `/app/activity?${deadCursor}&jobsCursor=${encodeURIComponent(first.pages.recent.next)}`)).body;
    const eventsPage2 = (await open(activityLoader, `/app/activity?eventsCursor=${encodeURIComponent(first.pages.events.next)}`)).body;

    // THEN page 1 shows 50 failed jobs, 25 jobs and 25 webhooks; the failed jobs' page 2 the last 15 (all
    // 65 reachable, the counts say 65) while the other tables stay on page 1; each table moves alone
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    expect(first.counts.dead).toBe(65);
    expect(ids(first.dead)).toEqual(dead.slice(0, 50));
    expect(ids(first.recent)).toEqual(jobs.slice(0, 25));
    expect(first.events.map((e: { eventId: string }) => e.eventId)).toEqual(events.slice(0, 25));
    expect(ids(deadPage2.dead)).toEqual(dead.slice(50));
    expect(ids(deadPage2.recent)).toEqual(jobs.slice(0, 25));
    expect((deadPage2.pages.dead as PageInfo).hasNextPage).toBe(false);
    expect(ids(jobsPage2.dead)).toEqual(dead.slice(50));
    expect(ids(jobsPage2.recent)).toEqual(jobs.slice(25, 50));
    expect((jobsPage2.pages.recent as PageInfo).hasPreviousPage).toBe(true);
    expect(eventsPage2.events.map((e: { eventId: string }) => e.eventId)).toEqual(events.slice(25, 50));
    expect(ids(eventsPage2.dead)).toEqual(dead.slice(0, 50));
  });

  it("answers 400 to a forged cursor in any table's parameter", async () => {
    // GIVEN a forged cursor
    // WHEN it is put in each table's parameter
    const responses = await Promise.all(["deadCursor", "jobsCursor", "eventsCursor"].map((param) => open(activityLoader, `/app/activity?${param}=${FORGED[1]}`)));

    // THEN each is a bad request
    expect(responses.map((r) => r.status)).toEqual([400, 400, 400]);
  });
});

describe("a notify-me waitlist", () => {
  const butter = () => {
    const variant = demo.variants["MA-BTD"]!;
    const number = (gid: string) => gid.split("/").pop()!;
    return { variant, productNumber: number(variant.productId), path: `/app/products/${number(variant.productId)}/waitlist?variant=${number(variant.id)}` };
  };

  beforeEach(async () => {
    // 110 signups for the Butter Dish, two a minute, every tenth already notified
    const { variant } = butter();
    await prisma.notifySubscription.createMany({
      data: Array.from({ length: 110 }, (_, i) => ({
        shop: TEST_SHOP,
        variantId: variant.id,
        email: `s${i}@example.com`,
        status: i % 10 === 0 ? "notified" : "active",
        unsubscribeToken: `t${i}`,
        createdAt: pairedMinute(i),
      })),
    });
  });

  it("pages its signups 50 at a time, oldest first, with a cursor (also in All signups), and back", async () => {
    // GIVEN the waiting shoppers in first-come order
    const { variant, productNumber, path } = butter();
    const firstCome = [{ createdAt: "asc" as const }, { id: "asc" as const }];
    const waiting = (await prisma.notifySubscription.findMany({ where: { variantId: variant.id, status: "active" }, orderBy: firstCome })).map((s) => s.email);
    const signups = (await prisma.notifySubscription.findMany({ where: { variantId: variant.id }, orderBy: firstCome })).map((s) => s.email);

    // WHEN the merchant opens the waitlist, goes to page 2, then back; and page 2 of All signups
    const first = (await open(waitlistLoader, path, { id: productNumber })).body;
    const second = (await open(waitlistLoader, `${path}&cursor=${encodeURIComponent(first.pageInfo.next)}`, { id: productNumber })).body;
    const back = (await open(waitlistLoader, `${path}&cursor=${encodeURIComponent(second.pageInfo.previous)}`, { id: productNumber })).body;
    const all = (await open(waitlistLoader, `${path}&view=all`, { id: productNumber })).body;
    const all2 = (await open(waitlistLoader, `${path}&view=all&cursor=${encodeURIComponent(all.pageInfo.next)}`, { id: productNumber })).body;

    // THEN 99 waiting shoppers come 50 then 49, in first-come order, with their count; All signups adds the
    // notified ones (110: 50 then 50)
    const emails = (page: { entries: { email: string }[] }) => page.entries.map((e) => e.email);
    expect(first.active).toBe(99);
    expect(emails(first)).toEqual(waiting.slice(0, 50));
    expect(emails(second)).toEqual(waiting.slice(50));
    expect([second.pageInfo.hasPreviousPage, second.pageInfo.hasNextPage]).toEqual([true, false]);
    expect(emails(back)).toEqual(emails(first));
    expect(all.total).toBe(110);
    expect(emails(all2)).toEqual(signups.slice(50, 100));
    expect((all2.pageInfo as PageInfo).hasNextPage).toBe(true);
  });

  it("answers 400 to a forged cursor", async () => {
    // GIVEN the waitlist's page, WHEN asked with a forged cursor
    const { productNumber, path } = butter();
    const response = await open(waitlistLoader, `${path}&cursor=${FORGED[0]}`, { id: productNumber });

    // THEN it is a bad request
    expect(response.status).toBe(400);
  });
});

describe("the cursor parser", () => {
  it("reads back the cursors the app writes and refuses anything else", () => {
    // GIVEN a cursor the app wrote
    const key = { at: new Date("2026-11-01T10:00:00.000Z"), id: "cm3abc123" };
    // WHEN it and altered ones are parsed
    // THEN only the app's reads back; no cursor is the first page
    expect(parseCursor(encodeCursor("previous", key))).toEqual({ ok: true, cursor: { direction: "previous", key } });
    expect(parseCursor(null)).toEqual({ ok: true, cursor: null });
    const encode = (value: unknown) => `next:${Buffer.from(JSON.stringify(value)).toString("base64url")}`;
    for (const forged of [
      ...FORGED,
      encode(["2026-11-01", "x"]),
      encode(["2026-11-01T10:00:00.000Z"]),
      encode(["2026-11-01T10:00:00.000Z", 5]),
      encode(["2026-11-01T10:00:00.000Z", "a b"]),
      encode({ at: "2026-11-01T10:00:00.000Z", id: "x" }),
    ]) {
      expect(parseCursor(forged), forged).toEqual({ ok: false });
    }
  });
});

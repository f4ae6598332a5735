// Admin lists at a large merchant's scale (issue 17): every list is a page read on the server. The product
// page's waiting queue comes 50 lines at a time with positions and dates computed over the whole queue,
// the At risk tab reads the state the ledger stores, and the outbox pages with a keyset cursor.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createWorker } from "~/jobs/worker.server";
import { action as productAction, loader as productLoader } from "~/routes/app.products.$id";
import { loader as queueLoader } from "~/routes/app.products.$id_.queue";
import { action as productsAction, loader as productsLoader } from "~/routes/app.products._index";
import { loader as notificationsLoader } from "~/routes/app.notifications._index";
import { computeVariantEtas } from "~/workflows/catalog/eta.server";
import { seedDemoShop, type DemoShop } from "../../dev/admin-fake";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, embeddedDocumentRequest, embeddedFetchRequest } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";

let fake: Awaited<ReturnType<typeof installFakeShop>>;
let demo: DemoShop;

beforeEach(async () => {
  await prisma.job.deleteMany({});
  await prisma.emailOutbox.deleteMany({});
  await prisma.backorderLine.deleteMany({});
  await prisma.backorderVariant.deleteMany({});
  fake = await installFakeShop();
  demo = seedDemoShop(fake.store);
});

const number = (gid: string) => gid.split("/").pop()!;
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The Butter Dish on backorder with `lines` waiting orders of one unit, promised `promisedInDays` from now. */
async function butterDishWithQueue(lines: number, { leadTimeDays = 14, promisedInDays = 60 } = {}) {
  const variant = demo.variants["MA-BTD"]!;
  fake.store.setAvailable(variant.id, -lines);
  await prisma.backorderVariant.create({
    data: { shop: TEST_SHOP, productId: variant.productId, variantId: variant.id, mode: "always", leadTimeDays, available: -lines },
  });
  const start = Date.parse("2026-10-01T08:00:00Z");
  await prisma.backorderLine.createMany({
    data: Array.from({ length: lines }, (_, i) => ({
      shop: TEST_SHOP,
      variantId: variant.id,
      orderId: `gid://shopify/Order/${5000 + i}`,
      orderName: `#${5000 + i}`,
      lineItemId: `gid://shopify/LineItem/${5000 + i}`,
      quantity: 1,
      // Two orders share each minute, so the queue order's tie-break (order id) is exercised too.
      orderedAt: new Date(start + Math.floor(i / 2) * 60_000),
      promisedLatest: isoDay(Date.now() + promisedInDays * DAY),
    })),
  });
  return { variant, productNumber: number(variant.productId), variantNumber: number(variant.id) };
}

type QueueLine = { id: string; position: number; orderName: string; eta: { earliest: string; latest: string } | null };

describe("the product page's waiting queue", () => {
  it("sends the first 50 of 250 lines, and Load more the next 50 with positions and dates over the whole queue", async () => {
    // GIVEN a variant with 250 waiting orders
    const { variant, productNumber, variantNumber } = await butterDishWithQueue(250);

    // WHEN the merchant opens its page, then loads the next page with the cursor it gave
    const page = await callRoute(productLoader, await embeddedDocumentRequest(`/app/products/${productNumber}?variant=${variantNumber}`), { id: productNumber });
    const { editor } = await page.json();
    const more = await callRoute(
      queueLoader,
      await embeddedFetchRequest(`/app/products/${productNumber}/queue?variant=${variantNumber}&cursor=${encodeURIComponent(editor.queuePage.next)}`),
      { id: productNumber },
    );
    const second = await more.json();

    // THEN each page holds 50 lines (never the whole queue), numbered 1–50 then 51–100, in queue order,
    // each with the date the engine computes for it over all 250 lines
    expect(editor.queue).toHaveLength(50);
    expect(editor.queuePage.total).toBe(250);
    expect(more.status).toBe(200);
    expect(second.lines).toHaveLength(50);
    expect(second.total).toBe(250);
    expect(editor.queue.map((l: QueueLine) => l.position)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(second.lines.map((l: QueueLine) => l.position)).toEqual(Array.from({ length: 50 }, (_, i) => i + 51));
    const [whole] = await computeVariantEtas({ shop: TEST_SHOP, variantIds: [variant.id], now: new Date() });
    const expected = whole!.eta.lines.slice(50, 100);
    expect(second.lines.map((l: QueueLine) => l.id)).toEqual(expected.map((l) => l.lineId));
    expect(second.lines.map((l: QueueLine) => l.eta)).toEqual(expected.map((l) => ({ earliest: l.eta.earliest, latest: l.eta.latest })));
    expect(second.lines[0].orderName).toBe("#5050");
  });

  it("ends with a last page that has no cursor", async () => {
    // GIVEN a queue of 120 lines and the cursors of its first two pages
    const { productNumber, variantNumber } = await butterDishWithQueue(120);
    let cursor: string | null = null;
    const sizes: number[] = [];
    const positions: number[] = [];

    // WHEN the merchant loads pages until there is no next one
    do {
      const path: string = cursor
        ? `/app/products/${productNumber}/queue?variant=${variantNumber}&cursor=${encodeURIComponent(cursor)}`
        : `/app/products/${productNumber}/queue?variant=${variantNumber}`;
      const body: { lines: QueueLine[]; next: string | null } = await (await callRoute(queueLoader, await embeddedFetchRequest(path), { id: productNumber })).json();
      sizes.push(body.lines.length);
      positions.push(...body.lines.map((l) => l.position));
      cursor = body.next;
    } while (cursor);

    // THEN three pages list every line once, in order
    expect(sizes).toEqual([50, 50, 20]);
    expect(positions).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
  });

  it("refuses a cursor that is not one of its own, and a variant of another product", async () => {
    // GIVEN a variant with a queue, and another product of the shop
    const { productNumber, variantNumber } = await butterDishWithQueue(3);
    const otherProduct = Object.values(demo.variants).find((v) => number(v.productId) !== productNumber)!;

    // WHEN Load more is asked with a forged cursor, and for the variant under the other product
    const forged = await callRoute(queueLoader, await embeddedFetchRequest(`/app/products/${productNumber}/queue?variant=${variantNumber}&cursor=bm90LWEtY3Vyc29y`), {
      id: productNumber,
    });
    const elsewhere = await callRoute(queueLoader, await embeddedFetchRequest(`/app/products/${number(otherProduct.productId)}/queue?variant=${variantNumber}`), {
      id: number(otherProduct.productId),
    });

    // THEN the first is a bad request, the second not found
    expect(forged.status).toBe(400);
    expect(elsewhere.status).toBe(404);
  });
});

describe("the At risk tab", () => {
  async function atRiskVariantIds(): Promise<string[]> {
    const response = await callRoute(productsLoader, await embeddedDocumentRequest("/app/products?tab=at_risk"));
    return (await response.json()).listing.rows.map((r: { variantId: string }) => r.variantId);
  }

  it("lists a variant once an event makes its estimates later than promised, from the stored state", async () => {
    // GIVEN a variant whose 5 waiting orders are promised in 60 days and served by a 14-day lead time
    const { variant, productNumber } = await butterDishWithQueue(5, { leadTimeDays: 14, promisedInDays: 60 });

    // WHEN the merchant opens At risk (rows from before the state was stored are derived on this first visit)
    const before = await atRiskVariantIds();

    // THEN it is not listed, and its state is stored as not at risk
    expect(before).toEqual([]);
    expect(await prisma.backorderVariant.findFirstOrThrow({ where: { variantId: variant.id }, select: { atRisk: true, derivedAt: true } })).toMatchObject({
      atRisk: false,
      derivedAt: expect.any(Date),
    });

    // WHEN the lead time becomes 200 days (the save queues the recompute the worker runs)
    const save = await callRoute(
      productAction,
      await embeddedFetchRequest(`/app/products/${productNumber}`, {
        init: {
          method: "POST",
          body: new URLSearchParams({
            intent: "save-variant",
            variantId: variant.id,
            mode: "always",
            leadTimeDays: "200",
            cap: "",
            capacityPerWeek: "",
            startsOn: "",
            endsOn: "",
            messageEn: "",
            messageFr: "",
          }),
        },
      }),
      { id: productNumber },
    );
    expect(save.status).toBe(200);
    await createWorker({ schedule: false, deliverEmails: false, log: () => {} }).drain();

    // THEN the stored state says at risk and the tab lists the variant, flagged
    expect((await prisma.backorderVariant.findFirstOrThrow({ where: { variantId: variant.id }, select: { atRisk: true } })).atRisk).toBe(true);
    expect(await atRiskVariantIds()).toEqual([variant.id]);
  });
});

describe("the At risk tab after a bulk change", () => {
  it("lists a variant as soon as a bulk lead-time change makes it late, with no job run", async () => {
    // GIVEN a variant whose waiting orders are on time, its state already derived by a first visit
    const { variant } = await butterDishWithQueue(4, { leadTimeDays: 14, promisedInDays: 60 });
    const atRisk = async () =>
      (await (await callRoute(productsLoader, await embeddedDocumentRequest("/app/products?tab=at_risk"))).json()).listing.rows.map(
        (r: { variantId: string }) => r.variantId,
      );
    expect(await atRisk()).toEqual([]);

    // WHEN the merchant sets a 200-day lead time on it from the Products list
    const body = new URLSearchParams({ intent: "lead-time", variantIds: JSON.stringify([variant.id]), leadTimeDays: "200" });
    const response = await callRoute(productsAction, await embeddedFetchRequest("/app/products?index", { init: { method: "POST", body } }));

    // THEN At risk lists it at once
    expect(response.status).toBe(200);
    expect(await atRisk()).toEqual([variant.id]);
  });
});

describe("the outbox", () => {
  it("pages 120 emails 50 at a time, newest first, with the cursor in the URL", async () => {
    // GIVEN 120 emails, one a minute
    const start = Date.parse("2026-11-01T00:00:00Z");
    await prisma.emailOutbox.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        shop: TEST_SHOP,
        dedupeKey: `k${i}`,
        kind: "backorder_confirmation",
        toEmail: `c${i}@example.com`,
        subject: `Email ${i}`,
        html: "<p>x</p>",
        text: "x",
        status: "sent",
        createdAt: new Date(start + i * 60_000),
      })),
    });
    const open = async (query = "") => (await (await callRoute(notificationsLoader, await embeddedDocumentRequest(`/app/notifications${query}`))).json()).outbox;

    // WHEN the merchant opens Notifications, goes to the next page, the one after, then back
    const first = await open();
    const second = await open(`?cursor=${encodeURIComponent(first.pageInfo.next)}`);
    const third = await open(`?cursor=${encodeURIComponent(second.pageInfo.next)}`);
    const back = await open(`?cursor=${encodeURIComponent(second.pageInfo.previous)}`);

    // THEN pages hold emails 119–70, 69–20 and 19–0; the last has no next page; back is the first page
    const subjects = (outbox: { emails: { subject: string }[] }) => outbox.emails.map((e) => e.subject);
    expect(subjects(first)).toEqual(Array.from({ length: 50 }, (_, i) => `Email ${119 - i}`));
    expect(subjects(second)).toEqual(Array.from({ length: 50 }, (_, i) => `Email ${69 - i}`));
    expect(subjects(third)).toEqual(Array.from({ length: 20 }, (_, i) => `Email ${19 - i}`));
    expect([first.pageInfo.hasPreviousPage, first.pageInfo.hasNextPage]).toEqual([false, true]);
    expect([second.pageInfo.hasPreviousPage, second.pageInfo.hasNextPage]).toEqual([true, true]);
    expect([third.pageInfo.hasPreviousPage, third.pageInfo.hasNextPage]).toEqual([true, false]);
    expect(subjects(back)).toEqual(subjects(first));
    expect(back.pageInfo.hasPreviousPage).toBe(false);
  });
});

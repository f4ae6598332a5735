// "Select all N matching" on the products list: the change runs as a background job whose payload is the
// list's filter (never ids from the browser), walks every matching variant page by page, syncs them to
// Shopify, and records its progress; one such job per shop at a time.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action, loader } from "~/routes/app.products._index";
import { latestBulkJob, type BulkJobState } from "~/models/bulk-job.server";
import { runMatchingBulkJob } from "~/workflows/catalog/bulk-actions.server";
import type { AdminClient } from "~/shopify/admin-client.server";
import { seedDemoShop, type DemoShop } from "../../dev/admin-fake";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, embeddedDocumentRequest, embeddedFetchRequest } from "../helpers/requests";
import { ledgerShop, runAllJobs, testWorker, type LedgerShop } from "./ledger-support";

let shop: LedgerShop;
let demo: DemoShop;

beforeEach(async () => {
  shop = await ledgerShop();
  demo = seedDemoShop(shop.fake.store);
});

type Row = { variantId: string; productId: string; available: number; mode: string };

function applyToMatching(fields: Record<string, string>) {
  const body = new URLSearchParams({ scope: "matching", tab: "all", q: "", mode: "", ...fields });
  return embeddedFetchRequest("/app/products?index", { init: { method: "POST", body } });
}

/** Every row the merchant can page through for `query` (the list's own pages, cursor after cursor). */
async function everyListedRow(query: string): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const path: string = `/app/products?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const { listing }: { listing: { rows: Row[]; pageInfo: { hasNextPage: boolean; next: string | null } } } = await (
      await callRoute(loader, await embeddedDocumentRequest(path))
    ).json();
    rows.push(...listing.rows);
    if (!listing.pageInfo.hasNextPage) break;
    cursor = listing.pageInfo.next;
  }
  return rows;
}

describe("bulk change of every matching variant", () => {
  it("enables backorder on every sold-out variant of the shop, in the app and on Shopify", async () => {
    // GIVEN the Sold out view
    const soldOut = await everyListedRow("tab=sold_out");
    expect(soldOut.length).toBeGreaterThan(1);

    // WHEN the merchant selects all matching and enables backorder, and the worker runs the job
    const response = await callRoute(action, await applyToMatching({ tab: "sold_out", intent: "enable" }));
    expect(response.status).toBe(200);
    await runAllJobs(shop.worker, shop.clock);

    // THEN every sold-out variant is on backorder in the app and sells on backorder in Shopify
    const modes = await prisma.backorderVariant.findMany({ where: { shop: TEST_SHOP, variantId: { in: soldOut.map((r) => r.variantId) } }, select: { mode: true } });
    expect(modes.map((m) => m.mode)).toEqual(soldOut.map(() => "when_sold_out"));
    for (const row of soldOut) expect(shop.fake.store.getVariant(row.variantId).inventoryPolicy).toBe("CONTINUE");
    // AND a variant with stock was left alone
    expect(await prisma.backorderVariant.count({ where: { shop: TEST_SHOP, mode: { not: "off" }, available: { gt: 0 } } })).toBe(0);
    // AND the job's outcome counts them all, none failed
    const job = await latestBulkJob({ shop: TEST_SHOP });
    expect(job).toMatchObject({ status: "succeeded", intent: "enable", outcome: { total: soldOut.length, done: soldOut.length, failed: 0 } });
  });

  it("walks every page of the catalogue and records its progress while it runs", async () => {
    // GIVEN the All view: more products than one page holds
    const everything = await everyListedRow("tab=all");
    expect(new Set(everything.map((r) => r.productId)).size).toBeGreaterThan(20);
    // AND a worker whose Shopify client notes the job's progress before each request it makes
    const snapshots: (BulkJobState | null)[] = [];
    const worker = testWorker(shop.clock, {
      handlers: {
        "bulk.variants": (payload, ctx) =>
          runMatchingBulkJob(
            {
              ...ctx,
              admin: async () => {
                const client = await ctx.admin();
                return new Proxy(client, {
                  get(target, property, receiver) {
                    if (property !== "request") return Reflect.get(target, property, receiver);
                    return async (...args: Parameters<AdminClient["request"]>) => {
                      snapshots.push(await latestBulkJob({ shop: TEST_SHOP }));
                      return target.request(...args);
                    };
                  },
                });
              },
            },
            payload,
          ),
      },
    });

    // WHEN the merchant sets a 12-day lead time on all matching variants and the job runs
    const response = await callRoute(action, await applyToMatching({ tab: "all", intent: "lead-time", leadTimeDays: "12" }));
    expect(response.status).toBe(200);
    await runAllJobs(worker, shop.clock);

    // THEN every listed variant, on every page, has the lead time
    const rows = await prisma.backorderVariant.findMany({ where: { shop: TEST_SHOP }, select: { variantId: true, leadTimeDays: true } });
    const byId = new Map(rows.map((r) => [r.variantId, r.leadTimeDays]));
    expect(everything.map((r) => byId.get(r.variantId))).toEqual(everything.map(() => 12));
    // AND while it ran, the job showed how far it had got: part done, out of the full total
    const partway = snapshots.filter((s) => s?.status === "running" && s.progress?.phase === "applying" && s.progress.done > 0);
    expect(partway.length).toBeGreaterThan(0);
    expect(partway.every((s) => s!.progress!.total === everything.length && s!.progress!.done < everything.length)).toBe(true);
    expect(await latestBulkJob({ shop: TEST_SHOP })).toMatchObject({ status: "succeeded", outcome: { total: everything.length, failed: 0 } });
  });

  it("keeps the filter and the change in the job, never a list of variant ids from the browser", async () => {
    // GIVEN a request that also carries variant ids
    const body = new URLSearchParams({ scope: "matching", tab: "backorderable", q: "mug", mode: "always", intent: "disable", variantIds: JSON.stringify([demo.variants["MA-BTD"]!.id]) });

    // WHEN it is posted
    const response = await callRoute(action, await embeddedFetchRequest("/app/products?index", { init: { method: "POST", body } }));

    // THEN the queued job holds the filter and the change only
    expect(response.status).toBe(200);
    const job = await prisma.job.findFirstOrThrow({ where: { shop: TEST_SHOP, kind: "bulk.variants" }, select: { payload: true } });
    expect(JSON.parse(job.payload)).toEqual({ filter: { tab: "backorderable", query: "mug", mode: "always" }, change: { intent: "disable" } });
  });

  it("refuses a second bulk job while one is queued, and accepts the next once it finished", async () => {
    // GIVEN a bulk job queued for the shop
    expect((await callRoute(action, await applyToMatching({ tab: "sold_out", intent: "enable" }))).status).toBe(200);

    // WHEN the merchant starts another one
    const second = await callRoute(action, await applyToMatching({ tab: "all", intent: "disable" }));

    // THEN it is refused with a message and no job is added
    expect(second.status).toBe(409);
    expect((await second.json()).errors.form).toMatch(/already running/);
    expect(await prisma.job.count({ where: { kind: "bulk.variants" } })).toBe(1);
    // AND once the first has finished, a new one is accepted
    await runAllJobs(shop.worker, shop.clock);
    expect((await callRoute(action, await applyToMatching({ tab: "sold_out", intent: "disable" }))).status).toBe(200);
    expect(await prisma.job.count({ where: { kind: "bulk.variants" } })).toBe(2);
  });

  it("refuses an invalid lead time beside the field and queues nothing", async () => {
    // GIVEN all matching selected
    // WHEN the merchant submits a lead time that is not a whole number of days
    const response = await callRoute(action, await applyToMatching({ intent: "lead-time", leadTimeDays: "1e2" }));

    // THEN 400 with the field's error, and no job
    expect(response.status).toBe(400);
    expect((await response.json()).errors.leadTimeDays).toMatch(/lead time/i);
    expect(await prisma.job.count({ where: { kind: "bulk.variants" } })).toBe(0);
  });

  it("shows the running job's progress on the page, then its outcome", async () => {
    // GIVEN a queued bulk job
    await callRoute(action, await applyToMatching({ tab: "sold_out", intent: "enable" }));
    const before = (await (await callRoute(loader, await embeddedDocumentRequest("/app/products"))).json()).bulkJob;

    // WHEN the worker runs it and the page reloads
    await runAllJobs(shop.worker, shop.clock);
    const after = (await (await callRoute(loader, await embeddedDocumentRequest("/app/products"))).json()).bulkJob;

    // THEN the page first shows it waiting, then finished with its counts
    expect(before).toMatchObject({ status: "queued", intent: "enable", progress: null });
    expect(after).toMatchObject({ status: "succeeded", outcome: { failed: 0 } });
    expect(after.outcome.total).toBeGreaterThan(0);
  });
});

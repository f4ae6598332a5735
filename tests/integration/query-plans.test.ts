// The admin lists stay indexed at a large merchant's scale (issue 17). A tenth of the benchmark's shop
// (dev/bench/admin-seed.ts: 100 variants, 10,000 waiting lines of which 1,000 on one variant, 5,000 outbox
// emails, 10,000 jobs, 10,000 webhook events, 1,000 notify-me signups on one variant and 200 data requests;
// and its support desk, dev/bench/support-seed.ts: 10,000 support cases, batches from eight suppliers;
// then ANALYZE so the planner has the statistics a
// long-running database has) is opened through the real admin loaders while every SQL statement Prisma
// prepares is recorded; each one is then explained with EXPLAIN QUERY PLAN. On a large table, a plan
// fails when it
//   - scans the table (`SCAN <table>`, with or without an index: every row or every index entry), or
//   - reads every row of the shop (`SEARCH <table> … (shop=?)` and nothing narrower) to sort them for a
//     page (`USE TEMP B-TREE FOR ORDER BY`, or `… FOR RIGHT PART OF ORDER BY` when the index gives the date
//     order but not the id tie-break: every keyset list has a (shop, …, date, id) index, so none sorts).
// Counting a shop's rows through a covering index (the outbox and job counts by status) is allowed.
// The last test drops an index inside a rolled-back transaction and shows the same check then fails.
import { createRequire } from "node:module";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import prisma, { DATABASE_PROVIDER } from "~/db.server";
import { rolledWaitHours } from "~/models/insights-rollups.server";
import { loader as homeLoader } from "~/routes/app._index";
import { loader as productsLoader } from "~/routes/app.products._index";
import { loader as productLoader } from "~/routes/app.products.$id";
import { loader as queueLoader } from "~/routes/app.products.$id_.queue";
import { loader as notificationsLoader } from "~/routes/app.notifications._index";
import { loader as activityLoader } from "~/routes/app.activity";
import { loader as privacyLoader } from "~/routes/app.privacy._index";
import { loader as waitlistLoader } from "~/routes/app.products.$id_.waitlist";
import { loader as supportLoader } from "~/routes/app.support._index";
import { loader as supportOrderLoader } from "~/routes/app.support.$orderId";
import { action as wismoAction } from "~/routes/proxy.order-status";
import { largeShopSize, seedLargeCatalog, seedLargeShopRows } from "../../dev/bench/admin-seed";
import { BENCH_SUPPLIERS, seedSupportDesk } from "../../dev/bench/support-seed";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, appProxyRequest, embeddedDocumentRequest, embeddedFetchRequest } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";

const ROLLUP_TABLES = ["InsightsLineDay", "InsightsDay", "InsightsWaitDay", "InsightsWaitMonth", "InsightsWaitHour", "InsightsWaitHourMonth", "InsightsPromiseDay", "InsightsWaiting"];
const LARGE_TABLES = [
  "BackorderLine",
  "BackorderVariant",
  "EmailOutbox",
  "Job",
  "WebhookEvent",
  "NotifySubscription",
  "IncomingBatch",
  "DataRequest",
  "SupportCase",
  "SupportCaseTerm",
  // The dashboard's roll-ups grow with the days of history: each read is a range of the shop's days.
  ...ROLLUP_TABLES,
];

const recorded = new Set<string>();
// Prisma's driver adapter may load its own copy of better-sqlite3: record on the copy it uses.
const require = createRequire(import.meta.url);
const AdapterDatabase = createRequire(require.resolve("@prisma/adapter-better-sqlite3"))("better-sqlite3") as typeof Database;
const prepare = AdapterDatabase.prototype.prepare;

/** Every SELECT (and WITH … SELECT) the app prepares while `run` runs. */
async function recordQueries(run: () => Promise<unknown>): Promise<string[]> {
  recorded.clear();
  AdapterDatabase.prototype.prepare = function (this: Database.Database, source: string) {
    if (/^\s*(SELECT|WITH)\b/i.test(source)) recorded.add(source);
    return prepare.call(this, source);
  } as typeof prepare;
  try {
    await run();
  } finally {
    AdapterDatabase.prototype.prepare = prepare;
  }
  return [...recorded];
}

function databaseFile(): string {
  return (process.env.DATABASE_URL as string).replace(/^file:/, "");
}

/** The plan's offending steps for one statement (empty when the plan is fine). */
function fullScans(db: Database.Database, sql: string): string[] {
  // Parameters bound as NULL: the plan is chosen from the statement and the statistics, not the values.
  const parameters = (sql.match(/\?/g) ?? []).map(() => null);
  const steps = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]).map((s) => s.detail);
  const sorts = steps.some((d) => /^USE TEMP B-TREE FOR (RIGHT PART OF )?ORDER BY/.test(d));
  return steps.filter((detail) => {
    const table = LARGE_TABLES.find((t) => new RegExp(`^(SCAN|SEARCH) (main\\.)?"?${t}"?\\b`).test(detail));
    if (!table) return false;
    if (detail.startsWith("SCAN")) return true;
    return sorts && /\(shop=\?\)$/.test(detail);
  });
}

let pages: Record<string, string[]> = {};

// EXPLAIN QUERY PLAN and its SCAN/SEARCH lines are SQLite's: on the PostgreSQL run (npm run test:postgres) the
// file is skipped, seeding included. PostgreSQL's own EXPLAIN check of these lists is still to write (ADR 013).
const NOT_SQLITE = DATABASE_PROVIDER !== "sqlite";

beforeAll(async () => {
  if (NOT_SQLITE) return;
  const fake = await installFakeShop();
  const size = largeShopSize(0.1);
  const variants = seedLargeCatalog(fake.store, size);
  const { bigVariant } = await seedLargeShopRows(prisma, { shop: TEST_SHOP, variants, size });
  await seedSupportDesk(prisma, { shop: TEST_SHOP });
  const num = (gid: string) => gid.split("/").pop() as string;
  const productNumber = num(bigVariant.productId);
  const productPath = `/app/products/${productNumber}?variant=${num(bigVariant.variantId)}`;
  const open = async (loader: Parameters<typeof callRoute>[0], path: string, params: Record<string, string> = {}) => {
    const response = await callRoute(loader, await embeddedDocumentRequest(path), params);
    expect(response.status, path).toBe(200);
    return response.json();
  };
  // Derive the stored state first (the one-time backfill after the migration is not a list query; nor is the
  // dashboard's roll-up build on its first visit).
  await open(productsLoader, "/app/products?tab=at_risk");
  await open(homeLoader, "/app");
  const product = await open(productLoader, productPath, { id: productNumber });
  const notifications = await open(notificationsLoader, "/app/notifications");
  const activity = await open(activityLoader, "/app/activity");
  const privacy = await open(privacyLoader, "/app/privacy");
  const waitlistPath = `/app/products/${productNumber}/waitlist?variant=${num(bigVariant.variantId)}`;
  const waitlist = await open(waitlistLoader, waitlistPath, { id: productNumber });
  const cursor = encodeURIComponent(product.editor.queuePage.next);
  const queue = await open(supportLoader, "/app/support");
  const middle = (await prisma.supportCase.findMany({ where: { shop: TEST_SHOP }, orderBy: [{ daysLate: "desc" }, { orderedAt: "asc" }, { id: "asc" }], skip: 5_000, take: 1 }))[0];
  const anOrder = queue.queue.rows[0] as { orderId: string; orderName: string; customerEmail: string };
  const supplier = encodeURIComponent(BENCH_SUPPLIERS[2] as string);
  const anEmail = encodeURIComponent("customer1234@example.com");
  const next = (pageInfo: { next: string }) => encodeURIComponent(pageInfo.next);
  const pageSpecs: [string, () => Promise<unknown>][] = [
    ["home", () => open(homeLoader, "/app")],
    ["home: dashboard over 365 days", () => open(homeLoader, "/app?period=365")],
    ["products: all", () => open(productsLoader, "/app/products")],
    ["products: backorderable", () => open(productsLoader, "/app/products?tab=backorderable")],
    ["products: backorderable page 2", () => open(productsLoader, "/app/products?tab=backorderable&cursor=next:gid://shopify/Product/0")],
    ["products: at risk", () => open(productsLoader, "/app/products?tab=at_risk")],
    ["product page", () => open(productLoader, productPath, { id: productNumber })],
    [
      "product page: load more",
      async () => {
        const response = await callRoute(queueLoader, await embeddedFetchRequest(`/app/products/${productNumber}/queue?variant=${num(bigVariant.variantId)}&cursor=${cursor}`), {
          id: productNumber,
        });
        expect(response.status).toBe(200);
      },
    ],
    ["notifications", () => open(notificationsLoader, "/app/notifications")],
    ["notifications: page 2", () => open(notificationsLoader, `/app/notifications?cursor=${encodeURIComponent(notifications.outbox.pageInfo.next)}`)],
    ["notifications: failed", () => open(notificationsLoader, "/app/notifications?filter=failed")],
    ["activity", () => open(activityLoader, "/app/activity")],
    [
      "activity: page 2 of each table",
      () =>
        open(
          activityLoader,
          `/app/activity?deadCursor=${next(activity.pages.dead)}&jobsCursor=${next(activity.pages.recent)}&eventsCursor=${next(activity.pages.events)}`,
        ),
    ],
    ["activity: newer jobs", () => open(activityLoader, `/app/activity?jobsCursor=${encodeURIComponent(activity.pages.recent.previous)}`)],
    ["privacy", () => open(privacyLoader, "/app/privacy")],
    ["privacy: page 2", () => open(privacyLoader, `/app/privacy?cursor=${next(privacy.pageInfo)}`)],
    ["waitlist", () => open(waitlistLoader, waitlistPath, { id: productNumber })],
    ["waitlist: page 2", () => open(waitlistLoader, `${waitlistPath}&cursor=${next(waitlist.pageInfo)}`, { id: productNumber })],
    ["waitlist: all signups, page 2", () => open(waitlistLoader, `${waitlistPath}&view=all&cursor=${next(waitlist.pageInfo)}`, { id: productNumber })],
    ["notifications: search by address", () => open(notificationsLoader, `/app/notifications?to=${anEmail}`)],
    ["notifications: search by prefix", () => open(notificationsLoader, "/app/notifications?to=customer12")],
    ["notifications: search, failed, page 2", () => open(notificationsLoader, `/app/notifications?filter=failed&to=customer&cursor=${encodeURIComponent(notifications.outbox.pageInfo.next)}`)],
    ["support: open", () => open(supportLoader, "/app/support")],
    ["support: page 2", () => open(supportLoader, `/app/support?cursor=${queue.queue.rows.at(-1).id}`)],
    ["support: deep page", () => open(supportLoader, `/app/support?cursor=${middle?.id}`)],
    ["support: previous page", () => open(supportLoader, `/app/support?cursor=${middle?.id}&before=1`)],
    ["support: delayed", () => open(supportLoader, "/app/support?view=delayed")],
    ["support: at risk", () => open(supportLoader, "/app/support?view=at_risk")],
    ["support: waiting on customer", () => open(supportLoader, "/app/support?view=waiting_customer")],
    ["support: resolved", () => open(supportLoader, "/app/support?view=resolved")],
    ["support: complaints", () => open(supportLoader, "/app/support?view=complaints")],
    ["support: fewest days late", () => open(supportLoader, "/app/support?sort=days_late_asc")],
    ["support: oldest first", () => open(supportLoader, "/app/support?sort=ordered_asc")],
    ["support: status filter", () => open(supportLoader, "/app/support?state=ready")],
    ["support: product filter (many orders)", () => open(supportLoader, `/app/support?product=${encodeURIComponent(bigVariant.productId)}`)],
    ["support: product filter (few orders)", () => open(supportLoader, `/app/support?product=${encodeURIComponent(variants[5]!.productId)}`)],
    ["support: supplier filter", () => open(supportLoader, `/app/support?supplier=${supplier}`)],
    ["support: promised range (none)", () => open(supportLoader, "/app/support?from=2020-01-01&to=2020-12-31")],
    ["support: promised range (most)", () => open(supportLoader, "/app/support?from=2020-01-01")],
    ["support: search by email", () => open(supportLoader, `/app/support?q=${anEmail}`)],
    ["support: search, common words", () => open(supportLoader, "/app/support?q=customer%20example.com")],
    ["support: order page", () => open(supportOrderLoader, `/app/support/${anOrder.orderId.split("/").pop()}`, { orderId: anOrder.orderId.split("/").pop() as string })],
    [
      "where is my order: lookup",
      async () => {
        const body = new URLSearchParams({ intent: "lookup", order: anOrder.orderName, email: anOrder.customerEmail });
        const request = appProxyRequest("/proxy/order-status", { init: { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body } });
        expect((await callRoute(wismoAction, request)).status).toBe(200);
      },
    ],
  ];
  pages = {};
  for (const [name, run] of pageSpecs) pages[name] = await recordQueries(run);
  // The seeded lines all wait, so the dashboard has no p90 to refine: the hours of a day of wait read directly.
  pages["home: the p90's hours of wait"] = await recordQueries(() => rolledWaitHours({ shop: TEST_SHOP, fromDate: "2025-01-01", toDate: "2026-01-01", fromHour: 48, toHour: 72 }));
}, 120_000);

describe.skipIf(NOT_SQLITE)("query plans of the admin lists on a large shop (SQLite's EXPLAIN QUERY PLAN: skipped on PostgreSQL)", () => {
  it("records the queries of every admin page", () => {
    // GIVEN the seeded shop, WHEN each admin page loaded, THEN each ran queries on the large tables
    for (const [name, queries] of Object.entries(pages)) expect(queries.length, name).toBeGreaterThan(0);
    expect(pages["product page: load more"]!.some((sql) => /BackorderLine/.test(sql))).toBe(true);
    expect(pages["notifications: page 2"]!.some((sql) => /EmailOutbox/.test(sql))).toBe(true);
    expect(pages["activity: page 2 of each table"]!.filter((sql) => /FROM [`"]?(main[`"]?\.[`"]?)?(Job|WebhookEvent)\b/.test(sql)).length).toBeGreaterThanOrEqual(2);
    expect(pages["privacy: page 2"]!.some((sql) => /DataRequest/.test(sql))).toBe(true);
    // The dashboard: the period's sums from the daily roll-ups, the last 28 days of demand and the refunds from
    // the ledger, batches; neither the period's lines nor the outbox are read line by line.
    const dashboard = pages["home: dashboard over 365 days"]!;
    for (const table of ["BackorderLine", "IncomingBatch", ...ROLLUP_TABLES.filter((t) => !t.startsWith("InsightsWaitHour"))]) expect(dashboard.some((sql) => sql.includes(table)), table).toBe(true);
    expect(dashboard.some((sql) => sql.includes("EmailOutbox"))).toBe(false);
    expect(pages["waitlist: page 2"]!.some((sql) => /NotifySubscription/.test(sql))).toBe(true);
    expect(pages["notifications: search by address"]!.some((sql) => /EmailOutbox[\s\S]*toEmail/.test(sql))).toBe(true);
    expect(pages["support: supplier filter"]!.some((sql) => /SupportCase[\s\S]*suppliers/.test(sql))).toBe(true);
    expect(pages["where is my order: lookup"]!.some((sql) => /SupportCase[\s\S]*orderName/.test(sql))).toBe(true);
  });

  it("uses an index for every list query: no full scan of a large table", () => {
    // GIVEN the statements every admin page ran
    const db = new Database(databaseFile(), { readonly: true });
    try {
      // WHEN each is explained
      const failures = Object.entries(pages).flatMap(([name, queries]) =>
        queries.flatMap((sql) => fullScans(db, sql).map((step) => `${name}: ${step}\n    ${sql.slice(0, 240)}`)),
      );
      // THEN none scans a large table
      expect(failures).toEqual([]);
    } finally {
      db.close();
    }
  });

  it("reads the dashboard's period from its roll-ups as a range of the shop's days, the p90's hours as a range of hours", () => {
    // GIVEN the dashboard's statements on the roll-ups
    const db = new Database(databaseFile(), { readonly: true });
    try {
      const explain = (table: string, page = "home: dashboard over 365 days") => {
        const sql = pages[page]!.find((s) => new RegExp(`FROM "${table}"`).test(s));
        expect(sql, table).toBeDefined();
        const parameters = (sql!.match(/\?/g) ?? []).map(() => null);
        return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]).map((s) => s.detail).join("\n");
      };
      // WHEN each is explained
      // THEN each period sum is one primary-key range of days of the shop (O(days), whatever the lines)
      for (const table of ["InsightsLineDay", "InsightsDay", "InsightsWaitDay", "InsightsPromiseDay"]) {
        expect(explain(table), table).toMatch(new RegExp(`SEARCH ${table} USING (COVERING )?INDEX sqlite_autoindex_${table}_1 \\(shop=\\? AND day>\\?( AND day<\\?)?\\)`));
      }
      // AND the whole months of a long period are a range of months
      expect(explain("InsightsWaitMonth")).toMatch(/SEARCH InsightsWaitMonth USING (COVERING )?INDEX sqlite_autoindex_InsightsWaitMonth_1 \(shop=\? AND month>\? AND month<\?\)/);
      // AND the hours of the p90's day of wait are one range of hours (by month, then the edge days)
      const hours = explain("InsightsWaitHour", "home: the p90's hours of wait");
      expect(hours).toMatch(/SEARCH InsightsWaitHourMonth USING (COVERING )?INDEX sqlite_autoindex_InsightsWaitHourMonth_1 \(shop=\? AND hour>\? AND hour<\?\)/);
      expect(hours).toMatch(/SEARCH InsightsWaitHour USING (COVERING )?INDEX sqlite_autoindex_InsightsWaitHour_1 \(shop=\? AND hour>\? AND hour<\?\)/);
    } finally {
      db.close();
    }
  });

  it("fails the same check when a list loses its index (Activity's recent jobs without (shop, updatedAt, id))", () => {
    // GIVEN the Activity page's queries, and the database without the index its recent-jobs list uses
    const db = new Database(databaseFile());
    try {
      db.exec("BEGIN");
      db.exec('DROP INDEX "Job_shop_updatedAt_id_idx"');
      // WHEN they are explained again
      const failures = pages.activity!.flatMap((sql) => fullScans(db, sql));
      // THEN the check reports the Job table read whole to be sorted
      expect(failures.some((step) => step.includes("Job"))).toBe(true);
    } finally {
      db.exec("ROLLBACK");
      db.close();
    }
  });
});

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
import { DATABASE_PROVIDER } from "~/db.server";
import { ROLLUP_TABLES, expectPagesRecorded, seedLargeShopPages } from "./query-plans-pages";

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
// file is skipped, seeding included. PostgreSQL's own EXPLAIN check of the same pages is query-plans-postgres.test.ts.
const NOT_SQLITE = DATABASE_PROVIDER !== "sqlite";

beforeAll(async () => {
  if (NOT_SQLITE) return;
  const { steps } = await seedLargeShopPages();
  pages = {};
  for (const [name, run] of steps) pages[name] = await recordQueries(run);
}, 120_000);

describe.skipIf(NOT_SQLITE)("query plans of the admin lists on a large shop (SQLite's EXPLAIN QUERY PLAN: skipped on PostgreSQL)", () => {
  it("records the queries of every admin page", () => {
    // GIVEN the seeded shop, WHEN each admin page loaded, THEN each ran queries on the large tables
    expectPagesRecorded(pages);
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

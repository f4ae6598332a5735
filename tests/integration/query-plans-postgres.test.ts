// Every hot query has an index behind it on PostgreSQL (issue 14), the counterpart of query-plans.test.ts
// (SQLite). The same large shop and pages (query-plans-pages.ts: 10,000 waiting lines and support cases,
// 3,000 jobs, webhook events and outbox emails…) is seeded through Prisma, then copied
// set-based (INSERT … SELECT … CROSS JOIN generate_series) into 300 smaller shops of up to 300 rows per table
// (about 100,000 rows in each hot table), so the planner weighs one shop among many (on a
// database of five shops, sequential scans are the right plans, and this check fails), then ANALYZE. Every
// statement the app sends while its pages load, while webhooks arrive (the delivery's dedupe insert, the
// job insert), and while a worker claims and runs the jobs (the SKIP LOCKED claim, ledger
// allocation, the outbox claim and sends) is recorded at the pg client with its bound values, then
// explained (EXPLAIN (FORMAT JSON), the values bound: the plan the app gets). A plan fails when it reads a
// large table whole: a `Seq Scan`, or an index scan with no index condition (every entry of the index).
// The last test drops an index inside a rolled-back transaction and shows the same check then fails.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { DATABASE_PROVIDER } from "~/db.server";
import { CatalogTextClient } from "~/db-postgres.server";
import type { EmailTransport } from "~/notifications/transport.server";
import { TEST_SHOP } from "../helpers/requests";
import {
  deliver,
  placeOrder,
  receiveStock,
  testClock,
  testWorker,
} from "./ledger-support";
import {
  expectPagesRecorded,
  seedLargeShopPages,
  type PageStep,
} from "./query-plans-pages";

const ON_POSTGRES = DATABASE_PROVIDER === "postgresql";

/**
 * The large shop at the SQLite test's scale of the benchmark's (10,000 waiting lines and support cases):
 * smaller, the support filters would take their few-cases path only, and the walk over the queue's index
 * would go unchecked. Its jobs, webhook events and emails, 3,000 each, are plenty among the copies' 90,000
 * (the Prisma seeding is most of this file's time).
 */
const LARGE_SHOP_SCALE = 0.1;
const LARGE_SHOP_SIZES = { jobs: 3_000, events: 3_000, outbox: 3_000 };
/** Shops copied from the large one, and the rows each gets per table at most (100,000 waiting lines in all). */
const OTHER_SHOPS = 300;
const ROWS_PER_SHOP = 300;
/** A table with at least this many rows (after ANALYZE) is large: reading it whole fails the check. */
const LARGE_ROWS = 10_000;

interface Statement {
  text: string;
  values: unknown[];
}

/** Every statement the app sends while `run` runs (one per text, with the first values bound to it). */
async function recordStatements(
  run: () => Promise<unknown>
): Promise<Statement[]> {
  const seen = new Map<string, Statement>();
  const query = CatalogTextClient.prototype.query;
  CatalogTextClient.prototype.query = function (
    this: CatalogTextClient,
    ...args: unknown[]
  ) {
    const config = args[0] as { text?: unknown; values?: unknown[] } | string;
    const text = typeof config === "string" ? config : config?.text;
    const values = (typeof config === "string" ? args[1] : config?.values) as
      | unknown[]
      | undefined;
    if (
      typeof text === "string" &&
      /^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i.test(text) &&
      !/pg_advisory/.test(text) &&
      !seen.has(text)
    ) {
      seen.set(text, {
        text,
        values: Array.isArray(values) ? [...values] : [],
      });
    }
    return (query as (...a: unknown[]) => never).apply(this, args);
  } as typeof query;
  try {
    await run();
  } finally {
    CatalogTextClient.prototype.query = query;
  }
  return [...seen.values()];
}

async function withClient<T>(
  fn: (client: pg.Client) => Promise<T>
): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Copies `shop`'s rows into `count` other shops, set-based: per table one INSERT … SELECT of a sample of the
 * shop's rows times generate_series. Keys that are unique without the shop (ids, tokens) and the foreign keys
 * that point at them get the copy's number appended. Triggers (the dashboard's roll-ups, foreign-key checks)
 * are off for the session: the roll-up tables are copied like the others.
 */
async function copyShop(
  client: pg.Client,
  {
    shop,
    count,
    rowsPerShop,
  }: { shop: string; count: number; rowsPerShop: number }
): Promise<void> {
  const { rows: columns } = await client.query<{
    table: string;
    column: string;
    text: boolean;
  }>(`
    SELECT c.table_name AS "table", c.column_name AS "column", c.data_type IN ('text', 'character varying') AS "text"
    FROM information_schema.columns c
    WHERE c.table_schema = 'public' AND c.is_generated = 'NEVER'
      AND c.table_name IN (SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'shop')
    ORDER BY c.table_name, c.ordinal_position`);
  // Columns of a unique index without "shop", and foreign-key columns: these get a per-copy suffix.
  const { rows: suffixed } = await client.query<{
    table: string;
    column: string;
  }>(`
    SELECT t.relname AS "table", a.attname AS "column"
    FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY (i.indkey)
    WHERE n.nspname = 'public' AND i.indisunique
      AND NOT EXISTS (SELECT 1 FROM pg_attribute s WHERE s.attrelid = t.oid AND s.attname = 'shop' AND s.attnum = ANY (i.indkey))
    UNION
    SELECT t.relname, a.attname
    FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY (k.conkey)
    WHERE n.nspname = 'public' AND k.contype = 'f' AND a.attname <> 'shop'`);
  const suffix = new Set(suffixed.map((r) => `${r.table}.${r.column}`));
  const tables = new Map<string, { column: string; text: boolean }[]>();
  for (const c of columns)
    tables.set(c.table, [...(tables.get(c.table) ?? []), c]);
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  await client.query("SET session_replication_role = replica");
  await client.query("SET maintenance_work_mem = '128MB'");
  try {
    for (const [table, cols] of tables) {
      const exprs = cols.map(({ column, text }) => {
        if (column === "shop") return `'copy-' || g || '.myshopify.com'`;
        if (suffix.has(`${table}.${column}`)) {
          if (!text)
            throw new Error(
              `copyShop: ${table}.${column} is unique without the shop but not text`
            );
          return `s.${q(column)} || '~' || g`;
        }
        return `s.${q(column)}`;
      });
      // Indexes are dropped and built again after the insert: one sort per index instead of one insert per row.
      const { rows: indexes } = await client.query<{
        name: string;
        definition: string;
      }>(
        `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
         WHERE schemaname = 'public' AND tablename = $1 AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype = 'p')`,
        [table]
      );
      for (const { name } of indexes)
        await client.query(`DROP INDEX ${q(name)}`);
      await client.query(
        `INSERT INTO ${q(table)} (${cols.map((c) => q(c.column)).join(", ")})
         SELECT ${exprs.join(", ")}
         FROM (SELECT * FROM ${q(
           table
         )} WHERE "shop" = $1 ORDER BY random() LIMIT $2) s CROSS JOIN generate_series(1, $3::int) g`,
        [shop, rowsPerShop, count]
      );
      for (const { definition } of indexes) await client.query(definition);
    }
  } finally {
    await client.query("SET session_replication_role = DEFAULT");
  }
  await client.query("ANALYZE");
}

/** Tables with at least LARGE_ROWS rows, by the statistics ANALYZE gathered. */
async function largeTables(client: pg.Client): Promise<Map<string, number>> {
  const { rows } = await client.query<{ table: string; rows: number }>(
    `
    SELECT c.relname AS "table", c.reltuples::int AS "rows" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.reltuples >= $1`,
    [LARGE_ROWS]
  );
  return new Map(rows.map((r) => [r.table, r.rows]));
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
}

function* planNodes(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* planNodes(child);
}

/** The plan of one statement, with its recorded values bound. */
async function explain(
  client: pg.Client,
  statement: Statement
): Promise<PlanNode> {
  const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
    `EXPLAIN (FORMAT JSON) ${statement.text}`,
    statement.values
  );
  return rows[0]!["QUERY PLAN"][0].Plan;
}

/** The steps of a plan that read a large table whole (empty when the plan is fine). */
function fullScans(plan: PlanNode, large: Map<string, number>): string[] {
  return [...planNodes(plan)].flatMap((node) => {
    const table = node["Relation Name"];
    if (!table || !large.has(table)) return [];
    if (node["Node Type"] === "Seq Scan")
      return [`Seq Scan on ${table} (${large.get(table)} rows)`];
    if (/^Index (Only )?Scan$/.test(node["Node Type"]) && !node["Index Cond"])
      return [
        `${node["Node Type"]} of all of ${
          node["Index Name"]
        } on ${table} (${large.get(table)} rows)`,
      ];
    return [];
  });
}

let pages: Record<string, Statement[]> = {};
let large = new Map<string, number>();

beforeAll(async () => {
  if (!ON_POSTGRES) return;
  const { fake, variants, steps } = await seedLargeShopPages({
    scale: LARGE_SHOP_SCALE,
    sizes: LARGE_SHOP_SIZES,
  });
  await withClient((client) =>
    copyShop(client, {
      shop: TEST_SHOP,
      count: OTHER_SHOPS,
      rowsPerShop: ROWS_PER_SHOP,
    })
  );
  large = await withClient(largeTables);

  // The write path: webhooks through their routes, then a worker claiming and running the jobs and sending
  // the emails (an in-memory transport: the test is about the database).
  const clock = testClock();
  const transport: EmailTransport = {
    mode: "mailbox",
    send: async () => ({ messageId: `<${randomUUID()}@test>` }),
    close: () => {},
  };
  const worker = testWorker(clock, {
    deliverEmails: true,
    emailTransport: transport,
  });
  const order = placeOrder(fake, {
    variantId: variants[7]!.variantId,
    quantity: 2,
    email: "new-customer@example.com",
  });
  const otherOrder = placeOrder(fake, {
    variantId: variants[9]!.variantId,
    quantity: 1,
    email: "other@example.com",
  });
  const writeSteps: PageStep[] = [
    [
      "webhooks: orders/create",
      async () => {
        for (const { delivery } of [order, otherOrder])
          expect((await deliver(delivery)).status).toBe(200);
      },
    ],
    [
      "webhooks: a duplicate delivery",
      async () => expect((await deliver(order.delivery)).status).toBe(200),
    ],
    [
      "worker: orders (claim, allocation, confirmation emails)",
      () => worker.drain({ maxRounds: 2 }),
    ],
    [
      "webhooks: inventory_levels/update",
      async () =>
        expect(
          (await deliver(receiveStock(fake, variants[7]!.variantId, 3))).status
        ).toBe(200),
    ],
    [
      "worker: stock arrives (claim, allocation first in first out, emails)",
      async () => {
        clock.advance(60_000); // past the inventory event's coalescing window
        await worker.drain({ maxRounds: 2 });
      },
    ],
  ];
  pages = {};
  for (const [name, run] of [...steps, ...writeSteps])
    pages[name] = await recordStatements(run);
}, 180_000);

describe.skipIf(!ON_POSTGRES)(
  "query plans on PostgreSQL: a large shop among 300 (EXPLAIN; skipped on SQLite, see query-plans.test.ts)",
  () => {
    it("seeds large tables and records the statements of every page and of the write path", () => {
      // GIVEN the seeded database, WHEN each page loaded and the webhooks and the worker ran
      // THEN the hot tables are large
      for (const table of [
        "BackorderLine",
        "Job",
        "EmailOutbox",
        "WebhookEvent",
        "SupportCase",
      ])
        expect(large.get(table) ?? 0, table).toBeGreaterThanOrEqual(90_000);
      // AND every page ran queries on its tables
      const texts = Object.fromEntries(
        Object.entries(pages).map(([name, statements]) => [
          name,
          statements.map((s) => s.text),
        ])
      );
      expectPagesRecorded(texts);
      // AND the write path's hot statements were recorded: the dedupe insert, the SKIP LOCKED claim, ledger
      // allocation on the big variant's waiting lines, the outbox insert and its claim
      const all = (names: string[]) =>
        names.flatMap((name) => texts[name] ?? []);
      expect(
        all(["webhooks: orders/create"]).some((sql) =>
          /INSERT INTO "WebhookEvent"[\s\S]*ON CONFLICT/.test(sql)
        )
      ).toBe(true);
      expect(
        all(["webhooks: orders/create"]).some((sql) =>
          /INSERT INTO "Job"/.test(sql)
        )
      ).toBe(true);
      const worker = all([
        "worker: orders (claim, allocation, confirmation emails)",
        "worker: stock arrives (claim, allocation first in first out, emails)",
      ]);
      expect(worker.some((sql) => /FOR UPDATE SKIP LOCKED/.test(sql))).toBe(
        true
      );
      expect(
        worker.some((sql) => /FROM "public"\."BackorderLine"/.test(sql))
      ).toBe(true);
      expect(
        worker.some((sql) => /INSERT INTO "(public"\.")?EmailOutbox"/.test(sql))
      ).toBe(true);
      expect(
        worker.some((sql) => /UPDATE "public"\."EmailOutbox"/.test(sql))
      ).toBe(true);
    });

    it("uses an index for every statement: no large table read whole", async () => {
      // GIVEN every statement recorded, with its values
      const failures = await withClient(async (client) => {
        const found: string[] = [];
        for (const [name, statements] of Object.entries(pages)) {
          for (const statement of statements) {
            // WHEN it is explained
            for (const step of fullScans(
              await explain(client, statement),
              large
            ))
              found.push(
                `${name}: ${step}\n    ${statement.text
                  .replace(/\s+/g, " ")
                  .slice(0, 300)}`
              );
          }
        }
        return found;
      });
      // THEN none reads a large table whole
      expect(failures).toEqual([]);
    });

    it("fails the same check when a list loses its index (Activity's recent jobs without (shop, updatedAt, id))", async () => {
      // GIVEN the Activity page's statements, and the database without the indexes its recent-jobs list can use
      const failures = await withClient(async (client) => {
        await client.query("BEGIN");
        try {
          await client.query('DROP INDEX "Job_shop_updatedAt_id_idx"');
          await client.query('DROP INDEX "Job_shop_status_updatedAt_id_idx"');
          await client.query('DROP INDEX "Job_shop_kind_createdAt_id_idx"');
          await client.query('DROP INDEX "Job_shop_uniqueKey_key"');
          // WHEN they are explained again
          const found: string[] = [];
          for (const statement of pages.activity!)
            found.push(...fullScans(await explain(client, statement), large));
          return found;
        } finally {
          await client.query("ROLLBACK");
        }
      });
      // THEN the check reports the Job table read whole
      expect(failures.some((step) => step.includes("Job"))).toBe(true);
    });
  }
);

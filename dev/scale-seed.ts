// `npm run seed:scale`: an agency's database for the scale benchmark (`npm run bench -- scale`, issue 14):
// 1,000 installed shops, 1,000,000 ledger lines (2 lines per order, 1,000 lines per shop), one support case per
// order, 20 backorderable variants and a pending batch per variant in every shop. Set-based SQL (one
// INSERT … SELECT per table over a generated series), on SQLite or PostgreSQL: DATABASE_URL picks, as for the
// app. Deterministic: every value is a function of the row's number.
//
//   DATABASE_URL=postgres://postgres@localhost:5433/scale npm run seed:scale   # a migrated, empty database
//   npm run seed:scale -- --shops 100 --lines 100000                           # smaller
//
// Each shop sells 20 products of its own: shop s has products 20·s … 20·s + 19 of the catalogue seedLargeCatalog
// (dev/bench/admin-seed.ts) puts in a fresh Admin fake, so the benchmark's one fake (holding all 20,000) answers
// every shop's product and stock reads with the ids its rows name.
// Each shop has an offline session (the fake's access token) and a Shop row. Lines: a year of orders; about 70 %
// ready (half shipped), 4 % cancelled, the rest waiting (held on Shopify, customers told a date 400 days out so
// a reconciliation finds nothing to email), one order in ten late (estimate after the promise).
// The insights roll-ups are left unbuilt, as after their migration: a shop's first dashboard visit builds them.
import { pathToFileURL } from "node:url";
import { databaseProvider } from "../app/database-url";
import { createAdminFake } from "./admin-fake";
import type { AdminStore } from "./admin-fake/store";
import { largeShopSize, seedLargeCatalog, type SeededVariant } from "./bench/admin-seed";
import { BENCH_SUPPLIERS } from "./bench/support-seed";

export const SCALE_VARIANTS_PER_SHOP = 20;
const DAY_S = 86_400;
const YEAR_S = 365 * DAY_S;

export interface ScaleSize {
  shops: number;
  /** Ledger lines over all shops (rounded down to an even number per shop: two lines per order). */
  lines: number;
}

export const DEFAULT_SCALE: ScaleSize = { shops: 1_000, lines: 1_000_000 };

/** The shop domain of shop number `index` (0-based): the benchmark addresses shops by it. */
export function scaleShop(index: number): string {
  return `scale-${index}.myshopify.com`;
}

/** Every shop's products in one catalogue (shop s: entries 20·s … 20·s + 19), as `store` gets them from seedLargeCatalog. */
export function seedScaleCatalog(store: AdminStore, shops: number): SeededVariant[] {
  return seedLargeCatalog(store, { ...largeShopSize(), variants: SCALE_VARIANTS_PER_SHOP * shops, lines: 0, bigQueue: 0 });
}

/** What differs between the two databases, once. */
interface Dialect {
  name: "sqlite" | "postgresql";
  /** `seq(i)` holding 0 … n-1, as a CTE. */
  series(n: number): string;
  /** A DateTime column's value for epoch seconds (as Prisma stores it). */
  ts(seconds: string): string;
  /** A "YYYY-MM-DD" day (UTC) for epoch seconds. */
  day(seconds: string): string;
}

const SQLITE: Dialect = {
  name: "sqlite",
  series: (n) => `seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n - 1})`,
  // Prisma's SQLite adapter stores DateTime as ISO 8601 text with an explicit offset.
  ts: (s) => `(strftime('%Y-%m-%dT%H:%M:%f', ${s}, 'unixepoch') || '+00:00')`,
  day: (s) => `date(${s}, 'unixepoch')`,
};

const POSTGRES: Dialect = {
  name: "postgresql",
  series: (n) => `seq(i) AS (SELECT generate_series(0::bigint, ${n - 1}::bigint))`,
  // timestamp(3) without time zone, in UTC.
  ts: (s) => `(to_timestamp(${s}) AT TIME ZONE 'UTC')`,
  day: (s) => `to_char(to_timestamp(${s}) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
};

interface Runner {
  dialect: Dialect;
  exec(sql: string): Promise<number>;
  close(): Promise<void>;
}

async function openRunner(databaseUrl: string): Promise<Runner> {
  if (databaseProvider(databaseUrl) === "postgresql") {
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return { dialect: POSTGRES, exec: async (sql) => (await client.query(sql)).rowCount ?? 0, close: () => client.end() };
  }
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(databaseUrl.replace(/^file:/, ""));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  return {
    dialect: SQLITE,
    exec: async (sql) => (/^\s*(INSERT|UPDATE|DELETE|WITH)/i.test(sql) ? db.prepare(sql).run().changes : (db.exec(sql), 0)),
    close: async () => void db.close(),
  };
}

const text = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** The catalogue in a temporary table `cat` (v = its index, shop s owning v = 20·s … 20·s + 19), for the joins below. */
async function loadCatalog(runner: Runner, catalog: SeededVariant[]): Promise<void> {
  await runner.exec(`CREATE TEMPORARY TABLE cat (v INTEGER PRIMARY KEY, "variantId" TEXT, "productId" TEXT, "inventoryItemId" TEXT, "title" TEXT, "sku" TEXT, "supplier" TEXT)`);
  for (let i = 0; i < catalog.length; i += 1_000) {
    const rows = catalog.slice(i, i + 1_000).map(
      (c, k) =>
        `(${i + k}, ${text(c.variantId)}, ${text(c.productId)}, ${text(c.inventoryItemId)}, ${text(c.title)}, ${text(c.sku)}, ${text(BENCH_SUPPLIERS[(i + k) % BENCH_SUPPLIERS.length] as string)})`,
    );
    await runner.exec(`INSERT INTO cat VALUES ${rows.join(", ")}`);
  }
}

/**
 * Seeds `size` into the migrated, empty database at `databaseUrl`. Returns the row counts and the time taken.
 * `now` anchors the year of history (default: the current time).
 */
export async function seedScale(databaseUrl: string, size: ScaleSize = DEFAULT_SCALE, now = new Date()) {
  const perShop = 2 * Math.floor(size.lines / size.shops / 2);
  if (perShop < 2) throw new Error(`--lines ${size.lines} over --shops ${size.shops}: at least 2 lines per shop`);
  const lines = perShop * size.shops;
  const orders = lines / 2;
  const variants = SCALE_VARIANTS_PER_SHOP * size.shops;
  const catalog = seedScaleCatalog(createAdminFake().store, size.shops);
  const runner = await openRunner(databaseUrl);
  const { dialect: d } = runner;
  const t0 = Math.floor(now.getTime() / 1000);
  const nowTs = d.ts(String(t0));
  const started = performance.now();
  const counts: Record<string, number> = {};
  const shopOf = (n: string) => `('scale-' || (${n}) || '.myshopify.com')`;

  // The order g's facts, from its number alone (both lines of an order and its support case agree).
  const orderCols = (g: string) => `
      ${g} AS g, (${g}) / ${perShop / 2} AS s, (${g}) % ${perShop / 2} AS o,
      ${t0} - ((${g}) * 2654435761) % ${YEAR_S} AS ord,
      ((${g}) * 7919) % 40 + 1 AS wait,
      CASE WHEN (${g}) % 100 < 72 AND ${t0} - ((${g}) * 2654435761) % ${YEAR_S} + (((${g}) * 7919) % 40 + 1) * ${DAY_S} < ${t0}
             THEN CASE WHEN (${g}) % 2 = 0 THEN 'fulfilled' ELSE 'allocated' END
           WHEN (${g}) % 100 BETWEEN 72 AND 75 THEN 'cancelled' ELSE 'waiting' END AS status,
      CASE WHEN (${g}) % 10 = 0 THEN 1 + ((${g}) / 10) % 30 ELSE 0 END AS late`;
  // Line k (0-based) of its shop: variant and quantity.
  const variantOf = (i: string, s: string) => `((((${i}) % ${perShop}) * 7 + ${s}) % ${SCALE_VARIANTS_PER_SHOP})`;
  const quantityOf = (i: string) => `(1 + ((${i}) % 3) / 2)`;

  const step = async (table: string, sql: string) => {
    const t = performance.now();
    counts[table] = (counts[table] ?? 0) + (await runner.exec(sql));
    console.log(`[seed:scale] ${table}: ${counts[table]} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  try {
    await loadCatalog(runner, catalog);
    await step(
      "Session",
      `INSERT INTO "Session" ("id", "shop", "state", "scope", "accessToken")
       WITH RECURSIVE ${d.series(size.shops)}
       SELECT 'offline_' || ${shopOf("i")}, ${shopOf("i")}, '', 'testScope', 'totally_real_token' FROM seq`,
    );
    await step("Shop", `INSERT INTO "Shop" ("shop", "installedAt", "updatedAt") WITH RECURSIVE ${d.series(size.shops)} SELECT ${shopOf("i")}, ${d.ts(`${t0} - ${YEAR_S}`)}, ${nowTs} FROM seq`);
    await step(
      "BackorderVariant",
      `INSERT INTO "BackorderVariant" ("id", "shop", "productId", "variantId", "productTitle", "variantTitle", "sku", "mode", "leadTimeDays", "inventoryItemId", "createdAt", "updatedAt")
       WITH RECURSIVE ${d.series(variants)}
       SELECT 'sv-' || i, ${shopOf(`i / ${SCALE_VARIANTS_PER_SHOP}`)}, cat."productId", cat."variantId", cat."title", 'Default Title',
              cat."sku", 'always', 14 + i % ${SCALE_VARIANTS_PER_SHOP}, cat."inventoryItemId", ${nowTs}, ${nowTs}
       FROM seq JOIN cat ON cat.v = i`,
    );
    await step(
      "IncomingBatch",
      `INSERT INTO "IncomingBatch" ("id", "shop", "backorderVariantId", "quantity", "expectedOn", "supplier", "createdAt", "updatedAt")
       WITH RECURSIVE ${d.series(variants)}
       SELECT 'sb-' || i, ${shopOf(`i / ${SCALE_VARIANTS_PER_SHOP}`)}, 'sv-' || i, 30,
              ${d.day(`${t0} + (10 + i % ${SCALE_VARIANTS_PER_SHOP}) * ${DAY_S}`)}, cat."supplier", ${nowTs}, ${nowTs}
       FROM seq JOIN cat ON cat.v = i`,
    );
    // The ledger, in slices of 100,000 lines (each its own statement: bounded memory and transaction size).
    const SLICE = 100_000;
    for (let from = 0; from < lines; from += SLICE) {
      const n = Math.min(SLICE, lines - from);
      await step(
        "BackorderLine",
        `INSERT INTO "BackorderLine" ("id", "shop", "variantId", "orderId", "orderName", "lineItemId", "quantity", "customerEmail", "customerName", "customerLocale",
            "orderedAt", "promisedLatest", "notifiedLatest", "estimateEarliest", "estimateLatest", "productTitle", "variantTitle", "fulfillmentOrderId", "holdId", "allocatedAt", "status",
            "unitPriceMinor", "currency", "createdAt", "updatedAt")
         WITH RECURSIVE ${d.series(n)},
           b AS (SELECT i + ${from} AS i, ${orderCols(`(i + ${from}) / 2`)} FROM seq)
         SELECT 'sl-' || b.i, ${shopOf("b.s")}, cat."variantId", 'gid://shopify/Order/' || (10000000 + b.g), '#' || (1001 + b.o),
                'gid://shopify/LineItem/' || (10000000 + b.i), ${quantityOf("b.i")}, 'customer' || b.g || '@example.com', 'Customer ' || b.g,
                CASE WHEN b.g % 3 = 0 THEN 'fr' ELSE 'en' END, ${d.ts("b.ord")}, ${d.day(`b.ord + 21 * ${DAY_S}`)},
                CASE WHEN b.status = 'waiting' THEN ${d.day(`${t0} + 400 * ${DAY_S}`)} ELSE ${d.day(`b.ord + 21 * ${DAY_S}`)} END,
                CASE WHEN b.status = 'waiting' THEN ${d.day(`b.ord + (14 + b.late) * ${DAY_S}`)} END,
                CASE WHEN b.status = 'waiting' THEN ${d.day(`b.ord + (CASE WHEN b.late > 0 THEN 21 + b.late ELSE 18 END) * ${DAY_S}`)} END,
                cat."title", 'Default Title',
                CASE WHEN b.status = 'waiting' THEN 'gid://shopify/FulfillmentOrder/' || (10000000 + b.g) END,
                CASE WHEN b.status = 'waiting' THEN 'gid://shopify/FulfillmentHold/' || (10000000 + b.g) END,
                CASE WHEN b.status IN ('allocated', 'fulfilled') THEN ${d.ts(`b.ord + b.wait * ${DAY_S}`)} END, b.status,
                1000 + (b.i % 50) * 100, 'EUR', ${d.ts("b.ord")}, ${d.ts(`b.ord + CASE WHEN b.status = 'cancelled' THEN 10 * ${DAY_S} ELSE 0 END`)}
         FROM b JOIN cat ON cat.v = b.s * ${SCALE_VARIANTS_PER_SHOP} + ${variantOf("b.i", "b.s")}`,
      );
    }
    // One support case per order, from the same facts; its products and suppliers are its two lines'.
    for (let from = 0; from < orders; from += SLICE) {
      const n = Math.min(SLICE, orders - from);
      await step(
        "SupportCase",
        `INSERT INTO "SupportCase" ("id", "shop", "orderId", "orderName", "customerName", "customerEmail", "customerLocale", "orderedAt", "status", "state",
            "itemsOwed", "promisedLatest", "estimateLatest", "daysLate", "productIds", "products", "suppliers", "assignee", "lastContactAt", "createdAt", "updatedAt")
         WITH RECURSIVE ${d.series(n)},
           b AS (SELECT ${orderCols(`i + ${from}`)} FROM seq)
         SELECT 'sc-' || b.g, ${shopOf("b.s")}, 'gid://shopify/Order/' || (10000000 + b.g), '#' || (1001 + b.o), 'Customer ' || b.g, 'customer' || b.g || '@example.com',
                CASE WHEN b.g % 3 = 0 THEN 'fr' ELSE 'en' END, ${d.ts("b.ord")},
                CASE WHEN b.g % 20 = 7 THEN 'resolved' WHEN b.g % 33 = 5 THEN 'waiting_customer' ELSE 'open' END,
                CASE WHEN b.status = 'waiting' AND b.late > 0 THEN 'at_risk' WHEN b.status = 'waiting' THEN 'waiting'
                     WHEN b.status = 'cancelled' THEN 'cancelled' ELSE 'ready' END,
                CASE WHEN b.status = 'waiting' THEN ${quantityOf("2 * b.g")} + ${quantityOf("2 * b.g + 1")} ELSE 0 END,
                ${d.day(`b.ord + 21 * ${DAY_S}`)}, CASE WHEN b.status = 'waiting' THEN ${d.day(`b.ord + (21 + b.late) * ${DAY_S}`)} END,
                CASE WHEN b.status = 'waiting' THEN b.late ELSE 0 END,
                '|' || c1."productId" || '|' || c2."productId" || '|', c1."title" || ' – Default Title, ' || c2."title" || ' – Default Title',
                '|' || c1."supplier" || '|' || c2."supplier" || '|', CASE WHEN b.g % 10 = 4 THEN 'Agent ' || (b.g % 6) END,
                ${d.ts("b.ord")}, ${d.ts("b.ord")}, ${d.ts("b.ord")}
         FROM b JOIN cat c1 ON c1.v = b.s * ${SCALE_VARIANTS_PER_SHOP} + ${variantOf("2 * b.g", "b.s")}
                JOIN cat c2 ON c2.v = b.s * ${SCALE_VARIANTS_PER_SHOP} + ${variantOf("2 * b.g + 1", "b.s")}`,
      );
    }
    // A running app's job history: this hour's reconciliation and today's retention done for every shop (what
    // app/jobs/schedule.server.ts would find), so the workers start in their steady state, not by catching up
    // with 1,000 shops at once; the next hour's reconciliations come spread over that hour as usual.
    const slot = Math.floor(now.getTime() / (Number(process.env.JOBS_RECONCILE_MINUTES ?? 60) * 60_000));
    const today = Math.floor(now.getTime() / DAY_S / 1000);
    for (const [kind, key] of [["shop.reconcile", `reconcile:${slot}`], ["shop.retention", `retention:${today}`]] as const) {
      await step(
        "Job",
        `INSERT INTO "Job" ("id", "shop", "kind", "payload", "status", "attempts", "runAt", "uniqueKey", "createdAt", "updatedAt", "finishedAt")
         WITH RECURSIVE ${d.series(size.shops)}
         SELECT '${kind}-' || i, ${shopOf("i")}, '${kind}', '{}', 'succeeded', 1, ${nowTs}, '${key}', ${nowTs}, ${nowTs}, ${nowTs} FROM seq`,
      );
    }
    // Each variant's stock: minus the units its waiting lines are owed (what Shopify's count would say).
    await step(
      "BackorderVariant.available",
      `UPDATE "BackorderVariant" SET "available" = -(SELECT COALESCE(SUM(l."quantity"), 0) FROM "BackorderLine" l
         WHERE l."shop" = "BackorderVariant"."shop" AND l."variantId" = "BackorderVariant"."variantId" AND l."status" = 'waiting')`,
    );
    await runner.exec("ANALYZE");
  } finally {
    await runner.close();
  }
  return { shops: size.shops, lines, orders, variants, counts, seconds: (performance.now() - started) / 1000 };
}

function flag(name: string): number | undefined {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return undefined;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive whole number`);
  return value;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("Set DATABASE_URL to a migrated, empty database (file:… or postgres://…): `npm run setup` migrates it.");
    process.exit(2);
  }
  const size = { shops: flag("shops") ?? DEFAULT_SCALE.shops, lines: flag("lines") ?? DEFAULT_SCALE.lines };
  seedScale(url, size)
    .then((result) => console.log(`[seed:scale] ${result.shops} shops, ${result.lines} ledger lines, ${result.orders} orders in ${result.seconds.toFixed(1)} s`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}

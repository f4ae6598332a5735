// Data access for the dashboard (issue 13): aggregates over the shop's own ledger, batches and outbox, computed
// in SQL so a visit reads a few dozen rows whatever the shop's size (no Admin API call, no row per line).
//   - Lines ordered in a period: BackorderLine (shop, orderedAt) index; waiting now: (shop, status, orderedAt).
//   - The wait percentile comes from an hourly histogram grouped in SQL (one row per distinct hour of wait).
//   - Promise keeping walks a small table (the rows of one JSON parameter) of "promise broken at" instants, one
//     per distinct promised date, and reads each date's lines through (shop, promisedLatest, orderedAt) (computed in the shop's timezone by ~/domain/insights promiseDeadlines).
//   - Batches: IncomingBatch (shop, receivedOn) for those received in a period and those still pending.
// DateTime columns are ISO-8601 text on SQLite (julianday() reads them) and timestamps on PostgreSQL: the few
// spellings that differ (JSON tables, instants, wait arithmetic) come from ./sql-dialect, chosen once here.
import prisma, { DATABASE_PROVIDER } from "~/db.server";
import type { IsoDate } from "~/domain/types";
import { waitMs } from "./insights-rollups.sql";
import { buildQuery, sqlDialect, sqlText, sqlWith } from "./sql-dialect";

const sql = sqlDialect(DATABASE_PROVIDER);
const raw = sqlText;
/** `prisma.$queryRaw` for templates with dialect pieces (see buildQuery). */
function query<T>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T> {
  const { text, params } = buildQuery(DATABASE_PROVIDER, strings, values);
  return prisma.$queryRawUnsafe<T>(text, ...params);
}

export interface PeriodRange {
  shop: string;
  from: Date;
  to: Date;
}

export interface LineTotalsRow {
  status: string;
  currency: string | null;
  lines: number;
  units: number;
  /** Sum of unit price × quantity over the lines that have a price. */
  valueMinor: number;
  unpricedLines: number;
}

/** Lines ordered in [from, to), by status and currency: units, value and how many lines have no price. */
export async function lineTotalsOrderedIn({ shop, from, to }: PeriodRange): Promise<LineTotalsRow[]> {
  const rows = await prisma.$queryRaw<LineTotalsRow[]>`SELECT "status", "currency", COUNT(*) AS "lines", SUM("quantity") AS "units",
      SUM(COALESCE("unitPriceMinor" * "quantity", 0)) AS "valueMinor", SUM(CASE WHEN "unitPriceMinor" IS NULL THEN 1 ELSE 0 END) AS "unpricedLines"
    FROM "BackorderLine" WHERE "shop" = ${shop} AND "orderedAt" >= ${from} AND "orderedAt" < ${to}
    GROUP BY "status", "currency"`;
  return rows.map(numbers);
}

/** Distinct orders with a backordered line (not cancelled) placed in [from, to). */
export async function ordersWithOwedLinesIn({ shop, from, to }: PeriodRange): Promise<number> {
  const [row] = await prisma.$queryRaw<{ orders: number | bigint }[]>`SELECT COUNT(DISTINCT "orderId") AS "orders" FROM "BackorderLine"
    WHERE "shop" = ${shop} AND "orderedAt" >= ${from} AND "orderedAt" < ${to} AND "status" <> 'cancelled'`;
  return Number(row?.orders ?? 0);
}

/** What is owed now (every waiting line, whenever ordered), by currency. */
export async function waitingTotals({ shop }: { shop: string }): Promise<Omit<LineTotalsRow, "status">[]> {
  const rows = await prisma.$queryRaw<Omit<LineTotalsRow, "status">[]>`SELECT "currency", COUNT(*) AS "lines", SUM("quantity") AS "units",
      SUM(COALESCE("unitPriceMinor" * "quantity", 0)) AS "valueMinor", SUM(CASE WHEN "unitPriceMinor" IS NULL THEN 1 ELSE 0 END) AS "unpricedLines"
    FROM "BackorderLine" WHERE "shop" = ${shop} AND "status" = 'waiting' GROUP BY "currency"`;
  return rows.map(numbers);
}

/** The distinct promised latest dates of the lines ordered in [from, to) (at most one per calendar day). */
export async function promisedDatesIn({ shop, from, to }: PeriodRange): Promise<IsoDate[]> {
  const rows = await prisma.$queryRaw<{ d: string }[]>`SELECT DISTINCT "promisedLatest" AS "d" FROM "BackorderLine"
    WHERE "shop" = ${shop} AND "orderedAt" >= ${from} AND "orderedAt" < ${to} AND "promisedLatest" IS NOT NULL`;
  return rows.map((r) => r.d);
}

export interface PromiseCountsRow {
  onTime: number;
  lateReady: number;
  lateWaiting: number;
  pending: number;
}

/**
 * Promise keeping of the lines ordered in [from, to) with a promised date, cancelled lines aside: ready
 * (allocatedAt) before the promise's deadline, ready after it, still waiting past it, still waiting before it.
 * `deadlines` maps each promised date to the instant it is broken; a date missing from it is not counted.
 */
export async function promiseCountsIn({ shop, from, to, now, deadlines }: PeriodRange & { now: Date; deadlines: Map<IsoDate, Date> }): Promise<PromiseCountsRow> {
  if (deadlines.size === 0) return { onTime: 0, lateReady: 0, lateWaiting: 0, pending: 0 };
  // One JSON parameter, whatever the number of dates (SQLite binds at most 999 parameters). CROSS JOIN keeps
  // the dates as the outer loop (SQLite never reorders it): one (shop, promisedLatest, orderedAt) index range
  // per promised date, rather than a pass over the dates for every line.
  const table = JSON.stringify(Object.fromEntries([...deadlines].map(([day, at]) => [day, at.toISOString()])));
  const allocated = raw(sql.instant(`l."allocatedAt"`));
  const at = raw(sql.instant(`d."at"`));
  const nowAt = sqlWith(sql.instant, now);
  const [row] = await query<PromiseCountsRow[]>`WITH "deadline"("day", "at") AS (${sqlWith(sql.jsonObjectRows, table)})
    SELECT
      SUM(CASE WHEN l."allocatedAt" IS NOT NULL AND ${allocated} < ${at} THEN 1 ELSE 0 END) AS "onTime",
      SUM(CASE WHEN l."allocatedAt" IS NOT NULL AND ${allocated} >= ${at} THEN 1 ELSE 0 END) AS "lateReady",
      SUM(CASE WHEN l."allocatedAt" IS NULL AND l."status" = 'waiting' AND ${nowAt} >= ${at} THEN 1 ELSE 0 END) AS "lateWaiting",
      SUM(CASE WHEN l."allocatedAt" IS NULL AND l."status" = 'waiting' AND ${nowAt} < ${at} THEN 1 ELSE 0 END) AS "pending"
    FROM "deadline" d CROSS JOIN "BackorderLine" l
    WHERE l."promisedLatest" = d."day" AND l."shop" = ${shop} AND l."orderedAt" >= ${from} AND l."orderedAt" < ${to} AND l."status" <> 'cancelled'`;
  return numbers(row ?? { onTime: 0, lateReady: 0, lateWaiting: 0, pending: 0 });
}

export interface WaitHistogram {
  lines: number;
  totalDays: number;
  buckets: { hour: number; lines: number }[];
}

/**
 * Waits from order to ready (allocatedAt − orderedAt) of the lines ordered in [from, to) that are ready, by
 * whole hour (the ledger's direct computation: the dashboard reads the roll-ups, tests compare the two). Waits are
 * whole milliseconds (SQLite's julianday() differences are floating point, 121 h reading as 120.99999 h: rounded
 * first), divided as integers, so a wait of exactly 121 h lands in hour 121.
 */
export async function waitHistogramIn({ shop, from, to }: PeriodRange): Promise<WaitHistogram> {
  const wait = raw(waitMs("l", DATABASE_PROVIDER));
  const rows = await query<{ hour: unknown; lines: unknown; ms: unknown }[]>`SELECT
      ${wait} / 3600000 AS "hour", COUNT(*) AS "lines", SUM(${wait}) AS "ms"
    FROM "BackorderLine" l WHERE "shop" = ${shop} AND "orderedAt" >= ${from} AND "orderedAt" < ${to} AND "allocatedAt" IS NOT NULL
    GROUP BY 1`;
  const buckets = rows.map((r) => ({ hour: Number(r.hour), lines: Number(r.lines) }));
  // Waits summed as whole milliseconds (exact, whatever the order of the sum), then turned into days.
  return { lines: buckets.reduce((s, b) => s + b.lines, 0), totalDays: rows.reduce((s, r) => s + Number(r.ms), 0) / 86_400_000, buckets };
}

/** Delay emails actually sent that were queued in [from, to). */
export async function delayNoticesSentIn({ shop, from, to }: PeriodRange): Promise<number> {
  return prisma.emailOutbox.count({ where: { shop, createdAt: { gte: from, lt: to }, kind: "delay_notice", status: "sent" } });
}

/** Batches received on a local date in [fromDate, toDate): the suppliers' record for the period. */
export async function batchesReceivedIn({ shop, fromDate, toDate }: { shop: string; fromDate: IsoDate; toDate: IsoDate }) {
  return prisma.incomingBatch.findMany({
    where: { shop, receivedOn: { gte: fromDate, lt: toDate } },
    select: { supplier: true, expectedOn: true, receivedOn: true },
  });
}

/** Batches not received yet, of the managed variants. */
export async function pendingBatches({ shop }: { shop: string }) {
  return prisma.incomingBatch.findMany({
    where: { shop, receivedOn: null },
    select: { backorderVariantId: true, expectedOn: true, quantity: true },
  });
}

/** Variants the shop sells on backorder (mode other than off). */
export async function backorderableVariantsForInsights({ shop }: { shop: string }) {
  return prisma.backorderVariant.findMany({
    where: { shop, mode: { in: ["always", "when_sold_out"] } },
    select: { id: true, productId: true, variantId: true, productTitle: true, variantTitle: true, cap: true, leadTimeDays: true, capacityPerWeek: true, available: true, version: true },
  });
}

/** Units backordered per variant since `since` (cancelled lines aside). */
export async function unitsBackorderedSince({ shop, since }: { shop: string; since: Date }): Promise<Map<string, number>> {
  const rows = await prisma.backorderLine.groupBy({
    by: ["variantId"],
    where: { shop, orderedAt: { gte: since }, status: { not: "cancelled" } },
    _sum: { quantity: true },
  });
  return new Map(rows.map((r) => [r.variantId, r._sum.quantity ?? 0]));
}

/** Units waiting now per variant. */
export async function unitsWaitingByVariant({ shop }: { shop: string }): Promise<Map<string, number>> {
  const rows = await prisma.backorderLine.groupBy({ by: ["variantId"], where: { shop, status: "waiting" }, _sum: { quantity: true } });
  return new Map(rows.map((r) => [r.variantId, r._sum.quantity ?? 0]));
}

/** A Date as the driver stores DateTime columns (ISO-8601 with "+00:00"), so text comparisons use the indexes. */
const stored = (d: Date) => d.toISOString().replace("Z", "+00:00");

/**
 * The buckets of a series as one JSON parameter: bucket k is [starts[k], starts[k + 1]), the last real one
 * ends at `end`, and one more bucket (index starts.length) runs from `end` on: everything after the period.
 */
function bucketTable(starts: readonly Date[], end: Date): string {
  const bounds = [...starts, end];
  const rows = bounds.map((s, k) => [stored(s), k + 1 < bounds.length ? stored(bounds[k + 1] as Date) : "9999-12-31T00:00:00.000+00:00"]);
  return JSON.stringify(rows);
}

export interface OrderedBucketRow {
  bucket: number;
  currency: string | null;
  /** Every unit ordered in the bucket, cancelled or not (a cancelled line waited until it was cancelled). */
  units: number;
  /** Value of the lines not cancelled (revenue taken). */
  valueMinor: number;
}

/**
 * Units ordered per bucket (see bucketTable), and the value of those not cancelled, by currency. CROSS JOIN
 * keeps the buckets as the outer loop: one (shop, orderedAt) index range per bucket.
 */
export async function orderedByBucket({ shop, starts, end }: { shop: string; starts: readonly Date[]; end: Date }): Promise<OrderedBucketRow[]> {
  const table = bucketTable(starts, end);
  const rows = await query<OrderedBucketRow[]>`WITH "b"("k", "s", "e") AS (${sqlWith(sql.jsonRangeRows, table)})
    SELECT b."k" AS "bucket", l."currency" AS "currency", SUM(l."quantity") AS "units",
      SUM(CASE WHEN l."status" <> 'cancelled' THEN COALESCE(l."unitPriceMinor" * l."quantity", 0) ELSE 0 END) AS "valueMinor"
    FROM "b" b CROSS JOIN "BackorderLine" l
    WHERE l."shop" = ${shop} AND l."orderedAt" >= b."s" AND l."orderedAt" < b."e"
    GROUP BY b."k", l."currency"`;
  return rows.map(numbers);
}

/**
 * Units that stopped waiting per bucket (see bucketTable): a line not waiting any more stopped when it became
 * ready (allocatedAt) or, never ready, at its last change (the cancellation: the ledger keeps no other date).
 * Two index ranges per bucket: (shop, allocatedAt) and (shop, status, updatedAt) for cancelled lines.
 */
export async function endedByBucket({ shop, starts, end }: { shop: string; starts: readonly Date[]; end: Date }): Promise<number[]> {
  const table = bucketTable(starts, end);
  const rows = await query<{ bucket: unknown; units: unknown }[]>`WITH "b"("k", "s", "e") AS (${sqlWith(sql.jsonRangeRows, table)})
    SELECT "bucket", SUM("units") AS "units" FROM (
      SELECT b."k" AS "bucket", SUM(l."quantity") AS "units" FROM "b" b CROSS JOIN "BackorderLine" l
        WHERE l."shop" = ${shop} AND l."allocatedAt" >= b."s" AND l."allocatedAt" < b."e" AND l."status" <> 'waiting' GROUP BY b."k"
      UNION ALL
      SELECT b."k", SUM(l."quantity") FROM "b" b CROSS JOIN "BackorderLine" l
        WHERE l."shop" = ${shop} AND l."status" = 'cancelled' AND l."updatedAt" >= b."s" AND l."updatedAt" < b."e" AND ${raw(sql.noIndex(`l."allocatedAt"`))} IS NULL GROUP BY b."k"
    ) AS "u" GROUP BY "bucket"`;
  const out = new Array<number>(starts.length + 1).fill(0);
  for (const r of rows) out[Number(r.bucket)] = Number(r.units);
  return out;
}

export interface DelayCancellationRow {
  source: string;
  amount: string | null;
  currency: string | null;
  /** Cancellations with this source, amount and currency. */
  cancellations: number;
  lines: number;
  units: number;
}

/**
 * Cancellations refunded in [from, to) that a delay caused, from the support desk's own records: the customer
 * chose "cancel" from a delay email's link (source customer), or staff cancelled lines of which one had been
 * told a later date than its checkout promise (a delay notice) or whose estimate had passed its promise.
 * Grouped by source, refunded amount (Shopify's, decimal text) and currency, with how many cancellations and
 * the lines and units they took: a few hundred rows for a year of thousands of cancellations.
 */
export async function delayCancellationsIn({ shop, from, to }: PeriodRange): Promise<DelayCancellationRow[]> {
  const rows = await query<DelayCancellationRow[]>`SELECT "source", "amount", "currency", COUNT(*) AS "cancellations", SUM("lines") AS "lines", SUM("units") AS "units"
    FROM (SELECT c."source" AS "source", c."amount" AS "amount", c."currency" AS "currency", COUNT(l."id") AS "lines", COALESCE(SUM(l."quantity"), 0) AS "units"
      FROM "SupportCancellation" c ${raw(sql.jsonArrayJoin(`c."lineIds"`, "j"))} JOIN "BackorderLine" l ON l."id" = j."value" AND l."shop" = c."shop"
      WHERE c."shop" = ${shop} AND c."status" = 'refunded' AND c."completedAt" >= ${from} AND c."completedAt" < ${to}
      GROUP BY c."id"
      HAVING c."source" = 'customer' OR MAX(CASE WHEN l."promisedLatest" IS NOT NULL AND (l."notifiedLatest" > l."promisedLatest" OR l."estimateLatest" > l."promisedLatest") THEN 1 ELSE 0 END) = 1) AS "u"
    GROUP BY "source", "amount", "currency"`;
  return rows.map(numbers);
}

/**
 * Integer aggregates come back as bigint (SQLite; PostgreSQL's COUNT and SUM of integers) or Decimal
 * (PostgreSQL's SUM of bigints): plain numbers for the page.
 */
function numbers<T extends object>(row: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    const decimal = typeof v === "object" && v !== null && !(v instanceof Date) && "toFixed" in v;
    out[k] = typeof v === "bigint" || decimal ? Number(v) : v === null && k !== "currency" ? 0 : v;
  }
  return out as T;
}

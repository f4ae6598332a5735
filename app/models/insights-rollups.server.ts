// The dashboard's daily roll-ups (docs/decisions/009-insights-rollups.md): built here from the ledger and outbox,
// then kept by the triggers of migration insights_rollups (./insights-rollups.sql.ts) on every write, whatever
// its path (webhooks, reconciliation, support, redaction, seed, erasure). A period reads O(days) rows.
// Days are the shop's local dates in the timezone the roll-ups were built for; another timezone rebuilds them.
import prisma, { DATABASE_PROVIDER } from "~/db.server";
import { offsetSpans } from "~/domain/insights";
import type { IsoDate } from "~/domain/types";
import type { LineTotalsRow, PromiseCountsRow } from "./insights.server";
import { localDay, waitMs } from "./insights-rollups.sql";
import { sqlDialect } from "./sql-dialect";

const sql = sqlDialect(DATABASE_PROVIDER);

/** Every roll-up table but the state (deleted first, so the ledger deletes of an erasure skip the triggers' work). */
const ROLLUP_TABLES = ["InsightsTzSpan", "InsightsLineDay", "InsightsDay", "InsightsOrderDay", "InsightsWaitDay", "InsightsWaitHour", "InsightsWaitMonth", "InsightsWaitHourMonth", "InsightsPromiseDay", "InsightsWaiting"];

/** A Date as the driver stores DateTime columns (ISO-8601 with "+00:00"), the text the triggers compare. */
const stored = (d: Date) => d.toISOString().replace("Z", "+00:00");
/** The first span stands for every instant before its computed start (see offsetSpans). */
const BEGINNING = "0000-01-01T00:00:00.000+00:00";

/** The roll-ups' timezone for the shop, or null when they were never built. */
export async function rollupTimeZone({ shop }: { shop: string }): Promise<string | null> {
  const state = await prisma.insightsRollupState.findUnique({ where: { shop }, select: { timeZone: true } });
  return state?.timeZone ?? null;
}

/** Builds the roll-ups unless they exist for this timezone; true when it had to build them. */
export async function ensureInsightsRollups({ shop, timeZone, now = new Date() }: { shop: string; timeZone: string; now?: Date }): Promise<boolean> {
  if ((await rollupTimeZone({ shop })) === timeZone) return false;
  await rebuildInsightsRollups({ shop, timeZone, now });
  return true;
}

const day = (instant: string) => localDay(`l."${instant}"`, `l."shop"`, DATABASE_PROVIDER);
const wait = waitMs("l", DATABASE_PROVIDER);
const deleteShopRows = (t: string, shop: string) => prisma.$executeRawUnsafe(`DELETE FROM "${t}" WHERE "shop" = ${sql.param(1)}`, shop);

/**
 * Drops the shop's roll-ups and builds them from its ledger and outbox in `timeZone`, in one transaction (a
 * ledger write waits for it, then goes through the triggers). The same arithmetic as the triggers, grouped.
 * SQLite's single writer lock keeps ledger writes out meanwhile; PostgreSQL takes that lock explicitly (writes to
 * the ledger and outbox wait, reads do not), and reads the local day from its own timezone database (no spans).
 */
export async function rebuildInsightsRollups({ shop, timeZone, now = new Date() }: { shop: string; timeZone: string; now?: Date }): Promise<void> {
  const spans = offsetSpans(timeZone).map((s, i) => ({ shop, startsAt: i === 0 ? BEGINNING : stored(s.startsAt), offsetMinutes: s.offsetMinutes }));
  const upsert = (statement: string) => prisma.$executeRawUnsafe(sql.qualifyUpsert(statement.replace("?", sql.param(1))), shop);
  const postgres = sql.dialect === "postgresql";
  await prisma.$transaction([
    ...(postgres ? [prisma.$executeRawUnsafe(`LOCK TABLE "BackorderLine", "EmailOutbox" IN SHARE ROW EXCLUSIVE MODE`)] : []),
    prisma.insightsRollupState.deleteMany({ where: { shop } }),
    ...ROLLUP_TABLES.map((t) => deleteShopRows(t, shop)),
    ...(postgres ? [] : [prisma.insightsTzSpan.createMany({ data: spans })]),
    prisma.insightsRollupState.create({ data: { shop, timeZone, builtAt: now } }),
    upsert(`INSERT INTO "InsightsLineDay" ("shop", "day", "status", "currency", "lines", "units", "valueMinor", "unpricedLines")
      SELECT l."shop", ${day("orderedAt")}, l."status", COALESCE(l."currency", ''), COUNT(*), SUM(l."quantity"), SUM(COALESCE(l."unitPriceMinor" * l."quantity", 0)),
        SUM(${sql.bit(`l."unitPriceMinor" IS NULL`)})
      FROM "BackorderLine" l WHERE l."shop" = ? GROUP BY 1, 2, 3, 4`),
    // The order trigger counts each (order, day) with a live line into InsightsDay.orders.
    upsert(`INSERT INTO "InsightsOrderDay" ("shop", "orderId", "day", "liveLines")
      SELECT l."shop", l."orderId", ${day("orderedAt")}, COUNT(*) FROM "BackorderLine" l WHERE l."shop" = ? AND l."status" <> 'cancelled' GROUP BY 1, 2, 3`),
    upsert(`INSERT INTO "InsightsDay" ("shop", "day", "endedUnits")
      SELECT l."shop", ${day("allocatedAt")}, SUM(l."quantity") FROM "BackorderLine" l WHERE l."shop" = ? AND l."allocatedAt" IS NOT NULL AND l."status" <> 'waiting' GROUP BY 1, 2
      ON CONFLICT ("shop", "day") DO UPDATE SET "endedUnits" = "endedUnits" + excluded."endedUnits"`),
    upsert(`INSERT INTO "InsightsDay" ("shop", "day", "endedUnits")
      SELECT l."shop", ${day("updatedAt")}, SUM(l."quantity") FROM "BackorderLine" l WHERE l."shop" = ? AND l."allocatedAt" IS NULL AND l."status" = 'cancelled' GROUP BY 1, 2
      ON CONFLICT ("shop", "day") DO UPDATE SET "endedUnits" = "endedUnits" + excluded."endedUnits"`),
    upsert(`INSERT INTO "InsightsDay" ("shop", "day", "delayNotices")
      SELECT l."shop", ${day("createdAt")}, COUNT(*) FROM "EmailOutbox" l WHERE l."shop" = ? AND l."kind" = 'delay_notice' AND l."status" = 'sent' GROUP BY 1, 2
      ON CONFLICT ("shop", "day") DO UPDATE SET "delayNotices" = "delayNotices" + excluded."delayNotices"`),
    upsert(`INSERT INTO "InsightsWaitDay" ("shop", "day", "waitDays", "lines", "waitMs")
      SELECT l."shop", ${day("orderedAt")}, ${wait} / 86400000, COUNT(*), SUM(${wait}) FROM "BackorderLine" l
      WHERE l."shop" = ? AND l."allocatedAt" IS NOT NULL GROUP BY 1, 2, 3`),
    upsert(`INSERT INTO "InsightsWaitHour" ("shop", "hour", "day", "lines")
      SELECT l."shop", ${wait} / 3600000, ${day("orderedAt")}, COUNT(*) FROM "BackorderLine" l
      WHERE l."shop" = ? AND l."allocatedAt" IS NOT NULL GROUP BY 1, 2, 3`),
    upsert(`INSERT INTO "InsightsWaitMonth" ("shop", "month", "waitDays", "lines", "waitMs")
      SELECT "shop", substr("day", 1, 7), "waitDays", SUM("lines"), SUM("waitMs") FROM "InsightsWaitDay" WHERE "shop" = ? GROUP BY 1, 2, 3`),
    upsert(`INSERT INTO "InsightsWaitHourMonth" ("shop", "hour", "month", "lines")
      SELECT "shop", "hour", substr("day", 1, 7), SUM("lines") FROM "InsightsWaitHour" WHERE "shop" = ? GROUP BY 1, 2, 3`),
    upsert(`INSERT INTO "InsightsPromiseDay" ("shop", "day", "promisedLatest", "onTime", "lateReady", "waiting")
      SELECT l."shop", ${day("orderedAt")}, l."promisedLatest",
        SUM(${sql.bit(`l."allocatedAt" IS NOT NULL AND ${day("allocatedAt")} <= l."promisedLatest"`)}),
        SUM(${sql.bit(`l."allocatedAt" IS NOT NULL AND ${day("allocatedAt")} > l."promisedLatest"`)}),
        SUM(${sql.bit(`l."allocatedAt" IS NULL AND l."status" = 'waiting'`)})
      FROM "BackorderLine" l WHERE l."shop" = ? AND l."status" <> 'cancelled' AND l."promisedLatest" IS NOT NULL GROUP BY 1, 2, 3`),
    upsert(`INSERT INTO "InsightsWaiting" ("shop", "variantId", "currency", "lines", "units", "valueMinor", "unpricedLines")
      SELECT l."shop", l."variantId", COALESCE(l."currency", ''), COUNT(*), SUM(l."quantity"), SUM(COALESCE(l."unitPriceMinor" * l."quantity", 0)), SUM(${sql.bit(`l."unitPriceMinor" IS NULL`)})
      FROM "BackorderLine" l WHERE l."shop" = ? AND l."status" = 'waiting' GROUP BY 1, 2, 3`),
  ]);
}

/** The shop's roll-ups and their state (shop/redact; the triggers then skip the ledger's deletes). */
export function eraseRollupOperations(shop: string) {
  return [prisma.insightsRollupState.deleteMany({ where: { shop } }), ...ROLLUP_TABLES.map((t) => deleteShopRows(t, shop))];
}

export interface DayRange {
  shop: string;
  /** First local day, included. */
  fromDate: IsoDate;
  /** Local day after the last one, excluded. */
  toDate: IsoDate;
}

const int = (v: unknown) => Number(v ?? 0);
const currencyOf = (c: string) => (c === "" ? null : c);

/** Lines ordered on the days, by status and currency (as lineTotalsOrderedIn). */
export async function rolledLineTotals({ shop, fromDate, toDate }: DayRange): Promise<LineTotalsRow[]> {
  const rows = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT "status", "currency", SUM("lines") AS "lines", SUM("units") AS "units",
      SUM("valueMinor") AS "valueMinor", SUM("unpricedLines") AS "unpricedLines"
    FROM "InsightsLineDay" WHERE "shop" = ${shop} AND "day" >= ${fromDate} AND "day" < ${toDate}
    GROUP BY "status", "currency" HAVING SUM("lines") > 0`;
  return rows.map((r) => ({
    status: r.status as string,
    currency: currencyOf(r.currency as string),
    lines: int(r.lines),
    units: int(r.units),
    valueMinor: int(r.valueMinor),
    unpricedLines: int(r.unpricedLines),
  }));
}

/** Per day (from `fromDate` on, days after the period included): orders with a live line, units that stopped waiting, delay notices. */
export async function rolledDays({ shop, fromDate }: { shop: string; fromDate: IsoDate }): Promise<{ day: string; orders: number; endedUnits: number; delayNotices: number }[]> {
  const rows = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT "day", "orders", "endedUnits", "delayNotices" FROM "InsightsDay"
    WHERE "shop" = ${shop} AND "day" >= ${fromDate}`;
  return rows.map((r) => ({ day: r.day as string, orders: int(r.orders), endedUnits: int(r.endedUnits), delayNotices: int(r.delayNotices) }));
}

/** Units ordered per day (every status) and value not cancelled, by currency, from `fromDate` on (the series). */
export async function rolledOrderedByDay({ shop, fromDate }: { shop: string; fromDate: IsoDate }): Promise<{ day: string; currency: string | null; units: number; valueMinor: number }[]> {
  const rows = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT "day", "currency", SUM("units") AS "units",
      SUM(CASE WHEN "status" <> 'cancelled' THEN "valueMinor" ELSE 0 END) AS "valueMinor"
    FROM "InsightsLineDay" WHERE "shop" = ${shop} AND "day" >= ${fromDate}
    GROUP BY "day", "currency" HAVING SUM("lines") > 0`;
  return rows.map((r) => ({ day: r.day as string, currency: currencyOf(r.currency as string), units: int(r.units), valueMinor: int(r.valueMinor) }));
}

/** What is waiting now, by currency (as waitingTotals) and units by variant (as unitsWaitingByVariant). */
export async function rolledWaiting({ shop }: { shop: string }): Promise<{ totals: Omit<LineTotalsRow, "status">[]; byVariant: Map<string, number> }> {
  const rows = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT "variantId", "currency", "lines", "units", "valueMinor", "unpricedLines"
    FROM "InsightsWaiting" WHERE "shop" = ${shop} AND "lines" > 0`;
  const totals = new Map<string, Omit<LineTotalsRow, "status">>();
  const byVariant = new Map<string, number>();
  for (const r of rows) {
    const key = r.currency as string;
    const t = totals.get(key) ?? { currency: currencyOf(key), lines: 0, units: 0, valueMinor: 0, unpricedLines: 0 };
    t.lines += int(r.lines);
    t.units += int(r.units);
    t.valueMinor += int(r.valueMinor);
    t.unpricedLines += int(r.unpricedLines);
    totals.set(key, t);
    byVariant.set(r.variantId as string, (byVariant.get(r.variantId as string) ?? 0) + int(r.units));
  }
  return { totals: [...totals.values()], byVariant };
}

/** Lines ordered on the days with a promised date, per promised date: ready by it (local date), ready after, still waiting. */
export async function rolledPromises({ shop, fromDate, toDate }: DayRange): Promise<{ promisedLatest: string; onTime: number; lateReady: number; waiting: number }[]> {
  const rows = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT "promisedLatest", SUM("onTime") AS "onTime", SUM("lateReady") AS "lateReady", SUM("waiting") AS "waiting"
    FROM "InsightsPromiseDay" WHERE "shop" = ${shop} AND "day" >= ${fromDate} AND "day" < ${toDate} GROUP BY "promisedLatest"`;
  return rows.map((r) => ({ promisedLatest: r.promisedLatest as string, onTime: int(r.onTime), lateReady: int(r.lateReady), waiting: int(r.waiting) }));
}

export type { PromiseCountsRow };

/**
 * A range of days as whole months (read from the monthly tables) and the days at its edges: months whose every
 * day is in [fromDate, toDate), then the days before the first of them and from the last one's end.
 */
export function monthSplit({ fromDate, toDate }: { fromDate: IsoDate; toDate: IsoDate }): { fromMonth: string; toMonth: string; days: [string, string][] } {
  const firstFull = fromDate.endsWith("-01") ? fromDate.slice(0, 7) : nextMonth(fromDate.slice(0, 7));
  const end = toDate.slice(0, 7);
  if (firstFull >= end) return { fromMonth: "", toMonth: "", days: [[fromDate, toDate]] };
  return { fromMonth: firstFull, toMonth: end, days: [[fromDate, `${firstFull}-01`], [`${end}-01`, toDate]] };
}

function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** Ready lines ordered on the days, by whole days of wait: count and total wait in ms (whole months from InsightsWaitMonth). */
export async function rolledWaitDays({ shop, fromDate, toDate }: DayRange): Promise<{ waitDays: number; lines: number; waitMs: number }[]> {
  const { fromMonth, toMonth, days } = monthSplit({ fromDate, toDate });
  const [a, b] = days as [[string, string], [string, string] | undefined];
  const rows = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT "waitDays", SUM("lines") AS "lines", SUM("waitMs") AS "waitMs" FROM (
      SELECT "waitDays", "lines", "waitMs" FROM "InsightsWaitMonth" WHERE "shop" = ${shop} AND "month" >= ${fromMonth} AND "month" < ${toMonth}
      UNION ALL SELECT "waitDays", "lines", "waitMs" FROM "InsightsWaitDay" WHERE "shop" = ${shop} AND "day" >= ${a[0]} AND "day" < ${a[1]}
      UNION ALL SELECT "waitDays", "lines", "waitMs" FROM "InsightsWaitDay" WHERE "shop" = ${shop} AND "day" >= ${b?.[0] ?? ""} AND "day" < ${b?.[1] ?? ""}) AS "u"
    GROUP BY "waitDays" HAVING SUM("lines") > 0`;
  return rows.map((r) => ({ waitDays: int(r.waitDays), lines: int(r.lines), waitMs: int(r.waitMs) }));
}

/** Ready lines ordered on the days whose wait is in [fromHour, toHour), by whole hour (whole months from InsightsWaitHourMonth). */
export async function rolledWaitHours({ shop, fromDate, toDate, fromHour, toHour }: DayRange & { fromHour: number; toHour: number }): Promise<{ hour: number; lines: number }[]> {
  const { fromMonth, toMonth, days } = monthSplit({ fromDate, toDate });
  const [a, b] = days as [[string, string], [string, string] | undefined];
  const rows = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT "hour", SUM("lines") AS "lines" FROM (
      SELECT "hour", "lines" FROM "InsightsWaitHourMonth" WHERE "shop" = ${shop} AND "hour" >= ${fromHour} AND "hour" < ${toHour} AND "month" >= ${fromMonth} AND "month" < ${toMonth}
      UNION ALL SELECT "hour", "lines" FROM "InsightsWaitHour" WHERE "shop" = ${shop} AND "hour" >= ${fromHour} AND "hour" < ${toHour} AND "day" >= ${a[0]} AND "day" < ${a[1]}
      UNION ALL SELECT "hour", "lines" FROM "InsightsWaitHour" WHERE "shop" = ${shop} AND "hour" >= ${fromHour} AND "hour" < ${toHour} AND "day" >= ${b?.[0] ?? ""} AND "day" < ${b?.[1] ?? ""}) AS "u"
    GROUP BY "hour" HAVING SUM("lines") > 0`;
  return rows.map((r) => ({ hour: int(r.hour), lines: int(r.lines) }));
}

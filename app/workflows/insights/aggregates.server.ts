// The additive numbers of the dashboard for a period, from one of two sources that must agree exactly:
//   - fromRollups (what the page reads): the daily roll-ups the triggers keep (~/models/insights-rollups.server),
//     O(days) rows whatever the lines in the period (docs/decisions/009-insights-rollups.md);
//   - fromLedger: the same numbers aggregated from the ledger's lines (~/models/insights.server), O(lines); the
//     oracle of tests/integration/insights-rollups.test.ts.
// Rows come out in one order (status, then currency; bucket, then currency) so both build the same dashboard.
import { addCalendarDays, isIsoDate } from "~/domain/dates";
import { localDayStart, promiseDeadlines, waitStats, type PeriodBounds, type TimeBuckets, type WaitStats } from "~/domain/insights";
import type { IsoDate } from "~/domain/types";
import {
  delayNoticesSentIn,
  endedByBucket,
  lineTotalsOrderedIn,
  orderedByBucket,
  ordersWithOwedLinesIn,
  promiseCountsIn,
  promisedDatesIn,
  unitsWaitingByVariant,
  waitHistogramIn,
  waitingTotals,
  type LineTotalsRow,
  type OrderedBucketRow,
  type PromiseCountsRow,
} from "~/models/insights.server";
import {
  ensureInsightsRollups,
  rolledDays,
  rolledLineTotals,
  rolledOrderedByDay,
  rolledPromises,
  rolledWaitDays,
  rolledWaitHours,
  rolledWaiting,
} from "~/models/insights-rollups.server";

export interface PeriodAggregates {
  /** Lines ordered in the period, by status and currency. */
  ordered: LineTotalsRow[];
  /** Distinct orders with a line not cancelled ordered in the period. */
  orders: number;
  /** What is waiting now, by currency, and units waiting per variant. */
  waiting: Omit<LineTotalsRow, "status">[];
  waitingByVariant: Map<string, number>;
  promises: PromiseCountsRow;
  wait: WaitStats;
  delayNoticesSent: number;
  /** The series: units ordered and revenue per bucket and currency, units that stopped waiting per bucket (each with the tail after the period). */
  orderedByBucket: OrderedBucketRow[];
  endedByBucket: number[];
}

export interface AggregateQuery {
  shop: string;
  bounds: PeriodBounds;
  timeZone: string;
  now: Date;
  series: TimeBuckets;
}

export type AggregateSource = (q: AggregateQuery) => Promise<PeriodAggregates>;

const byText = (a: string | null, b: string | null) => (a ?? "").localeCompare(b ?? "") || Number(a !== null) - Number(b !== null);

function ordered(a: PeriodAggregates): PeriodAggregates {
  return {
    ...a,
    ordered: [...a.ordered].sort((x, y) => x.status.localeCompare(y.status) || byText(x.currency, y.currency)),
    waiting: [...a.waiting].sort((x, y) => byText(x.currency, y.currency)),
    orderedByBucket: [...a.orderedByBucket].sort((x, y) => x.bucket - y.bucket || byText(x.currency, y.currency)),
  };
}

/** Straight from the ledger's lines and the outbox (O(lines in the period)). */
export const fromLedger: AggregateSource = async ({ shop, bounds, timeZone, now, series }) => {
  const range = { shop, from: bounds.from, to: bounds.to };
  const dates = (await promisedDatesIn(range)).filter(isIsoDate);
  const starts = series.buckets.map((b) => b.start);
  return ordered({
    ordered: await lineTotalsOrderedIn(range),
    orders: await ordersWithOwedLinesIn(range),
    waiting: await waitingTotals({ shop }),
    waitingByVariant: await unitsWaitingByVariant({ shop }),
    promises: await promiseCountsIn({ ...range, now, deadlines: promiseDeadlines(dates, timeZone) }),
    wait: waitStats(await waitHistogramIn(range)),
    delayNoticesSent: await delayNoticesSentIn(range),
    orderedByBucket: await orderedByBucket({ shop, starts, end: series.end }),
    endedByBucket: await endedByBucket({ shop, starts, end: series.end }),
  });
};

/**
 * From the daily roll-ups (built first if missing or kept for another timezone). The period and the series'
 * buckets are whole local days, so each is a sum of days. The p90 wait reads the wait per whole day first, then
 * the hours of the one day of wait that holds the p90's rank: the histogram handed to waitStats is exact by
 * hour there and by day elsewhere, which gives the same nearest-rank hour as the full hourly histogram.
 */
export const fromRollups: AggregateSource = async ({ shop, bounds, timeZone, now, series }) => {
  await ensureInsightsRollups({ shop, timeZone, now });
  const days = { shop, fromDate: bounds.fromDate, toDate: bounds.toDate };

  // Promise keeping: a ready line was on time when its local ready date is on or before the promise (counted
  // by the triggers); a waiting line is late once the promise's deadline has passed.
  const deadlines = new Map<string, Date>();
  const promises: PromiseCountsRow = { onTime: 0, lateReady: 0, lateWaiting: 0, pending: 0 };
  for (const p of await rolledPromises(days)) {
    if (!isIsoDate(p.promisedLatest)) continue;
    const deadline = deadlines.get(p.promisedLatest) ?? localDayStart(addCalendarDays(p.promisedLatest, 1), timeZone);
    deadlines.set(p.promisedLatest, deadline);
    promises.onTime += p.onTime;
    promises.lateReady += p.lateReady;
    if (now.getTime() >= deadline.getTime()) promises.lateWaiting += p.waiting;
    else promises.pending += p.waiting;
  }

  const waitDays = (await rolledWaitDays(days)).sort((a, b) => a.waitDays - b.waitDays);
  const lines = waitDays.reduce((s, d) => s + d.lines, 0);
  const totalDays = waitDays.reduce((s, d) => s + d.waitMs, 0) / 86_400_000;
  const rank = Math.max(1, Math.ceil(0.9 * lines));
  let seen = 0;
  const p90Day = waitDays.find((d) => (seen += d.lines) >= rank)?.waitDays;
  const hours = p90Day === undefined ? [] : await rolledWaitHours({ ...days, fromHour: p90Day * 24, toHour: p90Day * 24 + 24 });
  const buckets = [...waitDays.filter((d) => d.waitDays !== p90Day).map((d) => ({ hour: d.waitDays * 24, lines: d.lines })), ...hours];

  const dayRows = await rolledDays(days);
  const inPeriod = (day: string) => day >= bounds.fromDate && day < bounds.toDate;
  // Each local day from the period's first on to its bucket (the days after the period: the tail).
  const bucketOf = new Map<string, number>();
  let k = -1;
  for (let d: IsoDate = bounds.fromDate; d < bounds.toDate; d = addCalendarDays(d, 1)) {
    if (series.buckets[k + 1]?.date === d) k++;
    bucketOf.set(d, k);
  }
  const bucket = (day: string) => (day >= bounds.toDate ? series.buckets.length : (bucketOf.get(day) ?? -1));
  const orderedRows = new Map<string, OrderedBucketRow>();
  for (const r of await rolledOrderedByDay({ shop, fromDate: bounds.fromDate })) {
    const b = bucket(r.day);
    if (b < 0) continue;
    const key = `${b}\u0000${r.currency ?? ""}`;
    const row = orderedRows.get(key) ?? { bucket: b, currency: r.currency, units: 0, valueMinor: 0 };
    row.units += r.units;
    row.valueMinor += r.valueMinor;
    orderedRows.set(key, row);
  }
  const ended = new Array<number>(series.buckets.length + 1).fill(0);
  for (const r of dayRows) {
    const b = bucket(r.day);
    if (b >= 0) ended[b] = (ended[b] ?? 0) + r.endedUnits;
  }

  const waiting = await rolledWaiting({ shop });
  return ordered({
    ordered: await rolledLineTotals(days),
    orders: dayRows.filter((r) => inPeriod(r.day)).reduce((s, r) => s + r.orders, 0),
    waiting: waiting.totals,
    waitingByVariant: waiting.byVariant,
    promises,
    wait: waitStats({ lines, totalDays, buckets }),
    delayNoticesSent: dayRows.filter((r) => inPeriod(r.day)).reduce((s, r) => s + r.delayNotices, 0),
    orderedByBucket: [...orderedRows.values()],
    endedByBucket: ended,
  });
};

// Dashboard metrics (issue 13): pure arithmetic over aggregates the models read from the app's own ledger.
// Periods are whole days in the shop's timezone, [from, to) with `to` the start of tomorrow (today is
// included). Every "days" figure is calendar time (not business days). Percentiles are nearest-rank,
// like the ETA engine's (./forecast.ts), so a reported value is always one that was observed.
import { DateTime } from "luxon";
import { addCalendarDays, daysBetween, isIsoDate, isoToDay, weekdayOfDay } from "./dates";
import { latenessSamplesFromBatches, latenessStats } from "./forecast";
import type { IsoDate } from "./types";

export const INSIGHTS_PERIODS = [30, 90, 365] as const;
export type InsightsPeriod = (typeof INSIGHTS_PERIODS)[number];
export const DEFAULT_INSIGHTS_PERIOD: InsightsPeriod = 30;
/** "Units backordered" in the demand table counts this many days back, whatever the period. */
export const DEMAND_WINDOW_DAYS = 28;

/**
 * The `?period=` of the dashboard: "30", "90" or "365". Anything else (missing, "7", "abc") is the default:
 * the period is a view filter, so a stale or hand-edited URL shows the default view rather than an error.
 */
export function parseInsightsPeriod(value: string | null | undefined): InsightsPeriod {
  const n = Number(value);
  return (INSIGHTS_PERIODS as readonly number[]).includes(n) && String(n) === value ? (n as InsightsPeriod) : DEFAULT_INSIGHTS_PERIOD;
}

/** The instant a local calendar day starts in `timeZone` (DST handled by the zone database). */
export function localDayStart(date: IsoDate, timeZone: string): Date {
  // Cached (the dashboard asks for every day of two years of buckets and promise deadlines on each visit).
  const key = `${timeZone} ${date}`;
  const cached = dayStartCache.get(key);
  if (cached !== undefined) return new Date(cached);
  const t = DateTime.fromISO(date, { zone: timeZone }).startOf("day");
  if (!t.isValid) throw new RangeError(`Invalid date or timezone: ${date} ${timeZone}`);
  if (dayStartCache.size > 100_000) dayStartCache.clear();
  dayStartCache.set(key, t.toMillis());
  return t.toJSDate();
}
const dayStartCache = new Map<string, number>();

/** The shop-local calendar date of an instant. */
export function localDateOf(instant: Date, timeZone: string): IsoDate {
  return DateTime.fromMillis(instant.getTime(), { zone: timeZone }).toISODate() as IsoDate;
}

export interface PeriodBounds {
  days: number;
  /** First local day of the period. */
  fromDate: IsoDate;
  /** Local day after the last one (today + 1): exclusive. */
  toDate: IsoDate;
  from: Date;
  to: Date;
}

/** The last `days` local days up to and including today, as dates and as instants. */
export function periodBounds({ days, now, timeZone }: { days: number; now: Date; timeZone: string }): PeriodBounds {
  if (!Number.isInteger(days) || days <= 0) throw new RangeError(`Period must be a positive number of days, got ${days}`);
  const today = localDateOf(now, timeZone);
  const fromDate = addCalendarDays(today, -(days - 1));
  const toDate = addCalendarDays(today, 1);
  return { days, fromDate, toDate, from: localDayStart(fromDate, timeZone), to: localDayStart(toDate, timeZone) };
}

/** The longest custom range the dashboard reads (two years of lines). */
export const MAX_CUSTOM_DAYS = 730;

export type InsightsRange = { kind: "preset"; days: InsightsPeriod } | { kind: "custom"; fromDate: IsoDate; lastDate: IsoDate };
/** Why a custom range was not used: a date missing or malformed, the end before the start, the end after today, too long. */
export type RangeProblem = "invalid" | "order" | "future" | "too_long";

/**
 * The dashboard's range from its URL: `?period=30|90|365`, or `?period=custom&from=YYYY-MM-DD&to=YYYY-MM-DD`
 * (both days included, the end no later than `today`, at most MAX_CUSTOM_DAYS days). A custom range that
 * cannot be used falls back to the default period and says why, for the page to show next to the dates.
 */
export function parseInsightsRange(
  query: { period?: string | null; from?: string | null; to?: string | null },
  today: IsoDate,
): { range: InsightsRange; problem: RangeProblem | null } {
  if (query.period !== "custom") return { range: { kind: "preset", days: parseInsightsPeriod(query.period) }, problem: null };
  const fallback = (problem: RangeProblem) => ({ range: { kind: "preset", days: DEFAULT_INSIGHTS_PERIOD } as InsightsRange, problem });
  const { from, to } = query;
  if (!isIsoDate(from) || !isIsoDate(to)) return fallback("invalid");
  if (to < from) return fallback("order");
  if (to > today) return fallback("future");
  if (daysBetween(from, to) + 1 > MAX_CUSTOM_DAYS) return fallback("too_long");
  return { range: { kind: "custom", fromDate: from, lastDate: to }, problem: null };
}

/** A range's bounds: a preset counts back from today; a custom range runs from its first to its last day included. */
export function rangeBounds(range: InsightsRange, { now, timeZone }: { now: Date; timeZone: string }): PeriodBounds {
  if (range.kind === "preset") return periodBounds({ days: range.days, now, timeZone });
  const toDate = addCalendarDays(range.lastDate, 1);
  return {
    days: daysBetween(range.fromDate, toDate),
    fromDate: range.fromDate,
    toDate,
    from: localDayStart(range.fromDate, timeZone),
    to: localDayStart(toDate, timeZone),
  };
}

/**
 * For each promised latest date, the instant the promise is broken: the start of the next local day. A line
 * is on time when it became ready (allocatedAt) before that instant; a waiting line is late from it on.
 */
export function promiseDeadlines(dates: readonly IsoDate[], timeZone: string): Map<IsoDate, Date> {
  return new Map(dates.map((d) => [d, localDayStart(addCalendarDays(d, 1), timeZone)]));
}

export interface PromiseCounts {
  /** Ready (allocated or shipped) on or before the promised latest date. */
  onTime: number;
  /** Ready after the promised latest date. */
  lateReady: number;
  /** Still waiting while the promised latest date has passed. */
  lateWaiting: number;
  /** Still waiting, promise not yet due: not judged yet. */
  pending: number;
}

export interface PromiseKeeping extends PromiseCounts {
  judged: number;
  late: number;
  /** onTime / judged, in [0, 1]; null when no line could be judged yet. */
  onTimeRate: number | null;
}

export function promiseKeeping(counts: PromiseCounts): PromiseKeeping {
  const late = counts.lateReady + counts.lateWaiting;
  const judged = counts.onTime + late;
  return { ...counts, judged, late, onTimeRate: judged === 0 ? null : counts.onTime / judged };
}

/** A count of lines whose wait from order to ready fell in [hour, hour + 1) hours. */
export interface WaitBucket {
  hour: number;
  lines: number;
}

export interface WaitStats {
  lines: number;
  /** Mean wait in days (exact: from the sum of waits); null with no line ready. */
  averageDays: number | null;
  /** 90th percentile wait in days, to the hour: the upper edge of the hour bucket holding the nearest-rank p90. */
  p90Days: number | null;
}

/** Average and p90 wait from order to ready, from the exact total and an hourly histogram of the waits. */
export function waitStats({ lines, totalDays, buckets }: { lines: number; totalDays: number; buckets: readonly WaitBucket[] }): WaitStats {
  if (lines <= 0) return { lines: 0, averageDays: null, p90Days: null };
  const hour = histogramPercentile(buckets, 0.9);
  return { lines, averageDays: totalDays / lines, p90Days: hour === null ? null : (hour + 1) / 24 };
}

/** Nearest-rank percentile of a histogram: the bucket holding the ⌈p·n⌉-th smallest value (null when empty). */
export function histogramPercentile(buckets: readonly WaitBucket[], p: number): number | null {
  if (!(p > 0 && p <= 1)) throw new RangeError(`Percentile must be in (0, 1], got ${p}`);
  const sorted = buckets.filter((b) => b.lines > 0).sort((a, b) => a.hour - b.hour);
  const n = sorted.reduce((sum, b) => sum + b.lines, 0);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(p * n));
  let seen = 0;
  for (const b of sorted) {
    seen += b.lines;
    if (seen >= rank) return b.hour;
  }
  return null;
}

export interface ReceivedBatch {
  supplier: string | null;
  expectedOn: IsoDate;
  receivedOn: IsoDate;
}

export interface SupplierRow {
  /** null: batches recorded without a supplier. */
  supplier: string | null;
  batches: number;
  /** Median and p80 lateness in calendar days (early = 0), as the ETA engine learns them. */
  p50Days: number;
  p80Days: number;
  maxDays: number;
  /** Share of batches that arrived on or before the expected date. */
  onTimeShare: number;
}

/** Per supplier: batches received, lateness percentiles (~/domain/forecast latenessStats) and on-time share. */
export function supplierRows(batches: readonly ReceivedBatch[]): SupplierRow[] {
  const bySupplier = new Map<string | null, ReceivedBatch[]>();
  for (const b of batches) {
    const key = b.supplier?.trim() ? b.supplier.trim() : null;
    bySupplier.set(key, [...(bySupplier.get(key) ?? []), b]);
  }
  const rows = [...bySupplier].map(([supplier, list]): SupplierRow => {
    const samples = latenessSamplesFromBatches(list.map((b, i) => ({ id: String(i), quantity: 0, expectedAt: b.expectedOn, receivedAt: b.receivedOn })));
    const stats = latenessStats(samples);
    const onTime = list.filter((b) => b.receivedOn <= b.expectedOn).length;
    return { supplier, batches: list.length, p50Days: stats.p50Days, p80Days: stats.p80Days, maxDays: stats.maxDays, onTimeShare: onTime / list.length };
  });
  // Least reliable first (what the merchant should act on); no-supplier last; then by name.
  return rows.sort(
    (a, b) =>
      Number(a.supplier === null) - Number(b.supplier === null) ||
      b.p80Days - a.p80Days ||
      a.onTimeShare - b.onTimeShare ||
      (a.supplier ?? "").localeCompare(b.supplier ?? ""),
  );
}

export interface PendingBatch {
  expectedOn: IsoDate;
  quantity: number;
}

export interface BatchCoverage {
  expectedOn: IsoDate;
  quantity: number;
  /** Units of the batch already owed to waiting customers (served first-in first-out). */
  promisedUnits: number;
  /** promisedUnits / quantity, in [0, 1]. */
  promisedShare: number;
  /** Waiting units the batch cannot cover: they need a later batch. */
  waitingBeyond: number;
}

/**
 * "The 22 Dec batch is already 90% promised": the earliest pending batch against the units waiting now
 * (every waiting unit is served before any new order, so they all come ahead of the batch's free units).
 * null when no batch is pending.
 */
export function nextBatchCoverage({ waitingUnits, pending }: { waitingUnits: number; pending: readonly PendingBatch[] }): BatchCoverage | null {
  const next = [...pending].filter((b) => b.quantity > 0).sort((a, b) => a.expectedOn.localeCompare(b.expectedOn))[0];
  if (!next) return null;
  const waiting = Math.max(0, waitingUnits);
  const promisedUnits = Math.min(waiting, next.quantity);
  return { expectedOn: next.expectedOn, quantity: next.quantity, promisedUnits, promisedShare: promisedUnits / next.quantity, waitingBeyond: waiting - promisedUnits };
}

// ---- over time ---------------------------------------------------------------------------------------

/** A period longer than this many days is drawn week by week (else day by day). */
export const DAILY_BUCKETS_MAX_DAYS = 90;
export type BucketUnit = "day" | "week";

export interface TimeBuckets {
  unit: BucketUnit;
  /** Each bucket's first local day and the instant it starts; a bucket ends where the next starts. */
  buckets: { date: IsoDate; start: Date }[];
  /** The instant the last bucket ends (the period's end). */
  end: Date;
}

/**
 * The period cut into local days (≤ 90 days) or weeks (Monday to Sunday, the first and last clipped to the
 * period), in the shop's timezone, so a DST change makes a 23- or 25-hour day rather than shifting buckets.
 */
export function timeBuckets(bounds: Pick<PeriodBounds, "days" | "fromDate" | "toDate">, timeZone: string): TimeBuckets {
  const unit: BucketUnit = bounds.days <= DAILY_BUCKETS_MAX_DAYS ? "day" : "week";
  const dates: IsoDate[] = [];
  for (let d = bounds.fromDate; d < bounds.toDate; d = addCalendarDays(d, 1)) {
    if (unit === "day" || d === bounds.fromDate || weekdayOfDay(isoToDay(d)) === 1) dates.push(d);
  }
  return {
    unit,
    buckets: dates.map((date) => ({
      date,
      start: localDayStart(date, timeZone),
    })),
    end: localDayStart(bounds.toDate, timeZone),
  };
}

/**
 * Units waiting at the end of each bucket, worked back from what is waiting now: a level at instant T is
 * now's level, minus the units ordered since T, plus the units that stopped waiting since T (ready or
 * cancelled). `ordered[k]` / `ended[k]` are the units ordered / that stopped waiting in bucket k, with one
 * more entry for everything after the last bucket (up to now and beyond). A bucket ending after now reads
 * now's level. Never below zero (a line changed by hand cannot make a negative stock of waiting units).
 */
export function waitingLevels({ waitingNow, ordered, ended }: { waitingNow: number; ordered: readonly number[]; ended: readonly number[] }): number[] {
  if (ordered.length !== ended.length || ordered.length < 1) throw new RangeError("ordered and ended need one entry per bucket plus the tail");
  const levels = new Array<number>(ordered.length - 1);
  let level = waitingNow;
  for (let k = ordered.length - 1; k >= 1; k--) {
    // Level at the start of bucket k (= end of bucket k − 1).
    level += (ended[k] ?? 0) - (ordered[k] ?? 0);
    levels[k - 1] = Math.max(0, level);
  }
  return levels;
}

// ---- forecast: what demand will do to the next supply ---------------------------------------------------

export interface ForecastInput {
  /** Units backordered (not cancelled) in the last `windowDays` days. */
  unitsInWindow: number;
  windowDays: number;
  waitingUnits: number;
  /** Shopify's available quantity as last read (negative = units owed). */
  available: number;
  pending: readonly PendingBatch[];
  capacityPerWeek: number | null;
  /** The variant's lead time, else the shop default: how long a reorder placed today takes. */
  leadTimeDays: number;
  today: IsoDate;
}

export interface NextBatchForecast {
  expectedOn: IsoDate;
  quantity: number;
  /** Share of the batch waiting customers already hold, plus what the forecast adds before it arrives, ≤ 1. */
  forecastShare: number;
  /** The day the forecast takes the batch's last free unit (new orders served after waiting ones); null: no demand. */
  fullOn: IsoDate | null;
}

export interface ForecastPlan {
  /** Units backordered per day lately (the ETA engine's velocity over the demand window). */
  velocityPerDay: number;
  horizonDays: number;
  /** Units the forecast expects to be ordered within the horizon (rounded up). */
  demandOverHorizon: number;
  nextBatch: NextBatchForecast | null;
  /**
   * Units the known supply brings within the horizon: pending batches expected by then plus production
   * capacity over it. The backorder cap that owes customers no more than that supply covers; 0: none known.
   */
  coverage: number;
  /** "Reorder now": units the forecast demand over the lead time needs beyond waiting + incoming; null: covered. */
  reorderUnits: number | null;
}

/**
 * The forecast as advice (issue 13): the velocity (~/domain/forecast salesVelocity's definition: units per day
 * over the window) against the supply the ETA engine lines up (free stock, pending batches, capacity) over the
 * lead time. Reorder when the units waiting plus the demand expected over the lead time exceed the free stock
 * and what arrives by then; the shortfall is the advice.
 */
export function forecastPlan(input: ForecastInput): ForecastPlan {
  const horizonDays = Math.max(0, Math.round(input.leadTimeDays));
  const velocityPerDay = input.windowDays > 0 ? Math.max(0, input.unitsInWindow) / input.windowDays : 0;
  const demandOverHorizon = Math.ceil(velocityPerDay * horizonDays - 1e-9);
  const waiting = Math.max(0, input.waitingUnits);
  const horizonEnd = addCalendarDays(input.today, horizonDays);
  const arriving = input.pending.filter((b) => b.quantity > 0 && b.expectedOn <= horizonEnd).reduce((s, b) => s + b.quantity, 0);
  const produced = input.capacityPerWeek && input.capacityPerWeek > 0 ? Math.floor((input.capacityPerWeek * horizonDays) / 7) : 0;
  const coverage = arriving + produced;
  // Free stock for new orders: Shopify's available once every order is subtracted (negative = owed, none free).
  const freeOnHand = Math.max(0, input.available);
  const shortfall = waiting + demandOverHorizon - (freeOnHand + coverage);

  // Waiting customers come first on the next batch (as in the demand table's "already promised").
  const coverageOfNext = nextBatchCoverage({ waitingUnits: waiting, pending: input.pending });
  let nextBatch: NextBatchForecast | null = null;
  if (coverageOfNext) {
    const free = coverageOfNext.quantity - coverageOfNext.promisedUnits;
    const daysToArrival = Math.max(0, daysBetween(input.today, coverageOfNext.expectedOn));
    const forecastUnits = velocityPerDay * daysToArrival;
    nextBatch = {
      expectedOn: coverageOfNext.expectedOn,
      quantity: coverageOfNext.quantity,
      forecastShare: Math.min(1, (coverageOfNext.promisedUnits + forecastUnits) / coverageOfNext.quantity),
      fullOn: free <= 0 ? input.today : velocityPerDay > 0 ? addCalendarDays(input.today, Math.ceil(free / velocityPerDay - 1e-9)) : null,
    };
  }
  return {
    velocityPerDay,
    horizonDays,
    demandOverHorizon,
    nextBatch,
    coverage,
    reorderUnits: shortfall > 0 ? shortfall : null,
  };
}

// ---- roll-ups: a timezone as UTC offsets over time --------------------------------------------------------

export interface OffsetSpan {
  /** The instant the offset starts (the first span starts at the epoch and stands for every earlier instant). */
  startsAt: Date;
  /** Minutes to add to UTC for local time. */
  offsetMinutes: number;
}

const SPAN_FROM = Date.UTC(1970, 0, 1);
const SPAN_TO = Date.UTC(2100, 0, 1);
const spanCache = new Map<string, OffsetSpan[]>();

/**
 * The offsets `timeZone` used from 1970 to 2100, each from the instant it took effect (found to the millisecond
 * by bisecting between two noons of different offset), so SQL can turn an instant into the shop's local date
 * (docs/decisions/009-insights-rollups.md). Assumes at most one change of offset within a day (true of every
 * zone since 1970). The last known offset stands after 2100.
 */
export function offsetSpans(timeZone: string): OffsetSpan[] {
  const cached = spanCache.get(timeZone);
  if (cached) return cached;
  const offsetAt = (ms: number) => {
    const t = DateTime.fromMillis(ms, { zone: timeZone });
    if (!t.isValid) throw new RangeError(`Invalid timezone: ${timeZone}`);
    return t.offset;
  };
  const spans: OffsetSpan[] = [{ startsAt: new Date(SPAN_FROM), offsetMinutes: offsetAt(SPAN_FROM) }];
  let previous = SPAN_FROM;
  let offset = offsetAt(previous);
  for (let t = SPAN_FROM + 86_400_000; t <= SPAN_TO; t += 86_400_000) {
    const next = offsetAt(t);
    if (next === offset) {
      previous = t;
      continue;
    }
    let lo = previous;
    let hi = t;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid) === offset) lo = mid;
      else hi = mid;
    }
    spans.push({ startsAt: new Date(hi), offsetMinutes: next });
    offset = next;
    previous = t;
  }
  spanCache.set(timeZone, spans);
  return spans;
}

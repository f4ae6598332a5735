// Forecasts from history: sales velocity, sell-out date of in-stock variants, supplier lateness percentiles.
import { addCalendarDays, isoToDay } from "./dates";
import type { IncomingBatch, IsoDate, LatenessSample, LatenessStats } from "./types";

export interface DailySales {
  date: IsoDate;
  units: number;
}

export const DEFAULT_VELOCITY_WINDOW_DAYS = 28;

/**
 * Average units sold per day over the `windowDays` full days before `today` (today is excluded: it is
 * not over yet). Days absent from the history count as zero sales; returns and corrections (negative
 * units) are netted, and a negative total counts as zero.
 */
export function salesVelocity(
  history: readonly DailySales[],
  options: { today: IsoDate; windowDays?: number },
): number {
  const window = options.windowDays ?? DEFAULT_VELOCITY_WINDOW_DAYS;
  if (!Number.isInteger(window) || window <= 0) throw new RangeError(`windowDays must be a positive integer, got ${window}`);
  const end = isoToDay(options.today); // exclusive
  const start = end - window;
  let total = 0;
  for (const { date, units } of history) {
    const day = isoToDay(date);
    if (day >= start && day < end && Number.isFinite(units)) total += units;
  }
  return Math.max(0, total) / window;
}

export interface SellOutForecast {
  /** Day the last unit is expected to sell (counting from tomorrow); null when nothing sells. */
  sellOutDate: IsoDate | null;
  /** Days of stock left at the current velocity; null when nothing sells. */
  daysOfCover: number | null;
}

/**
 * When an in-stock variant will hit zero at the current velocity. Already sold out (available ≤ 0)
 * gives today with zero days of cover; velocity 0 gives null (no forecast, not "never").
 */
export function sellOutForecast(input: { available: number; velocityPerDay: number; today: IsoDate }): SellOutForecast {
  const { available, velocityPerDay, today } = input;
  if (available <= 0) return { sellOutDate: today, daysOfCover: 0 };
  if (!(velocityPerDay > 0) || !Number.isFinite(velocityPerDay)) return { sellOutDate: null, daysOfCover: null };
  const daysOfCover = available / velocityPerDay;
  // The epsilon keeps 10 / (1/3) = 30.000000000000004 from rounding up to 31.
  return { sellOutDate: addCalendarDays(today, Math.ceil(daysOfCover - 1e-9)), daysOfCover };
}

/** Nearest-rank percentile (p in (0, 1]) of a list: always one of the observed values, never interpolated. */
export function percentile(values: readonly number[], p: number): number {
  if (!(p > 0 && p <= 1)) throw new RangeError(`Percentile must be in (0, 1], got ${p}`);
  if (values.length === 0) throw new RangeError("Percentile of an empty list");
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** Supplier delay in calendar days per past delivery (early = 0), summarized as p50 / p80 / max. */
export function latenessStats(samples: readonly LatenessSample[]): LatenessStats {
  if (samples.length === 0) return { sampleSize: 0, p50Days: 0, p80Days: 0, maxDays: 0 };
  const delays = samples.map((s) => Math.max(0, isoToDay(s.actual) - isoToDay(s.promised)));
  return {
    sampleSize: delays.length,
    p50Days: percentile(delays, 0.5),
    p80Days: percentile(delays, 0.8),
    maxDays: Math.max(...delays),
  };
}

/** Lateness samples from batches that have arrived (promised = expectedAt, actual = receivedAt). */
export function latenessSamplesFromBatches(batches: readonly IncomingBatch[]): LatenessSample[] {
  const samples: LatenessSample[] = [];
  for (const b of batches) if (b.receivedAt) samples.push({ promised: b.expectedAt, actual: b.receivedAt });
  return samples;
}

// ISO calendar dates ("YYYY-MM-DD"): the app's one check that a string is a real date, and day numbers
// (days since 1970-01-01) so date arithmetic is integer math. Split from the business calendar
// (./calendar.ts) so that what only checks, formats or compares dates, such as ./format.ts in the browser,
// never loads the holidays data (date-holidays) or the timezone library.
import type { IsoDate } from "./types";

export const MS_PER_DAY = 86_400_000;
const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A real calendar date written "YYYY-MM-DD" (no 2026-02-30, no 2026-13-45, no 9999-99-99). The one check of
 * an ISO date in the app: forms, webhook payloads, job payloads and email data use it through
 * app/validation/dates.ts, the day arithmetic below directly.
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string" || !ISO_DATE_RE.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const isoToDayCache = new Map<string, number>();
const dayToIsoCache = new Map<number, IsoDate>();

/** Days since 1970-01-01 for an ISO date; throws RangeError on anything that is not a real date. */
export function isoToDay(iso: IsoDate): number {
  const cached = isoToDayCache.get(iso);
  if (cached !== undefined) return cached;
  if (!isIsoDate(iso)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  const day = Date.parse(`${iso}T00:00:00.000Z`) / MS_PER_DAY;
  if (isoToDayCache.size > 200_000) isoToDayCache.clear();
  isoToDayCache.set(iso, day);
  return day;
}

export function dayToIso(day: number): IsoDate {
  const cached = dayToIsoCache.get(day);
  if (cached !== undefined) return cached;
  const iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  if (dayToIsoCache.size > 200_000) dayToIsoCache.clear();
  dayToIsoCache.set(day, iso);
  return iso;
}

/** `iso` plus `days` calendar days. */
export function addCalendarDays(iso: IsoDate, days: number): IsoDate {
  return dayToIso(isoToDay(iso) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return isoToDay(to) - isoToDay(from);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

// Shopper-facing date ranges ("12–16 Dec", "12–16 déc.") through Intl.DateTimeFormat#formatRange.
//
// Dates are calendar dates, so they are formatted as UTC midnights in the UTC zone: no shift is possible.
// A bare "en" is formatted the day-month way (en-GB: "12 – 16 Dec"); pass "en-US" for "Dec 12 – 16".
// The year is shown when the range crosses a year (or when asked). Exact spacing around the dash comes
// from the runtime's ICU data (thin spaces in recent versions).
import { isoToDay } from "./calendar";
import type { DateRange, IsoDate } from "./types";

const MS_PER_DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string, withYear: boolean): Intl.DateTimeFormat {
  const resolved = locale.toLowerCase() === "en" ? "en-GB" : locale;
  const key = `${resolved}|${withYear ? "y" : ""}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(resolved, {
      day: "numeric",
      month: "short",
      ...(withYear ? { year: "numeric" } : {}),
      timeZone: "UTC",
    });
    formatters.set(key, f);
  }
  return f;
}

function toDate(iso: IsoDate): Date {
  return new Date(isoToDay(iso) * MS_PER_DAY);
}

export interface FormatRangeOptions {
  /** "auto" (default): the year appears only when the range spans two years. */
  year?: "auto" | "always" | "never";
}

/** Localized range such as "12–16 déc." / "30 Nov – 2 Dec" / "30 Dec 2026 – 2 Jan 2027"; one date if equal. */
export function formatDateRange(range: DateRange, locale: string, options: FormatRangeOptions = {}): string {
  let { earliest, latest } = range;
  if (latest < earliest) [earliest, latest] = [latest, earliest];
  const mode = options.year ?? "auto";
  const withYear = mode === "always" || (mode === "auto" && earliest.slice(0, 4) !== latest.slice(0, 4));
  return formatterFor(locale, withYear).formatRange(toDate(earliest), toDate(latest));
}

/** Localized single date such as "12 Dec" / "12 déc.". */
export function formatDate(date: IsoDate, locale: string, options: { year?: boolean } = {}): string {
  return formatterFor(locale, options.year ?? false).format(toDate(date));
}

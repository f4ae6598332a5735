// Date ranges ("12–16 Dec", "12–16 déc.", "30 Nov – 2 Dec") and single dates, one format per language.
//
// Dates are calendar dates, so they are formatted as UTC midnights in the UTC zone: no shift is possible.
// A bare "en" is formatted the day-month way (en-GB: "12 Dec"); pass "en-US" for "Dec 12".
// The year is shown when the range crosses a year (or when asked). A range is composed here from single
// dates rather than by Intl's formatRange, whose spacing around the dash differs between ICU versions
// (Node puts thin spaces, Chromium does not): the server and the browser must render the same text, or
// React throws the server's HTML away (hydration mismatch). Single dates only use day/month/year names,
// and any no-break or thin space ICU puts in them becomes a plain space.
//
// Runs in the browser too (admin pages format dates client-side): it imports day arithmetic from ./dates
// only, never the business calendar (./calendar.ts) and its holidays data.
import { MS_PER_DAY, isoToDay } from "./dates";
import type { DateRange, IsoDate } from "./types";

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

const plainSpaces = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, " ");

/** Localized range such as "12–16 déc." / "30 Nov – 2 Dec" / "30 Dec 2026 – 2 Jan 2027"; one date if equal. */
export function formatDateRange(range: DateRange, locale: string, options: FormatRangeOptions = {}): string {
  let { earliest, latest } = range;
  if (latest < earliest) [earliest, latest] = [latest, earliest];
  const mode = options.year ?? "auto";
  const sameYear = earliest.slice(0, 4) === latest.slice(0, 4);
  const withYear = mode === "always" || (mode === "auto" && !sameYear);
  if (earliest === latest) return formatDate(earliest, locale, { year: withYear });
  if (!sameYear) return `${formatDate(earliest, locale, { year: true })} – ${formatDate(latest, locale, { year: true })}`;
  if (earliest.slice(0, 7) === latest.slice(0, 7)) {
    // Same month: the latest date with its day replaced by "12–16" ("12–16 déc.", "Dec 12–16").
    const parts = formatterFor(locale, withYear).formatToParts(toDate(latest));
    const firstDay = Number(earliest.slice(8, 10));
    return plainSpaces(parts.map((part) => (part.type === "day" ? `${firstDay}–${part.value}` : part.value)).join(""));
  }
  return `${formatDate(earliest, locale)} – ${formatDate(latest, locale, { year: withYear })}`;
}

/** Localized single date such as "12 Dec" / "12 déc.". */
export function formatDate(date: IsoDate, locale: string, options: { year?: boolean } = {}): string {
  return plainSpaces(formatterFor(locale, options.year ?? false).format(toDate(date)));
}

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant in a timezone, with the date as formatDate writes it: "12 Dec 2026, 15:04" / "12 déc. 2026,
 * 15:04". Used for timestamps in the admin (jobs, emails, privacy requests).
 */
export function formatDateTime(instant: Date, locale: string, timeZone: string): string {
  const resolved = locale.toLowerCase() === "en" ? "en-GB" : locale;
  const key = `${resolved}|${timeZone}`;
  let f = dateTimeFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(resolved, { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    dateTimeFormatters.set(key, f);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => f.formatToParts(instant).find((p) => p.type === type)?.value ?? "";
  const day = `${part("year")}-${part("month")}-${part("day")}`;
  return `${formatDate(day, locale, { year: true })}, ${part("hour")}:${part("minute")}`;
}

/** A money amount ("42.5", "EUR") in a locale: "€42.50", "42,50 €"; the bare amount and code if the currency is unknown. */
export function formatMoney(amount: string, currency: string, locale: string): string {
  const value = Number(amount);
  if (!Number.isFinite(value)) return `${amount} ${currency}`;
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(value);
  } catch {
    return `${value.toFixed(2)} ${currency}`;
  }
}

// Business-day calendar of a shop: timezone, order cut-off, working weekdays, public holidays, closures.
//
// Internally a date is a "day number" (days since 1970-01-01, see ./dates) so that arithmetic is integer
// math; the public API speaks ISO dates. Holidays come from date-holidays (public holidays only). Building a
// Holidays instance and a year's holiday list is slow, so both are cached for the life of the process.
// Business-day arithmetic is memoized per calendar: build one calendar per shop and reuse it.
import Holidays from "date-holidays";
import { DateTime, IANAZone } from "luxon";
import { MS_PER_DAY, addCalendarDays, dayToIso, daysBetween, isoToDay, weekdayOfDay } from "./dates";
import type { CalendarSettings, IsoDate } from "./types";

const CUTOFF_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** No sane calendar has a year without a business day; beyond this we stop rather than loop forever. */
const MAX_SCAN_DAYS = 3_700;

// ISO date <-> day number arithmetic lives in ./dates (no holidays data); re-exported for the calendar's users.
export { isoToDay, dayToIso, addCalendarDays, daysBetween, weekdayOfDay };

function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

// ---------------------------------------------------------------------------------------------------
// Public holidays (process-wide caches)

const holidayInstances = new Map<string, Holidays>();
const holidayYears = new Map<string, readonly IsoDate[]>();
let knownCountries: ReadonlySet<string> | undefined;

function holidaysFor(country: string, region: string | null): Holidays {
  const key = `${country}|${region ?? ""}`;
  let hd = holidayInstances.get(key);
  if (!hd) {
    knownCountries ??= new Set(Object.keys(new Holidays().getCountries()));
    if (!knownCountries.has(country)) throw new RangeError(`Unknown holiday country: ${country}`);
    hd = region
      ? new Holidays(country, region, { types: ["public"] })
      : new Holidays(country, { types: ["public"] });
    holidayInstances.set(key, hd);
  }
  return hd;
}

/** Public holidays of a country (and optional subdivision) in a year, as sorted ISO dates. */
export function publicHolidays(country: string, region: string | null, year: number): readonly IsoDate[] {
  const code = country.toUpperCase();
  const key = `${code}|${region ?? ""}|${year}`;
  const cached = holidayYears.get(key);
  if (cached) return cached;
  const dates = new Set<IsoDate>();
  for (const h of holidaysFor(code, region).getHolidays(year)) {
    if (h.type !== "public") continue;
    const first = h.date.slice(0, 10);
    // A holiday may last several days; its date string is local to the country, its span is in ms.
    const span = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / MS_PER_DAY));
    for (let i = 0; i < span; i++) dates.add(i === 0 ? first : addCalendarDays(first, i));
  }
  const list = [...dates].sort();
  holidayYears.set(key, list);
  return list;
}

// ---------------------------------------------------------------------------------------------------
// The calendar

export interface LocalDateTime {
  date: IsoDate;
  /** Minutes since local midnight. */
  minutes: number;
}

export class BusinessCalendar {
  readonly timeZone: string;
  readonly cutoff: string;
  readonly workingWeekdays: readonly number[];
  readonly country: string | null;
  readonly region: string | null;
  readonly closures: readonly IsoDate[];

  private readonly cutoffMinutes: number;
  private readonly weekdayOpen: boolean[];
  private readonly closureDays: ReadonlySet<number>;
  private readonly yearFlags = new Map<number, Uint8Array>();
  private readonly nextMemo = new Map<number, number>();
  private readonly addMemo = new Map<number, number>();

  constructor(settings: CalendarSettings) {
    if (!IANAZone.isValidZone(settings.timeZone)) {
      throw new RangeError(`Unknown IANA timezone: ${settings.timeZone}`);
    }
    const cut = CUTOFF_RE.exec(settings.cutoff);
    if (!cut) throw new RangeError(`Cut-off must be "HH:mm", got ${JSON.stringify(settings.cutoff)}`);
    const weekdays = settings.workingWeekdays ?? [1, 2, 3, 4, 5];
    if (weekdays.length === 0 || weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
      throw new RangeError("workingWeekdays must be a non-empty list of ISO weekdays 1–7");
    }
    this.timeZone = settings.timeZone;
    this.cutoff = settings.cutoff;
    this.cutoffMinutes = Number(cut[1]) * 60 + Number(cut[2]);
    this.workingWeekdays = [...new Set(weekdays)].sort();
    this.weekdayOpen = Array.from({ length: 8 }, (_, d) => weekdays.includes(d));
    this.country = settings.country ? settings.country.toUpperCase() : null;
    this.region = settings.region || null;
    if (this.country) holidaysFor(this.country, this.region); // fail fast on an unknown country
    this.closures = [...(settings.closures ?? [])];
    this.closureDays = new Set(this.closures.map(isoToDay));
  }

  // ---- ISO API --------------------------------------------------------------------------------------

  isBusinessDay(date: IsoDate): boolean {
    return this.isBusinessDayNumber(isoToDay(date));
  }

  /** `date` itself when it is a business day, else the first business day after it. */
  nextBusinessDay(date: IsoDate): IsoDate {
    return dayToIso(this.nextBusinessDayNumber(isoToDay(date)));
  }

  /** The date `n` business days after `date` (n = 0 returns `date` unchanged). */
  addBusinessDays(date: IsoDate, n: number): IsoDate {
    return dayToIso(this.addBusinessDaysNumber(isoToDay(date), n));
  }

  /** Public holidays observed by this calendar in a year (empty when no country is set). */
  holidays(year: number): readonly IsoDate[] {
    return this.country ? publicHolidays(this.country, this.region, year) : [];
  }

  /** Shop-local wall-clock date and time of an instant (DST handled by the zone database). */
  localDateTime(now: Date): LocalDateTime {
    const t = DateTime.fromMillis(now.getTime(), { zone: this.timeZone });
    const date = `${String(t.year).padStart(4, "0")}-${String(t.month).padStart(2, "0")}-${String(t.day).padStart(2, "0")}`;
    return { date, minutes: t.hour * 60 + t.minute };
  }

  /** Shop-local calendar date of an instant. */
  localDate(now: Date): IsoDate {
    return this.localDateTime(now).date;
  }

  /**
   * First processing day for an order placed at `now`: the same day when it is a business day and the
   * local time is strictly before the cut-off, otherwise the next business day.
   */
  orderStartDate(now: Date): IsoDate {
    const { date, minutes } = this.localDateTime(now);
    const day = isoToDay(date);
    if (minutes < this.cutoffMinutes && this.isBusinessDayNumber(day)) return date;
    return dayToIso(this.nextBusinessDayNumber(day + 1));
  }

  // ---- day-number API (hot paths) -------------------------------------------------------------------

  isBusinessDayNumber(day: number): boolean {
    const year = yearOfDay(day);
    let flags = this.yearFlags.get(year);
    if (!flags) flags = this.buildYear(year);
    return flags[day - Date.UTC(year, 0, 1) / MS_PER_DAY] === 1;
  }

  nextBusinessDayNumber(day: number): number {
    const cached = this.nextMemo.get(day);
    if (cached !== undefined) return cached;
    let d = day;
    while (!this.isBusinessDayNumber(d)) {
      if (d - day > MAX_SCAN_DAYS) throw new RangeError("Calendar has no business day within ten years");
      d++;
    }
    this.nextMemo.set(day, d);
    return d;
  }

  addBusinessDaysNumber(day: number, n: number): number {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Business days must be a whole number ≥ 0, got ${n}`);
    if (n === 0) return day;
    const key = day * 1024 + n;
    const memoizable = n < 1024;
    if (memoizable) {
      const cached = this.addMemo.get(key);
      if (cached !== undefined) return cached;
    }
    let d = day;
    for (let left = n; left > 0; left--) d = this.nextBusinessDayNumber(d + 1);
    if (memoizable) this.addMemo.set(key, d);
    return d;
  }

  private buildYear(year: number): Uint8Array {
    const start = Date.UTC(year, 0, 1) / MS_PER_DAY;
    const length = Date.UTC(year + 1, 0, 1) / MS_PER_DAY - start;
    const flags = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      const day = start + i;
      flags[i] = this.weekdayOpen[weekdayOfDay(day)] && !this.closureDays.has(day) ? 1 : 0;
    }
    // A multi-day holiday starting in late December spills into the next year's list.
    for (const iso of [...this.holidays(year - 1), ...this.holidays(year)]) {
      const i = isoToDay(iso) - start;
      if (i >= 0 && i < length) flags[i] = 0;
    }
    this.yearFlags.set(year, flags);
    return flags;
  }
}

export function createBusinessCalendar(settings: CalendarSettings): BusinessCalendar {
  return new BusinessCalendar(settings);
}

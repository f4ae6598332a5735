// Calendar dates ("YYYY-MM-DD") typed by merchants: real dates, within a window that makes sense for
// what they describe, judged against "today" in the shop's timezone. The same windows feed the forms'
// min/max attributes and the actions' validation. Pure: no I/O.
import { z } from "zod";
import { isIsoDate } from "../domain/dates";

const MS_PER_DAY = 86_400_000;

/**
 * A real calendar date written "YYYY-MM-DD" (no 2026-02-30, no 2026-13-45, no 9999-99-99): the app's one
 * check of an ISO date (kept with the domain's day arithmetic, which the layers above may import).
 */
export { isIsoDate };

/** `iso` plus `days` calendar days (iso must be a real date). */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00.000Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The calendar date it is at `now` in `timeZone` (an IANA zone; UTC when the zone is unknown). */
export function localToday(timeZone: string, now: Date = new Date()): string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  } catch {
    format = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", year: "numeric", month: "2-digit", day: "2-digit" });
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Inclusive bounds, as ISO dates. */
export interface DateWindow {
  min: string;
  max: string;
}

const YEAR = 366;

/** Windows for every date a merchant types, relative to the shop's today. */
export function dateWindows(today: string) {
  return {
    /** A supplier's promised arrival: a late batch may be up to a year overdue; plans reach 3 years. */
    expectedOn: { min: addDays(today, -YEAR), max: addDays(today, 3 * YEAR) },
    /** A batch's actual arrival: not in the future, and not from before any plausible history. */
    receivedOn: { min: addDays(today, -5 * YEAR), max: today },
    /** Closure days: last year's still explain recent dates; 3 years ahead is planning enough. */
    closureDay: { min: addDays(today, -YEAR), max: addDays(today, 3 * YEAR) },
    /** A variant's selling window may have opened long ago, and close up to 3 years ahead. */
    sellingWindow: { min: addDays(today, -5 * YEAR), max: addDays(today, 3 * YEAR) },
  } satisfies Record<string, DateWindow>;
}
export type DateWindows = ReturnType<typeof dateWindows>;

export function inWindow(iso: string, window: DateWindow): boolean {
  return iso >= window.min && iso <= window.max;
}

/**
 * Dates already stored may predate these rules. The engine can compute with any real date in this span;
 * outside it (9999-12-31, 0001-01-01) the row is shown as a problem and skipped, never computed.
 */
export const STORED_DATE_SPAN: DateWindow = { min: "2000-01-01", max: "2199-12-31" };

export function isUsableStoredDate(value: unknown): boolean {
  return isIsoDate(value) && inWindow(value, STORED_DATE_SPAN);
}

/** A stored DateTime (a variant's window) the engine can use: a real instant within the span. */
export function isUsableStoredInstant(value: Date | null): boolean {
  if (value === null) return true;
  const time = value.getTime();
  return !Number.isNaN(time) && isUsableStoredDate(value.toISOString().slice(0, 10));
}

/** A required date in a window; `messages.invalid` when it is not a real date, `messages.range` outside. */
export function dateIn(window: DateWindow, messages: { invalid: string; range: string; required?: string }) {
  return z.unknown().transform((value, ctx): string => {
    const text = typeof value === "string" ? value.trim() : "";
    if (text === "") {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: messages.required ?? messages.invalid });
      return z.NEVER;
    }
    if (!isIsoDate(text)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: messages.invalid });
      return z.NEVER;
    }
    if (!inWindow(text, window)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: messages.range });
      return z.NEVER;
    }
    return text;
  });
}

/** Like `dateIn`, blank → null. */
export function optionalDateIn(window: DateWindow, messages: { invalid: string; range: string }) {
  const required = dateIn(window, messages);
  return z.unknown().transform((value, ctx): string | null => {
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return null;
    const result = required.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) ctx.addIssue({ code: z.ZodIssueCode.custom, message: issue.message });
      return z.NEVER;
    }
    return result.data;
  });
}

// Fixtures shared by the domain unit and property tests (not part of the public API).
import { createBusinessCalendar, type BusinessCalendar } from "./calendar";
import type { EtaSettings } from "./eta";
import type { CalendarSettings, DeliverySettings } from "./types";

export const DELIVERY: DeliverySettings = {
  standard: { processingDays: 1, transitDays: { min: 2, max: 4 } },
  express: { processingDays: 0, transitDays: { min: 1, max: 1 } },
  pickup: { processingDays: 1, transitDays: { min: 0, max: 0 } },
};

/** Calendars are cached per settings so property tests do not rebuild them on every run. */
const calendars = new Map<string, BusinessCalendar>();
export function calendar(settings: Partial<CalendarSettings> = {}): BusinessCalendar {
  const full: CalendarSettings = { timeZone: "Europe/Paris", cutoff: "14:00", country: "FR", ...settings };
  const key = JSON.stringify(full);
  let cal = calendars.get(key);
  if (!cal) {
    cal = createBusinessCalendar(full);
    calendars.set(key, cal);
  }
  return cal;
}

export function settings(overrides: Partial<EtaSettings> = {}): EtaSettings {
  return {
    calendar: calendar(),
    delivery: DELIVERY,
    safetyMarginDays: 0,
    defaultLeadTimeDays: 30,
    ...overrides,
  };
}

/** An instant given as shop-local wall-clock time in Paris during winter time (UTC+1). */
export function parisWinter(localIso: string): Date {
  return new Date(`${localIso}+01:00`);
}

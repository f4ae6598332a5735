// Wording shared by the extension's targets: translation with counts, dates in the customer's language.
import type { CustomerOrderItem, DateRange } from "../../shared/customer-api";
import { calendarDay } from "../../shared/customer-backend";

export type Translate = (key: string, options?: Record<string, string | number>) => string;

export interface Texts {
  t: Translate;
  day: (isoDay: string) => string;
}

interface I18nLike {
  translate: (key: string, options?: Record<string, string | number>) => unknown;
  formatDate: (date: Date, options?: Intl.DateTimeFormatOptions) => string;
}

export function textsOf(i18n: I18nLike): Texts {
  return {
    t: (key, options) => String(i18n.translate(key, options)),
    day: (isoDay) => i18n.formatDate(calendarDay(isoDay), { timeZone: "UTC", dateStyle: "medium" }),
  };
}

export function rangeText({ t, day }: Texts, range: DateRange): string {
  return range.earliest === range.latest ? day(range.latest) : t("range", { earliest: day(range.earliest), latest: day(range.latest) });
}

/** The line under an owed item: its estimate, and how it compares with the checkout promise. */
export function estimateText(texts: Texts, item: CustomerOrderItem): string | null {
  if (!item.estimate) return null;
  return texts.t("item.estimate", { range: rangeText(texts, item.estimate) });
}

export function changeText({ t, day }: Texts, item: CustomerOrderItem): string | null {
  if (!item.change || !item.promisedLatest) return null;
  return t(`change.${item.change}`, { date: day(item.promisedLatest) });
}

export function errorText({ t }: Texts, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return t("error.body", { message });
}

// How the dashboard writes its numbers, the same on the server and in the browser (no timezone-dependent
// formatting: dates are calendar dates already in the shop's timezone).
import { formatMoney } from "~/domain/money";
import type { ClientTranslate } from "~/i18n/react";
import type { AdminLocale } from "~/i18n/locale";

export interface MoneyView {
  totals: { currency: string; amountMinor: number }[];
  unpricedLines: number;
}

/** "€1,234.50" (or several currencies joined); "—" when no line has a price: unknown is not zero. */
export function moneyText(money: MoneyView, locale: AdminLocale, t: ClientTranslate): string {
  if (money.totals.length === 0) return t("insights.none");
  return money.totals.map((m) => formatMoney(m.amountMinor, m.currency, locale)).join(" + ");
}

/** The note under an amount that leaves lines out, or null. */
export function unpricedNote(money: MoneyView, t: ClientTranslate): string | null {
  return money.unpricedLines > 0 ? t("insights.unpriced", { count: money.unpricedLines }) : null;
}

export function percentText(share: number, locale: AdminLocale): string {
  return plain(new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(share));
}

export function countText(n: number, locale: AdminLocale): string {
  return plain(new Intl.NumberFormat(locale).format(n));
}

/** "3.5 days" / "3,5 jours", to a tenth of a day. */
export function daysText(days: number, locale: AdminLocale, t: ClientTranslate): string {
  const rounded = Math.round(days * 10) / 10;
  return t("insights.days", { count: rounded, value: plain(new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(rounded)) });
}

/** No-break and narrow no-break spaces (French "50 %", "1 234") differ between ICU versions: plain spaces
 *  keep the server's HTML and the browser's first render identical. */
function plain(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, " ");
}

// Money as integer minor units + currency code (CONVENTIONS "Data"): reading Shopify's decimal amounts and
// writing them for a locale. No date or Shopify imports: the admin components use it in the browser too.
export interface MoneyTotal {
  currency: string;
  amountMinor: number;
}

/** Digits after the decimal point of a currency (EUR 2, JPY 0, KWD 3), from the platform's CLDR data. */
export function currencyDigits(currency: string): number {
  // Building an Intl.NumberFormat costs ~50 µs: the dashboard asks once per refunded cancellation.
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}
const digitsCache = new Map<string, number>();

/**
 * A Shopify decimal amount ("12.50", 12.5) in the currency's minor units (1250); null for anything that is
 * not a non-negative amount with at most the currency's digits (a payload we cannot trust is not a price).
 */
export function toMinorUnits(amount: unknown, currency: string): number | null {
  const text = typeof amount === "number" && Number.isFinite(amount) ? String(amount) : typeof amount === "string" ? amount.trim() : "";
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(text);
  if (!match || !/^[A-Z]{3}$/.test(currency)) return null;
  let digits: number;
  try {
    digits = currencyDigits(currency);
  } catch {
    return null;
  }
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

/** An amount in minor units as the locale writes it ("€1,234.50" / "1 234,50 €"). */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amountMinor / 10 ** digits).replace(/[\u202f\u00a0]/g, " ");
}

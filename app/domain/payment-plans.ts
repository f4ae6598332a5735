// How a backorder is paid (issue 15): full payment at checkout (no plan), a deposit (a percentage or a fixed
// amount now, the balance when the goods are ready or on a date) or pay later (nothing now). Pure rules:
// checking an option, the stable key that makes variants with the same option share one selling plan
// group, the Shopify PRE_ORDER selling plan group an option becomes, the words shoppers read at checkout
// (en/fr), and the storefront summary's `payment` part. See docs/decisions/014-payment-plans.md.
//
// Shopify's semantics (Admin API 2026-07, SellingPlanFixedBillingPolicyInput):
//   - checkoutCharge PERCENTAGE {percentage} or PRICE {fixedValue}: what checkout takes (pay later: 0 %);
//   - remainingBalanceChargeTrigger ON_FULFILLMENT ("when the order is fulfilled", the balance of an
//     "on_ready" option) or EXACT_TIME with remainingBalanceChargeExactTime (an "on_date" option).
//     NO_REMAINING_BALANCE is only valid with a 100 % charge (full payment needs no plan at all), and
//     TIME_AFTER_CHECKOUT (a fixed delay after checkout) promises a date the app does not know.
//   - deliveryPolicy.fixed with fulfillmentTrigger UNKNOWN: a backorder ships when stock arrives;
//   - inventoryPolicy.reserve ON_SALE: the unit is owed from the sale, as the ledger counts it.
import { formatDate, formatMoney as formatDecimalMoney } from "./format";
import { addCalendarDays, isIsoDate } from "./dates";
import type { SummaryPayment } from "./summary";
import type { IsoDate } from "./types";

export type PaymentLocale = "en" | "fr";
export const PAYMENT_LOCALES: readonly PaymentLocale[] = ["en", "fr"];

export type CheckoutCharge = { type: "percentage"; percent: number } | { type: "price"; amountMinor: number; currency: string };
export type BalanceTerm = { trigger: "on_ready" } | { trigger: "on_date"; dueOn: IsoDate };

export type PaymentOption =
  | { kind: "full" }
  | { kind: "deposit"; checkout: CheckoutCharge; balance: BalanceTerm }
  | { kind: "pay_later"; balance: BalanceTerm };

/** What a variant asks for: its own option, or the shop's default. */
export type VariantPaymentChoice = PaymentOption | { kind: "default" };

export const FULL_PAYMENT: PaymentOption = { kind: "full" };

export const PAYMENT_BOUNDS = {
  percent: { min: 1, max: 99 },
  /** A fixed deposit, in minor units (at most 1,000,000.00 in a two-digit currency). */
  amountMinor: { min: 1, max: 100_000_000 },
  /** A balance date: from tomorrow (shop-local) to three years ahead, like an expected arrival. */
  dueOnMaxDaysAhead: 3 * 366,
  textLength: 200,
} as const;

/** The app's id on its selling plan groups: Liquid exposes it as `selling_plan_group.app_id`. */
export const SELLING_PLAN_APP_ID = "backorder-pilot";

// ---- checking -----------------------------------------------------------------------------------------

export type PaymentOptionProblem =
  | "percent_range"
  | "amount_range"
  | "amount_not_below_price"
  | "currency"
  | "due_on_invalid"
  | "due_on_past"
  | "due_on_too_far";

export type PaymentOptionField = "checkoutPercent" | "checkoutAmount" | "balanceDueOn";

/**
 * Why an option cannot be offered, field by field (empty: it can). `today` is the shop's local date; a
 * fixed deposit must stay below `priceMinor` when the variant's price is known (else it is the full price).
 */
export function paymentOptionProblems(
  option: PaymentOption,
  context: { today: IsoDate; priceMinor?: number | null },
): Partial<Record<PaymentOptionField, PaymentOptionProblem>> {
  const problems: Partial<Record<PaymentOptionField, PaymentOptionProblem>> = {};
  if (option.kind === "full") return problems;
  if (option.kind === "deposit") {
    const charge = option.checkout;
    if (charge.type === "percentage") {
      if (!Number.isInteger(charge.percent) || charge.percent < PAYMENT_BOUNDS.percent.min || charge.percent > PAYMENT_BOUNDS.percent.max) {
        problems.checkoutPercent = "percent_range";
      }
    } else if (!/^[A-Z]{3}$/.test(charge.currency)) {
      problems.checkoutAmount = "currency";
    } else if (!Number.isInteger(charge.amountMinor) || charge.amountMinor < PAYMENT_BOUNDS.amountMinor.min || charge.amountMinor > PAYMENT_BOUNDS.amountMinor.max) {
      problems.checkoutAmount = "amount_range";
    } else if (context.priceMinor != null && charge.amountMinor >= context.priceMinor) {
      problems.checkoutAmount = "amount_not_below_price";
    }
  }
  if (option.balance.trigger === "on_date") {
    const dueOn = option.balance.dueOn;
    if (!isIsoDate(dueOn)) problems.balanceDueOn = "due_on_invalid";
    else if (dueOn <= context.today) problems.balanceDueOn = "due_on_past";
    else if (dueOn > addCalendarDays(context.today, PAYMENT_BOUNDS.dueOnMaxDaysAhead)) problems.balanceDueOn = "due_on_too_far";
  }
  return problems;
}

/**
 * The option a variant's backorders are sold under now: its own or the shop default; full payment when it
 * does not backorder (mode off), or when its balance date is no longer in the future (a plan never asks a
 * shopper to pay a balance "on" a day already gone: the merchant picks a new date).
 */
export function effectiveOption(args: {
  choice: VariantPaymentChoice | null;
  shopDefault: PaymentOption;
  backorders: boolean;
  today: IsoDate;
}): PaymentOption {
  if (!args.backorders) return FULL_PAYMENT;
  const option = !args.choice || args.choice.kind === "default" ? args.shopDefault : args.choice;
  if (option.kind !== "full" && option.balance.trigger === "on_date" && option.balance.dueOn <= args.today) return FULL_PAYMENT;
  return option;
}

/** True when the option's balance date has passed (the variant is then sold with full payment). */
export function balanceDatePassed(option: PaymentOption, today: IsoDate): boolean {
  return option.kind !== "full" && option.balance.trigger === "on_date" && option.balance.dueOn <= today;
}

// ---- identity -----------------------------------------------------------------------------------------

/**
 * One key per distinct option: every variant with the same option shares one selling plan group.
 * "full" | "deposit:percentage:20:on_ready" | "deposit:price:EUR:1000:on_date:2027-01-15" | "pay_later:on_ready".
 * Texts are not part of it: changing the words updates the group, it never makes a new one.
 */
export function optionKey(option: PaymentOption): string {
  if (option.kind === "full") return "full";
  const balance = option.balance.trigger === "on_date" ? `on_date:${option.balance.dueOn}` : "on_ready";
  if (option.kind === "pay_later") return `pay_later:${balance}`;
  const charge = option.checkout.type === "percentage" ? `percentage:${option.checkout.percent}` : `price:${option.checkout.currency}:${option.checkout.amountMinor}`;
  return `deposit:${charge}:${balance}`;
}

export function sameOption(a: PaymentOption, b: PaymentOption): boolean {
  return optionKey(a) === optionKey(b);
}

// ---- shopper texts --------------------------------------------------------------------------------------

/** The words shoppers read at checkout, per locale; `{charge}`, `{balance}` and `{date}` are filled in. */
export interface PaymentTexts {
  /** A deposit's plan name: must say what is charged now ({charge}) and when the rest is ({balance}). */
  deposit: string;
  /** Pay later's plan name: must say when the price is charged ({balance}). */
  payLater: string;
  /** {balance} of an option charged when the goods are ready. */
  balanceOnReady: string;
  /** {balance} of an option charged on a date: must name it ({date}). */
  balanceOnDate: string;
  /** The plan's description (checkout, order page): what a backorder with this plan means. */
  description: string;
}

export const DEFAULT_PAYMENT_TEXTS: Record<PaymentLocale, PaymentTexts> = {
  en: {
    deposit: "Backorder: pay {charge} now, the rest {balance}",
    payLater: "Backorder: pay nothing now, the full price {balance}",
    balanceOnReady: "when it ships",
    balanceOnDate: "on {date}",
    description: "This item is on backorder and ships when it is back in stock. The balance is charged to the payment method you use at checkout.",
  },
  fr: {
    deposit: "Précommande : payez {charge} maintenant, le reste {balance}",
    payLater: "Précommande : rien à payer maintenant, le prix total {balance}",
    balanceOnReady: "à l'expédition",
    balanceOnDate: "le {date}",
    description: "Cet article est en précommande et sera expédié dès son retour en stock. Le solde sera débité sur le moyen de paiement utilisé lors de la commande.",
  },
};

/** Placeholders each text must contain, so no plan hides what is charged or when. */
export const REQUIRED_PLACEHOLDERS: Record<keyof PaymentTexts, readonly string[]> = {
  deposit: ["{charge}", "{balance}"],
  payLater: ["{balance}"],
  balanceOnReady: [],
  balanceOnDate: ["{date}"],
  description: [],
};

/** The group label Shopify shows above the plans ("Purchase options") and the option name of the plan. */
const GROUP_NAME: Record<PaymentLocale, string> = { en: "Backorder", fr: "Précommande" };
const OPTION_NAME: Record<PaymentLocale, string> = { en: "Payment", fr: "Paiement" };

/** "€10.00" from minor units (the currency's own digits). */
export function formatMinor(amountMinor: number, currency: string, locale: string): string {
  return formatDecimalMoney(minorToDecimal(amountMinor, currency), currency, locale).replace(/[\u202f\u00a0]/g, " ");
}

/** 1050 EUR → "10.50"; 1050 JPY → "1050" (the Decimal Shopify takes). */
export function minorToDecimal(amountMinor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(amountMinor);
  const sign = amountMinor < 0 ? "-" : "";
  const abs = String(Math.abs(amountMinor)).padStart(digits + 1, "0");
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The plan's name as shoppers read it, e.g. "Backorder: pay 20% now, the rest when it ships". */
export function planName(option: Exclude<PaymentOption, { kind: "full" }>, texts: PaymentTexts, locale: PaymentLocale): string {
  const balance =
    option.balance.trigger === "on_date"
      ? fill(texts.balanceOnDate, { date: formatDate(option.balance.dueOn, locale, { year: true }) })
      : texts.balanceOnReady;
  if (option.kind === "pay_later") return fill(texts.payLater, { balance });
  const charge =
    option.checkout.type === "percentage"
      ? new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(option.checkout.percent / 100).replace(/[\u202f\u00a0]/g, " ")
      : formatMinor(option.checkout.amountMinor, option.checkout.currency, locale);
  return fill(texts.deposit, { charge, balance });
}

// ---- Shopify ----------------------------------------------------------------------------------------------

/** The instant an "on_date" balance is charged: 09:00 in the shop's timezone on that day (ISO, UTC). */
export function balanceChargeInstant(dueOn: IsoDate, timeZone: string): string {
  const [y, m, d] = dueOn.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 9, 0, 0);
  // The zone's offset at that wall time (twice, in case the first guess crossed a DST change).
  let instant = wall - zoneOffsetMs(wall, timeZone);
  instant = wall - zoneOffsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}

function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** SellingPlanInput (Admin API 2026-07) of one option; shaped like the generated input type. */
export interface SellingPlanSpec {
  name: string;
  description: string;
  options: string[];
  position: number;
  category: "PRE_ORDER";
  billingPolicy: {
    fixed: {
      checkoutCharge: { type: "PERCENTAGE"; value: { percentage: number } } | { type: "PRICE"; value: { fixedValue: string } };
      remainingBalanceChargeTrigger: "ON_FULFILLMENT" | "EXACT_TIME";
      remainingBalanceChargeExactTime?: string;
    };
  };
  deliveryPolicy: { fixed: { fulfillmentTrigger: "UNKNOWN" } };
  inventoryPolicy: { reserve: "ON_SALE" };
}

/** SellingPlanGroupInput of one option, without the plans to create / update (the caller adds them). */
export interface SellingPlanGroupSpec {
  name: string;
  merchantCode: string;
  description: string;
  appId: string;
  options: string[];
  position: number;
  plan: SellingPlanSpec;
}

/**
 * The selling plan group an option becomes in Shopify: one PRE_ORDER plan whose billing policy charges the
 * deposit (or nothing) at checkout and the balance on fulfillment or on the date, delivery "when known",
 * inventory reserved at sale. Names in `locale` (the shop's checkout language).
 */
export function sellingPlanGroupSpec(
  option: Exclude<PaymentOption, { kind: "full" }>,
  context: { texts: PaymentTexts; locale: PaymentLocale; timeZone: string },
): SellingPlanGroupSpec {
  const name = planName(option, context.texts, context.locale);
  const checkoutCharge: SellingPlanSpec["billingPolicy"]["fixed"]["checkoutCharge"] =
    option.kind === "pay_later"
      ? { type: "PERCENTAGE", value: { percentage: 0 } }
      : option.checkout.type === "percentage"
        ? { type: "PERCENTAGE", value: { percentage: option.checkout.percent } }
        : { type: "PRICE", value: { fixedValue: minorToDecimal(option.checkout.amountMinor, option.checkout.currency) } };
  const fixed: SellingPlanSpec["billingPolicy"]["fixed"] =
    option.balance.trigger === "on_date"
      ? { checkoutCharge, remainingBalanceChargeTrigger: "EXACT_TIME", remainingBalanceChargeExactTime: balanceChargeInstant(option.balance.dueOn, context.timeZone) }
      : { checkoutCharge, remainingBalanceChargeTrigger: "ON_FULFILLMENT" };
  return {
    name: GROUP_NAME[context.locale],
    // Merchant-facing (Shopify admin's purchase options): the key says exactly which option it is.
    merchantCode: `Backorder Pilot · ${optionKey(option)}`,
    description: `Backorder Pilot ${option.kind === "deposit" ? "deposit" : "pay later"} plan (${optionKey(option)}). Managed by the app: edit payment options in Backorder Pilot.`,
    appId: SELLING_PLAN_APP_ID,
    options: [OPTION_NAME[context.locale]],
    position: 1,
    plan: {
      name,
      description: context.texts.description,
      options: [name],
      position: 1,
      category: "PRE_ORDER",
      billingPolicy: { fixed },
      deliveryPolicy: { fixed: { fulfillmentTrigger: "UNKNOWN" } },
      inventoryPolicy: { reserve: "ON_SALE" },
    },
  };
}

/** A fingerprint of what the shopper reads (names, description) and when the balance is charged: a change updates the group. */
export function specFingerprint(spec: SellingPlanGroupSpec): string {
  return JSON.stringify([spec.name, spec.options, spec.plan.name, spec.plan.description, spec.plan.billingPolicy.fixed.remainingBalanceChargeExactTime ?? null]);
}

/** The numeric id the product form posts as `selling_plan` ("gid://shopify/SellingPlan/4938473" → "4938473"). */
export function numericId(gid: string): string | null {
  return /\/(\d+)$/.exec(gid)?.[1] ?? null;
}

/** The storefront summary's `payment` part (app/domain/summary.ts) of a variant sold under `option`'s plan. */
export function summaryPayment(option: PaymentOption, sellingPlanGid: string): SummaryPayment | null {
  if (option.kind === "full") return null;
  const sellingPlanId = numericId(sellingPlanGid);
  if (!sellingPlanId) return null;
  const checkout: SummaryPayment["checkout"] =
    option.kind === "pay_later"
      ? { type: "percentage", value: 0 }
      : option.checkout.type === "percentage"
        ? { type: "percentage", value: option.checkout.percent }
        : { type: "price", amount: minorToDecimal(option.checkout.amountMinor, option.checkout.currency) };
  const balance: SummaryPayment["balance"] = option.balance.trigger === "on_date" ? { trigger: "on_date", dueOn: option.balance.dueOn } : { trigger: "on_ready" };
  return { kind: option.kind, sellingPlanId, checkout, balance };
}

// ---- stored columns ----------------------------------------------------------------------------------------

/** The option columns shared by ShopPaymentSettings, VariantPaymentOption and PaymentPlan (prisma/schema.prisma). */
export interface OptionColumns {
  kind: string;
  checkoutType: string | null;
  checkoutPercent: number | null;
  checkoutAmountMinor: number | null;
  currency: string | null;
  balanceTrigger: string | null;
  balanceDueOn: string | null;
}

export function toColumns(choice: VariantPaymentChoice): OptionColumns {
  const none = { checkoutType: null, checkoutPercent: null, checkoutAmountMinor: null, currency: null, balanceTrigger: null, balanceDueOn: null };
  if (choice.kind === "full" || choice.kind === "default") return { kind: choice.kind, ...none };
  const balance = { balanceTrigger: choice.balance.trigger, balanceDueOn: choice.balance.trigger === "on_date" ? choice.balance.dueOn : null };
  if (choice.kind === "pay_later") return { ...none, kind: "pay_later", ...balance };
  const checkout =
    choice.checkout.type === "percentage"
      ? { checkoutType: "percentage", checkoutPercent: choice.checkout.percent, checkoutAmountMinor: null, currency: null }
      : { checkoutType: "price", checkoutPercent: null, checkoutAmountMinor: choice.checkout.amountMinor, currency: choice.checkout.currency };
  return { kind: "deposit", ...checkout, ...balance };
}

/** The option stored in `columns`; null when they do not make one (a corrupt row is treated as unknown). */
export function fromColumns(columns: OptionColumns): VariantPaymentChoice | null {
  if (columns.kind === "full" || columns.kind === "default") return { kind: columns.kind };
  let balance: BalanceTerm | null = null;
  if (columns.balanceTrigger === "on_ready") balance = { trigger: "on_ready" };
  else if (columns.balanceTrigger === "on_date" && isIsoDate(columns.balanceDueOn)) balance = { trigger: "on_date", dueOn: columns.balanceDueOn };
  if (!balance) return null;
  if (columns.kind === "pay_later") return { kind: "pay_later", balance };
  if (columns.kind !== "deposit") return null;
  if (columns.checkoutType === "percentage" && columns.checkoutPercent !== null) {
    return { kind: "deposit", checkout: { type: "percentage", percent: columns.checkoutPercent }, balance };
  }
  if (columns.checkoutType === "price" && columns.checkoutAmountMinor !== null && columns.currency) {
    return { kind: "deposit", checkout: { type: "price", amountMinor: columns.checkoutAmountMinor, currency: columns.currency }, balance };
  }
  return null;
}

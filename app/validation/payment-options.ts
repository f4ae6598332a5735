// Payment option forms (issue 15): a variant's option (product page, bulk action) and the shop's default
// with the shopper texts (Settings → Deposits and pay later). Errors are admin message keys per field; the
// rules themselves (bounds, dates, placeholders) are the domain's (app/domain/payment-plans.ts).
import {
  PAYMENT_BOUNDS,
  PAYMENT_LOCALES,
  REQUIRED_PLACEHOLDERS,
  paymentOptionProblems,
  type PaymentLocale,
  type PaymentOption,
  type PaymentOptionField,
  type PaymentOptionProblem,
  type PaymentTexts,
  type VariantPaymentChoice,
} from "~/domain/payment-plans";
import { toMinorUnits } from "~/domain/money";
import { isIsoDate } from "~/domain/dates";

export type PaymentFieldErrors = Record<string, string>;

const PROBLEM_KEYS: Record<PaymentOptionProblem, string> = {
  percent_range: "payments.error.percent",
  amount_range: "payments.error.amount",
  amount_not_below_price: "payments.error.amountNotBelowPrice",
  currency: "payments.error.amount",
  due_on_invalid: "payments.error.dueOnInvalid",
  due_on_past: "payments.error.dueOnPast",
  due_on_too_far: "payments.error.dueOnTooFar",
};

const FIELD_NAMES: Record<PaymentOptionField, string> = { checkoutPercent: "checkoutPercent", checkoutAmount: "checkoutAmount", balanceDueOn: "balanceDueOn" };

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

/**
 * A payment option from form fields (`paymentKind`, `checkoutType`, `checkoutPercent`, `checkoutAmount`,
 * `balanceTrigger`, `balanceDueOn`). `allowDefault`: a variant may follow the shop default. Whole
 * percentages with digits only; an amount as the shop writes it in its currency ("10", "10.50").
 */
export function parsePaymentChoice(
  input: Record<string, unknown>,
  context: { allowDefault: boolean; today: string; currency: string; priceMinor?: number | null },
): { ok: true; choice: VariantPaymentChoice } | { ok: false; errors: PaymentFieldErrors } {
  const errors: PaymentFieldErrors = {};
  const kind = text(input.paymentKind);
  if (kind === "default" && context.allowDefault) return { ok: true, choice: { kind: "default" } };
  if (kind === "full") return { ok: true, choice: { kind: "full" } };
  if (kind !== "deposit" && kind !== "pay_later") return { ok: false, errors: { paymentKind: "payments.error.kind" } };

  const trigger = text(input.balanceTrigger);
  const dueOn = text(input.balanceDueOn);
  if (trigger !== "on_ready" && trigger !== "on_date") errors.balanceTrigger = "payments.error.trigger";
  if (trigger === "on_date" && !dueOn) errors.balanceDueOn = "payments.error.dueOnRequired";
  else if (trigger === "on_date" && !isIsoDate(dueOn)) errors.balanceDueOn = "payments.error.dueOnInvalid";
  const balance = trigger === "on_date" ? ({ trigger: "on_date", dueOn } as const) : ({ trigger: "on_ready" } as const);

  let option: PaymentOption | null = null;
  if (kind === "pay_later") option = { kind: "pay_later", balance };
  else {
    const type = text(input.checkoutType);
    if (type === "percentage") {
      const raw = text(input.checkoutPercent);
      if (!/^\d{1,3}$/.test(raw)) errors.checkoutPercent = "payments.error.percent";
      else option = { kind: "deposit", checkout: { type: "percentage", percent: Number(raw) }, balance };
    } else if (type === "price") {
      const minor = toMinorUnits(text(input.checkoutAmount).replace(",", "."), context.currency);
      if (minor === null) errors.checkoutAmount = "payments.error.amount";
      else option = { kind: "deposit", checkout: { type: "price", amountMinor: minor, currency: context.currency }, balance };
    } else {
      errors.checkoutType = "payments.error.checkoutType";
    }
  }
  if (option && !errors.balanceDueOn && !errors.balanceTrigger) {
    const problems = paymentOptionProblems(option, { today: context.today, priceMinor: context.priceMinor ?? null });
    for (const [field, problem] of Object.entries(problems) as [PaymentOptionField, PaymentOptionProblem][]) {
      errors[FIELD_NAMES[field]] ??= PROBLEM_KEYS[problem];
    }
  }
  if (Object.keys(errors).length > 0 || !option) return { ok: false, errors: Object.keys(errors).length ? errors : { paymentKind: "payments.error.kind" } };
  return { ok: true, choice: option };
}

/** The shopper texts from fields `texts.<locale>.<key>`: each required, ≤ 200 characters, with its placeholders. */
export function parsePaymentTexts(input: Record<string, unknown>): { ok: true; texts: Record<PaymentLocale, PaymentTexts> } | { ok: false; errors: PaymentFieldErrors } {
  const errors: PaymentFieldErrors = {};
  const texts = {} as Record<PaymentLocale, PaymentTexts>;
  for (const locale of PAYMENT_LOCALES) {
    const entry = {} as PaymentTexts;
    for (const key of Object.keys(REQUIRED_PLACEHOLDERS) as (keyof PaymentTexts)[]) {
      const name = `texts.${locale}.${key}`;
      const value = text(input[name]);
      entry[key] = value;
      if (!value) errors[name] = "payments.error.textRequired";
      else if (value.length > PAYMENT_BOUNDS.textLength) errors[name] = "payments.error.textTooLong";
      else if (REQUIRED_PLACEHOLDERS[key].some((p) => !value.includes(p))) errors[name] = `payments.error.placeholders.${key}`;
    }
    texts[locale] = entry;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, texts };
}

/** Bounds the forms show next to the fields (the action enforces the same). */
export const PAYMENT_FORM_BOUNDS = { percent: PAYMENT_BOUNDS.percent, textLength: PAYMENT_BOUNDS.textLength };

/** The form fields of a payment option (product page, bulk action, settings). */
export const PAYMENT_FIELDS = ["paymentKind", "checkoutType", "checkoutPercent", "checkoutAmount", "balanceTrigger", "balanceDueOn"] as const;

/** The payment option's fields of a posted form (absent ones undefined). */
export function paymentFieldsOf(form: FormData): Record<string, string | undefined> {
  return Object.fromEntries(PAYMENT_FIELDS.map((name) => [name, (form.get(name) as string | null) ?? undefined]));
}

// The registry of customer emails: per kind, the data the caller must supply (zod), the Liquid variables
// the templates see (snake_case, like Shopify's own notifications) and sample data for previews and tests.
// A new kind = one entry here + default templates in ./templates.ts.
import { z } from "zod";
import { isIsoDate } from "~/validation/dates";

export const EMAIL_KINDS = ["backorder_confirmation", "delay_notice", "earlier_date", "ready_to_ship", "back_in_stock", "support_message", "compensation", "cancellation", "feedback_survey", "balance_declined"] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];
/** What an outbox row can hold: a customer email, or a merchant's test send from the admin. */
export type OutboxKind = EmailKind | "test";

export const EMAIL_LOCALES = ["en", "fr"] as const;
export type EmailLocale = (typeof EMAIL_LOCALES)[number];

export function isEmailKind(value: unknown): value is EmailKind {
  return typeof value === "string" && (EMAIL_KINDS as readonly string[]).includes(value);
}

/** "fr", "fr-CA", "FR" → "fr"; anything else → "en" (the template language). */
export function emailLocale(locale: string | null | undefined): EmailLocale {
  return locale?.trim().toLowerCase().startsWith("fr") ? "fr" : "en";
}

/** The locale dates are formatted in: the customer's own tag when the runtime knows it ("en-US"), else
 * the template language. */
export function dateLocale(locale: string | null | undefined): string {
  const fallback = emailLocale(locale);
  if (!locale) return fallback;
  try {
    const [canonical] = Intl.getCanonicalLocales(locale.trim());
    return canonical && canonical.toLowerCase().split("-")[0] === fallback ? canonical : fallback;
  } catch {
    return fallback;
  }
}

// ---- field schemas -----------------------------------------------------------------------------------

export { isIsoDate };

const isoDate = z.string().refine(isIsoDate, { message: "must be a date written YYYY-MM-DD" });
const text = z.string().max(1_000);
/** Customer names come from orders and may be missing. */
const optionalName = z
  .string()
  .max(500)
  .nullish()
  .transform((v) => v?.trim() ?? "");
/** Shopify's "Default Title" is not something to show a customer. */
const variantTitle = z
  .string()
  .max(500)
  .nullish()
  .transform((v) => (v && v !== "Default Title" ? v : ""));
const quantity = z.number().int().positive();
const httpUrl = z
  .string()
  .url()
  .refine((v) => /^https?:\/\//i.test(v), { message: "must be an http(s) URL" });

const datedLine = z
  .object({ productTitle: text, variantTitle, quantity, earliest: isoDate, latest: isoDate })
  .refine((l) => l.earliest <= l.latest, { message: "earliest must not be after latest" });
const plainLine = z.object({ productTitle: text, variantTitle, quantity });

/** A line's promised date moved: later (delay notice) or earlier (good news). */
const dateChangeFields = z.object({
  orderName: text.min(1),
  customerName: optionalName,
  productTitle: text,
  variantTitle,
  quantity,
  previousLatest: isoDate,
  earliest: isoDate,
  latest: isoDate,
});
const datesInOrder = { message: "earliest must not be after latest" };
const dateChange = dateChangeFields.refine((d) => d.earliest <= d.latest, datesInOrder);
/** An optional link: absent, null or "" all mean none (the template then words the choice without it). */
const optionalUrl = httpUrl
  .nullish()
  .or(z.literal(""))
  .transform((v) => v || "");
/**
 * The delay notice also carries the customer's two signed links (wait / cancel for a refund), the choice the
 * FTC mail-order rule asks a delay notice to offer (~/workflows/support/choice-links.server).
 */
const delayNotice = dateChangeFields
  .extend({ waitUrl: optionalUrl, cancelUrl: optionalUrl })
  .refine((d) => d.earliest <= d.latest, datesInOrder);

/**
 * What a deposit or pay-later order (issue 15) paid and still owes, formatted in the customer's language
 * ("€20.00"): the confirmation and the ready-to-ship email state it. `dueOn` null: charged when the goods are
 * ready. Absent: the order was paid in full.
 */
const paymentPart = z
  .object({ paid: z.string().max(100), balance: z.string().min(1).max(100), dueOn: isoDate.nullable() })
  .nullish()
  .transform((v) => v ?? null);

const paymentVariables = (p: { paid: string; balance: string; dueOn: string | null } | null) => ({
  paid: p?.paid ?? "",
  balance: p?.balance ?? "",
  due_on: p?.dueOn ?? "",
});

export const emailDataSchemas = {
  backorder_confirmation: z.object({
    orderName: text.min(1),
    customerName: optionalName,
    // No upper bound: an order has as many lines as it has (a cap here dropped the whole email of a
    // 251-line order); the renderer's time and memory limits are the guard.
    lines: z.array(datedLine).min(1),
    termsVersion: z.number().int().nonnegative(),
    payment: paymentPart,
  }),
  delay_notice: delayNotice,
  earlier_date: dateChange,
  ready_to_ship: z.object({
    orderName: text.min(1),
    customerName: optionalName,
    lines: z.array(plainLine).min(1),
    payment: paymentPart,
  }),
  back_in_stock: z.object({ productTitle: text, variantTitle, productUrl: httpUrl, unsubscribeUrl: httpUrl }),
  /** A support person's own words about an order (the support desk). */
  support_message: z.object({ orderName: text.min(1), customerName: optionalName, message: z.string().trim().min(1).max(5_000) }),
  /** Support gave the customer something for the wait: a single-use discount code or store credit. */
  compensation: z
    .object({
      orderName: text.min(1),
      customerName: optionalName,
      kind: z.enum(["discount", "store_credit"]),
      /** The value as the customer reads it, in their language ("10%", "15,00 €"). */
      offer: z.string().trim().min(1).max(50),
      code: z.string().trim().min(1).max(255).nullable(),
      expiresOn: isoDate.nullable(),
    })
    .refine((d) => d.kind !== "discount" || d.code !== null, { message: "a discount needs its code" }),
  /** Backordered items (or the whole order) cancelled and refunded (the support desk, or the customer's link). */
  cancellation: z.object({
    orderName: text.min(1),
    customerName: optionalName,
    lines: z.array(plainLine).min(1),
    /** The refund, formatted in the customer's language ("€42.00"); empty when nothing was paid. */
    refundAmount: z.string().max(100),
    wholeOrder: z.boolean(),
  }),
  /** The survey after delivery: the shop's two questions, a signed link per score, and the "no more surveys" link. */
  feedback_survey: z.object({
    orderName: text.min(1),
    customerName: optionalName,
    waitQuestion: z.string().trim().min(1).max(200),
    dateQuestion: z.string().trim().min(1).max(200),
    scoreUrls: z.array(httpUrl).length(5),
    stopUrl: httpUrl,
  }),
  /** The balance of a deposit or pay-later order could not be charged (declined): what is owed and what was paid. */
  balance_declined: z.object({
    orderName: text.min(1),
    customerName: optionalName,
    amountDue: z.string().trim().min(1).max(100),
    amountPaid: z.string().max(100),
  }),
} satisfies Record<EmailKind, z.ZodTypeAny>;

export type EmailDataInput<K extends EmailKind> = z.input<(typeof emailDataSchemas)[K]>;
export type EmailData<K extends EmailKind> = z.output<(typeof emailDataSchemas)[K]>;

/** Shop terms (for the customer's language) as the confirmation shows them. */
export interface TermsText {
  payment: string;
  shipping: string;
  cancellation: string;
}

export interface KindContext {
  /** The shop's pre-purchase terms in the email's language, when they are the version the order accepted. */
  terms?: TermsText;
}

interface KindDefinition<K extends EmailKind> {
  /** Liquid variables from validated data. */
  variables(data: EmailData<K>, context: KindContext): Record<string, unknown>;
  /** Variable names shown to the merchant in the editor. */
  variableNames: readonly string[];
  sample(locale: EmailLocale): EmailDataInput<K>;
  sampleContext(locale: EmailLocale): KindContext;
  /** Confirmation only: the terms version the data refers to, so the shop's current terms can be shown. */
  termsVersion?(data: EmailData<K>): number;
  /** A saved body must render this variable's sample value (e.g. the unsubscribe link). */
  requiredVariable?: { name: string; sampleValue(sample: EmailData<K>): string };
}

const EMPTY_TERMS: TermsText = { payment: "", shipping: "", cancellation: "" };

const SAMPLE_TERMS: Record<EmailLocale, TermsText> = {
  en: {
    payment: "You are charged in full today.",
    shipping: "Free shipping on backordered items.",
    cancellation: "Cancel the backordered items any time before they ship for a full refund.",
  },
  fr: {
    payment: "Vous êtes débité en totalité aujourd’hui.",
    shipping: "Livraison offerte pour les articles en précommande.",
    cancellation: "Annulez les articles en attente à tout moment avant l’expédition, remboursement intégral.",
  },
};

const SAMPLE_NAMES: Record<EmailLocale, { customer: string; product: string; variant: string; other: string }> = {
  en: { customer: "Ada Lovelace", product: "Stoneware mug", variant: "Sand / Large", other: "Linen tea towel" },
  fr: { customer: "Camille Dupont", product: "Tasse en grès", variant: "Sable / Grande", other: "Torchon en lin" },
};

const lineVariables = (line: { productTitle: string; variantTitle: string; quantity: number }) => ({
  product_title: line.productTitle,
  variant_title: line.variantTitle,
  quantity: line.quantity,
});

/** Delay notice and earlier-date email: the same data, different sample dates. */
function dateChangeKind<K extends "delay_notice" | "earlier_date">(dates: { previousLatest: string; earliest: string; latest: string }): KindDefinition<K> {
  return {
    variables: (d) => ({
      order_name: d.orderName,
      customer_name: d.customerName,
      ...lineVariables(d),
      previous_latest: d.previousLatest,
      earliest: d.earliest,
      latest: d.latest,
    }),
    variableNames: ["order_name", "customer_name", "product_title", "variant_title", "quantity", "previous_latest", "earliest", "latest"],
    sample: (locale) => ({
      orderName: "#1001",
      customerName: SAMPLE_NAMES[locale].customer,
      productTitle: SAMPLE_NAMES[locale].product,
      variantTitle: SAMPLE_NAMES[locale].variant,
      quantity: 2,
      ...dates,
    }),
    sampleContext: () => ({}),
  };
}

const SAMPLE_CHOICE_URL = "https://example.myshopify.com/apps/backorder/choice?t=sample";

/** The delay notice: a date change, plus the customer's two links (wait, or cancel for a refund). */
function delayNoticeKind(): KindDefinition<"delay_notice"> {
  const base = dateChangeKind<"delay_notice">({ previousLatest: "2026-12-18", earliest: "2027-01-11", latest: "2027-01-15" });
  return {
    ...base,
    variables: (d, context) => ({ ...base.variables(d, context), wait_url: d.waitUrl, cancel_url: d.cancelUrl }),
    variableNames: [...base.variableNames, "wait_url", "cancel_url"],
    sample: (locale) => ({ ...base.sample(locale), waitUrl: `${SAMPLE_CHOICE_URL}-wait`, cancelUrl: `${SAMPLE_CHOICE_URL}-cancel` }),
  };
}

export const EMAIL_KIND_REGISTRY: { [K in EmailKind]: KindDefinition<K> } = {
  backorder_confirmation: {
    variables: (d, context) => ({
      order_name: d.orderName,
      customer_name: d.customerName,
      lines: d.lines.map((l) => ({ ...lineVariables(l), earliest: l.earliest, latest: l.latest })),
      terms_version: d.termsVersion,
      terms: context.terms ?? EMPTY_TERMS,
      payment: paymentVariables(d.payment),
    }),
    variableNames: [
      "order_name",
      "customer_name",
      "lines[].product_title",
      "lines[].variant_title",
      "lines[].quantity",
      "lines[].earliest",
      "lines[].latest",
      "terms_version",
      "terms.payment",
      "terms.shipping",
      "terms.cancellation",
      "payment.paid",
      "payment.balance",
      "payment.due_on",
    ],
    sample: (locale) => ({
      orderName: "#1001",
      customerName: SAMPLE_NAMES[locale].customer,
      lines: [
        { productTitle: SAMPLE_NAMES[locale].product, variantTitle: SAMPLE_NAMES[locale].variant, quantity: 2, earliest: "2026-12-14", latest: "2026-12-18" },
        { productTitle: SAMPLE_NAMES[locale].other, variantTitle: "Default Title", quantity: 1, earliest: "2026-12-28", latest: "2027-01-06" },
      ],
      termsVersion: 3,
      payment: { paid: locale === "fr" ? "19,20 €" : "€19.20", balance: locale === "fr" ? "76,80 €" : "€76.80", dueOn: null },
    }),
    sampleContext: (locale) => ({ terms: SAMPLE_TERMS[locale] }),
    termsVersion: (d) => d.termsVersion,
  },
  delay_notice: delayNoticeKind(),
  earlier_date: dateChangeKind<"earlier_date">({ previousLatest: "2027-01-15", earliest: "2026-12-14", latest: "2026-12-18" }),
  ready_to_ship: {
    variables: (d) => ({ order_name: d.orderName, customer_name: d.customerName, lines: d.lines.map(lineVariables), payment: paymentVariables(d.payment) }),
    variableNames: ["order_name", "customer_name", "lines[].product_title", "lines[].variant_title", "lines[].quantity", "payment.paid", "payment.balance", "payment.due_on"],
    sample: (locale) => ({
      orderName: "#1001",
      customerName: SAMPLE_NAMES[locale].customer,
      lines: [{ productTitle: SAMPLE_NAMES[locale].product, variantTitle: SAMPLE_NAMES[locale].variant, quantity: 2 }],
      payment: { paid: locale === "fr" ? "19,20 €" : "€19.20", balance: locale === "fr" ? "76,80 €" : "€76.80", dueOn: null },
    }),
    sampleContext: () => ({}),
  },
  back_in_stock: {
    variables: (d) => ({
      product_title: d.productTitle,
      variant_title: d.variantTitle,
      product_url: d.productUrl,
      unsubscribe_url: d.unsubscribeUrl,
    }),
    variableNames: ["product_title", "variant_title", "product_url", "unsubscribe_url"],
    sample: (locale) => ({
      productTitle: SAMPLE_NAMES[locale].product,
      variantTitle: SAMPLE_NAMES[locale].variant,
      productUrl: "https://example.myshopify.com/products/stoneware-mug?variant=1",
      unsubscribeUrl: "https://example.com/unsubscribe/sample-token",
    }),
    sampleContext: () => ({}),
    requiredVariable: { name: "unsubscribe_url", sampleValue: (sample) => sample.unsubscribeUrl },
  },
  support_message: {
    variables: (d) => ({ order_name: d.orderName, customer_name: d.customerName, message: d.message }),
    variableNames: ["order_name", "customer_name", "message"],
    sample: (locale) => ({
      orderName: "#1001",
      customerName: SAMPLE_NAMES[locale].customer,
      message:
        locale === "fr"
          ? "Notre fournisseur nous a confirmé l’expédition de votre théière la semaine prochaine. Nous vous tiendrons au courant."
          : "Our supplier confirmed your teapot ships next week. We will keep you posted.",
    }),
    sampleContext: () => ({}),
    requiredVariable: { name: "message", sampleValue: (sample) => sample.message },
  },
  compensation: {
    variables: (d) => ({
      order_name: d.orderName,
      customer_name: d.customerName,
      compensation_kind: d.kind,
      offer: d.offer,
      code: d.code ?? "",
      expires_on: d.expiresOn ?? "",
    }),
    variableNames: ["order_name", "customer_name", "compensation_kind", "offer", "code", "expires_on"],
    sample: (locale) => ({
      orderName: "#1001",
      customerName: SAMPLE_NAMES[locale].customer,
      kind: "discount",
      offer: locale === "fr" ? "10\u00a0%" : "10%",
      code: "SORRY-1001-K7M2QX",
      expiresOn: "2027-01-15",
    }),
    sampleContext: () => ({}),
    // A discount email that no longer shows the code would leave the customer with nothing to use.
    requiredVariable: { name: "code", sampleValue: (sample) => sample.code ?? "" },
  },
  cancellation: {
    variables: (d) => ({
      order_name: d.orderName,
      customer_name: d.customerName,
      lines: d.lines.map(lineVariables),
      refund_amount: d.refundAmount,
      whole_order: d.wholeOrder,
    }),
    variableNames: ["order_name", "customer_name", "lines[].product_title", "lines[].variant_title", "lines[].quantity", "refund_amount", "whole_order"],
    sample: (locale) => ({
      orderName: "#1001",
      customerName: SAMPLE_NAMES[locale].customer,
      lines: [{ productTitle: SAMPLE_NAMES[locale].product, variantTitle: SAMPLE_NAMES[locale].variant, quantity: 2 }],
      refundAmount: locale === "fr" ? "84,00 €" : "€84.00",
      wholeOrder: false,
    }),
    sampleContext: () => ({}),
  },
  feedback_survey: {
    variables: (d) => ({
      order_name: d.orderName,
      customer_name: d.customerName,
      wait_question: d.waitQuestion,
      date_question: d.dateQuestion,
      score_links: d.scoreUrls.map((url, i) => ({ score: i + 1, url })),
      stop_url: d.stopUrl,
    }),
    variableNames: ["order_name", "customer_name", "wait_question", "date_question", "score_links[].score", "score_links[].url", "stop_url"],
    sample: (locale) => ({
      orderName: "#1001",
      customerName: SAMPLE_NAMES[locale].customer,
      waitQuestion: locale === "fr" ? "Comment s’est passée l’attente ?" : "How was the wait?",
      dateQuestion: locale === "fr" ? "La date que nous vous avions donnée était-elle juste ?" : "Was the date we gave you accurate?",
      scoreUrls: [1, 2, 3, 4, 5].map((s) => `${SAMPLE_FEEDBACK_URL}&s=${s}`),
      stopUrl: `${SAMPLE_FEEDBACK_URL}&stop=1`,
    }),
    sampleContext: () => ({}),
    // A survey that no longer lets the customer stop them would ignore their right to say no.
    requiredVariable: { name: "stop_url", sampleValue: (sample) => sample.stopUrl },
  },
  balance_declined: {
    variables: (d) => ({ order_name: d.orderName, customer_name: d.customerName, amount_due: d.amountDue, amount_paid: d.amountPaid }),
    variableNames: ["order_name", "customer_name", "amount_due", "amount_paid"],
    sample: (locale) => ({
      orderName: "#1001",
      customerName: SAMPLE_NAMES[locale].customer,
      amountDue: locale === "fr" ? "76,80 €" : "€76.80",
      amountPaid: locale === "fr" ? "19,20 €" : "€19.20",
    }),
    sampleContext: () => ({}),
    // The email exists to say how much could not be charged.
    requiredVariable: { name: "amount_due", sampleValue: (sample) => sample.amountDue },
  },
};

const SAMPLE_FEEDBACK_URL = "https://example.myshopify.com/apps/backorder/feedback?t=sample";

export type EmailDataResult<K extends EmailKind> =
  | { success: true; data: EmailData<K> }
  | { success: false; error: z.ZodError };

export function parseEmailData<K extends EmailKind>(kind: K, data: unknown): EmailDataResult<K> {
  const result = (emailDataSchemas[kind] as z.ZodType<EmailData<K>, z.ZodTypeDef, unknown>).safeParse(data);
  return result.success ? { success: true, data: result.data } : { success: false, error: result.error };
}

/** Validated sample data of a kind (always valid: the registry's own samples). */
export function sampleData<K extends EmailKind>(kind: K, locale: EmailLocale): EmailData<K> {
  const result = parseEmailData(kind, EMAIL_KIND_REGISTRY[kind].sample(locale));
  if (!result.success) throw new Error(`Sample data of ${kind} is invalid: ${result.error.message}`);
  return result.data;
}

/** Liquid variables of validated data. */
export function templateVariables<K extends EmailKind>(kind: K, data: EmailData<K>, context: KindContext = {}) {
  return EMAIL_KIND_REGISTRY[kind].variables(data, context);
}

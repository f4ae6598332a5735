// Queueing customer emails: validate the data for the kind, render the shop's template (or the built-in one)
// in the customer's language, and insert one outbox row per dedupe key. Everything goes through the `db`
// given, so callers queue inside the transaction that changes the ledger: the email exists iff the change
// committed. Delivery happens later (./deliver.server.ts).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { findEmailTemplate } from "~/models/email-template.server";
import { findOutboxEmailByDedupeKey, insertOutboxEmail } from "~/models/email-outbox.server";
import { listSubscribersToNotify, markSubscriptionNotified } from "~/models/notify-subscription.server";
import { getStoredTerms } from "~/models/settings.server";
import { inTransaction, type Tx } from "~/models/transaction.server";
import {
  EMAIL_KIND_REGISTRY,
  emailLocale,
  isEmailKind,
  parseEmailData,
  type EmailData,
  type EmailKind,
  type EmailLocale,
  type KindContext,
  type TermsText,
} from "./kinds";
import { errorMessage } from "./liquid.server";
import { renderEmailFor, renderSample, type RenderedEmail, type TemplateFieldErrors } from "./render.server";
import { defaultTemplate, type TemplateSource } from "./templates";
import { unsubscribeUrl } from "./unsubscribe.server";

export interface QueueEmailInput {
  shop: string;
  kind: EmailKind;
  /** Unique per shop: e.g. `line:<id>:delay_notice:<latest>`. A second email with the same key is ignored. */
  dedupeKey: string;
  to: string;
  /** The customer's locale ("fr", "fr-CA", "en-US"…); "fr*" gets French templates, anything else English. */
  locale: string;
  data: Record<string, unknown>;
}

/** The caller passed something no template can render (a programming error, not a delivery failure). */
export class EmailInputError extends Error {
  override name = "EmailInputError";
}

const recipient = z.string().trim().toLowerCase().email().max(320);

/** What the outbox keeps as an email's locale (its column is meant for a BCP 47 tag, not free text). */
export const MAX_LOCALE_LENGTH = 35;

/**
 * A customer's locale as an outbox can keep it: the canonical BCP 47 tag when it is short enough, else its
 * language and region (`fr-CA-x-something-very-long` → `fr-CA`), else the template language. Shopify's
 * `customer_locale` is whatever the storefront sent, so a long or odd one must not cost the customer
 * their email.
 */
export function normalizeLocale(raw: string | null | undefined): string {
  const value = (raw ?? "").trim().replace(/_/g, "-");
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    if (canonical && canonical.length <= MAX_LOCALE_LENGTH) return canonical;
  } catch {
    // Not a well-formed tag (e.g. a private-use subtag over 8 characters): fall through.
  }
  const head = /^([a-z]{2,3})(?:-([a-z]{2}|\d{3}))?(?:-|$)/i.exec(value);
  if (head?.[1]) {
    try {
      const [tag] = Intl.getCanonicalLocales(head[2] ? `${head[1]}-${head[2]}` : head[1]);
      if (tag) return tag;
    } catch {
      // fall through
    }
  }
  return emailLocale(value);
}
const envelope = z.object({
  shop: z.string().min(1),
  dedupeKey: z.string().min(1).max(255),
  locale: z.string().min(2).max(MAX_LOCALE_LENGTH),
});

function fail(message: string, error?: z.ZodError): never {
  const detail = error ? `: ${error.issues.map((i) => `${i.path.join(".") || "(root)"} ${i.message}`).join("; ")}` : "";
  throw new EmailInputError(`${message}${detail}`);
}

const termsSchema = z.object({
  payment: z.string().catch(""),
  shipping: z.string().catch(""),
  cancellation: z.string().catch(""),
});

/** The shop's terms in `locale`, only when they are still the version the order accepted. */
async function acceptedTerms(db: Tx | undefined, shop: string, locale: EmailLocale, termsVersion: number): Promise<TermsText | undefined> {
  const settings = await getStoredTerms({ shop }, db);
  if (!settings || settings.termsVersion !== termsVersion) return undefined;
  try {
    const parsed = termsSchema.safeParse((JSON.parse(settings.terms) as Record<string, unknown>)[locale]);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Renders with the shop's template for (kind, language), falling back to the built-in one if the shop's
 * template fails on real data (it rendered with sample data when saved, but e.g. a loop may hit the render
 * limits): a customer still gets the email, and the failure is logged.
 */
async function renderForShop<K extends EmailKind>(
  db: Tx | undefined,
  { shop, kind, locale, data }: { shop: string; kind: K; locale: string; data: EmailData<K> },
): Promise<RenderedEmail> {
  const language = emailLocale(locale);
  const definition = EMAIL_KIND_REGISTRY[kind] as { termsVersion?: (d: EmailData<K>) => number };
  const context: KindContext = {};
  if (definition.termsVersion) context.terms = await acceptedTerms(db, shop, language, definition.termsVersion(data));

  const custom = await findEmailTemplate({ shop, kind, locale: language }, db);
  if (custom) {
    try {
      const rendered = await renderEmailFor({ kind, locale, data, source: custom, context });
      if (rendered.subject) return rendered;
      console.warn(`[notifications] ${shop} ${kind}/${language} template rendered an empty subject; using the default`);
    } catch (error) {
      console.warn(`[notifications] ${shop} ${kind}/${language} template failed (${errorMessage(error)}); using the default`);
    }
  }
  return renderEmailFor({ kind, locale, data, source: defaultTemplate(kind, language), context });
}

export async function queueEmail(input: QueueEmailInput, db?: Tx): Promise<{ queued: boolean }> {
  if (!isEmailKind(input.kind)) fail(`Unknown email kind ${JSON.stringify(input.kind)}`);
  input = { ...input, locale: normalizeLocale(input.locale) };
  const head = envelope.safeParse(input);
  if (!head.success) fail(`Invalid ${input.kind} email`, head.error);
  const to = recipient.safeParse(input.to);
  if (!to.success) fail(`Invalid recipient for ${input.kind} email ${input.dedupeKey}`, to.error);
  const data = parseEmailData(input.kind, input.data);
  if (!data.success) fail(`Invalid data for ${input.kind} email ${input.dedupeKey}`, data.error);

  const { shop, kind, dedupeKey, locale } = input;
  // Cheap exit for the common duplicate (a redelivered webhook): no template lookup, no rendering.
  if (await findOutboxEmailByDedupeKey({ shop, dedupeKey }, db)) return { queued: false };

  const rendered = await renderForShop(db, { shop, kind, locale, data: data.data });
  const queued = await insertOutboxEmail({ shop, dedupeKey, kind, toEmail: to.data, locale, ...rendered }, db);
  return { queued };
}

/**
 * The email a customer would get, rendered exactly as `queueEmail` would (the shop's template in their
 * language, the built-in one as fallback), without queueing or storing anything: staff preview it before
 * sending (the order action in Shopify's admin, extensions/admin-order-action).
 */
export async function renderEmailPreview({ shop, kind, locale, data }: { shop: string; kind: EmailKind; locale: string; data: Record<string, unknown> }): Promise<RenderedEmail> {
  const parsed = parseEmailData(kind, data);
  if (!parsed.success) fail(`Invalid data for a ${kind} preview`, parsed.error);
  return renderForShop(undefined, { shop, kind, locale: normalizeLocale(locale), data: parsed.data });
}

export interface BackInStockInput {
  shop: string;
  variantId: string;
  /** Units that just arrived: at most this many subscribers are told, oldest signup first. */
  unitsArrived: number;
  productTitle: string;
  variantTitle: string;
  productUrl: string;
}

/**
 * Queues the back-in-stock alert for the oldest active subscribers of a variant (no more than the units that
 * arrived, so a handful of units does not send hundreds of people to a sold-out page), and marks them
 * notified. Returns how many emails were queued.
 */
export async function queueBackInStockEmails(input: BackInStockInput, db?: Tx): Promise<number> {
  const batch = Math.floor(input.unitsArrived);
  if (!Number.isFinite(batch) || batch <= 0) return 0;
  // Validate the product fields once, before anyone is marked notified.
  const probe = parseEmailData("back_in_stock", {
    productTitle: input.productTitle,
    variantTitle: input.variantTitle,
    productUrl: input.productUrl,
    unsubscribeUrl: unsubscribeUrl("probe"),
  });
  if (!probe.success) fail(`Invalid back_in_stock data for ${input.variantId}`, probe.error);

  const run = async (tx: Tx) => {
    const subscriptions = await listSubscribersToNotify({ shop: input.shop, variantId: input.variantId, take: batch }, tx);
    let queued = 0;
    const now = new Date();
    for (const subscription of subscriptions) {
      // Compare-and-set: a concurrent run that already took this subscriber makes it false.
      if (!(await markSubscriptionNotified({ shop: input.shop, id: subscription.id, now }, tx))) continue;
      if (!recipient.safeParse(subscription.email).success) {
        console.warn(`[notifications] ${input.shop} subscription ${subscription.id} has an invalid email; skipped`);
        continue;
      }
      const result = await queueEmail(
        {
          shop: input.shop,
          kind: "back_in_stock",
          dedupeKey: `sub:${subscription.id}:back_in_stock`,
          to: subscription.email,
          locale: subscription.locale,
          data: { ...probe.data, unsubscribeUrl: unsubscribeUrl(subscription.unsubscribeToken) },
        },
        tx,
      );
      if (result.queued) queued += 1;
    }
    return queued;
  };
  return db ? run(db) : inTransaction(run);
}

export type TestEmailResult =
  | { ok: true; id: string }
  | { ok: false; errors: TemplateFieldErrors };

/**
 * A merchant's test send from the editor: the (possibly unsaved) template rendered with sample data, queued
 * as kind `test` so it travels the same outbox and transport as customer emails.
 */
export async function queueTestEmail({
  shop,
  kind,
  locale,
  source,
  to,
}: {
  shop: string;
  kind: EmailKind;
  locale: EmailLocale;
  source: TemplateSource;
  to: string;
}): Promise<TestEmailResult> {
  const address = recipient.safeParse(to);
  if (!address.success) fail("Invalid test recipient", address.error);
  const result = await renderSample(kind, locale, source);
  if (!result.ok) return { ok: false, errors: result.errors };
  const id = randomUUID();
  await insertOutboxEmail({
    id,
    shop,
    dedupeKey: `test:${id}`,
    kind: "test",
    toEmail: address.data,
    locale,
    subject: `[Test] ${result.rendered.subject}`,
    html: result.rendered.html,
    text: result.rendered.text,
  });
  return { ok: true, id };
}

// Settings → Deposits and pay later (issue 15): the shop's default payment option for backorders, the
// shopper texts (en/fr) and the language of the checkout names. A save renames the live selling plan groups
// at once (same groups and plans) and queues a recompute of every managed variant, which attaches and
// detaches the variants that follow the default (the variant sync does it: app/workflows/payments/plans).
import { FULL_PAYMENT, PAYMENT_BOUNDS, planName, type PaymentLocale } from "~/domain/payment-plans";
import { enqueueShopRecompute } from "~/jobs/schedule.server";
import { getShopPaymentSettings, saveShopPaymentSettings } from "~/models/payment-plan.server";
import { getShopSettings } from "~/models/settings.server";
import { createAdminClient } from "~/shopify/admin-client.server";
import { fetchShopCurrency } from "~/shopify/selling-plans.server";
import type { AdminGraphql } from "~/shopify/types";
import { localToday } from "~/validation/dates";
import { parsePaymentChoice, parsePaymentTexts } from "~/validation/payment-options";
import { refreshPlanTexts } from "./plans.server";
import { choiceFields } from "./variant-payment.server";

export async function loadPaymentSettings({ shop, graphql, locale, now = new Date() }: { shop: string; graphql: AdminGraphql; locale: PaymentLocale; now?: Date }) {
  const [payments, settings, currency] = await Promise.all([getShopPaymentSettings({ shop }), getShopSettings({ shop }), fetchShopCurrency(graphql)]);
  const option = payments.defaultOption;
  return {
    fields: choiceFields(option),
    texts: payments.texts,
    checkoutLocale: payments.checkoutLocale,
    version: payments.version,
    currency,
    today: localToday(settings.timezone, now),
    preview: option.kind === "full" ? null : planName(option, payments.texts[locale], locale),
    textLength: PAYMENT_BOUNDS.textLength,
  };
}

export type PaymentSettingsResult =
  | { ok: true; problems: string[] }
  | { ok: false; status: 400 | 409; errors: Record<string, string> };

export async function savePaymentSettings({
  shop,
  graphql,
  input,
  now = new Date(),
}: {
  shop: string;
  graphql: AdminGraphql;
  input: Record<string, unknown>;
  now?: Date;
}): Promise<PaymentSettingsResult> {
  const version = /^\d{1,9}$/.test(String(input.version ?? "")) ? Number(input.version) : null;
  const errors: Record<string, string> = {};
  if (version === null) errors.form = "settings.error.version";
  const [settings, currency] = await Promise.all([getShopSettings({ shop }), fetchShopCurrency(graphql)]);
  const choice = parsePaymentChoice(input, { allowDefault: false, today: localToday(settings.timezone, now), currency });
  if (!choice.ok) Object.assign(errors, choice.errors);
  const texts = parsePaymentTexts(input);
  if (!texts.ok) Object.assign(errors, texts.errors);
  const checkoutLocale = input.checkoutLocale;
  if (checkoutLocale !== "en" && checkoutLocale !== "fr") errors.checkoutLocale = "payments.error.checkoutLocale";
  if (Object.keys(errors).length > 0 || !choice.ok || !texts.ok || version === null || (checkoutLocale !== "en" && checkoutLocale !== "fr")) {
    return { ok: false, status: 400, errors };
  }
  const defaultOption = choice.choice.kind === "default" ? FULL_PAYMENT : choice.choice;
  const saved = await saveShopPaymentSettings({ shop, values: { defaultOption, texts: texts.texts, checkoutLocale }, version });
  if (!saved) return { ok: false, status: 409, errors: { form: "payments.settings.conflict" } };
  const problems = await refreshPlanTexts({ shop, client: createAdminClient(graphql) });
  // Variants that follow the default move to its group (or out of any) with the next sync of each.
  await enqueueShopRecompute({ shop, now });
  return { ok: true, problems };
}

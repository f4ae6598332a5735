// The product page's payment card (issue 15): a variant's payment option for backorders, what it resolves
// to now (its own or the shop default), whether Shopify offers it at checkout, and the save, which syncs the
// variant at once (selling plan group, then the storefront summary).
import {
  balanceDatePassed,
  effectiveOption,
  minorToDecimal,
  planName,
  type PaymentOption,
  type VariantPaymentChoice,
} from "~/domain/payment-plans";
import { toMinorUnits } from "~/domain/money";
import { getBackorderVariant } from "~/models/backorder-variant.server";
import { getShopPaymentSettings, getVariantPayment, plansByIds, saveVariantPaymentChoice } from "~/models/payment-plan.server";
import { getShopSettings } from "~/models/settings.server";
import type { ProductDetail } from "~/shopify/products.server";
import { fetchPaymentContext } from "~/shopify/selling-plans.server";
import type { AdminGraphql } from "~/shopify/types";
import { localToday } from "~/validation/dates";
import { parsePaymentChoice } from "~/validation/payment-options";
import { syncVariants } from "~/workflows/catalog/backorder-sync.server";
import { ensureRow } from "~/workflows/catalog/variant-editor.server";

/** The option as the form's fields. */
export function choiceFields(choice: VariantPaymentChoice) {
  const base = { paymentKind: choice.kind as string, checkoutType: "percentage", checkoutPercent: "", checkoutAmount: "", balanceTrigger: "on_ready", balanceDueOn: "" };
  if (choice.kind === "default" || choice.kind === "full") return base;
  const balance = { balanceTrigger: choice.balance.trigger, balanceDueOn: choice.balance.trigger === "on_date" ? choice.balance.dueOn : "" };
  if (choice.kind === "pay_later") return { ...base, ...balance };
  return choice.checkout.type === "percentage"
    ? { ...base, ...balance, checkoutType: "percentage", checkoutPercent: String(choice.checkout.percent) }
    : { ...base, ...balance, checkoutType: "price", checkoutAmount: minorToDecimal(choice.checkout.amountMinor, choice.checkout.currency) };
}

/** A short description of an option for labels ("20% deposit", "€10.00 deposit", "pay later"). */
export function describeOption(option: PaymentOption): { key: string; params: Record<string, string | number> } {
  if (option.kind === "full") return { key: "payments.summary.full", params: {} };
  if (option.kind === "pay_later") return { key: "payments.summary.pay_later", params: {} };
  return option.checkout.type === "percentage"
    ? { key: "payments.summary.deposit_percentage", params: { percent: option.checkout.percent } }
    : { key: "payments.summary.deposit_price", params: { amount: `${minorToDecimal(option.checkout.amountMinor, option.checkout.currency)} ${option.checkout.currency}` } };
}

export async function loadVariantPayment({ shop, graphql, variantId, locale, now = new Date() }: { shop: string; graphql: AdminGraphql; variantId: string; locale: "en" | "fr"; now?: Date }) {
  const [state, payments, settings, context, row] = await Promise.all([
    getVariantPayment({ shop, variantId }),
    getShopPaymentSettings({ shop }),
    getShopSettings({ shop }),
    fetchPaymentContext(graphql, variantId),
    getBackorderVariant({ shop, variantId }),
  ]);
  const today = localToday(settings.timezone, now);
  const chosen = state.choice.kind === "default" ? payments.defaultOption : state.choice;
  const effective = effectiveOption({ choice: state.choice, shopDefault: payments.defaultOption, backorders: (row?.mode ?? "off") !== "off", today });
  const attached = state.attachedPlanId ? (await plansByIds({ shop, ids: [state.attachedPlanId] })).get(state.attachedPlanId) : undefined;
  return {
    fields: choiceFields(state.choice),
    version: state.version,
    currency: context.currency,
    defaultOption: describeOption(payments.defaultOption),
    /** What shoppers read at checkout for the option in force (in the admin's language). */
    preview: effective.kind === "full" ? null : planName(effective, payments.texts[locale], locale),
    attached: Boolean(attached && attached.deletedAt === null && attached.sellingPlanId),
    datePassed: balanceDatePassed(chosen, today),
    syncError: state.syncError,
    today,
  };
}

export type PaymentWriteResult =
  | { ok: true; failure: string | null }
  | { ok: false; status: 400 | 404 | 409; errors: Record<string, string> };

/** Saves the variant's payment option (nothing written on a bad field or a stale form), then syncs it. */
export async function saveVariantPayment({
  shop,
  graphql,
  product,
  input,
  now = new Date(),
}: {
  shop: string;
  graphql: AdminGraphql;
  product: ProductDetail;
  input: Record<string, unknown>;
  now?: Date;
}): Promise<PaymentWriteResult> {
  const variantId = String(input.variantId ?? "");
  if (!product.variants.some((v) => v.id === variantId)) return { ok: false, status: 404, errors: { variantId: "products.error.unknownVariant" } };
  const version = /^\d{1,9}$/.test(String(input.paymentVersion ?? "")) ? Number(input.paymentVersion) : null;
  if (version === null) return { ok: false, status: 400, errors: { form: "payments.error.kind" } };
  const [settings, context] = await Promise.all([getShopSettings({ shop }), fetchPaymentContext(graphql, variantId)]);
  const parsed = parsePaymentChoice(input, {
    allowDefault: true,
    today: localToday(settings.timezone, now),
    currency: context.currency,
    priceMinor: context.price === null ? null : toMinorUnits(context.price, context.currency),
  });
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors };
  const current = await getVariantPayment({ shop, variantId });
  if (current.version !== version) return { ok: false, status: 409, errors: { form: "products.error.conflict" } };
  if (!(await ensureRow(shop, product, variantId))) return { ok: false, status: 404, errors: { variantId: "products.error.unknownVariant" } };
  const saved = await saveVariantPaymentChoice({ shop, variantId, productId: product.id, choice: parsed.choice, version });
  if (saved === "conflict") return { ok: false, status: 409, errors: { form: "products.error.conflict" } };
  const report = await syncVariants({ shop, graphql, variantIds: [variantId], now });
  const failure =
    report.warnings.find((w) => w.startsWith(`${variantId}: `))?.slice(variantId.length + 2) ?? report.failed.find((f) => f.variantId === variantId)?.message ?? null;
  return { ok: true, failure };
}

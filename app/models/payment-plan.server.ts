// Deposits and pay later (issue 15): the shop's default option and shopper texts (ShopPaymentSettings),
// each variant's own option and the group it is attached to (VariantPaymentOption), and the selling plan
// groups the app created (PaymentPlan, kept after deletion so an order's `sellingPlanId` always names its
// option). Every query is scoped by shop.
import prisma from "~/db.server";
import {
  DEFAULT_PAYMENT_TEXTS,
  FULL_PAYMENT,
  PAYMENT_LOCALES,
  fromColumns,
  optionKey,
  toColumns,
  type OptionColumns,
  type PaymentLocale,
  type PaymentOption,
  type PaymentTexts,
  type VariantPaymentChoice,
} from "~/domain/payment-plans";

const OPTION_SELECT = {
  kind: true,
  checkoutType: true,
  checkoutPercent: true,
  checkoutAmountMinor: true,
  currency: true,
  balanceTrigger: true,
  balanceDueOn: true,
} as const;

/** A stored shop default: anything unreadable (or "default", which a shop cannot have) is full payment. */
function asOption(columns: OptionColumns): PaymentOption {
  const choice = fromColumns(columns);
  return !choice || choice.kind === "default" ? FULL_PAYMENT : choice;
}

// ---- shop settings -----------------------------------------------------------------------------------------

export interface ShopPaymentSettingsValues {
  defaultOption: PaymentOption;
  texts: Record<PaymentLocale, PaymentTexts>;
  checkoutLocale: PaymentLocale;
}

export interface StoredShopPaymentSettings extends ShopPaymentSettingsValues {
  /** 0 while nothing is saved (a save names the version it edited). */
  version: number;
}

function readTexts(raw: string): Record<PaymentLocale, PaymentTexts> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = {};
  }
  const out = structuredClone(DEFAULT_PAYMENT_TEXTS);
  if (typeof parsed !== "object" || parsed === null) return out;
  for (const locale of PAYMENT_LOCALES) {
    const stored = (parsed as Record<string, unknown>)[locale];
    if (typeof stored !== "object" || stored === null) continue;
    for (const key of Object.keys(out[locale]) as (keyof PaymentTexts)[]) {
      const value = (stored as Record<string, unknown>)[key];
      if (typeof value === "string" && value.trim()) out[locale][key] = value;
    }
  }
  return out;
}

export async function getShopPaymentSettings({ shop }: { shop: string }): Promise<StoredShopPaymentSettings> {
  const row = await prisma.shopPaymentSettings.findUnique({
    where: { shop },
    select: { ...OPTION_SELECT, texts: true, checkoutLocale: true, version: true },
  });
  if (!row) return { defaultOption: FULL_PAYMENT, texts: structuredClone(DEFAULT_PAYMENT_TEXTS), checkoutLocale: "en", version: 0 };
  return {
    defaultOption: asOption(row),
    texts: readTexts(row.texts),
    checkoutLocale: row.checkoutLocale === "fr" ? "fr" : "en",
    version: row.version,
  };
}

/** Saves the shop's payment settings if the row is still at `version` (0: none saved); false on a conflict. */
export async function saveShopPaymentSettings({
  shop,
  values,
  version,
}: {
  shop: string;
  values: ShopPaymentSettingsValues;
  version: number;
}): Promise<boolean> {
  const data = { ...toColumns(values.defaultOption), texts: JSON.stringify(values.texts), checkoutLocale: values.checkoutLocale };
  if (version === 0) {
    try {
      await prisma.shopPaymentSettings.create({ data: { shop, ...data }, select: { shop: true } });
      return true;
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === "P2002") return false;
      throw error;
    }
  }
  const { count } = await prisma.shopPaymentSettings.updateMany({ where: { shop, version }, data: { ...data, version: { increment: 1 } } });
  return count === 1;
}

// ---- variants ----------------------------------------------------------------------------------------------

export interface VariantPaymentState {
  variantId: string;
  choice: VariantPaymentChoice;
  attachedPlanId: string | null;
  syncError: string | null;
  /** 0 while the variant has no row (it follows the shop default). */
  version: number;
}

export async function getVariantPayment({ shop, variantId }: { shop: string; variantId: string }): Promise<VariantPaymentState> {
  const [state] = await variantPayments({ shop, variantIds: [variantId] });
  return state ?? { variantId, choice: { kind: "default" }, attachedPlanId: null, syncError: null, version: 0 };
}

/** The stored choice and attachment of each variant that has a row (others follow the default, attached nowhere). */
export async function variantPayments({ shop, variantIds }: { shop: string; variantIds: readonly string[] }): Promise<VariantPaymentState[]> {
  if (variantIds.length === 0) return [];
  const rows = await prisma.variantPaymentOption.findMany({
    where: { shop, variantId: { in: [...variantIds] } },
    select: { variantId: true, ...OPTION_SELECT, attachedPlanId: true, syncError: true, version: true },
  });
  return rows.map((row) => ({
    variantId: row.variantId,
    // A corrupt row follows the shop default rather than breaking the page or the sync.
    choice: fromColumns(row) ?? { kind: "default" },
    attachedPlanId: row.attachedPlanId,
    syncError: row.syncError,
    version: row.version,
  }));
}

/** Saves a variant's choice at `version` (0: no row yet); "conflict" when someone saved in between. */
export async function saveVariantPaymentChoice({
  shop,
  variantId,
  productId,
  choice,
  version,
}: {
  shop: string;
  variantId: string;
  productId: string;
  choice: VariantPaymentChoice;
  version: number;
}): Promise<"ok" | "conflict"> {
  const columns = toColumns(choice);
  if (version === 0) {
    try {
      await prisma.variantPaymentOption.create({ data: { shop, variantId, productId, ...columns }, select: { id: true } });
      return "ok";
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === "P2002") return "conflict";
      throw error;
    }
  }
  const { count } = await prisma.variantPaymentOption.updateMany({ where: { shop, variantId, version }, data: { ...columns, version: { increment: 1 } } });
  return count === 1 ? "ok" : "conflict";
}

/** Sets several variants' choice at once (bulk actions: no version check, the last save wins). */
export async function setVariantPaymentChoices({
  shop,
  variants,
  choice,
}: {
  shop: string;
  variants: readonly { variantId: string; productId: string }[];
  choice: VariantPaymentChoice;
}): Promise<void> {
  const columns = toColumns(choice);
  for (const v of variants) {
    await prisma.variantPaymentOption.upsert({
      where: { shop_variantId: { shop, variantId: v.variantId } },
      create: { shop, variantId: v.variantId, productId: v.productId, ...columns },
      update: { ...columns, version: { increment: 1 } },
      select: { id: true },
    });
  }
}

/** Records what Shopify now holds for these variants: attached to `planId` (null: to none of ours). */
export async function recordAttachment({
  shop,
  variants,
  planId,
  now,
}: {
  shop: string;
  variants: readonly { variantId: string; productId: string }[];
  planId: string | null;
  now: Date;
}): Promise<void> {
  for (const v of variants) {
    await prisma.variantPaymentOption.upsert({
      where: { shop_variantId: { shop, variantId: v.variantId } },
      create: { shop, variantId: v.variantId, productId: v.productId, attachedPlanId: planId, syncError: null, syncedAt: now },
      update: { attachedPlanId: planId, syncError: null, syncedAt: now },
      select: { id: true },
    });
  }
}

export async function recordAttachmentError({ shop, variantIds, message }: { shop: string; variantIds: readonly string[]; message: string }): Promise<void> {
  if (variantIds.length === 0) return;
  await prisma.variantPaymentOption.updateMany({ where: { shop, variantId: { in: [...variantIds] } }, data: { syncError: message } });
}

// ---- plans (the app's selling plan groups) --------------------------------------------------------------------

export interface StoredPaymentPlan {
  id: string;
  optionKey: string;
  option: PaymentOption;
  sellingPlanGroupId: string | null;
  sellingPlanId: string | null;
  syncedTexts: string | null;
  deletedAt: Date | null;
}

const PLAN_SELECT = { id: true, optionKey: true, ...OPTION_SELECT, sellingPlanGroupId: true, sellingPlanId: true, syncedTexts: true, deletedAt: true } as const;

function toPlan(row: OptionColumns & Omit<StoredPaymentPlan, "option">): StoredPaymentPlan {
  return {
    id: row.id,
    optionKey: row.optionKey,
    option: asOption(row),
    sellingPlanGroupId: row.sellingPlanGroupId,
    sellingPlanId: row.sellingPlanId,
    syncedTexts: row.syncedTexts,
    deletedAt: row.deletedAt,
  };
}

/** The live group of an option, or a new row for it (no Shopify ids yet: the caller creates the group). */
export async function activePlanFor({ shop, option }: { shop: string; option: Exclude<PaymentOption, { kind: "full" }> }): Promise<StoredPaymentPlan> {
  const key = optionKey(option);
  const found = await prisma.paymentPlan.findUnique({ where: { shop_activeKey: { shop, activeKey: key } }, select: PLAN_SELECT });
  if (found) return toPlan(found);
  try {
    return toPlan(await prisma.paymentPlan.create({ data: { shop, optionKey: key, activeKey: key, ...toColumns(option) }, select: PLAN_SELECT }));
  } catch (error) {
    // Another sync created it in between: use theirs.
    if ((error as { code?: unknown } | null)?.code !== "P2002") throw error;
    const theirs = await prisma.paymentPlan.findUnique({ where: { shop_activeKey: { shop, activeKey: key } }, select: PLAN_SELECT });
    if (!theirs) throw error;
    return toPlan(theirs);
  }
}

/** Records the group Shopify created for the plan; false when another sync recorded its own group first. */
export async function recordPlanCreated({
  shop,
  id,
  sellingPlanGroupId,
  sellingPlanId,
  syncedTexts,
}: {
  shop: string;
  id: string;
  sellingPlanGroupId: string;
  sellingPlanId: string;
  syncedTexts: string;
}): Promise<boolean> {
  // Only the first sync to create the option's group records it: two syncs of one shop (a recompute job and a
  // product page save) can both find no group and both create one; the other sync learns it lost (false).
  const { count } = await prisma.paymentPlan.updateMany({ where: { shop, id, sellingPlanGroupId: null }, data: { sellingPlanGroupId, sellingPlanId, syncedTexts } });
  return count === 1;
}

export async function recordPlanTexts({ shop, id, syncedTexts }: { shop: string; id: string; syncedTexts: string }): Promise<void> {
  await prisma.paymentPlan.updateMany({ where: { shop, id }, data: { syncedTexts } });
}

/** The group is gone from Shopify: the row stays (orders name its plan) but no longer serves its option. */
export async function retirePlan({ shop, id, now }: { shop: string; id: string; now: Date }): Promise<void> {
  await prisma.paymentPlan.updateMany({ where: { shop, id }, data: { activeKey: null, deletedAt: now } });
}

export async function plansByIds({ shop, ids }: { shop: string; ids: readonly string[] }): Promise<Map<string, StoredPaymentPlan>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma.paymentPlan.findMany({ where: { shop, id: { in: [...new Set(ids)] } }, select: PLAN_SELECT });
  return new Map(rows.map((row) => [row.id, toPlan(row)]));
}

/** The shop's live groups. */
export async function activePlans({ shop }: { shop: string }): Promise<StoredPaymentPlan[]> {
  const rows = await prisma.paymentPlan.findMany({ where: { shop, activeKey: { not: null } }, select: PLAN_SELECT, orderBy: { createdAt: "asc" } });
  return rows.map(toPlan);
}

/** Live groups among `ids` that no variant is attached to any more. */
export async function emptyPlans({ shop, ids }: { shop: string; ids: readonly string[] }): Promise<StoredPaymentPlan[]> {
  if (ids.length === 0) return [];
  const used = new Set(
    (await prisma.variantPaymentOption.findMany({ where: { shop, attachedPlanId: { in: [...ids] } }, select: { attachedPlanId: true }, distinct: ["attachedPlanId"] })).map(
      (r) => r.attachedPlanId,
    ),
  );
  const rows = await prisma.paymentPlan.findMany({ where: { shop, id: { in: [...new Set(ids)] }, activeKey: { not: null } }, select: PLAN_SELECT });
  return rows.filter((row) => !used.has(row.id)).map(toPlan);
}

/**
 * The option an order line was sold under, from the SellingPlan gid Shopify puts on the line item
 * (`LineItem.sellingPlan.sellingPlanId`): found also after the group was deleted. null: not one of ours.
 */
export async function findPlanBySellingPlanId({ shop, sellingPlanId }: { shop: string; sellingPlanId: string }): Promise<StoredPaymentPlan | null> {
  const gid = /^\d+$/.test(sellingPlanId) ? `gid://shopify/SellingPlan/${sellingPlanId}` : sellingPlanId;
  const row = await prisma.paymentPlan.findFirst({ where: { shop, sellingPlanId: gid }, select: PLAN_SELECT, orderBy: { createdAt: "desc" } });
  return row ? toPlan(row) : null;
}

/** Each variant's attached live plan (for the storefront summary): variantId → plan. */
export async function attachedPlans({ shop, variantIds }: { shop: string; variantIds: readonly string[] }): Promise<Map<string, StoredPaymentPlan>> {
  if (variantIds.length === 0) return new Map();
  const rows = await prisma.variantPaymentOption.findMany({
    where: { shop, variantId: { in: [...variantIds] }, attachedPlanId: { not: null } },
    select: { variantId: true, attachedPlanId: true },
  });
  const plans = await plansByIds({ shop, ids: rows.map((r) => r.attachedPlanId as string) });
  const out = new Map<string, StoredPaymentPlan>();
  for (const row of rows) {
    const plan = plans.get(row.attachedPlanId as string);
    if (plan && plan.deletedAt === null && plan.sellingPlanId) out.set(row.variantId, plan);
  }
  return out;
}

/**
 * app/uninstalled: the app's token is revoked, so it cannot call Shopify; Shopify removes the app's groups
 * itself 48 hours later. The app forgets them now: every live plan is retired and no variant is attached,
 * so a reinstall starts from nothing and creates fresh groups.
 */
export async function forgetPlansOnUninstall({ shop, now }: { shop: string; now: Date }): Promise<number> {
  const [, retired] = await prisma.$transaction([
    prisma.variantPaymentOption.updateMany({ where: { shop, attachedPlanId: { not: null } }, data: { attachedPlanId: null, syncedAt: now } }),
    prisma.paymentPlan.updateMany({ where: { shop, activeKey: { not: null } }, data: { activeKey: null, deletedAt: now } }),
  ]);
  return retired.count;
}

// Keeps the app's selling plan groups in Shopify in step with what merchants chose (issue 15): one group per
// distinct payment option in use, each backorderable variant attached to the group of its option (its own,
// or the shop default), none attached while backorders are off or the option is full payment, and groups
// no variant uses any more deleted. Runs inside every variant sync (app/workflows/catalog/backorder-sync),
// before the storefront summaries are computed, so a summary only names a plan Shopify holds.
//
// Order of writes: detach first (a variant is never in two of our groups), then create / update / attach;
// the database records only what Shopify accepted. A refusal is kept on the variant (`syncError`) and
// reported as a warning: the variant keeps selling with what Shopify has (its summary says so).
import {
  effectiveOption,
  optionKey,
  sellingPlanGroupSpec,
  specFingerprint,
  type PaymentOption,
} from "~/domain/payment-plans";
import { findBackorderVariants } from "~/models/backorder-variant.server";
import {
  activePlanFor,
  activePlans,
  emptyPlans,
  forgetPlansOnUninstall,
  getShopPaymentSettings,
  plansByIds,
  recordAttachment,
  recordAttachmentError,
  recordPlanCreated,
  recordPlanTexts,
  retirePlan,
  variantPayments,
  type StoredPaymentPlan,
  type StoredShopPaymentSettings,
} from "~/models/payment-plan.server";
import { getShopSettings } from "~/models/settings.server";
import type { AdminClient } from "~/shopify/admin-client.server";
import {
  VARIANTS_PER_CALL,
  addVariantsToSellingPlanGroup,
  createSellingPlanGroup,
  deleteSellingPlanGroup,
  removeVariantsFromSellingPlanGroup,
  updateSellingPlanGroup,
} from "~/shopify/selling-plans.server";
import { localToday } from "~/validation/dates";

export interface PlanSyncReport {
  attached: number;
  detached: number;
  groupsCreated: number;
  groupsUpdated: number;
  groupsDeleted: number;
  failed: { variantId: string; message: string }[];
}

type Variant = { variantId: string; productId: string };
type Offered = Exclude<PaymentOption, { kind: "full" }>;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function emptyReport(): PlanSyncReport {
  return { attached: 0, detached: 0, groupsCreated: 0, groupsUpdated: 0, groupsDeleted: 0, failed: [] };
}

async function specContext(shop: string, payments: StoredShopPaymentSettings) {
  const settings = await getShopSettings({ shop });
  return { texts: payments.texts[payments.checkoutLocale], locale: payments.checkoutLocale, timeZone: settings.timezone };
}

/** Keeps `IN (…)` lists under the bound-parameter limit (999 on SQLite), as the ETA computation does. */
const IN_CHUNK = 500;

interface SyncInput {
  shop: string;
  client: AdminClient;
  variantIds: readonly string[];
  now: Date;
}

/** Attaches and detaches `variantIds` so each sits in the group of the option it sells under now. */
export async function syncPaymentPlans({ variantIds, ...rest }: SyncInput): Promise<PlanSyncReport> {
  const report = emptyReport();
  for (const part of chunks(variantIds, IN_CHUNK)) await syncChunk({ ...rest, variantIds: part }, report);
  return report;
}

/** One chunk of syncPaymentPlans, counted into its report. */
async function syncChunk({ shop, client, variantIds, now }: SyncInput, report: PlanSyncReport): Promise<void> {
  if (variantIds.length === 0) return;
  const [payments, states] = await Promise.all([getShopPaymentSettings({ shop }), variantPayments({ shop, variantIds })]);
  // The common case costs two reads: nothing offered by default and no variant with an option or a group.
  if (payments.defaultOption.kind === "full" && states.every((s) => s.choice.kind === "full" || s.choice.kind === "default") && states.every((s) => !s.attachedPlanId)) {
    return;
  }
  const context = await specContext(shop, payments);
  const today = localToday(context.timeZone, now);
  const rows = new Map((await findBackorderVariants({ shop, variantIds: [...variantIds] })).map((r) => [r.variantId, r]));
  const stateOf = new Map(states.map((s) => [s.variantId, s]));
  const current = await plansByIds({ shop, ids: states.flatMap((s) => (s.attachedPlanId ? [s.attachedPlanId] : [])) });

  const detach = new Map<string, { plan: StoredPaymentPlan; variants: Variant[] }>();
  const attach = new Map<string, { option: Offered; variants: Variant[] }>();
  const fail = (variantIds: readonly string[], message: string) => {
    for (const variantId of variantIds) report.failed.push({ variantId, message });
  };

  for (const variantId of variantIds) {
    const row = rows.get(variantId);
    if (!row) continue;
    const state = stateOf.get(variantId);
    const desired = effectiveOption({ choice: state?.choice ?? null, shopDefault: payments.defaultOption, backorders: row.mode !== "off", today });
    const plan = state?.attachedPlanId ? (current.get(state.attachedPlanId) ?? null) : null;
    const live = plan && plan.deletedAt === null ? plan : null;
    const desiredKey = desired.kind === "full" ? null : optionKey(desired);
    const variant = { variantId, productId: row.productId };
    if (live && live.optionKey === desiredKey) continue;
    if (live) {
      const entry = detach.get(live.id) ?? { plan: live, variants: [] };
      entry.variants.push(variant);
      detach.set(live.id, entry);
    } else if (state?.attachedPlanId) {
      // Attached to a group that is gone: forget it.
      await recordAttachment({ shop, variants: [variant], planId: null, now });
    }
    if (desired.kind !== "full" && desiredKey) {
      const entry = attach.get(desiredKey) ?? { option: desired, variants: [] };
      entry.variants.push(variant);
      attach.set(desiredKey, entry);
    }
  }

  // 1. Detach.
  const blocked = new Set<string>();
  for (const { plan, variants } of detach.values()) {
    for (const part of chunks(variants, VARIANTS_PER_CALL)) {
      const ids = part.map((v) => v.variantId);
      const result = plan.sellingPlanGroupId ? await removeVariantsFromSellingPlanGroup(client, plan.sellingPlanGroupId, ids) : ({ ok: true, removed: ids } as const);
      if (result.ok || result.code === "GROUP_DOES_NOT_EXIST") {
        await recordAttachment({ shop, variants: part, planId: null, now });
        report.detached += part.length;
      } else {
        const message = `Payment option not changed: Shopify refused to detach the variant (${result.message})`;
        await recordAttachmentError({ shop, variantIds: ids, message });
        fail(ids, message);
        for (const id of ids) blocked.add(id);
      }
    }
  }

  // 2. Create or update each option's group, then attach.
  for (const { option, variants: all } of attach.values()) {
    const variants = all.filter((v) => !blocked.has(v.variantId));
    if (variants.length === 0) continue;
    const outcome = await attachToGroup({ shop, client, option, variants, context, now, report });
    if (!outcome.ok) {
      const ids = outcome.variants.map((v) => v.variantId);
      await recordAttachmentError({ shop, variantIds: ids, message: outcome.message });
      fail(ids, outcome.message);
    }
  }

  // 3. Groups nobody uses any more.
  await deleteEmptyGroups({ shop, client, planIds: [...detach.keys()], now, report });
}

async function attachToGroup({
  shop,
  client,
  option,
  variants,
  context,
  now,
  report,
}: {
  shop: string;
  client: AdminClient;
  option: Offered;
  variants: Variant[];
  context: Awaited<ReturnType<typeof specContext>>;
  now: Date;
  report: PlanSyncReport;
}): Promise<{ ok: true } | { ok: false; message: string; variants: Variant[] }> {
  const spec = sellingPlanGroupSpec(option, context);
  const fingerprint = specFingerprint(spec);
  // A group deleted in Shopify's admin behind the app's back is retired and replaced, once.
  for (let attempt = 1; attempt <= 2; attempt++) {
    const plan = await activePlanFor({ shop, option });
    let pending = variants;
    let groupId = plan.sellingPlanGroupId;
    if (!groupId || !plan.sellingPlanId) {
      const [first = [], ...rest] = chunks(variants, VARIANTS_PER_CALL);
      const created = await createSellingPlanGroup(client, spec, first.map((v) => v.variantId));
      if (!created.ok) return { ok: false, message: `Payment option not applied: Shopify refused the selling plan (${created.message})`, variants };
      const recorded = await recordPlanCreated({ shop, id: plan.id, sellingPlanGroupId: created.sellingPlanGroupId, sellingPlanId: created.sellingPlanId, syncedTexts: fingerprint });
      if (!recorded) {
        // Another sync created the option's group meanwhile: ours goes (its variants with it) and they join theirs.
        const removed = await deleteSellingPlanGroup(client, created.sellingPlanGroupId);
        if (!removed.ok) {
          return { ok: false, message: `Payment option not applied: a duplicate selling plan group could not be removed (${removed.message})`, variants };
        }
        continue;
      }
      await recordAttachment({ shop, variants: first, planId: plan.id, now });
      report.groupsCreated++;
      report.attached += first.length;
      groupId = created.sellingPlanGroupId;
      pending = rest.flat();
    } else if (plan.syncedTexts !== fingerprint) {
      const updated = await updateSellingPlanGroup(client, { sellingPlanGroupId: groupId, sellingPlanId: plan.sellingPlanId }, spec);
      if (!updated.ok && updated.code === "GROUP_DOES_NOT_EXIST") {
        await retirePlan({ shop, id: plan.id, now });
        continue;
      }
      if (updated.ok) {
        await recordPlanTexts({ shop, id: plan.id, syncedTexts: fingerprint });
        report.groupsUpdated++;
      }
    }
    let vanished = false;
    for (const [i, part] of chunks(pending, VARIANTS_PER_CALL).entries()) {
      const added = await addVariantsToSellingPlanGroup(client, groupId, part.map((v) => v.variantId));
      if (!added.ok) {
        if (added.code === "GROUP_DOES_NOT_EXIST" && i === 0 && pending === variants) {
          await retirePlan({ shop, id: plan.id, now });
          vanished = true;
          break;
        }
        return { ok: false, message: `Payment option not applied: Shopify refused to attach the variant (${added.message})`, variants: pending.slice(i * VARIANTS_PER_CALL) };
      }
      await recordAttachment({ shop, variants: part, planId: plan.id, now });
      report.attached += part.length;
    }
    if (!vanished) return { ok: true };
  }
  return { ok: false, message: "Payment option not applied: the selling plan group kept disappearing", variants };
}

async function deleteEmptyGroups({
  shop,
  client,
  planIds,
  now,
  report,
}: {
  shop: string;
  client: AdminClient;
  planIds: readonly string[];
  now: Date;
  report: PlanSyncReport;
}): Promise<void> {
  for (const plan of await emptyPlans({ shop, ids: planIds })) {
    if (plan.sellingPlanGroupId) {
      const deleted = await deleteSellingPlanGroup(client, plan.sellingPlanGroupId);
      // Left in place on a refusal: the next sync that detaches from it tries again.
      if (!deleted.ok) continue;
    }
    await retirePlan({ shop, id: plan.id, now });
    report.groupsDeleted++;
  }
}

/**
 * After the shopper texts or the checkout language changed in Settings: every live group gets the new
 * names (same groups and plans, so orders already placed keep theirs). Returns the refusals.
 */
export async function refreshPlanTexts({ shop, client }: { shop: string; client: AdminClient }): Promise<string[]> {
  const payments = await getShopPaymentSettings({ shop });
  const context = await specContext(shop, payments);
  const problems: string[] = [];
  for (const plan of await activePlans({ shop })) {
    if (plan.option.kind === "full" || !plan.sellingPlanGroupId || !plan.sellingPlanId) continue;
    const spec = sellingPlanGroupSpec(plan.option, context);
    const fingerprint = specFingerprint(spec);
    if (plan.syncedTexts === fingerprint) continue;
    const updated = await updateSellingPlanGroup(client, { sellingPlanGroupId: plan.sellingPlanGroupId, sellingPlanId: plan.sellingPlanId }, spec);
    if (updated.ok) await recordPlanTexts({ shop, id: plan.id, syncedTexts: fingerprint });
    else problems.push(updated.message);
  }
  return problems;
}

/** app/uninstalled (see forgetPlansOnUninstall): Shopify removes the groups itself, the app forgets them. */
export async function forgetPlansAfterUninstall({ shop, now }: { shop: string; now: Date }): Promise<number> {
  return forgetPlansOnUninstall({ shop, now });
}

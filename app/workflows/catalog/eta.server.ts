// ETAs, inventory-policy decisions and storefront summaries of a shop's managed variants, from the
// database: BackorderVariant rows, their incoming batches, the waiting order lines (FIFO), supplier
// lateness learnt from received batches, and the shop settings. No Shopify call here; the sync service
// refreshes `available` first and then calls computeVariantEtas.
import { createEtaContext, computeVariantEta, type EtaSettings } from "~/domain/eta";
import { latenessSamplesFromBatches, latenessStats } from "~/domain/forecast";
import { supplyKey } from "~/domain/manual-promise";
import { decideInventoryPolicy, type BackorderMode, type InventoryPolicy, type PolicyDecision } from "~/domain/policy";
import { buildVariantSummary, serializeSummary, type VariantSummary } from "~/domain/summary";
import { summaryPayment } from "~/domain/payment-plans";
import { attachedPlans, type StoredPaymentPlan } from "~/models/payment-plan.server";
import type { DeliveryMode, IncomingBatch, LatenessStats, VariantEta, WaitingLine } from "~/domain/types";
import { waitingQueueLines, waitingUnitsByVariant } from "~/models/backorder-line.server";
import { storedVariants, type StoredVariant } from "~/models/backorder-variant.server";
import { receivedBatchesOfSuppliers } from "~/models/incoming-batch.server";
import { enabledModes, getShopSettings, toEtaSettings } from "~/models/settings.server";
import { isUsableStoredDate, isUsableStoredInstant } from "~/validation/dates";

export interface EtaShopSettings {
  eta: EtaSettings;
  enabledModes: DeliveryMode[];
  termsVersion: number;
  /** A later date is worth a delay email only from this many days (≥ 1). */
  delayMinSlipDays: number;
  /** Tell customers when their date moves earlier by that much too. */
  earlierDateEmails: boolean;
}

/** The settings the ETA engine and the summaries need, with the settings model's defaults. */
export async function loadEtaSettings({ shop }: { shop: string }): Promise<EtaShopSettings> {
  return toEtaShopSettings(await getShopSettings({ shop }));
}

/** The engine's view of shop settings, saved or proposed (a settings form not saved yet). */
export function toEtaShopSettings(settings: Awaited<ReturnType<typeof getShopSettings>>): EtaShopSettings {
  return {
    eta: toEtaSettings(settings),
    enabledModes: enabledModes(settings),
    termsVersion: settings.termsVersion,
    delayMinSlipDays: Math.max(1, settings.delayMinSlipDays),
    earlierDateEmails: settings.earlierDateEmails,
  };
}

export interface VariantEtaResult {
  variantId: string;
  productId: string;
  mode: BackorderMode;
  available: number;
  eta: VariantEta;
  decision: PolicyDecision;
  /** What the storefront should show; null when the variant is off. */
  summary: VariantSummary | null;
  /** `summary` serialized as the metafield value. */
  summaryJson: string | null;
  /** What the last sync confirmed on Shopify. */
  synced: { policy: InventoryPolicy | null; summary: string | null };
  /** The variant's supply as a key: a manual promise stands while it is unchanged (~/domain/manual-promise). */
  supplyKey: string;
}

/**
 * A variant whose stored data the engine cannot compute with (a batch dated 9999-12-31 saved before dates
 * were validated, a date that is not a date). It is skipped, never computed, so one bad row cannot break
 * a page or a job for the whole shop; pages show it so the merchant can fix or remove the row.
 */
export interface VariantDataProblem {
  variantId: string;
  productId: string;
  kind: "batch_date" | "window_date" | "computation";
  /** The batches whose dates are unusable (kind batch_date). */
  batchIds: string[];
}

/** Keeps `IN (…)` lists under the bound-parameter limit Prisma applies (999 on SQLite). */
const IN_CHUNK = 500;

async function inChunks<T>(ids: readonly string[], run: (ids: string[]) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) out.push(await run(ids.slice(i, i + IN_CHUNK)));
  return out;
}

const MODES: readonly BackorderMode[] = ["off", "always", "when_sold_out"];

function asMode(value: string): BackorderMode {
  return (MODES as readonly string[]).includes(value) ? (value as BackorderMode) : "off";
}

function asPolicy(value: string | null): InventoryPolicy | null {
  return value === "CONTINUE" || value === "DENY" ? value : null;
}

/**
 * Computes every managed variant of the shop (or only `variantIds`) as of `now`. Lateness comes from the
 * received batches of the same supplier across the shop when the variant's batches name one, else from
 * the variant's own received batches. Variants with unusable stored data are left out (see
 * computeVariantEtasReport for the list of them).
 */
export async function computeVariantEtas(args: {
  shop: string;
  variantIds?: readonly string[];
  now: Date;
  settings?: EtaShopSettings;
  adjust?: (row: StoredVariant) => StoredVariant;
}): Promise<VariantEtaResult[]> {
  return (await computeVariantEtasReport(args)).results;
}

function badBatchIds(batches: readonly { id: string; expectedOn: string; receivedOn: string | null }[]): string[] {
  return batches
    .filter((b) => !isUsableStoredDate(b.expectedOn) || (b.receivedOn !== null && !isUsableStoredDate(b.receivedOn)))
    .map((b) => b.id);
}

/** Like computeVariantEtas, and also the variants it skipped because their stored data is unusable. */
export async function computeVariantEtasReport({
  shop,
  variantIds,
  now,
  settings,
  adjust,
  queue = "lines",
}: {
  shop: string;
  variantIds?: readonly string[];
  now: Date;
  /** Already loaded settings (saves a query when the caller has them). */
  settings?: EtaShopSettings;
  /**
   * "lines" (default): every waiting line, each dated. "units": only the units owed, as one line per
   * variant: the dates of the next order (`next`, the summary) are the same, the per-line dates and
   * at-risk flags are not computed (lists read the stored at-risk state instead).
   */
  queue?: "lines" | "units";
  /** A change not saved yet, applied to each stored variant (previews: "what would this save do?"). */
  adjust?: (row: StoredVariant) => StoredVariant;
}): Promise<{ results: VariantEtaResult[]; problems: VariantDataProblem[] }> {
  if (variantIds && variantIds.length === 0) return { results: [], problems: [] };
  const shopSettings = settings ?? (await loadEtaSettings({ shop }));
  const loaded = variantIds
    ? (await inChunks(variantIds, (ids) => storedVariants({ shop, variantIds: ids }))).flat()
    : await storedVariants({ shop });
  const rows = adjust ? loaded.map(adjust) : loaded;
  if (rows.length === 0) return { results: [], problems: [] };

  const queues = new Map<string, WaitingLine[]>();
  if (queue === "units") {
    const owed = await inChunks(rows.map((r) => r.variantId), (ids) => waitingUnitsByVariant({ shop, variantIds: ids }));
    for (const units of owed) for (const [variantId, quantity] of units) queues.set(variantId, [{ id: `owed:${variantId}`, quantity, promisedBy: null }]);
  }
  const lines =
    queue === "units"
      ? []
      : variantIds
        ? (await inChunks(rows.map((r) => r.variantId), (ids) => waitingQueueLines({ shop, variantIds: ids }))).flat()
        : await waitingQueueLines({ shop });
  for (const line of lines) {
    const queue = queues.get(line.variantId) ?? [];
    queue.push({ id: line.id, quantity: line.quantity, promisedBy: line.promisedLatest });
    queues.set(line.variantId, queue);
  }

  const suppliers = new Set(rows.flatMap((r) => r.batches.flatMap((b) => (b.supplier ? [b.supplier] : []))));
  const supplierLateness = new Map<string, LatenessStats>();
  if (suppliers.size > 0) {
    const received = await receivedBatchesOfSuppliers({ shop, suppliers: [...suppliers] });
    const bySupplier = new Map<string, IncomingBatch[]>();
    for (const b of received) {
      // One bad date must not spoil the supplier's history for every variant it supplies.
      if (badBatchIds([b]).length > 0) continue;
      const list = bySupplier.get(b.supplier as string) ?? [];
      list.push({ id: b.id, quantity: b.quantity, expectedAt: b.expectedOn, receivedAt: b.receivedOn });
      bySupplier.set(b.supplier as string, list);
    }
    for (const [supplier, batches] of bySupplier) supplierLateness.set(supplier, latenessStats(latenessSamplesFromBatches(batches)));
  }

  // The selling plan each variant is attached to (deposit / pay later): the summary tells the block.
  const plans = new Map<string, StoredPaymentPlan>();
  for (const part of await inChunks(rows.map((r) => r.variantId), (ids) => attachedPlans({ shop, variantIds: ids }))) {
    for (const [variantId, plan] of part) plans.set(variantId, plan);
  }

  const ctx = createEtaContext(shopSettings.eta, now);
  const results: VariantEtaResult[] = [];
  const problems: VariantDataProblem[] = [];
  for (const row of rows) {
    const problem = (kind: VariantDataProblem["kind"], batchIds: string[] = []) =>
      problems.push({ variantId: row.variantId, productId: row.productId, kind, batchIds });
    const badBatches = badBatchIds(row.batches);
    if (badBatches.length > 0) {
      problem("batch_date", badBatches);
      continue;
    }
    if (!isUsableStoredInstant(row.startsAt) || !isUsableStoredInstant(row.endsAt)) {
      problem("window_date");
      continue;
    }
    try {
      results.push(computeRow(row));
    } catch (error) {
      // The engine throws RangeError on dates it cannot place; anything else is a bug and propagates.
      if (!(error instanceof RangeError)) throw error;
      console.warn(`[eta] skipped ${row.variantId} of ${shop}: ${error.message}`);
      problem("computation");
    }
  }
  return { results, problems };

  function paymentOf(variantId: string) {
    const plan = plans.get(variantId);
    return plan?.sellingPlanId ? summaryPayment(plan.option, plan.sellingPlanId) : null;
  }

  function computeRow(row: (typeof rows)[number]): VariantEtaResult {
    const mode = asMode(row.mode);
    const batches: IncomingBatch[] = row.batches.map((b) => ({
      id: b.id,
      quantity: b.quantity,
      expectedAt: b.expectedOn,
      receivedAt: b.receivedOn,
    }));
    const supplier = [...row.batches].reverse().find((b) => b.supplier)?.supplier ?? null;
    const lateness = (supplier ? supplierLateness.get(supplier) : undefined) ?? latenessStats(latenessSamplesFromBatches(batches));
    const eta = computeVariantEta(
      {
        available: row.available,
        queue: queues.get(row.variantId) ?? [],
        batches,
        capacityPerWeek: row.capacityPerWeek,
        leadTimeDays: row.leadTimeDays,
        lateness,
      },
      ctx,
    );
    const decision = decideInventoryPolicy({
      mode,
      available: row.available,
      // Shopify's available already has every sold unit subtracted: below zero, that many are owed.
      unitsOwed: Math.max(0, -row.available),
      cap: row.cap,
      schedule: { startsAt: row.startsAt, endsAt: row.endsAt },
      now,
    });
    const summary = buildVariantSummary({
      mode,
      available: row.available,
      eta,
      decision,
      enabledModes: shopSettings.enabledModes,
      termsVersion: shopSettings.termsVersion,
      messages: { en: row.messageEn, fr: row.messageFr },
      payment: paymentOf(row.variantId),
      now,
    });
    return {
      variantId: row.variantId,
      productId: row.productId,
      mode,
      available: row.available,
      eta,
      decision,
      summary,
      summaryJson: summary ? serializeSummary(summary) : null,
      synced: { policy: asPolicy(row.syncedPolicy), summary: row.syncedSummary },
      supplyKey: supplyKey({
        available: row.available,
        owedUnits: (queues.get(row.variantId) ?? []).reduce((sum, line) => sum + line.quantity, 0),
        batches: row.batches,
        capacityPerWeek: row.capacityPerWeek,
        leadTimeDays: row.leadTimeDays,
      }),
    };
  }
}

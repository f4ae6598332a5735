// Pushes the backorder state of managed variants to Shopify: inventoryPolicy (so checkout keeps selling
// or stops) and the `$app:backorder.eta` summary metafield the storefront block renders.
//
// One run: read the variants from Shopify (fresh `available` and current policy) → store those facts →
// compute ETAs, policy decisions and summaries → write only what differs from Shopify / from the last
// confirmed summary → record, per variant, only what Shopify accepted. The rules:
//   - mode off: restore DENY only when we had set CONTINUE (syncedPolicy), never touch a merchant's own
//     CONTINUE; delete the summary we wrote.
//   - always / when_sold_out: the policy decideInventoryPolicy gives (when_sold_out flips as stock crosses
//     zero, a reached cap or a closed schedule window denies); write the summary unless it tells the
//     shopper the same as the last confirmed one. A variant whose policy write failed gets no summary
//     write (the storefront must not promise what checkout refuses).
//   - a refused write (userErrors) is recorded in syncError and returned; that part is not marked synced.
//   - throttling is absorbed by the client; if Shopify keeps throttling, the variants not done are failed
//     with that reason (a later run picks them up). Auth errors propagate after what was done is recorded.
import { sameSummary } from "~/domain/summary";
import type { InventoryPolicy } from "~/domain/policy";
import { knownVariantIds, recordSyncOutcomes, recordSyncReadings, variantsToSync } from "~/models/backorder-variant.server";
import {
  AdminApiError,
  createAdminClient,
  type AdminClient,
  type AdminClientOptions,
  type AdminClientStats,
} from "~/shopify/admin-client.server";
import { ensureVariantSummaryDefinition } from "~/shopify/metafield-definitions.server";
import type { AdminGraphql } from "~/shopify/types";
import {
  deleteVariantSummaries,
  readVariantStock,
  setInventoryPolicies,
  writeVariantSummaries,
  type PolicyUpdate,
  type SummaryWrite,
  type VariantStock,
} from "~/shopify/variants.server";
import { syncPaymentPlans } from "~/workflows/payments/plans.server";
import { computeVariantEtas, loadEtaSettings } from "./eta.server";

export interface SyncFailure {
  variantId: string;
  message: string;
}

export interface PolicyChange {
  variantId: string;
  productId: string;
  from: InventoryPolicy;
  to: InventoryPolicy;
}

export interface SyncReport {
  /** Variants whose policy and summary Shopify now holds as computed (nothing left to do). */
  synced: number;
  failed: SyncFailure[];
  policyChanges: PolicyChange[];
  summariesWritten: number;
  summariesDeleted: number;
  /** Summaries not written because the shopper would see the same thing. */
  summariesUnchanged: number;
  /** Problems that did not fail a variant (e.g. the metafield definition could not be created). */
  warnings: string[];
  stats: AdminClientStats;
}

export interface SyncVariantsOptions {
  shop: string;
  /** admin.graphql from authenticate.admin or unauthenticated.admin(shop). */
  graphql: AdminGraphql;
  /** Variants to sync; default: every variant the shop manages or that we changed before. */
  variantIds?: readonly string[];
  now?: Date;
  /** Pacing and retry options (inject `sleep`/`now` for simulated time). */
  clientOptions?: AdminClientOptions;
  /** A client to reuse (keeps its bucket model and stats across runs); overrides graphql/clientOptions. */
  client?: AdminClient;
  /** Create the metafield definition (idempotent) before writing summaries. Default true. */
  ensureDefinition?: boolean;
}

/** What one variant ends the run with; undefined fields leave the stored value as it is. */
interface Outcome {
  policy?: InventoryPolicy;
  summary?: string | null;
  error?: string;
  /** Planned writes not done yet (an interrupted run fails them). */
  pending: number;
}

const UPDATE_CHUNK = 500;

async function inChunks<T>(items: readonly T[], size: number, run: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await run(items.slice(i, i + size));
}

/** Syncs the shop's variants with Shopify and reports what changed and what failed. */
export async function syncVariants(options: SyncVariantsOptions): Promise<SyncReport> {
  const { shop } = options;
  const now = options.now ?? new Date();
  const client = options.client ?? createAdminClient(options.graphql, options.clientOptions);
  const report: SyncReport = {
    synced: 0,
    failed: [],
    policyChanges: [],
    summariesWritten: 0,
    summariesDeleted: 0,
    summariesUnchanged: 0,
    warnings: [],
    stats: client.stats,
  };

  const requested = [...new Set(options.variantIds ?? (await variantsToSync({ shop })))];
  if (requested.length === 0) return report;
  const known = new Set<string>();
  await inChunks(requested, 500, async (ids) => {
    for (const variantId of await knownVariantIds({ shop, variantIds: ids })) known.add(variantId);
  });
  for (const id of requested) {
    if (!known.has(id)) report.failed.push({ variantId: id, message: "Not managed by Backorder Pilot (no settings saved for this variant)" });
  }
  const ids = requested.filter((id) => known.has(id));
  if (ids.length === 0) return report;

  const outcomes = new Map<string, Outcome>();
  const outcome = (variantId: string): Outcome => {
    let o = outcomes.get(variantId);
    if (!o) outcomes.set(variantId, (o = { pending: 0 }));
    return o;
  };
  const fail = (variantId: string, message: string) => {
    const o = outcome(variantId);
    o.error = o.error ? `${o.error}; ${message}` : message;
  };

  let fatal: unknown = null;
  try {
    // 1. What Shopify has now. Our rows hold each variant's product id (a variant never changes
    //    product), so the read skips the product and costs 1 point per variant.
    let shopify: Map<string, VariantStock>;
    try {
      const read = await readVariantStock(client, ids);
      shopify = read.variants;
      for (const id of read.missing) fail(id, "Variant not found on Shopify (deleted, or not a variant id)");
    } catch (error) {
      if (error instanceof AdminApiError) {
        for (const id of ids) fail(id, `Could not read the variant from Shopify: ${error.message}`);
        await persist(shop, outcomes, now);
        collect(report, outcomes);
        return report;
      }
      throw error;
    }
    const found = ids.filter((id) => shopify.has(id));
    await inChunks(found, UPDATE_CHUNK, (chunk) =>
      recordSyncReadings({ shop, readings: chunk.map((variantId) => ({ ...(shopify.get(variantId) as VariantStock), variantId })) }),
    );

    // 1b. Deposits and pay later: each variant in the selling plan group of its payment option (before the
    //     summaries, which name the plan only once Shopify holds it). A refusal is a warning: the variant
    //     keeps selling with what Shopify has, and its summary says exactly that.
    const plans = await syncPaymentPlans({ shop, client, variantIds: found, now });
    for (const f of plans.failed) report.warnings.push(`${f.variantId}: ${f.message}`);

    // 2. What it should have.
    const settings = await loadEtaSettings({ shop });
    const computed = await computeVariantEtas({ shop, variantIds: found, now, settings });

    // 3. The differences.
    const policyUpdates: PolicyUpdate[] = [];
    const summaryWrites: SummaryWrite[] = [];
    const summaryDeletes: string[] = [];
    const current = new Map<string, VariantStock>();
    for (const r of computed) {
      const s = shopify.get(r.variantId) as VariantStock;
      current.set(r.variantId, s);
      const o = outcome(r.variantId);
      if (r.mode === "off") {
        if (r.synced.policy === "CONTINUE") {
          if (s.inventoryPolicy === "CONTINUE") policyUpdates.push({ productId: r.productId, variantId: r.variantId, policy: "DENY" });
          else o.policy = "DENY";
        }
        if (r.synced.summary !== null) summaryDeletes.push(r.variantId);
        continue;
      }
      const desired = r.decision.policy;
      if (desired !== s.inventoryPolicy) policyUpdates.push({ productId: r.productId, variantId: r.variantId, policy: desired });
      else o.policy = desired;
      if (r.summaryJson !== null && !sameSummary(r.summaryJson, r.synced.summary)) {
        summaryWrites.push({ variantId: r.variantId, summary: r.summaryJson });
      } else {
        report.summariesUnchanged++;
      }
    }
    for (const u of policyUpdates) outcome(u.variantId).pending++;
    for (const w of summaryWrites) outcome(w.variantId).pending++;
    for (const id of summaryDeletes) outcome(id).pending++;

    // 4. Writes: policies first, so no summary promises a backorder that checkout would refuse.
    const policies = await setInventoryPolicies(client, policyUpdates);
    for (const u of policies.succeeded) {
      const o = outcome(u.variantId);
      o.policy = u.policy;
      o.pending--;
      report.policyChanges.push({
        variantId: u.variantId,
        productId: u.productId,
        from: (current.get(u.variantId) as VariantStock).inventoryPolicy,
        to: u.policy,
      });
    }
    for (const f of policies.failed) {
      outcome(f.item.variantId).pending--;
      fail(f.item.variantId, `inventoryPolicy not changed: ${f.message}`);
    }

    const writable = summaryWrites.filter((w) => {
      if (outcomes.get(w.variantId)?.error === undefined) return true;
      outcome(w.variantId).pending--;
      return false;
    });
    if (writable.length && options.ensureDefinition !== false) {
      const definition = await ensureVariantSummaryDefinition(client);
      if (!definition.ok) report.warnings.push(`Metafield definition not created: ${definition.message}`);
    }
    const written = await writeVariantSummaries(client, writable);
    for (const w of written.succeeded) {
      const o = outcome(w.variantId);
      o.summary = w.summary;
      o.pending--;
      report.summariesWritten++;
    }
    for (const f of written.failed) {
      outcome(f.item.variantId).pending--;
      fail(f.item.variantId, `Summary not written: ${f.message}`);
    }

    const deleted = await deleteVariantSummaries(client, summaryDeletes);
    for (const id of deleted.succeeded) {
      const o = outcome(id);
      o.summary = null;
      o.pending--;
      report.summariesDeleted++;
    }
    for (const f of deleted.failed) {
      outcome(f.item).pending--;
      fail(f.item, `Summary not deleted: ${f.message}`);
    }
  } catch (error) {
    fatal = error;
    const reason = error instanceof Error ? error.message : error instanceof Response ? `HTTP ${error.status}` : String(error);
    for (const [variantId, o] of outcomes) if (o.pending > 0) fail(variantId, `Sync interrupted: ${reason}`);
  }

  await persist(shop, outcomes, now);
  collect(report, outcomes);
  // Retries exhausted: reported per variant, a later run catches up. Anything else (auth) is the caller's.
  if (fatal !== null && !(fatal instanceof AdminApiError)) throw fatal;
  return report;
}

function collect(report: SyncReport, outcomes: Map<string, Outcome>): void {
  for (const [variantId, o] of outcomes) {
    if (o.error !== undefined) report.failed.push({ variantId, message: o.error });
    else report.synced++;
  }
}

/** Records, per variant, what Shopify confirmed; syncedAt moves only for variants with nothing failed. */
async function persist(shop: string, outcomes: Map<string, Outcome>, now: Date): Promise<void> {
  const entries = [...outcomes.entries()];
  await inChunks(entries, UPDATE_CHUNK, (chunk) =>
    recordSyncOutcomes({ shop, now, outcomes: chunk.map(([variantId, o]) => ({ variantId, policy: o.policy, summary: o.summary, error: o.error })) }),
  );
}

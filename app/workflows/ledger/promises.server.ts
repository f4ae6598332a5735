// What customers are told after the ledger changed: for the variants touched, compute the dates once,
// confirm the orders that are settled, send delay (and good-news) emails, and come back later for the
// variants still waiting for in-flight orders. Every ledger pass and every recompute ends here.
import { enqueueJob } from "~/jobs/queue.server";
import { deleteQueuedJobs, listQueuedJobsByKeyPrefix } from "~/models/job.server";
import { computeVariantEtas, loadEtaSettings, type VariantEtaResult } from "~/workflows/catalog/eta.server";
import { storeDerivedState } from "~/workflows/catalog/derived-state.server";
import { confirmPendingOrders, type ConfirmOutcome } from "./confirm.server";
import { detectDelays, type DelayOutcome } from "./delays.server";
import { trackEstimates, withManualRanges, type EstimateCause } from "~/workflows/support/estimates.server";
import { variantSettlement } from "./settle.server";

const RECHECK = "settle:";

/** A recheck queued for a variant that has settled meanwhile has nothing left to do: drop it. */
async function dropRechecksOf(shop: string, settled: ReadonlySet<string>) {
  if (settled.size === 0) return;
  const queued = await listQueuedJobsByKeyPrefix({ shop, kind: "variants.recompute", keyPrefix: RECHECK });
  const done = queued.filter((j) => settled.has((j.uniqueKey ?? "").slice(RECHECK.length).replace(/:\d+$/, ""))).map((j) => j.id);
  if (done.length) await deleteQueuedJobs({ shop, ids: done });
}

export interface PromisesOutcome {
  etas: VariantEtaResult[];
  confirm: ConfirmOutcome;
  delays: DelayOutcome;
  /** Variants not settled yet; a recheck is queued for when they become quiet. */
  unsettled: number;
}

export async function informCustomers({
  shop,
  variantIds,
  now,
  cause = "recompute",
}: {
  shop: string;
  variantIds: readonly string[];
  now: Date;
  /** What moved the dates, for the orders' timelines. */
  cause?: EstimateCause;
}): Promise<PromisesOutcome> {
  const ids = [...new Set(variantIds)];
  const outcome: PromisesOutcome = {
    etas: [],
    confirm: { confirmedOrders: 0, confirmedLines: 0, deferredOrders: 0 },
    delays: { delayed: 0, emailsQueued: 0, improved: 0 },
    unsettled: 0,
  };
  if (ids.length === 0) return outcome;
  const settings = await loadEtaSettings({ shop });
  const [computed, settlement] = await Promise.all([computeVariantEtas({ shop, variantIds: ids, now, settings }), variantSettlement({ shop, variantIds: ids, now })]);
  outcome.etas = computed;
  await storeDerivedState({ shop, variantIds: ids, etas: computed, now });
  // Lines staff gave a date by hand go by that date while their supply is unchanged (support desk).
  const etas = withManualRanges(computed, await trackEstimates({ shop, etas: computed, cause, now }));
  outcome.confirm = await confirmPendingOrders({ shop, variantIds: ids, actionable: settlement.actionable, now, etas });
  outcome.delays = await detectDelays({ shop, etas, actionable: settlement.actionable, settings, now });
  outcome.unsettled = settlement.waitUntil.size;
  await dropRechecksOf(shop, settlement.actionable);
  for (const [variantId, quietAt] of settlement.waitUntil) {
    const runAt = new Date(quietAt.getTime() + 1_000);
    await enqueueJob({
      shop,
      kind: "variants.recompute",
      payload: { variantIds: [variantId] },
      uniqueKey: `${RECHECK}${variantId}:${Math.floor(runAt.getTime() / 60_000)}`,
      runAt,
      now,
    });
  }
  return outcome;
}

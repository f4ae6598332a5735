// Derived state stored on each variant so admin lists are indexed queries, not recomputations: "at risk"
// (a waiting order whose estimate is now later than what it was promised). Every ledger pass and every
// recompute computes the variants' dates in informCustomers (../ledger/promises.server.ts), which hands
// them here; the hourly reconciliation passes every managed or owed variant, so time passing is covered.
import type { VariantEtaResult } from "./eta.server";
import { computeVariantEtas } from "./eta.server";
import { recordDerivedState, variantsWithoutDerivedState } from "~/models/backorder-variant.server";

/** Whether any of the variant's waiting lines is now estimated later than its promise. */
export function isAtRisk(result: Pick<VariantEtaResult, "eta">): boolean {
  return result.eta.lines.some((line) => line.atRisk);
}

/**
 * Stores the derived state of `variantIds` from the dates just computed for them. A variant without a
 * result (its stored data cannot be computed, or it has no row) is not at risk: its page flags the problem.
 */
export async function storeDerivedState({
  shop,
  variantIds,
  etas,
  now,
}: {
  shop: string;
  variantIds: readonly string[];
  etas: readonly VariantEtaResult[];
  now: Date;
}): Promise<void> {
  const atRisk = new Set(etas.filter(isAtRisk).map((r) => r.variantId));
  await recordDerivedState({
    shop,
    atRisk: [...atRisk],
    notAtRisk: [...new Set(variantIds)].filter((id) => !atRisk.has(id)),
    now,
  });
}

const BACKFILL_CHUNK = 200;

/**
 * Rows from before the state was stored (the migration adds it as "not at risk", never derived) are
 * derived on first need, so the At risk tab is right straight after the upgrade rather than after the next
 * hourly reconciliation. Once done, this is one indexed query that finds nothing.
 */
export async function deriveMissingState({ shop, now }: { shop: string; now: Date }): Promise<number> {
  let derived = 0;
  for (;;) {
    const variantIds = await variantsWithoutDerivedState({ shop, take: BACKFILL_CHUNK });
    if (variantIds.length === 0) return derived;
    const etas = await computeVariantEtas({ shop, variantIds, now });
    await storeDerivedState({ shop, variantIds, etas, now });
    derived += variantIds.length;
  }
}

/**
 * Recomputes and stores the state of `variantIds` now: for changes that move dates without a ledger pass
 * (bulk mode and lead-time changes from the Products list), so the At risk tab reflects them at once.
 */
export async function rederiveState({ shop, variantIds, now }: { shop: string; variantIds: readonly string[]; now: Date }): Promise<void> {
  if (variantIds.length === 0) return;
  const etas = await computeVariantEtas({ shop, variantIds, now });
  await storeDerivedState({ shop, variantIds, etas, now });
}

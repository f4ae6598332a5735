// When the ledger may speak to customers about a variant.
//
// Shopify's available quantity already counts every order placed, while the ledger learns of an order
// only when its webhook is processed; during a burst (a product drop) the two disagree for a while. A
// variant is *settled* when every unit Shopify counts as owed is a recorded line (available + units the
// ledger owes ≥ 0). Only then are confirmations dated and delays detected: before, a line's place in the
// queue can still change as older orders are recorded, and a customer would be told a date the settled
// ledger does not give them. A variant that stays unsettled (Shopify counts owed units no order we record
// explains, e.g. orders placed before the app managed it) becomes *quiet* once no line was recorded for
// SETTLE_WINDOW_MS; the ledger then speaks with what it knows. Webhooks of one burst arrive within seconds,
// so the window only delays the rare case, never the common one.
import { newestLineByVariant, waitingUnitsByVariant } from "~/models/backorder-line.server";
import { recordedStockOfVariants } from "~/models/backorder-variant.server";

export const SETTLE_WINDOW_MS = 10 * 60_000;

const IN_CHUNK = 500;

export interface VariantSettlement {
  /** Variants whose confirmations and delay checks may run now. */
  actionable: Set<string>;
  /** Not actionable yet: when each becomes quiet (the caller schedules a recheck then). */
  waitUntil: Map<string, Date>;
}

export async function variantSettlement({ shop, variantIds, now }: { shop: string; variantIds: readonly string[]; now: Date }): Promise<VariantSettlement> {
  const actionable = new Set<string>();
  const waitUntil = new Map<string, Date>();
  const ids = [...new Set(variantIds)];
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const chunk = ids.slice(i, i + IN_CHUNK);
    const [variants, owedOf, newestOf] = await Promise.all([
      recordedStockOfVariants({ shop, variantIds: chunk }),
      waitingUnitsByVariant({ shop, variantIds: chunk }),
      newestLineByVariant({ shop, variantIds: chunk }),
    ]);
    for (const v of variants) {
      if (v.available + (owedOf.get(v.variantId) ?? 0) >= 0) {
        actionable.add(v.variantId);
        continue;
      }
      const last = newestOf.get(v.variantId);
      const quietAt = last ? new Date(last.getTime() + SETTLE_WINDOW_MS) : now;
      if (quietAt <= now) actionable.add(v.variantId);
      else waitUntil.set(v.variantId, quietAt);
    }
  }
  return { actionable, waitUntil };
}

// A date staff promised by hand ("revise the date") overrides the engine's estimate for a line until the
// variant's supply changes. "Supply" is what the engine dates the queue from, except the queue itself:
// units on hand for the queue (Shopify's available plus the units owed to waiting lines, so a new order,
// which lowers one and raises the other, changes nothing), the incoming batches (quantity, expected and
// received dates), the production capacity and the lead time. The key is stored with the promise; a ledger
// pass computes it again and drops the promise when it differs. A cancellation ahead in the queue frees
// units without changing supply: the manual date stays (it was the more cautious one).
import { isoToDay } from "./dates";
import type { IsoDate } from "./types";

export interface VariantSupply {
  /** Shopify's available (negative: units owed). */
  available: number;
  /** Units owed to the variant's waiting lines. */
  owedUnits: number;
  batches: readonly { id: string; quantity: number; expectedOn: string; receivedOn: string | null }[];
  capacityPerWeek: number | null;
  leadTimeDays: number | null;
}

/** A stable text naming the variant's supply: equal keys mean the same supply. */
export function supplyKey(supply: VariantSupply): string {
  const batches = [...supply.batches]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((b) => `${b.id}:${b.quantity}:${b.expectedOn}:${b.receivedOn ?? ""}`)
    .join(",");
  const onHand = Math.max(0, supply.available + supply.owedUnits);
  return `v1|h${onHand}|b[${batches}]|c${supply.capacityPerWeek ?? ""}|l${supply.leadTimeDays ?? ""}`;
}

export interface ManualPromise {
  earliest: IsoDate;
  latest: IsoDate;
  supplyKey: string;
}

export type EffectiveEstimate =
  | { source: "manual"; earliest: IsoDate; latest: IsoDate }
  | { source: "engine"; earliest: IsoDate; latest: IsoDate; dropManual: boolean };

/**
 * The estimate a line goes by: the manual promise while the supply is the one it was made against, else the
 * engine's (and `dropManual` says a stale promise must be cleared).
 */
export function effectiveEstimate(
  engine: { earliest: IsoDate; latest: IsoDate },
  manual: ManualPromise | null,
  currentSupplyKey: string,
): EffectiveEstimate {
  if (manual && manual.supplyKey === currentSupplyKey) return { source: "manual", earliest: manual.earliest, latest: manual.latest };
  return { source: "engine", earliest: engine.earliest, latest: engine.latest, dropManual: manual !== null };
}

/** Days `estimate` is past `promised` (0 when on time or either is unknown). */
export function daysLate(estimate: IsoDate | null, promised: IsoDate | null): number {
  if (!estimate || !promised) return 0;
  return Math.max(0, isoToDay(estimate) - isoToDay(promised));
}

export type ManualPromiseError = "earliest_after_latest" | "in_the_past";

/** Checks a date range staff enter: ordered, and not before today (shop-local). */
export function checkManualRange(range: { earliest: IsoDate; latest: IsoDate }, today: IsoDate): ManualPromiseError | null {
  if (isoToDay(range.earliest) > isoToDay(range.latest)) return "earliest_after_latest";
  if (isoToDay(range.earliest) < isoToDay(today)) return "in_the_past";
  return null;
}

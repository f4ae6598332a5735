// After every ledger pass computes dates: store each waiting line's current estimate, put estimate changes on
// the order's timeline with their cause, drop manual promises whose supply changed, and tell the pass which
// lines go by a manual promise (delay detection compares those, not the engine's date, with what the
// customer was told).
import { effectiveEstimate } from "~/domain/manual-promise";
import { clearManualPromise, storeLineEstimate, waitingLinesWithEstimates } from "~/models/backorder-line.server";
import { inWriteTransaction } from "~/models/transaction.server";
import type { VariantEtaResult } from "~/workflows/catalog/eta.server";
import { recordTimeline, refreshSupportCases, type TimelineEvent } from "./timeline.server";

/** Why dates were recomputed, as far as the ledger knows. */
export type EstimateCause = "stock" | "order" | "cancellation" | "recompute" | "reconcile";

const IN_CHUNK = 500;
const TX_CHUNK = 200;

/** Returns the manual ranges that stand, by line id. */
export async function trackEstimates({
  shop,
  etas,
  cause,
  now,
}: {
  shop: string;
  etas: readonly VariantEtaResult[];
  cause: EstimateCause;
  now: Date;
}): Promise<Map<string, { earliest: string; latest: string }>> {
  const manual = new Map<string, { earliest: string; latest: string }>();
  if (etas.length === 0) return manual;
  const byVariant = new Map(etas.map((r) => [r.variantId, r]));
  const engineOf = new Map<string, { earliest: string; latest: string }>();
  for (const r of etas) for (const l of r.eta.lines) engineOf.set(l.lineId, { earliest: l.eta.earliest, latest: l.eta.latest });

  type Change = { lineId: string; orderId: string; store?: { earliest: string; latest: string }; event?: TimelineEvent; drop?: TimelineEvent };
  const changes: Change[] = [];
  const ids = [...byVariant.keys()];
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    for (const line of await waitingLinesWithEstimates({ shop, variantIds: ids.slice(i, i + IN_CHUNK) })) {
      const engine = engineOf.get(line.id);
      const variant = byVariant.get(line.variantId);
      if (!engine || !variant) continue;
      const stored = line.manualLatest && line.manualEarliest && line.manualSupplyKey
        ? { earliest: line.manualEarliest, latest: line.manualLatest, supplyKey: line.manualSupplyKey }
        : null;
      const effective = effectiveEstimate(engine, stored, variant.supplyKey);
      if (effective.source === "manual") manual.set(line.id, { earliest: effective.earliest, latest: effective.latest });
      const change: Change = { lineId: line.id, orderId: line.orderId };
      if (line.estimateLatest !== engine.latest || line.estimateEarliest !== engine.earliest) {
        change.store = engine;
        if (line.estimateLatest && line.estimateLatest !== engine.latest) {
          change.event = {
            orderId: line.orderId,
            kind: "estimate_changed",
            at: now,
            data: { lineId: line.id, from: line.estimateLatest, to: engine.latest, earliest: engine.earliest, cause, manual: effective.source === "manual" },
          };
        }
      }
      if (effective.source === "engine" && effective.dropManual) {
        change.drop = { orderId: line.orderId, kind: "manual_promise_dropped", at: now, data: { lineId: line.id, latest: line.manualLatest, cause } };
      }
      if (change.store || change.drop) changes.push(change);
    }
  }
  for (let i = 0; i < changes.length; i += TX_CHUNK) {
    const chunk = changes.slice(i, i + TX_CHUNK);
    await inWriteTransaction(shop, async (tx) => {
      const events: TimelineEvent[] = [];
      for (const c of chunk) {
        if (c.store) await storeLineEstimate({ shop, lineId: c.lineId, ...c.store }, tx);
        if (c.event) events.push(c.event);
        if (c.drop && (await clearManualPromise({ shop, lineId: c.lineId }, tx))) events.push(c.drop);
      }
      await recordTimeline(tx, shop, events);
      // A first estimate is no event, but the queue shows it.
      await refreshSupportCases(tx, shop, [...new Set(chunk.map((c) => c.orderId))]);
    });
  }
  return manual;
}

/** The results with each manual range in place of the engine's (what the customer is held to). */
export function withManualRanges(etas: readonly VariantEtaResult[], manual: ReadonlyMap<string, { earliest: string; latest: string }>): VariantEtaResult[] {
  if (manual.size === 0) return [...etas];
  return etas.map((r) => ({
    ...r,
    eta: {
      ...r.eta,
      lines: r.eta.lines.map((l) => {
        const m = manual.get(l.lineId);
        return m ? { ...l, eta: { ...l.eta, earliest: m.earliest, latest: m.latest } } : l;
      }),
    },
  }));
}

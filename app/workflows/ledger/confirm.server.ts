// Backorder confirmations: each order's owed lines are confirmed once, in one email, with the date the
// settled ledger gives them (./settle.server.ts), or the in-stock date when stock already serves them. An order whose variants are not all settled yet waits;
// the pass that settles them (the last order of a burst, a stock reading, the settle recheck) confirms it.
// The compare-and-set on notifiedLatest makes a concurrent or repeated pass confirm nothing twice.
import { dateChange } from "~/domain/date-change";
import { ordersWithUnconfirmedLines, recordConfirmation, unconfirmedLinesOfOrders } from "~/models/backorder-line.server";
import { inWriteTransaction } from "~/models/transaction.server";
import { computeVariantEtas, loadEtaSettings, type VariantEtaResult } from "~/workflows/catalog/eta.server";
import { recordTimeline, type TimelineEvent } from "~/workflows/support/timeline.server";
import { confirmationKey, delayKey, queueConfirmation, queueDelay } from "./notify.server";
import { variantSettlement } from "./settle.server";

const IN_CHUNK = 500;

export interface ConfirmOutcome {
  confirmedOrders: number;
  confirmedLines: number;
  /** Orders left for later: one of their variants is not settled yet. */
  deferredOrders: number;
}

/**
 * Confirms every order that has unconfirmed waiting lines in `variantIds`, provided all of the order's
 * unconfirmed lines belong to `actionable` variants. `etas` may carry results the caller already computed.
 */
export async function confirmPendingOrders({
  shop,
  variantIds,
  actionable,
  now,
  etas = [],
}: {
  shop: string;
  variantIds: readonly string[];
  actionable: ReadonlySet<string>;
  now: Date;
  etas?: readonly VariantEtaResult[];
}): Promise<ConfirmOutcome> {
  const outcome: ConfirmOutcome = { confirmedOrders: 0, confirmedLines: 0, deferredOrders: 0 };
  const orderIds = new Set<string>();
  for (let i = 0; i < variantIds.length; i += IN_CHUNK) {
    for (const orderId of await ordersWithUnconfirmedLines({ shop, variantIds: variantIds.slice(i, i + IN_CHUNK) })) orderIds.add(orderId);
  }
  if (orderIds.size === 0) return outcome;

  const pending = (
    await Promise.all(
      // The email lists the lines as the order does.
      chunks([...orderIds]).map((ids) => unconfirmedLinesOfOrders({ shop, orderIds: ids })),
    )
  ).flat();
  const byOrder = new Map<string, typeof pending>();
  for (const line of pending) byOrder.set(line.orderId, [...(byOrder.get(line.orderId) ?? []), line]);
  // An order may also owe variants this pass did not look at: ask whether those are settled too.
  const others = [...new Set(pending.map((l) => l.variantId))].filter((id) => !actionable.has(id) && !variantIds.includes(id));
  const speakable = new Set(actionable);
  if (others.length) for (const id of (await variantSettlement({ shop, variantIds: others, now })).actionable) speakable.add(id);
  const ready = [...byOrder.values()].filter((lines) => lines.every((l) => speakable.has(l.variantId)));
  outcome.deferredOrders = byOrder.size - ready.length;
  if (ready.length === 0) return outcome;

  const settings = await loadEtaSettings({ shop });
  const known = new Map(etas.map((r) => [r.variantId, r]));
  const missing = [...new Set(ready.flat().map((l) => l.variantId))].filter((id) => !known.has(id));
  for (const r of await computeVariantEtas({ shop, variantIds: missing, now, settings })) known.set(r.variantId, r);
  const etaOf = new Map<string, { earliest: string; latest: string }>();
  for (const r of known.values()) for (const l of r.eta.lines) etaOf.set(l.lineId, { earliest: l.eta.earliest, latest: l.eta.latest });
  // Stock that arrived before the order could be confirmed already serves it: it is told the in-stock date.
  const inStockOf = new Map([...known.values()].map((r) => [r.variantId, { earliest: r.eta.inStock.earliest, latest: r.eta.inStock.latest }]));

  for (const orderId of ready.flatMap((lines) => (lines[0] ? [lines[0].orderId] : []))) {
    const confirmed = await inWriteTransaction(shop, async (tx) => {
      // Read the order's lines again under the write lock: another worker may have served or confirmed
      // some since the read above. An order is confirmed whole, in one email, or not in this pass.
      const lines = await unconfirmedLinesOfOrders({ shop, orderIds: [orderId] }, tx);
      const dated = lines.map((line) => ({ line, eta: line.status === "allocated" ? inStockOf.get(line.variantId) : etaOf.get(line.id) }));
      if (dated.length === 0) return 0;
      // A line whose date this pass did not compute (it changed meanwhile): the next pass confirms the order.
      if (dated.some((d) => !d.eta)) return "deferred" as const;
      const done: ((typeof lines)[number] & { earliest: string; latest: string; promised: string })[] = [];
      for (const { line, eta } of dated) {
        if (!eta) continue;
        const promised = line.promisedLatest ?? eta.latest;
        const won = await recordConfirmation({ shop, lineId: line.id, status: line.status, notifiedLatest: eta.latest, promisedLatest: promised }, tx);
        if (won) done.push({ ...line, ...eta, promised });
      }
      if (done.length === 0) return 0;
      const termsVersion = done.find((l) => l.termsVersion !== null)?.termsVersion ?? settings.termsVersion;
      await queueConfirmation(tx, shop, done, termsVersion);
      const firstId = [...done].sort((a, b) => (a.id < b.id ? -1 : 1))[0]?.id as string;
      const events: TimelineEvent[] = [
        {
          orderId,
          kind: "confirmation_queued",
          at: now,
          emailKey: confirmationKey(firstId),
          data: { lines: done.map((l) => ({ lineId: l.id, title: [l.productTitle, l.variantTitle].filter(Boolean).join(" – "), earliest: l.earliest, latest: l.latest })) },
        },
      ];
      // Checkout promised an earlier date than the ledger can keep: say so at once.
      for (const line of done) {
        if (line.status === "waiting" && dateChange(line.latest, line.promised, { ...settings, earlierDateEmails: false }) === "later") {
          await queueDelay(tx, shop, line, { previousLatest: line.promised, earliest: line.earliest, latest: line.latest });
          events.push({ orderId, kind: "delay_queued", at: now, emailKey: delayKey(line.id, line.latest), data: { lineId: line.id, from: line.promised, to: line.latest } });
        }
      }
      await recordTimeline(tx, shop, events);
      return done.length;
    });
    if (confirmed === "deferred") outcome.deferredOrders++;
    else if (confirmed > 0) {
      outcome.confirmedOrders++;
      outcome.confirmedLines += confirmed;
    }
  }
  return outcome;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IN_CHUNK) out.push(items.slice(i, i + IN_CHUNK));
  return out;
}

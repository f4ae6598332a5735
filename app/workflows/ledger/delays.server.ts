// Delay detection: after anything that can move dates (stock, cancellations, batches, settings, time
// passing), every waiting line of a settled variant (./settle.server.ts) whose newly computed latest date
// is later than the one the customer was last told, by at least the shop's minimum slip, gets one delay
// notice, and that later date becomes the one they were told. With the shop's "earlier dates" setting, a
// date that moved earlier by as much gets one good-news email the same way. The compare-and-set on
// notifiedLatest makes a concurrent or repeated run send nothing twice. A variant that is not settled
// (orders Shopify counts are not recorded yet) is skipped: its queue may still change.
import type { EtaShopSettings, VariantEtaResult } from "~/workflows/catalog/eta.server";
import { dateChange, type DateChange } from "~/domain/date-change";
import { moveToldDate, toldWaitingLines } from "~/models/backorder-line.server";
import { inWriteTransaction } from "~/models/transaction.server";
import { recordTimeline, type TimelineEvent } from "~/workflows/support/timeline.server";
import { delayKey, earlierKey, queueDelay, queueEarlierDate } from "./notify.server";

const TX_CHUNK = 50;

export interface DelayOutcome {
  delayed: number;
  emailsQueued: number;
  /** Lines told about an earlier date. */
  improved: number;
}

type Candidate = {
  line: { id: string; orderId: string; notifiedLatest: string } & Parameters<typeof queueDelay>[2];
  eta: { earliest: string; latest: string };
  direction: NonNullable<DateChange>;
};

export async function detectDelays({
  shop,
  etas,
  actionable,
  settings,
  now = new Date(),
}: {
  shop: string;
  /** When the pass runs (timeline events). */
  now?: Date;
  /** ETAs just computed for the variants to check. */
  etas: readonly VariantEtaResult[];
  /** Settled (or quiet) variants: only these may email. */
  actionable: ReadonlySet<string>;
  settings: Pick<EtaShopSettings, "delayMinSlipDays" | "earlierDateEmails">;
}): Promise<DelayOutcome> {
  const outcome: DelayOutcome = { delayed: 0, emailsQueued: 0, improved: 0 };
  const checked = etas.filter((r) => actionable.has(r.variantId));
  if (checked.length === 0) return outcome;
  const etaOf = new Map<string, { earliest: string; latest: string }>();
  for (const r of checked) for (const line of r.eta.lines) etaOf.set(line.lineId, { earliest: line.eta.earliest, latest: line.eta.latest });

  const variantIds = checked.map((r) => r.variantId);
  const candidates: Candidate[] = [];
  for (let i = 0; i < variantIds.length; i += 500) {
    const lines = await toldWaitingLines({ shop, variantIds: variantIds.slice(i, i + 500) });
    for (const line of lines) {
      const eta = etaOf.get(line.id);
      if (!eta || !line.notifiedLatest) continue;
      const direction = dateChange(eta.latest, line.notifiedLatest, settings);
      if (direction) candidates.push({ line: { ...line, notifiedLatest: line.notifiedLatest }, eta, direction });
    }
  }
  for (let i = 0; i < candidates.length; i += TX_CHUNK) {
    const chunk = candidates.slice(i, i + TX_CHUNK);
    const counts = await inWriteTransaction(shop, async (tx) => {
      let delayed = 0;
      let improved = 0;
      let queued = 0;
      const events: TimelineEvent[] = [];
      for (const { line, eta, direction } of chunk) {
        if (!(await moveToldDate({ shop, lineId: line.id, from: line.notifiedLatest, to: eta.latest }, tx))) continue;
        const dates = { previousLatest: line.notifiedLatest, earliest: eta.earliest, latest: eta.latest };
        if (direction === "later") {
          delayed++;
          if (await queueDelay(tx, shop, line, dates)) queued++;
        } else {
          improved++;
          if (await queueEarlierDate(tx, shop, line, dates)) queued++;
        }
        events.push({
          orderId: line.orderId,
          kind: direction === "later" ? "delay_queued" : "earlier_queued",
          at: now,
          emailKey: (direction === "later" ? delayKey : earlierKey)(line.id, eta.latest),
          data: { lineId: line.id, from: line.notifiedLatest, to: eta.latest },
        });
      }
      await recordTimeline(tx, shop, events);
      return { delayed, improved, queued };
    });
    outcome.delayed += counts.delayed;
    outcome.improved += counts.improved;
    outcome.emailsQueued += counts.queued;
  }
  return outcome;
}

// Delay detection: after anything that can move dates (stock, cancellations, batches, time passing), every
// waiting line whose newly computed latest date is later than the one the customer was last told gets
// one delay notice, and that later date becomes the one they were told. The compare-and-set on
// notifiedLatest makes a concurrent or repeated run send nothing twice; an earlier date sends nothing.
import prisma from "~/db.server";
import { computeVariantEtas, type VariantEtaResult } from "~/services/eta.server";
import { LINE_EMAIL_SELECT, queueDelay } from "./notify.server";
import { takeWriteLock } from "./write-lock.server";

const TX_CHUNK = 50;

export interface DelayOutcome {
  delayed: number;
  emailsQueued: number;
  /** The ETAs computed on the way (callers reuse them, e.g. to see whether the storefront changed). */
  etas: VariantEtaResult[];
}

export async function detectDelays({ shop, variantIds, now }: { shop: string; variantIds: readonly string[]; now: Date }): Promise<DelayOutcome> {
  const outcome: DelayOutcome = { delayed: 0, emailsQueued: 0, etas: [] };
  if (variantIds.length === 0) return outcome;
  const results = await computeVariantEtas({ shop, variantIds, now });
  outcome.etas = results;
  const etaOf = new Map<string, { earliest: string; latest: string }>();
  for (const r of results) for (const line of r.eta.lines) etaOf.set(line.lineId, { earliest: line.eta.earliest, latest: line.eta.latest });

  const candidates: { line: { id: string; notifiedLatest: string } & Parameters<typeof queueDelay>[2]; eta: { earliest: string; latest: string } }[] = [];
  for (let i = 0; i < variantIds.length; i += 500) {
    const lines = await prisma.backorderLine.findMany({
      where: { shop, variantId: { in: variantIds.slice(i, i + 500) }, status: "waiting", notifiedLatest: { not: null } },
      select: { ...LINE_EMAIL_SELECT, notifiedLatest: true },
    });
    for (const line of lines) {
      const eta = etaOf.get(line.id);
      if (eta && line.notifiedLatest && eta.latest > line.notifiedLatest) {
        candidates.push({ line: { ...line, notifiedLatest: line.notifiedLatest }, eta });
      }
    }
  }
  for (let i = 0; i < candidates.length; i += TX_CHUNK) {
    const chunk = candidates.slice(i, i + TX_CHUNK);
    const counts = await prisma.$transaction(async (tx) => {
      await takeWriteLock(tx);
      let delayed = 0;
      let queued = 0;
      for (const { line, eta } of chunk) {
        const { count } = await tx.backorderLine.updateMany({
          where: { id: line.id, shop, status: "waiting", notifiedLatest: line.notifiedLatest },
          data: { notifiedLatest: eta.latest },
        });
        if (count !== 1) continue;
        delayed++;
        if (await queueDelay(tx, shop, line, { previousLatest: line.notifiedLatest, earliest: eta.earliest, latest: eta.latest })) queued++;
      }
      return { delayed, queued };
    });
    outcome.delayed += counts.delayed;
    outcome.emailsQueued += counts.queued;
  }
  return outcome;
}

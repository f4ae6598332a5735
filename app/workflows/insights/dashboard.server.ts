// The merchant's dashboard (home page, issue 13): what backorders brought in, what is still owed, how well
// promises were kept, how suppliers delivered and where demand meets the next batch. Everything comes from the
// app's own ledger, batches and outbox through indexed aggregate queries (~/models/insights.server); the
// arithmetic is ~/domain/insights. Lines are judged by when they were ordered: "the period" is the cohort of
// lines ordered in it (wait, promise keeping, revenue, cancellations); delay notices and batches by their own date.
import {
  DEMAND_WINDOW_DAYS,
  nextBatchCoverage,
  localDateOf,
  parseInsightsRange,
  promiseDeadlines,
  rangeBounds,
  promiseKeeping,
  supplierRows,
  waitStats,
  type BatchCoverage,
  type RangeProblem,
  type PromiseKeeping,
  type SupplierRow,
  type WaitStats,
} from "~/domain/insights";
import { addCalendarDays, isIsoDate } from "~/domain/dates";
import type { MoneyTotal } from "~/domain/money";
import type { IsoDate } from "~/domain/types";
import {
  backorderableVariantsForInsights,
  batchesReceivedIn,
  delayNoticesSentIn,
  lineTotalsOrderedIn,
  ordersWithOwedLinesIn,
  pendingBatches,
  promiseCountsIn,
  promisedDatesIn,
  unitsBackorderedSince,
  unitsWaitingByVariant,
  waitHistogramIn,
  waitingTotals,
  type LineTotalsRow,
} from "~/models/insights.server";
import { getShopSettings } from "~/models/settings.server";
import { loadSatisfaction, type Satisfaction } from "~/workflows/feedback/satisfaction.server";

/** Rows of the demand table (the variants with the most recent demand first). */
export const DEMAND_ROWS = 50;

export interface MoneySummary {
  /** One total per currency among the priced lines; empty when no line has a price. */
  totals: MoneyTotal[];
  /** Lines counted without a price (recorded before prices were captured): not in the totals. */
  unpricedLines: number;
}

export interface DemandRow {
  variantId: string;
  title: string;
  path: string;
  unitsLast28Days: number;
  waitingUnits: number;
  cap: number | null;
  nextBatch: BatchCoverage | null;
}

export interface Dashboard {
  /** `key`: what the selector shows ("30" | "90" | "365" | "custom"); `problem`: why a custom range was not used. */
  period: { key: string; days: number; firstDay: IsoDate; lastDay: IsoDate; problem: RangeProblem | null };
  timeZone: string;
  /** Nothing to show yet: no backorderable variant and no backordered line. */
  isNew: boolean;
  revenue: MoneySummary & { orders: number; units: number };
  owed: MoneySummary & { units: number; lines: number };
  cancellations: MoneySummary & { lines: number; units: number };
  promises: PromiseKeeping;
  wait: WaitStats;
  delayNoticesSent: number;
  suppliers: SupplierRow[];
  demand: { rows: DemandRow[]; variants: number; windowDays: number };
  /** Feedback after delivery: answers given in the period (~/workflows/feedback/satisfaction.server). */
  satisfaction: Satisfaction;
}

function money(rows: readonly Pick<LineTotalsRow, "currency" | "valueMinor" | "unpricedLines" | "lines">[]): MoneySummary {
  const byCurrency = new Map<string, number>();
  let unpricedLines = 0;
  for (const r of rows) {
    unpricedLines += r.unpricedLines;
    if (r.currency && r.lines > r.unpricedLines) byCurrency.set(r.currency, (byCurrency.get(r.currency) ?? 0) + r.valueMinor);
  }
  return { totals: [...byCurrency].map(([currency, amountMinor]) => ({ currency, amountMinor })), unpricedLines };
}

const sum = (rows: readonly LineTotalsRow[], key: "lines" | "units") => rows.reduce((s, r) => s + r[key], 0);
const number = (gid: string) => gid.split("/").pop() as string;

/**
 * The dashboard for the last `days` days. Dates are the shop's delivery-promise timezone (Settings; Shopify's
 * own timezone until settings are saved): the one promised dates are written in.
 */
export async function loadDashboard({
  shop,
  query,
  shopTimeZone,
  now,
  demandRows = DEMAND_ROWS,
}: {
  shop: string;
  /** The page's URL parameters: period (30 | 90 | 365 | custom), from and to (custom range). */
  query: { period?: string | null; from?: string | null; to?: string | null };
  /** Shopify's timezone for the shop, asked only when no settings are saved. */
  shopTimeZone: string | (() => Promise<string>);
  now: Date;
  /** Rows of the demand table (the CSV export asks for every variant). */
  demandRows?: number;
}): Promise<Dashboard> {
  const defaults = async () => ({ timezone: typeof shopTimeZone === "string" ? shopTimeZone : await shopTimeZone() });
  const { timezone: timeZone } = await getShopSettings({ shop, defaults });
  const { range: chosen, problem } = parseInsightsRange(query, localDateOf(now, timeZone));
  const bounds = rangeBounds(chosen, { now, timeZone });
  const range = { shop, from: bounds.from, to: bounds.to };

  const ordered = await lineTotalsOrderedIn(range);
  const taken = ordered.filter((r) => r.status !== "cancelled");
  const cancelled = ordered.filter((r) => r.status === "cancelled");
  const orders = await ordersWithOwedLinesIn(range);
  const waiting = await waitingTotals({ shop });
  const dates = (await promisedDatesIn(range)).filter(isIsoDate);
  const promises = promiseKeeping(await promiseCountsIn({ ...range, now, deadlines: promiseDeadlines(dates, timeZone) }));
  const wait = waitStats(await waitHistogramIn(range));
  const delayNoticesSent = await delayNoticesSentIn(range);
  const received = (await batchesReceivedIn({ shop, fromDate: bounds.fromDate, toDate: bounds.toDate })).flatMap((b) =>
    b.receivedOn && isIsoDate(b.receivedOn) && isIsoDate(b.expectedOn) ? [{ supplier: b.supplier, expectedOn: b.expectedOn, receivedOn: b.receivedOn }] : [],
  );

  const variants = await backorderableVariantsForInsights({ shop });
  const recent = await unitsBackorderedSince({ shop, since: new Date(now.getTime() - DEMAND_WINDOW_DAYS * 86_400_000) });
  const waitingByVariant = await unitsWaitingByVariant({ shop });
  const pendingByVariant = new Map<string, { expectedOn: IsoDate; quantity: number }[]>();
  for (const b of await pendingBatches({ shop })) {
    if (!isIsoDate(b.expectedOn)) continue;
    pendingByVariant.set(b.backorderVariantId, [...(pendingByVariant.get(b.backorderVariantId) ?? []), { expectedOn: b.expectedOn, quantity: b.quantity }]);
  }
  const demand = variants
    .map((v): DemandRow => {
      const waitingUnits = waitingByVariant.get(v.variantId) ?? 0;
      return {
        variantId: v.variantId,
        title: [v.productTitle, v.variantTitle === "Default Title" ? "" : v.variantTitle].filter(Boolean).join(" – ") || v.variantId,
        path: `/app/products/${number(v.productId)}?variant=${number(v.variantId)}`,
        unitsLast28Days: recent.get(v.variantId) ?? 0,
        waitingUnits,
        cap: v.cap,
        nextBatch: nextBatchCoverage({ waitingUnits, pending: pendingByVariant.get(v.id) ?? [] }),
      };
    })
    .sort((a, b) => b.unitsLast28Days - a.unitsLast28Days || b.waitingUnits - a.waitingUnits || a.title.localeCompare(b.title));

  const waitingUnits = waiting.reduce((s, r) => s + r.units, 0);
  return {
    period: {
      key: chosen.kind === "preset" ? String(chosen.days) : "custom",
      days: bounds.days,
      firstDay: bounds.fromDate,
      lastDay: addCalendarDays(bounds.toDate, -1),
      problem,
    },
    timeZone,
    isNew: variants.length === 0 && ordered.length === 0 && waiting.length === 0,
    revenue: { ...money(taken), orders, units: sum(taken, "units") },
    owed: { ...money(waiting), units: waitingUnits, lines: waiting.reduce((s, r) => s + r.lines, 0) },
    cancellations: { ...money(cancelled), lines: sum(cancelled, "lines"), units: sum(cancelled, "units") },
    promises,
    wait,
    delayNoticesSent,
    suppliers: supplierRows(received),
    demand: { rows: demand.slice(0, demandRows), variants: demand.length, windowDays: DEMAND_WINDOW_DAYS },
    satisfaction: await loadSatisfaction(range),
  };
}

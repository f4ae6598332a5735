// The merchant's dashboard (home page, issue 13): what backorders brought in, what is still owed, how well
// promises were kept, how suppliers delivered and where demand meets the next batch. Everything comes from the
// app's own ledger, batches and outbox: the additive numbers from daily roll-ups kept by triggers (./aggregates.server,
// docs/decisions/009-insights-rollups.md), the rest through indexed queries (~/models/insights.server); the
// arithmetic is ~/domain/insights. Lines are judged by when they were ordered: "the period" is the cohort of
// lines ordered in it (wait, promise keeping, revenue, cancellations); delay notices and batches by their own date.
import {
  DEMAND_WINDOW_DAYS,
  forecastPlan,
  nextBatchCoverage,
  timeBuckets,
  waitingLevels,
  type BucketUnit,
  type TimeBuckets,
  type ForecastPlan,
  localDateOf,
  parseInsightsRange,
  rangeBounds,
  promiseKeeping,
  supplierRows,
  type BatchCoverage,
  type RangeProblem,
  type PromiseKeeping,
  type SupplierRow,
  type WaitStats,
} from "~/domain/insights";
import { addCalendarDays, isIsoDate } from "~/domain/dates";
import { toMinorUnits, type MoneyTotal } from "~/domain/money";
import type { IsoDate } from "~/domain/types";
import {
  backorderableVariantsForInsights,
  batchesReceivedIn,
  delayCancellationsIn,
  pendingBatches,
  unitsBackorderedSince,
  unitsWaitingByVariant,
  type LineTotalsRow,
  type OrderedBucketRow,
} from "~/models/insights.server";
import { fromRollups, type AggregateSource } from "./aggregates.server";
import { getShopSettings } from "~/models/settings.server";
import { loadSatisfaction, type Satisfaction } from "~/workflows/feedback/satisfaction.server";
import { loadCashFlow, type CashFlow } from "./cash-flow.server";

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
  /** What the forecast says about the next supply: fill date, reorder advice, the cap it would set. */
  forecast: ForecastPlan;
  /** The variant's settings version, so "cap at coverage" from this page fails on a stale view. */
  version: number;
}

/** Waiting units and revenue over the period, one point per local day (≤ 90 days) or week. */
export interface Series {
  unit: BucketUnit;
  /** The currency of `revenueMinor` (the one most revenue was taken in); null when no line has a price. */
  currency: string | null;
  points: { date: IsoDate; waitingUnits: number; revenueMinor: number }[];
}

/** Cancellations a delay caused, refunded in the period (see ~/models/insights.server delayCancellationsIn). */
export interface DelayCancellations {
  cancellations: number;
  fromCustomers: number;
  fromStaff: number;
  lines: number;
  units: number;
  refunded: MoneyTotal[];
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
  delayCancellations: DelayCancellations;
  series: Series;
  suppliers: SupplierRow[];
  demand: { rows: DemandRow[]; variants: number; windowDays: number };
  /** Feedback after delivery: answers given in the period (~/workflows/feedback/satisfaction.server). */
  satisfaction: Satisfaction;
  /** Deposits and pay later: deposits taken, balances collected and the weekly forecast of balances due. */
  cashFlow: CashFlow;
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
 * Every backorderable variant with its recent demand, units waiting, next batch and forecast, most ordered
 * first (the dashboard's demand table, and what "cap at coverage" checks a submission against).
 */
export async function loadDemandRows({
  shop,
  now,
  timeZone,
  defaultLeadTimeDays,
  waitingByVariant: known,
}: {
  shop: string;
  now: Date;
  timeZone: string;
  defaultLeadTimeDays: number;
  /** Units waiting per variant when the caller has them (the dashboard, from the roll-ups); else read from the ledger. */
  waitingByVariant?: Map<string, number>;
}): Promise<DemandRow[]> {
  const variants = await backorderableVariantsForInsights({ shop });
  const today = localDateOf(now, timeZone);
  const recent = await unitsBackorderedSince({ shop, since: new Date(now.getTime() - DEMAND_WINDOW_DAYS * 86_400_000) });
  const waitingByVariant = known ?? (await unitsWaitingByVariant({ shop }));
  const pendingByVariant = new Map<string, { expectedOn: IsoDate; quantity: number }[]>();
  for (const b of await pendingBatches({ shop })) {
    if (!isIsoDate(b.expectedOn)) continue;
    pendingByVariant.set(b.backorderVariantId, [...(pendingByVariant.get(b.backorderVariantId) ?? []), { expectedOn: b.expectedOn, quantity: b.quantity }]);
  }
  return variants
    .map((v): DemandRow => {
      const waitingUnits = waitingByVariant.get(v.variantId) ?? 0;
      const pending = pendingByVariant.get(v.id) ?? [];
      const unitsLast28Days = recent.get(v.variantId) ?? 0;
      return {
        variantId: v.variantId,
        title: [v.productTitle, v.variantTitle === "Default Title" ? "" : v.variantTitle].filter(Boolean).join(" – ") || v.variantId,
        path: `/app/products/${number(v.productId)}?variant=${number(v.variantId)}`,
        unitsLast28Days,
        waitingUnits,
        cap: v.cap,
        nextBatch: nextBatchCoverage({ waitingUnits, pending }),
        forecast: forecastPlan({
          unitsInWindow: unitsLast28Days,
          windowDays: DEMAND_WINDOW_DAYS,
          waitingUnits,
          available: v.available,
          pending,
          capacityPerWeek: v.capacityPerWeek,
          leadTimeDays: v.leadTimeDays ?? defaultLeadTimeDays,
          today,
        }),
        version: v.version,
      };
    })
    .sort((a, b) => b.unitsLast28Days - a.unitsLast28Days || b.waitingUnits - a.waitingUnits || a.title.localeCompare(b.title));
}

/** One point per bucket: units waiting at its end (worked back from now) and revenue taken from its orders. */
function buildSeries({
  buckets: { unit, buckets },
  orderedRows,
  ended,
  waitingNow,
}: {
  buckets: TimeBuckets;
  orderedRows: readonly OrderedBucketRow[];
  ended: readonly number[];
  waitingNow: number;
}): Series {
  const ordered = new Array<number>(buckets.length + 1).fill(0);
  const byCurrency = new Map<string, number>();
  for (const r of orderedRows) {
    ordered[r.bucket] = (ordered[r.bucket] ?? 0) + r.units;
    if (r.currency && r.bucket < buckets.length) byCurrency.set(r.currency, (byCurrency.get(r.currency) ?? 0) + r.valueMinor);
  }
  // One currency on the chart: the shop's (the one most revenue was taken in); the card lists any other.
  const currency = [...byCurrency].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const revenue = new Array<number>(buckets.length).fill(0);
  for (const r of orderedRows) if (r.currency === currency && r.bucket < buckets.length) revenue[r.bucket] = (revenue[r.bucket] ?? 0) + r.valueMinor;
  const levels = waitingLevels({ waitingNow, ordered, ended });
  return { unit, currency, points: buckets.map((b, k) => ({ date: b.date, waitingUnits: levels[k] ?? 0, revenueMinor: revenue[k] ?? 0 })) };
}

function summarizeDelayCancellations(rows: readonly { source: string; amount: unknown; currency: string | null; cancellations: number; lines: number; units: number }[]): DelayCancellations {
  const refunded = new Map<string, number>();
  for (const r of rows) {
    const minor = r.currency ? toMinorUnits(r.amount, r.currency) : null;
    if (r.currency && minor !== null && minor > 0) refunded.set(r.currency, (refunded.get(r.currency) ?? 0) + minor * r.cancellations);
  }
  const count = (keep: (r: (typeof rows)[number]) => boolean) => rows.filter(keep).reduce((s, r) => s + r.cancellations, 0);
  return {
    cancellations: count(() => true),
    fromCustomers: count((r) => r.source === "customer"),
    fromStaff: count((r) => r.source !== "customer"),
    lines: rows.reduce((s, r) => s + r.lines, 0),
    units: rows.reduce((s, r) => s + r.units, 0),
    refunded: [...refunded].map(([currency, amountMinor]) => ({ currency, amountMinor })),
  };
}

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
  aggregates = fromRollups,
}: {
  shop: string;
  /** The page's URL parameters: period (30 | 90 | 365 | custom), from and to (custom range). */
  query: { period?: string | null; from?: string | null; to?: string | null };
  /** Shopify's timezone for the shop, asked only when no settings are saved. */
  shopTimeZone: string | (() => Promise<string>);
  now: Date;
  /** Rows of the demand table (the CSV export asks for every variant). */
  demandRows?: number;
  /** Where the additive numbers come from: the roll-ups (the page) or the ledger's lines (the tests' oracle). */
  aggregates?: AggregateSource;
}): Promise<Dashboard> {
  const defaults = async () => ({ timezone: typeof shopTimeZone === "string" ? shopTimeZone : await shopTimeZone() });
  const { timezone: timeZone, defaultLeadTimeDays } = await getShopSettings({ shop, defaults });
  const { range: chosen, problem } = parseInsightsRange(query, localDateOf(now, timeZone));
  const bounds = rangeBounds(chosen, { now, timeZone });
  const range = { shop, from: bounds.from, to: bounds.to };
  const seriesBuckets = timeBuckets(bounds, timeZone);

  const agg = await aggregates({ shop, bounds, timeZone, now, series: seriesBuckets });
  const ordered = agg.ordered;
  const taken = ordered.filter((r) => r.status !== "cancelled");
  const cancelled = ordered.filter((r) => r.status === "cancelled");
  const { orders, waiting, wait, delayNoticesSent } = agg;
  const promises = promiseKeeping(agg.promises);
  const received = (await batchesReceivedIn({ shop, fromDate: bounds.fromDate, toDate: bounds.toDate })).flatMap((b) =>
    b.receivedOn && isIsoDate(b.receivedOn) && isIsoDate(b.expectedOn) ? [{ supplier: b.supplier, expectedOn: b.expectedOn, receivedOn: b.receivedOn }] : [],
  );

  const delayCancellations = summarizeDelayCancellations(await delayCancellationsIn(range));
  const series = buildSeries({ buckets: seriesBuckets, orderedRows: agg.orderedByBucket, ended: agg.endedByBucket, waitingNow: waiting.reduce((s, r) => s + r.units, 0) });
  const demand = await loadDemandRows({ shop, now, timeZone, defaultLeadTimeDays, waitingByVariant: agg.waitingByVariant });

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
    isNew: demand.length === 0 && ordered.length === 0 && waiting.length === 0,
    revenue: { ...money(taken), orders, units: sum(taken, "units") },
    owed: { ...money(waiting), units: waitingUnits, lines: waiting.reduce((s, r) => s + r.lines, 0) },
    cancellations: { ...money(cancelled), lines: sum(cancelled, "lines"), units: sum(cancelled, "units") },
    promises,
    wait,
    delayNoticesSent,
    delayCancellations,
    series,
    suppliers: supplierRows(received),
    demand: { rows: demand.slice(0, demandRows), variants: demand.length, windowDays: DEMAND_WINDOW_DAYS },
    satisfaction: await loadSatisfaction(range),
    cashFlow: await loadCashFlow({ shop, from: bounds.from, to: bounds.to, now, timeZone }),
  };
}

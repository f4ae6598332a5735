// CSV export of the dashboard's tables (suppliers, demand) for a period: plain numbers (days, shares as
// decimals, ISO dates) rather than the page's localized text, so a spreadsheet can compute with them. The
// demand export has every backorderable variant, not only the page's first rows.
import { stringify } from "csv-stringify/sync";
import { currencyDigits } from "~/domain/money";
import { loadDashboard, type Dashboard } from "./dashboard.server";

export const INSIGHTS_TABLES = ["suppliers", "demand", "series", "cashflow"] as const;
export type InsightsTable = (typeof INSIGHTS_TABLES)[number];

export function insightsTableFrom(value: string | null): InsightsTable | null {
  return (INSIGHTS_TABLES as readonly string[]).includes(value ?? "") ? (value as InsightsTable) : null;
}

const round = (n: number, digits = 4) => Number(n.toFixed(digits));

export async function dashboardCsv({
  shop,
  table,
  query,
  shopTimeZone,
  now,
}: {
  shop: string;
  table: InsightsTable;
  query: { period?: string | null; from?: string | null; to?: string | null };
  shopTimeZone: () => Promise<string>;
  now: Date;
}): Promise<{ csv: string; fileName: string }> {
  const dashboard = await loadDashboard({ shop, query, shopTimeZone, now, demandRows: Number.MAX_SAFE_INTEGER });
  const fileName = `${table}-${dashboard.period.firstDay}-to-${dashboard.period.lastDay}.csv`;
  return { csv: csvOf(table, dashboard), fileName };
}

function csvOf(table: InsightsTable, dashboard: Dashboard): string {
  // Titles come from merchants and suppliers: a leading = + - @ is escaped so no spreadsheet runs it.
  const options = { header: true, escape_formulas: true } as const;
  if (table === "series") {
    const { series } = dashboard;
    const digits = series.currency ? currencyDigits(series.currency) : 0;
    return stringify(
      series.points.map((p) => [p.date, series.unit, p.waitingUnits, series.currency ? (p.revenueMinor / 10 ** digits).toFixed(digits) : "", series.currency ?? ""]),
      { ...options, columns: [`${series.unit}_starting`, "bucket", "units_waiting_at_end", "backorder_revenue", "currency"] },
    );
  }
  if (table === "cashflow") {
    const { cashFlow } = dashboard;
    const digits = cashFlow.currency ? currencyDigits(cashFlow.currency) : 0;
    return stringify(
      cashFlow.weeks.map((w) => [w.weekOf ?? "", w.orders, (w.amountMinor / 10 ** digits).toFixed(digits), cashFlow.currency ?? ""]),
      { ...options, columns: ["week_of", "orders", "balance_due", "currency"] },
    );
  }
  if (table === "suppliers") {
    return stringify(
      dashboard.suppliers.map((s) => [s.supplier ?? "", s.batches, s.p50Days, s.p80Days, s.maxDays, round(s.onTimeShare)]),
      { ...options, columns: ["supplier", "batches_received", "median_lateness_days", "p80_lateness_days", "max_lateness_days", "on_time_share"] },
    );
  }
  return stringify(
    dashboard.demand.rows.map((r) => [
      r.title,
      r.variantId,
      r.unitsLast28Days,
      r.waitingUnits,
      r.cap ?? "",
      r.nextBatch?.expectedOn ?? "",
      r.nextBatch?.quantity ?? "",
      r.nextBatch?.promisedUnits ?? "",
      r.nextBatch ? round(r.nextBatch.promisedShare) : "",
      r.nextBatch?.waitingBeyond ?? "",
      round(r.forecast.velocityPerDay),
      r.forecast.nextBatch ? round(r.forecast.nextBatch.forecastShare) : "",
      r.forecast.nextBatch?.fullOn ?? "",
      r.forecast.horizonDays,
      r.forecast.demandOverHorizon,
      r.forecast.reorderUnits ?? 0,
      r.forecast.coverage,
    ]),
    {
      ...options,
      columns: [
        "variant",
        "variant_id",
        `units_backordered_last_${dashboard.demand.windowDays}_days`,
        "units_waiting",
        "cap",
        "next_batch_expected_on",
        "next_batch_quantity",
        "next_batch_promised_units",
        "next_batch_promised_share",
        "units_waiting_beyond_next_batch",
        "forecast_units_per_day",
        "next_batch_forecast_share_at_arrival",
        "next_batch_full_on",
        "lead_time_days",
        "forecast_units_over_lead_time",
        "reorder_units",
        "coverage_cap",
      ],
    },
  );
}

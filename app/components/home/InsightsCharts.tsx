// The dashboard's charts (@shopify/polaris-viz), loaded only in the browser and on demand (ChartsSection):
// waiting units and revenue over time as lines, promises kept as a donut, supplier lateness as bars. Each chart
// is an image to screen readers (role="img" with its numbers in the label); the tables beside it (the series
// behind "Show the numbers", promise counts here, the suppliers table below) hold the same numbers.
import { useState, type ReactNode } from "react";
import { BarChart, DonutChart, LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { BlockStack, Button, Card, Collapsible, DataTable, InlineGrid, InlineStack, Text } from "@shopify/polaris";
import { formatDate } from "~/domain/format";
import { currencyDigits, formatMoney } from "~/domain/money";
import { ExportButton } from "./ExportButton";
import { useT } from "~/i18n/react";
import { countText } from "./format";
import type { ChartsData, DashboardView } from "./types";

export default function InsightsCharts({ promises, suppliers, series, period }: Omit<ChartsData, "series"> & { series: ChartsData["series"] | null }) {
  const { t, locale } = useT();
  const onTime = t("insights.charts.onTime");
  const late = t("insights.charts.late");
  const median = t("insights.suppliers.median");
  const p80 = t("insights.suppliers.p80");
  const name = (s: DashboardView["suppliers"][number]) => s.supplier ?? t("insights.suppliers.unnamed");
  return (
    <PolarisVizProvider>
      <BlockStack gap="400">
        {series ? <SeriesCharts series={series} period={period} /> : null}
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
          {promises.judged > 0 ? (
            <ChartCard
              title={t("insights.charts.promisesTitle")}
              label={t("insights.charts.promisesLabel", { onTime: promises.onTime, late: promises.late })}
              chart={
                <DonutChart
                  theme="Light"
                  showLegend
                  data={[
                    { name: onTime, data: [{ key: onTime, value: promises.onTime }] },
                    { name: late, data: [{ key: late, value: promises.late }] },
                  ]}
                />
              }
            >
              <DataTable
                columnContentTypes={["numeric", "numeric", "numeric"]}
                headings={[onTime, late, t("insights.charts.notDue")]}
                rows={[[countText(promises.onTime, locale), countText(promises.late, locale), countText(promises.pending, locale)]]}
              />
            </ChartCard>
          ) : null}
          {suppliers.length > 0 ? (
            <ChartCard
              title={t("insights.charts.suppliersTitle")}
              label={suppliers.map((s) => t("insights.charts.supplierLabel", { supplier: name(s), median: s.p50Days, p80: s.p80Days })).join("; ")}
              chart={
                <BarChart
                  theme="Light"
                  showLegend
                  data={[
                    { name: median, data: suppliers.map((s) => ({ key: name(s), value: s.p50Days })) },
                    { name: p80, data: suppliers.map((s) => ({ key: name(s), value: s.p80Days })) },
                  ]}
                />
              }
            >
              <Text as="p" variant="bodySm" tone="subdued">
                {t("insights.charts.suppliersTable")}
              </Text>
            </ChartCard>
          ) : null}
        </InlineGrid>
      </BlockStack>
    </PolarisVizProvider>
  );
}

/** A chart in a card: its title, the chart as an image named by its numbers, then what holds the same numbers. */
function ChartCard({ title, label, chart, children }: { title: string; label: string; chart: ReactNode; children?: ReactNode }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h3" variant="headingSm">
          {title}
        </Text>
        <div role="img" aria-label={label} style={{ height: 220 }}>
          {chart}
        </div>
        {children}
      </BlockStack>
    </Card>
  );
}

/**
 * polaris-viz's line chart makes each point focusable and its SVG a table: inside an image they are interactive
 * content a screen reader cannot reach properly (axe: nested-interactive). The image's label and the table behind
 * "Show the numbers" carry the numbers, so the drawing itself is inert and hidden from assistive technology.
 */
const noFocus = { "aria-hidden": true, inert: "", style: { height: "100%" } } as const;

/** Waiting units and revenue over time: two line charts (their scales differ) and one table of both. */
function SeriesCharts({ series, period }: Pick<ChartsData, "series" | "period">) {
  const { t, locale } = useT();
  const [open, setOpen] = useState(false);
  const label = (date: string) => formatDate(date, locale);
  const scale = series.currency ? 10 ** currencyDigits(series.currency) : 1;
  const money = (minor: number) => (series.currency ? formatMoney(minor, series.currency, locale) : countText(minor, locale));
  const waitingName = t("insights.series.waiting");
  const revenueName = t("insights.series.revenue");
  const last = series.points.at(-1);
  const bucket = t(`insights.series.${series.unit}`);
  const total = series.points.reduce((s, p) => s + p.revenueMinor, 0);
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="start" gap="200">
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              {t("insights.series.title")}
            </Text>
            <Text as="p" variant="bodySm" tone="subdued">
              {t("insights.series.description", { bucket })}
            </Text>
          </BlockStack>
          <ExportButton table="series" firstDay={period.firstDay} lastDay={period.lastDay} />
        </InlineStack>
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
          <div
            role="img"
            aria-label={t("insights.series.waitingLabel", { bucket, count: series.points.length, last: countText(last?.waitingUnits ?? 0, locale) })}
            style={{ height: 220 }}
          >
            <div {...noFocus}>
              <LineChart theme="Light" showLegend data={[{ name: waitingName, data: series.points.map((p) => ({ key: label(p.date), value: p.waitingUnits })) }]} />
            </div>
          </div>
          <div role="img" aria-label={t("insights.series.revenueLabel", { bucket, total: money(total) })} style={{ height: 220 }}>
            <div {...noFocus}>
              <LineChart theme="Light" showLegend data={[{ name: revenueName, data: series.points.map((p) => ({ key: label(p.date), value: p.revenueMinor / scale })) }]} />
            </div>
          </div>
        </InlineGrid>
        <div>
          <Button variant="plain" onClick={() => setOpen((v) => !v)} ariaExpanded={open} ariaControls="insights-series-table" disclosure={open ? "up" : "down"}>
            {open ? t("insights.series.hideTable") : t("insights.series.showTable")}
          </Button>
        </div>
        <Collapsible id="insights-series-table" open={open}>
          <DataTable
            columnContentTypes={["text", "numeric", "numeric"]}
            headings={[t(`insights.series.${series.unit}Heading`), waitingName, revenueName]}
            rows={series.points.map((p) => [label(p.date), countText(p.waitingUnits, locale), money(p.revenueMinor)])}
          />
        </Collapsible>
      </BlockStack>
    </Card>
  );
}

// The dashboard's charts (@shopify/polaris-viz), loaded only in the browser and on demand (ChartsSection):
// promises kept as a donut, supplier lateness as bars. Each chart is an image to screen readers (role="img"
// with its numbers in the label); the tables beside it (promise counts here, the suppliers table below) hold
// the same numbers.
import { BarChart, DonutChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { BlockStack, Card, DataTable, InlineGrid, Text } from "@shopify/polaris";
import { useT } from "~/i18n/react";
import { countText } from "./format";
import type { DashboardView } from "./types";

export default function InsightsCharts({ promises, suppliers }: { promises: DashboardView["promises"]; suppliers: DashboardView["suppliers"] }) {
  const { t, locale } = useT();
  const onTime = t("insights.charts.onTime");
  const late = t("insights.charts.late");
  const median = t("insights.suppliers.median");
  const p80 = t("insights.suppliers.p80");
  const name = (s: DashboardView["suppliers"][number]) => s.supplier ?? t("insights.suppliers.unnamed");
  return (
    <PolarisVizProvider>
      <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
        {promises.judged > 0 ? (
          <Card>
            <BlockStack gap="300">
              <Text as="h3" variant="headingSm">
                {t("insights.charts.promisesTitle")}
              </Text>
              <div role="img" aria-label={t("insights.charts.promisesLabel", { onTime: promises.onTime, late: promises.late })} style={{ height: 220 }}>
                <DonutChart
                  theme="Light"
                  showLegend
                  data={[
                    { name: onTime, data: [{ key: onTime, value: promises.onTime }] },
                    { name: late, data: [{ key: late, value: promises.late }] },
                  ]}
                />
              </div>
              <DataTable
                columnContentTypes={["numeric", "numeric", "numeric"]}
                headings={[onTime, late, t("insights.charts.notDue")]}
                rows={[[countText(promises.onTime, locale), countText(promises.late, locale), countText(promises.pending, locale)]]}
              />
            </BlockStack>
          </Card>
        ) : null}
        {suppliers.length > 0 ? (
          <Card>
            <BlockStack gap="300">
              <Text as="h3" variant="headingSm">
                {t("insights.charts.suppliersTitle")}
              </Text>
              <div
                role="img"
                aria-label={suppliers.map((s) => t("insights.charts.supplierLabel", { supplier: name(s), median: s.p50Days, p80: s.p80Days })).join("; ")}
                style={{ height: 220 }}
              >
                <BarChart
                  theme="Light"
                  showLegend
                  data={[
                    { name: median, data: suppliers.map((s) => ({ key: name(s), value: s.p50Days })) },
                    { name: p80, data: suppliers.map((s) => ({ key: name(s), value: s.p80Days })) },
                  ]}
                />
              </div>
              <Text as="p" variant="bodySm" tone="subdued">
                {t("insights.charts.suppliersTable")}
              </Text>
            </BlockStack>
          </Card>
        ) : null}
      </InlineGrid>
    </PolarisVizProvider>
  );
}

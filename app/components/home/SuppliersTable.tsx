// Suppliers over the period: batches received, median and p80 lateness, share on time. A DataTable, so
// screen readers announce each cell with its column heading.
import { BlockStack, Card, DataTable, Text } from "@shopify/polaris";
import { CardHeader } from "~/components/CardHeader";
import { useT } from "~/i18n/react";
import { ExportButton } from "./ExportButton";
import { countText, daysText, percentText } from "./format";
import type { DashboardView } from "./types";

export function SuppliersTable({ suppliers, period }: { suppliers: DashboardView["suppliers"]; period: DashboardView["period"] }) {
  const { t, locale } = useT();
  return (
    <Card>
      <BlockStack gap="300">
        <CardHeader title={t("insights.suppliers.title")} description={t("insights.suppliers.description")}>
          {suppliers.length > 0 ? <ExportButton table="suppliers" firstDay={period.firstDay} lastDay={period.lastDay} /> : null}
        </CardHeader>
        {suppliers.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("insights.suppliers.empty")}
          </Text>
        ) : (
          <DataTable
            columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric"]}
            headings={[t("insights.suppliers.supplier"), t("insights.suppliers.batches"), t("insights.suppliers.median"), t("insights.suppliers.p80"), t("insights.suppliers.onTime")]}
            rows={suppliers.map((s) => [
              s.supplier ?? t("insights.suppliers.unnamed"),
              countText(s.batches, locale),
              daysText(s.p50Days, locale, t),
              daysText(s.p80Days, locale, t),
              percentText(s.onTimeShare, locale),
            ])}
          />
        )}
      </BlockStack>
    </Card>
  );
}

// Demand per backorderable variant: units backordered lately, units waiting now, and how much of the next
// batch those waiting customers already hold ("the 22 Dec batch is already 90% promised").
import { BlockStack, Card, DataTable, Link, Text } from "@shopify/polaris";
import { CardHeader } from "~/components/CardHeader";
import { formatDate } from "~/domain/format";
import { useT } from "~/i18n/react";
import { ExportButton } from "./ExportButton";
import { countText, percentText } from "./format";
import type { DashboardView } from "./types";

export function DemandTable({ demand, period }: { demand: DashboardView["demand"]; period: DashboardView["period"] }) {
  const { t, locale } = useT();
  const days = demand.windowDays;
  return (
    <Card>
      <BlockStack gap="300">
        <CardHeader title={t("insights.demand.title")} description={t("insights.demand.description", { days })}>
          {demand.rows.length > 0 ? <ExportButton table="demand" firstDay={period.firstDay} lastDay={period.lastDay} /> : null}
        </CardHeader>
        {demand.rows.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("insights.demand.empty")}
          </Text>
        ) : (
          <>
            <DataTable
              columnContentTypes={["text", "numeric", "numeric", "text", "text"]}
              headings={[t("insights.demand.variant"), t("insights.demand.recent", { days }), t("insights.demand.waiting"), t("insights.demand.nextBatch"), t("insights.demand.promised")]}
              rows={demand.rows.map((row) => [
                <Link key={row.variantId} url={row.path}>
                  {row.title}
                </Link>,
                countText(row.unitsLast28Days, locale),
                countText(row.waitingUnits, locale),
                row.nextBatch
                  ? t("insights.demand.batch", { date: formatDate(row.nextBatch.expectedOn, locale, { year: true }), quantity: countText(row.nextBatch.quantity, locale) })
                  : t("insights.demand.noBatch"),
                row.nextBatch
                  ? [
                      t("insights.demand.share", { percent: percentText(row.nextBatch.promisedShare, locale) }),
                      row.nextBatch.waitingBeyond > 0 ? t("insights.demand.beyond", { count: row.nextBatch.waitingBeyond }) : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")
                  : t("insights.none"),
              ])}
            />
            {demand.variants > demand.rows.length ? (
              <Text as="p" variant="bodySm" tone="subdued">
                {t("insights.demand.more", { shown: demand.rows.length, total: demand.variants })}
              </Text>
            ) : null}
          </>
        )}
      </BlockStack>
    </Card>
  );
}

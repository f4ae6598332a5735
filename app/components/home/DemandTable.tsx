// Demand per backorderable variant: units backordered lately, units waiting now, and how much of the next
// batch those waiting customers already hold ("the 22 Dec batch is already 90% promised").
import { useState } from "react";
import { BlockStack, Card, DataTable, Link, Text } from "@shopify/polaris";
import { CardHeader } from "~/components/CardHeader";
import { formatDate } from "~/domain/format";
import { useT } from "~/i18n/react";
import { ExportButton } from "./ExportButton";
import { CapAtForecastButton, CapAtForecastModal, type CapTarget } from "./CapAtForecast";
import { countText, percentText } from "./format";
import type { DashboardView } from "./types";

export function DemandTable({ demand, period }: { demand: DashboardView["demand"]; period: DashboardView["period"] }) {
  const { t, locale } = useT();
  const days = demand.windowDays;
  const [capping, setCapping] = useState<CapTarget | null>(null);
  const forecastText = (row: DashboardView["demand"]["rows"][number]) => {
    const next = row.forecast.nextBatch;
    if (!next) return t("insights.none");
    return next.fullOn && next.fullOn <= next.expectedOn
      ? t("insights.demand.fullBefore", { date: formatDate(next.fullOn, locale, { year: true }) })
      : t("insights.demand.forecastShare", { percent: percentText(next.forecastShare, locale) });
  };
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
              columnContentTypes={["text", "numeric", "numeric", "text", "text", "text", "text"]}
              headings={[
                t("insights.demand.variant"),
                t("insights.demand.recent", { days }),
                t("insights.demand.waiting"),
                t("insights.demand.nextBatch"),
                t("insights.demand.promised"),
                t("insights.demand.forecast"),
                t("insights.demand.advice"),
              ]}
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
                forecastText(row),
                <BlockStack key={`advice-${row.variantId}`} gap="100" inlineAlign="start">
                  <Text as="span">
                    {row.forecast.reorderUnits !== null
                      ? t("insights.demand.reorder", { count: row.forecast.reorderUnits, days: row.forecast.horizonDays })
                      : t("insights.demand.covered", { days: row.forecast.horizonDays })}
                  </Text>
                  <CapAtForecastButton
                    target={{
                      variantId: row.variantId,
                      title: row.title,
                      coverage: row.forecast.coverage,
                      cap: row.cap,
                      waitingUnits: row.waitingUnits,
                      horizonDays: row.forecast.horizonDays,
                      version: row.version,
                    }}
                    onOpen={setCapping}
                  />
                </BlockStack>,
              ])}
            />
            <CapAtForecastModal target={capping} onClose={() => setCapping(null)} />
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

// The dashboard's headline numbers for the period, one card each, with what each number covers underneath.
import type { ReactNode } from "react";
import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import { useT } from "~/i18n/react";
import { countText, daysText, moneyText, percentText, unpricedNote } from "./format";
import type { DashboardView } from "./types";

export function SummaryCards({ dashboard }: { dashboard: DashboardView }) {
  const { t, locale } = useT();
  const { revenue, owed, promises, wait, cancellations, delayCancellations } = dashboard;
  return (
    <InlineGrid columns={{ xs: 1, sm: 2, lg: 4 }} gap="400">
      <Metric label={t("insights.revenue")} value={moneyText(revenue, locale, t)} notes={[t("insights.revenue.help", { count: revenue.orders }), unpricedNote(revenue, t)]} />
      <Metric label={t("insights.owed")} value={moneyText(owed, locale, t)} notes={[t("insights.owed.help"), unpricedNote(owed, t)]} />
      <Metric label={t("insights.unitsWaiting")} value={countText(owed.units, locale)} notes={[t("insights.unitsWaiting.help", { count: owed.lines })]} />
      <Metric
        label={t("insights.onTime")}
        value={promises.onTimeRate === null ? t("insights.none") : percentText(promises.onTimeRate, locale)}
        notes={[
          promises.onTimeRate === null ? t("insights.onTime.none") : t("insights.onTime.help", { onTime: promises.onTime, judged: promises.judged }),
          promises.pending > 0 ? t("insights.onTime.pending", { count: promises.pending }) : null,
        ]}
      />
      <Metric
        label={t("insights.wait")}
        value={
          wait.averageDays === null || wait.p90Days === null
            ? t("insights.none")
            : t("insights.wait.value", { average: daysText(wait.averageDays, locale, t), p90: daysText(wait.p90Days, locale, t) })
        }
        notes={[wait.lines > 0 ? t("insights.wait.help", { count: wait.lines }) : t("insights.wait.none")]}
      />
      <Metric label={t("insights.delayNotices")} value={countText(dashboard.delayNoticesSent, locale)} notes={[t("insights.delayNotices.help")]} />
      <Metric
        label={t("insights.cancellations")}
        value={countText(cancellations.lines, locale)}
        notes={[
          [t("insights.cancellations.help", { count: cancellations.units }), cancellations.totals.length > 0 ? moneyText(cancellations, locale, t) : null].filter(Boolean).join(" · "),
          unpricedNote(cancellations, t),
        ]}
      />
      <Metric
        label={t("insights.delayCancellations")}
        value={countText(delayCancellations.cancellations, locale)}
        notes={[
          delayCancellations.refunded.length > 0
            ? t("insights.delayCancellations.refunded", { amount: moneyText({ totals: delayCancellations.refunded, unpricedLines: 0 }, locale, t), count: delayCancellations.units })
            : t("insights.delayCancellations.units", { count: delayCancellations.units }),
          delayCancellations.cancellations > 0
            ? t("insights.delayCancellations.who", { customers: delayCancellations.fromCustomers, staff: delayCancellations.fromStaff })
            : t("insights.delayCancellations.help"),
        ]}
      />
    </InlineGrid>
  );
}

function Metric({ label, value, notes }: { label: string; value: ReactNode; notes: (string | null)[] }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm" tone="subdued">
          {label}
        </Text>
        <Text as="p" variant="headingLg">
          {value}
        </Text>
        {notes.filter(Boolean).map((note) => (
          <Text key={note} as="p" variant="bodySm" tone="subdued">
            {note}
          </Text>
        ))}
      </BlockStack>
    </Card>
  );
}

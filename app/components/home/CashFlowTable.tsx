// Deposits and pay later on the dashboard: deposits taken and balances collected in the period, what is still
// due, and the balances expected week by week (a DataTable, with its CSV export like the other tables).
import { BlockStack, Card, DataTable, InlineGrid, Text } from "@shopify/polaris";
import { CardHeader } from "~/components/CardHeader";
import { formatMoney } from "~/domain/money";
import { formatDate } from "~/domain/format";
import { useT } from "~/i18n/react";
import { ExportButton } from "./ExportButton";
import { countText, moneyText } from "./format";
import type { DashboardView } from "./types";

export function CashFlowTable({ cashFlow, period }: { cashFlow: DashboardView["cashFlow"]; period: DashboardView["period"] }) {
  const { t, locale } = useT();
  const figure = (label: string, value: string) => (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="headingLg">
        {value}
      </Text>
    </BlockStack>
  );
  const total = (totals: { currency: string; amountMinor: number }[]) => moneyText({ totals, unpricedLines: 0 }, locale, t);
  return (
    <Card>
      <BlockStack gap="300">
        <CardHeader title={t("insights.cashflow.title")} description={t("insights.cashflow.description")}>
          {cashFlow.weeks.length > 0 ? <ExportButton table="cashflow" firstDay={period.firstDay} lastDay={period.lastDay} /> : null}
        </CardHeader>
        <InlineGrid columns={{ xs: 1, sm: 3 }} gap="300">
          {figure(t("insights.cashflow.deposits"), total(cashFlow.deposits))}
          {figure(t("insights.cashflow.collected"), total(cashFlow.collected))}
          {figure(t("insights.cashflow.due"), total(cashFlow.due))}
        </InlineGrid>
        {cashFlow.weeks.length === 0 || !cashFlow.currency ? (
          <Text as="p" tone="subdued">
            {t("insights.cashflow.empty")}
          </Text>
        ) : (
          <DataTable
            columnContentTypes={["text", "numeric", "numeric"]}
            headings={[t("insights.cashflow.week"), t("insights.cashflow.orders"), t("insights.cashflow.amount")]}
            rows={cashFlow.weeks.map((w) => [
              w.weekOf ? formatDate(w.weekOf, locale) : t("insights.cashflow.noDate"),
              countText(w.orders, locale),
              formatMoney(w.amountMinor, cashFlow.currency as string, locale),
            ])}
          />
        )}
      </BlockStack>
    </Card>
  );
}

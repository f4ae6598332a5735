// Customer satisfaction after delivery (the survey's answers in the period): average score by wait length and by
// whether the order was late, drawn as bars (an image to screen readers, named by its numbers) with the same
// numbers in a DataTable, and the latest answers with their comments, each linked to its order in the support desk.
import { BlockStack, Box, Card, DataTable, InlineGrid, Link, Text } from "@shopify/polaris";
import { CardHeader } from "~/components/CardHeader";
import { useT } from "~/i18n/react";
import { countText } from "./format";
import type { DashboardView } from "./types";

type Satisfaction = DashboardView["satisfaction"];
type Group = Satisfaction["overall"];

function averageText(group: Group, locale: string): string {
  return group.average === null ? "—" : new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(group.average);
}

function Bars({ title, rows }: { title: string; rows: { label: string; group: Group }[] }) {
  const { t, locale } = useT();
  const label = rows.map((r) => t("insights.satisfaction.barLabel", { group: r.label, average: averageText(r.group, locale), count: r.group.answers })).join("; ");
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {title}
      </Text>
      <div role="img" aria-label={label}>
        <BlockStack gap="100">
          {rows.map((r) => (
            <InlineGrid key={r.label} columns="8rem 1fr 3rem" gap="200" alignItems="center">
              <Text as="span" variant="bodySm">
                {r.label}
              </Text>
              <div style={{ background: "var(--p-color-bg-surface-secondary)", borderRadius: 4, height: 12 }}>
                <div style={{ width: `${((r.group.average ?? 0) / 5) * 100}%`, background: "var(--p-color-bg-fill-info)", borderRadius: 4, height: 12 }} />
              </div>
              <Text as="span" variant="bodySm" alignment="end">
                {averageText(r.group, locale)}
              </Text>
            </InlineGrid>
          ))}
        </BlockStack>
      </div>
    </BlockStack>
  );
}

export function SatisfactionSection({ satisfaction }: { satisfaction: Satisfaction }) {
  const { t, locale } = useT();
  const byWait = satisfaction.byWait.map((w) => ({ label: t(`insights.satisfaction.wait.${w.bucket}`), group: w.group }));
  const byDelay = satisfaction.byDelay.map((d) => ({ label: t(d.delayed ? "insights.satisfaction.late" : "insights.satisfaction.onTime"), group: d.group }));
  const row = (r: { label: string; group: Group }) => [r.label, countText(r.group.answers, locale), averageText(r.group, locale), countText(r.group.satisfied, locale)];
  return (
    <Card>
      <BlockStack gap="400">
        <CardHeader
          title={t("insights.satisfaction.title")}
          description={
            satisfaction.overall.answers > 0
              ? t("insights.satisfaction.average", { average: averageText(satisfaction.overall, locale), count: satisfaction.overall.answers })
              : t("insights.satisfaction.empty")
          }
        />
        {satisfaction.overall.answers === 0 ? null : (
          <>
            <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
              <Bars title={t("insights.satisfaction.byWait")} rows={byWait} />
              <Bars title={t("insights.satisfaction.byDelay")} rows={byDelay} />
            </InlineGrid>
            <DataTable
              columnContentTypes={["text", "numeric", "numeric", "numeric"]}
              headings={[t("insights.satisfaction.group"), t("insights.satisfaction.answers"), t("insights.satisfaction.averageColumn"), t("insights.satisfaction.satisfied")]}
              rows={[...byWait, ...byDelay].map(row)}
            />
            <Text as="p" variant="bodySm" tone="subdued">
              {t("insights.satisfaction.dateAccurate", { yes: satisfaction.dateAccurate.yes, no: satisfaction.dateAccurate.no })}
            </Text>
          </>
        )}
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            {t("insights.satisfaction.latest")}
          </Text>
          {satisfaction.latest.length === 0 ? (
            <Text as="p" tone="subdued">
              {t("insights.satisfaction.noComments")}
            </Text>
          ) : (
            <BlockStack gap="200" as="ul">
              {satisfaction.latest.map((c) => (
                <Box as="li" key={`${c.path}`}>
                  <Link url={c.path}>{t("insights.satisfaction.comment", { order: c.orderName, score: c.score ?? "—" })}</Link>
                  {c.comment ? <Text as="p">{c.comment}</Text> : null}
                </Box>
              ))}
            </BlockStack>
          )}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}

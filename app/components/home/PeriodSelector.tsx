// The dashboard's period (?period=30|90|365): changing it loads the page again for that period, and the
// cards and tables say they are updating meanwhile.
import { useNavigation, useSearchParams } from "@remix-run/react";
import { InlineStack, Select, Spinner, Text } from "@shopify/polaris";
import { formatDate } from "~/domain/format";
import { useT } from "~/i18n/react";

export function PeriodSelector({
  days,
  options,
  firstDay,
  lastDay,
  timeZone,
}: {
  days: number;
  options: readonly number[];
  firstDay: string;
  lastDay: string;
  timeZone: string;
}) {
  const { t, locale } = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/app";
  return (
    <InlineStack gap="400" blockAlign="end" wrap>
      <Select
        label={t("insights.period.label")}
        options={options.map((value) => ({ value: String(value), label: t(`insights.period.${value}`) }))}
        value={String(days)}
        onChange={(value) => {
          const next = new URLSearchParams(searchParams);
          next.set("period", value);
          setSearchParams(next);
        }}
      />
      <Text as="p" tone="subdued">
        {t("insights.period.range", { from: formatDate(firstDay, locale, { year: true }), to: formatDate(lastDay, locale, { year: true }), timeZone })}
      </Text>
      {loading ? (
        <InlineStack gap="200" blockAlign="center">
          <Spinner size="small" accessibilityLabel={t("insights.loading")} />
          <Text as="span" tone="subdued" aria-live="polite">
            {t("insights.loading")}
          </Text>
        </InlineStack>
      ) : null}
    </InlineStack>
  );
}

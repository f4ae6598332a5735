// The dashboard's period: last 30 / 90 / 365 days (?period=…, the page loads again at once) or a custom range
// (?period=custom&from=…&to=…, applied with a button). A custom range the loader could not use comes back with
// the reason, shown next to its dates, and the dashboard shows the default period meanwhile.
import { useState } from "react";
import { useNavigation, useSearchParams } from "@remix-run/react";
import { BlockStack, Button, InlineStack, Select, Spinner, Text, TextField } from "@shopify/polaris";
import { formatDate } from "~/domain/format";
import { useT } from "~/i18n/react";
import type { DashboardView } from "./types";

export function PeriodSelector({ period, options, timeZone }: { period: DashboardView["period"]; options: readonly number[]; timeZone: string }) {
  const { t, locale } = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/app";
  // A refused custom range keeps the selector on "custom" with what the merchant typed.
  const askedCustom = searchParams.get("period") === "custom";
  const [choice, setChoice] = useState(askedCustom ? "custom" : period.key);
  const [from, setFrom] = useState(searchParams.get("from") ?? period.firstDay);
  const [to, setTo] = useState(searchParams.get("to") ?? period.lastDay);
  const go = (params: Record<string, string>) => {
    const next = new URLSearchParams(searchParams);
    for (const key of ["period", "from", "to"]) next.delete(key);
    for (const [key, value] of Object.entries(params)) next.set(key, value);
    setSearchParams(next);
  };
  const problem = period.problem;
  return (
    <BlockStack gap="300">
      <InlineStack gap="400" blockAlign="end" wrap>
        <Select
          label={t("insights.period.label")}
          options={[
            ...options.map((value) => ({ value: String(value), label: t(`insights.period.${value}`) })),
            { value: "custom", label: t("insights.period.custom") },
          ]}
          value={choice}
          onChange={(value) => {
            setChoice(value);
            if (value !== "custom") go({ period: value });
          }}
        />
        {choice === "custom" ? (
          <>
            <TextField
              label={t("insights.period.from")}
              type="date"
              value={from}
              onChange={setFrom}
              autoComplete="off"
              error={problem === "invalid" ? t("insights.period.problem.invalid") : undefined}
            />
            <TextField
              label={t("insights.period.to")}
              type="date"
              value={to}
              onChange={setTo}
              autoComplete="off"
              error={problem && problem !== "invalid" ? t(`insights.period.problem.${problem}`) : undefined}
            />
            <Button onClick={() => go({ period: "custom", from, to })}>{t("insights.period.apply")}</Button>
          </>
        ) : null}
        {loading ? (
          <InlineStack gap="200" blockAlign="center">
            <Spinner size="small" accessibilityLabel={t("insights.loading")} />
            <Text as="span" tone="subdued">
              {t("insights.loading")}
            </Text>
          </InlineStack>
        ) : null}
      </InlineStack>
      <Text as="p" tone="subdued">
        {t("insights.period.range", { from: formatDate(period.firstDay, locale, { year: true }), to: formatDate(period.lastDay, locale, { year: true }), timeZone })}
      </Text>
    </BlockStack>
  );
}

// "Export CSV" for one dashboard table (/app/insights.csv, same period as the page), fetched with the session
// token and saved as a file.
import { useState } from "react";
import { useSearchParams } from "@remix-run/react";
import { BlockStack, Button, Text } from "@shopify/polaris";
import { downloadFile } from "~/components/download-file";
import { useT } from "~/i18n/react";

export function ExportButton({ table, firstDay, lastDay }: { table: "suppliers" | "demand" | "series" | "cashflow"; firstDay: string; lastDay: string }) {
  const [searchParams] = useSearchParams();
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const exportTable = () => {
    setBusy(true);
    setFailed(false);
    // The page's own period parameters, so the file holds what the page shows.
    const query = new URLSearchParams({ table });
    for (const key of ["period", "from", "to"]) {
      const value = searchParams.get(key);
      if (value !== null) query.set(key, value);
    }
    downloadFile(`/app/insights.csv?${query}`, `${table}-${firstDay}-to-${lastDay}.csv`)
      .catch(() => setFailed(true))
      .finally(() => setBusy(false));
  };
  return (
    <BlockStack gap="100" inlineAlign="start">
      <Button onClick={exportTable} loading={busy} accessibilityLabel={t(`insights.export.${table}`)}>
        {t("insights.export")}
      </Button>
      <div role="status">
        {failed ? (
          <Text as="p" tone="critical">
            {t("insights.export.failed")}
          </Text>
        ) : null}
      </div>
    </BlockStack>
  );
}

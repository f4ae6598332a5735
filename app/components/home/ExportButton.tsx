// "Export CSV" for one dashboard table (/app/insights.csv), fetched with the session token and saved as a file.
import { useState } from "react";
import { BlockStack, Button, Text } from "@shopify/polaris";
import { downloadFile } from "~/components/download-file";
import { useT } from "~/i18n/react";

export function ExportButton({ table, days }: { table: "suppliers" | "demand"; days: number }) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const exportTable = () => {
    setBusy(true);
    setFailed(false);
    downloadFile(`/app/insights.csv?table=${table}&period=${days}`, `${table}-last-${days}-days.csv`)
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

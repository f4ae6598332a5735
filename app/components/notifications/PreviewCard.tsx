// The template editor's live preview: the rendered subject and email, with a spinner while it re-renders.
import { Banner, BlockStack, Card, InlineStack, Spinner, Text } from "@shopify/polaris";
import { useT } from "~/i18n/react";
import { CardHeader } from "~/components/CardHeader";
import { EmailFrame } from "~/notifications/ui";

export interface PreviewEmail {
  subject: string;
  html: string;
}

export function PreviewCard({ preview, loading, invalid }: { preview: PreviewEmail | null; loading: boolean; invalid: boolean }) {
  const { t } = useT();
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <CardHeader title={t("notifications.preview.title")} description={t("notifications.preview.description")} />
          {loading ? <Spinner size="small" accessibilityLabel={t("notifications.preview.loading")} /> : null}
        </InlineStack>
        {invalid ? <Banner tone="warning">{t("notifications.preview.invalid")}</Banner> : null}
        {preview ? (
          <BlockStack gap="200">
            <Text as="p">
              <Text as="span" fontWeight="semibold">
                {t("notifications.preview.subjectLabel")}
              </Text>{" "}
              {preview.subject}
            </Text>
            <EmailFrame html={preview.html} title={t("notifications.preview.frame")} />
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

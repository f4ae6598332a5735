// What shoppers see for the variant now: in stock, closed (and why), or on backorder with the estimated
// delivery per mode, the maximum quantity and how sure the estimate is.
import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { DELIVERY_MODES } from "~/domain/types";
import { formatDateRange } from "~/domain/format";
import type { CardProps } from "./shared";

export function ShopperPreviewCard({ editor, t, locale }: CardProps) {
  const preview = editor.preview;
  const summary = preview?.summary;
  const language = locale === "fr" ? "fr" : "en";
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("product.preview.title")}
        </Text>
        {/* A live region, and what the tests read: a raw div, as Polaris' stacks take no ARIA or data attributes. */}
        <div aria-live="polite" data-testid="shopper-preview">
          {editor.problem ? (
            <Text as="p" tone="critical">
              {t(`product.problem.${editor.problem.kind}`)}
            </Text>
          ) : !summary ? (
            <Text as="p" tone="subdued">
              {t("product.preview.notManaged")}
            </Text>
          ) : !summary.backorder && editor.variant.available > 0 ? (
            <Badge tone="success">{t("product.preview.inStock")}</Badge>
          ) : !summary.backorder ? (
            <Text as="p">{t("product.preview.closed", { reason: t(`product.reason.${preview.decision.reason}`) })}</Text>
          ) : (
            <BlockStack gap="200">
              <InlineStack>
                <Badge tone="attention">{t("product.preview.backorder")}</Badge>
              </InlineStack>
              {summary.message?.[language] && <Text as="p">{summary.message[language]}</Text>}
              {DELIVERY_MODES.map((mode) => {
                const range = summary.next[mode];
                if (!range) return null;
                return (
                  <BlockStack key={mode} gap="050">
                    <Text as="p" tone="subdued">
                      {t(`product.mode.${mode}`)}
                    </Text>
                    <Text as="p" fontWeight="semibold">
                      {t("product.preview.estimated", { range: formatDateRange(range, locale) })}
                    </Text>
                  </BlockStack>
                );
              })}
              {summary.maxQty !== null && <Text as="p">{t("product.preview.maxQty", { count: summary.maxQty })}</Text>}
              <Text as="p" tone="subdued">
                {t(`product.preview.confidence.${summary.confidence}`)}
              </Text>
            </BlockStack>
          )}
        </div>
      </BlockStack>
    </Card>
  );
}

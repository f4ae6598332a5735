// The variant's waiting queue: each order line with its promise, its current delivery estimate and what
// supplies it (stock, a batch, the supplier's lead time).
import { Link } from "@remix-run/react";
import { Badge, BlockStack, Card, DataTable, InlineStack, Text } from "@shopify/polaris";
import { formatDateRange } from "~/domain/format";
import { CardHeader } from "~/components/CardHeader";
import { orderPath } from "~/components/support/labels";
import { dateText, type CardProps } from "./shared";

export function QueueCard({ editor, t, locale }: CardProps) {
  return (
    <Card>
      <BlockStack gap="300">
        <CardHeader title={t("product.queue.title")} description={t("product.queue.description")} />
        {editor.queue.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("product.queue.empty")}
          </Text>
        ) : (
          <DataTable
            columnContentTypes={["text", "numeric", "text", "text", "text", "text"]}
            headings={[
              t("product.queue.order"),
              t("product.queue.quantity"),
              t("product.queue.orderedAt"),
              t("product.queue.promised"),
              t("product.queue.eta"),
              t("product.queue.source"),
            ]}
            rows={editor.queue.map((line) => [
              line.overCap ? (
                <InlineStack key={`order-${line.id}`} gap="100" blockAlign="center">
                  <Link to={orderPath(line.orderId)}>{line.orderName}</Link>
                  <Badge tone="critical">{t("product.queue.overCap")}</Badge>
                </InlineStack>
              ) : (
                <Link key={`order-${line.id}`} to={orderPath(line.orderId)}>
                  {line.orderName}
                </Link>
              ),
              line.quantity,
              dateText(line.orderedAt.slice(0, 10), locale),
              line.promisedLatest ? dateText(line.promisedLatest, locale) : "—",
              line.eta ? (
                <InlineStack key={line.id} gap="100">
                  <Text as="span">{formatDateRange(line.eta, locale)}</Text>
                  {line.atRisk && <Badge tone="warning">{t("products.status.atRisk")}</Badge>}
                </InlineStack>
              ) : (
                "—"
              ),
              line.source
                ? t(`product.source.${line.source.kind}`, {
                    detail: line.source.kind === "batch" && line.source.detail ? dateText(line.source.detail, locale) : (line.source.detail ?? ""),
                  })
                : "—",
            ])}
          />
        )}
      </BlockStack>
    </Card>
  );
}

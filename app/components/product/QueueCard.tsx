// The variant's waiting queue: each order line (linked to its support desk page) with its place in the queue, its promise, its current
// delivery estimate and what supplies it (stock, a batch, the supplier's lead time). The page loads the
// first page of lines; "Load more" fetches the next ones (positions and dates are computed over the whole
// queue on the server).
import { useEffect, useState } from "react";
import { Link, useFetcher } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, DataTable, InlineStack, Text } from "@shopify/polaris";
import type { loader as queueLoader } from "~/routes/app.products.$id_.queue";
import { formatDateRange } from "~/domain/format";
import { CardHeader } from "~/components/CardHeader";
import { orderPath } from "~/components/support/labels";
import { dateText, type CardProps, type Editor } from "./shared";

type QueueLine = Editor["queue"][number];

export function QueueCard({ editor, t, locale, productId }: CardProps & { productId: string }) {
  const fetcher = useFetcher<typeof queueLoader>();
  const [more, setMore] = useState<{ lines: QueueLine[]; next: string | null; total: number } | null>(null);

  // New data from the page (a save, another variant): start again from its first page.
  useEffect(() => setMore(null), [editor.queue, editor.queuePage]);

  useEffect(() => {
    const data = fetcher.data;
    if (fetcher.state !== "idle" || !data || !data.ok) return;
    setMore((previous) => {
      const shown = previous?.lines ?? [];
      const seen = new Set([...editor.queue, ...shown].map((line) => line.id));
      return { lines: [...shown, ...data.lines.filter((line) => !seen.has(line.id))], next: data.next, total: data.total };
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);

  const lines = [...editor.queue, ...(more?.lines ?? [])];
  const next = more ? more.next : editor.queuePage.next;
  const total = more ? more.total : editor.queuePage.total;
  const loadMore = () => {
    if (!next) return;
    const params = new URLSearchParams({ variant: editor.variant.id.split("/").pop() ?? "", cursor: next });
    fetcher.load(`/app/products/${productId.split("/").pop()}/queue?${params}`);
  };

  return (
    <Card>
      <BlockStack gap="300">
        <CardHeader title={t("product.queue.title")} description={t("product.queue.description")} />
        {lines.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("product.queue.empty")}
          </Text>
        ) : (
          <>
            <DataTable
              columnContentTypes={["numeric", "text", "numeric", "text", "text", "text", "text"]}
              headings={[
                t("product.queue.position"),
                t("product.queue.order"),
                t("product.queue.quantity"),
                t("product.queue.orderedAt"),
                t("product.queue.promised"),
                t("product.queue.eta"),
                t("product.queue.source"),
              ]}
              rows={lines.map((line) => [
                line.position ?? "—",
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
            {fetcher.state === "idle" && fetcher.data && !fetcher.data.ok && <Banner tone="critical">{t("product.queue.loadFailed")}</Banner>}
            <InlineStack gap="300" align="space-between" blockAlign="center">
              <Text as="p" tone="subdued">
                {t("product.queue.shown", { count: total, shown: lines.length })}
              </Text>
              {next && (
                <Button onClick={loadMore} loading={fetcher.state !== "idle"}>
                  {t("product.queue.loadMore")}
                </Button>
              )}
            </InlineStack>
          </>
        )}
      </BlockStack>
    </Card>
  );
}

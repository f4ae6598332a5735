// The outbox: recent emails (all, or failed only) with their status, error and next attempt, a link to each
// email and a retry button for failed ones; a warning when emails go to the local mailbox (no SMTP server).
import { useEffect } from "react";
import type { SerializeFrom } from "@remix-run/node";
import { Link, useFetcher, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Button, EmptyState, IndexTable, InlineStack, Layout, Tabs, Text } from "@shopify/polaris";
import { useAppBridge } from "@shopify/app-bridge-react";
import type { action, loader } from "~/routes/app.notifications._index";
import { useT } from "~/i18n/react";
import { CellStack } from "~/components/CellStack";
import { ResourceTableCard } from "~/components/ResourceTableCard";
import { useCursorPagination } from "~/components/useCursorPagination";
import { WrapText } from "~/components/WrapText";
import { StatusBadge, kindLabel } from "~/notifications/ui";
import { orderPath } from "~/components/support/labels";
import { OutboxSearch } from "./OutboxSearch";

export function Outbox({ outbox }: { outbox: SerializeFrom<typeof loader>["outbox"] }) {
  const { t } = useT();
  const shopify = useAppBridge();
  const retryFetcher = useFetcher<typeof action>();
  const [searchParams, setSearchParams] = useSearchParams();
  const failedCount = outbox.counts.dead + outbox.counts.failing;
  const tabs = [
    { id: "all", content: t("notifications.outbox.filter.all") },
    { id: "failed", content: t("notifications.outbox.filter.failed", { count: failedCount }) },
  ];

  useEffect(() => {
    const data = retryFetcher.data;
    if (data?.ok && "message" in data) shopify.toast.show(data.message);
    else if (data && !data.ok && data.banner) shopify.toast.show(data.banner, { isError: true });
  }, [retryFetcher.data, shopify]);

  const selectTab = (index: number) => {
    const next = new URLSearchParams(searchParams);
    if (index === 1) next.set("filter", "failed");
    else next.delete("filter");
    next.delete("cursor");
    setSearchParams(next, { preventScrollReset: true });
  };
  const retrying = (id: string) => retryFetcher.state !== "idle" && retryFetcher.formData?.get("id") === id;
  const failedView = outbox.filter === "failed";
  // Pages are read on the server (50 emails, keyset cursor in the URL), so a reload or a link shows the same.
  const pagination = useCursorPagination();

  return (
    <Layout>
      <Layout.Section>
        <ResourceTableCard
          header={
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {t("notifications.outbox.title")}
              </Text>
              <Text as="p" tone="subdued">
                {t("notifications.outbox.description")}
              </Text>
              {outbox.mode === "mailbox" ? (
                <Banner tone="warning">{t("notifications.outbox.mailbox")}</Banner>
              ) : (
                <Text as="p" tone="subdued">
                  {t("notifications.outbox.smtp")}
                </Text>
              )}
              <OutboxSearch key={outbox.recipient ?? ""} recipient={outbox.recipient} />
            </BlockStack>
          }
          tabs={<Tabs tabs={tabs} selected={failedView ? 1 : 0} onSelect={selectTab} />}
          empty={
            outbox.recipient ? (
              <EmptyState heading={t("notifications.outbox.search.empty", { to: outbox.recipient })} image="">
                <p>{t("notifications.outbox.search.emptyDescription")}</p>
              </EmptyState>
            ) : (
              <EmptyState heading={failedView ? t("notifications.outbox.emptyFailed") : t("notifications.outbox.empty")} image="">
                <p>{failedView ? t("notifications.outbox.emptyFailed.description") : t("notifications.outbox.empty.description")}</p>
              </EmptyState>
            )
          }
          resourceName={{ singular: t("notifications.outbox.column.kind"), plural: t("notifications.outbox.title") }}
          itemCount={outbox.emails.length}
          lastColumnSticky
          pagination={pagination(outbox.pageInfo, { next: t("notifications.outbox.page.next"), previous: t("notifications.outbox.page.previous") })}
          headings={[
            { title: t("notifications.outbox.column.created") },
            { title: t("notifications.outbox.column.kind") },
            { title: t("notifications.outbox.column.to") },
            { title: t("notifications.outbox.column.subject") },
            { title: t("notifications.outbox.column.status") },
            { title: t("notifications.outbox.column.actions"), alignment: "end" },
          ]}
        >
          {outbox.emails.map((email, index) => (
            <IndexTable.Row id={email.id} key={email.id} position={index}>
              <IndexTable.Cell>{email.createdAt}</IndexTable.Cell>
              <IndexTable.Cell>{kindLabel(email.kind, t)}</IndexTable.Cell>
              <IndexTable.Cell>
                <WrapText>{email.toEmail}</WrapText>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <WrapText minWidth="12rem">
                  <CellStack
                    notes={[
                      { text: email.lastError, tone: "critical" },
                      { text: email.nextAttemptAt && t("notifications.outbox.nextAttempt", { date: email.nextAttemptAt }) },
                    ]}
                  >
                    <Text as="span">{email.subject}</Text>
                    {email.order && <Link to={orderPath(email.order.orderId)}>{email.order.orderName}</Link>}
                  </CellStack>
                </WrapText>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <CellStack inlineAlign="start" notes={[{ text: email.attempts > 1 && t("notifications.outbox.attempts", { count: email.attempts }) }]}>
                  <StatusBadge status={email.status} />
                </CellStack>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <InlineStack gap="200" align="end" wrap={false}>
                  <Button url={`/app/notifications/emails/${email.id}`} accessibilityLabel={t("notifications.outbox.rowLabel", { to: email.toEmail })}>
                    {t("notifications.outbox.view")}
                  </Button>
                  {email.retryable ? (
                    <Button loading={retrying(email.id)} onClick={() => retryFetcher.submit({ intent: "retry", id: email.id }, { method: "post" })}>
                      {t("notifications.outbox.retry")}
                    </Button>
                  ) : null}
                </InlineStack>
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </ResourceTableCard>
      </Layout.Section>
    </Layout>
  );
}

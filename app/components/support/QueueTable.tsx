// The support queue's table: one row per order with backordered lines, selectable for bulk actions (on the
// rows of the page, or on every order matching the filter: a background job), with cursor pagination.
import type { SerializeFrom } from "@remix-run/node";
import { Badge, BlockStack, EmptyState, IndexTable, InlineStack, Link as PolarisLink, Text, type IndexTableProps } from "@shopify/polaris";
import type { loader } from "~/routes/app.support._index";
import { useT } from "~/i18n/react";
import { CompensationBadge, StateBadge, orderPath } from "./labels";

type Queue = SerializeFrom<typeof loader>["queue"];

export type QueueBulkIntent = "assign" | "resolve" | "notice";

export function QueueTable({
  queue,
  selectedResources,
  allResourcesSelected,
  onSelectionChange,
  onBulk,
  onExportMatching,
  goTo,
  busy,
}: {
  queue: Queue;
  selectedResources: string[];
  /** "Select all orders matching this filter" was pressed: actions apply to all of them (a background job). */
  allResourcesSelected: boolean;
  onSelectionChange: IndexTableProps["onSelectionChange"];
  onBulk: (intent: QueueBulkIntent) => void;
  /** The CSV export of the filter: what "export" means for every matching order. */
  onExportMatching: () => void;
  goTo: (params: Record<string, string | null>) => void;
  busy: boolean;
}) {
  const { t } = useT();
  const rows = queue.rows;
  return (
    <IndexTable
      resourceName={{ singular: t("support.col.order"), plural: t("support.title") }}
      itemCount={rows.length}
      selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
      onSelectionChange={onSelectionChange}
      hasMoreItems={queue.hasNext || queue.hasPrevious}
      paginatedSelectAllActionText={t("support.queue.selectAllMatching")}
      paginatedSelectAllText={t("support.queue.allMatchingSelected")}
      loading={busy}
      emptyState={
        <EmptyState heading={t("support.empty.title")} image="/empty-state.svg" imageContained>
          <p>{t("support.empty.body")}</p>
        </EmptyState>
      }
      headings={[
        { title: t("support.col.order") },
        { title: t("support.col.customer") },
        { title: t("support.col.owed"), alignment: "end" },
        { title: t("support.col.promised") },
        { title: t("support.col.estimate") },
        { title: t("support.col.late") },
        { title: t("support.col.contact") },
        { title: t("support.col.state") },
        { title: t("support.col.assignee") },
      ]}
      promotedBulkActions={[
        { content: t("support.bulk.assign"), onAction: () => onBulk("assign"), disabled: busy },
        { content: t("support.bulk.resolve"), onAction: () => onBulk("resolve"), disabled: busy },
        { content: t("support.bulk.notice"), onAction: () => onBulk("notice"), disabled: busy },
      ]}
      bulkActions={allResourcesSelected ? [{ content: t("support.queue.exportMatching"), onAction: onExportMatching }] : []}
      pagination={{
        hasNext: queue.hasNext,
        hasPrevious: queue.hasPrevious,
        onNext: () => goTo({ cursor: rows.at(-1)?.id ?? null, before: null }),
        onPrevious: () => goTo({ cursor: rows[0]?.id ?? null, before: "1" }),
      }}
    >
      {rows.map((row, index) => (
        <IndexTable.Row id={row.orderId} key={row.orderId} position={index} selected={selectedResources.includes(row.orderId)}>
          <IndexTable.Cell>
            <PolarisLink url={orderPath(row.orderId)} removeUnderline dataPrimaryLink>
              <Text as="span" fontWeight="semibold">
                {row.orderName}
              </Text>
            </PolarisLink>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <BlockStack gap="050">
              <Text as="span">{row.customerName ?? "—"}</Text>
              <Text as="span" tone="subdued">
                {row.customerEmail ?? ""}
              </Text>
            </BlockStack>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" alignment="end" numeric>
              {row.itemsOwed}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>{row.promisedText ?? "—"}</IndexTable.Cell>
          <IndexTable.Cell>{row.estimateText ?? "—"}</IndexTable.Cell>
          <IndexTable.Cell>
            {row.daysLate > 0 ? <Badge tone="critical">{t("support.late", { count: row.daysLate })}</Badge> : <Text as="span" tone="subdued">{t("support.onTime")}</Text>}
          </IndexTable.Cell>
          <IndexTable.Cell>{row.contactText ?? t("support.never")}</IndexTable.Cell>
          <IndexTable.Cell>
            <InlineStack gap="100" wrap={false}>
              <StateBadge state={row.state} status={row.status} />
              <CompensationBadge compensated={row.compensated} proposed={row.compensationProposed} />
              {row.complaint && <Badge tone="critical-strong">{t("support.queue.complaint")}</Badge>}
            </InlineStack>
          </IndexTable.Cell>
          <IndexTable.Cell>{row.assignee ?? <Text as="span" tone="subdued">{t("support.unassigned")}</Text>}</IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}

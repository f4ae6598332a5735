// The products list's table: one row per variant (stock, backorder mode, units waiting, notify-me signups,
// next delivery estimate, status), selectable for bulk actions, with pagination.
import type { SerializeFrom } from "@remix-run/node";
import { Badge, BlockStack, EmptyState, IndexTable, InlineStack, Link as PolarisLink, Text, type IndexTableProps } from "@shopify/polaris";
import type { loader } from "~/routes/app.products._index";
import { useT } from "~/i18n/react";
import type { ListingFilter } from "~/validation/product-listing";
import { numberOf, type BulkIntent } from "./labels";

type Listing = SerializeFrom<typeof loader>["listing"];
type Row = Listing["rows"][number];

const productPath = (row: Row) => `/app/products/${numberOf(row.productId)}?variant=${numberOf(row.variantId)}`;
const waitlistPath = (row: Row) => `/app/products/${numberOf(row.productId)}/waitlist?variant=${numberOf(row.variantId)}`;

export function ProductsTable({
  listing,
  filter,
  selectedResources,
  allResourcesSelected,
  onSelectionChange,
  onBulk,
  goTo,
  busy,
}: {
  listing: Listing;
  filter: ListingFilter;
  selectedResources: string[];
  allResourcesSelected: boolean;
  onSelectionChange: IndexTableProps["onSelectionChange"];
  onBulk: (intent: BulkIntent) => void;
  goTo: (params: Record<string, string | null>) => void;
  busy: boolean;
}) {
  const { t } = useT();
  const rows = listing.rows;
  const modeLabel = (value: string) => t(`products.mode.${value}`);
  const morePages = listing.pageInfo.hasNextPage || listing.pageInfo.hasPreviousPage;
  const noProductsAtAll = rows.length === 0 && !morePages && filter.tab === "all" && !filter.query && !filter.mode;

  const status = (row: Row) => {
    if (row.dataProblem) return <Badge tone="critical">{t("products.status.dataProblem")}</Badge>;
    if (row.syncError) return <Badge tone="critical">{t("products.status.syncError")}</Badge>;
    if (row.atRisk) return <Badge tone="warning">{t("products.status.atRisk")}</Badge>;
    if (row.mode !== "off") return <Badge tone="success">{t("products.status.ok")}</Badge>;
    return <Text as="span" tone="subdued">{t("products.status.notManaged")}</Text>;
  };

  return (
    <IndexTable
      resourceName={{ singular: t("products.resourceName.singular"), plural: t("products.resourceName.plural") }}
      itemCount={rows.length}
      selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
      onSelectionChange={onSelectionChange}
      hasMoreItems={morePages}
      paginatedSelectAllActionText={t("products.selectAllMatching", { count: rows.length })}
      paginatedSelectAllText={t("products.allMatchingSelected")}
      loading={busy}
      emptyState={
        <EmptyState heading={noProductsAtAll ? t("products.empty.none.title") : t("products.empty.title")} image="/empty-state.svg" imageContained>
          <p>{noProductsAtAll ? t("products.empty.none.body") : t("products.empty.body")}</p>
        </EmptyState>
      }
      headings={[
        { title: t("products.col.product") },
        { title: t("products.col.stock"), alignment: "end" },
        { title: t("products.col.mode") },
        { title: t("products.col.waiting"), alignment: "end" },
        { title: t("products.col.waitlist"), alignment: "end" },
        { title: t("products.col.eta") },
        { title: t("products.col.status") },
      ]}
      promotedBulkActions={[
        { content: t("products.bulk.enable"), onAction: () => onBulk("enable"), disabled: busy },
        { content: t("products.bulk.disable"), onAction: () => onBulk("disable"), disabled: busy },
        { content: t("products.bulk.leadTime"), onAction: () => onBulk("lead-time"), disabled: busy },
        { content: t("payments.bulk.action"), onAction: () => onBulk("payment"), disabled: busy },
      ]}
      pagination={{
        hasNext: listing.pageInfo.hasNextPage,
        hasPrevious: listing.pageInfo.hasPreviousPage,
        onNext: () => goTo({ cursor: listing.pageInfo.next }),
        onPrevious: () => goTo({ cursor: listing.pageInfo.previous }),
      }}
    >
      {rows.map((row, index) => (
        <IndexTable.Row id={row.variantId} key={row.variantId} position={index} selected={selectedResources.includes(row.variantId)}>
          <IndexTable.Cell>
            <BlockStack gap="050">
              <PolarisLink url={productPath(row)} removeUnderline dataPrimaryLink>
                <Text as="span" fontWeight="semibold">
                  {row.productTitle}
                </Text>
              </PolarisLink>
              <Text as="span" tone="subdued">
                {row.variantTitle}
                {row.sku ? ` · ${row.sku}` : ""}
              </Text>
            </BlockStack>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <InlineStack align="end">
              <Text as="span" numeric tone={row.available <= 0 ? "critical" : undefined}>
                {row.available}
              </Text>
            </InlineStack>
          </IndexTable.Cell>
          <IndexTable.Cell>
            {row.mode === "off" ? <Text as="span" tone="subdued">{modeLabel(row.mode)}</Text> : <Badge tone="info">{modeLabel(row.mode)}</Badge>}
          </IndexTable.Cell>
          <IndexTable.Cell>
            <InlineStack align="end">
              <Text as="span" numeric>
                {row.waitingUnits}
              </Text>
            </InlineStack>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <InlineStack align="end">
              {row.waitlist > 0 ? (
                // Its own link: a click here opens the waitlist, not the row's product page.
                <span onClick={(event) => event.stopPropagation()} onKeyDown={(event) => event.stopPropagation()} role="presentation">
                  <PolarisLink url={waitlistPath(row)}>{t("products.waitlist.link", { count: row.waitlist })}</PolarisLink>
                </span>
              ) : (
                <Text as="span" tone="subdued">
                  —
                </Text>
              )}
            </InlineStack>
          </IndexTable.Cell>
          <IndexTable.Cell>{row.etaText ?? t("products.eta.none")}</IndexTable.Cell>
          <IndexTable.Cell>{status(row)}</IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}

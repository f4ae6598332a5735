// Products: every variant of the catalogue with its stock, backorder mode, units waiting and next
// delivery estimate; search, filters, pagination and bulk actions on the selected rows.
import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Card,
  EmptyState,
  IndexTable,
  InlineStack,
  Link as PolarisLink,
  Modal,
  Page,
  Tabs,
  Text,
  TextField,
  useIndexResourceState,
} from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { adminLocaleFromRequest, translator, type AdminMessageKey } from "~/i18n/admin";
import { PRODUCT_TABS, listProducts, type ProductTab } from "~/models/product-listing.server";
import { applyBulkAction } from "~/services/bulk-actions.server";
import { formatDateRange } from "~/domain/format";
import { readFormData } from "~/validation/form-data";

const TAB_KEYS: Record<ProductTab, AdminMessageKey> = {
  all: "products.tab.all",
  backorderable: "products.tab.backorderable",
  sold_out: "products.tab.soldOut",
  at_risk: "products.tab.atRisk",
};

function textFor(request: Request) {
  const locale = adminLocaleFromRequest(request);
  const t = translator(locale);
  const keys = [
    "products.title", "products.search", "products.col.product", "products.col.stock", "products.col.mode",
    "products.col.waiting", "products.col.eta", "products.col.status", "products.mode.off", "products.mode.always",
    "products.mode.when_sold_out", "products.status.atRisk", "products.status.syncError", "products.status.ok",
    "products.status.notManaged", "products.status.dataProblem", "products.eta.none", "products.bulk.enable", "products.bulk.disable",
    "products.bulk.leadTime", "products.bulk.leadTime.title", "products.bulk.leadTime.label",
    "products.bulk.leadTime.help", "products.bulk.apply", "products.bulk.cancel", "products.empty.title",
    "products.empty.body", "products.empty.none.title", "products.empty.none.body",
    "products.resourceName.singular", "products.resourceName.plural",
  ] as const satisfies readonly AdminMessageKey[];
  return { locale, t, text: Object.fromEntries(keys.map((key) => [key, t(key)])) as Record<(typeof keys)[number], string> };
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const url = new URL(request.url);
  const tabParam = url.searchParams.get("tab");
  const tab: ProductTab = (PRODUCT_TABS as readonly string[]).includes(tabParam ?? "") ? (tabParam as ProductTab) : "all";
  const query = (url.searchParams.get("q") ?? "").slice(0, 200);
  const listing = await listProducts(admin.graphql, { shop: session.shop, tab, query, cursor: url.searchParams.get("cursor") });
  const { locale, t, text } = textFor(request);
  return json({
    tab,
    query,
    listing: {
      ...listing,
      rows: listing.rows.map((row) => ({ ...row, etaText: row.nextEta ? formatDateRange(row.nextEta, locale) : null })),
    },
    tabs: PRODUCT_TABS.map((id) => ({ id, content: t(TAB_KEYS[id]) })),
    text,
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const { t } = textFor(request);
  const form = await readFormData(request);
  let variantIds: unknown;
  try {
    variantIds = JSON.parse(String(form.get("variantIds") ?? "[]"));
  } catch {
    variantIds = null;
  }
  const result = await applyBulkAction({
    shop: session.shop,
    graphql: admin.graphql,
    input: { intent: form.get("intent"), variantIds, leadTimeDays: form.get("leadTimeDays") ?? undefined },
  });
  if (!result.ok) {
    const errors = Object.fromEntries(Object.entries(result.errors).map(([field, key]) => [field, t(key as AdminMessageKey)]));
    return json({ ok: false as const, errors, message: null }, { status: result.status });
  }
  const message =
    result.failed.length > 0
      ? t("products.bulk.failed", { count: result.failed.length })
      : t("products.bulk.done", { count: result.updated });
  return json({ ok: true as const, errors: {}, message, failed: result.failed });
};

type Row = ReturnType<typeof useLoaderData<typeof loader>>["listing"]["rows"][number];

export default function Products() {
  const { tab, query, listing, tabs, text } = useLoaderData<typeof loader>();
  const [searchParams, setSearchParams] = useSearchParams();
  const navigation = useNavigation();
  const fetcher = useFetcher<typeof action>();
  const shopify = useAppBridge();
  const [search, setSearch] = useState(query);
  const [leadTimeOpen, setLeadTimeOpen] = useState(false);
  const [leadTime, setLeadTime] = useState("");
  const rows = listing.rows;
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(
    rows.map((row) => ({ id: row.variantId })),
  );
  const busy = navigation.state !== "idle" || fetcher.state !== "idle";

  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    if (fetcher.data.ok) {
      shopify.toast.show(fetcher.data.message ?? "", { isError: (fetcher.data.failed?.length ?? 0) > 0 });
      clearSelection();
      setLeadTimeOpen(false);
    } else if (!fetcher.data.errors.leadTimeDays) {
      shopify.toast.show(Object.values(fetcher.data.errors)[0] ?? "", { isError: true });
    }
  }, [fetcher.state, fetcher.data, shopify, clearSelection]);

  // Search as the merchant types, without a history entry per keystroke.
  useEffect(() => {
    if (search === query) return;
    const timer = setTimeout(() => {
      const next = new URLSearchParams(searchParams);
      if (search) next.set("q", search);
      else next.delete("q");
      next.delete("cursor");
      setSearchParams(next, { replace: true });
    }, 300);
    return () => clearTimeout(timer);
  }, [search, query, searchParams, setSearchParams]);

  const submitBulk = (intent: string, extra: Record<string, string> = {}) =>
    fetcher.submit({ intent, variantIds: JSON.stringify(selectedResources), ...extra }, { method: "post" });

  const goTo = (params: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(params)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setSearchParams(next);
  };

  const modeLabel = (mode: string) =>
    mode === "always" ? text["products.mode.always"] : mode === "when_sold_out" ? text["products.mode.when_sold_out"] : text["products.mode.off"];

  const status = (row: Row) => {
    if (row.dataProblem) return <Badge tone="critical">{text["products.status.dataProblem"]}</Badge>;
    if (row.syncError) return <Badge tone="critical">{text["products.status.syncError"]}</Badge>;
    if (row.atRisk) return <Badge tone="warning">{text["products.status.atRisk"]}</Badge>;
    if (row.mode !== "off") return <Badge tone="success">{text["products.status.ok"]}</Badge>;
    return <Text as="span" tone="subdued">{text["products.status.notManaged"]}</Text>;
  };

  const productPath = (row: Row) => {
    const productNumber = row.productId.split("/").pop();
    const variantNumber = row.variantId.split("/").pop();
    return `/app/products/${productNumber}?variant=${variantNumber}`;
  };

  const noProductsAtAll = rows.length === 0 && tab === "all" && !query;

  return (
    <Page fullWidth>
      <TitleBar title={text["products.title"]} />
      <Card padding="0">
        <Tabs tabs={tabs} selected={Math.max(0, tabs.findIndex((t) => t.id === tab))} onSelect={(i) => goTo({ tab: tabs[i]?.id ?? "all", cursor: null })}>
          <div style={{ padding: "12px" }}>
            <TextField
              label={text["products.search"]}
              labelHidden
              placeholder={text["products.search"]}
              value={search}
              onChange={setSearch}
              autoComplete="off"
              clearButton
              onClearButtonClick={() => setSearch("")}
            />
          </div>
          {rows.length === 0 ? (
            <EmptyState heading={noProductsAtAll ? text["products.empty.none.title"] : text["products.empty.title"]} image="">
              <p>{noProductsAtAll ? text["products.empty.none.body"] : text["products.empty.body"]}</p>
            </EmptyState>
          ) : (
            <IndexTable
              resourceName={{ singular: text["products.resourceName.singular"], plural: text["products.resourceName.plural"] }}
              itemCount={rows.length}
              selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
              onSelectionChange={handleSelectionChange}
              loading={busy}
              headings={[
                { title: text["products.col.product"] },
                { title: text["products.col.stock"], alignment: "end" },
                { title: text["products.col.mode"] },
                { title: text["products.col.waiting"], alignment: "end" },
                { title: text["products.col.eta"] },
                { title: text["products.col.status"] },
              ]}
              promotedBulkActions={[
                { content: text["products.bulk.enable"], onAction: () => submitBulk("enable") },
                { content: text["products.bulk.disable"], onAction: () => submitBulk("disable") },
                { content: text["products.bulk.leadTime"], onAction: () => setLeadTimeOpen(true) },
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
                  <IndexTable.Cell>{row.etaText ?? text["products.eta.none"]}</IndexTable.Cell>
                  <IndexTable.Cell>{status(row)}</IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          )}
        </Tabs>
      </Card>
      <Modal
        open={leadTimeOpen}
        onClose={() => setLeadTimeOpen(false)}
        title={text["products.bulk.leadTime.title"]}
        primaryAction={{ content: text["products.bulk.apply"], loading: fetcher.state !== "idle", onAction: () => submitBulk("lead-time", { leadTimeDays: leadTime }) }}
        secondaryActions={[{ content: text["products.bulk.cancel"], onAction: () => setLeadTimeOpen(false) }]}
      >
        <Modal.Section>
          <TextField
            label={text["products.bulk.leadTime.label"]}
            type="number"
            min={0}
            max={365}
            value={leadTime}
            onChange={setLeadTime}
            helpText={text["products.bulk.leadTime.help"]}
            error={fetcher.data && !fetcher.data.ok ? fetcher.data.errors.leadTimeDays : undefined}
            autoComplete="off"
          />
        </Modal.Section>
      </Modal>
    </Page>
  );
}

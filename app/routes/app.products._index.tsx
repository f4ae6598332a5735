// Products: every variant of the catalogue with its stock, backorder mode, units waiting, notify-me
// signups and next delivery estimate. Views (tabs), search and a mode filter live in the URL; bulk actions
// apply to the selected rows at once, or to every matching variant as a background job with progress.
import { useEffect, useRef, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData, useLocation, useNavigation, useRevalidator, useSearchParams } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Card,
  ChoiceList,
  EmptyState,
  IndexFilters,
  IndexFiltersMode,
  IndexTable,
  InlineStack,
  Link as PolarisLink,
  List,
  Modal,
  Page,
  ProgressBar,
  Text,
  TextField,
  useIndexResourceState,
  useSetIndexFiltersMode,
} from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { adminLocaleFromRequest, translator, type AdminMessageKey } from "~/i18n/admin";
import { useT, type ClientTranslate } from "~/i18n/react";
import { listProducts } from "~/models/product-listing.server";
import { MODE_FILTERS, PRODUCT_TABS, listingFilterFrom, type ProductTab } from "~/validation/product-listing";
import { countActiveSubscriptions } from "~/models/notify-subscription.server";
import { latestBulkJob } from "~/models/bulk-job.server";
import { applyBulkAction, startMatchingBulkJob } from "~/workflows/catalog/bulk-actions.server";
import { formatDateRange } from "~/domain/format";
import { readFormData } from "~/validation/form-data";

const TAB_KEYS: Record<ProductTab, AdminMessageKey> = {
  all: "products.tab.all",
  backorderable: "products.tab.backorderable",
  sold_out: "products.tab.soldOut",
  at_risk: "products.tab.atRisk",
};

/** A finished bulk job's outcome stays on the page this long (then Activity keeps it). */
const OUTCOME_SHOWN_MS = 60 * 60_000;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const url = new URL(request.url);
  const filter = listingFilterFrom(url.searchParams);
  const [listing, bulkJob] = await Promise.all([
    listProducts(admin.graphql, { shop: session.shop, ...filter, cursor: url.searchParams.get("cursor") }),
    latestBulkJob({ shop: session.shop }),
  ]);
  const waitlists = await countActiveSubscriptions({ shop: session.shop, variantIds: listing.rows.map((row) => row.variantId) });
  const locale = adminLocaleFromRequest(request);
  const active = bulkJob?.status === "queued" || bulkJob?.status === "running";
  const recent = bulkJob?.finishedAt && Date.now() - bulkJob.finishedAt.getTime() < OUTCOME_SHOWN_MS;
  return json({
    filter,
    listing: {
      ...listing,
      rows: listing.rows.map((row) => ({
        ...row,
        etaText: row.nextEta ? formatDateRange(row.nextEta, locale) : null,
        waitlist: waitlists.get(row.variantId) ?? 0,
      })),
    },
    bulkJob: bulkJob && (active || recent) ? bulkJob : null,
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const t = translator(adminLocaleFromRequest(request));
  const form = await readFormData(request);
  const translated = (errors: Record<string, string>) =>
    Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key as AdminMessageKey)]));

  if (form.get("scope") === "matching") {
    // Every variant matching the filter the merchant sees: the job lists them itself, page by page.
    const filter = listingFilterFrom(
      new URLSearchParams({ tab: String(form.get("tab") ?? ""), q: String(form.get("q") ?? ""), mode: String(form.get("mode") ?? "") }),
    );
    const started = await startMatchingBulkJob({
      shop: session.shop,
      filter,
      input: { intent: form.get("intent"), leadTimeDays: form.get("leadTimeDays") ?? undefined },
    });
    if (!started.ok) return json({ ok: false as const, errors: translated(started.errors), message: null, failed: [] }, { status: started.status });
    return json({ ok: true as const, errors: {}, message: t("products.bulkJob.started"), failed: [] });
  }

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
  if (!result.ok) return json({ ok: false as const, errors: translated(result.errors), message: null, failed: [] }, { status: result.status });
  const message =
    result.failed.length > 0
      ? t("products.bulk.failed", { count: result.failed.length })
      : t("products.bulk.done", { count: result.updated });
  return json({ ok: true as const, errors: {}, message, failed: result.failed });
};

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Row = LoaderData["listing"]["rows"][number];
type BulkJob = NonNullable<LoaderData["bulkJob"]>;
type Intent = "enable" | "disable" | "lead-time";

const INTENT_KEYS: Record<string, AdminMessageKey> = {
  enable: "products.bulk.enable",
  disable: "products.bulk.disable",
  "lead-time": "products.bulk.leadTime",
};

function numberOf(gid: string): string {
  return gid.split("/").pop() ?? "";
}

/** Re-reads the page every couple of seconds while `active` (a bulk job runs), and not while hidden. */
function usePolling(active: boolean, everyMs = 2_000) {
  const revalidator = useRevalidator();
  const latest = useRef(revalidator);
  latest.current = revalidator;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (latest.current.state === "idle" && document.visibilityState === "visible") latest.current.revalidate();
    }, everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
}

function BulkJobBanner({ job, t, onDismiss }: { job: BulkJob; t: ClientTranslate; onDismiss: () => void }) {
  const action = t(INTENT_KEYS[job.intent ?? ""] ?? "products.bulk.apply");
  if (job.status === "queued" || job.status === "running") {
    const progress = job.progress;
    const percent = progress && progress.phase === "applying" && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
    const detail = !progress
      ? t("products.bulkJob.waiting")
      : progress.phase === "counting"
        ? t("products.bulkJob.counting", { count: progress.total })
        : [
            t("products.bulkJob.progress", { done: progress.done, total: progress.total }),
            progress.failed > 0 ? t("products.bulkJob.progressFailed", { count: progress.failed }) : "",
          ]
            .filter(Boolean)
            .join(" · ");
    return (
      <Banner tone="info" title={t("products.bulkJob.running", { action })}>
        <BlockStack gap="200">
          <div data-testid="bulk-job-progress">
            <ProgressBar progress={percent} size="small" tone="highlight" ariaLabelledBy="bulk-job-detail" />
          </div>
          <Text as="p" id="bulk-job-detail">
            {detail}
          </Text>
        </BlockStack>
      </Banner>
    );
  }
  if (job.status === "dead") {
    return (
      <Banner tone="critical" onDismiss={onDismiss}>
        {t("products.bulkJob.dead", { action, error: job.error ?? "" })}
      </Banner>
    );
  }
  const outcome = job.outcome ?? { done: 0, total: 0, failed: 0, failures: [] };
  const updated = outcome.done - outcome.failed;
  return (
    <Banner
      tone={outcome.failed > 0 ? "warning" : "success"}
      title={
        outcome.failed > 0
          ? t("products.bulkJob.doneWithFailures", { action, updated, total: outcome.total })
          : t("products.bulkJob.done", { action, count: updated })
      }
      onDismiss={onDismiss}
    >
      {outcome.failed > 0 && (
        <BlockStack gap="100">
          <Text as="p">{t("products.bulkJob.failures", { count: outcome.failed })}</Text>
          <List>
            {outcome.failures.slice(0, 5).map((failure) => (
              <List.Item key={failure.variantId}>
                {numberOf(failure.variantId)}: {failure.message}
              </List.Item>
            ))}
          </List>
        </BlockStack>
      )}
    </Banner>
  );
}

export default function Products() {
  const { filter, listing, bulkJob } = useLoaderData<typeof loader>();
  const { t } = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const navigation = useNavigation();
  const fetcher = useFetcher<typeof action>();
  const shopify = useAppBridge();
  const [search, setSearch] = useState(filter.query);
  const [leadTimeOpen, setLeadTimeOpen] = useState(false);
  const [leadTime, setLeadTime] = useState("");
  const [confirmAll, setConfirmAll] = useState<Intent | null>(null);
  const [dismissedJob, setDismissedJob] = useState<string | null>(null);
  // Search and filters open at once when the URL already holds some (a shared link, a reload).
  const { mode, setMode } = useSetIndexFiltersMode(filter.query || filter.mode ? IndexFiltersMode.Filtering : IndexFiltersMode.Default);
  const rows = listing.rows;
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(
    rows.map((row) => ({ id: row.variantId })),
  );
  const busy = navigation.state !== "idle" || fetcher.state !== "idle";
  const jobActive = bulkJob?.status === "queued" || bulkJob?.status === "running";
  usePolling(jobActive);

  // Another view, search or page: what was selected there no longer applies.
  useEffect(() => {
    clearSelection();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.search]);

  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    if (fetcher.data.ok) {
      shopify.toast.show(fetcher.data.message ?? "", { isError: fetcher.data.failed.length > 0 });
      clearSelection();
      setLeadTimeOpen(false);
      setConfirmAll(null);
    } else if (!fetcher.data.errors.leadTimeDays) {
      shopify.toast.show(Object.values(fetcher.data.errors)[0] ?? "", { isError: true });
      setConfirmAll(null);
    }
  }, [fetcher.state, fetcher.data, shopify, clearSelection]);

  // A job that finishes while the page is open says so once.
  const previousStatus = useRef(bulkJob?.status);
  useEffect(() => {
    const before = previousStatus.current;
    previousStatus.current = bulkJob?.status;
    if ((before === "queued" || before === "running") && (bulkJob?.status === "succeeded" || bulkJob?.status === "dead")) {
      shopify.toast.show(t("products.bulkJob.finishedToast"), { isError: bulkJob.status === "dead" });
    }
  }, [bulkJob?.status, shopify, t]);

  // Search as the merchant types, without a history entry per keystroke.
  useEffect(() => {
    if (search === filter.query) return;
    const timer = setTimeout(() => {
      const next = new URLSearchParams(searchParams);
      if (search) next.set("q", search);
      else next.delete("q");
      next.delete("cursor");
      setSearchParams(next, { replace: true });
    }, 300);
    return () => clearTimeout(timer);
  }, [search, filter.query, searchParams, setSearchParams]);

  const goTo = (params: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(params)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setSearchParams(next);
  };

  const submitSelected = (intent: Intent, extra: Record<string, string> = {}) =>
    fetcher.submit({ intent, variantIds: JSON.stringify(selectedResources), ...extra }, { method: "post" });
  const submitMatching = (intent: Intent, extra: Record<string, string> = {}) =>
    fetcher.submit({ scope: "matching", intent, tab: filter.tab, q: filter.query, mode: filter.mode ?? "", ...extra }, { method: "post" });
  const onBulk = (intent: Intent) => {
    if (intent === "lead-time") return setLeadTimeOpen(true);
    if (allResourcesSelected) return setConfirmAll(intent);
    submitSelected(intent);
  };

  const modeLabel = (value: string) => t(`products.mode.${value}`);

  const status = (row: Row) => {
    if (row.dataProblem) return <Badge tone="critical">{t("products.status.dataProblem")}</Badge>;
    if (row.syncError) return <Badge tone="critical">{t("products.status.syncError")}</Badge>;
    if (row.atRisk) return <Badge tone="warning">{t("products.status.atRisk")}</Badge>;
    if (row.mode !== "off") return <Badge tone="success">{t("products.status.ok")}</Badge>;
    return <Text as="span" tone="subdued">{t("products.status.notManaged")}</Text>;
  };

  const productPath = (row: Row) => `/app/products/${numberOf(row.productId)}?variant=${numberOf(row.variantId)}`;
  const waitlistPath = (row: Row) => `/app/products/${numberOf(row.productId)}/waitlist?variant=${numberOf(row.variantId)}`;

  const tabs = PRODUCT_TABS.map((id) => ({ id, content: t(TAB_KEYS[id]) }));
  const morePages = listing.pageInfo.hasNextPage || listing.pageInfo.hasPreviousPage;
  const noProductsAtAll = rows.length === 0 && !morePages && filter.tab === "all" && !filter.query && !filter.mode;
  const showJob = bulkJob && bulkJob.id !== dismissedJob ? bulkJob : null;

  return (
    <Page fullWidth>
      <TitleBar title={t("products.title")} />
      <BlockStack gap="400">
        {showJob && <BulkJobBanner job={showJob} t={t} onDismiss={() => setDismissedJob(showJob.id)} />}
        <Card padding="0">
          <IndexFilters
            tabs={tabs}
            selected={Math.max(0, PRODUCT_TABS.indexOf(filter.tab))}
            onSelect={(index) => {
              const id = PRODUCT_TABS[index] ?? "all";
              if (id !== filter.tab) goTo({ tab: id === "all" ? null : id, cursor: null });
            }}
            queryValue={search}
            queryPlaceholder={t("products.search")}
            onQueryChange={setSearch}
            onQueryClear={() => setSearch("")}
            filteringAccessibilityLabel={t("products.filter.searchLabel")}
            filters={[
              {
                key: "mode",
                label: t("products.filter.mode"),
                shortcut: true,
                filter: (
                  <ChoiceList
                    title={t("products.filter.mode")}
                    titleHidden
                    choices={MODE_FILTERS.map((value) => ({ label: modeLabel(value), value }))}
                    selected={filter.mode ? [filter.mode] : []}
                    onChange={(selected) => goTo({ mode: selected[0] ?? null, cursor: null })}
                  />
                ),
              },
            ]}
            appliedFilters={
              filter.mode
                ? [{ key: "mode", label: t("products.filter.mode.applied", { mode: modeLabel(filter.mode) }), onRemove: () => goTo({ mode: null, cursor: null }) }]
                : []
            }
            onClearAll={() => goTo({ mode: null, cursor: null })}
            cancelAction={{
              onAction: () => {
                setSearch("");
                goTo({ q: null, mode: null, cursor: null });
              },
            }}
            mode={mode}
            setMode={setMode}
            canCreateNewView={false}
            loading={busy}
          />
          <IndexTable
            resourceName={{ singular: t("products.resourceName.singular"), plural: t("products.resourceName.plural") }}
            itemCount={rows.length}
            selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
            onSelectionChange={handleSelectionChange}
            hasMoreItems={morePages}
            paginatedSelectAllActionText={t("products.selectAllMatching", { count: rows.length })}
            paginatedSelectAllText={t("products.allMatchingSelected")}
            loading={busy}
            emptyState={
              <EmptyState
                heading={noProductsAtAll ? t("products.empty.none.title") : t("products.empty.title")}
                image="/empty-state.svg"
                imageContained
              >
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
        </Card>
      </BlockStack>
      <Modal
        open={confirmAll !== null}
        onClose={() => setConfirmAll(null)}
        title={t("products.bulkJob.confirm.title")}
        primaryAction={{
          content: t("products.bulkJob.confirm.apply"),
          loading: fetcher.state !== "idle",
          onAction: () => confirmAll && submitMatching(confirmAll),
        }}
        secondaryActions={[{ content: t("products.bulk.cancel"), onAction: () => setConfirmAll(null) }]}
      >
        <Modal.Section>
          <Text as="p">{t("products.bulkJob.confirm.body", { action: t(INTENT_KEYS[confirmAll ?? ""] ?? "products.bulk.apply") })}</Text>
        </Modal.Section>
      </Modal>
      <Modal
        open={leadTimeOpen}
        onClose={() => setLeadTimeOpen(false)}
        title={t("products.bulk.leadTime.title")}
        primaryAction={{
          content: allResourcesSelected ? t("products.bulkJob.confirm.apply") : t("products.bulk.apply"),
          loading: fetcher.state !== "idle",
          onAction: () => (allResourcesSelected ? submitMatching : submitSelected)("lead-time", { leadTimeDays: leadTime }),
        }}
        secondaryActions={[{ content: t("products.bulk.cancel"), onAction: () => setLeadTimeOpen(false) }]}
      >
        <Modal.Section>
          <BlockStack gap="300">
            {allResourcesSelected && <Text as="p">{t("products.bulkJob.confirm.body", { action: t("products.bulk.leadTime") })}</Text>}
            <TextField
              label={t("products.bulk.leadTime.label")}
              type="number"
              min={0}
              max={365}
              value={leadTime}
              onChange={setLeadTime}
              helpText={t("products.bulk.leadTime.help")}
              error={fetcher.data && !fetcher.data.ok ? fetcher.data.errors.leadTimeDays : undefined}
              autoComplete="off"
            />
          </BlockStack>
        </Modal.Section>
      </Modal>
    </Page>
  );
}

// Products: every variant of the catalogue with its stock, backorder mode, units waiting, notify-me
// signups and next delivery estimate. Views (tabs), search and a mode filter live in the URL; bulk actions
// apply to the selected rows at once, or to every matching variant as a background job with progress.
import { useEffect, useRef, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { BlockStack, Card, IndexFiltersMode, Page, useIndexResourceState, useSetIndexFiltersMode } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { adminLocaleFromRequest, adminMessages, translator, type AdminMessageKey } from "~/i18n/admin";
import { useT } from "~/i18n/react";
import { listProducts } from "~/workflows/catalog/product-listing.server";
import { listingFilterFrom } from "~/validation/product-listing";
import { countActiveSubscriptions } from "~/models/notify-subscription.server";
import { latestBulkJob } from "~/models/bulk-job.server";
import { applyBulkAction, startMatchingBulkJob } from "~/workflows/catalog/bulk-actions.server";
import { formatDateRange } from "~/domain/format";
import { readFormData } from "~/validation/form-data";
import { BulkJobBanner, usePolling } from "~/components/BulkJobBanner";
import { ConfirmAllModal, LeadTimeModal, PaymentModal } from "~/components/products/BulkModals";
import { PAYMENT_FIELDS, paymentFieldsOf } from "~/validation/payment-options";
import { ProductFilters } from "~/components/products/ProductFilters";
import { ProductsTable } from "~/components/products/ProductsTable";
import { INTENT_KEYS, type BulkIntent } from "~/components/products/labels";
import { useUrlFilters } from "~/components/useUrlFilters";

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
    messages: adminMessages(locale, ["products", "payments"]),
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
      input: { intent: form.get("intent"), leadTimeDays: form.get("leadTimeDays") ?? undefined, ...paymentFieldsOf(form) },
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
    input: { intent: form.get("intent"), variantIds, leadTimeDays: form.get("leadTimeDays") ?? undefined, ...paymentFieldsOf(form) },
  });
  if (!result.ok) return json({ ok: false as const, errors: translated(result.errors), message: null, failed: [] }, { status: result.status });
  const message =
    result.failed.length > 0
      ? t("products.bulk.failed", { count: result.failed.length })
      : t("products.bulk.done", { count: result.updated });
  return json({ ok: true as const, errors: {}, message, failed: result.failed });
};

export default function Products() {
  const { filter, listing, bulkJob } = useLoaderData<typeof loader>();
  const { t } = useT();
  const location = useLocation();
  const navigation = useNavigation();
  const fetcher = useFetcher<typeof action>();
  const shopify = useAppBridge();
  const [search, setSearch] = useState(filter.query);
  const { goTo } = useUrlFilters({ search, query: filter.query, pageParams: ["cursor"] });
  const [leadTimeOpen, setLeadTimeOpen] = useState(false);
  const [leadTime, setLeadTime] = useState("");
  const [paymentOpen, setPaymentOpen] = useState(false);
  const [confirmAll, setConfirmAll] = useState<BulkIntent | null>(null);
  const [dismissedJob, setDismissedJob] = useState<string | null>(null);
  // Search and filters open at once when the URL already holds some (a shared link, a reload).
  const { mode, setMode } = useSetIndexFiltersMode(filter.query || filter.mode ? IndexFiltersMode.Filtering : IndexFiltersMode.Default);
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(
    listing.rows.map((row) => ({ id: row.variantId })),
  );
  const busy = navigation.state !== "idle" || fetcher.state !== "idle";
  usePolling(bulkJob?.status === "queued" || bulkJob?.status === "running");

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
      setPaymentOpen(false);
      setConfirmAll(null);
    } else if (!fetcher.data.errors.leadTimeDays && !PAYMENT_FIELDS.some((name) => fetcher.data?.errors && name in fetcher.data.errors)) {
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


  const submitSelected = (intent: BulkIntent, extra: Record<string, string> = {}) =>
    fetcher.submit({ intent, variantIds: JSON.stringify(selectedResources), ...extra }, { method: "post" });
  const submitMatching = (intent: BulkIntent, extra: Record<string, string> = {}) =>
    fetcher.submit({ scope: "matching", intent, tab: filter.tab, q: filter.query, mode: filter.mode ?? "", ...extra }, { method: "post" });
  const onBulk = (intent: BulkIntent) => {
    if (intent === "lead-time") return setLeadTimeOpen(true);
    if (intent === "payment") return setPaymentOpen(true);
    if (allResourcesSelected) return setConfirmAll(intent);
    submitSelected(intent);
  };
  const showJob = bulkJob && bulkJob.id !== dismissedJob ? bulkJob : null;

  return (
    <Page fullWidth>
      <TitleBar title={t("products.title")} />
      <BlockStack gap="400">
        {showJob && (
          <BulkJobBanner
            job={showJob}
            t={t}
            prefix="products"
            action={t(INTENT_KEYS[showJob.intent ?? ""] ?? "products.bulk.apply")}
            onDismiss={() => setDismissedJob(showJob.id)}
          />
        )}
        <Card padding="0">
          <ProductFilters filter={filter} search={search} onSearch={setSearch} goTo={goTo} mode={mode} setMode={setMode} loading={busy} />
          <ProductsTable
            listing={listing}
            filter={filter}
            selectedResources={selectedResources}
            allResourcesSelected={allResourcesSelected}
            onSelectionChange={handleSelectionChange}
            onBulk={onBulk}
            goTo={goTo}
            busy={busy}
          />
        </Card>
      </BlockStack>
      <ConfirmAllModal intent={confirmAll} loading={fetcher.state !== "idle"} onApply={(intent) => submitMatching(intent)} onClose={() => setConfirmAll(null)} />
      <LeadTimeModal
        open={leadTimeOpen}
        allMatching={allResourcesSelected}
        value={leadTime}
        onChange={setLeadTime}
        error={fetcher.data && !fetcher.data.ok ? fetcher.data.errors.leadTimeDays : undefined}
        loading={fetcher.state !== "idle"}
        onApply={() => (allResourcesSelected ? submitMatching : submitSelected)("lead-time", { leadTimeDays: leadTime })}
        onClose={() => setLeadTimeOpen(false)}
      />
      <PaymentModal
        open={paymentOpen}
        allMatching={allResourcesSelected}
        errors={fetcher.data && !fetcher.data.ok ? fetcher.data.errors : {}}
        loading={fetcher.state !== "idle"}
        onApply={(fields) => (allResourcesSelected ? submitMatching : submitSelected)("payment", fields)}
        onClose={() => setPaymentOpen(false)}
      />
    </Page>
  );
}

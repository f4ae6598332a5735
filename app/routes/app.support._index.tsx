// Support desk: every order with backordered lines, one row each, with views, search, filters and sort in
// the URL, server-side cursor pagination, bulk actions on the selected orders (or on every order matching
// the filter, as a background job with a progress banner) and a CSV export of the filter.
import { useEffect, useRef, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { BlockStack, Card, IndexFiltersMode, Modal, Page, Text, TextField, useIndexResourceState, useSetIndexFiltersMode } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { adminLocaleFromRequest, adminMessages, translator, type AdminMessageKey } from "~/i18n/admin";
import { useT } from "~/i18n/react";
import { formatDate, formatDateTime } from "~/domain/format";
import { getShopSettings } from "~/models/settings.server";
import { latestBulkJob, SUPPORT_BULK_JOB_KIND } from "~/models/bulk-job.server";
import { readFormData } from "~/validation/form-data";
import { bulkSchema, queueFilterFrom, queueFilterParams } from "~/validation/support";
import { loadQueue } from "~/workflows/support/queue.server";
import { proposalFor } from "~/workflows/support/compensation.server";
import { runBulkAction, staffActor } from "~/workflows/support/desk.server";
import { startMatchingSupportJob } from "~/workflows/support/bulk-job.server";
import { QueueFilters } from "~/components/support/QueueFilters";
import { QueueTable, type QueueBulkIntent } from "~/components/support/QueueTable";
import { useUrlFilters } from "~/components/useUrlFilters";
import { downloadFile } from "~/components/download-file";
import { BulkJobBanner, usePolling } from "~/components/BulkJobBanner";
import { ConfirmAllOrdersModal, bulkJobDetail, intentLabel } from "~/components/support/QueueBulkJob";

/** A finished bulk job's outcome stays on the page this long (then Activity keeps it). */
const OUTCOME_SHOWN_MS = 60 * 60_000;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const url = new URL(request.url);
  const filter = queueFilterFrom(url.searchParams);
  const locale = adminLocaleFromRequest(request);
  const [queue, settings, bulkJob] = await Promise.all([
    loadQueue({ shop: session.shop, filter, cursor: url.searchParams.get("cursor"), before: url.searchParams.get("before") === "1" }),
    getShopSettings({ shop: session.shop }),
    latestBulkJob({ shop: session.shop, kind: SUPPORT_BULK_JOB_KIND }),
  ]);
  const jobActive = bulkJob?.status === "queued" || bulkJob?.status === "running";
  const jobRecent = bulkJob?.finishedAt && Date.now() - bulkJob.finishedAt.getTime() < OUTCOME_SHOWN_MS;
  return json({
    messages: adminMessages(locale, ["support"]),
    filter,
    exportQuery: queueFilterParams(filter).toString(),
    products: queue.products,
    suppliers: queue.suppliers,
    bulkJob: bulkJob && (jobActive || jobRecent) ? bulkJob : null,
    queue: {
      hasNext: queue.hasNext,
      hasPrevious: queue.hasPrevious,
      rows: queue.rows.map((row) => ({
        id: row.id,
        orderId: row.orderId,
        orderName: row.orderName,
        customerName: row.customerName,
        customerEmail: row.customerEmail,
        itemsOwed: row.itemsOwed,
        promisedText: row.promisedLatest ? formatDate(row.promisedLatest, locale, { year: true }) : null,
        estimateText: row.estimateLatest ? formatDate(row.estimateLatest, locale, { year: true }) : null,
        daysLate: row.daysLate,
        contactText: row.lastContactAt ? formatDateTime(row.lastContactAt, locale, settings.timezone) : null,
        state: row.state,
        status: row.status,
        assignee: row.assignee,
        // "Compensated" and "Compensation proposed" (the shop's rule) from stored columns: no Admin API call.
        compensated: row.compensatedAt !== null,
        compensationProposed: proposalFor(row, settings.compensation) !== null,
        complaint: row.openComplaintAt !== null,
      })),
    },
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const t = translator(adminLocaleFromRequest(request));
  const form = await readFormData(request);
  if (form.get("scope") === "matching") {
    // Every order matching the filter the person sees: the job lists them itself, page by page.
    const started = await startMatchingSupportJob({
      shop: session.shop,
      actor: staffActor(sessionToken?.sub),
      filterQuery: String(form.get("filter") ?? ""),
      input: { intent: form.get("intent"), assignee: form.get("assignee") ?? "" },
    });
    if (!started.ok) {
      const message = t((Object.values(started.errors)[0] ?? "support.error.intent") as AdminMessageKey);
      return json({ ok: false as const, message, errors: { form: message } }, { status: started.status });
    }
    return json({ ok: true as const, message: t("support.queue.bulkJob.started"), errors: {} });
  }
  let orderIds: unknown = null;
  try {
    orderIds = JSON.parse(String(form.get("orderIds") ?? "[]"));
  } catch {
    orderIds = null;
  }
  const parsed = bulkSchema.safeParse({ intent: form.get("intent"), orderIds, assignee: form.get("assignee") ?? "" });
  if (!parsed.success) {
    const message = t((parsed.error.issues[0]?.message ?? "support.error.intent") as AdminMessageKey);
    return json({ ok: false as const, message, errors: { form: message } }, { status: 400 });
  }
  const result = await runBulkAction({ shop: session.shop, actor: staffActor(sessionToken?.sub), input: parsed.data });
  if (!result.ok) {
    const message = t((result.errors.form ?? "support.error.notFound") as AdminMessageKey);
    return json({ ok: false as const, message, errors: { form: message } }, { status: result.status });
  }
  const message = result.intent === "notice" ? t("support.bulk.noticeDone", { count: result.count }) : t("support.bulk.done", { count: result.count });
  return json({ ok: true as const, message, errors: {} });
};

export default function SupportQueue() {
  const { filter, queue, products, suppliers, exportQuery, bulkJob } = useLoaderData<typeof loader>();
  const { t } = useT();
  const location = useLocation();
  const navigation = useNavigation();
  const fetcher = useFetcher<typeof action>();
  const shopify = useAppBridge();
  const [search, setSearch] = useState(filter.query);
  const { goTo } = useUrlFilters({ search, query: filter.query, pageParams: ["cursor", "before"] });
  const [assignOpen, setAssignOpen] = useState(false);
  const [assignee, setAssignee] = useState("");
  const [confirmAll, setConfirmAll] = useState<QueueBulkIntent | null>(null);
  const [dismissedJob, setDismissedJob] = useState<string | null>(null);
  const { mode, setMode } = useSetIndexFiltersMode(
    filter.query || filter.productId || filter.supplier || filter.state ? IndexFiltersMode.Filtering : IndexFiltersMode.Default,
  );
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(
    queue.rows.map((row) => ({ id: row.orderId })),
  );
  const busy = navigation.state !== "idle" || fetcher.state !== "idle";
  usePolling(bulkJob?.status === "queued" || bulkJob?.status === "running");

  useEffect(() => {
    clearSelection();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.search]);

  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    shopify.toast.show(fetcher.data.message, { isError: !fetcher.data.ok });
    if (fetcher.data.ok) {
      clearSelection();
      setAssignOpen(false);
    }
    setConfirmAll(null);
  }, [fetcher.state, fetcher.data, shopify, clearSelection]);

  // A job that finishes while the page is open says so once.
  const previousStatus = useRef(bulkJob?.status);
  useEffect(() => {
    const before = previousStatus.current;
    previousStatus.current = bulkJob?.status;
    if ((before === "queued" || before === "running") && (bulkJob?.status === "succeeded" || bulkJob?.status === "dead")) {
      shopify.toast.show(t("support.queue.bulkJob.finishedToast"), { isError: bulkJob.status === "dead" });
    }
  }, [bulkJob?.status, shopify, t]);

  const submit = (intent: QueueBulkIntent, extra: Record<string, string> = {}) =>
    allResourcesSelected
      ? fetcher.submit({ scope: "matching", intent, filter: exportQuery, ...extra }, { method: "post" })
      : fetcher.submit({ intent, orderIds: JSON.stringify(selectedResources), ...extra }, { method: "post" });
  const onBulk = (intent: QueueBulkIntent) => (intent === "assign" ? setAssignOpen(true) : allResourcesSelected ? setConfirmAll(intent) : submit(intent));
  const showJob = bulkJob && bulkJob.id !== dismissedJob ? bulkJob : null;
  const exportCsv = () =>
    downloadFile(`/app/support.csv${exportQuery ? `?${exportQuery}` : ""}`, "support-queue.csv").catch(() =>
      shopify.toast.show(t("error.server.title"), { isError: true }),
    );

  return (
    <Page fullWidth title={t("support.title")} secondaryActions={[{ content: t("support.export"), onAction: () => void exportCsv() }]}>
      <TitleBar title={t("support.title")} />
      <BlockStack gap="400">
        {showJob && (
          <BulkJobBanner
            job={showJob}
            t={t}
            prefix="support.queue"
            action={intentLabel(showJob.intent, t)}
            detail={bulkJobDetail(showJob, t)}
            onDismiss={() => setDismissedJob(showJob.id)}
          />
        )}
        <Card padding="0">
          <QueueFilters filter={filter} products={products} suppliers={suppliers} search={search} onSearch={setSearch} goTo={goTo} mode={mode} setMode={setMode} loading={busy} />
          <QueueTable
            queue={queue}
            selectedResources={selectedResources}
            allResourcesSelected={allResourcesSelected}
            onSelectionChange={handleSelectionChange}
            onBulk={onBulk}
            onExportMatching={() => void exportCsv()}
            goTo={goTo}
            busy={busy}
          />
        </Card>
      </BlockStack>
      <ConfirmAllOrdersModal intent={confirmAll} loading={fetcher.state !== "idle"} onApply={(intent) => submit(intent)} onClose={() => setConfirmAll(null)} />
      <Modal
        open={assignOpen}
        onClose={() => setAssignOpen(false)}
        title={t("support.bulk.assign")}
        primaryAction={{ content: t("support.save"), loading: fetcher.state !== "idle", onAction: () => submit("assign", { assignee }) }}
        secondaryActions={[{ content: t("support.cancel"), onAction: () => setAssignOpen(false) }]}
      >
        <Modal.Section>
          <BlockStack gap="300">
            {allResourcesSelected && <Text as="p">{t("support.queue.bulkJob.confirm.body", { action: t("support.bulk.assign") })}</Text>}
            <TextField label={t("support.assignee")} helpText={t("support.assignee.help")} value={assignee} onChange={setAssignee} autoComplete="off" />
          </BlockStack>
        </Modal.Section>
      </Modal>
    </Page>
  );
}

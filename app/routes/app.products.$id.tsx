// One product: per variant, the backorder settings, incoming batches, waiting queue with each line's
// date, and a preview of what shoppers see now.
import { useEffect, useRef, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate, useRevalidator, useSearchParams } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  DataTable,
  FormLayout,
  InlineStack,
  Layout,
  Modal,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { adminLocaleFromRequest, translator, type AdminMessageKey } from "~/i18n/admin";
import { useT } from "~/i18n/react";
import { formatDate, formatDateRange } from "~/domain/format";
import { DELIVERY_MODES } from "~/domain/types";
import { deleteBatch, loadProduct, loadVariantEditor, saveBatch, saveVariant, selectVariant } from "~/workflows/catalog/variant-editor.server";
import { formValues, readFormData } from "~/validation/form-data";
import { CardHeader } from "~/components/CardHeader";
import { DateChangeConfirm, useDateChangeConfirm } from "~/components/DateChangeConfirm";
import { UnsavedChanges } from "~/components/UnsavedChanges";
import { useFieldErrors } from "~/components/useFieldErrors";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const product = await loadProduct(admin.graphql, params.id ?? "");
  const url = new URL(request.url);
  const variant = selectVariant(product, url.searchParams.get("variant"));
  if (!variant) throw new Response("Not Found", { status: 404 });
  const editor = await loadVariantEditor({ shop: session.shop, graphql: admin.graphql, product, variantId: variant.id });
  const locale = adminLocaleFromRequest(request);
  return json({
    locale,
    product: { id: product.id, title: product.title, variants: product.variants.map((v) => ({ id: v.id, title: v.title })) },
    editor,
  });
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const product = await loadProduct(admin.graphql, params.id ?? "");
  const input = formValues(await readFormData(request));
  const args = { shop: session.shop, graphql: admin.graphql, product, input };
  const result =
    input.intent === "save-variant"
      ? await saveVariant(args)
      : input.intent === "save-batch"
        ? await saveBatch(args)
        : input.intent === "remove-batch"
          ? await deleteBatch(args)
          : ({ ok: false, status: 400, errors: { intent: "Unknown action" } } as const);
  const t = translator(adminLocaleFromRequest(request));
  if (!result.ok && "confirm" in result) {
    // Nothing written: the page asks "this will email N customers" and resubmits with confirmDateChanges=1.
    return json({ ok: false as const, intent: input.intent, errors: {} as Record<string, string>, message: null, confirm: result.confirm }, { status: 409 });
  }
  if (!result.ok) {
    const params = "params" in result ? result.params : undefined;
    const errors = Object.fromEntries(
      Object.entries(result.errors).map(([field, key]) => [field, t(key as AdminMessageKey, params?.[field])]),
    );
    return json({ ok: false as const, intent: input.intent, errors, message: null }, { status: result.status });
  }
  const failure = result.sync.failed[0];
  return json({
    ok: true as const,
    intent: input.intent,
    errors: {} as Record<string, string>,
    message: failure ? t("product.syncFailed", { message: failure.message }) : t("product.saved"),
    syncFailed: Boolean(failure),
  });
};

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Fetcher = ReturnType<typeof useFetcher<typeof action>>;

function useResultToast(fetcher: Fetcher, onSuccess?: () => void) {
  const shopify = useAppBridge();
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data?.ok) return;
    shopify.toast.show(fetcher.data.message ?? "", { isError: fetcher.data.syncFailed });
    onSuccess?.();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);
}

/** "This will email N customers" for one fetcher's form: the banner's props. */
function useConfirmFor(fetcher: Fetcher, t: T, locale: string) {
  const ask = useDateChangeConfirm({
    submitting: fetcher.formData,
    idle: fetcher.state === "idle",
    result: fetcher.data,
    resubmit: (form) => fetcher.submit(form, { method: "post" }),
  });
  return { counts: ask.counts, t, locale, onConfirm: ask.confirm, onCancel: ask.cancel, loading: ask.loading };
}

function errorsOf(fetcher: Fetcher): Record<string, string> {
  return fetcher.data && !fetcher.data.ok ? fetcher.data.errors : {};
}

/** A key per rendered "add batch" form: a double click or a resubmit names the same batch. */
function newSubmissionKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** A stored date as text; one that is not a real date (bad data) is shown as stored rather than crash. */
function dateText(iso: string, locale: string): string {
  try {
    return formatDate(iso, locale);
  } catch {
    return iso;
  }
}

/**
 * "Reload" after a conflict: fetch the page's data again, then remount the forms so they show what the
 * other person saved (a form keeps what the merchant typed until then).
 */
function useReload() {
  const revalidator = useRevalidator();
  const [pending, setPending] = useState(false);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (pending && revalidator.state === "idle") {
      setPending(false);
      setGeneration((g) => g + 1);
    }
  }, [pending, revalidator.state]);
  return {
    generation,
    reloading: pending,
    reload: () => {
      setPending(true);
      revalidator.revalidate();
    },
  };
}

function ConflictBanner({ message, t, onReload, reloading }: { message: string | undefined; t: T; onReload: () => void; reloading: boolean }) {
  if (!message) return null;
  return (
    <Banner tone="critical" action={{ content: t("product.reload"), onAction: onReload, loading: reloading }}>
      {message}
    </Banner>
  );
}

export default function ProductPage() {
  const { product, editor } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const { generation, reload, reloading } = useReload();
  const reloadProps = { onReload: reload, reloading };

  return (
    <Page
      backAction={{ content: t("product.back"), onAction: () => navigate("/app/products") }}
      secondaryActions={[
        {
          content: t("product.waitlist.open"),
          onAction: () => navigate(`/app/products/${product.id.split("/").pop()}/waitlist?variant=${editor.variant.id.split("/").pop()}`),
        },
      ]}
      title={product.title}
      subtitle={editor.variant.sku ?? undefined}
    >
      <TitleBar title={product.title} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {product.variants.length > 1 && (
              <Card>
                <Select
                  label={t("product.variant")}
                  options={product.variants.map((v) => ({ label: v.title, value: v.id }))}
                  value={editor.variant.id}
                  onChange={(id) => {
                    const next = new URLSearchParams(searchParams);
                    next.set("variant", id.split("/").pop() ?? "");
                    navigate(`?${next}`);
                  }}
                />
              </Card>
            )}
            {editor.problem && (
              <Banner tone="critical" title={t("products.status.dataProblem")}>
                {t(`product.problem.${editor.problem.kind}`)}
              </Banner>
            )}
            <SettingsCard key={`settings-${editor.variant.id}-${generation}`} editor={editor} t={t} locale={locale} {...reloadProps} />
            <BatchesCard key={`batches-${editor.variant.id}-${generation}`} editor={editor} t={t} locale={locale} {...reloadProps} />
            <QueueCard editor={editor} t={t} locale={locale} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <PreviewCard editor={editor} t={t} locale={locale} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

type T = (key: string, params?: Record<string, string | number>) => string;

type Editor = LoaderData["editor"];

type ReloadProps = { onReload: () => void; reloading: boolean };

function SettingsCard({ editor, t, locale, onReload, reloading }: { editor: Editor; t: T; locale: string } & ReloadProps) {
  const fetcher = useFetcher<typeof action>();
  useResultToast(fetcher);
  const confirm = useConfirmFor(fetcher, t, locale);
  const s = editor.settings;
  const stored = {
    mode: s.mode,
    cap: s.cap?.toString() ?? "",
    leadTimeDays: s.leadTimeDays?.toString() ?? "",
    capacityPerWeek: s.capacityPerWeek?.toString() ?? "",
    startsOn: s.startsOn ?? "",
    endsOn: s.endsOn ?? "",
    messageEn: s.messageEn ?? "",
    messageFr: s.messageFr ?? "",
  };
  const [values, setValues] = useState(stored);
  const dirty = JSON.stringify(values) !== JSON.stringify(stored);
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, touch } = useFieldErrors(errorsOf(fetcher), fetcher.data);
  const field = (name: keyof typeof values) => ({
    name,
    value: values[name],
    onChange: (value: string) => {
      touch(name);
      setValues((v) => ({ ...v, [name]: value }));
    },
    error: errors[name],
    autoComplete: "off",
  });

  return (
    <Card>
      <UnsavedChanges
        id="variant-settings-save-bar"
        dirty={dirty}
        saving={fetcher.state !== "idle"}
        onSave={() => formRef.current && fetcher.submit(formRef.current)}
        onDiscard={() => setValues(stored)}
      />
      {/* noValidate: the action checks the limits and states them next to the field (no browser bubble). */}
      <fetcher.Form method="post" ref={formRef} noValidate>
        <input type="hidden" name="intent" value="save-variant" />
        <input type="hidden" name="variantId" value={editor.variant.id} />
        <input type="hidden" name="version" value={editor.settings.version} />
        <BlockStack gap="400">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              {t("product.settings.title")}
            </Text>
            <Text as="p" tone="subdued">
              {t("product.settings.description")}
            </Text>
            {editor.forecast && (
              <Text as="p" tone={editor.forecast.daysOfCover !== null && editor.forecast.daysOfCover < 14 ? "caution" : "subdued"}>
                {editor.forecast.sellOutDate
                  ? t("product.forecast.sellOut", {
                      rate: editor.forecast.velocityPerDay.toFixed(1),
                      days: editor.forecast.windowDays,
                      date: formatDate(editor.forecast.sellOutDate, locale),
                    })
                  : t("product.forecast.noSales", { days: editor.forecast.windowDays })}
              </Text>
            )}
            <InlineStack gap="200">
              <Text as="span">{t("product.stock", { count: editor.variant.available })}</Text>
              <Badge tone={editor.variant.inventoryPolicy === "CONTINUE" ? "info" : undefined}>
                {t(`product.policy.${editor.variant.inventoryPolicy}`)}
              </Badge>
            </InlineStack>
          </BlockStack>
          <ConflictBanner message={errors.form} t={t} onReload={onReload} reloading={reloading} />
          {editor.sync.error && <Banner tone="critical">{editor.sync.error}</Banner>}
          <FormLayout>
            <Select
              label={t("product.mode")}
              helpText={t("product.mode.help")}
              options={["off", "when_sold_out", "always"].map((mode) => ({ value: mode, label: t(`products.mode.${mode}`) }))}
              {...field("mode")}
            />
            <FormLayout.Group>
              <TextField label={t("product.cap")} type="number" min={1} helpText={t("product.cap.help")} {...field("cap")} />
              <TextField
                label={t("product.leadTime")}
                type="number"
                min={0}
                helpText={t("product.leadTime.help", { count: editor.defaultLeadTimeDays })}
                {...field("leadTimeDays")}
              />
              <TextField label={t("product.capacity")} type="number" min={1} helpText={t("product.capacity.help")} {...field("capacityPerWeek")} />
            </FormLayout.Group>
            <FormLayout.Group>
              <TextField label={t("product.startsOn")} type="date" min={editor.dateBounds.sellingWindow.min} max={editor.dateBounds.sellingWindow.max} {...field("startsOn")} />
              <TextField label={t("product.endsOn")} type="date" min={editor.dateBounds.sellingWindow.min} max={editor.dateBounds.sellingWindow.max} {...field("endsOn")} />
            </FormLayout.Group>
            <TextField label={t("product.messageEn")} multiline={2} maxLength={300} showCharacterCount helpText={t("product.message.help")} {...field("messageEn")} />
            <TextField label={t("product.messageFr")} multiline={2} maxLength={300} showCharacterCount helpText={t("product.message.help")} {...field("messageFr")} />
          </FormLayout>
          <DateChangeConfirm {...confirm} />
          <InlineStack align="end">
            <Button submit variant="primary" loading={fetcher.state !== "idle"}>
              {t("product.save")}
            </Button>
          </InlineStack>
        </BlockStack>
      </fetcher.Form>
    </Card>
  );
}

const emptyBatch = { batchId: "", version: "", quantity: "", expectedOn: "", receivedOn: "", supplier: "" };
type Bounds = Editor["dateBounds"];

function BatchFields({ values, onChange, errors, t, bounds, onEdit }: { values: typeof emptyBatch; onChange: (v: typeof emptyBatch) => void; errors: Record<string, string>; t: T; bounds: Bounds; onEdit?: (name: string) => void }) {
  const field = (name: keyof typeof emptyBatch) => ({
    name,
    value: values[name],
    onChange: (value: string) => {
      onEdit?.(name);
      onChange({ ...values, [name]: value });
    },
    error: errors[name],
    autoComplete: "off",
  });
  return (
    <FormLayout>
      <FormLayout.Group condensed>
        <TextField label={t("product.batch.quantity")} type="number" min={1} {...field("quantity")} />
        <TextField label={t("product.batch.expectedOn")} type="date" min={bounds.expectedOn.min} max={bounds.expectedOn.max} {...field("expectedOn")} />
        <TextField label={t("product.batch.receivedOn")} type="date" min={bounds.receivedOn.min} max={bounds.receivedOn.max} {...field("receivedOn")} />
        <TextField label={t("product.batch.supplier")} {...field("supplier")} />
      </FormLayout.Group>
    </FormLayout>
  );
}

type InventoryLocations = Editor["inventoryLocations"];
/** The edit dialog's "add to Shopify inventory" choice; offered only while the stored batch is pending. */
type Receipt = { pending: boolean; add: boolean; locationId: string };
const noReceipt: Receipt = { pending: false, add: false, locationId: "" };

/**
 * As a pending batch gets its received date: add its units to Shopify's inventory at a location, or be told
 * plainly that Shopify's stock stays as it is.
 */
function ReceiveIntoInventory({ quantity, locations, receipt, onChange, errors, t }: { quantity: string; locations: InventoryLocations; receipt: Receipt; onChange: (r: Receipt) => void; errors: Record<string, string>; t: T }) {
  const location = locations?.find((l) => l.id === receipt.locationId) ?? locations?.[0];
  if (!locations || !location) {
    return <Banner tone="warning">{t("product.batch.noInventoryLocation")}</Banner>;
  }
  const count = /^\d+$/.test(quantity.trim()) ? Number(quantity.trim()) : 0;
  const several = locations.length > 1;
  return (
    <BlockStack gap="200">
      <Checkbox
        label={t("product.batch.addToInventory", { count, location: location.name })}
        helpText={receipt.add ? t("product.batch.addToInventory.help") : undefined}
        checked={receipt.add}
        onChange={(add) => onChange({ ...receipt, add, locationId: location.id })}
        error={errors.addToInventory ?? (several ? undefined : errors.inventoryLocationId)}
      />
      {several && (
        <Select
          label={t("product.batch.inventoryLocation")}
          options={locations.map((l) => ({ label: l.name, value: l.id }))}
          value={location.id}
          onChange={(locationId) => onChange({ ...receipt, locationId })}
          error={errors.inventoryLocationId}
          disabled={!receipt.add}
        />
      )}
      {!receipt.add && <Banner tone="warning">{t("product.batch.inventoryNotChanged")}</Banner>}
    </BlockStack>
  );
}

function BatchesCard({ editor, t, locale, onReload, reloading }: { editor: Editor; t: T; locale: string } & ReloadProps) {
  const addFetcher = useFetcher<typeof action>();
  const editFetcher = useFetcher<typeof action>();
  const removeFetcher = useFetcher<typeof action>();
  const [draft, setDraft] = useState(emptyBatch);
  const [submissionKey, setSubmissionKey] = useState(newSubmissionKey);
  const [editing, setEditing] = useState<typeof emptyBatch | null>(null);
  const [receipt, setReceipt] = useState<Receipt>(noReceipt);
  const offerReceipt = editing !== null && receipt.pending && editing.receivedOn !== "";
  const receiptFields = (): Record<string, string> =>
    offerReceipt && receipt.add
      ? { addToInventory: "1", inventoryLocationId: receipt.locationId || (editor.inventoryLocations?.[0]?.id ?? "") }
      : {};
  useResultToast(addFetcher, () => {
    setDraft(emptyBatch);
    setSubmissionKey(newSubmissionKey());
  });
  useResultToast(editFetcher, () => setEditing(null));
  useResultToast(removeFetcher);
  const confirmAdd = useConfirmFor(addFetcher, t, locale);
  const confirmEdit = useConfirmFor(editFetcher, t, locale);
  const confirmRemove = useConfirmFor(removeFetcher, t, locale);

  const submit = (fetcher: Fetcher, values: typeof emptyBatch, extra: Record<string, string> = {}) =>
    fetcher.submit({ intent: "save-batch", variantId: editor.variant.id, ...values, ...extra }, { method: "post" });
  const removeErrors = errorsOf(removeFetcher);
  const addErrors = useFieldErrors(errorsOf(addFetcher), addFetcher.data);
  // Errors inside the edit dialog belong to this opening of it: a result from an earlier one is stale.
  const [staleEdit, setStaleEdit] = useState<unknown>(null);
  const editErrors = useFieldErrors(editFetcher.data !== staleEdit ? errorsOf(editFetcher) : {}, editFetcher.data);
  // What is not a field of the dialog (the batch was removed or changed elsewhere) shows at its top.
  const editProblem = editErrors.errors.form ?? editErrors.errors.batchId ?? editErrors.errors.variantId;
  const draftDirty = Object.values(draft).some((value) => value !== "");

  return (
    <Card>
      <UnsavedChanges
        id="batch-add-save-bar"
        dirty={draftDirty}
        saving={addFetcher.state !== "idle"}
        onSave={() => submit(addFetcher, draft, { submissionKey })}
        onDiscard={() => setDraft(emptyBatch)}
      />
      <BlockStack gap="400">
        <CardHeader title={t("product.batches.title")} description={t("product.batches.description")} />
        {editor.batches.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("product.batches.empty")}
          </Text>
        ) : (
          <DataTable
            columnContentTypes={["numeric", "text", "text", "text", "text"]}
            headings={[t("product.batch.quantity"), t("product.batch.expectedOn"), t("product.batch.receivedOn"), t("product.batch.supplier"), ""]}
            rows={editor.batches.map((batch) => [
              batch.quantity,
              batch.dateProblem ? (
                <BlockStack key={`date-${batch.id}`} gap="100" inlineAlign="start">
                  <Text as="span">{batch.expectedOn}</Text>
                  <Badge tone="critical">{t("product.batch.dateProblem")}</Badge>
                </BlockStack>
              ) : (
                dateText(batch.expectedOn, locale)
              ),
              batch.receivedOn ? t("product.batch.received", { date: dateText(batch.receivedOn, locale) }) : t("product.batch.pending"),
              batch.supplier ?? "—",
              <InlineStack key={batch.id} gap="200" align="end">
                <Button
                  size="slim"
                  onClick={() => {
                    setStaleEdit(editFetcher.data);
                    setReceipt({ ...noReceipt, pending: !batch.receivedOn, locationId: editor.inventoryLocations?.[0]?.id ?? "" });
                    setEditing({
                      batchId: batch.id,
                      version: String(batch.version),
                      quantity: String(batch.quantity),
                      expectedOn: batch.expectedOn,
                      receivedOn: batch.receivedOn ?? "",
                      supplier: batch.supplier ?? "",
                    });
                  }}
                >
                  {t("product.batch.edit")}
                </Button>
                <Button
                  size="slim"
                  tone="critical"
                  loading={removeFetcher.state !== "idle" && removeFetcher.formData?.get("batchId") === batch.id}
                  onClick={() =>
                    removeFetcher.submit({ intent: "remove-batch", variantId: editor.variant.id, batchId: batch.id }, { method: "post" })
                  }
                >
                  {t("product.batch.remove")}
                </Button>
              </InlineStack>,
            ])}
          />
        )}
        {removeErrors.batchId && <Banner tone="critical">{removeErrors.batchId}</Banner>}
        <DateChangeConfirm {...confirmRemove} />
        <Box paddingBlockStart="200">
          <BlockStack gap="300">
            <BatchFields values={draft} onChange={setDraft} errors={addErrors.errors} onEdit={addErrors.touch} t={t} bounds={editor.dateBounds} />
            <DateChangeConfirm {...confirmAdd} />
            <InlineStack align="end">
              <Button onClick={() => submit(addFetcher, draft, { submissionKey })} loading={addFetcher.state !== "idle"}>
                {t("product.batch.add")}
              </Button>
            </InlineStack>
          </BlockStack>
        </Box>
      </BlockStack>
      <Modal
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={t("product.batch.editTitle")}
        primaryAction={{ content: t("product.save"), loading: editFetcher.state !== "idle", onAction: () => editing && submit(editFetcher, editing, receiptFields()) }}
      >
        <Modal.Section>
          <BlockStack gap="300">
            <ConflictBanner message={editProblem} t={t} onReload={() => { setEditing(null); onReload(); }} reloading={reloading} />
            {editing && <BatchFields values={editing} onChange={setEditing} errors={editErrors.errors} onEdit={editErrors.touch} t={t} bounds={editor.dateBounds} />}
            {editing && offerReceipt && (
              <ReceiveIntoInventory
                quantity={editing.quantity}
                locations={editor.inventoryLocations}
                receipt={receipt}
                onChange={(next) => {
                  editErrors.touch("addToInventory");
                  editErrors.touch("inventoryLocationId");
                  setReceipt(next);
                }}
                errors={editErrors.errors}
                t={t}
              />
            )}
            <DateChangeConfirm {...confirmEdit} />
          </BlockStack>
        </Modal.Section>
      </Modal>
    </Card>
  );
}

function PreviewCard({ editor, t, locale }: { editor: Editor; t: T; locale: string }) {
  const preview = editor.preview;
  const summary = preview?.summary;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("product.preview.title")}
        </Text>
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
              {summary.message?.[locale === "fr" ? "fr" : "en"] && <Text as="p">{summary.message[locale === "fr" ? "fr" : "en"]}</Text>}
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

function QueueCard({ editor, t, locale }: { editor: Editor; t: T; locale: string }) {
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
                  <span>{line.orderName}</span>
                  <Badge tone="critical">{t("product.queue.overCap")}</Badge>
                </InlineStack>
              ) : (
                line.orderName
              ),
              line.quantity,
              dateText(line.orderedAt.slice(0, 10), locale),
              line.promisedLatest ? dateText(line.promisedLatest, locale) : "—",
              line.eta ? (
                <InlineStack key={line.id} gap="100">
                  <span>{formatDateRange(line.eta, locale)}</span>
                  {line.atRisk && <Badge tone="warning">{t("products.status.atRisk")}</Badge>}
                </InlineStack>
              ) : (
                "—"
              ),
              line.source ? t(`product.source.${line.source.kind}`, { detail: line.source.kind === "batch" && line.source.detail ? dateText(line.source.detail, locale) : (line.source.detail ?? "") }) : "—",
            ])}
          />
        )}
      </BlockStack>
    </Card>
  );
}

// A variant's incoming batches: the list (edit in a dialog, remove), and a form to add one. Each save that
// would move waiting customers' dates asks first.
import { useState } from "react";
import { useFetcher } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, Card, DataTable, InlineStack, Modal, Text } from "@shopify/polaris";
import type { action } from "~/routes/app.products.$id";
import { CardHeader } from "~/components/CardHeader";
import { DateChangeConfirm } from "~/components/DateChangeConfirm";
import { UnsavedChanges } from "~/components/UnsavedChanges";
import { useFieldErrors } from "~/components/useFieldErrors";
import { BatchFields, ReceiveIntoInventory, emptyBatch, noReceipt, type BatchValues, type Receipt } from "./BatchFields";
import { ConflictBanner, dateText, errorsOf, useConfirmFor, useResultToast, type CardProps, type Editor, type Fetcher, type ReloadProps } from "./shared";

/** A key per rendered "add batch" form: a double click or a resubmit names the same batch. */
function newSubmissionKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export function BatchesCard({ editor, t, locale, onReload, reloading }: CardProps & ReloadProps) {
  const addFetcher = useFetcher<typeof action>();
  const editFetcher = useFetcher<typeof action>();
  const removeFetcher = useFetcher<typeof action>();
  const [draft, setDraft] = useState(emptyBatch);
  const [submissionKey, setSubmissionKey] = useState(newSubmissionKey);
  const [editing, setEditing] = useState<BatchValues | null>(null);
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

  const submit = (fetcher: Fetcher, values: BatchValues, extra: Record<string, string> = {}) =>
    fetcher.submit({ intent: "save-batch", variantId: editor.variant.id, ...values, ...extra }, { method: "post" });
  const removeErrors = errorsOf(removeFetcher);
  const addErrors = useFieldErrors(errorsOf(addFetcher), addFetcher.data);
  // Errors inside the edit dialog belong to this opening of it: a result from an earlier one is stale.
  const [staleEdit, setStaleEdit] = useState<unknown>(null);
  const editErrors = useFieldErrors(editFetcher.data !== staleEdit ? errorsOf(editFetcher) : {}, editFetcher.data);
  // What is not a field of the dialog (the batch was removed or changed elsewhere) shows at its top.
  const editProblem = editErrors.errors.form ?? editErrors.errors.batchId ?? editErrors.errors.variantId;
  const draftDirty = Object.values(draft).some((value) => value !== "");

  const startEditing = (batch: Editor["batches"][number]) => {
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
  };

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
                <Button size="slim" onClick={() => startEditing(batch)}>
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
            <ConflictBanner
              message={editProblem}
              t={t}
              onReload={() => {
                setEditing(null);
                onReload();
              }}
              reloading={reloading}
            />
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

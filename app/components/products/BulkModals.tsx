// The products list's bulk-action dialogs: "apply to every matching variant?" (a background job), and the
// lead time to set on the selected (or every matching) variant.
import { BlockStack, Modal, Text, TextField } from "@shopify/polaris";
import { ConfirmAllMatchingModal } from "~/components/ConfirmAllMatchingModal";
import { useT } from "~/i18n/react";
import { INTENT_KEYS, type BulkIntent } from "./labels";

export function ConfirmAllModal(props: {
  /** The action to confirm; the dialog is closed while null. */
  intent: BulkIntent | null;
  loading: boolean;
  onApply: (intent: BulkIntent) => void;
  onClose: () => void;
}) {
  const { t } = useT();
  return (
    <ConfirmAllMatchingModal
      {...props}
      title={t("products.bulkJob.confirm.title")}
      applyLabel={t("products.bulkJob.confirm.apply")}
      cancelLabel={t("products.bulk.cancel")}
      body={t("products.bulkJob.confirm.body", { action: t(INTENT_KEYS[props.intent ?? ""] ?? "products.bulk.apply") })}
    />
  );
}

export function LeadTimeModal({
  open,
  allMatching,
  value,
  onChange,
  error,
  loading,
  onApply,
  onClose,
}: {
  open: boolean;
  /** Every variant matching the filter is selected: the change runs as a background job. */
  allMatching: boolean;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  loading: boolean;
  onApply: () => void;
  onClose: () => void;
}) {
  const { t } = useT();
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={t("products.bulk.leadTime.title")}
      primaryAction={{ content: allMatching ? t("products.bulkJob.confirm.apply") : t("products.bulk.apply"), loading, onAction: onApply }}
      secondaryActions={[{ content: t("products.bulk.cancel"), onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          {allMatching && <Text as="p">{t("products.bulkJob.confirm.body", { action: t("products.bulk.leadTime") })}</Text>}
          <TextField
            label={t("products.bulk.leadTime.label")}
            type="number"
            min={0}
            max={365}
            value={value}
            onChange={onChange}
            helpText={t("products.bulk.leadTime.help")}
            error={error}
            autoComplete="off"
          />
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}

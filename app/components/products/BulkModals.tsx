// The products list's bulk-action dialogs: "apply to every matching variant?" (a background job), and the
// lead time or the payment option to set on the selected (or every matching) variant.
import { useState } from "react";
import { BlockStack, Modal, Select, Text, TextField } from "@shopify/polaris";
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

/** "Set payment option" on the selected (or every matching) variant: shop default, full, a percentage deposit, pay later. */
export function PaymentModal({
  open,
  allMatching,
  errors,
  loading,
  onApply,
  onClose,
}: {
  open: boolean;
  allMatching: boolean;
  errors: Record<string, string>;
  loading: boolean;
  onApply: (fields: Record<string, string>) => void;
  onClose: () => void;
}) {
  const { t } = useT();
  const [values, setValues] = useState({ paymentKind: "deposit", checkoutType: "percentage", checkoutPercent: "20", balanceTrigger: "on_ready", balanceDueOn: "" });
  const field = (name: keyof typeof values) => ({
    value: values[name],
    onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
    error: errors[name],
  });
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={t("payments.bulk.action")}
      primaryAction={{ content: allMatching ? t("products.bulkJob.confirm.apply") : t("products.bulk.apply"), loading, onAction: () => onApply(values) }}
      secondaryActions={[{ content: t("products.bulk.cancel"), onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          {allMatching && <Text as="p">{t("products.bulkJob.confirm.body", { action: t("payments.bulk.action") })}</Text>}
          <Select
            label={t("payments.kind.label")}
            options={(["default", "full", "deposit", "pay_later"] as const).map((kind) => ({
              value: kind,
              label: kind === "default" ? t("payments.bulk.default") : t(`payments.kind.${kind}`),
            }))}
            {...field("paymentKind")}
          />
          {values.paymentKind === "deposit" && (
            <TextField label={t("payments.checkoutPercent.label")} helpText={t("payments.bulk.percentOnly")} type="number" min={1} max={99} autoComplete="off" {...field("checkoutPercent")} />
          )}
          {(values.paymentKind === "deposit" || values.paymentKind === "pay_later") && (
            <>
              <Select
                label={t("payments.balanceTrigger.label")}
                options={[
                  { value: "on_ready", label: t("payments.balanceTrigger.on_ready") },
                  { value: "on_date", label: t("payments.balanceTrigger.on_date") },
                ]}
                {...field("balanceTrigger")}
              />
              {values.balanceTrigger === "on_date" && <TextField label={t("payments.balanceDueOn.label")} type="date" autoComplete="off" {...field("balanceDueOn")} />}
            </>
          )}
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}

// The fields of an incoming batch (quantity, expected and received dates, supplier), and, as a pending batch
// gets its received date, the choice to add its units to Shopify's inventory at a location.
import { Banner, BlockStack, Checkbox, FormLayout, Select, TextField } from "@shopify/polaris";
import type { Editor, T } from "./shared";

export const emptyBatch = { batchId: "", version: "", quantity: "", expectedOn: "", receivedOn: "", supplier: "" };
export type BatchValues = typeof emptyBatch;

export function BatchFields({
  values,
  onChange,
  errors,
  t,
  bounds,
  onEdit,
}: {
  values: BatchValues;
  onChange: (v: BatchValues) => void;
  errors: Record<string, string>;
  t: T;
  bounds: Editor["dateBounds"];
  onEdit?: (name: string) => void;
}) {
  const field = (name: keyof BatchValues) => ({
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

/** The edit dialog's "add to Shopify inventory" choice; offered only while the stored batch is pending. */
export type Receipt = { pending: boolean; add: boolean; locationId: string };
export const noReceipt: Receipt = { pending: false, add: false, locationId: "" };

/**
 * As a pending batch gets its received date: add its units to Shopify's inventory at a location, or be told
 * plainly that Shopify's stock stays as it is.
 */
export function ReceiveIntoInventory({
  quantity,
  locations,
  receipt,
  onChange,
  errors,
  t,
}: {
  quantity: string;
  locations: Editor["inventoryLocations"];
  receipt: Receipt;
  onChange: (r: Receipt) => void;
  errors: Record<string, string>;
  t: T;
}) {
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

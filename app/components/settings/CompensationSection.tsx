// The Settings section for support's compensation: the default offer, the most anyone may give (checked by
// the server on every "Compensate"), and the optional rule that proposes the default offer on late orders.
import { Card, Checkbox, FormLayout, Layout, Select, TextField } from "@shopify/polaris";
import { COMPENSATION_KINDS } from "~/domain/compensation";
import type { CompensationState, SectionProps } from "./form-state";

export function CompensationSection({
  form,
  errors,
  text,
  limits,
  updateCompensation,
}: Omit<SectionProps, "update"> & { updateCompensation: (patch: Partial<CompensationState>) => void }) {
  const c = form.compensation;
  const bounds = limits.compensation;
  const error = (field: string) => errors[`compensation.${field}`];
  const number = (field: keyof CompensationState, label: string, max: number, suffix?: string) => (
    <TextField
      label={label}
      name={`compensation.${field}`}
      type="number"
      min={1}
      max={max}
      step={1}
      suffix={suffix}
      value={String(c[field])}
      onChange={(v) => updateCompensation({ [field]: v })}
      error={error(field)}
      autoComplete="off"
    />
  );
  const amount = (field: "defaultAmount" | "maxAmount" | "maxStoreCredit", label: string, errorKey: string) => (
    <TextField
      label={label}
      name={`compensation.${field}`}
      inputMode="decimal"
      value={c[field]}
      onChange={(v) => updateCompensation({ [field]: v })}
      helpText={text["settings.compensation.amountHelp"]}
      error={error(errorKey)}
      autoComplete="off"
    />
  );
  return (
    <Layout.AnnotatedSection title={text["settings.compensation.title"]} description={text["settings.compensation.description"]}>
      <Card>
        <FormLayout>
          <Select
            label={text["settings.compensation.defaultKind.label"]}
            name="compensation.defaultKind"
            options={COMPENSATION_KINDS.map((kind) => ({ value: kind, label: text[`settings.compensation.kind.${kind}`] }))}
            value={c.defaultKind}
            onChange={(v) => updateCompensation({ defaultKind: v })}
            error={error("defaultKind")}
          />
          <FormLayout.Group condensed>
            {number("defaultPercent", text["settings.compensation.defaultPercent.label"], bounds.percent.max, "%")}
            {amount("defaultAmount", text["settings.compensation.defaultAmount.label"], "defaultAmountMinor")}
          </FormLayout.Group>
          {number("expiryDays", text["settings.compensation.expiryDays.label"], bounds.expiryDays.max, text["settings.days"])}
          <FormLayout.Group condensed>
            {number("maxPercent", text["settings.compensation.maxPercent.label"], bounds.percent.max, "%")}
            {amount("maxAmount", text["settings.compensation.maxAmount.label"], "maxAmountMinor")}
            {amount("maxStoreCredit", text["settings.compensation.maxStoreCredit.label"], "maxStoreCreditMinor")}
          </FormLayout.Group>
          <Checkbox
            id="compensation.proposeEnabled"
            name="compensation.proposeEnabled"
            value="true"
            label={text["settings.compensation.proposeEnabled.label"]}
            helpText={text["settings.compensation.proposeEnabled.help"]}
            checked={c.proposeEnabled}
            onChange={(checked) => updateCompensation({ proposeEnabled: checked })}
          />
          {number("proposeAfterDays", text["settings.compensation.proposeAfterDays.label"], bounds.proposeAfterDays.max, text["settings.days"])}
        </FormLayout>
      </Card>
    </Layout.AnnotatedSection>
  );
}

// The Settings sections that shape promised dates: safety margin and lead time, when a date change is worth
// an email (and how orders with waiting items ship), and the delivery modes with their processing and transit.
import { BlockStack, Card, Checkbox, ChoiceList, FormLayout, InlineError, Layout, Text, TextField } from "@shopify/polaris";
import { DELIVERY_MODES, type DeliveryMode } from "~/domain/types";
import { DaysField } from "./DaysField";
import type { ModeState, SectionProps, SettingsPage } from "./form-state";

export function PromisesSection({ form, update, errors, text, limits }: SectionProps) {
  const days = { text, limits };
  return (
    <Layout.AnnotatedSection title={text["settings.promises.title"]} description={text["settings.promises.description"]}>
      <Card>
        <FormLayout>
          <DaysField
            name="safetyMarginDays"
            label={text["settings.safetyMarginDays.label"]}
            value={form.safetyMarginDays}
            onChange={(v) => update({ safetyMarginDays: v })}
            helpText={text["settings.safetyMarginDays.help"]}
            error={errors.safetyMarginDays}
            {...days}
          />
          <DaysField
            name="defaultLeadTimeDays"
            label={text["settings.defaultLeadTimeDays.label"]}
            value={form.defaultLeadTimeDays}
            onChange={(v) => update({ defaultLeadTimeDays: v })}
            helpText={text["settings.defaultLeadTimeDays.help"]}
            error={errors.defaultLeadTimeDays}
            {...days}
          />
        </FormLayout>
      </Card>
    </Layout.AnnotatedSection>
  );
}

export function DateChangesSection({
  form,
  update,
  errors,
  text,
  limits,
  fulfillmentModes,
}: SectionProps & { fulfillmentModes: SettingsPage["options"]["fulfillmentModes"] }) {
  return (
    <Layout.AnnotatedSection title={text["settings.changes.title"]} description={text["settings.changes.description"]}>
      <Card>
        <FormLayout>
          <TextField
            label={text["settings.delayMinSlipDays.label"]}
            name="delayMinSlipDays"
            type="number"
            min={limits.slipDays.min}
            max={limits.slipDays.max}
            step={1}
            suffix={text["settings.days"]}
            value={form.delayMinSlipDays}
            onChange={(v) => update({ delayMinSlipDays: v })}
            helpText={text["settings.delayMinSlipDays.help"]}
            error={errors.delayMinSlipDays}
            autoComplete="off"
          />
          <Checkbox
            id="earlierDateEmails"
            name="earlierDateEmails"
            value="true"
            label={text["settings.earlierDateEmails.label"]}
            helpText={text["settings.earlierDateEmails.help"]}
            checked={form.earlierDateEmails}
            onChange={(checked) => update({ earlierDateEmails: checked })}
          />
          <ChoiceList
            name="fulfillmentModeChoice"
            title={text["settings.fulfillmentMode.label"]}
            choices={fulfillmentModes.map((mode) => ({
              value: mode,
              label: text[`settings.fulfillmentMode.${mode}`],
              helpText: text[`settings.fulfillmentMode.${mode}.help`],
            }))}
            selected={[form.fulfillmentMode]}
            onChange={([mode]) => update({ fulfillmentMode: mode ?? "ship_available" })}
            error={errors.fulfillmentMode}
          />
          <input type="hidden" name="fulfillmentMode" value={form.fulfillmentMode} />
        </FormLayout>
      </Card>
    </Layout.AnnotatedSection>
  );
}

export function DeliveryModesSection({
  form,
  errors,
  text,
  limits,
  updateMode,
}: Omit<SectionProps, "update"> & { updateMode: (mode: DeliveryMode, patch: Partial<ModeState>) => void }) {
  const days = { text, limits };
  return (
    <Layout.AnnotatedSection title={text["settings.delivery.title"]} description={text["settings.delivery.description"]}>
      <BlockStack gap="400">
        {errors.deliveryModes ? <InlineError message={errors.deliveryModes} fieldID="deliveryModes.standard.enabled" /> : null}
        {DELIVERY_MODES.map((mode) => {
          const state = form.deliveryModes[mode];
          const prefix = `deliveryModes.${mode}`;
          return (
            <Card key={mode}>
              <BlockStack gap="300">
                <Text as="h3" variant="headingSm">
                  {text[`settings.mode.${mode}`]}
                </Text>
                <Checkbox
                  id={`${prefix}.enabled`}
                  name={`${prefix}.enabled`}
                  value="true"
                  label={text["settings.mode.enabled"]}
                  checked={state.enabled}
                  onChange={(checked) => updateMode(mode, { enabled: checked })}
                />
                <FormLayout>
                  <FormLayout.Group condensed>
                    <DaysField
                      name={`${prefix}.processingDays`}
                      label={text["settings.mode.processingDays"]}
                      value={state.processingDays}
                      onChange={(v) => updateMode(mode, { processingDays: v })}
                      helpText={text["settings.mode.processingDays.help"]}
                      error={errors[`${prefix}.processingDays`]}
                      {...days}
                    />
                    {mode === "pickup" ? null : (
                      <DaysField
                        name={`${prefix}.transitMinDays`}
                        label={text["settings.mode.transitMinDays"]}
                        value={state.transitMinDays}
                        onChange={(v) => updateMode(mode, { transitMinDays: v })}
                        error={errors[`${prefix}.transitMinDays`]}
                        {...days}
                      />
                    )}
                    {mode === "pickup" ? null : (
                      <DaysField
                        name={`${prefix}.transitMaxDays`}
                        label={text["settings.mode.transitMaxDays"]}
                        value={state.transitMaxDays}
                        onChange={(v) => updateMode(mode, { transitMaxDays: v })}
                        error={errors[`${prefix}.transitMaxDays`]}
                        {...days}
                      />
                    )}
                  </FormLayout.Group>
                  {mode === "pickup" ? (
                    <Text as="p" tone="subdued">
                      {text["settings.mode.pickupHelp"]}
                    </Text>
                  ) : null}
                </FormLayout>
              </BlockStack>
            </Card>
          );
        })}
      </BlockStack>
    </Layout.AnnotatedSection>
  );
}

// The Settings section for customers' cancellation requests: what happens when a customer answers a delay
// email with "cancel my backordered items for a refund" (refund at once, or wait for staff approval).
import { Card, ChoiceList, FormLayout, Layout, Text } from "@shopify/polaris";
import type { SectionProps, SettingsPage } from "./form-state";

export function CancellationSection({ form, update, errors, text, modes }: SectionProps & { modes: SettingsPage["options"]["cancelRequestModes"] }) {
  return (
    <Layout.AnnotatedSection title={text["settings.cancellation.title"]} description={text["settings.cancellation.description"]}>
      <Card>
        <FormLayout>
          <ChoiceList
            name="cancelRequestsChoice"
            title={text["settings.cancellation.label"]}
            choices={modes.map((mode) => ({
              value: mode,
              label: text[`settings.cancellation.${mode}`],
              helpText: text[`settings.cancellation.${mode}.help`],
            }))}
            selected={[form.cancelRequests]}
            onChange={([mode]) => update({ cancelRequests: mode ?? "approval" })}
            error={errors.cancelRequests}
          />
          <input type="hidden" name="cancelRequests" value={form.cancelRequests} />
          <Text as="p" tone="subdued">
            {text["settings.cancellation.ftc"]}
          </Text>
        </FormLayout>
      </Card>
    </Layout.AnnotatedSection>
  );
}

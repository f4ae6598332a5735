// The Settings sections of the business calendar: cut-off time, timezone, public holidays and working days;
// then the shop's own closure days.
import { useState } from "react";
import { BlockStack, Button, Card, ChoiceList, FormLayout, InlineStack, Layout, Select, Tag, Text, TextField } from "@shopify/polaris";
import { isIsoDate } from "~/validation/dates";
import { WEEKDAYS, type SectionProps, type SettingsPage } from "./form-state";

export function CalendarSection({ form, update, errors, text, options }: Omit<SectionProps, "limits"> & { options: SettingsPage["options"] }) {
  const regions = options.regions[form.holidayCountry] ?? [];
  return (
    <Layout.AnnotatedSection title={text["settings.calendar.title"]} description={text["settings.calendar.description"]}>
      <Card>
        <FormLayout>
          <TextField
            label={text["settings.cutoffTime.label"]}
            name="cutoffTime"
            type="time"
            value={form.cutoffTime}
            onChange={(v) => update({ cutoffTime: v })}
            helpText={text["settings.cutoffTime.help"]}
            error={errors.cutoffTime}
            autoComplete="off"
          />
          <Select
            label={text["settings.timezone.label"]}
            name="timezone"
            options={options.timeZones}
            value={form.timezone}
            onChange={(v) => update({ timezone: v })}
            error={errors.timezone}
          />
          <FormLayout.Group>
            <Select
              label={text["settings.holidayCountry.label"]}
              name="holidayCountry"
              options={options.countries}
              value={form.holidayCountry}
              onChange={(v) => update({ holidayCountry: v, holidayRegion: "" })}
              helpText={text["settings.holidayCountry.help"]}
              error={errors.holidayCountry}
            />
            <Select
              label={text["settings.holidayRegion.label"]}
              name="holidayRegion"
              options={[{ value: "", label: text["settings.holidayRegion.none"] }, ...regions]}
              value={form.holidayRegion}
              onChange={(v) => update({ holidayRegion: v })}
              disabled={regions.length === 0}
              helpText={text["settings.holidayRegion.help"]}
              error={errors.holidayRegion}
            />
          </FormLayout.Group>
          <ChoiceList
            allowMultiple
            name="workingDaysChoice"
            title={text["settings.workingDays.label"]}
            choices={WEEKDAYS.map((day) => ({ value: day, label: text[`settings.weekday.${day}`] }))}
            selected={form.workingDays}
            onChange={(selected) => update({ workingDays: [...selected].sort() })}
            error={errors.workingDays}
          />
          {form.workingDays.map((day) => (
            <input key={day} type="hidden" name="workingDays" value={day} />
          ))}
        </FormLayout>
      </Card>
    </Layout.AnnotatedSection>
  );
}

/** Closure days: a date picker adds one (Enter too, without submitting the form), a tag's × removes it. */
export function ClosureDaysSection({
  form,
  update,
  errors,
  text,
  closureWindow,
  onAdd,
}: Omit<SectionProps, "limits"> & {
  closureWindow: SettingsPage["closureWindow"];
  /** Adds a day to the form's list (an error shown for the list stays until it is edited otherwise). */
  onAdd: (day: string) => void;
}) {
  const [newClosure, setNewClosure] = useState("");
  const [closureError, setClosureError] = useState<string | undefined>();

  const addClosure = () => {
    if (!isIsoDate(newClosure)) {
      setClosureError(text["settings.error.closureDay"]);
      return;
    }
    if (newClosure < closureWindow.min || newClosure > closureWindow.max) {
      setClosureError(text["settings.error.closureDayRange"]);
      return;
    }
    setClosureError(undefined);
    onAdd(newClosure);
    setNewClosure("");
  };

  return (
    <Layout.AnnotatedSection title={text["settings.closures.title"]} description={text["settings.closures.description"]}>
      <Card>
        <BlockStack gap="300">
          {/* Enter adds the date instead of submitting the whole form. */}
          <div
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                addClosure();
              }
            }}
          >
            <TextField
              label={text["settings.closures.add.label"]}
              type="date"
              min={closureWindow.min}
              max={closureWindow.max}
              value={newClosure}
              onChange={(v) => {
                setNewClosure(v);
                setClosureError(undefined);
              }}
              helpText={text["settings.closures.add.help"]}
              error={closureError ?? errors.closureDays}
              autoComplete="off"
              connectedRight={<Button onClick={addClosure}>{text["settings.closures.add.button"]}</Button>}
            />
          </div>
          {form.closureDays.length === 0 ? (
            <Text as="p" tone="subdued">
              {text["settings.closures.empty"]}
            </Text>
          ) : (
            <InlineStack gap="200" as="ul" aria-label={text["settings.closures.list"]}>
              {form.closureDays.map((day) => (
                <InlineStack key={day} as="li">
                  <Tag onRemove={() => update({ closureDays: form.closureDays.filter((d) => d !== day) })}>{day}</Tag>
                </InlineStack>
              ))}
            </InlineStack>
          )}
          {form.closureDays.map((day) => (
            <input key={day} type="hidden" name="closureDays" value={day} />
          ))}
        </BlockStack>
      </Card>
    </Layout.AnnotatedSection>
  );
}

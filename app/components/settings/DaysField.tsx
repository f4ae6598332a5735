// A whole number of days, with the page's limit and the field's error.
import { TextField } from "@shopify/polaris";
import type { SettingsPage, SettingsText } from "./form-state";

export function DaysField({
  name,
  label,
  value,
  onChange,
  helpText,
  error,
  text,
  limits,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  helpText?: string;
  error: string | undefined;
  text: SettingsText;
  limits: SettingsPage["limits"];
}) {
  return (
    <TextField
      label={label}
      name={name}
      type="number"
      min={0}
      max={limits.maxDays}
      step={1}
      suffix={text["settings.days"]}
      value={value}
      onChange={onChange}
      helpText={helpText}
      error={error}
      autoComplete="off"
    />
  );
}

// A form's editable values next to what is stored: whether it is dirty, the errors of the last save (minus
// those of fields edited since, ./useFieldErrors) and `field(name)`, the props a Polaris input needs.
import { useState } from "react";
import { useFieldErrors } from "./useFieldErrors";

export function useFormValues<V extends Record<string, string>>(stored: V, saveErrors: Record<string, string>, result: unknown) {
  const [values, setValues] = useState(stored);
  const dirty = JSON.stringify(values) !== JSON.stringify(stored);
  const { errors, touch } = useFieldErrors(saveErrors, result);
  const field = (name: keyof V & string) => ({
    name,
    value: values[name] ?? "",
    onChange: (value: string) => {
      touch(name);
      setValues((v) => ({ ...v, [name]: value }));
    },
    error: errors[name],
    autoComplete: "off",
  });
  return { values, setValues, dirty, errors, touch, field, discard: () => setValues(stored) };
}

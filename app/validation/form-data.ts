// Helpers shared by the zod form schemas: FormData → plain object, and zod issues → field errors.
import type { ZodError } from "zod";

/** Every entry of the form as a string (files are not accepted by our forms). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") values[key] = value;
  }
  return values;
}

/** zod issues → `{ "path.to.field": "message" }`, first message per field, for Polaris `error=` props. */
export function fieldErrors(error: ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

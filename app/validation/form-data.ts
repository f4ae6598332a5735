// Helpers shared by the zod form schemas: the request's form body, FormData → plain object, and zod
// issues → field errors.
import type { ZodError } from "zod";

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

export const NOT_A_FORM_MESSAGE = "Send this request as a form (application/x-www-form-urlencoded or multipart/form-data).";

/**
 * The body of an admin action, which our pages always post as a form. A JSON, empty or malformed body
 * is the client's mistake: it gets a 400 with a message (thrown, like Remix's own responses), never the
 * 500 that `request.formData()` would cause. Call it after `authenticate.admin`.
 */
export async function readFormData(request: Request): Promise<FormData> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!FORM_TYPES.includes(type)) throw notAForm();
  try {
    return await request.formData();
  } catch {
    throw notAForm();
  }
}

function notAForm(): Response {
  const body = { ok: false, message: NOT_A_FORM_MESSAGE, errors: { form: NOT_A_FORM_MESSAGE } };
  return new Response(JSON.stringify(body), { status: 400, headers: { "Content-Type": "application/json; charset=utf-8" } });
}

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

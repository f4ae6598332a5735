// The notifications admin forms: one zod schema per form, shared by the page and its action. Error messages
// are i18n keys (app/i18n/messages/notifications.ts); the route translates them.
import { z } from "zod";
import { EMAIL_KINDS, EMAIL_LOCALES } from "./kinds";

export const MAX_SUBJECT_SOURCE_LENGTH = 500;
export const MAX_BODY_SOURCE_LENGTH = 100_000;

export const NOTIFICATION_ERROR_KEYS = [
  "notifications.error.required",
  "notifications.error.subjectTooLong",
  "notifications.error.bodyTooLong",
  "notifications.error.email",
  "notifications.error.invalid",
] as const;
export type NotificationErrorKey = (typeof NOTIFICATION_ERROR_KEYS)[number];

// Browsers post textarea line breaks as CRLF; store LF so an unchanged template compares equal.
const source = (max: number, tooLong: NotificationErrorKey) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.replace(/\r\n?/g, "\n") : value),
    z
      .string({ required_error: "notifications.error.required", invalid_type_error: "notifications.error.invalid" })
      .refine((v) => v.trim().length > 0, { message: "notifications.error.required" })
      .refine((v) => v.length <= max, { message: tooLong }),
  );

export const templateTargetSchema = z.object({
  kind: z.enum(EMAIL_KINDS, { message: "notifications.error.invalid" }),
  locale: z.enum(EMAIL_LOCALES, { message: "notifications.error.invalid" }),
});

export const templateFormSchema = templateTargetSchema.extend({
  subject: source(MAX_SUBJECT_SOURCE_LENGTH, "notifications.error.subjectTooLong"),
  body: source(MAX_BODY_SOURCE_LENGTH, "notifications.error.bodyTooLong"),
});
export type TemplateForm = z.output<typeof templateFormSchema>;

/** An empty address means "the shop's email". */
export const testRecipientSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.trim() : value),
  z.union([z.literal(""), z.string().email({ message: "notifications.error.email" }).max(320)]).optional(),
);

export type FieldErrors = Partial<Record<string, NotificationErrorKey>>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".");
    const key = (NOTIFICATION_ERROR_KEYS as readonly string[]).includes(issue.message)
      ? (issue.message as NotificationErrorKey)
      : "notifications.error.invalid";
    errors[path] ??= key;
  }
  return errors;
}

export type ParseResult<T> = { success: true; data: T } | { success: false; errors: FieldErrors };

export function parseForm<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, form: FormData, fields: readonly string[]): ParseResult<T> {
  const input = Object.fromEntries(fields.map((name) => [name, form.get(name) ?? undefined]));
  const result = schema.safeParse(input);
  return result.success ? { success: true, data: result.data } : { success: false, errors: fieldErrors(result.error) };
}

// Feedback inputs (zod): the shop's survey settings (a Settings section, stored as JSON in
// ShopSettings.feedback) and the customer's answer on the survey page. Messages are admin message keys.
import { z } from "zod";
import { DEFAULT_FEEDBACK_SETTINGS, FEEDBACK_BOUNDS, FEEDBACK_LOCALES, type FeedbackSettings } from "~/domain/feedback";
import { strictInt } from "./integer";

export const FEEDBACK_SETTINGS_ERROR_KEYS = ["settings.feedback.error.delayDays", "settings.feedback.error.question", "settings.feedback.error.questionTooLong"] as const;

const checkbox = z.preprocess((value) => value === true || value === "true" || value === "on" || value === "1", z.boolean());

const question = z.unknown().transform((value, ctx): string => {
  const text = typeof value === "string" ? value.trim() : "";
  if (!text) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "settings.feedback.error.question" });
  else if (text.length > FEEDBACK_BOUNDS.questionLength.max) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "settings.feedback.error.questionTooLong" });
  return text;
});

const questions = z.object({ wait: question, date: question });

const settingsObject = z.object({
  enabled: checkbox,
  delayDays: strictInt({ ...FEEDBACK_BOUNDS.delayDays, message: "settings.feedback.error.delayDays" }),
  questions: z.object({ en: questions, fr: questions }),
});

/** The shop's survey settings. Not posted at all (an older client, a stored "{}") → every default. */
export const feedbackSettingsSchema = z.preprocess(
  (value) => (value === undefined || (value !== null && typeof value === "object" && Object.keys(value).length === 0) ? DEFAULT_FEEDBACK_SETTINGS : value),
  settingsObject,
) as unknown as z.ZodType<FeedbackSettings, z.ZodTypeDef, unknown>;

/** The settings form's flat fields (`feedback.delayDays`, `feedback.questions.fr.wait`…); undefined when none is posted. */
export function feedbackInputFromFormData(form: FormData): Record<string, unknown> | undefined {
  const get = (name: string) => form.get(`feedback.${name}`) ?? undefined;
  if (get("delayDays") === undefined) return undefined;
  return {
    enabled: get("enabled"),
    delayDays: get("delayDays"),
    questions: Object.fromEntries(FEEDBACK_LOCALES.map((locale) => [locale, { wait: get(`questions.${locale}.wait`), date: get(`questions.${locale}.date`) }])),
  };
}

/** The survey page's form: a score, the date question (optional), a comment (optional). */
export const feedbackAnswerSchema = z.object({
  score: z.coerce.number().int().min(1).max(5),
  dateAccurate: z
    .enum(["yes", "no", ""])
    .optional()
    .transform((v) => (v === "yes" ? true : v === "no" ? false : null)),
  comment: z
    .string()
    .max(FEEDBACK_BOUNDS.commentLength * 2)
    .optional()
    .transform((v) => v?.trim() || null)
    .refine((v) => v === null || v.length <= FEEDBACK_BOUNDS.commentLength),
});
export type FeedbackAnswer = z.output<typeof feedbackAnswerSchema>;

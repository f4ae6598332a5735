// The order page's cancellation forms (cancel & refund owed lines or the whole order, approve or decline a
// customer's request): zod schemas whose messages are admin message keys, translated by the route.
import { z } from "zod";

export const CANCEL_INTENTS = ["cancel_lines", "cancel_order", "approve_cancel", "decline_cancel"] as const;
export type CancelIntent = (typeof CANCEL_INTENTS)[number];

export function isCancelIntent(value: unknown): value is CancelIntent {
  return typeof value === "string" && (CANCEL_INTENTS as readonly string[]).includes(value);
}

const version = z.coerce.number({ invalid_type_error: "support.error.version" }).int().positive("support.error.version");
/** The form's one-time key: a resubmitted form resumes the same cancellation instead of starting another. */
const submissionKey = z.string({ required_error: "support.cancel.error.key" }).trim().min(8, "support.cancel.error.key").max(100, "support.cancel.error.key");
/** The refund the person confirmed (decimal text): a different amount by now is a conflict, not a surprise. */
const amount = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,4})?$/, "support.error.intent")
  .optional();
const cancellationId = z.string().trim().min(1, "support.cancel.error.requestGone").max(100, "support.cancel.error.requestGone");

export const cancelActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("cancel_lines"),
      version,
      lineIds: z.array(z.string().min(1).max(100)).min(1, "support.cancel.error.notWaiting").max(250),
      submissionKey,
      amount,
    }),
    z.object({ intent: z.literal("cancel_order"), version, submissionKey, amount }),
    z.object({ intent: z.literal("approve_cancel"), version, cancellationId, amount }),
    z.object({
      intent: z.literal("decline_cancel"),
      version,
      cancellationId,
      reason: z.string({ required_error: "support.cancel.error.reasonRequired" }).trim().min(1, "support.cancel.error.reasonRequired").max(500, "support.error.tooLong"),
    }),
  ],
  { errorMap: () => ({ message: "support.error.intent" }) },
);
export type CancelActionInput = z.infer<typeof cancelActionSchema>;

/** The refund preview's query (`?scope=lines&lineIds=…`, `?scope=order`, `?request=<cancellation id>`). */
export const refundPreviewSchema = z.object({
  scope: z.enum(["lines", "order"]).default("lines"),
  lineIds: z.array(z.string().min(1).max(100)).max(250).default([]),
  request: z.string().min(1).max(100).nullish(),
});

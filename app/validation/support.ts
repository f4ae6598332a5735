// The support desk's inputs: the queue's filter (from the URL, shared by the page and the CSV export) and
// the order page's and bulk actions' forms (zod; messages are admin message keys, translated by the route).
import { z } from "zod";
import { isIsoDate } from "./dates";
import { CASE_STATUSES } from "./support-filter";

export * from "./support-filter";

const version = z.coerce.number({ invalid_type_error: "support.error.version" }).int().positive("support.error.version");
const isoDate = z.string().trim().refine(isIsoDate, { message: "support.error.date" });

export const noteSchema = z.object({
  intent: z.literal("note"),
  version,
  note: z.string().trim().min(1, "support.error.noteRequired").max(5_000, "support.error.tooLong"),
});

export const reviseSchema = z.object({
  intent: z.literal("revise"),
  version,
  lineIds: z.array(z.string().min(1).max(100)).min(1, "support.error.linesRequired").max(250),
  earliest: isoDate,
  latest: isoDate,
  reason: z.string().trim().min(1, "support.error.reasonRequired").max(500, "support.error.tooLong"),
  notify: z.enum(["on", "off"]).default("off"),
});

export const messageSchema = z.object({
  intent: z.literal("message"),
  version,
  message: z.string().trim().min(1, "support.error.messageRequired").max(5_000, "support.error.tooLong"),
  submissionKey: z.string().trim().min(8).max(100),
});

export const assignSchema = z.object({
  intent: z.literal("assign"),
  version,
  assignee: z.string().trim().max(100, "support.error.tooLong"),
});

export const statusSchema = z.object({
  intent: z.literal("status"),
  version,
  status: z.enum(CASE_STATUSES, { message: "support.error.status" }),
});

export const noticeSchema = z.object({ intent: z.literal("notice"), version });

export const orderActionSchema = z.discriminatedUnion("intent", [noteSchema, reviseSchema, messageSchema, assignSchema, statusSchema, noticeSchema], {
  errorMap: () => ({ message: "support.error.intent" }),
});
export type OrderActionInput = z.infer<typeof orderActionSchema>;

export const bulkSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("assign"), orderIds: z.array(z.string().min(1).max(100)).min(1).max(50), assignee: z.string().trim().max(100, "support.error.tooLong") }),
    z.object({ intent: z.literal("resolve"), orderIds: z.array(z.string().min(1).max(100)).min(1).max(50) }),
    z.object({ intent: z.literal("notice"), orderIds: z.array(z.string().min(1).max(100)).min(1).max(50) }),
  ],
  { errorMap: () => ({ message: "support.error.intent" }) },
);
export type BulkInput = z.infer<typeof bulkSchema>;

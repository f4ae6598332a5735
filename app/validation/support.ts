// The support desk's inputs: the queue's filter (from the URL, shared by the page and the CSV export) and
// the order page's and bulk actions' forms (zod; messages are admin message keys, translated by the route).
import { z } from "zod";
import { isIsoDate } from "./dates";

export const CASE_STATUSES = ["open", "waiting_customer", "resolved"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATES = ["waiting", "at_risk", "delayed", "ready", "cancelled"] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const QUEUE_VIEWS = ["all", "delayed", "at_risk", "waiting_customer", "resolved"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export const QUEUE_SORTS = ["days_late_desc", "days_late_asc", "ordered_asc"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const QUEUE_QUERY_MAX = 200;

export interface QueueFilter {
  view: QueueView;
  query: string;
  productId: string | null;
  state: CaseState | null;
  promisedFrom: string | null;
  promisedTo: string | null;
  sort: QueueSort;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** `?view=&q=&product=&state=&from=&to=&sort=`; anything unknown means "no filter" rather than an error. */
export function queueFilterFrom(params: URLSearchParams): QueueFilter {
  const date = (key: string) => {
    const v = params.get(key);
    return v && isIsoDate(v) ? v : null;
  };
  const product = params.get("product");
  return {
    view: oneOf(QUEUE_VIEWS, params.get("view")) ?? "all",
    query: (params.get("q") ?? "").trim().slice(0, QUEUE_QUERY_MAX),
    productId: product && /^gid:\/\/shopify\/Product\/\d+$/.test(product) ? product : null,
    state: oneOf(CASE_STATES, params.get("state")),
    promisedFrom: date("from"),
    promisedTo: date("to"),
    sort: oneOf(QUEUE_SORTS, params.get("sort")) ?? "days_late_desc",
  };
}

/** The filter as URL parameters (links, the CSV export). */
export function queueFilterParams(filter: QueueFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.view !== "all") params.set("view", filter.view);
  if (filter.query) params.set("q", filter.query);
  if (filter.productId) params.set("product", filter.productId);
  if (filter.state) params.set("state", filter.state);
  if (filter.promisedFrom) params.set("from", filter.promisedFrom);
  if (filter.promisedTo) params.set("to", filter.promisedTo);
  if (filter.sort !== "days_late_desc") params.set("sort", filter.sort);
  return params;
}

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

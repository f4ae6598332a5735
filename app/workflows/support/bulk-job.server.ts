// "Select all orders matching this filter" on the support queue: the bulk action (send the delay notice,
// assign, mark resolved) runs as a background job (`bulk.support`) on the products list's machinery
// (~/models/bulk-job.server: one job per shop and kind at a time, progress recorded on the job, the same
// banner). Its payload is the queue's filter, the action and who asked, never a list of ids: the job lists
// the matching cases itself with the queue's own keyset query, page by page, then applies the action to
// them 100 at a time through the desk's bulk action, so each delay email goes out exactly once (the told
// date's compare-and-set and the outbox's dedupe key), even when the job is retried.
import { z } from "zod";
import { isIsoDate } from "~/domain/dates";
import { enqueueBulkJob, recordBulkProgress, SUPPORT_BULK_JOB_KIND, type BulkOutcome, type BulkProgress } from "~/models/bulk-job.server";
import { allCases, casesOfOrders } from "~/models/support-case.server";
import type { JobContext, JobOutcome } from "~/jobs/types";
import { PermanentJobError } from "~/jobs/types";
import { CASE_STATES, QUEUE_QUERY_MAX, QUEUE_SORTS, QUEUE_SUPPLIER_MAX, QUEUE_VIEWS, queueFilterFrom, type QueueFilter } from "~/validation/support-filter";
import { runBulkAction } from "./desk.server";

const isoDate = z.string().refine(isIsoDate);

const FilterSchema = z.object({
  view: z.enum(QUEUE_VIEWS),
  query: z.string().max(QUEUE_QUERY_MAX),
  productId: z.string().max(100).nullable(),
  supplier: z.string().max(QUEUE_SUPPLIER_MAX).nullable(),
  state: z.enum(CASE_STATES).nullable(),
  promisedFrom: isoDate.nullable(),
  promisedTo: isoDate.nullable(),
  sort: z.enum(QUEUE_SORTS),
});

const ChangeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("assign"), assignee: z.string().trim().max(100, "support.error.tooLong") }),
  z.object({ intent: z.literal("resolve") }),
  z.object({ intent: z.literal("notice") }),
], { errorMap: () => ({ message: "support.error.intent" }) });

/** The job's payload: the filter the person saw, the action, and who they are (the timeline's actor). */
export const SupportJobPayloadSchema = z.object({ filter: FilterSchema, change: ChangeSchema, actor: z.string().min(1).max(120) });
export type SupportJobPayload = z.infer<typeof SupportJobPayloadSchema>;

export type StartSupportJobResult = { ok: true; jobId: string } | { ok: false; status: 400 | 409; errors: Record<string, string> };

/**
 * Queues the job for every case matching the filter (`filterQuery`: the queue's URL parameters, as the page
 * shows them); refused while the shop's previous one still runs.
 */
export async function startMatchingSupportJob({
  shop,
  actor,
  filterQuery,
  input,
  now,
}: {
  shop: string;
  actor: string;
  filterQuery: string;
  input: Record<string, unknown>;
  now?: Date;
}): Promise<StartSupportJobResult> {
  const change = ChangeSchema.safeParse(input);
  if (!change.success) {
    const issue = change.error.issues[0];
    return { ok: false, status: 400, errors: { [issue?.path[0] === "assignee" ? "assignee" : "form"]: issue?.message ?? "support.error.intent" } };
  }
  const filter: QueueFilter = queueFilterFrom(new URLSearchParams(filterQuery));
  const payload: SupportJobPayload = { filter, change: change.data, actor };
  const queued = await enqueueBulkJob({ shop, kind: SUPPORT_BULK_JOB_KIND, payload, ...(now ? { now } : {}) });
  if (!queued.created) return { ok: false, status: 409, errors: { form: "support.queue.bulkJob.busy" } };
  return { ok: true, jobId: queued.id };
}

/** Orders changed per round: one write transaction and one progress update each. */
export const SUPPORT_BULK_CHUNK = 100;
/** Progress is recorded every this many cases while they are being listed. */
const COUNT_STEP = 1_000;
const FAILURES_KEPT = 20;

export async function runMatchingSupportJob(ctx: JobContext, payload: unknown): Promise<JobOutcome> {
  const parsed = SupportJobPayloadSchema.safeParse(payload);
  if (!parsed.success) throw new PermanentJobError(`Bad job payload: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const { filter, change, actor } = parsed.data;
  const input: SupportJobPayload = { filter, change, actor };
  const shop = ctx.shop;
  const progress: BulkProgress = { phase: "counting", done: 0, total: 0, failed: 0 };
  const record = () => recordBulkProgress({ shop, jobId: ctx.job.id, workerId: ctx.workerId, input, progress });

  // 1. Every matching case, listed before anything changes: resolving takes cases out of the Open view,
  //    so changing while paging would move the pages under the job's feet.
  const orderIds: string[] = [];
  for await (const c of allCases({ shop, filter })) {
    orderIds.push(c.orderId);
    if (orderIds.length % COUNT_STEP === 0) {
      progress.total = orderIds.length;
      await record();
    }
  }
  progress.total = orderIds.length;
  progress.phase = "applying";
  await record();

  // 2. The action, chunk by chunk; a case deleted meanwhile (customer data erased) counts as failed.
  const failures: BulkOutcome["failures"] = [];
  let changed = 0;
  for (let i = 0; i < orderIds.length; i += SUPPORT_BULK_CHUNK) {
    const chunk = orderIds.slice(i, i + SUPPORT_BULK_CHUNK);
    const present = new Set((await casesOfOrders({ shop, orderIds: chunk })).map((c) => c.orderId));
    const gone = chunk.filter((orderId) => !present.has(orderId));
    failures.push(...gone.map((orderId) => ({ orderId, message: "This order is no longer in the support desk" })));
    if (present.size > 0) {
      const result = await runBulkAction({ shop, actor, input: { ...change, orderIds: [...present] }, now: ctx.now() });
      if (result.ok) changed += result.count;
    }
    progress.done += chunk.length;
    progress.failed += gone.length;
    await record();
  }

  const result: BulkOutcome = { done: progress.done, total: progress.total, failed: progress.failed, failures: failures.slice(0, FAILURES_KEPT), changed };
  ctx.log("support bulk action applied", { intent: change.intent, total: result.total, changed, failed: result.failed });
  return { summary: `${change.intent}: ${result.done - result.failed} of ${result.total} order(s), ${changed} changed${change.intent === "notice" ? " (delay emails queued)" : ""}, ${result.failed} failed`, result };
}

// The "select all matching" bulk jobs of the admin lists (the products list: `bulk.variants`; the support
// queue: `bulk.support`), on the shared Job table: one slot per shop and kind (a second one is refused while
// the first is queued or running), and the progress its handler records.
//
// The slot is the job's uniqueKey: the (shop, uniqueKey) unique index makes "one at a time" hold across
// requests and processes. A finished job gives the key up (renamed to its own id) when the next one starts.
import prisma from "~/db.server";
import { enqueueJob } from "./job.server";

export const BULK_JOB_KIND = "bulk.variants";
/** Every support case matching the queue's filter: send the delay notice, assign, or resolve. */
export const SUPPORT_BULK_JOB_KIND = "bulk.support";
export type BulkJobKind = typeof BULK_JOB_KIND | typeof SUPPORT_BULK_JOB_KIND;
const slotOf = (kind: BulkJobKind) => `${kind}:active`;
const ACTIVE = ["queued", "running"];

export interface BulkProgress {
  /** "counting" while the matching rows are listed, then "applying". */
  phase: "counting" | "applying";
  done: number;
  total: number;
  failed: number;
}

export interface BulkOutcome {
  done: number;
  total: number;
  failed: number;
  /** The first failures (the variant or order, and why), for the banner. */
  failures: { variantId?: string; orderId?: string; label?: string; message: string }[];
  /** What the change did beyond the rows it went through, when it says more (delay emails queued). */
  changed?: number;
}

/**
 * Queues the shop's bulk job of `kind` unless one of that kind is queued or running; `created` is false
 * when refused. Runs in one transaction so a finished job's slot is handed over atomically.
 */
export async function enqueueBulkJob({
  shop,
  payload,
  kind = BULK_JOB_KIND,
  now = new Date(),
}: {
  shop: string;
  payload: unknown;
  kind?: BulkJobKind;
  now?: Date;
}) {
  const slot = slotOf(kind);
  return prisma.$transaction(async (tx) => {
    const holder = await tx.job.findUnique({ where: { shop_uniqueKey: { shop, uniqueKey: slot } }, select: { id: true, status: true } });
    if (holder && ACTIVE.includes(holder.status)) return { id: holder.id, created: false };
    if (holder) await tx.job.updateMany({ where: { id: holder.id, shop }, data: { uniqueKey: `${kind}:${holder.id}` } });
    return enqueueJob({ shop, kind, payload, uniqueKey: slot, maxAttempts: 3, now }, tx);
  });
}

/** Records progress in the running job's payload (only while this worker still holds it). */
export async function recordBulkProgress({
  shop,
  jobId,
  workerId,
  input,
  progress,
}: {
  shop: string;
  jobId: string;
  workerId: string;
  input: Record<string, unknown>;
  progress: BulkProgress;
}): Promise<void> {
  await prisma.job.updateMany({
    where: { id: jobId, shop, status: "running", leaseOwner: workerId },
    data: { payload: JSON.stringify({ ...input, progress }) },
  });
}

export interface BulkJobState {
  id: string;
  status: "queued" | "running" | "succeeded" | "dead";
  intent: string | null;
  progress: BulkProgress | null;
  outcome: BulkOutcome | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** The shop's newest bulk job of `kind`, as its list shows it (null when there has never been one). */
export async function latestBulkJob({ shop, kind = BULK_JOB_KIND }: { shop: string; kind?: BulkJobKind }): Promise<BulkJobState | null> {
  const job = await prisma.job.findFirst({
    where: { shop, kind },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, status: true, payload: true, lastError: true, createdAt: true, finishedAt: true },
  });
  if (!job) return null;
  let payload: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(job.payload);
    if (parsed && typeof parsed === "object") payload = parsed as Record<string, unknown>;
  } catch {
    // A payload that does not parse shows as a job without progress.
  }
  const change = payload.change as { intent?: unknown } | undefined;
  return {
    id: job.id,
    status: job.status as BulkJobState["status"],
    intent: typeof change?.intent === "string" ? change.intent : null,
    progress: (payload.progress as BulkProgress | undefined) ?? null,
    outcome: (payload.result as BulkOutcome | undefined) ?? null,
    error: job.status === "dead" ? job.lastError : null,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}

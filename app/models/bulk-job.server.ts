// The "select all matching" bulk job of the products list, on the shared Job table: one slot per shop
// (a second one is refused while the first is queued or running), and the progress its handler records.
//
// The slot is the job's uniqueKey: the (shop, uniqueKey) unique index makes "one at a time" hold across
// requests and processes. A finished job gives the key up (renamed to its own id) when the next one starts.
import prisma from "~/db.server";
import { enqueueJob } from "./job.server";

export const BULK_JOB_KIND = "bulk.variants";
const SLOT = "bulk.variants:active";
const ACTIVE = ["queued", "running"];

export interface BulkProgress {
  /** "counting" while the matching variants are listed, then "applying". */
  phase: "counting" | "applying";
  done: number;
  total: number;
  failed: number;
}

export interface BulkOutcome {
  done: number;
  total: number;
  failed: number;
  /** The first failures (variant and Shopify's message), for the banner. */
  failures: { variantId: string; message: string }[];
}

/**
 * Queues the shop's bulk job unless one is queued or running; `created` is false when refused.
 * Runs in one transaction so a finished job's slot is handed over atomically.
 */
export async function enqueueBulkJob({ shop, payload, now = new Date() }: { shop: string; payload: unknown; now?: Date }) {
  return prisma.$transaction(async (tx) => {
    const holder = await tx.job.findUnique({ where: { shop_uniqueKey: { shop, uniqueKey: SLOT } }, select: { id: true, status: true } });
    if (holder && ACTIVE.includes(holder.status)) return { id: holder.id, created: false };
    if (holder) await tx.job.updateMany({ where: { id: holder.id, shop }, data: { uniqueKey: `${BULK_JOB_KIND}:${holder.id}` } });
    return enqueueJob({ shop, kind: BULK_JOB_KIND, payload, uniqueKey: SLOT, maxAttempts: 3, now }, tx);
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

/** The shop's newest bulk job, as the products page shows it (null when there has never been one). */
export async function latestBulkJob({ shop }: { shop: string }): Promise<BulkJobState | null> {
  const job = await prisma.job.findFirst({
    where: { shop, kind: BULK_JOB_KIND },
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

// The durable job queue's API: enqueue, claim, renew, complete and fail jobs. The rows, their
// deduplicated inserts, claims (compare-and-set) and leases live in ~/models/job.server; this file adds the
// policy around them:
//
// - completeJob keeps a handler's `result` in the job's payload.
// - A failure is retried with exponential backoff and jitter; after maxAttempts (or a PermanentJobError)
//   the job is dead and shows in the admin, where retryDeadJob puts it back in the queue.
import { markJobFailed, markJobSucceeded, type JobAdminCost } from "~/models/job.server";
import type { ClaimedJob, JobRuntime } from "./types";

export {
  claimJobs,
  deadLetterShopJobs,
  DEFAULT_MAX_ATTEMPTS,
  enqueueCoalescedJob,
  enqueueJob,
  renewLease,
  retryDeadJob,
  type ClaimOptions,
  type CoalesceInput,
  type EnqueueInput,
} from "~/models/job.server";

const DEFAULT_RETRY_BASE_MS = 15_000;
const DEFAULT_MAX_RETRY_DELAY_MS = 60 * 60_000;
const ERROR_MAX_CHARS = 2_000;

/** Marks the job done; a `result` is kept in its payload (never personal data: job payloads are logs). */
export async function completeJob({
  job,
  workerId,
  now,
  result,
  cost,
}: {
  job: ClaimedJob;
  workerId: string;
  now: Date;
  result?: unknown;
  cost?: JobAdminCost;
}): Promise<boolean> {
  let payload: string | undefined;
  if (result !== undefined) {
    const input = safeParse(job.payload);
    payload = JSON.stringify({ ...(isObject(input) ? input : { input }), result });
  }
  return markJobSucceeded({ id: job.id, workerId, now, ...(payload !== undefined ? { payload } : {}), ...(cost ? { cost } : {}) });
}

export function retryDelayMs(attempts: number, runtime: Pick<JobRuntime, "retryBaseMs" | "maxRetryDelayMs" | "jitter"> = {}): number {
  const base = runtime.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
  const cap = runtime.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS;
  const jitter = runtime.jitter ? runtime.jitter() : 0.8 + Math.random() * 0.4;
  return Math.round(Math.min(cap, base * 2 ** Math.max(0, attempts - 1)) * jitter);
}

/** Records a failed attempt: back to the queue after a backoff, or dead when no attempt is left. */
export async function failJob({
  job,
  workerId,
  now,
  error,
  permanent = false,
  runtime = {},
  cost,
}: {
  job: ClaimedJob;
  workerId: string;
  now: Date;
  error: string;
  permanent?: boolean;
  runtime?: Pick<JobRuntime, "retryBaseMs" | "maxRetryDelayMs" | "jitter">;
  cost?: JobAdminCost;
}): Promise<"retry" | "dead" | "lost"> {
  const dead = permanent || job.attempts >= job.maxAttempts;
  const lastError = error.length > ERROR_MAX_CHARS ? `${error.slice(0, ERROR_MAX_CHARS)}…` : error;
  const retryAt = dead ? null : new Date(now.getTime() + retryDelayMs(job.attempts, runtime));
  const updated = await markJobFailed({ id: job.id, workerId, now, lastError, retryAt, ...(cost ? { cost } : {}) });
  if (!updated) return "lost";
  return dead ? "dead" : "retry";
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

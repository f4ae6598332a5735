// The contract between the queue, the worker and the job handlers.
import type { AdminClient, AdminClientOptions } from "~/shopify/admin-client.server";
import type { AdminGraphql } from "~/shopify/types";
import type { ClaimedJob } from "~/models/job.server";

export const JOB_KINDS = [
  "order.sync",
  "inventory.level",
  "product.update",
  "product.delete",
  "shop.uninstalled",
  "customer.redact",
  "customer.data_request",
  "shop.reconcile",
  "variants.recompute",
  "shop.retention",
  "bulk.variants",
  "support.cancellation",
  "bulk.support",
  "orders.bulk_write",
  "variants.pass",
  "feedback.schedule",
  "feedback.send",
  "flow.trigger",
  "balance.collect",
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export type JobStatus = "queued" | "running" | "succeeded" | "dead";

/** The claimed job as a handler sees it (its row, as ~/models/job.server claims it). */
export type { ClaimedJob } from "~/models/job.server";

/** Knobs tests, benchmarks and the demo turn; production uses the defaults. */
export interface JobRuntime {
  /** The clock of the queue and of the handlers (ETAs, timestamps). */
  now: () => Date;
  /** Admin GraphQL for a shop; default `unauthenticated.admin(shop)`. */
  adminGraphql?: (shop: string) => Promise<AdminGraphql>;
  /** Pacing/retry of the throttle-aware Admin client (tests shorten the waits). */
  adminClientOptions?: AdminClientOptions;
  /** First retry delay of a failed job; doubles per attempt (default 15 s), capped by maxRetryDelayMs. */
  retryBaseMs?: number;
  maxRetryDelayMs?: number;
  /**
   * Order jobs of a shop (queued or running) from which orders' holds and tags go out in bulk mutations
   * (~/workflows/ledger/bulk-writes.server; default 20; Infinity: never).
   */
  bulkWriteMinOrders?: number;
  /** Deterministic jitter in tests: returns a factor in [0.8, 1.2). Default Math.random-based. */
  jitter?: () => number;
}

export interface JobContext {
  job: ClaimedJob;
  shop: string;
  workerId: string;
  runtime: JobRuntime;
  now: () => Date;
  /** The shop's throttle-aware Admin client, created on first use (one per job run). */
  admin(): Promise<AdminClient>;
  /** The raw `admin.graphql` of the shop (offline session), for services that take it. */
  adminGraphql(): Promise<AdminGraphql>;
  log(message: string, extra?: Record<string, unknown>): void;
  /**
   * Records that part of the work failed while the rest went on (e.g. one fulfillment order of an order
   * could not be held). The handler finishes what it can; the job then fails with these messages, so it
   * retries and, if it keeps failing, shows in Activity: a partial failure is never a silent success.
   */
  reportFailure(message: string): void;
}

/** What a handler may hand back: a short summary for logs, and data to keep on the job (data requests). */
export interface JobOutcome {
  summary?: string;
  result?: unknown;
}

export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<JobOutcome | void>;

/** A failure retrying cannot fix (bad payload, unknown kind): the job goes straight to dead. */
export class PermanentJobError extends Error {
  override readonly name = "PermanentJobError";
}

/** A handler that reported partial failures (`ctx.reportFailure`): the job fails with their messages. */
export class PartialJobFailure extends Error {
  override readonly name = "PartialJobFailure";
  constructor(readonly failures: readonly string[]) {
    const shown = failures.slice(0, 5).join("; ");
    super(`${failures.length} part(s) failed: ${shown}${failures.length > 5 ? `; and ${failures.length - 5} more` : ""}`);
  }
}

/** Every job status, in the order the Activity page shows them. */
export const JOB_STATUSES: readonly JobStatus[] = ["queued", "running", "succeeded", "dead"];

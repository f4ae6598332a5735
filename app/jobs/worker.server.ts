// The worker: claims due jobs (compare-and-set, see ~/models/job.server), runs them with a renewed lease,
// records success or a retry, delivers due emails, and queues the periodic reconciliations. Runs inside
// the web process by default (in-process.server.ts) or alone (`npm run worker`); any number of workers
// may share the database.
import { performance } from "node:perf_hooks";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { deliverPendingEmails } from "~/notifications/deliver.server";
import type { EmailTransport } from "~/notifications/transport.server";
import type { JobAdminCost } from "~/models/job.server";
import {
  INTERACTIVE_RESERVE_SHARE,
  createAdminClient,
  createBucketModel,
  type AdminClient,
  type BucketModel,
} from "~/shopify/admin-client.server";
import type { AdminGraphql } from "~/shopify/types";
import { jobsConfig } from "./config.server";
import { jobHandlers } from "./handlers.server";
import { claimJobs, completeJob, failJob, renewLease } from "./queue.server";
import { scheduleReconciliations, scheduleRetention } from "./schedule.server";
import { PartialJobFailure, PermanentJobError, type ClaimedJob, type JobContext, type JobHandler, type JobRuntime } from "./types";

export interface WorkerOptions {
  workerId?: string;
  concurrency?: number;
  pollMs?: number;
  leaseMs?: number;
  runtime?: Partial<JobRuntime>;
  /** Extra or replacement handlers by kind (tests). */
  handlers?: Record<string, JobHandler>;
  /** Deliver due emails on every tick (default true). */
  deliverEmails?: boolean;
  /** Where emails go (default: SMTP_URL, else the local mailbox). */
  emailTransport?: EmailTransport;
  /** Queue periodic reconciliations and daily retention jobs (default true). */
  schedule?: boolean;
  reconcileMinutes?: number;
  /** Keep the Node process alive while the worker runs (a standalone worker); default false. */
  keepProcessAlive?: boolean;
  /**
   * Inside the web process: before each round, watch the event loop for a few milliseconds and step back
   * while it is busy serving requests (better-sqlite3 runs queries on the event loop, so a job's queries
   * would otherwise delay webhook acknowledgements). Jobs catch up as soon as traffic eases.
   */
  yieldToRequests?: boolean;
  log?: (line: string) => void;
}

export interface TickSummary {
  claimed: number;
  succeeded: number;
  retried: number;
  dead: number;
  lost: number;
  emails: { sent: number; failed: number; dead: number };
}

export function defaultWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

async function defaultAdminGraphql(shop: string): Promise<AdminGraphql> {
  // Imported lazily: loading shopify.server builds the app config, which a bare queue test does not need.
  const { unauthenticated } = await import("~/shopify.server");
  const { admin } = await unauthenticated.admin(shop);
  return admin.graphql;
}

function withCost(cost: JobAdminCost | undefined): { cost?: JobAdminCost } {
  return cost ? { cost } : {};
}

function describeError(error: unknown): string {
  if (error instanceof Response) return `HTTP ${error.status} ${error.statusText}`.trim();
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const name = error.name === "Error" ? "" : `${error.name}${typeof code === "string" ? ` ${code}` : ""}: `;
    return `${name}${error.message.replace(/\s+/g, " ").trim()}`;
  }
  return String(error);
}

export class JobWorker {
  readonly workerId: string;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly runtime: JobRuntime;
  private readonly handlers: Record<string, JobHandler>;
  private readonly log: (line: string) => void;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopping = false;
  private tickPromise: Promise<unknown> | null = null;
  private lastSchedule = 0;
  private lastPrune = 0;
  /** One model of each shop's Admin API bucket, shared by the jobs this worker runs. */
  private readonly buckets = new Map<string, BucketModel>();

  constructor(private readonly options: WorkerOptions = {}) {
    this.workerId = options.workerId ?? defaultWorkerId();
    this.concurrency = options.concurrency ?? jobsConfig.JOBS_CONCURRENCY ?? 4;
    this.pollMs = options.pollMs ?? jobsConfig.JOBS_POLL_MS;
    this.leaseMs = options.leaseMs ?? jobsConfig.JOBS_LEASE_MS;
    this.runtime = { now: () => new Date(), ...options.runtime };
    this.handlers = { ...jobHandlers, ...options.handlers };
    this.log = options.log ?? ((line) => console.log(line));
  }

  private bucketOf(shop: string): BucketModel {
    let model = this.buckets.get(shop);
    if (!model) this.buckets.set(shop, (model = createBucketModel()));
    return model;
  }

  private context(job: ClaimedJob, failures: string[], clientRef: { client: AdminClient | null }): JobContext {
    const runtime = this.runtime;
    let graphql: Promise<AdminGraphql> | null = null;
    const adminGraphql = () => (graphql ??= (runtime.adminGraphql ?? defaultAdminGraphql)(job.shop));
    // Background work: the shop's shared bucket model, and a reserve left for admin pages.
    const clientOptions = { bucket: this.bucketOf(job.shop), reserveShare: INTERACTIVE_RESERVE_SHARE, ...runtime.adminClientOptions };
    return {
      job,
      shop: job.shop,
      workerId: this.workerId,
      runtime,
      now: runtime.now,
      adminGraphql,
      admin: async () => (clientRef.client ??= createAdminClient(await adminGraphql(), clientOptions)),
      log: (message, extra) =>
        this.log(`[jobs] ${job.kind} ${job.id} (${job.shop}): ${message}${extra ? ` ${JSON.stringify(extra)}` : ""}`),
      reportFailure: (message) => {
        failures.push(message);
      },
    };
  }

  /** Runs one claimed job to completion and records the outcome. */
  async runJob(job: ClaimedJob): Promise<"succeeded" | "retry" | "dead" | "lost"> {
    const failures: string[] = [];
    const clientRef: { client: AdminClient | null } = { client: null };
    const ctx = this.context(job, failures, clientRef);
    const cost = (): JobAdminCost | undefined => {
      const stats = clientRef.client?.stats;
      return stats ? { calls: stats.calls, pointsRequested: stats.pointsRequested, pointsUsed: stats.pointsUsed } : undefined;
    };
    const heartbeat = setInterval(() => {
      void renewLease({ id: job.id, workerId: this.workerId, now: this.runtime.now(), leaseMs: this.leaseMs }).catch(() => {});
    }, Math.max(1_000, Math.floor(this.leaseMs / 3)));
    heartbeat.unref();
    try {
      const handler = this.handlers[job.kind];
      if (!handler) throw new PermanentJobError(`No handler for job kind ${job.kind}`);
      let payload: unknown;
      try {
        payload = JSON.parse(job.payload);
      } catch {
        throw new PermanentJobError("Job payload is not JSON");
      }
      const outcome = await handler(payload, ctx);
      if (outcome?.summary) ctx.log(outcome.summary);
      // The handler did what it could; what it could not do makes the attempt a failure (retried, visible).
      if (failures.length) throw new PartialJobFailure(failures);
      const done = await completeJob({ job, workerId: this.workerId, now: this.runtime.now(), result: outcome?.result, ...withCost(cost()) });
      return done ? "succeeded" : "lost";
    } catch (error) {
      const result = await this.recordFailure(job, error, cost());
      ctx.log(`attempt ${job.attempts}/${job.maxAttempts} failed (${result}): ${describeError(error)}`);
      return result;
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * Records a failed attempt (retried after a backoff, or dead). When the database itself is unreachable (a
   * restart dropped every connection: likely the attempt's own failure), recording is tried again with a
   * backoff for up to half the lease, so the attempt ends failed with its real error and is retried; past
   * that, the job is left to its lease, which expires, and another claim runs it again ("lost" here).
   */
  private async recordFailure(job: ClaimedJob, error: unknown, cost: JobAdminCost | undefined): Promise<"retry" | "dead" | "lost"> {
    const giveUpAt = Date.now() + this.leaseMs / 2;
    for (let wait = 100; ; wait = Math.min(2 * wait, 2_000)) {
      try {
        return await failJob({
          job,
          workerId: this.workerId,
          now: this.runtime.now(),
          error: describeError(error),
          permanent: error instanceof PermanentJobError,
          runtime: this.runtime,
          ...withCost(cost),
        });
      } catch (recordError) {
        if (Date.now() + wait > giveUpAt) {
          this.log(`[jobs] ${job.kind} ${job.id} (${job.shop}): could not record the failed attempt ${job.attempts} (${describeError(recordError)}); its lease will expire and it runs again`);
          return "lost";
        }
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  /** One round: due jobs (up to the concurrency, in parallel), due emails, periodic scheduling. */
  async tick(): Promise<TickSummary> {
    const now = this.runtime.now();
    const summary: TickSummary = { claimed: 0, succeeded: 0, retried: 0, dead: 0, lost: 0, emails: { sent: 0, failed: 0, dead: 0 } };
    if (this.options.schedule !== false) await this.scheduleIfDue(now);
    const jobs = await claimJobs({ workerId: this.workerId, now, limit: this.concurrency, leaseMs: this.leaseMs });
    summary.claimed = jobs.length;
    const results = await Promise.all(jobs.map((job) => this.runJob(job)));
    for (const r of results) {
      if (r === "succeeded") summary.succeeded++;
      else if (r === "retry") summary.retried++;
      else if (r === "dead") summary.dead++;
      else summary.lost++;
    }
    if (this.options.deliverEmails !== false) {
      try {
        summary.emails = await deliverPendingEmails({
          now: this.runtime.now(),
          workerId: this.workerId,
          ...(this.options.emailTransport ? { transport: this.options.emailTransport } : {}),
        });
      } catch (error) {
        this.log(`[jobs] email delivery failed: ${describeError(error)}`);
      }
    }
    return summary;
  }

  private async scheduleIfDue(now: Date): Promise<void> {
    const t = now.getTime();
    if (t - this.lastSchedule < 60_000) return;
    this.lastSchedule = t;
    try {
      await scheduleReconciliations({ now, intervalMinutes: this.options.reconcileMinutes ?? jobsConfig.JOBS_RECONCILE_MINUTES });
      // Hourly check; the jobs are unique per shop and day, so each shop gets one a day.
      if (t - this.lastPrune >= 60 * 60_000) {
        this.lastPrune = t;
        await scheduleRetention({ now });
      }
    } catch (error) {
      this.log(`[jobs] scheduling failed: ${describeError(error)}`);
    }
  }

  /** Ticks until a round claims nothing (tests, scripts). Bounded by maxRounds. */
  async drain({ maxRounds = 1_000 }: { maxRounds?: number } = {}): Promise<TickSummary> {
    const total: TickSummary = { claimed: 0, succeeded: 0, retried: 0, dead: 0, lost: 0, emails: { sent: 0, failed: 0, dead: 0 } };
    for (let round = 0; round < maxRounds; round++) {
      const s = await this.tick();
      total.claimed += s.claimed;
      total.succeeded += s.succeeded;
      total.retried += s.retried;
      total.dead += s.dead;
      total.lost += s.lost;
      total.emails.sent += s.emails.sent;
      total.emails.failed += s.emails.failed;
      total.emails.dead += s.emails.dead;
      if (s.claimed === 0) break;
    }
    return total;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    let failures = 0;
    const loop = async () => {
      if (this.stopping) return;
      if (this.options.yieldToRequests && (await requestsAreBusy())) {
        this.timer = setTimeout(() => void loop(), 20);
        if (!this.options.keepProcessAlive) this.timer.unref();
        return;
      }
      let busy = false;
      try {
        this.tickPromise = this.tick();
        const s = (await this.tickPromise) as TickSummary;
        busy = s.claimed >= this.concurrency;
        failures = 0;
      } catch (error) {
        failures++;
        this.log(`[jobs] worker tick failed (${failures} in a row): ${describeError(error)}`);
      } finally {
        this.tickPromise = null;
      }
      if (this.stopping) return;
      // A full round means more may be waiting: go again at once; otherwise poll (slower while the
      // database keeps failing, up to a minute).
      const wait = busy ? 0 : Math.min(60_000, this.pollMs * 2 ** Math.min(failures, 10));
      this.timer = setTimeout(() => void loop(), wait);
      if (!this.options.keepProcessAlive) this.timer.unref();
    };
    this.timer = setTimeout(() => void loop(), 0);
    if (!this.options.keepProcessAlive) this.timer.unref();
  }

  /** Stops polling and waits for the jobs in hand (their leases would otherwise expire first). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.tickPromise) await this.tickPromise.catch(() => {});
  }
}

/** Event-loop utilization over a short idle window: above a third, requests are keeping it busy. */
async function requestsAreBusy(windowMs = 5): Promise<boolean> {
  const start = performance.eventLoopUtilization();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  return performance.eventLoopUtilization(start).utilization > 0.33;
}

export function createWorker(options: WorkerOptions = {}): JobWorker {
  return new JobWorker(options);
}

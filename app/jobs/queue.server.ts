// The durable job queue, in the app's database (table Job).
//
// - enqueueJob inserts a job, or does nothing when the shop already has one with the same uniqueKey
//   (INSERT … ON CONFLICT DO NOTHING: no failed statement, so an enclosing transaction never has to roll
//   back for a duplicate).
// - claimJobs is a compare-and-set: a worker reads candidates, then moves each one to `running` with an
//   UPDATE whose WHERE repeats what it read (status, attempts, and for a re-claim an expired lease). Only
//   one UPDATE can match, whatever the number of worker processes, so a job never runs twice at once.
// - A running job is leased: its worker renews the lease while it works; when a worker dies the lease
//   expires and the job becomes claimable again (attempts counts every claim, so a job that keeps killing
//   its worker ends dead too).
// - completeJob/failJob only touch a job the caller still owns. A failure is retried with exponential
//   backoff and jitter; after maxAttempts (or a PermanentJobError) the job is dead and shows in the admin,
//   where retryDeadJob puts it back in the queue.
//
// Writes run in transactions on purpose: with the better-sqlite3 adapter every query shares one
// connection, and a transaction serializes behind the adapter's mutex instead of running inside another
// flow's open transaction.
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@prisma/client";
import prisma from "~/db.server";
import type { ClaimedJob, JobKind, JobRuntime } from "./types";

export type Db = PrismaClient | Prisma.TransactionClient;

function isRoot(db: Db): db is PrismaClient {
  return typeof (db as PrismaClient).$transaction === "function";
}

export const DEFAULT_MAX_ATTEMPTS = 8;
const DEFAULT_RETRY_BASE_MS = 15_000;
const DEFAULT_MAX_RETRY_DELAY_MS = 60 * 60_000;
const ERROR_MAX_CHARS = 2_000;

export interface EnqueueInput {
  shop: string;
  /** A JobKind; other strings are for handlers registered by tests. */
  kind: JobKind | (string & {});
  payload: unknown;
  /** Deduplicates per shop: a second enqueue with the same key is a no-op. */
  uniqueKey?: string | null;
  runAt?: Date;
  maxAttempts?: number;
  now?: Date;
}

/** Queues a job (inside `db`'s transaction when given one); `created` is false for a duplicate uniqueKey. */
export async function enqueueJob(input: EnqueueInput, db: Db = prisma): Promise<{ id: string; created: boolean }> {
  const id = randomUUID();
  const now = input.now ?? new Date();
  const runAt = input.runAt ?? now;
  const payload = JSON.stringify(input.payload ?? {});
  const uniqueKey = input.uniqueKey ?? null;
  const maxAttempts = input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const insert = (client: Db) =>
    client.$executeRaw`INSERT INTO "Job" ("id", "shop", "kind", "payload", "status", "attempts", "maxAttempts", "runAt", "uniqueKey", "createdAt", "updatedAt")
      VALUES (${id}, ${input.shop}, ${input.kind}, ${payload}, 'queued', 0, ${maxAttempts}, ${runAt}, ${uniqueKey}, ${now}, ${now})
      ON CONFLICT ("shop", "uniqueKey") DO NOTHING`;
  const inserted = isRoot(db) ? (await db.$transaction([insert(db)]))[0] : await insert(db);
  if (inserted === 1 || uniqueKey === null) return { id, created: true };
  const existing = await db.job.findUnique({ where: { shop_uniqueKey: { shop: input.shop, uniqueKey } }, select: { id: true } });
  return { id: existing?.id ?? id, created: false };
}

export interface CoalesceInput {
  shop: string;
  kind: JobKind;
  /** JSON text whose first property is `updatedAt` (ISO, fixed width): the newer text wins. */
  payloadJson: string;
  /** Events with the same key inside one window share one job. */
  key: string;
  windowMs: number;
  now: Date;
}

/**
 * Coalesces a burst of events about one thing (e.g. one inventory item) into one job per time window,
 * due when the window closes, so its handler's fresh read sees every event of the window. While queued,
 * the job keeps the newest event's payload (ON CONFLICT … DO UPDATE … WHERE newer). An event whose window
 * job already started (another process's clock ran ahead) goes to the next window, never nowhere.
 */
export async function enqueueCoalescedJob(input: CoalesceInput, tx: Prisma.TransactionClient): Promise<{ uniqueKey: string }> {
  const bucket = Math.floor(input.now.getTime() / input.windowMs);
  const uniqueKey = `${input.key}:${bucket}`;
  const runAt = new Date((bucket + 1) * input.windowMs);
  const changed = await tx.$executeRaw`INSERT INTO "Job" ("id", "shop", "kind", "payload", "status", "attempts", "maxAttempts", "runAt", "uniqueKey", "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${input.shop}, ${input.kind}, ${input.payloadJson}, 'queued', 0, ${DEFAULT_MAX_ATTEMPTS}, ${runAt}, ${uniqueKey}, ${input.now}, ${input.now})
    ON CONFLICT ("shop", "uniqueKey") DO UPDATE SET "payload" = excluded."payload", "updatedAt" = excluded."updatedAt"
    WHERE "Job"."status" = 'queued' AND excluded."payload" > "Job"."payload"`;
  if (changed === 1) return { uniqueKey };
  const existing = await tx.job.findUnique({ where: { shop_uniqueKey: { shop: input.shop, uniqueKey } }, select: { status: true } });
  if (existing?.status === "queued") return { uniqueKey }; // it already holds a newer event of the window
  // The window's job has started (another process's clock ran ahead): this event gets its own job.
  const own = `${input.key}:late:${randomUUID()}`;
  await enqueueJob({ shop: input.shop, kind: input.kind, payload: JSON.parse(input.payloadJson), uniqueKey: own, now: input.now }, tx);
  return { uniqueKey: own };
}

export interface ClaimOptions {
  workerId: string;
  now: Date;
  limit: number;
  leaseMs: number;
}

const CLAIM_SELECT = { id: true, shop: true, kind: true, payload: true, attempts: true, maxAttempts: true } as const;

/** Claims up to `limit` due jobs (queued and due, or running with an expired lease) for `workerId`. */
export async function claimJobs({ workerId, now, limit, leaseMs }: ClaimOptions): Promise<ClaimedJob[]> {
  if (limit <= 0) return [];
  const candidates = await prisma.job.findMany({
    where: {
      OR: [
        { status: "queued", runAt: { lte: now } },
        { status: "running", leaseExpiresAt: { lt: now } },
      ],
    },
    orderBy: [{ runAt: "asc" }, { createdAt: "asc" }],
    take: limit * 4,
    select: { id: true, status: true, attempts: true, maxAttempts: true },
  });
  const claimed: string[] = [];
  const leaseExpiresAt = new Date(now.getTime() + leaseMs);
  for (const candidate of candidates) {
    if (claimed.length >= limit) break;
    const expired = candidate.status === "running";
    const guard: Prisma.JobWhereInput = {
      id: candidate.id,
      status: candidate.status,
      attempts: candidate.attempts,
      ...(expired ? { leaseExpiresAt: { lt: now } } : { runAt: { lte: now } }),
    };
    if (expired && candidate.attempts >= candidate.maxAttempts) {
      // Its last attempt died with its worker: no attempt left.
      await prisma.$transaction([
        prisma.job.updateMany({
          where: guard,
          data: { status: "dead", leaseOwner: null, leaseExpiresAt: null, finishedAt: now, lastError: "Worker lost during the last attempt (lease expired)" },
        }),
      ]);
      continue;
    }
    const [result] = await prisma.$transaction([
      prisma.job.updateMany({
        where: guard,
        data: {
          status: "running",
          leaseOwner: workerId,
          leaseExpiresAt,
          attempts: candidate.attempts + 1,
          ...(expired ? { lastError: "Previous attempt's worker stopped (lease expired)" } : {}),
        },
      }),
    ]);
    if (result.count === 1) claimed.push(candidate.id);
  }
  if (claimed.length === 0) return [];
  const rows = await prisma.job.findMany({ where: { id: { in: claimed }, leaseOwner: workerId }, select: CLAIM_SELECT });
  const order = new Map(claimed.map((id, i) => [id, i]));
  return rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/** Extends the lease of a job the worker still owns; false when it lost it (expired and re-claimed). */
export async function renewLease({ id, workerId, now, leaseMs }: { id: string; workerId: string; now: Date; leaseMs: number }): Promise<boolean> {
  const [result] = await prisma.$transaction([
    prisma.job.updateMany({
      where: { id, status: "running", leaseOwner: workerId },
      data: { leaseExpiresAt: new Date(now.getTime() + leaseMs) },
    }),
  ]);
  return result.count === 1;
}

/** Marks the job done; a `result` is kept in its payload (never personal data: job payloads are logs). */
export async function completeJob({
  job,
  workerId,
  now,
  result,
}: {
  job: ClaimedJob;
  workerId: string;
  now: Date;
  result?: unknown;
}): Promise<boolean> {
  let payload: string | undefined;
  if (result !== undefined) {
    const input = safeParse(job.payload);
    payload = JSON.stringify({ ...(isObject(input) ? input : { input }), result });
  }
  const [updated] = await prisma.$transaction([
    prisma.job.updateMany({
      where: { id: job.id, status: "running", leaseOwner: workerId },
      data: {
        status: "succeeded",
        finishedAt: now,
        leaseOwner: null,
        leaseExpiresAt: null,
        lastError: null,
        ...(payload !== undefined ? { payload } : {}),
      },
    }),
  ]);
  return updated.count === 1;
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
}: {
  job: ClaimedJob;
  workerId: string;
  now: Date;
  error: string;
  permanent?: boolean;
  runtime?: Pick<JobRuntime, "retryBaseMs" | "maxRetryDelayMs" | "jitter">;
}): Promise<"retry" | "dead" | "lost"> {
  const dead = permanent || job.attempts >= job.maxAttempts;
  const lastError = error.length > ERROR_MAX_CHARS ? `${error.slice(0, ERROR_MAX_CHARS)}…` : error;
  const [updated] = await prisma.$transaction([
    prisma.job.updateMany({
      where: { id: job.id, status: "running", leaseOwner: workerId },
      data: dead
        ? { status: "dead", finishedAt: now, leaseOwner: null, leaseExpiresAt: null, lastError }
        : {
            status: "queued",
            runAt: new Date(now.getTime() + retryDelayMs(job.attempts, runtime)),
            leaseOwner: null,
            leaseExpiresAt: null,
            lastError,
          },
    }),
  ]);
  if (updated.count === 0) return "lost";
  return dead ? "dead" : "retry";
}

/** Admin "retry": a dead job of this shop gets a fresh set of attempts, due now. */
export async function retryDeadJob({ shop, id, now = new Date() }: { shop: string; id: string; now?: Date }): Promise<boolean> {
  const [updated] = await prisma.$transaction([
    prisma.job.updateMany({
      where: { id, shop, status: "dead" },
      data: { status: "queued", attempts: 0, runAt: now, finishedAt: null, leaseOwner: null, leaseExpiresAt: null },
    }),
  ]);
  return updated.count === 1;
}

/** After an uninstall: the shop's pending jobs cannot reach Shopify any more; park them as dead. */
export async function deadLetterShopJobs({ shop, reason, exceptId, now }: { shop: string; reason: string; exceptId?: string; now: Date }): Promise<number> {
  const [updated] = await prisma.$transaction([
    prisma.job.updateMany({
      where: { shop, status: "queued", ...(exceptId ? { id: { not: exceptId } } : {}) },
      data: { status: "dead", lastError: reason, finishedAt: now },
    }),
  ]);
  return updated.count;
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

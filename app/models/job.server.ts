// The Job table: durable background work, its deduplicated inserts, its claims and leases. What a job does
// and how a failure is retried live in app/jobs/ (queue.server.ts is the queue's API).
//
// - enqueueJob inserts a job, or does nothing when the shop already has one with the same uniqueKey
//   (INSERT … ON CONFLICT DO NOTHING: no failed statement, so an enclosing transaction never has to roll
//   back for a duplicate).
// - claimJobs on SQLite is a compare-and-set: a worker reads candidates, then moves each one to `running`
//   with an UPDATE whose WHERE repeats what it read (status, attempts, and for a re-claim an expired lease).
//   Only one UPDATE can match, whatever the number of worker processes, so a job never runs twice at once.
//   On PostgreSQL it is one statement: UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED LIMIT n) RETURNING,
//   so concurrent workers take disjoint rows instead of racing for the same candidates (ADR 013).
// - A running job is leased: its worker renews the lease while it works; when a worker dies the lease
//   expires and the job becomes claimable again (attempts counts every claim, so a job that keeps killing
//   its worker ends dead too).
// - markJobSucceeded/markJobFailed only touch a job the caller still owns (running, leased to it).
//
// Worker-side functions (claim, lease, finish) work across shops: the worker serves every shop, and a
// job's id with its lease owner names it. Everything else is scoped by the shop.
//
// Writes run in transactions on purpose: with the better-sqlite3 adapter every query shares one
// connection, and a transaction serializes behind the adapter's mutex instead of running inside another
// flow's open transaction.
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@prisma/client";
import prisma, { DATABASE_PROVIDER } from "~/db.server";
import type { PageCursor } from "~/validation/cursor";
import { keysetPage, type KeysetPage } from "./keyset.server";
import type { Tx } from "./transaction.server";

function isRoot(db: Tx): db is PrismaClient {
  return typeof (db as PrismaClient).$transaction === "function";
}

export const DEFAULT_MAX_ATTEMPTS = 8;

/** The claimed job as a handler sees it. */
export interface ClaimedJob {
  id: string;
  shop: string;
  kind: string;
  payload: string;
  attempts: number;
  maxAttempts: number;
}

export interface EnqueueInput {
  shop: string;
  /** A JobKind (app/jobs/types.ts); other strings are for handlers registered by tests. */
  kind: string;
  payload: unknown;
  /** Deduplicates per shop: a second enqueue with the same key is a no-op. */
  uniqueKey?: string | null;
  runAt?: Date;
  maxAttempts?: number;
  now?: Date;
}

/** Queues a job (inside `tx`'s transaction when given one); `created` is false for a duplicate uniqueKey. */
export async function enqueueJob(input: EnqueueInput, tx: Tx = prisma): Promise<{ id: string; created: boolean }> {
  const id = randomUUID();
  const now = input.now ?? new Date();
  const runAt = input.runAt ?? now;
  const payload = JSON.stringify(input.payload ?? {});
  const uniqueKey = input.uniqueKey ?? null;
  const maxAttempts = input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const insert = (client: Tx) =>
    client.$executeRaw`INSERT INTO "Job" ("id", "shop", "kind", "payload", "status", "attempts", "maxAttempts", "runAt", "uniqueKey", "createdAt", "updatedAt")
      VALUES (${id}, ${input.shop}, ${input.kind}, ${payload}, 'queued', 0, ${maxAttempts}, ${runAt}, ${uniqueKey}, ${now}, ${now})
      ON CONFLICT ("shop", "uniqueKey") DO NOTHING`;
  const inserted = isRoot(tx) ? (await tx.$transaction([insert(tx)]))[0] : await insert(tx);
  if (inserted === 1 || uniqueKey === null) return { id, created: true };
  const existing = await tx.job.findUnique({ where: { shop_uniqueKey: { shop: input.shop, uniqueKey } }, select: { id: true } });
  return { id: existing?.id ?? id, created: false };
}

export interface CoalesceInput {
  shop: string;
  /** A JobKind (app/jobs/types.ts). */
  kind: string;
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
export async function enqueueCoalescedJob(input: CoalesceInput, tx: Tx): Promise<{ uniqueKey: string }> {
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

// ---- worker side -------------------------------------------------------------------------------------

export interface ClaimOptions {
  workerId: string;
  now: Date;
  limit: number;
  leaseMs: number;
}

const CLAIM_SELECT = { id: true, shop: true, kind: true, payload: true, attempts: true, maxAttempts: true } as const;

const LEASE_EXPIRED_ERROR = "Previous attempt's worker stopped (lease expired)";
const LAST_ATTEMPT_LOST_ERROR = "Worker lost during the last attempt (lease expired)";

/** Claims up to `limit` due jobs (queued and due, or running with an expired lease) for `workerId`. */
export async function claimJobs(options: ClaimOptions): Promise<ClaimedJob[]> {
  if (options.limit <= 0) return [];
  return DATABASE_PROVIDER === "postgresql" ? claimJobsSkipLocked(options) : claimJobsCompareAndSet(options);
}

type ClaimedRow = ClaimedJob & { runAt: Date; createdAt: Date };

/**
 * PostgreSQL: the rows are locked as they are picked (FOR UPDATE SKIP LOCKED): a row another worker's
 * claim holds is skipped, not waited for, so N workers take N disjoint batches in one round trip each.
 * The UPDATE repeats the due conditions (a row changed and committed since the snapshot is re-checked on
 * its newest version). First, running jobs whose last attempt's lease expired are dead letters.
 */
async function claimJobsSkipLocked({ workerId, now, limit, leaseMs }: ClaimOptions): Promise<ClaimedJob[]> {
  const leaseExpiresAt = new Date(now.getTime() + leaseMs);
  const updatedAt = new Date();
  await prisma.$executeRaw`WITH lost AS MATERIALIZED (
      SELECT "id" FROM "Job" WHERE "status" = 'running' AND "leaseExpiresAt" < ${now} AND "attempts" >= "maxAttempts"
      ORDER BY "runAt" LIMIT 100 FOR UPDATE SKIP LOCKED)
    UPDATE "Job" AS j
    SET "status" = 'dead', "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "finishedAt" = ${now}, "lastError" = ${LAST_ATTEMPT_LOST_ERROR}, "updatedAt" = ${updatedAt}
    FROM lost
    WHERE j."id" = lost."id" AND j."status" = 'running' AND j."leaseExpiresAt" < ${now} AND j."attempts" >= j."maxAttempts"`;
  // A MATERIALIZED CTE runs the locking SELECT once: as a subquery in FROM or IN, PostgreSQL may rescan it
  // per outer row and lock (and claim) more rows than the LIMIT.
  const rows = await prisma.$queryRaw<ClaimedRow[]>`WITH due AS MATERIALIZED (
      SELECT "id" FROM "Job"
      WHERE ("status" = 'queued' AND "runAt" <= ${now})
         OR ("status" = 'running' AND "leaseExpiresAt" < ${now} AND "attempts" < "maxAttempts")
      ORDER BY "runAt", "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    UPDATE "Job" AS j
    SET "status" = 'running', "leaseOwner" = ${workerId}, "leaseExpiresAt" = ${leaseExpiresAt}, "attempts" = j."attempts" + 1,
        "lastError" = CASE WHEN j."status" = 'running' THEN ${LEASE_EXPIRED_ERROR} ELSE j."lastError" END, "updatedAt" = ${updatedAt}
    FROM due
    WHERE j."id" = due."id"
      AND ((j."status" = 'queued' AND j."runAt" <= ${now})
        OR (j."status" = 'running' AND j."leaseExpiresAt" < ${now} AND j."attempts" < j."maxAttempts"))
    RETURNING j."id", j."shop", j."kind", j."payload", j."attempts", j."maxAttempts", j."runAt", j."createdAt"`;
  return rows
    .sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime())
    .map(({ id, shop, kind, payload, attempts, maxAttempts }) => ({ id, shop, kind, payload, attempts, maxAttempts }));
}

/** SQLite (one writer at a time): read candidates, then move each with a guarded UPDATE. */
async function claimJobsCompareAndSet({ workerId, now, limit, leaseMs }: ClaimOptions): Promise<ClaimedJob[]> {
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
          data: { status: "dead", leaseOwner: null, leaseExpiresAt: null, finishedAt: now, lastError: LAST_ATTEMPT_LOST_ERROR },
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
          ...(expired ? { lastError: LEASE_EXPIRED_ERROR } : {}),
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

/** Marks a job this worker owns done, replacing its payload when one is given; false when it lost the job. */
/** Admin API cost of one attempt; added to the job's totals (every attempt counts: retries cost points too). */
export interface JobAdminCost {
  calls: number;
  pointsRequested: number;
  pointsUsed: number;
}

function costIncrement(cost: JobAdminCost | undefined) {
  if (!cost || (cost.calls === 0 && cost.pointsUsed === 0 && cost.pointsRequested === 0)) return {};
  return {
    adminCalls: { increment: cost.calls },
    adminPointsRequested: { increment: Math.round(cost.pointsRequested) },
    adminPointsUsed: { increment: Math.round(cost.pointsUsed) },
  };
}

export async function markJobSucceeded({
  id,
  workerId,
  now,
  payload,
  cost,
}: {
  id: string;
  workerId: string;
  now: Date;
  payload?: string;
  cost?: JobAdminCost;
}): Promise<boolean> {
  const [updated] = await prisma.$transaction([
    prisma.job.updateMany({
      where: { id, status: "running", leaseOwner: workerId },
      data: {
        status: "succeeded",
        finishedAt: now,
        leaseOwner: null,
        leaseExpiresAt: null,
        lastError: null,
        ...(payload !== undefined ? { payload } : {}),
        ...costIncrement(cost),
      },
    }),
  ]);
  return updated.count === 1;
}

/**
 * Records a failed attempt of a job this worker owns: back to the queue, due at `retryAt`, or dead when
 * `retryAt` is null. False when the worker lost the job.
 */
export async function markJobFailed({
  id,
  workerId,
  now,
  lastError,
  retryAt,
  cost,
}: {
  id: string;
  workerId: string;
  now: Date;
  lastError: string;
  retryAt: Date | null;
  cost?: JobAdminCost;
}): Promise<boolean> {
  const [updated] = await prisma.$transaction([
    prisma.job.updateMany({
      where: { id, status: "running", leaseOwner: workerId },
      data:
        retryAt === null
          ? { status: "dead", finishedAt: now, leaseOwner: null, leaseExpiresAt: null, lastError, ...costIncrement(cost) }
          : {
              status: "queued",
              runAt: retryAt,
              leaseOwner: null,
              leaseExpiresAt: null,
              lastError,
              ...costIncrement(cost),
            },
    }),
  ]);
  return updated.count === 1;
}

// ---- shop side ---------------------------------------------------------------------------------------

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

const ACTIVITY_SELECT = {
  id: true,
  kind: true,
  status: true,
  attempts: true,
  maxAttempts: true,
  lastError: true,
  runAt: true,
  updatedAt: true,
  adminCalls: true,
  adminPointsRequested: true,
  adminPointsUsed: true,
} as const;

export interface JobActivityRow {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  runAt: Date;
  updatedAt: Date;
  /** Admin API cost of all its attempts so far: calls, points requested and points Shopify charged. */
  adminCalls: number;
  adminPointsRequested: number;
  adminPointsUsed: number;
}

/** How many of the shop's jobs are in each status (statuses with none are absent). */
export async function countJobsByStatus({ shop }: { shop: string }): Promise<{ status: string; count: number }[]> {
  const groups = await prisma.job.groupBy({ by: ["status"], where: { shop }, _count: { _all: true } });
  return groups.map((g) => ({ status: g.status, count: g._count._all }));
}

/**
 * One page of the shop's dead jobs (`status: "dead"`) or of all its jobs, most recently changed first:
 * keyset on (updatedAt, id) over the (shop, status, updatedAt) or (shop, updatedAt) index.
 */
export async function listJobsPage({
  shop,
  status,
  cursor,
  take,
}: {
  shop: string;
  status?: "dead";
  cursor: PageCursor | null;
  take: number;
}): Promise<KeysetPage<JobActivityRow>> {
  return keysetPage({ field: "updatedAt", cursor, size: take }, ({ where, orderBy, take: rows }) =>
    prisma.job.findMany({ where: { shop, ...(status ? { status } : {}), AND: where }, orderBy, take: rows, select: ACTIVITY_SELECT }),
  );
}

/**
 * Retention: succeeded jobs finished before `succeededBefore` go, and dead ones finished (or, never
 * finished, last changed) before `deadBefore`. Queued and running jobs are never pruned.
 */
export async function pruneFinishedJobs(
  { shop, succeededBefore, deadBefore }: { shop: string; succeededBefore: Date; deadBefore: Date },
  tx: Tx = prisma,
): Promise<{ succeeded: number; dead: number }> {
  const succeeded = await tx.job.deleteMany({ where: { shop, status: "succeeded", finishedAt: { lt: succeededBefore } } });
  const dead = await tx.job.deleteMany({
    where: { shop, status: "dead", OR: [{ finishedAt: { lt: deadBefore } }, { finishedAt: null, updatedAt: { lt: deadBefore } }] },
  });
  return { succeeded: succeeded.count, dead: dead.count };
}

// ---- rows the ledger and the privacy duties rewrite (outside the queue's own lifecycle) ---------------

/** The shop's queued jobs of `kind` whose uniqueKey starts with `keyPrefix`. */
export async function listQueuedJobsByKeyPrefix(
  { shop, kind, keyPrefix }: { shop: string; kind: string; keyPrefix: string },
  tx: Tx = prisma,
): Promise<{ id: string; uniqueKey: string | null }[]> {
  return tx.job.findMany({
    where: { shop, status: "queued", kind, uniqueKey: { startsWith: keyPrefix } },
    select: { id: true, uniqueKey: true },
  });
}

/** Deletes those of the shop's jobs that are still queued (a job a worker took meanwhile stays). */
export async function deleteQueuedJobs({ shop, ids }: { shop: string; ids: string[] }, tx: Tx = prisma): Promise<number> {
  const { count } = await tx.job.deleteMany({ where: { shop, status: "queued", id: { in: ids } } });
  return count;
}

/** One page (by id, after `afterId`) of the shop's jobs of `kinds`, any status, with their payloads. */
export async function jobPayloadsPage(
  { shop, kinds, afterId, take }: { shop: string; kinds: readonly string[]; afterId?: string; take: number },
  tx: Tx = prisma,
): Promise<{ id: string; kind: string; payload: string }[]> {
  return tx.job.findMany({
    where: { shop, kind: { in: [...kinds] }, ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: "asc" },
    take,
    select: { id: true, kind: true, payload: true },
  });
}

/** Replaces a job's payload if it is still the one read (compare-and-set); returns whether it did. */
export async function replaceJobPayload(
  { shop, id, expected, payload }: { shop: string; id: string; expected: string; payload: string },
  tx: Tx = prisma,
): Promise<boolean> {
  const { count } = await tx.job.updateMany({ where: { id, shop, payload: expected }, data: { payload } });
  return count === 1;
}

/** The order an `order.sync` job is about, by job id (Activity links its rows to the order's support page). */
export async function ordersOfJobs({ shop, ids }: { shop: string; ids: readonly string[] }): Promise<Map<string, { orderId: string; orderName: string }>> {
  const out = new Map<string, { orderId: string; orderName: string }>();
  if (ids.length === 0) return out;
  const rows = await prisma.job.findMany({ where: { shop, kind: "order.sync", id: { in: [...ids] } }, select: { id: true, payload: true } });
  for (const row of rows) {
    try {
      const payload = JSON.parse(row.payload) as { orderId?: unknown; orderName?: unknown };
      if (typeof payload.orderId === "string" && typeof payload.orderName === "string") out.set(row.id, { orderId: payload.orderId, orderName: payload.orderName });
    } catch {
      // An unreadable payload names no order.
    }
  }
  return out;
}

/** How many jobs of `kind` wait or run for the shop, counting no further than `atMost` (a burst test, not a census). */
export async function countPendingJobs({ shop, kind, atMost }: { shop: string; kind: string; atMost: number }): Promise<number> {
  const rows = await prisma.job.findMany({ where: { shop, status: { in: ["queued", "running"] }, kind }, select: { id: true }, take: atMost });
  return rows.length;
}

// Holds and tags of a burst of orders, written to Shopify in bulk (ADR 008).
//
// Shopify charges 10 points per mutation request; an order's hold and its `backorder` tag were 20 of the ~35
// points a backordered order cost. During a burst (a product drop: many order jobs queued for the shop, or
// writes already waiting) the order job records its planned holds and tags instead (./holds.server.ts
// plans them from the fulfillment orders it has just read) and a `orders.bulk_write` job sends them all in
// bulk mutations (staged JSONL upload + bulkOperationRunMutation: ~20 points for any number of lines):
// first the holds, then the tags, one operation at a time per shop, as Shopify allows.
//
// The job polls the operation (it re-queues itself every BULK_POLL_MS while it runs) and applies the
// results line by line: a placed hold is recorded on its ledger lines (and let go at once if the lines
// were allocated meanwhile); a hold Shopify refused goes through the single-request path of the order
// (fresh read, adopt our hold if a concurrent run placed it, hold whole what cannot be split, cancel a
// cancelled order's lines, report what still fails). A failed operation puts its writes back; after
// MAX_BULK_ATTEMPTS they go one request each. Confirmations do not wait for any of this: the ledger pass
// queues them as before.
import { enqueueCoalescedJob, enqueueJob } from "~/jobs/queue.server";
import type { JobContext, JobOutcome } from "~/jobs/types";
import type { HoldToPlace } from "~/domain/holds";
import {
  finishBulkWrite,
  deleteDeferredWrites,
  hasDeferredWrites,
  recordBulkWrite,
  recordDeferredWrites,
  runningBulkWrite,
  unsentWrites,
  writesOfBulkWrite,
  type DeferredWrite,
  type DeferredWriteKind,
} from "~/models/deferred-write.server";
import { countPendingJobs } from "~/models/job.server";
import { inWriteTransaction } from "~/models/transaction.server";
import type { AdminClient } from "~/shopify/admin-client.server";
import { downloadBulkResults, readBulkOperation, startBulkMutation, type BulkResultLine } from "~/shopify/bulk-mutation.server";
import { BULK_HOLD_MUTATION, bulkHoldResult, bulkHoldVariables } from "~/shopify/fulfillment-holds.server";
import { BULK_TAG_MUTATION, addOrderTags, bulkTagResult } from "~/shopify/orders.server";
import { placeHoldsForOrder, recordPlacedHold, releaseHoldsForOrder } from "./holds.server";

export const BULK_WRITE_JOB = "orders.bulk_write";
/** Order jobs of a shop (queued or running) that make a burst (below it, each order writes its own hold and tags). */
export const DEFAULT_BULK_WRITE_MIN_ORDERS = 20;
/** Writes of a burst wait this long for the others before the bulk write job starts. */
export const BULK_WRITE_WINDOW_MS = 2_000;
/** How often a running bulk operation is polled. */
export const BULK_POLL_MS = 1_000;
/** Lines per bulk operation (Shopify's limit is far higher; this bounds one job's work). */
export const BULK_WRITE_MAX_LINES = 5_000;
/** Below this many writes, single requests cost less than a bulk operation (two mutations + polls). */
export const BULK_WRITE_MIN_LINES = 3;
/** Operations a write may ride without an answer before it goes as a single request. */
export const MAX_BULK_ATTEMPTS = 3;

const MUTATION_OF: Record<DeferredWriteKind, string> = { hold: BULK_HOLD_MUTATION, tag: BULK_TAG_MUTATION };

type HoldPayload = HoldToPlace;
interface TagPayload {
  tags: string[];
}

/** Whether this order's Shopify writes should join a bulk write: a burst is under way for the shop. */
export async function shouldDeferOrderWrites(ctx: JobContext): Promise<boolean> {
  const threshold = ctx.runtime.bulkWriteMinOrders ?? DEFAULT_BULK_WRITE_MIN_ORDERS;
  if (!Number.isFinite(threshold)) return false;
  if (await hasDeferredWrites({ shop: ctx.shop })) return true;
  return (await countPendingJobs({ shop: ctx.shop, kind: "order.sync", atMost: threshold })) >= threshold;
}

/** Records the order's planned holds and missing tags for the shop's next bulk write, and makes sure it runs. */
export async function deferOrderWrites(
  ctx: JobContext,
  order: { orderId: string; orderName: string },
  holds: readonly HoldToPlace[],
  tags: readonly string[],
): Promise<void> {
  const now = ctx.now();
  await inWriteTransaction(ctx.shop, async (tx) => {
    await recordDeferredWrites(
      {
        shop: ctx.shop,
        now,
        writes: [
          ...holds.map((h) => ({ ...order, kind: "hold" as const, key: h.handle, payload: h satisfies HoldPayload })),
          ...(tags.length ? [{ ...order, kind: "tag" as const, key: "tags", payload: { tags: [...tags] } satisfies TagPayload }] : []),
        ],
      },
      tx,
    );
    await enqueueCoalescedJob(
      { shop: ctx.shop, kind: BULK_WRITE_JOB, key: "bulk-write", windowMs: BULK_WRITE_WINDOW_MS, payloadJson: JSON.stringify({ updatedAt: now.toISOString() }), now },
      tx,
    );
  });
}

async function pollLater(ctx: JobContext, bulkWriteId: string): Promise<void> {
  const at = ctx.now().getTime() + BULK_POLL_MS;
  await enqueueJob({
    shop: ctx.shop,
    kind: BULK_WRITE_JOB,
    payload: { updatedAt: ctx.now().toISOString() },
    uniqueKey: `bulk-write:poll:${bulkWriteId}:${Math.floor(at / BULK_POLL_MS)}`,
    runAt: new Date(at),
    now: ctx.now(),
  });
}

interface RunCounts {
  holdsPlaced: number;
  tagged: number;
  single: number;
  started: string[];
}

/** The `orders.bulk_write` job: finish the running bulk write if it is done, then start the next one. */
export async function runBulkWrites(ctx: JobContext): Promise<JobOutcome> {
  const { shop } = ctx;
  const counts: RunCounts = { holdsPlaced: 0, tagged: 0, single: 0, started: [] };
  const client = await ctx.admin();
  const running = await runningBulkWrite({ shop });
  if (running) {
    const state = await readBulkOperation(client, running.operationId);
    if (state.state === "running") {
      await pollLater(ctx, running.id);
      return { summary: `bulk ${running.kind} write of ${running.lines} line(s) still running` };
    }
    if (state.state === "completed") {
      await applyResults(ctx, client, running.id, running.kind as DeferredWriteKind, await downloadBulkResults(state.url), counts);
      await finishBulkWrite({ shop, id: running.id, status: "completed", now: ctx.now() });
    } else {
      ctx.log(`bulk ${running.kind} write ${running.operationId}: ${state.message}; its writes go again`);
      await finishBulkWrite({ shop, id: running.id, status: "failed", error: state.message, now: ctx.now() });
    }
  }
  for (const kind of ["hold", "tag"] as const) {
    const writes = await unsentWrites({ shop, kind, limit: BULK_WRITE_MAX_LINES });
    if (writes.length === 0) continue;
    const [alone, bulk] = writes.length < BULK_WRITE_MIN_LINES ? [writes, []] : partition(writes, (w) => w.attempts >= MAX_BULK_ATTEMPTS);
    for (const w of alone) await writeAlone(ctx, client, w, counts);
    if (bulk.length === 0) continue;
    const started = await startBulkMutation(client, {
      mutation: MUTATION_OF[kind],
      lines: bulk.map((w) => variablesOf(w)),
      clientIdentifier: `backorder-pilot-${kind}-${ctx.now().getTime()}`,
    });
    if (!started.ok) {
      // Another bulk mutation of the shop (ours from another job, or another app's) is running.
      ctx.log(`bulk ${kind} write not started: ${started.message}; trying again shortly`);
      await pollLater(ctx, "busy");
      break;
    }
    const id = await recordBulkWrite({ shop, kind, operationId: started.operationId, writeIds: bulk.map((w) => w.id), now: ctx.now() });
    counts.started.push(`${kind} ×${bulk.length}`);
    await pollLater(ctx, id);
    break; // one bulk mutation at a time per shop
  }
  return {
    summary:
      `${counts.holdsPlaced} hold(s) and ${counts.tagged} tag(s) applied from a bulk write, ${counts.single} single write(s)` +
      (counts.started.length ? `; started bulk ${counts.started.join(", ")}` : ""),
  };
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}

function variablesOf(write: DeferredWrite): unknown {
  if (write.kind === "hold") return bulkHoldVariables(JSON.parse(write.payload) as HoldPayload);
  return { id: write.orderId, tags: (JSON.parse(write.payload) as TagPayload).tags };
}

/** A write that goes as single requests: the order's holds are re-planned from a fresh read; tags are added. */
async function writeAlone(ctx: JobContext, client: AdminClient, write: DeferredWrite, counts: RunCounts): Promise<void> {
  counts.single++;
  if (write.kind === "hold") {
    // Delete first: the order's own path records what it places, and reports what it cannot.
    await deleteDeferredWrites({ shop: ctx.shop, ids: [write.id] });
    await placeHoldsForOrder(ctx, write.orderId);
    // Lines allocated while their hold was on its way: the hold goes now (the ready email follows).
    await releaseHoldsForOrder(ctx, write.orderId);
    return;
  }
  const result = await addOrderTags(client, write.orderId, (JSON.parse(write.payload) as TagPayload).tags);
  if (!result.ok) ctx.log(`order ${write.orderName} not tagged: ${result.message}`);
  await deleteDeferredWrites({ shop: ctx.shop, ids: [write.id] });
}

async function applyResults(
  ctx: JobContext,
  client: AdminClient,
  bulkWriteId: string,
  kind: DeferredWriteKind,
  results: Map<number, BulkResultLine>,
  counts: RunCounts,
): Promise<void> {
  const writes = await writesOfBulkWrite({ shop: ctx.shop, bulkWriteId });
  for (const write of writes) {
    const line = write.lineNumber === null ? undefined : results.get(write.lineNumber);
    if (!line) continue; // no answer: finishBulkWrite puts it back for the next operation
    if (kind === "tag") {
      const result = bulkTagResult(line);
      if (result.ok) counts.tagged++;
      else ctx.log(`order ${write.orderName} not tagged: ${result.message}`);
      await deleteDeferredWrites({ shop: ctx.shop, ids: [write.id] });
      continue;
    }
    const result = bulkHoldResult(line);
    if (!result.ok) {
      // Refused (not splittable, a concurrent hold with our handle, the order changed): the order's own
      // path sorts it out from a fresh read.
      ctx.log(`order ${write.orderName}: bulk hold refused (${result.code ?? result.message}); holding it alone`);
      await writeAlone(ctx, client, write, counts);
      continue;
    }
    const planned = JSON.parse(write.payload) as HoldPayload;
    // Recorded before the write is forgotten: a run that dies in between records nothing twice on re-run.
    await recordPlacedHold(ctx.shop, write.orderId, { holdId: result.holdId, fulfillmentOrderId: result.fulfillmentOrderId, lineIds: planned.lineIds }, ctx.now());
    await deleteDeferredWrites({ shop: ctx.shop, ids: [write.id] });
    counts.holdsPlaced++;
    // Lines allocated while their hold was on its way: the hold goes now (the ready email follows).
    await releaseHoldsForOrder(ctx, write.orderId);
  }
}

// Shopify Flow triggers as durable jobs. A state change queues its trigger inside the transaction that
// commits the change (so a trigger exists exactly when its change does), deduplicated per order, trigger
// and date by the job's unique key: duplicated or shuffled webhooks, a repeated pass or a second worker
// queue it once. A trigger about a state (at risk, ready) is sent only if the case is still in that state;
// "at risk" waits a minute first. The job then reads the order's customer and calls flowTriggerReceive through the shop's
// throttle-aware Admin client. Shopify's refusals (userErrors: an unknown handle, Flow not available, a
// payload over the limit) and a payload we would have to cut are permanent: the job goes dead with the
// reason, shown in Activity, instead of retrying forever. Network errors and throttling retry as usual.
import { z } from "zod";
import {
  FLOW_PAYLOAD_LIMIT_BYTES,
  FLOW_TRIGGERS,
  cancelRequestedEvent,
  caseTriggerEvents,
  delayedEvent,
  fieldProblems,
  flowPayload,
  payloadBytes,
  type CaseSnapshot,
  type FlowTriggerEvent,
  type FlowTriggerHandle,
  type TriggerLine,
} from "~/domain/flow-triggers";
import { enqueueJob } from "~/jobs/queue.server";
import { PermanentJobError, type JobContext, type JobOutcome } from "~/jobs/types";
import { findCase } from "~/models/support-case.server";
import type { Tx } from "~/models/transaction.server";
import { readOrderCustomer, receiveFlowTrigger } from "~/shopify/flow.server";

export const FLOW_TRIGGER_JOB = "flow.trigger";

/**
 * An "at risk" trigger waits this long before it is sent, and is sent only if the case is still at risk:
 * the ledger pass that made a case at risk tells the customer (a delay notice) in its next transaction, and
 * then the merchant gets "delayed", not both. ("Ready" is sent at once: no pass undoes it; its job still
 * checks the case is ready.)
 */
export const AT_RISK_GRACE_MS = 60_000;

/** Queues the triggers in the caller's transaction; a trigger already queued (same key) is not queued again. */
export async function queueFlowTriggers(tx: Tx, shop: string, events: readonly FlowTriggerEvent[], now: Date = new Date()): Promise<number> {
  let queued = 0;
  for (const event of events) {
    const payload = { handle: event.handle, orderId: event.orderId, fields: event.fields, ...(event.whileState ? { whileState: event.whileState } : {}) };
    const runAt = event.whileState === "at_risk" ? new Date(now.getTime() + AT_RISK_GRACE_MS) : now;
    const { created } = await enqueueJob({ shop, kind: FLOW_TRIGGER_JOB, payload, uniqueKey: event.dedupeKey, now, runAt }, tx);
    if (created) queued++;
  }
  return queued;
}

type CaseChange = { orderId: string; before: Pick<CaseSnapshot, "state" | "estimateLatest"> | null; after: CaseSnapshot; lines: readonly TriggerLine[] };

/** Support cases whose ledger columns changed (the timeline's refresh): the triggers their change fires. */
export async function queueCaseTriggers(tx: Tx, shop: string, changes: readonly CaseChange[]): Promise<number> {
  const events = changes.flatMap((c) => caseTriggerEvents(c.orderId, c.before, c.after, c.lines));
  return events.length === 0 ? 0 : queueFlowTriggers(tx, shop, events);
}

/** What the timeline hands over: its events, and the cases it refreshed for them (fields and lines). */
interface TimelineEventLike {
  orderId: string;
  kind: string;
  at: Date;
  actor?: string;
  data?: Record<string, unknown>;
}

/**
 * The triggers of timeline events: `delay_queued` (the customer was told a later date: one "delayed" per
 * order and new date, whatever the number of its lines that moved) and `cancel_requested` by the customer
 * (one per cancellation request), whichever workflow recorded them.
 */
export async function queueEventTriggers(
  tx: Tx,
  shop: string,
  events: readonly TimelineEventLike[],
  cases: ReadonlyMap<string, { fields: CaseSnapshot; lines: readonly (TriggerLine & { id: string })[] }>,
): Promise<number> {
  const delays = new Map<string, { from: string; to: string }>();
  const triggers: FlowTriggerEvent[] = [];
  for (const e of events) {
    const data = e.data ?? {};
    if (e.kind === "delay_queued" && typeof data.from === "string" && typeof data.to === "string") {
      const seen = delays.get(e.orderId);
      delays.set(e.orderId, seen ? { from: seen.from < data.from ? seen.from : data.from, to: seen.to > data.to ? seen.to : data.to } : { from: data.from, to: data.to });
    }
    const refreshed = cases.get(e.orderId);
    if (e.kind === "cancel_requested" && e.actor === "customer" && refreshed && typeof data.cancellationId === "string") {
      const lineIds = new Set(Array.isArray(data.lineIds) ? data.lineIds : []);
      triggers.push(
        cancelRequestedEvent({
          orderId: e.orderId,
          orderName: refreshed.fields.orderName,
          requestId: data.cancellationId,
          at: e.at,
          units: refreshed.lines.filter((l) => lineIds.has(l.id)).reduce((sum, l) => sum + l.quantity, 0),
          products: typeof data.items === "string" ? data.items : refreshed.fields.products,
          automatic: data.automatic === true,
        }),
      );
    }
  }
  for (const [orderId, change] of delays) {
    const refreshed = cases.get(orderId);
    if (refreshed) triggers.push(delayedEvent(orderId, change, refreshed.fields));
  }
  return triggers.length === 0 ? 0 : queueFlowTriggers(tx, shop, triggers);
}

const HANDLES = Object.values(FLOW_TRIGGERS) as [FlowTriggerHandle, ...FlowTriggerHandle[]];

const JobPayloadSchema = z.object({
  handle: z.enum(HANDLES),
  orderId: z.string().regex(/^gid:\/\/shopify\/Order\/\d+$/),
  fields: z.record(z.union([z.string(), z.number(), z.boolean()])),
  whileState: z.enum(["at_risk", "ready"]).optional(),
});

/** The `flow.trigger` job: one trigger, fired once Shopify accepts it. */
export async function runFlowTriggerJob(ctx: JobContext, input: unknown): Promise<JobOutcome> {
  const parsed = JobPayloadSchema.safeParse(input);
  if (!parsed.success) throw new PermanentJobError(`Bad Flow trigger payload: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const { handle, orderId, fields, whileState } = parsed.data;
  const problems = fieldProblems(handle, fields);
  if (problems.length > 0) throw new PermanentJobError(`Flow trigger ${handle} does not match its extension: ${problems.join("; ")}`);
  if (whileState) {
    const state = (await findCase({ shop: ctx.shop, orderId }))?.state ?? null;
    if (state !== whileState) {
      return { summary: `Flow trigger ${handle} not sent: order ${orderId} is ${state ?? "gone"} now`, result: { sent: false, reason: "state_passed", state } };
    }
  }

  const client = await ctx.admin();
  const order = await readOrderCustomer(client, orderId);
  // Nothing to name: the trigger's customer_reference needs a customer. Recorded on the job, not retried.
  if (!order.found) return { summary: `Flow trigger ${handle} not sent: Shopify has no order ${orderId}`, result: { sent: false, reason: "order_not_found" } };
  if (!order.customerId) return { summary: `Flow trigger ${handle} not sent: order ${orderId} has no customer`, result: { sent: false, reason: "no_customer" } };

  const payload = flowPayload({ orderId, customerId: order.customerId, fields });
  const bytes = payloadBytes(payload);
  // Never cut to fit: a trigger with part of its data would mislead the merchant's workflow.
  if (bytes >= FLOW_PAYLOAD_LIMIT_BYTES) {
    throw new PermanentJobError(`Flow trigger ${handle} for ${orderId} not sent: its payload is ${bytes} bytes, Shopify takes less than ${FLOW_PAYLOAD_LIMIT_BYTES}`);
  }
  const result = await receiveFlowTrigger(client, handle, payload);
  if (!result.ok) throw new PermanentJobError(`Shopify refused Flow trigger ${handle} for ${orderId}: ${result.message}`);
  ctx.log("flow trigger sent", { handle, orderId, bytes });
  return { summary: `Flow trigger ${handle} sent for ${orderId} (${bytes} bytes)`, result: { sent: true, bytes } };
}

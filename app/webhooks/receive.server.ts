// Every webhook route goes through acceptWebhook: verifyWebhook (./verify.server.ts: 401 without or with a
// bad HMAC, 400 for a bad shop or header, 413 for an oversize body, the payload parsed losslessly), check the
// topic and the payload (400 with a message otherwise), then, in ONE
// transaction, record the event (deduplicated on X-Shopify-Event-Id, falling back to the webhook id) and
// queue its job. A redelivery finds the event already recorded and changes nothing. No Admin API call
// and no email here: the job does the work, so Shopify gets its 200 in milliseconds.
import type { z } from "zod";
import { enqueueCoalescedJob, enqueueJob } from "~/jobs/queue.server";
import { inTransaction, type Tx } from "~/models/transaction.server";
import { recordWebhookEvent } from "~/models/webhook-event.server";
import type { JobKind } from "~/jobs/types";
import { verifyWebhook } from "./verify.server";

export interface WebhookMeta {
  shop: string;
  topic: string;
  eventId: string;
  webhookId: string;
  receivedAt: Date;
}

export interface JobRequest {
  kind: JobKind;
  payload: unknown;
  maxAttempts?: number;
  /** Share one job with the other events of this key arriving in the same window (see enqueueCoalescedJob). */
  coalesce?: { key: string; windowMs: number; payloadJson: string };
}

export interface WebhookSpec<S extends z.ZodTypeAny> {
  /** Topic as the library reports it, e.g. "ORDERS_CREATE". */
  topic: string;
  payload: S;
  /** The job to queue for a new event (null: nothing to do later). */
  job?: (data: z.output<S>, meta: WebhookMeta) => JobRequest | null;
  /** Database-only changes that must happen with the event, in the same transaction (new events only). */
  effects?: (tx: Tx, data: z.output<S>, meta: WebhookMeta) => Promise<unknown>;
}

export type WebhookOutcome = "accepted" | "duplicate";

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`)
    .join("; ");
}

/**
 * Records the event and queues its job unless the shop already has this event. Inside the caller's
 * transaction. Never fails on a duplicate (INSERT … ON CONFLICT DO NOTHING), so nothing rolls back.
 */
export async function recordEventAndEnqueue(
  tx: Tx,
  meta: WebhookMeta,
  job: JobRequest | null,
): Promise<WebhookOutcome> {
  const inserted = await recordWebhookEvent(meta, tx);
  if (!inserted) return "duplicate";
  if (job?.coalesce) {
    await enqueueCoalescedJob(
      { shop: meta.shop, kind: job.kind, payloadJson: job.coalesce.payloadJson, key: job.coalesce.key, windowMs: job.coalesce.windowMs, now: meta.receivedAt },
      tx,
    );
  } else if (job) {
    await enqueueJob(
      {
        shop: meta.shop,
        kind: job.kind,
        payload: job.payload,
        uniqueKey: `webhook:${meta.eventId}`,
        now: meta.receivedAt,
        ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
      },
      tx,
    );
  }
  return "accepted";
}

/** The whole webhook route: returns the Response to send (throws the 4xx Responses of verifyWebhook). */
export async function acceptWebhook<S extends z.ZodTypeAny>(request: Request, spec: WebhookSpec<S>): Promise<Response> {
  const { context, payload } = await verifyWebhook(request);
  const topic = String(context.topic);
  if (topic !== spec.topic) {
    return new Response(`This endpoint takes ${spec.topic} webhooks, not ${topic}`, { status: 400 });
  }
  const parsed = spec.payload.safeParse(payload);
  if (!parsed.success) {
    return new Response(`Malformed ${topic} payload: ${describeIssues(parsed.error)}`, { status: 400 });
  }
  const meta: WebhookMeta = {
    shop: context.shop,
    topic,
    eventId: context.eventId || context.webhookId,
    webhookId: context.webhookId,
    receivedAt: new Date(),
  };
  const data = parsed.data as z.output<S>;
  const job = spec.job ? spec.job(data, meta) : null;
  await inTransaction(async (tx) => {
    const outcome = await recordEventAndEnqueue(tx, meta, job);
    if (outcome === "accepted" && spec.effects) await spec.effects(tx, data, meta);
    return outcome;
  });
  return new Response(null, { status: 200 });
}

// Retention: how long the app keeps what it no longer needs, applied once a day per shop by a
// `shop.retention` job (queued by the worker's scheduler, see schedule.server.ts). Periods are documented
// in README.md and docs/webhooks-jobs.md; change them there too.
import { pruneDataRequests } from "~/models/data-request.server";
import { pruneOutbox } from "~/models/email-outbox.server";
import { pruneFinishedJobs } from "~/models/job.server";
import { inTransaction } from "~/models/transaction.server";
import { pruneWebhookEvents } from "~/models/webhook-event.server";
import type { JobContext, JobOutcome } from "./types";

const DAY_MS = 24 * 60 * 60_000;

export const RETENTION_DAYS = {
  /** Finished work: enough to read Activity back over two weeks. */
  succeededJobs: 14,
  /** Failed work waits a month for a merchant's Retry. */
  deadJobs: 30,
  /** Delivery log used to recognise Shopify's redeliveries (it retries for 4 hours at most). */
  webhookEvents: 30,
  /** Sent emails (their bodies name the customer): long enough to answer "did you tell me?". */
  sentEmails: 90,
  /** Emails that could not be delivered, kept with their error and a Retry button. */
  deadEmails: 90,
  /** A data request's export, for the merchant to download and hand over. */
  dataRequests: 90,
} as const;

export interface RetentionCounts {
  succeededJobs: number;
  deadJobs: number;
  webhookEvents: number;
  emails: number;
  dataRequests: number;
}

/** Deletes the shop's rows older than their retention period. */
export async function applyRetention({ shop, now }: { shop: string; now: Date }): Promise<RetentionCounts> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return inTransaction(async (tx) => {
    const jobs = await pruneFinishedJobs({ shop, succeededBefore: before(RETENTION_DAYS.succeededJobs), deadBefore: before(RETENTION_DAYS.deadJobs) }, tx);
    const webhookEvents = await pruneWebhookEvents({ shop, before: before(RETENTION_DAYS.webhookEvents) }, tx);
    const emails = await pruneOutbox({ shop, sentBefore: before(RETENTION_DAYS.sentEmails), deadBefore: before(RETENTION_DAYS.deadEmails) }, tx);
    const dataRequests = await pruneDataRequests({ shop, before: before(RETENTION_DAYS.dataRequests) }, tx);
    return { succeededJobs: jobs.succeeded, deadJobs: jobs.dead, webhookEvents, emails, dataRequests };
  });
}

export async function handleRetention(ctx: JobContext): Promise<JobOutcome> {
  const counts = await applyRetention({ shop: ctx.shop, now: ctx.now() });
  return { summary: `retention applied: ${JSON.stringify(counts)}` };
}

// Every webhook delivery the app accepted (WebhookEvent), keyed per shop by Shopify's event id so a
// redelivery is recognised. Read back by the Activity page; pruned by retention.
import { randomUUID } from "node:crypto";
import prisma from "~/db.server";
import type { Tx } from "./transaction.server";

/**
 * Records a delivery unless the shop already has this event id; true when it is new. Never fails on a
 * duplicate (INSERT … ON CONFLICT DO NOTHING), so the caller's transaction has nothing to roll back.
 */
export async function recordWebhookEvent(
  { shop, eventId, topic, webhookId, receivedAt }: { shop: string; eventId: string; topic: string; webhookId: string; receivedAt: Date },
  tx: Tx = prisma,
): Promise<boolean> {
  const eventRowId = randomUUID();
  const inserted = await tx.$executeRaw`INSERT INTO "WebhookEvent" ("id", "shop", "eventId", "topic", "webhookId", "receivedAt")
    VALUES (${eventRowId}, ${shop}, ${eventId}, ${topic}, ${webhookId}, ${receivedAt})
    ON CONFLICT ("shop", "eventId") DO NOTHING`;
  return inserted === 1;
}

export interface WebhookEventRow {
  id: string;
  topic: string;
  eventId: string;
  receivedAt: Date;
}

/** The shop's latest deliveries, newest first (topics as the library reports them, e.g. "ORDERS_CREATE"). */
export async function listRecentWebhookEvents({ shop, take }: { shop: string; take: number }): Promise<WebhookEventRow[]> {
  return prisma.webhookEvent.findMany({ where: { shop }, orderBy: { receivedAt: "desc" }, take, select: { id: true, topic: true, eventId: true, receivedAt: true } });
}

/** Retention: deliveries received before `before` go. */
export async function pruneWebhookEvents({ shop, before }: { shop: string; before: Date }, tx: Tx = prisma): Promise<number> {
  const { count } = await tx.webhookEvent.deleteMany({ where: { shop, receivedAt: { lt: before } } });
  return count;
}

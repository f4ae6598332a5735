// Every webhook delivery the app accepted (WebhookEvent), keyed per shop by Shopify's event id so a
// redelivery is recognised. Read back by the Activity page; pruned by retention.
import { randomUUID } from "node:crypto";
import prisma from "~/db.server";
import type { PageCursor } from "~/validation/cursor";
import { keysetPage, type KeysetPage } from "./keyset.server";
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

/**
 * One page of the shop's deliveries, newest first (topics as the library reports them, e.g.
 * "ORDERS_CREATE"): keyset on (receivedAt, id) over the (shop, receivedAt) index.
 */
export async function listWebhookEventsPage({ shop, cursor, take }: { shop: string; cursor: PageCursor | null; take: number }): Promise<KeysetPage<WebhookEventRow>> {
  return keysetPage({ field: "receivedAt", cursor, size: take }, ({ where, orderBy, take: rows }) =>
    prisma.webhookEvent.findMany({ where: { shop, AND: where }, orderBy, take: rows, select: { id: true, topic: true, eventId: true, receivedAt: true } }),
  );
}

/** Retention: deliveries received before `before` go. */
export async function pruneWebhookEvents({ shop, before }: { shop: string; before: Date }, tx: Tx = prisma): Promise<number> {
  const { count } = await tx.webhookEvent.deleteMany({ where: { shop, receivedAt: { lt: before } } });
  return count;
}

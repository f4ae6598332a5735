// Webhook deliveries we have accepted, so a redelivery of the same event is recognised and skipped.
import { Prisma } from "@prisma/client";
import type { PrismaClient } from "@prisma/client";
import prisma from "~/db.server";

type Db = Prisma.TransactionClient | PrismaClient;

export interface WebhookIdentity {
  shop: string;
  topic: string;
  /** X-Shopify-Event-Id when present (same for every delivery of one event), else X-Shopify-Webhook-Id. */
  eventId?: string | undefined;
  webhookId: string;
}

/**
 * Records the event; returns false when this shop already recorded it (a redelivery), in which case the
 * caller must do nothing more. Runs inside the caller's transaction when given one.
 */
export async function recordWebhookEvent(event: WebhookIdentity, db: Db = prisma): Promise<boolean> {
  try {
    await db.webhookEvent.create({
      data: {
        shop: event.shop,
        topic: event.topic,
        eventId: event.eventId || event.webhookId,
        webhookId: event.webhookId,
      },
      select: { id: true },
    });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

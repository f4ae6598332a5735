// What the Activity page shows: job counts by status, dead jobs, recent jobs and webhook events of a shop.
import prisma from "~/db.server";
import { JOB_STATUSES, type JobStatus } from "./types";

export { JOB_STATUSES };

export interface ActivityJob {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  runAt: string;
  updatedAt: string;
}

export interface ActivityEvent {
  id: string;
  topic: string;
  eventId: string;
  receivedAt: string;
}

const TOPIC_NAMES: Record<string, string> = {
  ORDERS_CREATE: "orders/create",
  ORDERS_UPDATED: "orders/updated",
  ORDERS_CANCELLED: "orders/cancelled",
  INVENTORY_LEVELS_UPDATE: "inventory_levels/update",
  PRODUCTS_UPDATE: "products/update",
  PRODUCTS_DELETE: "products/delete",
  APP_UNINSTALLED: "app/uninstalled",
  APP_SCOPES_UPDATE: "app/scopes_update",
  CUSTOMERS_REDACT: "customers/redact",
  CUSTOMERS_DATA_REQUEST: "customers/data_request",
  SHOP_REDACT: "shop/redact",
};

/** "INVENTORY_LEVELS_UPDATE" → "inventory_levels/update", as Shopify writes topics. */
export function topicName(topic: string): string {
  return TOPIC_NAMES[topic] ?? topic.toLowerCase();
}

const JOB_SELECT = { id: true, kind: true, status: true, attempts: true, maxAttempts: true, lastError: true, runAt: true, updatedAt: true } as const;

function toJob(row: { id: string; kind: string; status: string; attempts: number; maxAttempts: number; lastError: string | null; runAt: Date; updatedAt: Date }): ActivityJob {
  return { ...row, runAt: row.runAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

export async function loadActivity({ shop, take = 25 }: { shop: string; take?: number }) {
  const [grouped, dead, recent, events] = await Promise.all([
    prisma.job.groupBy({ by: ["status"], where: { shop }, _count: { _all: true } }),
    prisma.job.findMany({ where: { shop, status: "dead" }, orderBy: { updatedAt: "desc" }, take: 50, select: JOB_SELECT }),
    prisma.job.findMany({ where: { shop }, orderBy: { updatedAt: "desc" }, take, select: JOB_SELECT }),
    prisma.webhookEvent.findMany({ where: { shop }, orderBy: { receivedAt: "desc" }, take, select: { id: true, topic: true, eventId: true, receivedAt: true } }),
  ]);
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const g of grouped) if ((JOB_STATUSES as readonly string[]).includes(g.status)) counts[g.status as JobStatus] = g._count._all;
  return {
    counts,
    dead: dead.map(toJob),
    recent: recent.map(toJob),
    events: events.map((e) => ({ ...e, topic: topicName(e.topic), receivedAt: e.receivedAt.toISOString() })),
  };
}

// What the Activity page shows: job counts by status, and a page of each of a shop's lists (dead jobs,
// recent jobs, webhook events), each table with its own cursor; order jobs name their order.
import { countJobsByStatus, listJobsPage, ordersOfJobs, type JobActivityRow } from "~/models/job.server";
import { listWebhookEventsPage } from "~/models/webhook-event.server";
import type { PageCursor } from "~/validation/cursor";
import { JOB_STATUSES, type JobStatus } from "./types";

export { JOB_STATUSES };

/** A job as the Activity page shows it: the stored row, dates as ISO strings. */
export type ActivityJob = Omit<JobActivityRow, "runAt" | "updatedAt"> & { runAt: string; updatedAt: string; order: { orderId: string; orderName: string } | null };

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
  ORDERS_FULFILLED: "orders/fulfilled",
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

function toJob(orders: ReadonlyMap<string, { orderId: string; orderName: string }>) {
  return (row: JobActivityRow): ActivityJob => ({ ...row, runAt: row.runAt.toISOString(), updatedAt: row.updatedAt.toISOString(), order: orders.get(row.id) ?? null });
}

/** Rows per page of each Activity table. */
export const ACTIVITY_PAGE_SIZE = { dead: 50, recent: 25, events: 25 } as const;

export type ActivityCursors = Partial<Record<keyof typeof ACTIVITY_PAGE_SIZE, PageCursor | null>>;

export async function loadActivity({ shop, cursors = {} }: { shop: string; cursors?: ActivityCursors }) {
  const [grouped, dead, recent, events] = await Promise.all([
    countJobsByStatus({ shop }),
    listJobsPage({ shop, status: "dead", cursor: cursors.dead ?? null, take: ACTIVITY_PAGE_SIZE.dead }),
    listJobsPage({ shop, cursor: cursors.recent ?? null, take: ACTIVITY_PAGE_SIZE.recent }),
    listWebhookEventsPage({ shop, cursor: cursors.events ?? null, take: ACTIVITY_PAGE_SIZE.events }),
  ]);
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const g of grouped) if ((JOB_STATUSES as readonly string[]).includes(g.status)) counts[g.status as JobStatus] = g.count;
  // Order jobs name their order, so a person can go from a failed job to the order's support page.
  const orders = await ordersOfJobs({ shop, ids: [...dead.rows, ...recent.rows].filter((j) => j.kind === "order.sync").map((j) => j.id) });
  return {
    counts,
    dead: dead.rows.map(toJob(orders)),
    recent: recent.rows.map(toJob(orders)),
    events: events.rows.map((e) => ({ ...e, topic: topicName(e.topic), receivedAt: e.receivedAt.toISOString() })),
    pages: { dead: dead.pageInfo, recent: recent.pageInfo, events: events.pageInfo },
  };
}

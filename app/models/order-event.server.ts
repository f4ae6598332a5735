// Data access for orders' timelines (OrderEvent): appended in the transaction of the change they record,
// never updated. Every function is scoped by shop.
import prisma from "~/db.server";
import type { Tx } from "./transaction.server";

export interface NewOrderEvent {
  shop: string;
  orderId: string;
  kind: string;
  at: Date;
  actor?: string;
  data?: Record<string, unknown>;
  emailId?: string | null;
}

export async function appendOrderEvents(events: readonly NewOrderEvent[], tx: Tx = prisma): Promise<number> {
  if (events.length === 0) return 0;
  const { count } = await tx.orderEvent.createMany({
    data: events.map((e) => ({
      shop: e.shop,
      orderId: e.orderId,
      kind: e.kind,
      at: e.at,
      actor: e.actor ?? "system",
      data: JSON.stringify(e.data ?? {}),
      emailId: e.emailId ?? null,
    })),
  });
  return count;
}

/** The order's timeline, newest first, with the delivery status of each email event. */
export async function listOrderEvents({ shop, orderId, take = 200 }: { shop: string; orderId: string; take?: number }, tx: Tx = prisma) {
  const events = await tx.orderEvent.findMany({
    where: { shop, orderId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, at: true, actor: true, data: true, emailId: true },
  });
  const emailIds = events.flatMap((e) => (e.emailId ? [e.emailId] : []));
  const emails = emailIds.length
    ? await tx.emailOutbox.findMany({ where: { shop, id: { in: emailIds } }, select: { id: true, status: true, toEmail: true, subject: true } })
    : [];
  const byId = new Map(emails.map((e) => [e.id, e]));
  return events.map((e) => ({ ...e, data: parseData(e.data), email: e.emailId ? (byId.get(e.emailId) ?? null) : null }));
}

function parseData(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Counts the events of a kind per order (tests, and "did this happen" checks). */
export async function countOrderEvents({ shop, orderId, kind }: { shop: string; orderId: string; kind: string }, tx: Tx = prisma) {
  return tx.orderEvent.count({ where: { shop, orderId, kind } });
}

/** The order each of `emailIds` was about, from the timeline events that link to them. */
export async function ordersOfEmails({ shop, emailIds }: { shop: string; emailIds: readonly string[] }, tx: Tx = prisma) {
  if (emailIds.length === 0) return new Map<string, string>();
  const rows = await tx.orderEvent.findMany({ where: { shop, emailId: { in: [...emailIds] } }, select: { emailId: true, orderId: true } });
  return new Map(rows.map((r) => [r.emailId as string, r.orderId]));
}

/** Erases the orders' timelines (customers/redact: notes and messages can name the customer). */
export async function deleteOrderEvents({ shop, orderIds }: { shop: string; orderIds: readonly string[] }, tx: Tx = prisma): Promise<number> {
  if (orderIds.length === 0) return 0;
  return (await tx.orderEvent.deleteMany({ where: { shop, orderId: { in: [...orderIds] } } })).count;
}

/** The messages customers sent about the orders ("Where is my order?" complaints), oldest first (customers/data_request). */
export async function customerMessagesOfOrders({ shop, orderIds }: { shop: string; orderIds: readonly string[] }, tx: Tx = prisma) {
  if (orderIds.length === 0) return [];
  const rows = await tx.orderEvent.findMany({
    where: { shop, orderId: { in: [...orderIds] }, kind: "complaint" },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { orderId: true, at: true, data: true },
  });
  return rows.map((r) => ({ orderId: r.orderId, at: r.at, text: String(parseData(r.data).text ?? "") }));
}

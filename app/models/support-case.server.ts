// Data access for the support queue (SupportCase): one row per order with backordered lines. Ledger columns
// are written by the timeline workflow from the order's lines; staff columns (status, assignee) by the support
// desk, each staff write naming the version it edited (optimistic concurrency). Every query is scoped by shop
// and served by an index: the queue never scans Shopify or the ledger per visit.
import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import type { CaseState, CaseStatus, QueueFilter, QueueSort } from "~/validation/support";
import type { Tx } from "./transaction.server";

export type { CaseState, CaseStatus, QueueFilter } from "~/validation/support";
export interface CaseLedgerFields {
  orderName: string;
  customerName: string | null;
  customerEmail: string | null;
  customerLocale: string;
  orderedAt: Date;
  state: CaseState;
  itemsOwed: number;
  promisedLatest: string | null;
  estimateLatest: string | null;
  daysLate: number;
  productIds: string;
  products: string;
}

const LEDGER_KEYS: readonly (keyof CaseLedgerFields)[] = [
  "orderName",
  "customerName",
  "customerEmail",
  "customerLocale",
  "state",
  "itemsOwed",
  "promisedLatest",
  "estimateLatest",
  "daysLate",
  "productIds",
  "products",
];

/**
 * Creates the orders' cases, or updates the ledger columns that changed. Orders whose change is the same (a
 * burst of lines allocated: each becomes ready, nothing owed) share one UPDATE: one read, at most one
 * insert and a few updates however many orders an allocation pass touches.
 */
export async function saveCasesLedgerFields(
  { shop, cases }: { shop: string; cases: readonly { orderId: string; fields: CaseLedgerFields }[] },
  tx: Tx = prisma,
): Promise<void> {
  if (cases.length === 0) return;
  const existing = await tx.supportCase.findMany({
    where: { shop, orderId: { in: cases.map((c) => c.orderId) } },
    select: { orderId: true, ...selectOf(LEDGER_KEYS) },
  });
  const stored = new Map(existing.map((row) => [row.orderId, row]));
  const missing = cases.filter((c) => !stored.has(c.orderId));
  if (missing.length > 0) await tx.supportCase.createMany({ data: missing.map((c) => ({ shop, orderId: c.orderId, ...c.fields })) });
  const updates = new Map<string, { data: Partial<CaseLedgerFields>; orderIds: string[] }>();
  for (const { orderId, fields } of cases) {
    const row = stored.get(orderId);
    if (!row) continue;
    const changed = LEDGER_KEYS.filter((key) => row[key] !== fields[key]);
    if (changed.length === 0) continue;
    const data: Partial<CaseLedgerFields> = Object.fromEntries(changed.map((key) => [key, fields[key]]));
    const key = JSON.stringify(data);
    const update = updates.get(key) ?? { data, orderIds: [] };
    update.orderIds.push(orderId);
    updates.set(key, update);
  }
  for (const { data, orderIds } of updates.values()) {
    await tx.supportCase.updateMany({ where: { shop, orderId: { in: orderIds } }, data });
  }
}

function selectOf(keys: readonly string[]) {
  return Object.fromEntries(keys.map((k) => [k, true])) as { [K in keyof CaseLedgerFields]: true };
}

function whereOf(shop: string, filter: QueueFilter): Prisma.SupportCaseWhereInput {
  const and: Prisma.SupportCaseWhereInput[] = [{ shop }];
  if (filter.view === "resolved") and.push({ status: "resolved" });
  else if (filter.view === "waiting_customer") and.push({ status: "waiting_customer" });
  else {
    and.push({ status: { not: "resolved" } });
    if (filter.view === "delayed") and.push({ state: "delayed" });
    else if (filter.view === "at_risk") and.push({ state: "at_risk" });
    // Open: orders still owed something; ready and cancelled ones only when the status filter asks for them.
    else if (!filter.state) and.push({ state: { in: ["waiting", "at_risk", "delayed"] } });
  }
  if (filter.state) and.push({ state: filter.state });
  if (filter.productId) and.push({ productIds: { contains: `|${filter.productId}|` } });
  if (filter.promisedFrom) and.push({ promisedLatest: { gte: filter.promisedFrom } });
  if (filter.promisedTo) and.push({ promisedLatest: { lte: filter.promisedTo } });
  const q = filter.query.trim();
  if (q) {
    const email = q.toLowerCase();
    and.push({ OR: [{ orderName: { contains: q.replace(/^#?/, "") } }, { customerName: { contains: q } }, { customerEmail: { contains: email } }] });
  }
  return { AND: and };
}

function orderOf(sort: QueueSort, reverse: boolean): Prisma.SupportCaseOrderByWithRelationInput[] {
  const flip = (d: "asc" | "desc") => (reverse ? (d === "asc" ? "desc" : "asc") : d);
  if (sort === "ordered_asc") return [{ orderedAt: flip("asc") }, { id: flip("asc") }];
  const days = sort === "days_late_asc" ? "asc" : "desc";
  return [{ daysLate: flip(days) }, { orderedAt: flip("asc") }, { id: flip("asc") }];
}

export const CASE_ROW_SELECT = {
  id: true,
  orderId: true,
  orderName: true,
  customerName: true,
  customerEmail: true,
  status: true,
  state: true,
  itemsOwed: true,
  promisedLatest: true,
  estimateLatest: true,
  daysLate: true,
  products: true,
  assignee: true,
  lastContactAt: true,
  compensatedAt: true,
  orderedAt: true,
  version: true,
} as const;

/** One page of the queue (cursor = a case id; `before` pages backwards). */
export async function listCases(
  { shop, filter, cursor, before = false, take = 50 }: { shop: string; filter: QueueFilter; cursor?: string | null; before?: boolean; take?: number },
  tx: Tx = prisma,
) {
  const where = whereOf(shop, filter);
  // The cursor must be a case of this shop that still matches: otherwise start over.
  const valid = cursor ? await tx.supportCase.count({ where: { AND: [where, { id: cursor }] } }) : 0;
  const rows = await tx.supportCase.findMany({
    where,
    orderBy: orderOf(filter.sort, before && valid > 0),
    take: take + 1,
    ...(valid ? { cursor: { id: cursor as string }, skip: 1 } : {}),
    select: CASE_ROW_SELECT,
  });
  const more = rows.length > take;
  const page = rows.slice(0, take);
  if (before && valid) page.reverse();
  return {
    rows: page,
    hasNext: before && valid ? true : more,
    hasPrevious: valid > 0 ? (before ? more : true) : false,
  };
}

/** Every case matching the filter, page by page (CSV export). */
export async function* allCases({ shop, filter, pageSize = 500 }: { shop: string; filter: QueueFilter; pageSize?: number }) {
  let cursor: string | null = null;
  for (;;) {
    const rows: Prisma.SupportCaseGetPayload<{ select: typeof CASE_ROW_SELECT }>[] = await prisma.supportCase.findMany({
      where: whereOf(shop, filter),
      orderBy: orderOf(filter.sort, false),
      take: pageSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: CASE_ROW_SELECT,
    });
    yield* rows;
    if (rows.length < pageSize) return;
    cursor = rows[rows.length - 1]?.id ?? null;
  }
}

export async function findCase({ shop, orderId }: { shop: string; orderId: string }, tx: Tx = prisma) {
  return tx.supportCase.findUnique({ where: { shop_orderId: { shop, orderId } }, select: { ...CASE_ROW_SELECT, customerLocale: true } });
}

/** The cases of `orderIds` that belong to the shop (bulk actions check the ids they were sent). */
export async function casesOfOrders({ shop, orderIds }: { shop: string; orderIds: readonly string[] }, tx: Tx = prisma) {
  return tx.supportCase.findMany({ where: { shop, orderId: { in: [...orderIds] } }, select: { orderId: true, orderName: true, version: true, status: true, assignee: true } });
}

/**
 * A staff change (status, assignee) to one case, provided it is still at `version` (null: any version, for
 * bulk actions on what the person selected). Returns whether it was written.
 */
export async function updateCaseStaffFields(
  { shop, orderId, version, data }: { shop: string; orderId: string; version: number | null; data: { status?: CaseStatus; assignee?: string | null } },
  tx: Tx = prisma,
): Promise<boolean> {
  const { count } = await tx.supportCase.updateMany({
    where: { shop, orderId, ...(version === null ? {} : { version }) },
    data: { ...data, version: { increment: 1 } },
  });
  return count === 1;
}

/**
 * Records that the customer was compensated (bumping the version: the page's forms are now stale). Not
 * conditional on a version: once Shopify created the code, the case must say so whatever else changed.
 */
export async function markCaseCompensated({ shop, orderId, at }: { shop: string; orderId: string; at: Date }, tx: Tx = prisma) {
  await tx.supportCase.updateMany({ where: { shop, orderId }, data: { compensatedAt: at, version: { increment: 1 } } });
}

/** Records that the customer was contacted (an email queued for them). */
export async function markCasesContacted({ shop, orderIds, at }: { shop: string; orderIds: readonly string[]; at: Date }, tx: Tx = prisma) {
  if (orderIds.length === 0) return;
  await tx.supportCase.updateMany({ where: { shop, orderId: { in: [...orderIds] } }, data: { lastContactAt: at } });
}

/** A delay notice with the customer's links went out: an open case now waits on the customer. */
export async function awaitCustomerAnswer({ shop, orderId }: { shop: string; orderId: string }, tx: Tx = prisma): Promise<boolean> {
  const { count } = await tx.supportCase.updateMany({ where: { shop, orderId, status: "open" }, data: { status: "waiting_customer", version: { increment: 1 } } });
  return count === 1;
}

/**
 * The customer answered (or their cancellation went through): a case waiting on them is open again, and with
 * `reopenResolved` (a request the team must act on) a resolved one too.
 */
export async function customerAnswered(
  { shop, orderId, reopenResolved = false }: { shop: string; orderId: string; reopenResolved?: boolean },
  tx: Tx = prisma,
): Promise<boolean> {
  const { count } = await tx.supportCase.updateMany({
    where: { shop, orderId, status: { in: reopenResolved ? ["waiting_customer", "resolved"] : ["waiting_customer"] } },
    data: { status: "open", version: { increment: 1 } },
  });
  return count === 1;
}

/** Whether the case is still at `version` (an action checks before writing anything else). */
export async function caseAtVersion({ shop, orderId, version }: { shop: string; orderId: string; version: number }, tx: Tx = prisma) {
  return (await tx.supportCase.count({ where: { shop, orderId, version } })) === 1;
}

/** Bumps the version after a staff change recorded elsewhere (a note, a revised date). */
export async function bumpCaseVersion({ shop, orderId, version }: { shop: string; orderId: string; version: number }, tx: Tx = prisma) {
  const { count } = await tx.supportCase.updateMany({ where: { shop, orderId, version }, data: { version: { increment: 1 } } });
  return count === 1;
}

/** Deletes the orders' cases (customers/redact; the ledger recreates one, anonymized, for open lines). */
export async function deleteCases({ shop, orderIds }: { shop: string; orderIds: readonly string[] }, tx: Tx = prisma): Promise<number> {
  if (orderIds.length === 0) return 0;
  return (await tx.supportCase.deleteMany({ where: { shop, orderId: { in: [...orderIds] } } })).count;
}

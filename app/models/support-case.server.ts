// Data access for the support queue (SupportCase): one row per order with backordered lines. Ledger columns
// are written by the timeline workflow from the order's lines; staff columns (status, assignee) by the support
// desk, each staff write naming the version it edited (optimistic concurrency). Every query is scoped by shop
// and served by an index: the queue never scans Shopify or the ledger per visit.
import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import type { CaseState, CaseStatus, QueueFilter, QueueSort } from "~/validation/support-filter";
import { TERM_TOP, caseTerms, searchWords, supplierToken } from "~/domain/case-terms";
import type { Tx } from "./transaction.server";

export { caseTerms, searchWords, supplierToken, suppliersColumn } from "~/domain/case-terms";

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
  suppliers: string;
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
  "suppliers",
];

/** A case whose ledger columns were just written: its state and estimate before (null: created now). */
export interface CaseLedgerChange {
  orderId: string;
  before: { state: CaseState; estimateLatest: string | null } | null;
}

/** The ledger columns a case is found by (search terms, product and supplier filters). */
const TERM_KEYS: readonly (keyof CaseLedgerFields)[] = ["orderName", "customerName", "customerEmail", "productIds", "suppliers"];

/**
 * Creates the orders' cases, or updates the ledger columns that changed (and their search terms with them).
 * Orders whose change is the same (a burst of lines allocated: each becomes ready, nothing owed) share one
 * UPDATE: one read, at most one insert and a few updates however many orders an allocation pass touches.
 */
export async function saveCasesLedgerFields(
  { shop, cases }: { shop: string; cases: readonly { orderId: string; fields: CaseLedgerFields }[] },
  tx: Tx = prisma,
): Promise<CaseLedgerChange[]> {
  if (cases.length === 0) return [];
  const changes: CaseLedgerChange[] = [];
  const existing = await tx.supportCase.findMany({
    where: { shop, orderId: { in: cases.map((c) => c.orderId) } },
    select: { id: true, orderId: true, ...selectOf(LEDGER_KEYS) },
  });
  const stored = new Map(existing.map((row) => [row.orderId, row]));
  const missing = cases.filter((c) => !stored.has(c.orderId));
  for (const c of missing) changes.push({ orderId: c.orderId, before: null });
  if (missing.length > 0) {
    await tx.supportCase.createMany({ data: missing.map((c) => ({ shop, orderId: c.orderId, ...c.fields })) });
    const created = await tx.supportCase.findMany({ where: { shop, orderId: { in: missing.map((c) => c.orderId) } }, select: { id: true, orderId: true } });
    const idOf = new Map(created.map((row) => [row.orderId, row.id]));
    await writeTerms(tx, shop, missing.flatMap((c) => (idOf.has(c.orderId) ? [{ caseId: idOf.get(c.orderId) as string, fields: c.fields }] : [])));
  }
  const updates = new Map<string, { data: Partial<CaseLedgerFields>; orderIds: string[] }>();
  const retermed: { caseId: string; fields: CaseLedgerFields }[] = [];
  for (const { orderId, fields } of cases) {
    const row = stored.get(orderId);
    if (!row) continue;
    const changed = LEDGER_KEYS.filter((key) => row[key] !== fields[key]);
    if (changed.length === 0) continue;
    changes.push({ orderId, before: { state: row.state as CaseState, estimateLatest: row.estimateLatest } });
    const data: Partial<CaseLedgerFields> = Object.fromEntries(changed.map((key) => [key, fields[key]]));
    const key = JSON.stringify(data);
    const update = updates.get(key) ?? { data, orderIds: [] };
    update.orderIds.push(orderId);
    updates.set(key, update);
    if (changed.some((k) => TERM_KEYS.includes(k))) retermed.push({ caseId: row.id, fields });
  }
  for (const { data, orderIds } of updates.values()) {
    await tx.supportCase.updateMany({ where: { shop, orderId: { in: orderIds } }, data });
  }
  await writeTerms(tx, shop, retermed, true);
  return changes;
}

function selectOf(keys: readonly string[]) {
  return Object.fromEntries(keys.map((k) => [k, true])) as { [K in keyof CaseLedgerFields]: true };
}

// ---- search terms and the queue's filters -------------------------------------------------------------
//
// Every query walks the view's index in the queue's order and stops at 51 rows, which is fast as long as
// matching rows are common. A search or a filter that few cases match would walk every case of the shop, so
// those read their matching cases first, from an index (SupportCaseTerm by term prefix, or the
// (shop, promisedLatest) index), and when at most SPARSE_CASES match, the page is read among those by id
// (then sorted: at most that many rows). Above that, the walk finds 51 matches quickly. A filter's
// condition in the walk is written so that SQLite cannot drive the query from another index instead.

/**
 * A filter or search matching at most this many cases reads them by index, then orders them. Their ids go
 * into the page's query as bound values: Prisma allows 999 per SQLite statement, the query needs ~30 more.
 */
export const SPARSE_CASES = 800;

/** Writes the cases' search terms (replacing what they had when `replace`), in one insert. */
async function writeTerms(tx: Tx, shop: string, cases: readonly { caseId: string; fields: CaseLedgerFields }[], replace = false) {
  if (cases.length === 0) return;
  if (replace) await tx.supportCaseTerm.deleteMany({ where: { shop, caseId: { in: cases.map((c) => c.caseId) } } });
  const data = cases.flatMap((c) => caseTerms(c.fields).map((term) => ({ shop, term, caseId: c.caseId })));
  if (data.length) await tx.supportCaseTerm.createMany({ data });
}

/** The cases with a term in range, or null when more than SPARSE_CASES have one (walk instead). */
async function casesWithTerm(tx: Tx, shop: string, term: Prisma.StringFilter | string): Promise<Set<string> | null> {
  // A case can have several terms with one prefix ("ana", "ana@…"): read a few per case before giving up.
  const cap = 4 * SPARSE_CASES;
  // Counted first (an index-only count, stopped at the cap): a common word costs no rows read into memory.
  if ((await tx.supportCaseTerm.count({ where: { shop, term }, take: cap + 1 })) > cap) return null;
  const rows = await tx.supportCaseTerm.findMany({ where: { shop, term }, select: { caseId: true }, take: cap });
  const ids = new Set(rows.map((r) => r.caseId));
  return ids.size > SPARSE_CASES ? null : ids;
}

const prefixOf = (word: string) => ({ gte: word, lt: `${word}${TERM_TOP}` });

/** The queue's where-clause for the filter: the view and, per filter, either its few cases by id or a walk condition. */
async function whereOf(shop: string, filter: QueueFilter, tx: Tx): Promise<Prisma.SupportCaseWhereInput> {
  const and: Prisma.SupportCaseWhereInput[] = [{ shop }];
  if (filter.view === "resolved") and.push({ status: "resolved" });
  else if (filter.view === "waiting_customer") and.push({ status: "waiting_customer" });
  else {
    and.push({ status: { not: "resolved" } });
    if (filter.view === "complaints") and.push({ openComplaintAt: { not: null } });
    else if (filter.view === "delayed") and.push({ state: "delayed" });
    else if (filter.view === "at_risk") and.push({ state: "at_risk" });
    // Open: orders still owed something; ready and cancelled ones only when the status filter asks for them.
    else if (!filter.state && filter.view === "all") and.push({ state: { in: ["waiting", "at_risk", "delayed"] } });
  }
  if (filter.state) and.push({ state: filter.state });

  const few: Set<string>[] = [];
  if (filter.productId) {
    const ids = await casesWithTerm(tx, shop, `p:${filter.productId}`);
    if (ids) few.push(ids);
    else and.push({ productIds: { contains: `|${filter.productId}|` } });
  }
  if (filter.supplier) {
    const token = supplierToken(filter.supplier);
    const ids = await casesWithTerm(tx, shop, `s:${token}`);
    if (ids) few.push(ids);
    else and.push({ suppliers: { contains: `|${token}|` } });
  }
  if (filter.promisedFrom || filter.promisedTo) {
    const range = { ...(filter.promisedFrom ? { gte: filter.promisedFrom } : {}), ...(filter.promisedTo ? { lte: filter.promisedTo } : {}) };
    // Ordered by the date so the (shop, promisedLatest) index gives the rows in order and the read stops at the
    // cap (unordered, Prisma orders by id, and PostgreSQL walked the primary key over every shop's cases).
    const rows = await tx.supportCase.findMany({ where: { shop, promisedLatest: range }, orderBy: { promisedLatest: "asc" }, select: { id: true }, take: SPARSE_CASES + 1 });
    if (rows.length <= SPARSE_CASES) few.push(new Set(rows.map((r) => r.id)));
    else {
      // NOT (x < from): the same rows as x >= from (a case without a promise matches neither), but no index drives it.
      if (filter.promisedFrom) and.push({ NOT: { promisedLatest: { lt: filter.promisedFrom } } }, { promisedLatest: { not: null } });
      if (filter.promisedTo) and.push({ NOT: { promisedLatest: { gt: filter.promisedTo } } }, { promisedLatest: { not: null } });
    }
  }
  // A search finds the cases with, for every word, a term starting with it (order number, name, email).
  for (const word of searchWords(filter.query)) {
    const ids = await casesWithTerm(tx, shop, prefixOf(word));
    if (ids) few.push(ids);
    else and.push({ terms: { some: { shop, term: prefixOf(word) } } });
  }
  if (few.length > 0) {
    const [first, ...rest] = few.sort((a, b) => a.size - b.size);
    and.push({ id: { in: [...(first as Set<string>)].filter((id) => rest.every((set) => set.has(id))) } });
  }
  return { AND: and };
}

/**
 * The keys each sort reads the queue in, each with its direction; the last is the id (a total order). Every
 * sort is served by an index in exactly this order or its reverse (schema.prisma: `daysLate` is stored
 * descending), so a page reads 51 index entries and stops: "fewest days late first" is the exact reverse of
 * "most days late first" (newest order first among equals).
 */
type SortKey = "daysLate" | "orderedAt" | "id";
type Direction = "asc" | "desc";
const SORT_KEYS: Record<QueueSort, readonly [SortKey, Direction][]> = {
  days_late_desc: [["daysLate", "desc"], ["orderedAt", "asc"], ["id", "asc"]],
  days_late_asc: [["daysLate", "asc"], ["orderedAt", "desc"], ["id", "desc"]],
  ordered_asc: [["orderedAt", "asc"], ["id", "asc"]],
};

type KeyValues = { daysLate: number; orderedAt: Date; id: string };

function keysOf(sort: QueueSort, reverse: boolean): [SortKey, Direction][] {
  return SORT_KEYS[sort].map(([key, direction]) => [key, reverse ? (direction === "asc" ? "desc" : "asc") : direction]);
}

function orderOf(keys: readonly [SortKey, Direction][]): Prisma.SupportCaseOrderByWithRelationInput[] {
  return keys.map(([key, direction]) => ({ [key]: direction }));
}

/**
 * The rows after `from` in the order of `keys`: (k1 past v1) OR (k1 = v1 AND k2 past v2) OR …, plus the
 * redundant bound "k1 at or past v1", which lets SQLite seek to the cursor instead of walking the index from
 * the top of the shop's rows (it does not derive that bound from the OR).
 */
function after(keys: readonly [SortKey, Direction][], from: KeyValues): Prisma.SupportCaseWhereInput[] {
  const past = (key: SortKey, direction: Direction, strict: boolean) => ({ [key]: { [direction === "asc" ? (strict ? "gt" : "gte") : strict ? "lt" : "lte"]: from[key] } });
  const [first] = keys;
  if (!first) return [];
  const or = keys.map(([key, direction], i) => ({ AND: [...keys.slice(0, i).map(([k]) => ({ [k]: from[k] })), past(key, direction, true)] }));
  return [past(first[0], first[1], false), { OR: or }];
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
  openComplaintAt: true,
  version: true,
} as const;

/**
 * One page of the queue (cursor = a case id; `before` pages backwards): a keyset read from the cursor's sort
 * values. A cursor that is not a case of this shop starts over at the first page; a case that left the view
 * since (resolved meanwhile) still marks where the page starts.
 */
export async function listCases(
  { shop, filter, cursor, before = false, take = 50 }: { shop: string; filter: QueueFilter; cursor?: string | null; before?: boolean; take?: number },
  tx: Tx = prisma,
) {
  const from = cursor ? await tx.supportCase.findFirst({ where: { shop, id: cursor }, select: { daysLate: true, orderedAt: true, id: true } }) : null;
  const backwards = before && from !== null;
  const keys = keysOf(filter.sort, backwards);
  const where = await whereOf(shop, filter, tx);
  const rows = await tx.supportCase.findMany({
    where: { AND: [where, ...(from ? after(keys, from) : [])] },
    orderBy: orderOf(keys),
    take: take + 1,
    select: CASE_ROW_SELECT,
  });
  const more = rows.length > take;
  const page = rows.slice(0, take);
  if (backwards) page.reverse();
  return {
    rows: page,
    hasNext: backwards ? true : more,
    hasPrevious: from ? (backwards ? more : true) : false,
  };
}

/** Every case matching the filter, page by page in the queue's order (CSV export, the all-matching job). */
export async function* allCases({ shop, filter, pageSize = 500 }: { shop: string; filter: QueueFilter; pageSize?: number }) {
  const keys = keysOf(filter.sort, false);
  const where = await whereOf(shop, filter, prisma);
  let from: KeyValues | null = null;
  for (;;) {
    const rows: Prisma.SupportCaseGetPayload<{ select: typeof CASE_ROW_SELECT }>[] = await prisma.supportCase.findMany({
      where: { AND: [where, ...(from ? after(keys, from) : [])] },
      orderBy: orderOf(keys),
      take: pageSize,
      select: CASE_ROW_SELECT,
    });
    yield* rows;
    const last = rows.at(-1);
    if (rows.length < pageSize || !last) return;
    from = { daysLate: last.daysLate, orderedAt: last.orderedAt, id: last.id };
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

// ---- suppliers (the queue's supplier filter) ----------------------------------------------------------

/** Which of the orders' cases do not hold `suppliers` (the ones a supplier change must refresh). */
export async function casesWithOtherSuppliers(
  { shop, orderIds, suppliers }: { shop: string; orderIds: readonly string[]; suppliers: string },
  tx: Tx = prisma,
): Promise<string[]> {
  if (orderIds.length === 0) return [];
  const rows = await tx.supportCase.findMany({ where: { shop, orderId: { in: [...orderIds] }, suppliers: { not: suppliers } }, select: { orderId: true } });
  return rows.map((r) => r.orderId);
}

// ---- complaints ("Where is my order?") ----------------------------------------------------------------

/** The cases of the shop whose order is called `orderName` (any of the spellings given), for the customer's lookup. */
export async function casesByOrderName({ shop, orderNames }: { shop: string; orderNames: readonly string[] }, tx: Tx = prisma) {
  if (orderNames.length === 0) return [];
  return tx.supportCase.findMany({
    where: { shop, orderName: { in: [...orderNames] } },
    select: { orderId: true, orderName: true, customerEmail: true, customerLocale: true, status: true, state: true },
    take: 5,
  });
}

/** A complaint arrived: the case shows in the Complaints view from then on (its oldest unanswered one counts). */
export async function markComplaintOpen({ shop, orderId, at }: { shop: string; orderId: string; at: Date }, tx: Tx = prisma) {
  await tx.supportCase.updateMany({ where: { shop, orderId, openComplaintAt: null }, data: { openComplaintAt: at } });
}

/** Staff answered (a message to the customer) or resolved the case: it leaves the Complaints view. */
export async function clearComplaint({ shop, orderIds }: { shop: string; orderIds: readonly string[] }, tx: Tx = prisma) {
  if (orderIds.length === 0) return;
  await tx.supportCase.updateMany({ where: { shop, orderId: { in: [...orderIds] }, openComplaintAt: { not: null } }, data: { openComplaintAt: null } });
}

/** A system follow-up (a declined balance) on a resolved case: it is open again. */
export async function reopenResolvedCase({ shop, orderId }: { shop: string; orderId: string }, tx: Tx = prisma): Promise<boolean> {
  const { count } = await tx.supportCase.updateMany({ where: { shop, orderId, status: "resolved" }, data: { status: "open", version: { increment: 1 } } });
  return count === 1;
}

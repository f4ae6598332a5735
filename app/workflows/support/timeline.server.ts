// The support desk's record of what happened to an order, written as it happens: the ledger workflows call
// `recordTimeline` inside the transaction of the change itself, so an event exists exactly when its change
// committed. Each call also refreshes the order's support case (the queue's row) from its lines, in the
// same transaction, so the queue never lags behind the timeline.
import { daysLate } from "~/domain/manual-promise";
import { supportLinesOfOrders, waitingOrderIdsOfVariant } from "~/models/backorder-line.server";
import { productIdsOfVariants } from "~/models/backorder-variant.server";
import { pendingSuppliersOfVariants } from "~/models/incoming-batch.server";
import { findOutboxEmailByDedupeKey } from "~/models/email-outbox.server";
import { appendOrderEvents, type NewOrderEvent } from "~/models/order-event.server";
import {
  awaitCustomerAnswer,
  reopenResolvedCase,
  casesWithOtherSuppliers,
  clearComplaint,
  markCasesContacted,
  markComplaintOpen,
  saveCasesLedgerFields,
  updateCaseStaffFields,
  suppliersColumn,
  type CaseLedgerFields,
  type CaseState,
} from "~/models/support-case.server";
import { inWriteTransaction, type Tx } from "~/models/transaction.server";
import { queueCaseTriggers, queueEventTriggers } from "~/workflows/flow/triggers.server";

export type TimelineKind =
  | "order_placed"
  | "promise_made"
  | "order_edited"
  | "order_cancelled"
  | "line_allocated"
  | "hold_placed"
  | "hold_released"
  | "confirmation_queued"
  | "delay_queued"
  | "earlier_queued"
  | "ready_queued"
  | "message_queued"
  | "estimate_changed"
  | "manual_promise"
  | "manual_promise_dropped"
  | "note"
  | "assigned"
  | "status_changed"
  | "compensation_given"
  // Cancel & refund, and the customer's own choice (./cancellation.server.ts, ./customer-choice.server.ts).
  | "customer_chose_wait"
  | "cancel_requested"
  | "cancel_declined"
  | "cancel_failed"
  | "lines_cancelled"
  | "refund_issued"
  | "cancellation_queued"
  /** The customer's message from the "Where is my order?" page (actor "customer"): the case is a complaint. */
  | "complaint"
  /** A low score or a comment from the survey after delivery (actor "customer"): a follow-up, like a complaint. */
  | "feedback"
  /** Deposits and pay later (ADR 015): the balance was charged, or could not be (a follow-up for staff). */
  | "balance_collected"
  | "balance_failed";

/** Emails to the customer: their events stamp the case's "last contact". */
export const CONTACT_KINDS = new Set<TimelineKind>(["confirmation_queued", "delay_queued", "earlier_queued", "ready_queued", "message_queued", "cancellation_queued"]);

/** Events staff must look at: the case comes back to the queue's Complaints view (reopened when resolved). */
const FOLLOW_UP_KINDS = new Set<TimelineKind>(["complaint", "feedback", "balance_failed"]);

export interface TimelineEvent {
  orderId: string;
  kind: TimelineKind;
  at: Date;
  /** "system" (default) or "staff:<user id>". */
  actor?: string;
  data?: Record<string, unknown>;
  /** The dedupe key of the email the event is about: the event links to that outbox row. */
  emailKey?: string;
}

/** Appends the events and refreshes the support cases of their orders, in the caller's transaction. */
export async function recordTimeline(tx: Tx, shop: string, events: readonly TimelineEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows: NewOrderEvent[] = [];
  /** Orders whose customer was just sent a delay notice with its two links: the desk waits for their answer. */
  const asked = new Set<string>();
  for (const event of events) {
    const email = event.emailKey ? await findOutboxEmailByDedupeKey({ shop, dedupeKey: event.emailKey }, tx) : null;
    rows.push({ shop, orderId: event.orderId, kind: event.kind, at: event.at, actor: event.actor ?? "system", data: event.data ?? {}, emailId: email?.id ?? null });
    if (event.kind === "delay_queued" && email && email.status !== "dead") asked.add(event.orderId);
  }
  await appendOrderEvents(rows, tx);
  const refreshed = await refreshSupportCases(tx, shop, [...new Set(events.map((e) => e.orderId))]);
  // Shopify Flow triggers of the events: the customer was told a later date ("Backorder delayed", once per
  // order and date), the customer asked to cancel ("Customer chose to cancel a backorder", once per request).
  await queueEventTriggers(tx, shop, events, refreshed);
  // Last contact: one UPDATE per instant (a pass stamps all its emails with the same time)
  const contacted = new Map<number, Set<string>>();
  for (const event of events) {
    // A compensation is a contact when it emailed the customer (a gift noted on the order does not).
    const contact = CONTACT_KINDS.has(event.kind) || ((event.kind === "compensation_given" || event.kind === "balance_failed") && Boolean(event.emailKey));
    if (contact) contacted.set(event.at.getTime(), (contacted.get(event.at.getTime()) ?? new Set()).add(event.orderId));
    // A complaint waits in the Complaints view until staff answer the customer or resolve the case.
    if (FOLLOW_UP_KINDS.has(event.kind)) await markComplaintOpen({ shop, orderId: event.orderId, at: event.at }, tx);
    // A declined balance is the system's follow-up: a resolved case opens again.
    if (event.kind === "balance_failed") await reopenResolvedCase({ shop, orderId: event.orderId }, tx);
    if (answersComplaint(event)) await clearComplaint({ shop, orderIds: [event.orderId] }, tx);
  }
  for (const [at, orderIds] of contacted) await markCasesContacted({ shop, orderIds: [...orderIds], at: new Date(at) }, tx);
  // "Waiting on customer" until they answer a link (or staff change the status): only an open case moves.
  for (const orderId of asked) await awaitCustomerAnswer({ shop, orderId }, tx);
}

/**
 * Something the customer sent that staff must look at (a complaint, a survey follow-up): its events, after
 * reopening the case when it was resolved or waiting on the customer (logged as a status change by the customer).
 */
export async function recordCustomerFollowUp(tx: Tx, shop: string, { caseStatus, events }: { caseStatus: string; events: readonly TimelineEvent[] }): Promise<void> {
  const first = events[0];
  if (!first) return;
  const all = [...events];
  if (caseStatus !== "open") {
    await updateCaseStaffFields({ shop, orderId: first.orderId, version: null, data: { status: "open" } }, tx);
    all.push({ orderId: first.orderId, kind: "status_changed", at: first.at, actor: "customer", data: { from: caseStatus, to: "open" } });
  }
  await recordTimeline(tx, shop, all);
}

/** Staff wrote to the customer, or resolved the case. */
function answersComplaint(event: TimelineEvent): boolean {
  if (event.kind === "message_queued") return true;
  return event.kind === "status_changed" && event.data?.to === "resolved";
}

const IN_CHUNK = 400;

/** An order's support case as just refreshed: its ledger columns and the lines they were computed from. */
export interface RefreshedCase {
  fields: CaseLedgerFields;
  lines: SupportLine[];
}

/**
 * Recomputes the queue row of each order from its ledger lines (created on the order's first line), queues
 * the Shopify Flow triggers its change fires, and returns the refreshed cases by order.
 */
export async function refreshSupportCases(tx: Tx, shop: string, orderIds: readonly string[]): Promise<Map<string, RefreshedCase>> {
  const refreshed = new Map<string, RefreshedCase>();
  for (let i = 0; i < orderIds.length; i += IN_CHUNK) {
    const lines = await supportLinesOfOrders({ shop, orderIds: orderIds.slice(i, i + IN_CHUNK) }, tx);
    const products = await productIdsOfVariants({ shop, variantIds: [...new Set(lines.map((l) => l.variantId))] }, tx);
    const waitingVariants = [...new Set(lines.filter((l) => l.status === "waiting").map((l) => l.variantId))];
    const suppliers = await pendingSuppliersOfVariants({ shop, variantIds: waitingVariants }, tx);
    const byOrder = new Map<string, typeof lines>();
    for (const line of lines) byOrder.set(line.orderId, [...(byOrder.get(line.orderId) ?? []), line]);
    const cases = [...byOrder].map(([orderId, orderLines]) => ({ orderId, fields: caseFields(orderLines, products, suppliers) }));
    const changes = await saveCasesLedgerFields({ shop, cases }, tx);
    for (const c of cases) refreshed.set(c.orderId, { fields: c.fields, lines: byOrder.get(c.orderId) ?? [] });
    // The one place a case's state moves (at risk, ready): its Shopify Flow trigger is queued here.
    await queueCaseTriggers(
      tx,
      shop,
      changes.map((c) => ({ ...c, after: refreshed.get(c.orderId)?.fields as CaseLedgerFields, lines: byOrder.get(c.orderId) ?? [] })),
    );
  }
  return refreshed;
}

type SupportLine = Awaited<ReturnType<typeof supportLinesOfOrders>>[number];

/** The date a waiting line goes by now: the manual promise while it stands, else the engine's estimate. */
export function currentLatest(line: Pick<SupportLine, "manualLatest" | "estimateLatest" | "notifiedLatest">): string | null {
  return line.manualLatest ?? line.estimateLatest ?? line.notifiedLatest;
}

/**
 * The queue row's ledger columns from the order's lines. `suppliersOf`: the suppliers of each variant's
 * pending batches (the order waits on those of its waiting lines).
 */
export function caseFields(
  lines: readonly SupportLine[],
  productOf: ReadonlyMap<string, string>,
  suppliersOf: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): CaseLedgerFields {
  const first = lines[0] as SupportLine;
  const waiting = lines.filter((l) => l.status === "waiting");
  let state: CaseState = "waiting";
  if (lines.every((l) => l.status === "cancelled")) state = "cancelled";
  else if (waiting.length === 0) state = "ready";
  else if (waiting.some((l) => later(currentLatest(l), l.notifiedLatest ?? l.promisedLatest))) state = "at_risk";
  else if (waiting.some((l) => later(l.notifiedLatest, l.promisedLatest) || later(currentLatest(l), l.promisedLatest))) state = "delayed";
  const promised = waiting.flatMap((l) => (l.promisedLatest ? [l.promisedLatest] : [])).sort();
  const estimates = waiting.flatMap((l) => {
    const d = currentLatest(l);
    return d ? [d] : [];
  });
  const productIds = [...new Set(lines.flatMap((l) => (productOf.get(l.variantId) ? [productOf.get(l.variantId) as string] : [])))];
  return {
    orderName: first.orderName,
    customerName: first.customerName,
    customerEmail: first.customerEmail?.toLowerCase() ?? null,
    customerLocale: first.customerLocale,
    orderedAt: first.orderedAt,
    state,
    itemsOwed: waiting.reduce((sum, l) => sum + l.quantity, 0),
    promisedLatest: promised[0] ?? null,
    estimateLatest: estimates.sort().at(-1) ?? null,
    daysLate: Math.max(0, ...waiting.map((l) => daysLate(currentLatest(l), l.promisedLatest))),
    productIds: `|${productIds.join("|")}${productIds.length ? "|" : ""}`,
    products: [...new Set(lines.map((l) => [l.productTitle, l.variantTitle].filter(Boolean).join(" – ")))].join(", ").slice(0, 500),
    suppliers: suppliersColumn(waiting.flatMap((l) => [...(suppliersOf.get(l.variantId) ?? [])])),
  };
}

function later(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a > b;
}

/**
 * After a variant's batches changed (added, edited, received, removed: the variant recompute job), the
 * cases waiting for it whose supplier column no longer says what its pending batches name are refreshed.
 * Reads the waiting lines' orders by index and compares in the database, so only the cases that changed
 * (and orders mixing several variants) are rewritten.
 */
export async function refreshCaseSuppliers({ shop, variantIds }: { shop: string; variantIds: readonly string[] }): Promise<number> {
  let refreshed = 0;
  for (let i = 0; i < variantIds.length; i += IN_CHUNK) {
    const chunk = variantIds.slice(i, i + IN_CHUNK);
    const suppliers = await pendingSuppliersOfVariants({ shop, variantIds: chunk });
    for (const variantId of chunk) {
      const expected = suppliersColumn(suppliers.get(variantId) ?? []);
      const orderIds = await waitingOrderIdsOfVariant({ shop, variantId });
      for (let j = 0; j < orderIds.length; j += IN_CHUNK) {
        const stale = await casesWithOtherSuppliers({ shop, orderIds: orderIds.slice(j, j + IN_CHUNK), suppliers: expected });
        if (stale.length === 0) continue;
        await inWriteTransaction(shop, (tx) => refreshSupportCases(tx, shop, stale));
        refreshed += stale.length;
      }
    }
  }
  return refreshed;
}

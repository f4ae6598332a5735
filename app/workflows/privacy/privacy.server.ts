// Privacy duties: erase a customer (customers/redact), hand a customer's data to the merchant
// (customers/data_request), erase a shop (shop/redact, 48 h after uninstall).
//
// Where a customer's personal data lives, and what customers/redact does to it:
// - ledger lines (email, name): a waiting or allocated line is anonymized rather than deleted (its units
//   hold a place in the FIFO queue that other customers' dates depend on); finished lines are deleted;
// - the outbox (address, and subject/body naming the customer): rows to the address or about the
//   customer's order lines are deleted;
// - notify-me signups (address): deleted;
// - job payloads (order facts carry email and name; compliance jobs carry the address): scrubbed in place,
//   so a queued job still runs, without the person;
// - data request exports: deleted;
// - survey answers after delivery (address, score, comment): deleted (the opt-out list keeps only a hash of the
//   address, so a customer who said "no more surveys" is still honoured).
// Webhook events keep only Shopify's event id, topic and webhook id: nothing personal.
import { customerLineIds, exportLines, ordersOfLines, redactLines } from "~/models/backorder-line.server";
import { customerMessagesOfOrders, deleteOrderEvents } from "~/models/order-event.server";
import { deleteCompensations } from "~/models/compensation.server";
import { deleteSurveysOfCustomer, optOutOf, surveysOfCustomer } from "~/models/feedback.server";
import { deleteCases } from "~/models/support-case.server";
import { deleteCancellationsOfOrders } from "~/models/support-cancellation.server";
import { refreshSupportCases } from "~/workflows/support/timeline.server";
import { deleteCustomerDataRequests } from "~/models/data-request.server";
import { deleteCustomerEmails, deleteLineEmails, listEmailsToAddresses } from "~/models/email-outbox.server";
import { jobPayloadsPage, replaceJobPayload } from "~/models/job.server";
import { deleteSubscriptionsOfEmail, listSubscriptionsOfAddresses } from "~/models/notify-subscription.server";
import { balancesOfOrders } from "~/models/order-balance.server";
import { eraseShopRows } from "~/models/shop-erasure.server";
import { inWriteTransaction, type Tx } from "~/models/transaction.server";
import type { CustomerRedactFacts, DataRequestFacts } from "../ledger/types";

/** The customer's address as stored lookups compare it (trimmed, lower-case), or null. */
function normalizedEmail(facts: CustomerRedactFacts): string | null {
  return facts.email?.trim().toLowerCase() || null;
}

/** Lines of the customer: by the orders Shopify names, or by address (any letter case). */
function linesOfCustomer(shop: string, facts: CustomerRedactFacts, tx?: Tx): Promise<string[]> {
  return customerLineIds({ shop, orderIds: facts.orderIds, email: normalizedEmail(facts) }, tx);
}

const PERSONAL_JOB_KINDS = ["order.sync", "customer.redact", "customer.data_request", "bulk.support"];

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The payload without the customer, or null when it is not about this customer. */
function scrubbedPayload(kind: string, payload: Record<string, unknown>, facts: CustomerRedactFacts, email: string | null): Record<string, unknown> | null {
  const sameEmail = email !== null && typeof payload.email === "string" && payload.email.trim().toLowerCase() === email;
  if (kind === "order.sync") {
    const ours = sameEmail || (typeof payload.orderId === "string" && facts.orderIds.includes(payload.orderId));
    return ours ? { ...payload, email: null, customerName: null, customerId: null } : null;
  }
  if (kind === "bulk.support") {
    // The support queue's filter a bulk action ran on: its search may be the customer's address.
    const filter = payload.filter as { query?: unknown } | undefined;
    const query = typeof filter?.query === "string" ? filter.query.toLowerCase() : "";
    return email && query.includes(email) ? { ...payload, filter: { ...filter, query: "" } } : null;
  }
  const sameCustomer = facts.customerId !== null && payload.customerId === facts.customerId;
  if (!sameEmail && !sameCustomer) return null;
  // A data request job finished before exports moved to DataRequest kept the export as `result`.
  const { result: _export, ...rest } = payload;
  return { ...rest, email: null };
}

/** Scrubs the customer out of the shop's job payloads (queued, running or finished). */
async function redactJobPayloads(tx: Tx, shop: string, facts: CustomerRedactFacts): Promise<number> {
  const email = normalizedEmail(facts);
  let redacted = 0;
  let cursor: string | undefined;
  for (;;) {
    const jobs = await jobPayloadsPage({ shop, kinds: PERSONAL_JOB_KINDS, afterId: cursor, take: 500 }, tx);
    if (jobs.length === 0) return redacted;
    cursor = jobs[jobs.length - 1]?.id;
    for (const job of jobs) {
      const payload = parseObject(job.payload);
      const scrubbed = payload && scrubbedPayload(job.kind, payload, facts, email);
      if (!scrubbed) continue;
      const next = JSON.stringify(scrubbed);
      if (next === job.payload) continue;
      // Compare-and-set on the payload read: a concurrent rewrite (a newer coalesced event) is not clobbered.
      if (await replaceJobPayload({ shop, id: job.id, expected: job.payload, payload: next }, tx)) redacted++;
    }
  }
}

export async function redactCustomer(shop: string, facts: CustomerRedactFacts) {
  const email = normalizedEmail(facts);
  return inWriteTransaction(shop, async (tx) => {
    const lineIds = await linesOfCustomer(shop, facts, tx);
    const emails = (await deleteLineEmails({ shop, lineIds }, tx)) + (email ? await deleteCustomerEmails({ shop, email }, tx) : 0);
    const orderIds = await ordersOfLines({ shop, lineIds }, tx);
    const lines = await redactLines({ shop, lineIds }, tx);
    // The support desk's copies go too: timelines (notes and messages may name the customer) and cases;
    // orders still owed get their case back, anonymized, from the lines kept.
    const timelineEvents = await deleteOrderEvents({ shop, orderIds }, tx);
    await deleteCompensations({ shop, orderIds }, tx);
    await deleteCases({ shop, orderIds }, tx);
    await deleteCancellationsOfOrders({ shop, orderIds }, tx);
    await refreshSupportCases(tx, shop, orderIds);
    const subscriptions = email ? await deleteSubscriptionsOfEmail({ shop, email }, tx) : 0;
    const dataRequests = email ? await deleteCustomerDataRequests({ shop, emails: [email] }, tx) : 0;
    const jobs = await redactJobPayloads(tx, shop, facts);
    const surveys = await deleteSurveysOfCustomer({ shop, orderIds: [...new Set([...orderIds, ...facts.orderIds])], email }, tx);
    return { anonymizedLines: lines.anonymized, deletedLines: lines.deleted, subscriptions, emails, dataRequests, jobs, timelineEvents, surveys };
  }, { timeout: 60_000 });
}

/** Everything the app holds about one customer, for the merchant to hand over. */
export async function customerDataExport(shop: string, facts: DataRequestFacts) {
  const lines = await exportLines({ shop, lineIds: await linesOfCustomer(shop, facts) });
  const emailAddresses = new Set([facts.email, ...lines.map((l) => l.customerEmail)].filter((e): e is string => !!e));
  const addresses = [...new Set([...emailAddresses].flatMap((e) => [e, e.trim().toLowerCase()]))];
  const orderIds = [...new Set(lines.map((l) => l.orderId))];
  const [subscriptions, emails, messages, surveys, optOuts, balances] = await Promise.all([
    listSubscriptionsOfAddresses({ shop, addresses }),
    listEmailsToAddresses({ shop, addresses }),
    customerMessagesOfOrders({ shop, orderIds }),
    surveysOfCustomer({ shop, orderIds: [...new Set([...orderIds, ...facts.orderIds])], emails: [...emailAddresses] }),
    Promise.all([...emailAddresses].map((email) => optOutOf({ shop, email }))),
    balancesOfOrders({ shop, orderIds }),
  ]);
  const orderNames = new Map(lines.map((l) => [l.orderId, l.orderName]));
  return {
    dataRequestId: facts.dataRequestId,
    customerId: facts.customerId,
    email: facts.email,
    backorderedLines: lines,
    notifyMeSignups: subscriptions,
    emails,
    /** What the customer wrote from the "Where is my order?" page. */
    messagesToSupport: messages.map((m) => ({ order: orderNames.get(m.orderId) ?? null, at: m.at, text: m.text })),
    /** The survey after delivery: when it was sent, and the customer's answer and comment. */
    feedback: surveys.map((s) => ({ order: s.orderName, sentAt: s.sentAt, score: s.score, dateAccurate: s.dateAccurate, comment: s.comment, answeredAt: s.answeredAt, changedAt: s.answerUpdatedAt })),
    /** When the customer asked for no more surveys, if they did. */
    surveysStoppedAt: optOuts.find((o) => o !== null)?.createdAt ?? null,
    /** Deposit and pay-later orders: paid at checkout, still owed, refunded, and the balance charge's state. */
    deferredPayments: balances,
  };
}

/** shop/redact: every row the app holds for the shop, in one transaction. */
export async function eraseShop(shop: string) {
  return eraseShopRows({ shop });
}

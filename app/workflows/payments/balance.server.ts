// Deposits and pay later: collecting the balance (issue 15, ADR 015). Derived from the order itself, whatever
// plan configuration produced it:
//   1. record: an order job whose payload has payment terms and an outstanding amount reads the order's payment
//      facts (Admin API, one query) and keeps what was paid and what is owed (OrderBalance) with the lines
//      bought on the plan, before the ledger pass confirms the order (so the confirmation states the balance).
//      FIXED terms get the collection job at their due date.
//   2. trigger: when nothing of the order waits for stock any more (the allocation that serves it, or a hold
//      release), a balance due on fulfillment gets its collection job, in the same transaction (a unique job key
//      per order: duplicate or shuffled inventory webhooks queue it once).
//   3. collect (`balance.collect`): owed → charging by compare-and-set, with the idempotency key derived from the
//      order stored first; orderCreateMandatePayment with that key (a retry, or a re-run after a worker died
//      mid-charge, sends the same request and Shopify replays the first payment: never a second charge); then
//      the payment's outcome (orderPaymentStatus): paid → collected; declined → failed, the customer's email and
//      a follow-up in the support desk; not settled yet → the job retries later.
import type { JobContext, JobOutcome } from "~/jobs/types";
import { enqueueJob } from "~/jobs/queue.server";
import { formatMoney, currencyDigits } from "~/domain/money";
import { supportLinesOfOrders } from "~/models/backorder-line.server";
import {
  claimCharge,
  findOrderBalance,
  markBalanceCollected,
  markBalanceFailed,
  owedBalancesOfOrders,
  recordOrderBalance,
  savePaymentReference,
} from "~/models/order-balance.server";
import { cancellationsOfOrder } from "~/models/support-cancellation.server";
import { inWriteTransaction, type Tx } from "~/models/transaction.server";
import { dateLocale } from "~/notifications/kinds";
import { EmailInputError, queueEmail } from "~/notifications/queue.server";
import { balanceChargeKey, chargeBalance, readOrderPayment, readPaymentOutcome } from "~/shopify/payments.server";
import type { OrderFacts } from "~/workflows/ledger/types";
import { recordTimeline } from "~/workflows/support/timeline.server";

export const BALANCE_JOB = "balance.collect";
export const balanceJobKey = (orderId: string) => `balance:${orderId}`;
export const balanceDeclinedKey = (orderId: string) => `order:${orderId}:balance_declined`;

/**
 * Step 1 (see the file comment): keeps the order's deferred payment once; returns whether it was recorded now.
 * Only for orders the ledger holds lines of (a backorder) and whose payload says something is still owed.
 */
export async function recordDeferredPayment(ctx: JobContext, facts: OrderFacts): Promise<boolean> {
  const { shop } = ctx;
  if (!facts.deferredPayment || facts.cancelledAt) return false;
  if (await findOrderBalance({ shop, orderId: facts.orderId })) return false;
  const lines = await supportLinesOfOrders({ shop, orderIds: [facts.orderId] });
  if (lines.length === 0) return false;
  const payment = await readOrderPayment(await ctx.admin(), facts.orderId);
  if (!payment || payment.cancelled || !payment.terms || payment.outstandingMinor <= 0 || payment.terms.completed) return false;
  const planLines = payment.planLines.filter((l) => l.quantity > 0);
  // A deferred payment without plan lines (payment terms set by hand): the whole balance is on the order.
  const planValueMinor = planLines.length ? planLines.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0) : payment.totalMinor;
  const dueAt = payment.terms.type === "FIXED" && payment.terms.dueAt ? new Date(payment.terms.dueAt) : null;
  const now = ctx.now();
  return inWriteTransaction(ctx.shop, async (tx) => {
    const recorded = await recordOrderBalance(
      {
        shop,
        orderId: facts.orderId,
        orderName: facts.orderName,
        currency: payment.currency,
        totalMinor: payment.totalMinor,
        paidMinor: payment.receivedMinor,
        outstandingMinor: payment.outstandingMinor,
        planValueMinor,
        termsType: payment.terms?.type ?? "UNKNOWN",
        dueAt,
        paymentScheduleId: payment.terms?.scheduleId ?? null,
        mandateId: payment.mandateId,
        lines: planLines,
        now,
      },
      tx,
    );
    if (recorded && dueAt) await enqueueJob({ shop, kind: BALANCE_JOB, payload: { orderId: facts.orderId }, uniqueKey: balanceJobKey(facts.orderId), runAt: dueAt, now }, tx);
    return recorded;
  });
}

/**
 * Step 2: orders nothing of which waits for stock any more. Their balances due on fulfillment get their
 * collection job (once per order, whatever delivers the news). Returns how many were queued.
 */
export async function queueBalanceCollections(tx: Tx, shop: string, orderIds: readonly string[], now: Date): Promise<number> {
  let queued = 0;
  for (const balance of await owedBalancesOfOrders({ shop, orderIds }, tx)) {
    if (balance.dueAt) continue; // a date was agreed: the job waits for it (step 1)
    const job = await enqueueJob({ shop, kind: BALANCE_JOB, payload: { orderId: balance.orderId }, uniqueKey: balanceJobKey(balance.orderId), now }, tx);
    if (job.created) queued++;
  }
  return queued;
}

/**
 * What the emails say about an order's payment, in the customer's language; null when it was paid in full (or
 * nothing is left to charge). The ready-to-ship email (`charging`) also states a balance being or just charged.
 */
export async function paymentForEmail(tx: Tx, shop: string, orderId: string, locale: string, { charging = false }: { charging?: boolean } = {}) {
  const balance = await findOrderBalance({ shop, orderId }, tx);
  if (!balance) return null;
  const amount = balance.status === "owed" ? balance.outstandingMinor : charging && (balance.status === "charging" || balance.status === "collected") ? (balance.chargeMinor ?? 0) : 0;
  if (amount <= 0) return null;
  const lang = dateLocale(locale);
  return {
    paid: balance.paidMinor > 0 ? formatMoney(balance.paidMinor, balance.currency, lang) : "",
    balance: formatMoney(amount, balance.currency, lang),
    dueOn: balance.dueAt ? balance.dueAt.toISOString().slice(0, 10) : null,
  };
}

/** The support desk's view of an order's deferred payment (amounts in the admin's language); null: paid in full. */
export async function balanceForDesk({ shop, orderId, locale }: { shop: string; orderId: string; locale: string }) {
  const balance = await findOrderBalance({ shop, orderId });
  if (!balance) return null;
  const amount = (minor: number) => formatMoney(minor, balance.currency, locale);
  return {
    status: balance.status,
    paid: amount(balance.paidMinor),
    outstanding: amount(balance.status === "collected" ? 0 : balance.outstandingMinor),
    charged: balance.status === "collected" ? amount(balance.chargeMinor ?? 0) : null,
    refunded: balance.refundedMinor > 0 ? amount(balance.refundedMinor) : null,
    dueOn: balance.dueAt ? balance.dueAt.toISOString().slice(0, 10) : null,
    failure: balance.status === "failed" ? balance.failureMessage : null,
  };
}

// ---- step 3: the job ------------------------------------------------------------------------------------

/** Thrown while Shopify has not settled the payment: the job retries later (with backoff). */
class PaymentPending extends Error {
  override readonly name = "PaymentPending";
}

export async function runBalanceCollection(ctx: JobContext, { orderId }: { orderId: string }): Promise<JobOutcome> {
  const { shop } = ctx;
  let balance = await findOrderBalance({ shop, orderId });
  if (!balance) return { summary: `order ${orderId}: no balance recorded` };
  if (balance.status === "collected" || balance.status === "cancelled" || balance.status === "failed") {
    return { summary: `${balance.orderName}: balance ${balance.status}, nothing to do` };
  }
  if (balance.status === "owed") {
    if (balance.outstandingMinor <= 0) return { summary: `${balance.orderName}: nothing owed` };
    // A cancel & refund under way changes what is owed: charge once it has settled.
    if ((await cancellationsOfOrder({ shop, orderId })).some((c) => c.status === "pending")) {
      throw new PaymentPending(`${balance.orderName}: a cancellation is under way; charging the balance after it`);
    }
    const claimed = await claimCharge({ shop, orderId, chargeKey: balanceChargeKey(orderId), chargeMinor: balance.outstandingMinor, now: ctx.now() });
    if (!claimed) return { summary: `${balance.orderName}: the charge moved on meanwhile` };
    balance = (await findOrderBalance({ shop, orderId }))!;
  }
  const client = await ctx.admin();
  let reference = balance.paymentReferenceId;
  if (!reference) {
    if (!balance.mandateId) return fail(ctx, balance, "The order has no saved payment method to charge");
    // The same request on every attempt (key and schedule stored with the claim): Shopify replays the first payment.
    const charge = await chargeBalance(client, {
      orderId,
      mandateId: balance.mandateId,
      idempotencyKey: balance.chargeKey ?? balanceChargeKey(orderId),
      paymentScheduleId: balance.paymentScheduleId,
    });
    if (!charge.ok) {
      // Refused outright: maybe the balance was paid meanwhile (by hand in Shopify): then there is nothing to collect.
      const now = await readOrderPayment(client, orderId);
      if (now && now.outstandingMinor === 0) return collected(ctx, balance, 0, "paid outside the app");
      return fail(ctx, balance, charge.message);
    }
    reference = charge.paymentReferenceId;
    await savePaymentReference({ shop, orderId, paymentReferenceId: reference, now: ctx.now() });
  }
  const outcome = await readPaymentOutcome(client, { orderId, paymentReferenceId: reference });
  if (outcome.state === "paid") return collected(ctx, balance, outcome.outstandingMinor, `${outcome.amountMinor} charged`);
  if (outcome.state === "declined") return fail(ctx, balance, outcome.errorCode ? `${outcome.message} (${outcome.errorCode})` : outcome.message);
  throw new PaymentPending(`${balance.orderName}: Shopify has not settled payment ${reference} yet (${outcome.state === "pending" ? outcome.status : "unknown"}); checking again later`);
}

type Balance = NonNullable<Awaited<ReturnType<typeof findOrderBalance>>>;

async function collected(ctx: JobContext, balance: Balance, outstandingMinor: number, how: string): Promise<JobOutcome> {
  const now = ctx.now();
  await inWriteTransaction(ctx.shop, async (tx) => {
    if (!(await markBalanceCollected({ shop: ctx.shop, orderId: balance.orderId, outstandingMinor, now }, tx))) return;
    await recordTimeline(tx, ctx.shop, [
      { orderId: balance.orderId, kind: "balance_collected", at: now, data: { amount: money(balance.chargeMinor ?? balance.outstandingMinor, balance.currency), paymentReferenceId: balance.paymentReferenceId } },
    ]);
  });
  return { summary: `${balance.orderName}: balance collected (${how})` };
}

/** Declined or refused: the balance is failed, the customer emailed, and the order waits in the support desk. */
async function fail(ctx: JobContext, balance: Balance, message: string): Promise<JobOutcome> {
  const { shop } = ctx;
  const now = ctx.now();
  await inWriteTransaction(ctx.shop, async (tx) => {
    if (!(await markBalanceFailed({ shop, orderId: balance.orderId, message, now }, tx))) return;
    const customer = (await supportLinesOfOrders({ shop, orderIds: [balance.orderId] }, tx)).find((l) => l.customerEmail);
    let emailed = false;
    if (customer?.customerEmail) {
      const lang = dateLocale(customer.customerLocale);
      try {
        emailed = (
          await queueEmail(
            {
              shop,
              kind: "balance_declined",
              dedupeKey: balanceDeclinedKey(balance.orderId),
              to: customer.customerEmail,
              locale: customer.customerLocale,
              data: {
                orderName: balance.orderName,
                customerName: customer.customerName,
                amountDue: formatMoney(balance.chargeMinor ?? balance.outstandingMinor, balance.currency, lang),
                amountPaid: balance.paidMinor > 0 ? formatMoney(balance.paidMinor, balance.currency, lang) : "",
              },
            },
            tx,
          )
        ).queued;
      } catch (error) {
        if (!(error instanceof EmailInputError)) throw error;
        ctx.log(`${balance.orderName}: balance_declined email refused: ${error.message}`);
      }
    }
    await recordTimeline(tx, shop, [
      {
        orderId: balance.orderId,
        kind: "balance_failed",
        at: now,
        data: { amount: money(balance.chargeMinor ?? balance.outstandingMinor, balance.currency), message: message.slice(0, 500) },
        ...(emailed ? { emailKey: balanceDeclinedKey(balance.orderId) } : {}),
      },
    ]);
  });
  ctx.log(`${balance.orderName}: balance not collected: ${message}`);
  return { summary: `${balance.orderName}: balance not collected: ${message}` };
}

function money(amountMinor: number, currency: string): string {
  return `${(amountMinor / 10 ** currencyDigits(currency)).toFixed(currencyDigits(currency))} ${currency}`;
}

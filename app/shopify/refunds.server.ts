// Refunds and cancellations for the support desk: what Shopify would refund for some owed line items (or
// the whole order), the refund of those line items, and the cancellation of the whole order.
//
// - Preview: `Order.suggestedRefund` for the owed quantities (or `suggestFullRefund`): the amount shown in
//   the confirmation dialog and the transactions the refund then uses, so the customer is refunded what
//   Shopify computes (taxes, discounts), on the gateways they paid with.
// - Lines: `refundCreate` with those line items and the suggested transactions, `notify: false` (our own
//   cancellation email says it, in the customer's language). Since 2026-04 it takes a mandatory
//   `@idempotent` key: we pass one derived from the stored cancellation, so a retried or doubled request
//   replays the first refund instead of refunding twice.
// - Whole order: `orderCancel` (reason CUSTOMER, refund to the original payment methods, no Shopify email).
//   It answers with a Job: the cancellation runs asynchronously, so we poll the job a few times and read
//   the order's `cancelledAt`; a job still running is reported as such (the caller comes back later).
//
// Restocking. The owed units are refunded with restock type CANCEL and orders are cancelled with
// `restock: true`, on purpose. For an unfulfilled line item, "restock" is how Shopify lets go of the unit it
// committed to the order: CANCEL removes the units from the fulfillment order and returns the commitment, so
// a backordered variant's `available` goes from -3 to -2 (no sellable unit appears while it is oversold),
// and the next customer in the queue really moves up. NO_RESTOCK (the public API has no "remove" flag) would
// refund the money but leave the units on the fulfillment order, and keep `available` counting them as
// owed: the ledger would then be one unit short for ever (available + owed < 0) and the next customer would
// be promised a date the stock cannot keep.
import type { CurrencyCode } from "~/types/admin.types";
import { MUTATION_COST, type AdminClient } from "./admin-client.server";

/** Restock type of refunded owed units (see the file comment). */
export const OWED_UNITS_RESTOCK = "CANCEL" as const;

const SUGGESTED_REFUND = `#graphql
  query BackorderPilotSuggestedRefund($id: ID!, $refundLineItems: [RefundLineItemInput!], $full: Boolean) {
    order(id: $id) {
      id
      cancelledAt
      suggestedRefund(refundLineItems: $refundLineItems, suggestFullRefund: $full) {
        amountSet {
          presentmentMoney {
            amount
            currencyCode
          }
        }
        refundLineItems {
          quantity
          lineItem {
            id
          }
        }
        suggestedTransactions {
          gateway
          kind
          amountSet {
            presentmentMoney {
              amount
              currencyCode
            }
          }
          parentTransaction {
            id
          }
        }
      }
    }
  }
`;

const REFUND_LINES = `#graphql
  mutation BackorderPilotRefundOwedLines($input: RefundInput!, $idempotencyKey: String!) {
    refundCreate(input: $input) @idempotent(key: $idempotencyKey) {
      refund {
        id
        totalRefundedSet {
          presentmentMoney {
            amount
            currencyCode
          }
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const CANCEL_ORDER = `#graphql
  mutation BackorderPilotCancelOrder($orderId: ID!, $staffNote: String) {
    orderCancel(
      orderId: $orderId
      reason: CUSTOMER
      refundMethod: { originalPaymentMethodsRefund: true }
      restock: true
      notifyCustomer: false
      staffNote: $staffNote
    ) {
      job {
        id
        done
      }
      orderCancelUserErrors {
        field
        message
        code
      }
    }
  }
`;

const CANCEL_PROGRESS = `#graphql
  query BackorderPilotCancelProgress($jobId: ID!, $orderId: ID!) {
    job(id: $jobId) {
      id
      done
    }
    order(id: $orderId) {
      id
      cancelledAt
    }
  }
`;

export interface OwedUnits {
  lineItemId: string;
  quantity: number;
}

export interface RefundTransaction {
  parentId: string;
  gateway: string;
  amount: string;
}

export interface RefundSuggestion {
  /** Total Shopify would refund, in the order's presentment currency (decimal text). */
  amount: string;
  currency: string;
  /** The units the suggestion covers (fewer than asked when Shopify has less left to refund). */
  lineItems: OwedUnits[];
  transactions: RefundTransaction[];
}

export type SuggestionResult =
  | { ok: true; cancelledAt: string | null; suggestion: RefundSuggestion }
  | { ok: false; reason: "order_not_found" | "no_suggestion" };

/** What Shopify would refund for `units` of the order (or, with `full`, for everything still refundable). */
export async function suggestRefund(client: AdminClient, { orderId, units, full = false }: { orderId: string; units: readonly OwedUnits[]; full?: boolean }): Promise<SuggestionResult> {
  const { data } = await client.request(SUGGESTED_REFUND, {
    variables: {
      id: orderId,
      full,
      refundLineItems: full ? null : units.map((u) => ({ lineItemId: u.lineItemId, quantity: u.quantity, restockType: OWED_UNITS_RESTOCK })),
    },
  });
  const order = data.order;
  if (!order) return { ok: false, reason: "order_not_found" };
  const suggested = order.suggestedRefund;
  if (!suggested) return { ok: false, reason: "no_suggestion" };
  return {
    ok: true,
    cancelledAt: order.cancelledAt ?? null,
    suggestion: {
      amount: String(suggested.amountSet.presentmentMoney.amount),
      currency: suggested.amountSet.presentmentMoney.currencyCode,
      lineItems: suggested.refundLineItems.map((li) => ({ lineItemId: li.lineItem.id, quantity: li.quantity })),
      transactions: suggested.suggestedTransactions.flatMap((t) =>
        t.parentTransaction && t.gateway && Number(t.amountSet.presentmentMoney.amount) > 0
          ? [{ parentId: t.parentTransaction.id, gateway: t.gateway, amount: String(t.amountSet.presentmentMoney.amount) }]
          : [],
      ),
    },
  };
}

/** Shopify's idempotency key of a stored cancellation's refund (stable across retries of that cancellation). */
export function refundIdempotencyKey(cancellationId: string): string {
  return `backorder-pilot-refund-${cancellationId}`;
}

export type RefundResult = { ok: true; refundId: string; amount: string; currency: string } | { ok: false; message: string };

/**
 * Refunds the owed units (restock type CANCEL: see the file comment) with the suggestion's transactions,
 * without Shopify's own email. The same `idempotencyKey` replays the first refund.
 */
export async function refundOwedUnits(
  client: AdminClient,
  { orderId, units, suggestion, idempotencyKey, note }: { orderId: string; units: readonly OwedUnits[]; suggestion: RefundSuggestion; idempotencyKey: string; note: string },
): Promise<RefundResult> {
  const { data } = await client.request(REFUND_LINES, {
    variables: {
      idempotencyKey,
      input: {
        orderId,
        notify: false,
        note,
        currency: suggestion.currency as CurrencyCode,
        refundLineItems: units.map((u) => ({ lineItemId: u.lineItemId, quantity: u.quantity, restockType: OWED_UNITS_RESTOCK })),
        transactions: suggestion.transactions.map((t) => ({ orderId, parentId: t.parentId, gateway: t.gateway, amount: t.amount, kind: "REFUND" as const })),
      },
    },
    estimatedCost: MUTATION_COST,
  });
  const payload = data.refundCreate;
  if (!payload) return { ok: false, message: "Shopify returned no result for refundCreate" };
  const [error] = payload.userErrors;
  if (error) return { ok: false, message: error.message };
  if (!payload.refund) return { ok: false, message: "Shopify did not confirm the refund" };
  return {
    ok: true,
    refundId: payload.refund.id,
    amount: String(payload.refund.totalRefundedSet.presentmentMoney.amount),
    currency: payload.refund.totalRefundedSet.presentmentMoney.currencyCode,
  };
}

export type CancelOrderResult =
  | { ok: true; state: "cancelled"; cancelledAt: string }
  /** Shopify accepted the cancellation but its job had not finished when we stopped polling. */
  | { ok: true; state: "running"; jobId: string | null }
  | { ok: false; message: string; code: string | null };

export interface PollOptions {
  /** Polls of the job after the mutation (default 5). */
  attempts?: number;
  /** Wait between polls (default 1 s); tests pass a simulated sleep. */
  sleep?: (ms: number) => Promise<void>;
  intervalMs?: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Cancels the whole order with a refund to the original payment methods, then follows its job a little. */
export async function cancelWholeOrder(client: AdminClient, { orderId, staffNote }: { orderId: string; staffNote: string }, poll: PollOptions = {}): Promise<CancelOrderResult> {
  const { data } = await client.request(CANCEL_ORDER, { variables: { orderId, staffNote: staffNote.slice(0, 255) }, estimatedCost: MUTATION_COST });
  const payload = data.orderCancel;
  if (!payload) return { ok: false, message: "Shopify returned no result for orderCancel", code: null };
  const [error] = payload.orderCancelUserErrors;
  if (error) return { ok: false, message: error.message, code: error.code ?? null };
  const jobId = payload.job?.id ?? null;
  return jobId ? followCancellation(client, { orderId, jobId }, poll) : readCancellation(client, { orderId, jobId: null });
}

/** Where an accepted cancellation stands: polls its job, then reads whether the order is cancelled. */
export async function followCancellation(client: AdminClient, { orderId, jobId }: { orderId: string; jobId: string }, poll: PollOptions = {}): Promise<CancelOrderResult> {
  const attempts = poll.attempts ?? 5;
  const sleep = poll.sleep ?? realSleep;
  for (let i = 0; i < attempts; i++) {
    const { data } = await client.request(CANCEL_PROGRESS, { variables: { jobId, orderId } });
    if (data.order?.cancelledAt) return { ok: true, state: "cancelled", cancelledAt: data.order.cancelledAt };
    if (data.job?.done) {
      // The job finished and the order is not cancelled: Shopify gave up on it.
      return { ok: false, message: "Shopify could not cancel the order", code: null };
    }
    if (i + 1 < attempts) await sleep(poll.intervalMs ?? 1_000);
  }
  return { ok: true, state: "running", jobId };
}

async function readCancellation(client: AdminClient, { orderId }: { orderId: string; jobId: null }): Promise<CancelOrderResult> {
  const result = await suggestRefund(client, { orderId, units: [], full: true });
  if (result.ok && result.cancelledAt) return { ok: true, state: "cancelled", cancelledAt: result.cancelledAt };
  return { ok: true, state: "running", jobId: null };
}

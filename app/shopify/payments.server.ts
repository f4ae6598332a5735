// Deferred payments (issue 15, ADR 015): what an order bought with a PRE_ORDER selling plan (a deposit, or pay
// later) paid and still owes, and the charge of its balance through the customer's payment mandate.
//
// - Read: the order's payment terms and their schedule (type FULFILLMENT: due when the goods are ready; FIXED:
//   on `dueAt`), `totalOutstandingSet` (the balance), `totalReceivedSet`, the vaulted payment method
//   (`paymentCollectionDetails.vaultedPaymentMethods`, a PaymentMandate) and which lines were bought on a plan
//   (`LineItem.sellingPlan`). Derived from the order itself, so it works whatever plan configuration made it.
// - Charge: `orderCreateMandatePayment` with an idempotency key derived from the order. Shopify runs the payment
//   asynchronously (a Job and a `paymentReferenceId`) and answers the same key with the first payment, so a
//   retried job can send it again without charging twice.
// - Outcome: `orderPaymentStatus(orderId, paymentReferenceId)` (CAPTURED / AUTHORIZED / PURCHASED / SUCCESS =
//   paid; ERROR = declined, with its failed transaction's error code; anything else = not settled yet) and the
//   order's `totalOutstandingSet`.
// Scopes: read_payment_terms (payment terms), write_payment_mandate (orderCreateMandatePayment); shopify.app.toml.
import { toMinorUnits } from "~/domain/money";
import type { BackorderPilotOrderPaymentQuery } from "~/types/admin.generated";
import { MUTATION_COST, type AdminClient } from "./admin-client.server";

const ORDER_PAYMENT = `#graphql
  query BackorderPilotOrderPayment($id: ID!, $after: String) {
    order(id: $id) {
      id
      name
      cancelledAt
      currencyCode
      totalPriceSet {
        shopMoney {
          amount
          currencyCode
        }
      }
      totalReceivedSet {
        shopMoney {
          amount
          currencyCode
        }
      }
      totalOutstandingSet {
        shopMoney {
          amount
          currencyCode
        }
      }
      paymentTerms {
        id
        paymentTermsType
        paymentSchedules(first: 5) {
          nodes {
            id
            dueAt
            completedAt
          }
        }
      }
      paymentCollectionDetails {
        vaultedPaymentMethods {
          id
        }
      }
      lineItems(first: 100, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          currentQuantity
          originalUnitPriceSet {
            shopMoney {
              amount
              currencyCode
            }
          }
          sellingPlan {
            sellingPlanId
          }
        }
      }
    }
  }
`;

const COLLECT_BALANCE = `#graphql
  mutation BackorderPilotCollectBalance($id: ID!, $mandateId: ID!, $idempotencyKey: String!, $paymentScheduleId: ID) {
    orderCreateMandatePayment(id: $id, mandateId: $mandateId, idempotencyKey: $idempotencyKey, paymentScheduleId: $paymentScheduleId, autoCapture: true) {
      job {
        id
        done
      }
      paymentReferenceId
      userErrors {
        field
        message
        code
      }
    }
  }
`;

const PAYMENT_STATUS = `#graphql
  query BackorderPilotBalancePaymentStatus($orderId: ID!, $paymentReferenceId: String!) {
    orderPaymentStatus(orderId: $orderId, paymentReferenceId: $paymentReferenceId) {
      paymentReferenceId
      status
      errorMessage
      translatedErrorMessage
      transactions {
        id
        kind
        status
        errorCode
        amountSet {
          shopMoney {
            amount
            currencyCode
          }
        }
      }
    }
    order(id: $orderId) {
      id
      totalOutstandingSet {
        shopMoney {
          amount
          currencyCode
        }
      }
    }
  }
`;

export interface OrderPaymentFacts {
  orderId: string;
  orderName: string;
  cancelled: boolean;
  currency: string;
  totalMinor: number;
  receivedMinor: number;
  outstandingMinor: number;
  /** null when the order has no payment terms (paid in full, or pending for another reason). */
  terms: { type: string; scheduleId: string | null; dueAt: string | null; completed: boolean } | null;
  mandateId: string | null;
  /** Lines bought on a selling plan (the balance is theirs), with their current quantity and unit price. */
  planLines: { lineItemId: string; quantity: number; unitPriceMinor: number; sellingPlanId: string | null }[];
}

function minor(money: { amount: unknown; currencyCode: string } | null | undefined): number {
  if (!money) return 0;
  const value = toMinorUnits(String(money.amount), money.currencyCode);
  if (value === null) throw new Error(`Unreadable amount from Shopify: ${String(money.amount)} ${money.currencyCode}`);
  return value;
}

/** The order's payment facts (see the file comment); null when Shopify does not know the order. */
export async function readOrderPayment(client: AdminClient, orderId: string): Promise<OrderPaymentFacts | null> {
  let after: string | null = null;
  let facts: OrderPaymentFacts | null = null;
  // Orders have as many lines as they have: page through them (the rest of the order comes once).
  for (let page = 0; page < 100; page++) {
    const result: { data: BackorderPilotOrderPaymentQuery } = await client.request(ORDER_PAYMENT, { variables: { id: orderId, after } });
    const order = result.data.order;
    if (!order) return null;
    if (!facts) {
      const schedule = order.paymentTerms?.paymentSchedules.nodes.find((s) => !s.completedAt) ?? order.paymentTerms?.paymentSchedules.nodes[0] ?? null;
      facts = {
        orderId: order.id,
        orderName: order.name,
        cancelled: Boolean(order.cancelledAt),
        currency: order.totalPriceSet.shopMoney.currencyCode,
        totalMinor: minor(order.totalPriceSet.shopMoney),
        receivedMinor: minor(order.totalReceivedSet.shopMoney),
        outstandingMinor: minor(order.totalOutstandingSet.shopMoney),
        terms: order.paymentTerms
          ? {
              type: order.paymentTerms.paymentTermsType,
              scheduleId: schedule?.id ?? null,
              dueAt: schedule?.dueAt ? String(schedule.dueAt) : null,
              completed: Boolean(schedule?.completedAt),
            }
          : null,
        mandateId: order.paymentCollectionDetails.vaultedPaymentMethods?.[0]?.id ?? null,
        planLines: [],
      };
    }
    for (const li of order.lineItems.nodes) {
      if (!li.sellingPlan) continue;
      facts.planLines.push({
        lineItemId: li.id,
        quantity: li.currentQuantity,
        unitPriceMinor: minor(li.originalUnitPriceSet.shopMoney),
        sellingPlanId: li.sellingPlan.sellingPlanId ?? null,
      });
    }
    if (!order.lineItems.pageInfo.hasNextPage) break;
    after = order.lineItems.pageInfo.endCursor ?? null;
  }
  return facts;
}

/** Idempotency key of an order's balance charge: the same for every retry of it (never a second charge). */
export function balanceChargeKey(orderId: string): string {
  return `backorder-pilot-balance-${orderId.replace(/^gid:\/\/shopify\/Order\//, "")}`;
}

export type ChargeResult = { ok: true; paymentReferenceId: string; jobId: string | null } | { ok: false; message: string };

/**
 * Sends the balance charge: the payment schedule's balance (no `amount`: only Shopify Plus stores may set one,
 * and the schedule already says what is due). Shopify replays the first payment for the same key.
 */
export async function chargeBalance(
  client: AdminClient,
  input: { orderId: string; mandateId: string; idempotencyKey: string; paymentScheduleId: string | null },
): Promise<ChargeResult> {
  const { data } = await client.request(COLLECT_BALANCE, {
    variables: { id: input.orderId, mandateId: input.mandateId, idempotencyKey: input.idempotencyKey, paymentScheduleId: input.paymentScheduleId },
    estimatedCost: MUTATION_COST,
  });
  const result = data.orderCreateMandatePayment;
  const errors = result?.userErrors ?? [];
  if (errors.length) return { ok: false, message: errors.map((e) => e.message).join("; ") };
  if (!result?.paymentReferenceId) return { ok: false, message: "Shopify returned no payment reference" };
  return { ok: true, paymentReferenceId: result.paymentReferenceId, jobId: result.job?.id ?? null };
}

export type PaymentOutcome =
  | { state: "paid"; amountMinor: number; outstandingMinor: number }
  | { state: "declined"; message: string; errorCode: string | null; outstandingMinor: number }
  | { state: "pending"; status: string }
  | { state: "unknown" };

const PAID = new Set(["CAPTURED", "AUTHORIZED", "PURCHASED", "SUCCESS"]);
const FAILED = new Set(["ERROR", "VOIDED"]);

/** How the payment ended, or that it has not yet (the caller asks again later). */
export async function readPaymentOutcome(client: AdminClient, { orderId, paymentReferenceId }: { orderId: string; paymentReferenceId: string }): Promise<PaymentOutcome> {
  const { data } = await client.request(PAYMENT_STATUS, { variables: { orderId, paymentReferenceId } });
  const status = data.orderPaymentStatus;
  if (!status) return { state: "unknown" };
  const outstandingMinor = minor(data.order?.totalOutstandingSet.shopMoney);
  if (PAID.has(status.status)) {
    const amountMinor = status.transactions.filter((t) => t.status === "SUCCESS").reduce((sum, t) => sum + minor(t.amountSet.shopMoney), 0);
    return { state: "paid", amountMinor, outstandingMinor };
  }
  if (FAILED.has(status.status)) {
    const failed = status.transactions.find((t) => t.status === "FAILURE" || t.status === "ERROR");
    return {
      state: "declined",
      message: status.errorMessage ?? status.translatedErrorMessage ?? failed?.errorCode ?? "The payment failed",
      errorCode: failed?.errorCode ?? null,
      outstandingMinor,
    };
  }
  return { state: "pending", status: status.status };
}

// refundCreate and orderCancel in the Admin fake (the money model is in ./refunds.ts). Everything is
// validated first and refused with Shopify-style userErrors, changing nothing; refundCreate requires its
// `@idempotent` key (mandatory since 2026-04) and replays the first result for the same key and arguments.
import type { GraphQLResolveInfo } from "graphql";
import type { View } from "./connection";
import { checkGid, err, idempotencyKey, notImplemented, onlyKeys, type UserError } from "./mutations";
import type { FakeContext, RootResolver } from "./queries";
import { applyRefund, cancelOrder, refundableQuantity } from "./refunds";
import { type Gid, type OrderRecord, type RestockType, toCents } from "./store";

interface RefundLineItemArg {
  lineItemId: string;
  quantity: number;
  restockType?: RestockType | "LEGACY_RESTOCK" | null;
  locationId?: string | null;
}

interface TransactionArg {
  orderId: string;
  parentId?: string | null;
  gateway: string;
  kind: string;
  amount: string;
}

interface RefundArg {
  orderId: string;
  refundLineItems?: RefundLineItemArg[] | null;
  transactions?: TransactionArg[] | null;
  notify?: boolean | null;
  note?: string | null;
  currency?: string | null;
  allowOverRefunding?: boolean | null;
  shipping?: { fullRefund?: boolean | null; amount?: unknown; shippingRefundAmount?: unknown } | null;
  processedAt?: string | null;
}

type RefundOutcome = { refundId: Gid | null; orderId: Gid | null; userErrors: UserError[] };

function validateRefund(ctx: FakeContext, input: RefundArg): { order: OrderRecord | null; errors: UserError[] } {
  const { store } = ctx;
  onlyKeys(input, ["orderId", "refundLineItems", "transactions", "notify", "note", "currency", "allowOverRefunding", "shipping", "processedAt"], "RefundInput");
  if (input.shipping && (input.shipping.fullRefund || input.shipping.amount != null || input.shipping.shippingRefundAmount != null)) {
    throw notImplemented("RefundInput.shipping");
  }
  checkGid(input.orderId);
  const order = store.orders.get(input.orderId) ?? null;
  if (!order) return { order: null, errors: [err(["orderId"], "Order does not exist")] };
  const errors: UserError[] = [];
  if (input.currency && input.currency !== order.currencyCode) {
    errors.push(err(["currency"], `Currency ${input.currency} does not match the order's presentment currency ${order.currencyCode}`));
  }
  const asked = new Map<Gid, number>();
  (input.refundLineItems ?? []).forEach((line, i) => {
    checkGid(line.lineItemId);
    const path = ["refundLineItems", String(i)];
    if (!order.lineItems.some((li) => li.id === line.lineItemId)) {
      errors.push(err([...path, "lineItemId"], "Line item does not exist on this order"));
      return;
    }
    if (line.restockType === "LEGACY_RESTOCK") errors.push(err([...path, "restockType"], "Restock type LEGACY_RESTOCK is not accepted when creating new refunds"));
    if (line.restockType === "RETURN") throw notImplemented("RefundLineItemInput.restockType RETURN (the fake has no fulfilled units)");
    if (line.quantity <= 0) errors.push(err([...path, "quantity"], "Quantity must be greater than 0"));
    asked.set(line.lineItemId, (asked.get(line.lineItemId) ?? 0) + line.quantity);
  });
  for (const [lineItemId, quantity] of asked) {
    if (quantity > refundableQuantity(store, order, lineItemId)) {
      const i = (input.refundLineItems ?? []).findIndex((l) => l.lineItemId === lineItemId);
      errors.push(err(["refundLineItems", String(i), "quantity"], "Quantity cannot refund more items than were purchased"));
    }
  }
  let total = 0;
  (input.transactions ?? []).forEach((t, i) => {
    const path = ["transactions", String(i)];
    if (t.kind !== "REFUND") errors.push(err([...path, "kind"], "Transaction kind must be refund"));
    if (t.orderId !== order.id) errors.push(err([...path, "orderId"], "Transaction belongs to another order"));
    const parent = t.parentId ? order.transactions.find((x) => x.id === t.parentId) : undefined;
    if (!parent || (parent.kind !== "SALE" && parent.kind !== "CAPTURE")) errors.push(err([...path, "parentId"], "Parent transaction must be a sale or capture of this order"));
    else if (parent.gateway !== t.gateway) errors.push(err([...path, "gateway"], "Gateway does not match the parent transaction"));
    const cents = toCents(t.amount);
    if (!(cents > 0)) errors.push(err([...path, "amount"], "Amount must be greater than 0"));
    total += cents;
  });
  const refundable = store.receivedCents(order) - store.refundedCents(order);
  if (total > refundable && !input.allowOverRefunding) {
    errors.push(err(["transactions"], "Refund amount must be less than or equal to the remaining refundable amount"));
  }
  if (asked.size === 0 && total === 0) errors.push(err(null, "A refund needs line items or transactions"));
  return { order, errors };
}

export function refundMutationResolvers(): Record<string, RootResolver> {
  return {
    refundCreate: (args, ctx: FakeContext, info: GraphQLResolveInfo): View => {
      const { store, views } = ctx;
      const input = args.input as RefundArg;
      const key = `refundCreate:${idempotencyKey(info)}`;
      const fingerprint = JSON.stringify(input);
      const render = (r: RefundOutcome): View => {
        const order = r.orderId ? store.orders.get(r.orderId) : undefined;
        const refund = order && r.refundId ? order.refunds.find((x) => x.id === r.refundId) : undefined;
        return { refund: order && refund ? views.refund(order, refund) : null, order: order ? views.order(order) : null, userErrors: r.userErrors };
      };
      const previous = store.idempotency.get(key);
      if (previous) {
        if (previous.fingerprint !== fingerprint) {
          return { refund: null, order: null, userErrors: [err(null, "The idempotency key was already used with different parameters.")] };
        }
        return render(previous.result as RefundOutcome);
      }
      const { order, errors } = validateRefund(ctx, input);
      let outcome: RefundOutcome;
      if (!order || errors.length) outcome = { refundId: null, orderId: null, userErrors: errors };
      else {
        const refund = applyRefund(store, order, {
          note: input.note ?? null,
          lines: (input.refundLineItems ?? []).map((l) => ({ lineItemId: l.lineItemId, quantity: l.quantity, restockType: (l.restockType ?? "NO_RESTOCK") as RestockType, locationId: l.locationId ?? null })),
          transactions: (input.transactions ?? []).map((t) => ({ parentId: t.parentId as Gid, gateway: t.gateway, amount: toCents(t.amount) })),
        });
        outcome = { refundId: refund.id, orderId: order.id, userErrors: [] };
      }
      store.idempotency.set(key, { fingerprint, result: outcome });
      return render(outcome);
    },

    orderCancel: (args, { store, views }): View => {
      const orderId = String(args.orderId);
      checkGid(orderId);
      const refundMethod = args.refundMethod as { originalPaymentMethodsRefund?: boolean | null; storeCreditRefund?: unknown } | null | undefined;
      if (refundMethod?.storeCreditRefund) throw notImplemented("OrderCancelRefundMethodInput.storeCreditRefund");
      if (args.refund != null && refundMethod) {
        return { job: null, orderCancelUserErrors: [err(["refund"], "Only one of refund and refundMethod can be given", "INVALID")], userErrors: [] };
      }
      const refund = Boolean(refundMethod?.originalPaymentMethodsRefund ?? args.refund ?? false);
      const order = store.orders.get(orderId);
      if (!order) return { job: null, orderCancelUserErrors: [err(["orderId"], "Order not found", "NOT_FOUND")], userErrors: [] };
      if (order.cancelledAt) {
        return { job: null, orderCancelUserErrors: [err(["orderId"], "Order has already been cancelled", "INVALID")], userErrors: [] };
      }
      cancelOrder(store, order, { reason: String(args.reason), restock: Boolean(args.restock), refund });
      const job = { id: store.gid("Job"), done: false };
      store.jobs.set(job.id, job);
      return { job: views.job(job.id, job.done), orderCancelUserErrors: [], userErrors: [] };
    },
  };
}

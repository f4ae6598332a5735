// Money back through the Admin fake: suggestedRefund, refundCreate (idempotent, refusing over-refunds) and
// orderCancel (an asynchronous job), with their effect on fulfillment orders and inventory.
import { describe, expect, it } from "vitest";
import { fakeClock, gql, gqlData, useFake } from "./test-utils";

const SUGGEST = `query Suggest($id: ID!, $lines: [RefundLineItemInput!], $full: Boolean) {
  order(id: $id) {
    suggestedRefund(refundLineItems: $lines, suggestFullRefund: $full) {
      amountSet { presentmentMoney { amount currencyCode } }
      maximumRefundableSet { shopMoney { amount } }
      refundLineItems { quantity restockType lineItem { id } }
      suggestedTransactions { kind gateway amountSet { presentmentMoney { amount } } parentTransaction { id kind } }
    }
  }
}`;

const REFUND = `mutation Refund($input: RefundInput!, $key: String!) {
  refundCreate(input: $input) @idempotent(key: $key) {
    refund { id totalRefundedSet { presentmentMoney { amount } } refundLineItems(first: 5) { nodes { quantity restockType restocked } } }
    userErrors { field message }
  }
}`;

const ORDER = `query Order($id: ID!) {
  order(id: $id) {
    displayFinancialStatus
    cancelledAt
    cancelReason
    totalRefundedSet { shopMoney { amount } }
    refunds(first: 5) { id }
    lineItems(first: 5) { nodes { quantity currentQuantity refundableQuantity fulfillableQuantity } }
    fulfillmentOrders(first: 5) { nodes { status fulfillmentHolds { id } lineItems(first: 5) { nodes { remainingQuantity } } } }
  }
}`;

const CANCEL = `mutation Cancel($id: ID!, $restock: Boolean!) {
  orderCancel(orderId: $id, reason: CUSTOMER, refundMethod: { originalPaymentMethodsRefund: true }, restock: $restock, notifyCustomer: false) {
    job { id done }
    orderCancelUserErrors { field message code }
  }
}`;

/** A sold-out teapot at 20.00 and an order of 3, paid, its owed units under our hold. */
function useTeapotOrder() {
  const fake = useFake({ now: fakeClock().now });
  const { variants } = fake.store.addProduct({ title: "Teapot", variants: [{ price: "20.00", available: 0, inventoryPolicy: "CONTINUE" }] });
  const variant = variants[0] as { id: string };
  const { order, fulfillmentOrder } = fake.store.addOrder({ customer: { email: "ana@example.com" }, lineItems: [{ variantId: variant.id, quantity: 3 }] });
  fake.store.addHold(fulfillmentOrder.id, { reason: "INVENTORY_OUT_OF_STOCK", handle: "backorder-pilot:1" });
  const lineItemId = (order.lineItems[0] as { id: string }).id;
  return { fake, variantId: variant.id, orderId: order.id, lineItemId };
}

function refundInput(orderId: string, lineItemId: string, quantity: number, suggestion: { suggestedTransactions: { gateway: string; amountSet: { presentmentMoney: { amount: string } }; parentTransaction: { id: string } }[] }, restockType = "CANCEL") {
  return {
    orderId,
    notify: false,
    refundLineItems: [{ lineItemId, quantity, restockType }],
    transactions: suggestion.suggestedTransactions.map((t) => ({ orderId, parentId: t.parentTransaction.id, gateway: t.gateway, kind: "REFUND", amount: t.amountSet.presentmentMoney.amount })),
  };
}

describe("Admin fake refunds", () => {
  it("suggests the refund of some units from the payment, then refunds them: units leave the held fulfillment order and the commitment returns", async () => {
    // GIVEN an order of 3 teapots (60.00 paid), all owed (available -3)
    const { fake, variantId, orderId, lineItemId } = useTeapotOrder();
    expect(fake.store.available(variantId)).toBe(-3);

    // WHEN the app asks what refunding 2 would be
    const { order } = await gqlData(fake, SUGGEST, { id: orderId, lines: [{ lineItemId, quantity: 2, restockType: "CANCEL" }] });
    const suggestion = order.suggestedRefund;
    // THEN 40.00 from the original payment
    expect(suggestion.amountSet.presentmentMoney).toEqual({ amount: "40.00", currencyCode: "USD" });
    expect(suggestion.maximumRefundableSet.shopMoney.amount).toBe("60.00");
    expect(suggestion.refundLineItems).toEqual([{ quantity: 2, restockType: "CANCEL", lineItem: { id: lineItemId } }]);
    expect(suggestion.suggestedTransactions).toEqual([
      { kind: "SUGGESTED_REFUND", gateway: "bogus", amountSet: { presentmentMoney: { amount: "40.00" } }, parentTransaction: { id: expect.any(String), kind: "SALE" } },
    ]);

    // WHEN it refunds them with those transactions
    const { refundCreate } = await gqlData(fake, REFUND, { key: "k1", input: refundInput(orderId, lineItemId, 2, suggestion) });
    // THEN the refund is recorded, the order partly refunded, 2 units off the held fulfillment order, available back to -1
    expect(refundCreate.userErrors).toEqual([]);
    expect(refundCreate.refund.totalRefundedSet.presentmentMoney.amount).toBe("40.00");
    expect(refundCreate.refund.refundLineItems.nodes).toEqual([{ quantity: 2, restockType: "CANCEL", restocked: true }]);
    const after = (await gqlData(fake, ORDER, { id: orderId })).order;
    expect(after.displayFinancialStatus).toBe("PARTIALLY_REFUNDED");
    expect(after.totalRefundedSet.shopMoney.amount).toBe("40.00");
    expect(after.lineItems.nodes).toEqual([{ quantity: 3, currentQuantity: 1, refundableQuantity: 1, fulfillableQuantity: 1 }]);
    expect(after.fulfillmentOrders.nodes[0].lineItems.nodes).toEqual([{ remainingQuantity: 1 }]);
    expect(fake.store.available(variantId)).toBe(-1);
  });

  it("refuses an over-refund of units or of money, and a missing idempotency key, changing nothing", async () => {
    // GIVEN the order of 3
    const { fake, variantId, orderId, lineItemId } = useTeapotOrder();
    const { order } = await gqlData(fake, SUGGEST, { id: orderId, lines: [{ lineItemId, quantity: 3 }] });

    // WHEN the app refunds 4 units, or 3 units with 80.00
    const tooMany = await gqlData(fake, REFUND, { key: "a", input: refundInput(orderId, lineItemId, 4, order.suggestedRefund) });
    const input = refundInput(orderId, lineItemId, 3, order.suggestedRefund);
    const tooMuch = await gqlData(fake, REFUND, { key: "b", input: { ...input, transactions: [{ ...input.transactions[0], amount: "80.00" }] } });
    // THEN both are refused with userErrors
    expect(tooMany.refundCreate).toEqual({ refund: null, userErrors: [{ field: ["refundLineItems", "0", "quantity"], message: "Quantity cannot refund more items than were purchased" }] });
    expect(tooMuch.refundCreate.userErrors).toEqual([{ field: ["transactions"], message: "Refund amount must be less than or equal to the remaining refundable amount" }]);

    // WHEN the mutation comes without @idempotent
    const bare = await gql(fake, REFUND.replace(" @idempotent(key: $key)", "").replace(", $key: String!", ""), { input });
    // THEN Shopify's runtime rule refuses it
    expect(bare.body.errors?.[0]?.message).toMatch(/@idempotent directive is required for refundCreate/);

    // AND nothing was refunded
    const after = (await gqlData(fake, ORDER, { id: orderId })).order;
    expect(after.refunds).toEqual([]);
    expect(after.displayFinancialStatus).toBe("PAID");
    expect(fake.store.available(variantId)).toBe(-3);
  });

  it("replays a retried refund with the same key instead of refunding twice; another input under that key is refused", async () => {
    // GIVEN a refund of 1 unit made with key "once"
    const { fake, orderId, lineItemId } = useTeapotOrder();
    const { order } = await gqlData(fake, SUGGEST, { id: orderId, lines: [{ lineItemId, quantity: 1 }] });
    const input = refundInput(orderId, lineItemId, 1, order.suggestedRefund);
    const first = await gqlData(fake, REFUND, { key: "once", input });
    // WHEN the same request is sent again, and then a different one with the same key
    const again = await gqlData(fake, REFUND, { key: "once", input });
    const other = await gqlData(fake, REFUND, { key: "once", input: { ...input, note: "changed" } });
    // THEN the retry returns the first refund, the other is refused, and one refund exists
    expect(again.refundCreate.refund.id).toBe(first.refundCreate.refund.id);
    expect(other.refundCreate.userErrors).toEqual([{ field: null, message: "The idempotency key was already used with different parameters." }]);
    expect((await gqlData(fake, ORDER, { id: orderId })).order.refunds).toHaveLength(1);
  });

  it("refunds without restocking: the units stay to fulfill and available is untouched", async () => {
    // GIVEN the order of 3 WHEN 1 unit is refunded with NO_RESTOCK
    const { fake, variantId, orderId, lineItemId } = useTeapotOrder();
    const { order } = await gqlData(fake, SUGGEST, { id: orderId, lines: [{ lineItemId, quantity: 1 }] });
    const result = await gqlData(fake, REFUND, { key: "n", input: refundInput(orderId, lineItemId, 1, order.suggestedRefund, "NO_RESTOCK") });
    // THEN money went back, but the unit is still on the fulfillment order and still counted as owed
    expect(result.refundCreate.userErrors).toEqual([]);
    const after = (await gqlData(fake, ORDER, { id: orderId })).order;
    expect(after.lineItems.nodes).toEqual([{ quantity: 3, currentQuantity: 2, refundableQuantity: 2, fulfillableQuantity: 3 }]);
    expect(after.fulfillmentOrders.nodes[0].lineItems.nodes).toEqual([{ remainingQuantity: 3 }]);
    expect(fake.store.available(variantId)).toBe(-3);
  });

  it("cancels a whole order as a job: refunded, fulfillment orders and holds gone, stock returned; a second cancel is refused", async () => {
    // GIVEN the order of 3, one unit already refunded
    const { fake, variantId, orderId, lineItemId } = useTeapotOrder();
    const events: string[] = [];
    fake.store.onChange((e) => events.push(e.type));
    const { order } = await gqlData(fake, SUGGEST, { id: orderId, lines: [{ lineItemId, quantity: 1 }] });
    await gqlData(fake, REFUND, { key: "r", input: refundInput(orderId, lineItemId, 1, order.suggestedRefund) });
    // AND what a full refund would be now
    const full = (await gqlData(fake, SUGGEST, { id: orderId, full: true })).order.suggestedRefund;
    expect(full.amountSet.presentmentMoney.amount).toBe("40.00");

    // WHEN the order is cancelled with a refund and restock
    const { orderCancel } = await gqlData(fake, CANCEL, { id: orderId, restock: true });
    // THEN Shopify answers with a job still running, done once read
    expect(orderCancel).toEqual({ job: { id: expect.stringMatching(/^gid:\/\/shopify\/Job\//), done: false }, orderCancelUserErrors: [] });
    expect((await gqlData(fake, `query J($id: ID!) { job(id: $id) { id done } }`, { id: orderCancel.job.id })).job.done).toBe(true);
    // AND the order is cancelled and fully refunded, its fulfillment orders cancelled without holds, stock back
    const after = (await gqlData(fake, ORDER, { id: orderId })).order;
    expect(after).toMatchObject({ displayFinancialStatus: "REFUNDED", cancelReason: "CUSTOMER", totalRefundedSet: { shopMoney: { amount: "60.00" } } });
    expect(after.cancelledAt).not.toBeNull();
    expect(after.fulfillmentOrders.nodes.map((fo: { status: string; fulfillmentHolds: unknown[] }) => [fo.status, fo.fulfillmentHolds])).toEqual([["CANCELLED", []]]);
    expect(fake.store.available(variantId)).toBe(0);
    expect(events).toContain("order_cancelled");

    // WHEN it is cancelled again, or an unknown order is
    const again = await gqlData(fake, CANCEL, { id: orderId, restock: true });
    const unknown = await gqlData(fake, CANCEL, { id: "gid://shopify/Order/1", restock: true });
    // THEN both are refused
    expect(again.orderCancel).toEqual({ job: null, orderCancelUserErrors: [{ field: ["orderId"], message: "Order has already been cancelled", code: "INVALID" }] });
    expect(unknown.orderCancel.orderCancelUserErrors[0].code).toBe("NOT_FOUND");
  });

  it("cancels without restock: the units are written off, available stays", async () => {
    // GIVEN the order of 3 WHEN cancelled with restock false
    const { fake, variantId, orderId } = useTeapotOrder();
    await gqlData(fake, CANCEL, { id: orderId, restock: false });
    // THEN available still counts the 3 units as gone
    expect(fake.store.available(variantId)).toBe(-3);
  });
});

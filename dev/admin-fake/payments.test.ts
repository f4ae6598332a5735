// Deferred payments through the Admin fake: payment terms, the balance, the mandate, orderCreateMandatePayment
// (asynchronous, replaying its idempotency key) and orderPaymentStatus (success or decline, chosen per test).
import { describe, expect, it } from "vitest";
import { fakeClock, gql, useFake } from "./test-utils";

const ORDER = `query Order($id: ID!) {
  order(id: $id) {
    displayFinancialStatus
    totalReceivedSet { shopMoney { amount } }
    totalOutstandingSet { shopMoney { amount currencyCode } }
    paymentTerms { id paymentTermsType paymentSchedules(first: 2) { nodes { id dueAt completedAt } } }
    paymentCollectionDetails { vaultedPaymentMethods { id } }
    lineItems(first: 2) { nodes { id sellingPlan { sellingPlanId name } } }
  }
}`;

const CHARGE = `mutation Charge($id: ID!, $mandateId: ID!, $key: String!) {
  orderCreateMandatePayment(id: $id, mandateId: $mandateId, idempotencyKey: $key) {
    job { id done }
    paymentReferenceId
    userErrors { field message code }
  }
}`;

const STATUS = `query Status($id: ID!, $ref: String!) {
  orderPaymentStatus(orderId: $id, paymentReferenceId: $ref) { status errorMessage transactions { kind status errorCode amountSet { shopMoney { amount } } } }
}`;

function useDepositOrder() {
  const fake = useFake({ now: fakeClock().now });
  const { variants } = fake.store.addProduct({ title: "Teapot", variants: [{ price: "50.00", available: 0, inventoryPolicy: "CONTINUE" }] });
  const { order } = fake.store.addOrder({ customer: { email: "ana@example.com" }, lineItems: [{ variantId: (variants[0] as { id: string }).id, quantity: 2 }] });
  const deferred = fake.payments.deferOrder(order.id, { checkout: { percentage: 20 } });
  return { fake, order, ...deferred };
}

describe("deferred payments in the Admin fake", () => {
  it("shows the order's payment terms, balance, mandate and plan lines", async () => {
    // GIVEN a 100.00 order bought with a 20% deposit
    const { fake, order, mandateId, scheduleId } = useDepositOrder();
    // WHEN the app reads it
    const { body } = await gql(fake, ORDER, { id: order.id });
    // THEN 20.00 was received, 80.00 is outstanding, due on fulfillment, through the order's mandate
    expect(body.errors).toBeUndefined();
    expect(body.data?.order).toMatchObject({
      displayFinancialStatus: "PARTIALLY_PAID",
      totalReceivedSet: { shopMoney: { amount: "20.00" } },
      totalOutstandingSet: { shopMoney: { amount: "80.00", currencyCode: "USD" } },
      paymentTerms: { paymentTermsType: "FULFILLMENT", paymentSchedules: { nodes: [{ id: scheduleId, dueAt: null, completedAt: null }] } },
      paymentCollectionDetails: { vaultedPaymentMethods: [{ id: mandateId }] },
      lineItems: { nodes: [{ sellingPlan: { sellingPlanId: expect.stringMatching(/^gid:\/\/shopify\/SellingPlan\//) } }] },
    });
  });

  it("charges the balance asynchronously, once per idempotency key", async () => {
    // GIVEN the deposit order
    const { fake, order, mandateId } = useDepositOrder();
    // WHEN the balance is charged twice with the same key
    const first = await gql(fake, CHARGE, { id: order.id, mandateId, key: "k-1" });
    const again = await gql(fake, CHARGE, { id: order.id, mandateId, key: "k-1" });
    // THEN the second answer replays the first payment
    const ref = first.body.data?.orderCreateMandatePayment.paymentReferenceId;
    expect(first.body.data?.orderCreateMandatePayment).toMatchObject({ job: { done: false }, userErrors: [] });
    expect(again.body.data?.orderCreateMandatePayment.paymentReferenceId).toBe(ref);
    expect(fake.payments.payments).toHaveLength(1);
    // AND its status, once read, is captured: the order is paid
    const status = await gql(fake, STATUS, { id: order.id, ref });
    expect(status.body.data?.orderPaymentStatus).toEqual({ status: "CAPTURED", errorMessage: null, transactions: [{ kind: "SALE", status: "SUCCESS", errorCode: null, amountSet: { shopMoney: { amount: "80.00" } } }] });
    const after = await gql(fake, ORDER, { id: order.id });
    expect(after.body.data?.order).toMatchObject({ displayFinancialStatus: "PAID", totalOutstandingSet: { shopMoney: { amount: "0.00" } } });
    // AND a new key on a paid order is refused
    const more = await gql(fake, CHARGE, { id: order.id, mandateId, key: "k-2" });
    expect(more.body.data?.orderCreateMandatePayment.userErrors).toEqual([{ field: ["id"], message: "Order has no outstanding balance", code: "ORDER_MANDATE_PAYMENT_ERROR_CODE" }]);
  });

  it("declines when the test says so, leaving the balance owed", async () => {
    const { fake, order, mandateId } = useDepositOrder();
    fake.payments.setOutcome(order.id, { result: "decline", errorCode: "CARD_DECLINED" });
    const ref = (await gql(fake, CHARGE, { id: order.id, mandateId, key: "k-1" })).body.data?.orderCreateMandatePayment.paymentReferenceId;
    const status = await gql(fake, STATUS, { id: order.id, ref });
    expect(status.body.data?.orderPaymentStatus).toMatchObject({ status: "ERROR", errorMessage: "Your card was declined.", transactions: [{ status: "FAILURE", errorCode: "CARD_DECLINED" }] });
    expect((await gql(fake, ORDER, { id: order.id })).body.data?.order.totalOutstandingSet.shopMoney.amount).toBe("80.00");
  });

  it("refuses another order's mandate and fails loudly on what it does not model", async () => {
    const { fake, order } = useDepositOrder();
    const wrong = await gql(fake, CHARGE, { id: order.id, mandateId: "gid://shopify/PaymentMandate/1", key: "k-1" });
    expect(wrong.body.data?.orderCreateMandatePayment.userErrors[0]).toMatchObject({ field: ["mandateId"] });
    const unmodelled = await gql(fake, `query { order(id: "${order.id}") { paymentCollectionDetails { vaultedPaymentMethods { paymentInstrument { __typename } } } } }`);
    expect(unmodelled.body.errors?.[0]?.message).toMatch(/PaymentMandate.paymentInstrument is not implemented/);
    const invalid = await gql(fake, `query { order(id: "${order.id}") { paymentTerms { noSuchField } } }`);
    expect(invalid.body.errors?.[0]?.message).toMatch(/noSuchField/);
  });
});

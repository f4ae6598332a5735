// Deposit and pay-later orders for the balance-collection tests: an order placed in the Admin fake, turned into
// a deferred-payment purchase (payment terms, a balance, a payment mandate), and its orders/create webhook with
// Shopify's REST fields for it (`payment_terms`, `total_outstanding`).
import type { AdminFake, DeferOptions, OrderRecord } from "../../dev/admin-fake";
import { nextEventId, orderPayload, type Delivery } from "./ledger-support";

export function placeDepositOrder(
  fake: AdminFake,
  {
    variantId,
    quantity = 1,
    email,
    firstName = "Alex",
    locale = "en",
    price,
    defer = { checkout: { percentage: 20 } },
  }: { variantId: string; quantity?: number; email: string; firstName?: string; locale?: string; price?: string; defer?: DeferOptions },
): { order: OrderRecord; delivery: Delivery } {
  const { order } = fake.store.addOrder({
    customer: { email, firstName, lastName: "Doe", locale },
    lineItems: [{ variantId, quantity, ...(price ? { price } : {}) }],
  });
  fake.payments.deferOrder(order.id, defer);
  return { order, delivery: orderDelivery(fake, order, "orders/create") };
}

/** An order webhook of the fake order as it is now (payment fields included). */
export function orderDelivery(fake: AdminFake, order: OrderRecord, topic: "orders/create" | "orders/updated"): Delivery {
  return { topic, payload: { ...orderPayload(fake.store, order), ...fake.payments.webhookFields(order) }, eventId: nextEventId("order") };
}

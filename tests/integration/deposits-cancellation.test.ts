// Cancelling a deposit order's backordered items from the support desk (ADR 015) refunds what was actually paid
// for them, through the real order page routes, the cancellation job and the Admin fake's refunds.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action as orderAction, loader as orderLoader } from "~/routes/app.support.$orderId";
import { loader as previewLoader } from "~/routes/app.support.$orderId_.refund";
import { callRoute } from "../helpers/routes";
import { embeddedDocumentRequest, embeddedFetchRequest } from "../helpers/requests";
import { backorderableVariant, deliver, ledgerShop, outbox, receiveStock, runAllJobs, type LedgerShop } from "./ledger-support";
import { orderDelivery } from "./deposits-support";

let env: LedgerShop;
beforeEach(async () => {
  env = await ledgerShop();
});

const number = (gid: string) => gid.split("/").pop() as string;

async function page(orderId: string) {
  const response = await callRoute(orderLoader, await embeddedDocumentRequest(`/app/support/${number(orderId)}`), { orderId: number(orderId) });
  expect(response.status).toBe(200);
  return (await response.json()) as { supportCase: { version: number }; lines: { id: string; status: string }[] };
}

async function act(orderId: string, fields: Record<string, string>) {
  const response = await callRoute(orderAction, await embeddedFetchRequest(`/app/support/${number(orderId)}`, { init: { method: "POST", body: new URLSearchParams(fields) } }), {
    orderId: number(orderId),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; errors: Record<string, string> } };
}

/** A mug in stock (30.00, paid in full) and a sold-out teapot bought with a 20% deposit (50.00: 10.00 paid). */
async function mixedDepositOrder() {
  const mug = (await backorderableVariant(env, { title: "Mug", available: 5 })).variantId;
  const teapot = (await backorderableVariant(env, { title: "Teapot", available: 0 })).variantId;
  env.fake.store.getVariant(mug).price = "30.00";
  env.fake.store.getVariant(teapot).price = "50.00";
  const { order } = env.fake.store.addOrder({
    customer: { email: "ana@example.com", firstName: "Ana", lastName: "Doe", locale: "en" },
    lineItems: [
      { variantId: mug, quantity: 1 },
      { variantId: teapot, quantity: 1 },
    ],
  });
  env.fake.payments.deferOrder(order.id, { checkout: { percentage: 20 }, planLineItemIds: [order.lineItems[1]?.id as string] });
  await deliver(orderDelivery(env.fake, order, "orders/create"));
  await runAllJobs(env.worker, env.clock);
  return { order, teapot };
}

describe("cancel and refund a deposit order's backordered item", () => {
  it("refunds the deposit paid for it, not its price, and nothing is charged afterwards", async () => {
    // GIVEN the mixed order: 40.00 received (mug 30.00 + deposit 10.00), 40.00 owed on the teapot
    const { order, teapot } = await mixedDepositOrder();
    expect(await prisma.orderBalance.findFirstOrThrow({ select: { paidMinor: true, outstandingMinor: true, planValueMinor: true } })).toEqual({
      paidMinor: 4000,
      outstandingMinor: 4000,
      planValueMinor: 5000,
    });
    const view = await page(order.id);
    const lineId = view.lines[0]?.id as string;

    // WHEN support opens the confirmation (Shopify alone would suggest 40.00: the teapot's price capped by what the order received)
    const shown = await callRoute(previewLoader, await embeddedFetchRequest(`/app/support/${number(order.id)}/refund?lineIds=${lineId}`), { orderId: number(order.id) });
    // THEN it states the deposit paid for the teapot
    expect(await shown.json()).toMatchObject({ ok: true, amount: "10.00", amountText: "$10.00" });

    // WHEN support confirms it
    const done = await act(order.id, { intent: "cancel_lines", version: String(view.supportCase.version), lineIds: lineId, submissionKey: "cancel-deposit-0001", amount: "10.00" });
    expect(done).toMatchObject({ status: 200, body: { ok: true } });
    // THEN Shopify refunded 10.00 for the teapot, the mug's 30.00 stays paid, and nothing is owed any more
    expect(env.fake.store.refundedCents(env.fake.store.getOrder(order.id))).toBe(1000);
    expect(env.fake.payments.outstandingCents(env.fake.store.getOrder(order.id))).toBe(0);
    expect(await prisma.orderBalance.findFirstOrThrow({ select: { status: true, outstandingMinor: true, refundedMinor: true } })).toEqual({
      status: "cancelled",
      outstandingMinor: 0,
      refundedMinor: 1000,
    });
    const [email] = await outbox("cancellation");
    expect(email?.text).toContain("We have refunded $10.00 to your original payment method");

    // WHEN teapots arrive later
    await runAllJobs(env.worker, env.clock);
    await deliver(receiveStock(env.fake, teapot, 3));
    await runAllJobs(env.worker, env.clock);
    // THEN no balance is charged
    expect(env.fake.payments.payments).toEqual([]);
  });

  it("refunds the price in full once the balance was collected (whole order)", async () => {
    // GIVEN the mixed order whose teapot arrived and whose balance was charged (80.00 received)
    const { order, teapot } = await mixedDepositOrder();
    await deliver(receiveStock(env.fake, teapot, 1));
    await runAllJobs(env.worker, env.clock);
    expect(await prisma.orderBalance.findFirstOrThrow({ select: { status: true } })).toEqual({ status: "collected" });
    const view = await page(order.id);

    // WHEN support cancels the whole order
    const done = await act(order.id, { intent: "cancel_order", version: String(view.supportCase.version), submissionKey: "cancel-deposit-0002", amount: "80.00" });
    // THEN everything received is refunded
    expect(done).toMatchObject({ status: 200, body: { ok: true } });
    await runAllJobs(env.worker, env.clock);
    expect(env.fake.store.refundedCents(env.fake.store.getOrder(order.id))).toBe(8000);
  });
});

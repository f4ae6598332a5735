// Deposits and pay later: collecting the balance (issue 15, ADR 015), end to end through signed webhooks, the
// job worker and the Admin fake's deferred payments (payment terms, a mandate, orderCreateMandatePayment).
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { loader as orderPageLoader } from "~/routes/app.support.$orderId";
import { callRoute } from "../helpers/routes";
import { embeddedDocumentRequest, webhookRequest } from "../helpers/requests";
import { WEBHOOK_ROUTES, backorderableVariant, deliver, ledgerShop, nextEventId, outbox, receiveStock, runAllJobs, type LedgerShop } from "./ledger-support";
import { placeDepositOrder } from "./deposits-support";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
});

async function soldOutMug(price = "48.00") {
  const { variantId } = await backorderableVariant(env, { title: "Stoneware Mug", available: 0 });
  env.fake.store.getVariant(variantId).price = price;
  return variantId;
}

async function balanceRow() {
  return prisma.orderBalance.findFirstOrThrow({
    select: { orderName: true, currency: true, totalMinor: true, paidMinor: true, outstandingMinor: true, planValueMinor: true, termsType: true, status: true, chargeKey: true },
  });
}

describe("a deposit order", () => {
  it("is recorded from the order: paid at checkout, owed, and the lines bought on the plan", async () => {
    // GIVEN a sold-out mug at 48.00 and an order of 2 with a 20% deposit (19.20 paid, 76.80 owed)
    const variantId = await soldOutMug();
    const { order, delivery } = placeDepositOrder(env.fake, { variantId, quantity: 2, email: "ana@example.com" });
    // WHEN Shopify sends orders/create and the jobs run
    expect((await deliver(delivery)).status).toBe(200);
    await runAllJobs(env.worker, env.clock);
    // THEN the balance is recorded with what was paid and what is owed, nothing is charged yet
    expect(await balanceRow()).toEqual({
      orderName: order.name,
      currency: "USD",
      totalMinor: 9600,
      paidMinor: 1920,
      outstandingMinor: 7680,
      planValueMinor: 9600,
      termsType: "FULFILLMENT",
      status: "owed",
      chargeKey: null,
    });
    expect(await prisma.orderBalanceLine.findMany({ select: { lineItemId: true, quantity: true, unitPriceMinor: true } })).toEqual([
      { lineItemId: order.lineItems[0]?.id, quantity: 2, unitPriceMinor: 4800 },
    ]);
    expect(env.fake.payments.payments).toEqual([]);
  });

  it("is read from Shopify's REST payload as published: payment terms with 64-bit ids and nulls", async () => {
    // GIVEN a deposit order whose orders/create body carries payment_terms the way Shopify's sample does:
    // ids above 2^53 (kept as digits in the raw body), due_at and completed_at null, amounts as decimal text
    const variantId = await soldOutMug();
    const { delivery } = placeDepositOrder(env.fake, { variantId, quantity: 1, email: "gil@example.com" });
    const raw = JSON.stringify(delivery.payload)
      .replace(/"payment_terms":\{"id":\d+/, '"payment_terms":{"id":820982911946154508')
      .replace(/"payment_schedules":\[\{"id":\d+/, '"payment_schedules":[{"id":820982911946154509');
    expect(raw).toContain('"payment_terms":{"id":820982911946154508');
    expect(raw).toContain('"payment_schedules":[{"id":820982911946154509');
    expect(raw).toContain('"due_at":null,"completed_at":null');
    // WHEN Shopify delivers it, signed, through the real route
    const route = WEBHOOK_ROUTES["orders/create"] as (typeof WEBHOOK_ROUTES)[string];
    const response = await callRoute(route.action as never, webhookRequest(route.path, { topic: "orders/create", payload: null, rawBody: raw, eventId: nextEventId() }));
    await runAllJobs(env.worker, env.clock);
    // THEN it is accepted and the balance recorded (38.40 owed of 48.00)
    expect(response.status).toBe(200);
    expect(await balanceRow()).toMatchObject({ paidMinor: 960, outstandingMinor: 3840, status: "owed" });
  });

  it("gets its balance charged exactly once when the stock arrives, and the ready-to-ship email says so", async () => {
    // GIVEN a confirmed 20% deposit order of 2 mugs
    const variantId = await soldOutMug();
    const { order, delivery } = placeDepositOrder(env.fake, { variantId, quantity: 2, email: "ana@example.com" });
    await deliver(delivery);
    await runAllJobs(env.worker, env.clock);
    // WHEN 2 units arrive
    await deliver(receiveStock(env.fake, variantId, 2));
    await runAllJobs(env.worker, env.clock);
    // THEN one mandate payment of the balance went through, the order is paid, the balance collected
    expect(env.fake.payments.payments.map((p) => ({ amount: p.amountCents, status: p.status, key: p.idempotencyKey }))).toEqual([
      { amount: 7680, status: "SUCCESS", key: `backorder-pilot-balance-${order.id.split("/").pop()}` },
    ]);
    expect(env.fake.store.getOrder(order.id).financialStatus).toBe("PAID");
    expect(await balanceRow()).toMatchObject({ status: "collected", outstandingMinor: 0 });
    // ... the timeline says it, and the ready-to-ship email states the deposit and the balance charged
    const events = await prisma.orderEvent.findMany({ where: { kind: "balance_collected" }, select: { data: true } });
    expect(events.map((e) => JSON.parse(e.data))).toEqual([expect.objectContaining({ amount: "76.80 USD" })]);
    const [ready] = await outbox("ready_to_ship");
    expect(ready?.text).toContain("balance of $76.80 is now charged");
    expect(ready?.text).toContain("you paid $19.20 when you ordered");
  });

  it("states what was paid and what will be charged in the confirmation, in the customer's language", async () => {
    // GIVEN a French customer's pay-later order (nothing at checkout) of one mug at 48.00
    const variantId = await soldOutMug();
    const { delivery } = placeDepositOrder(env.fake, { variantId, quantity: 1, email: "chloe@example.fr", locale: "fr", defer: { checkout: { percentage: 0 } } });
    // WHEN the order is recorded and confirmed
    await deliver(delivery);
    await runAllJobs(env.worker, env.clock);
    // THEN the confirmation says nothing was paid and 48,00 $US will be charged when the items are ready
    const [confirmation] = await outbox("backorder_confirmation");
    expect(confirmation?.text).toContain("Vous n’avez rien payé à la commande.");
    expect(confirmation?.text).toMatch(/solde de 48,00 \$US sera débité sur le moyen de paiement utilisé quand vos articles seront prêts à partir/i);
    expect(await balanceRow()).toMatchObject({ paidMinor: 0, outstandingMinor: 4800 });
  });

  it("is not charged by an order paid in full, and a plain order records no balance", async () => {
    // GIVEN a sold-out mug and an order paid in full
    const variantId = await soldOutMug();
    const { order } = env.fake.store.addOrder({ customer: { email: "ben@example.com", firstName: "Ben", lastName: "Doe", locale: "en" }, lineItems: [{ variantId, quantity: 1 }] });
    const { orderPayload, nextEventId } = await import("./ledger-support");
    await deliver({ topic: "orders/create", payload: { ...orderPayload(env.fake.store, order), payment_terms: null, total_outstanding: "0.00" }, eventId: nextEventId() });
    await runAllJobs(env.worker, env.clock);
    // WHEN its stock arrives
    await deliver(receiveStock(env.fake, variantId, 1));
    await runAllJobs(env.worker, env.clock);
    // THEN no balance, no charge, and the ready-to-ship email has no payment paragraph
    expect(await prisma.orderBalance.count()).toBe(0);
    expect(env.fake.payments.payments).toEqual([]);
    const [ready] = await outbox("ready_to_ship");
    expect(ready?.text).not.toContain("balance");
  });
});

describe("a declined balance", () => {
  it("emails the customer once and opens a follow-up in the support desk", async () => {
    // GIVEN a deposit order whose card will be declined
    const variantId = await soldOutMug();
    const { order, delivery } = placeDepositOrder(env.fake, { variantId, quantity: 2, email: "dan@example.com", firstName: "Dan" });
    env.fake.payments.setOutcome(order.id, { result: "decline", errorCode: "INSUFFICIENT_FUNDS", message: "Insufficient funds" });
    await deliver(delivery);
    await runAllJobs(env.worker, env.clock);
    // WHEN the stock arrives (twice the webhook, to be sure nothing repeats)
    const arrival = receiveStock(env.fake, variantId, 2);
    await deliver(arrival);
    await deliver({ ...arrival, eventId: `${arrival.eventId}-again` });
    await runAllJobs(env.worker, env.clock);
    // THEN the charge was tried once and failed; nothing was taken
    expect(env.fake.payments.payments.map((p) => p.status)).toEqual(["FAILED"]);
    expect(env.fake.payments.chargesOf(order.id)).toEqual([]);
    expect(await balanceRow()).toMatchObject({ status: "failed", outstandingMinor: 7680 });
    // ... the customer got one email with the amount due and what they paid
    const declined = await outbox("balance_declined");
    expect(declined).toHaveLength(1);
    expect(declined[0]).toMatchObject({ toEmail: "dan@example.com" });
    expect(declined[0]?.text).toContain("balance of $76.80");
    expect(declined[0]?.text).toContain("What you already paid ($19.20) is safe");
    // ... and the order is in the support desk's follow-ups, with the reason on its timeline
    const supportCase = await prisma.supportCase.findFirstOrThrow({ where: { orderId: order.id }, select: { status: true, openComplaintAt: true } });
    expect(supportCase.status).toBe("open");
    expect(supportCase.openComplaintAt).not.toBeNull();
    const failed = await prisma.orderEvent.findFirstOrThrow({ where: { kind: "balance_failed" }, select: { data: true, emailId: true } });
    expect(JSON.parse(failed.data)).toMatchObject({ amount: "76.80 USD", message: "Insufficient funds (INSUFFICIENT_FUNDS)" });
    expect(failed.emailId).not.toBeNull();
    // ... and the order page shows what was paid, what is owed and why the charge failed
    const orderNumber = order.id.split("/").pop() as string;
    const pageResponse = await callRoute(orderPageLoader, await embeddedDocumentRequest(`/app/support/${orderNumber}`), { orderId: orderNumber });
    expect(((await pageResponse.json()) as { payment: unknown }).payment).toEqual({
      status: "failed",
      paid: "$19.20",
      outstanding: "$76.80",
      charged: null,
      refunded: null,
      dueOn: null,
      failure: "Insufficient funds (INSUFFICIENT_FUNDS)",
    });
  });

  it("waits while Shopify has not settled the payment, then records it once", async () => {
    // GIVEN a deposit order whose payment stays PROCESSING for two status reads
    const variantId = await soldOutMug();
    const { order, delivery } = placeDepositOrder(env.fake, { variantId, quantity: 1, email: "eve@example.com" });
    env.fake.payments.setOutcome(order.id, { result: "success" }, { pendingReads: 2 });
    await deliver(delivery);
    await runAllJobs(env.worker, env.clock);
    // WHEN the stock arrives and the jobs run (retrying over the backoff)
    await deliver(receiveStock(env.fake, variantId, 1));
    await runAllJobs(env.worker, env.clock);
    // THEN the collection job ran three times, sent one charge, and the balance is collected
    const job = await prisma.job.findFirstOrThrow({ where: { kind: "balance.collect" }, select: { status: true, attempts: true } });
    expect(job).toEqual({ status: "succeeded", attempts: 3 });
    expect(env.fake.payments.payments).toHaveLength(1);
    expect(env.fake.calls.filter((c) => c.operationName === "BackorderPilotCollectBalance")).toHaveLength(1);
    expect(await balanceRow()).toMatchObject({ status: "collected" });
  });
});

describe("the customer's data request", () => {
  it("includes what their deposit orders paid and owe", async () => {
    // GIVEN Ana's recorded 20% deposit order
    const variantId = await soldOutMug();
    const { order, delivery } = placeDepositOrder(env.fake, { variantId, quantity: 2, email: "ana@example.com" });
    await deliver(delivery);
    await runAllJobs(env.worker, env.clock);
    // WHEN Shopify forwards her data request
    await deliver({
      topic: "customers/data_request",
      payload: { shop_domain: env.shop, customer: { id: 7, email: "ana@example.com" }, orders_requested: [Number(order.id.split("/").pop())], data_request: { id: 9001 } },
      eventId: nextEventId("dr"),
    });
    await runAllJobs(env.worker, env.clock);
    // THEN the export lists the order's payment
    const row = await prisma.dataRequest.findFirstOrThrow({ select: { export: true } });
    expect(JSON.parse(row.export).deferredPayments).toEqual([
      expect.objectContaining({ orderName: order.name, currency: "USD", paidMinor: 1920, outstandingMinor: 7680, refundedMinor: 0, status: "owed" }),
    ]);
  });
});

describe("a balance due on a date", () => {
  it("is charged on its due date, not when the stock arrives", async () => {
    // GIVEN a deposit order whose balance is due in 10 days (FIXED terms)
    const variantId = await soldOutMug();
    const dueAt = new Date(env.clock.now() + 10 * 86_400_000).toISOString();
    const { order, delivery } = placeDepositOrder(env.fake, { variantId, quantity: 1, email: "fay@example.com", defer: { checkout: { percentage: 50 }, termsType: "FIXED", dueAt } });
    await deliver(delivery);
    await env.worker.drain();
    // WHEN the stock arrives at once
    await deliver(receiveStock(env.fake, variantId, 1));
    await env.worker.drain();
    // THEN nothing is charged before the date
    expect(env.fake.payments.payments).toEqual([]);
    expect(await balanceRow()).toMatchObject({ termsType: "FIXED", status: "owed", outstandingMinor: 2400 });
    // ... and on the date the balance is collected once
    await runAllJobs(env.worker, env.clock);
    expect(env.fake.payments.chargesOf(order.id).map((p) => p.amountCents)).toEqual([2400]);
    expect(await balanceRow()).toMatchObject({ status: "collected" });
  });
});

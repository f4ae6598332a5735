// Cancel and refund (support desk, issue 11 phase 2) through the real routes: the order page's refund preview
// and actions, the cancellation job, Shopify played by the schema-checked Admin fake, and the ledger fed by
// signed webhooks on a simulated clock. Proof: the refund covers exactly the owed units, holds are released,
// the next customer in the queue moves up and hears of it, the customer is emailed once, and nothing is
// recorded when Shopify refuses, the page is stale, or the order is another shop's.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action as orderAction, loader as orderLoader } from "~/routes/app.support.$orderId";
import { loader as previewLoader } from "~/routes/app.support.$orderId_.refund";
import { callRoute } from "../helpers/routes";
import { embeddedDocumentRequest, embeddedFetchRequest } from "../helpers/requests";
import { backorderableVariant, deliver, ledgerShop, nextEventId, orderPayload, outbox, placeOrder, receiveStock, runAllJobs, type LedgerShop } from "./ledger-support";
import type { AdminFakeOptions } from "../../dev/admin-fake";

let env: LedgerShop;

async function setUp(options: AdminFakeOptions = {}) {
  env = await ledgerShop(options);
  // Customers hear of an earlier date too, so "the next customer moves up" is something they are told.
  await prisma.shopSettings.create({ data: { shop: env.shop, earlierDateEmails: true } });
}

beforeEach(async () => {
  await setUp();
});

const day = (n: number) => new Date(env.clock.now() + n * 86_400_000).toISOString().slice(0, 10);
const number = (gid: string) => gid.split("/").pop() as string;

/** A sold-out teapot at 20.00: one unit arrives in 10 days, anything after waits for a 120-day lead time. */
async function teapot(title = "Teapot") {
  const { variantId } = await backorderableVariant(env, { title, available: 0, leadTimeDays: 120 });
  env.fake.store.getVariant(variantId).price = "20.00";
  const row = await prisma.backorderVariant.findFirstOrThrow({ where: { variantId }, select: { id: true } });
  await prisma.incomingBatch.create({ data: { shop: env.shop, backorderVariantId: row.id, quantity: 1, expectedOn: day(10) } });
  return variantId;
}

async function order(variantId: string, email: string, quantity = 1) {
  const placed = placeOrder(env.fake, { variantId, email, quantity, firstName: email.split("@")[0] });
  env.clock.advance(1_000);
  expect((await deliver(placed.delivery)).status).toBe(200);
  return placed.order;
}

interface OrderPage {
  supportCase: { version: number; status: string; state: string };
  lines: { id: string; status: string; current: { earliest: string; latest: string } | null }[];
  events: { kind: string; actor: string; data: Record<string, unknown> }[];
  cancellations: { inProgress: boolean; requests: { id: string }[] };
}

async function page(orderId: string): Promise<OrderPage> {
  const response = await callRoute(orderLoader, await embeddedDocumentRequest(`/app/support/${number(orderId)}`), { orderId: number(orderId) });
  expect(response.status).toBe(200);
  return (await response.json()) as OrderPage;
}

async function preview(orderId: string, query: string) {
  const response = await callRoute(previewLoader, await embeddedFetchRequest(`/app/support/${number(orderId)}/refund?${query}`), { orderId: number(orderId) });
  return { status: response.status, body: (await response.json()) as { ok: boolean; amount?: string; amountText?: string; items?: unknown[]; error?: string } };
}

async function act(orderId: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  const response = await callRoute(orderAction, await embeddedFetchRequest(`/app/support/${number(orderId)}`, { init: { method: "POST", body } }), {
    orderId: number(orderId),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; errors: Record<string, string>; message: string | null } };
}

const kinds = (p: OrderPage) => p.events.map((e) => e.kind);
/** Staff actions are stamped with the real time, the ledger's with the test's clock (ahead of it): compare within one. */
const staffKinds = (p: OrderPage) => p.events.filter((e) => e.actor.startsWith("staff")).map((e) => e.kind);
const refundsOf = (orderId: string) => env.fake.store.getOrder(orderId).refunds;
const ourHolds = (orderId: string) => env.fake.store.fulfillmentOrdersOf(orderId).flatMap((fo) => fo.holds.filter((h) => h.heldByAppId === env.fake.store.appId));

describe("cancel and refund the owed lines", () => {
  it("refunds exactly the owed units, releases the hold, emails the customer once, and the next customer moves up", async () => {
    // GIVEN Ana and then Ben waiting for the teapot: Ana gets the unit due in 10 days, Ben the 120-day lead time
    const variantId = await teapot();
    const ana = await order(variantId, "ana@example.com");
    const ben = await order(variantId, "ben@example.com");
    await runAllJobs(env.worker, env.clock);
    const benBefore = (await page(ben.id)).lines[0]?.current?.latest as string;
    expect(benBefore > day(100)).toBe(true);
    const view = await page(ana.id);
    const lineId = view.lines[0]?.id as string;
    expect(ourHolds(ana.id)).toHaveLength(1);

    // WHEN support opens the confirmation: Shopify's suggested refund is the teapot's price
    const shown = await preview(ana.id, `lineIds=${lineId}`);
    expect(shown).toEqual({ status: 200, body: { ok: true, amount: "20.00", currency: "USD", amountText: "$20.00", paid: true, items: [{ title: "Teapot", quantity: 1 }] } });
    // AND confirms it
    const fields = { intent: "cancel_lines", version: String(view.supportCase.version), lineIds: lineId, submissionKey: "cancel-form-0001", amount: "20.00" };
    const done = await act(ana.id, fields);

    // THEN Shopify refunded exactly that unit, without restocking sellable stock (the commitment returns)
    expect(done).toEqual({ status: 200, body: { ok: true, intent: "cancel_lines", errors: {}, message: "Cancelled and refunded" } });
    const refunds = refundsOf(ana.id);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]?.lineItems.map((l) => [l.lineItemId, l.quantity, l.restockType])).toEqual([[ana.lineItems[0]?.id, 1, "CANCEL"]]);
    expect(env.fake.store.refundedCents(env.fake.store.getOrder(ana.id))).toBe(2000);
    expect(env.fake.store.available(variantId)).toBe(-1);
    // AND the ledger line is cancelled, the case too, and the timeline and the customer's email say so
    let after = await page(ana.id);
    expect(after.lines[0]?.status).toBe("cancelled");
    expect(after.supportCase.state).toBe("cancelled");
    expect(staffKinds(after)).toEqual(["cancellation_queued", "refund_issued", "lines_cancelled"]);
    expect(after.events.find((e) => e.kind === "refund_issued")?.data.amount).toBe("20.00 USD");
    const email = await outbox("cancellation");
    expect(email).toEqual([expect.objectContaining({ toEmail: "ana@example.com", subject: "Order #1001: backordered items cancelled and refunded" })]);
    expect(email[0]?.text).toContain("We have refunded $20.00 to your original payment method");

    // WHEN the follow-up job runs (hold release, queue served again)
    await runAllJobs(env.worker, env.clock);
    // THEN our hold is gone and logged, and Ben now gets the unit due in 10 days, with the good-news email
    after = await page(ana.id);
    expect(kinds(after)).toContain("hold_released");
    expect(ourHolds(ana.id)).toEqual([]);
    const benAfter = await page(ben.id);
    expect((benAfter.lines[0]?.current?.latest as string) < benBefore).toBe(true);
    expect((benAfter.lines[0]?.current?.latest as string) < day(30)).toBe(true);
    expect((await outbox("earlier_date")).map((e) => e.toEmail)).toEqual(["ben@example.com"]);
    expect(kinds(benAfter)).toContain("earlier_queued");

    // WHEN the same form is submitted again (a double click, a retried request)
    const again = await act(ana.id, fields);
    // THEN it answers done and nothing is refunded or sent twice
    expect(again.status).toBe(200);
    expect(refundsOf(ana.id)).toHaveLength(1);
    expect(await outbox("cancellation")).toHaveLength(1);

    // WHEN Shopify's own orders/updated webhook for the refund arrives
    await deliver({ topic: "orders/updated", payload: orderPayload(env.fake.store, env.fake.store.getOrder(ana.id)), eventId: nextEventId("refund") });
    await runAllJobs(env.worker, env.clock);
    // THEN the ledger does not process the cancellation a second time
    after = await page(ana.id);
    expect(kinds(after).filter((k) => k === "order_edited" || k === "lines_cancelled")).toEqual(["lines_cancelled"]);
    expect(await outbox("cancellation")).toHaveLength(1);

    // WHEN the unit that was Ana's arrives
    await deliver(receiveStock(env.fake, variantId, 1));
    await runAllJobs(env.worker, env.clock);
    // THEN it goes to Ben: the refund let go of Ana's unit in Shopify's count too (restock type CANCEL, ADR 007)
    expect((await page(ben.id)).lines[0]?.status).toBe("allocated");
  });

  it("keeps the hold while another owed line of the order still waits under it", async () => {
    // GIVEN Ana waiting for a teapot and a vase in one order (one hold covers both)
    const teapotId = await teapot();
    const vaseId = await teapot("Vase");
    const { order: placed } = env.fake.store.addOrder({
      customer: { email: "ana@example.com", firstName: "Ana" },
      lineItems: [
        { variantId: teapotId, quantity: 2 },
        { variantId: vaseId, quantity: 1 },
      ],
    });
    expect((await deliver({ topic: "orders/create", payload: orderPayload(env.fake.store, placed), eventId: nextEventId("order") })).status).toBe(200);
    await runAllJobs(env.worker, env.clock);
    const view = await page(placed.id);
    // (lines are listed in line item order: the teapots first)
    const teapotLine = view.lines[0] as { id: string };
    // WHEN only the teapots are cancelled
    const done = await act(placed.id, { intent: "cancel_lines", version: String(view.supportCase.version), lineIds: teapotLine.id, submissionKey: "cancel-form-0002" });
    await runAllJobs(env.worker, env.clock);
    // THEN exactly 2 teapots (40.00) are refunded, the vase still waits under our hold, and the case is not cancelled
    expect(done.status).toBe(200);
    expect(refundsOf(placed.id).flatMap((r) => r.lineItems.map((l) => [l.lineItemId, l.quantity]))).toEqual([[placed.lineItems[0]?.id, 2]]);
    expect(env.fake.store.refundedCents(env.fake.store.getOrder(placed.id))).toBe(4000);
    const after = await page(placed.id);
    expect(after.lines.map((l) => l.status)).toEqual(["cancelled", "waiting"]);
    expect(after.supportCase.state).not.toBe("cancelled");
    expect(ourHolds(placed.id)).toHaveLength(1);
  });
});

describe("cancel the whole order", () => {
  it("cancels and refunds it through orderCancel's job, frees the queue, and Shopify's webhook later changes nothing", async () => {
    // GIVEN Ana (2 teapots) and then Ben waiting
    const variantId = await teapot();
    const ana = await order(variantId, "ana@example.com", 2);
    const ben = await order(variantId, "ben@example.com");
    await runAllJobs(env.worker, env.clock);
    const benBefore = (await page(ben.id)).lines[0]?.current?.latest as string;
    const view = await page(ana.id);

    // WHEN support cancels the whole order, after seeing the full refund
    expect((await preview(ana.id, "scope=order")).body).toMatchObject({ ok: true, amount: "40.00", items: [{ title: "Teapot", quantity: 2 }] });
    const done = await act(ana.id, { intent: "cancel_order", version: String(view.supportCase.version), submissionKey: "cancel-order-0001", amount: "40.00" });

    // THEN Shopify cancelled it (reason customer, no Shopify email), refunded 40.00 and returned the commitment
    expect(done.body).toMatchObject({ ok: true, message: "Cancelled and refunded" });
    const shopifyOrder = env.fake.store.getOrder(ana.id);
    expect(shopifyOrder.cancelledAt).not.toBeNull();
    expect(shopifyOrder.cancelReason).toBe("CUSTOMER");
    expect(env.fake.store.refundedCents(shopifyOrder)).toBe(4000);
    expect(env.fake.calls.filter((c) => c.rootFields.includes("orderCancel")).map((c) => c.query)).toEqual([expect.stringContaining("notifyCustomer: false")]);
    // AND the ledger and the timeline say so, with one email
    let after = await page(ana.id);
    expect(after.supportCase.state).toBe("cancelled");
    expect(after.events.find((e) => e.kind === "lines_cancelled")?.data.wholeOrder).toBe(true);
    expect((await outbox("cancellation")).map((e) => e.subject)).toEqual(["Order #1001: cancelled and refunded"]);

    // WHEN the follow-up runs, then Shopify's orders/cancelled webhook arrives
    await runAllJobs(env.worker, env.clock);
    await deliver({ topic: "orders/cancelled", payload: orderPayload(env.fake.store, shopifyOrder), eventId: nextEventId("cancel") });
    await runAllJobs(env.worker, env.clock);
    // THEN Ben moved up, and the webhook found nothing left to cancel: no second cancellation, no second email
    expect(((await page(ben.id)).lines[0]?.current?.latest as string) < benBefore).toBe(true);
    after = await page(ana.id);
    expect(kinds(after)).not.toContain("order_cancelled");
    expect(after.events.filter((e) => e.kind === "lines_cancelled")).toHaveLength(1);
    expect(await outbox("cancellation")).toHaveLength(1);
  });
});

describe("refusals write nothing", () => {
  it("shows Shopify's refusal and keeps nothing: no cancellation, no event, no job, lines still waiting", async () => {
    // GIVEN a shop whose payment gateway refuses refunds
    await setUp({
      resolvers: {
        "Mutation.refundCreate": () => ({ refund: null, order: null, userErrors: [{ field: ["transactions"], message: "The payment gateway declined the refund", code: null }] }),
      },
    });
    const variantId = await teapot();
    const ana = await order(variantId, "ana@example.com");
    await runAllJobs(env.worker, env.clock);
    const view = await page(ana.id);
    const events = await prisma.orderEvent.count();
    const jobs = await prisma.job.count();
    // WHEN support cancels the owed line
    const refused = await act(ana.id, { intent: "cancel_lines", version: String(view.supportCase.version), lineIds: view.lines[0]?.id as string, submissionKey: "cancel-form-0003" });
    // THEN Shopify's reason is shown and nothing was recorded
    expect(refused.status).toBe(422);
    expect(refused.body.errors.form).toBe("Shopify refused: The payment gateway declined the refund. Nothing was changed.");
    expect(await prisma.supportCancellation.count()).toBe(0);
    expect(await prisma.orderEvent.count()).toBe(events);
    expect(await prisma.job.count()).toBe(jobs);
    const after = await page(ana.id);
    expect(after.lines[0]?.status).toBe("waiting");
    expect(after.supportCase.version).toBe(view.supportCase.version);
    expect(await outbox("cancellation")).toEqual([]);
  });

  it("refuses a stale page (409), a line that no longer waits or is not the order's (422), bad input (400) and another shop's order (404)", async () => {
    // GIVEN Ana's waiting order and Ben's, and another shop's order
    const variantId = await teapot();
    const ana = await order(variantId, "ana@example.com");
    const ben = await order(variantId, "ben@example.com");
    await runAllJobs(env.worker, env.clock);
    const view = await page(ana.id);
    const benLine = (await page(ben.id)).lines[0]?.id as string;
    const lineId = view.lines[0]?.id as string;
    await prisma.supportCase.create({ data: { shop: "other-shop.myshopify.com", orderId: "gid://shopify/Order/5", orderName: "#5", orderedAt: new Date() } });
    const base = { intent: "cancel_lines", version: String(view.supportCase.version), submissionKey: "cancel-form-0004" };

    // WHEN the forms are stale, name Ben's line, are malformed, or name another shop's order
    expect((await act(ana.id, { ...base, version: String(view.supportCase.version + 1), lineIds: lineId })).status).toBe(409);
    expect((await act(ana.id, { ...base, lineIds: benLine })).status).toBe(422);
    expect((await act(ana.id, { ...base, lineIds: [] })).status).toBe(400);
    expect((await act(ana.id, { ...base, lineIds: lineId, submissionKey: "x" })).status).toBe(400);
    expect((await act("gid://shopify/Order/5", { ...base, lineIds: lineId })).status).toBe(404);
    expect((await preview("gid://shopify/Order/5", `lineIds=${lineId}`)).status).toBe(404);
    // AND a changed refund since the dialog opened is a conflict
    const changed = await act(ana.id, { ...base, lineIds: lineId, amount: "15.00" });
    expect(changed.status).toBe(409);
    expect(changed.body.errors.form).toBe("The refund is now $20.00: review it and confirm again.");

    // THEN nothing was refunded or recorded
    expect(refundsOf(ana.id)).toEqual([]);
    expect(refundsOf(ben.id)).toEqual([]);
    expect(await prisma.supportCancellation.count()).toBe(0);
    expect((await page(ana.id)).lines[0]?.status).toBe("waiting");
  });
});

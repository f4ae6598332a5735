// Orders of any size: every owed line of a big order is held (fulfillment orders and their line items read
// page by page), a confirmation lists every line whatever their number, a long customer locale still gets
// its email, and a hold Shopify refuses fails the job visibly instead of reporting success.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { backorderableVariant, deliver, ledgerShop, nextEventId, orderPayload, outbox, runAllJobs, type LedgerShop } from "./ledger-support";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
});

/** `count` sold-out backorderable variants, each its own product. */
async function soldOutVariants(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { variantId } = await backorderableVariant(env, { title: `Plate ${String(i).padStart(3, "0")}`, available: 0 });
    ids.push(variantId);
  }
  return ids;
}

/** One order with one line per variant, delivered as orders/create. */
async function orderAll(variantIds: string[], { locale = "en" }: { locale?: string } = {}) {
  const { order, fulfillmentOrder } = env.fake.store.addOrder({
    customer: { email: "ana@example.com", firstName: "Ana", lastName: "Doe", locale },
    lineItems: variantIds.map((variantId) => ({ variantId, quantity: 1 })),
  });
  const response = await deliver({ topic: "orders/create", payload: orderPayload(env.fake.store, order), eventId: nextEventId("order") });
  expect(response.status).toBe(200);
  return { order, fulfillmentOrder };
}

async function orderJob() {
  return prisma.job.findFirst({ where: { shop: env.shop, kind: "order.sync" }, select: { status: true, lastError: true, attempts: true } });
}

describe("an order with more than 50 backordered lines", () => {
  it("holds every owed line, not only the first 50", async () => {
    // GIVEN 60 sold-out backorderable variants
    const variantIds = await soldOutVariants(60);

    // WHEN one order takes one of each
    const { order } = await orderAll(variantIds);
    await runAllJobs(env.worker, env.clock);

    // THEN all 60 ledger lines carry our hold, and Shopify's held fulfillment order covers all 60 line items
    const lines = await prisma.backorderLine.findMany({ where: { shop: env.shop, orderId: order.id }, select: { holdId: true } });
    expect(lines).toHaveLength(60);
    expect(lines.filter((l) => l.holdId === null)).toEqual([]);
    const onHold = env.fake.store.fulfillmentOrdersOf(order.id).filter((fo) => fo.status === "ON_HOLD");
    expect(onHold.flatMap((fo) => fo.lineItems)).toHaveLength(60);
    expect(env.fake.store.fulfillmentOrdersOf(order.id).filter((fo) => fo.status === "OPEN")).toEqual([]);
    expect((await orderJob())?.status).toBe("succeeded");
  });
});

describe("an order with more than 250 backordered lines", () => {
  it("is confirmed in one email listing every line", async () => {
    // GIVEN 260 sold-out backorderable variants
    const variantIds = await soldOutVariants(260);

    // WHEN one order takes one of each
    const { order } = await orderAll(variantIds);
    await runAllJobs(env.worker, env.clock);

    // THEN all 260 lines are recorded and confirmed, and the one confirmation names the last plate too
    expect(await prisma.backorderLine.count({ where: { shop: env.shop, orderId: order.id, notifiedLatest: { not: null } } })).toBe(260);
    const confirmations = await outbox("backorder_confirmation");
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]?.text).toContain("Plate 000");
    expect(confirmations[0]?.text).toContain("Plate 259");
    expect((await orderJob())?.status).toBe("succeeded");
  });
});

describe("a customer locale longer than 35 characters", () => {
  it("still gets the confirmation, in the language the locale names", async () => {
    // GIVEN a sold-out backorderable variant
    const variantIds = await soldOutVariants(1);

    // WHEN a customer whose storefront sent `fr-CA-x-something-very-long-and-private` orders it
    await orderAll(variantIds, { locale: "fr-CA-x-something-very-long-and-private" });
    await runAllJobs(env.worker, env.clock);

    // THEN the confirmation is queued in French with a valid locale kept on the row
    const rows = await prisma.emailOutbox.findMany({ where: { shop: env.shop, kind: "backorder_confirmation" }, select: { locale: true, subject: true } });
    expect(rows).toEqual([{ locale: "fr-CA", subject: expect.stringMatching(/commande/i) }]);
  });
});

describe("a hold Shopify refuses", () => {
  it("fails the job with the reason, retries it, and leaves it dead in Activity rather than reporting success", async () => {
    // GIVEN a sold-out variant, and an order whose fulfillment order already carries the 10 holds an app may place
    const [variantId] = await soldOutVariants(1);
    const { order, fulfillmentOrder } = env.fake.store.addOrder({
      customer: { email: "ben@example.com", firstName: "Ben", lastName: "Doe", locale: "en" },
      lineItems: [{ variantId: variantId as string, quantity: 2 }],
    });
    for (let i = 0; i < 10; i++) env.fake.store.addHold(fulfillmentOrder.id, { reason: "OTHER", handle: `other-${i}` });

    // WHEN orders/create is delivered and the jobs run to the end
    await deliver({ topic: "orders/create", payload: orderPayload(env.fake.store, order), eventId: nextEventId("order") });
    await runAllJobs(env.worker, env.clock);

    // THEN the line is recorded and confirmed, but the job is dead after its attempts, naming the refused hold
    const job = await orderJob();
    expect(job?.status).toBe("dead");
    expect(job?.attempts).toBeGreaterThan(1);
    expect(job?.lastError).toMatch(/hold not placed/);
    expect(job?.lastError).toContain("FULFILLMENT_ORDER_HOLD_LIMIT_REACHED");
    expect(await outbox("backorder_confirmation")).toHaveLength(1);
    expect((await prisma.backorderLine.findFirst({ where: { shop: env.shop, orderId: order.id }, select: { holdId: true } }))?.holdId).toBeNull();
  });
});

// Holds on an order that is partly in stock follow the shop's fulfillment mode: "ship what is available"
// (default) holds only the owed units, so Shopify splits the fulfillment order and the rest can ship;
// "ship together" holds the whole fulfillment order. Releasing works on split fulfillment orders.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { backorderableVariant, deliver, ledgerShop, nextEventId, orderPayload, outbox, receiveStock, runAllJobs, type LedgerShop } from "./ledger-support";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
});

async function setFulfillmentMode(mode: "ship_available" | "ship_together") {
  await prisma.shopSettings.upsert({ where: { shop: env.shop }, create: { shop: env.shop, fulfillmentMode: mode }, update: { fulfillmentMode: mode } });
}

/** A mug with 1 unit in stock and a vase with 4: an order of 3 mugs and 1 vase owes 2 mugs. */
async function partlyInStockOrder() {
  const mug = await backorderableVariant(env, { title: "Stoneware Mug", available: 1 });
  const vase = await backorderableVariant(env, { title: "Bud Vase", available: 4 });
  const { order, fulfillmentOrder } = env.fake.store.addOrder({
    customer: { email: "ana@example.com", firstName: "Ana", lastName: "Doe", locale: "en" },
    lineItems: [
      { variantId: mug.variantId, quantity: 3 },
      { variantId: vase.variantId, quantity: 1 },
    ],
  });
  const lineOf = (variantId: string) => order.lineItems.find((li) => li.variantId === variantId)?.id as string;
  return { order, fulfillmentOrder, mug, vase, mugLine: lineOf(mug.variantId), vaseLine: lineOf(vase.variantId) };
}

async function deliverCreated(order: Parameters<typeof orderPayload>[1]) {
  await deliver({ topic: "orders/create", payload: orderPayload(env.fake.store, order), eventId: nextEventId("order") });
  await runAllJobs(env.worker, env.clock);
}

/** Each fulfillment order of the order as status → [line item, quantity] pairs. */
function fulfillmentOrders(orderId: string) {
  return env.fake.store
    .fulfillmentOrdersOf(orderId)
    .map((fo) => ({ status: fo.status, ours: fo.holds.length, lines: fo.lineItems.map((li) => [li.lineItemId, li.remainingQuantity]) }))
    .sort((a, b) => a.status.localeCompare(b.status));
}

describe("ship what is available (the default)", () => {
  it("holds only the owed units; the in-stock units are split off and can ship", async () => {
    // GIVEN an order of 3 mugs (1 in stock) and 1 vase (in stock), and no fulfillment mode saved
    const { order, mugLine, vaseLine } = await partlyInStockOrder();

    // WHEN orders/create is processed
    await deliverCreated(order);

    // THEN only the 2 owed mugs are on hold; the in-stock mug and the vase sit in an open fulfillment order
    expect(fulfillmentOrders(order.id)).toEqual([
      { status: "ON_HOLD", ours: 1, lines: [[mugLine, 2]] },
      { status: "OPEN", ours: 0, lines: [[mugLine, 1], [vaseLine, 1]] },
    ]);
  });

  it("releases the hold on the split fulfillment order when the owed units arrive", async () => {
    // GIVEN the partly in-stock order processed, its owed mugs on hold in a split fulfillment order
    const { order, mug } = await partlyInStockOrder();
    await deliverCreated(order);

    // WHEN 2 mugs arrive
    await deliver(receiveStock(env.fake, mug.variantId, 2));
    await runAllJobs(env.worker, env.clock);

    // THEN both fulfillment orders are open (nothing of ours left), the ledger line is allocated, and the
    // customer is told the order is ready to ship
    expect(fulfillmentOrders(order.id).map((fo) => [fo.status, fo.ours])).toEqual([
      ["OPEN", 0],
      ["OPEN", 0],
    ]);
    const line = await prisma.backorderLine.findFirst({ where: { shop: env.shop, orderId: order.id }, select: { status: true, holdId: true } });
    expect(line).toEqual({ status: "allocated", holdId: null });
    expect(await outbox("ready_to_ship")).toHaveLength(1);
  });

  it("holds a fulfillment order Shopify cannot split (someone else's hold on it) whole rather than leave the owed units free", async () => {
    // GIVEN the partly in-stock order, whose fulfillment order the merchant already put on hold
    const { order, fulfillmentOrder } = await partlyInStockOrder();
    env.fake.store.addHold(fulfillmentOrder.id, { reason: "OTHER", heldByAppId: "merchant" });

    // WHEN orders/create is processed
    await deliverCreated(order);

    // THEN our hold is on that whole fulfillment order too (the merchant's release will not ship the owed
    // mugs), the ledger records it, and the job succeeded
    const fo = env.fake.store.getFulfillmentOrder(fulfillmentOrder.id);
    expect(fo.holds.map((h) => h.handle)).toEqual([null, expect.stringMatching(/^backorder-pilot:/)]);
    const line = await prisma.backorderLine.findFirst({ where: { shop: env.shop, orderId: order.id }, select: { holdId: true, fulfillmentOrderId: true } });
    expect(line).toEqual({ holdId: expect.any(String), fulfillmentOrderId: fulfillmentOrder.id });
    expect((await prisma.job.findFirst({ where: { shop: env.shop, kind: "order.sync" }, select: { status: true } }))?.status).toBe("succeeded");
  });
});

describe("ship together", () => {
  it("holds the whole fulfillment order, without splitting it, and releases it when the owed units arrive", async () => {
    // GIVEN a shop that ships orders together, and the partly in-stock order
    await setFulfillmentMode("ship_together");
    const { order, fulfillmentOrder, mug, mugLine, vaseLine } = await partlyInStockOrder();

    // WHEN orders/create is processed
    await deliverCreated(order);

    // THEN the one fulfillment order, with every unit, is on our hold
    expect(fulfillmentOrders(order.id)).toEqual([{ status: "ON_HOLD", ours: 1, lines: [[mugLine, 3], [vaseLine, 1]] }]);
    const line = await prisma.backorderLine.findFirst({ where: { shop: env.shop, orderId: order.id }, select: { quantity: true, fulfillmentOrderId: true } });
    expect(line).toEqual({ quantity: 2, fulfillmentOrderId: fulfillmentOrder.id });

    // WHEN the 2 owed mugs arrive
    await deliver(receiveStock(env.fake, mug.variantId, 2));
    await runAllJobs(env.worker, env.clock);

    // THEN the whole order is released at once
    expect(fulfillmentOrders(order.id)).toEqual([{ status: "OPEN", ours: 0, lines: [[mugLine, 3], [vaseLine, 1]] }]);
  });
});

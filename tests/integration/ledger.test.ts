// The backorder ledger end to end: signed webhooks through the real routes, jobs run by a worker on a
// simulated clock, Shopify played by the schema-checked Admin fake, emails rendered into the outbox.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { enqueueVariantRecompute } from "~/jobs/schedule.server";
import {
  backorderableVariant,
  deliver,
  ledgerShop,
  nextEventId,
  orderPayload,
  outbox,
  placeOrder,
  receiveStock,
  runAllJobs,
  type LedgerShop,
} from "./ledger-support";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
});

async function lines() {
  return prisma.backorderLine.findMany({
    select: { orderName: true, customerEmail: true, quantity: true, status: true, holdId: true, fulfillmentOrderId: true, notifiedLatest: true },
    orderBy: { orderedAt: "asc" },
  });
}

describe("orders/create", () => {
  it("records the owed units, tags the order, holds them and queues one confirmation", async () => {
    // GIVEN a backorderable mug with 1 unit in stock
    const { variantId } = await backorderableVariant(env, { title: "Stoneware Mug", available: 1 });
    // WHEN a customer orders 3 and Shopify sends orders/create
    const { order, delivery } = placeOrder(env.fake, { variantId, quantity: 3, email: "ana@example.com", firstName: "Ana" });
    expect((await deliver(delivery)).status).toBe(200);
    await runAllJobs(env.worker, env.clock);

    // THEN 2 units are owed, on hold under our handle, the order is tagged, and one confirmation is queued
    const [line] = await lines();
    expect(line).toMatchObject({ orderName: order.name, quantity: 2, status: "waiting", customerEmail: "ana@example.com" });
    expect(line?.holdId).toBeTruthy();
    expect(env.fake.store.getOrder(order.id).tags).toContain("backorder");
    const held = env.fake.store.fulfillmentOrdersOf(order.id).find((fo) => fo.status === "ON_HOLD");
    expect(held?.holds).toEqual([expect.objectContaining({ reason: "INVENTORY_OUT_OF_STOCK", handle: expect.stringMatching(/^backorder-pilot:/) })]);
    expect(held?.lineItems.map((li) => li.totalQuantity)).toEqual([2]);
    const emails = await outbox();
    expect(emails).toEqual([expect.objectContaining({ kind: "backorder_confirmation", toEmail: "ana@example.com" })]);
    expect(line?.notifiedLatest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("records nothing for an order the stock covers", async () => {
    // GIVEN 5 units in stock
    const { variantId } = await backorderableVariant(env, { title: "Linen Napkin", available: 5 });
    // WHEN someone orders 2
    const { delivery } = placeOrder(env.fake, { variantId, quantity: 2, email: "ben@example.com" });
    await deliver(delivery);
    await runAllJobs(env.worker, env.clock);
    // THEN no line, no email, no Shopify write
    expect(await lines()).toEqual([]);
    expect(await outbox()).toEqual([]);
    expect(env.fake.calls.filter((c) => c.operationType === "mutation")).toEqual([]);
  });
});

describe("inventory_levels/update", () => {
  it("serves waiting orders first-in-first-out, releases their holds and tells exactly those customers", async () => {
    // GIVEN three sold-out orders queued in order: Ana (1), Ben (2), Cleo (1)
    const { variantId } = await backorderableVariant(env, { title: "Teapot", available: 0 });
    const orders: { id: string }[] = [];
    for (const [email, quantity] of [["ana@example.com", 1], ["ben@example.com", 2], ["cleo@example.com", 1]] as const) {
      const placed = placeOrder(env.fake, { variantId, quantity, email });
      env.clock.advance(1_000);
      await deliver(placed.delivery);
      orders.push(placed.order);
    }
    await runAllJobs(env.worker, env.clock);
    expect((await lines()).map((l) => l.status)).toEqual(["waiting", "waiting", "waiting"]);

    // WHEN 3 units arrive
    env.clock.advance(60_000);
    await deliver(receiveStock(env.fake, variantId, 3));
    await runAllJobs(env.worker, env.clock);

    // THEN Ana and Ben are allocated and released; Cleo still waits on hold
    expect((await lines()).map((l) => [l.customerEmail, l.status, l.holdId ? "held" : "free"])).toEqual([
      ["ana@example.com", "allocated", "free"],
      ["ben@example.com", "allocated", "free"],
      ["cleo@example.com", "waiting", "held"],
    ]);
    const status = (i: number) => env.fake.store.fulfillmentOrdersOf(orders[i]?.id ?? "").map((fo) => fo.status);
    expect(status(0)).toEqual(["OPEN"]);
    expect(status(1)).toEqual(["OPEN"]);
    expect(status(2)).toEqual(["ON_HOLD"]);
    const ready = await outbox("ready_to_ship");
    expect(ready.map((e) => e.toEmail).sort()).toEqual(["ana@example.com", "ben@example.com"]);
  });

  it("ignores an inventory event older than the one already applied", async () => {
    // GIVEN a queue of one and a newer stock event already applied
    const { variantId } = await backorderableVariant(env, { title: "Bud Vase", available: 0 });
    const { delivery } = placeOrder(env.fake, { variantId, quantity: 1, email: "dan@example.com" });
    await deliver(delivery);
    await runAllJobs(env.worker, env.clock);
    const older = receiveStock(env.fake, variantId, 0);
    env.clock.advance(5_000);
    const newer = receiveStock(env.fake, variantId, 0);
    await deliver(newer);
    await runAllJobs(env.worker, env.clock);
    const reads = env.fake.calls.filter((c) => c.operationName === "BackorderPilotVariantInventory").length;

    // WHEN the older event arrives late
    await deliver(older);
    await runAllJobs(env.worker, env.clock);

    // THEN it is skipped without even reading Shopify
    expect(env.fake.calls.filter((c) => c.operationName === "BackorderPilotVariantInventory").length).toBe(reads);
    expect((await prisma.job.findFirst({ where: { kind: "inventory.level" }, orderBy: { createdAt: "desc" }, select: { status: true } }))?.status).toBe("succeeded");
  });
});

describe("delays", () => {
  it("sends one delay notice per line whose date slipped, and none to the others", async () => {
    // GIVEN two units expected in 10 days and one more in 20 days, and three single-unit orders
    const { variantId } = await backorderableVariant(env, { title: "Dinner Plate", available: 0 });
    const row = await prisma.backorderVariant.findFirstOrThrow({ where: { variantId }, select: { id: true } });
    const day = (n: number) => new Date(env.clock.now() + n * 86_400_000).toISOString().slice(0, 10);
    const early = await prisma.incomingBatch.create({ data: { shop: env.shop, backorderVariantId: row.id, quantity: 2, expectedOn: day(10) } });
    await prisma.incomingBatch.create({ data: { shop: env.shop, backorderVariantId: row.id, quantity: 1, expectedOn: day(20) } });
    for (const email of ["ana@example.com", "ben@example.com", "cleo@example.com"]) {
      await deliver(placeOrder(env.fake, { variantId, email }).delivery);
      await runAllJobs(env.worker, env.clock);
      env.clock.advance(1_000);
    }
    expect(await outbox("delay_notice")).toEqual([]);

    // WHEN the supplier pushes the first batch back 5 days and the variant is recomputed (twice)
    await prisma.incomingBatch.update({ where: { id: early.id }, data: { expectedOn: day(15) } });
    await enqueueVariantRecompute({ shop: env.shop, variantIds: [variantId], now: env.clock.date() });
    await runAllJobs(env.worker, env.clock);
    await enqueueVariantRecompute({ shop: env.shop, variantIds: [variantId], now: env.clock.date() });
    await runAllJobs(env.worker, env.clock);

    // THEN Ana and Ben (served by that batch) get exactly one delay notice each; Cleo none
    const delays = await outbox("delay_notice");
    expect(delays.map((e) => e.toEmail).sort()).toEqual(["ana@example.com", "ben@example.com"]);
  });
});

describe("cancellations and edits", () => {
  it("a cancelled order leaves the queue, and the stock goes to the next customer", async () => {
    // GIVEN two queued orders
    const { variantId } = await backorderableVariant(env, { title: "Side Plate", available: 0 });
    const first = placeOrder(env.fake, { variantId, email: "ana@example.com" });
    await deliver(first.delivery);
    env.clock.advance(1_000);
    await deliver(placeOrder(env.fake, { variantId, email: "ben@example.com" }).delivery);
    await runAllJobs(env.worker, env.clock);

    // WHEN the first is cancelled (its unit restocked) and one unit arrives
    const order = env.fake.store.getOrder(first.order.id);
    order.cancelledAt = new Date(env.clock.now()).toISOString();
    order.updatedAt = order.cancelledAt;
    for (const fo of env.fake.store.fulfillmentOrdersOf(order.id)) fo.status = "CANCELLED";
    env.fake.store.receiveStock(variantId, 1); // the restock of the cancelled unit
    await deliver({ topic: "orders/cancelled", payload: orderPayload(env.fake.store, order), eventId: nextEventId() });
    await runAllJobs(env.worker, env.clock);
    env.clock.advance(1_000);
    await deliver(receiveStock(env.fake, variantId, 1));
    await runAllJobs(env.worker, env.clock);

    // THEN Ana's line is cancelled with no ready email; Ben is served
    expect((await lines()).map((l) => [l.customerEmail, l.status])).toEqual([
      ["ana@example.com", "cancelled"],
      ["ben@example.com", "allocated"],
    ]);
    expect((await outbox("ready_to_ship")).map((e) => e.toEmail)).toEqual(["ben@example.com"]);
  });

  it("an older orders/updated delivered late does not undo a newer edit", async () => {
    // GIVEN an order of 3 owed units, then edited down to 1 (newer event applied first)
    const { variantId } = await backorderableVariant(env, { title: "Pasta Bowl", available: 0 });
    const { order, delivery } = placeOrder(env.fake, { variantId, quantity: 3, email: "eve@example.com" });
    await deliver(delivery);
    await runAllJobs(env.worker, env.clock);
    const stale = orderPayload(env.fake.store, order);
    const edited = orderPayload(env.fake.store, order);
    edited.updated_at = new Date(Date.parse(order.updatedAt) + 60_000).toISOString();
    (edited.line_items[0] as { current_quantity: number }).current_quantity = 1;
    await deliver({ topic: "orders/updated", payload: edited, eventId: nextEventId() });
    await runAllJobs(env.worker, env.clock);

    // WHEN an older orders/updated (still 3 units) arrives afterwards
    stale.updated_at = new Date(Date.parse(order.updatedAt) + 30_000).toISOString();
    await deliver({ topic: "orders/updated", payload: stale, eventId: nextEventId() });
    await runAllJobs(env.worker, env.clock);

    // THEN the line keeps the newer quantity
    expect((await lines()).map((l) => l.quantity)).toEqual([1]);
  });
});

// A burst of orders writes its holds and tags to Shopify in bulk mutations (ADR 008): the same holds and
// tags as one request per order, for a fraction of the points, and nothing lost when Shopify refuses a line
// or the whole operation.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { backorderableVariant, deliver, ledgerShop, outbox, placeOrder, receiveStock, runAllJobs, type LedgerShop } from "./ledger-support";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
});

/** `n` orders of one unit each, placed at once on a sold-out variant, their webhooks delivered before the worker runs. */
async function burst(n: number, variantId: string) {
  const placed = Array.from({ length: n }, (_, i) => placeOrder(env.fake, { variantId, email: `drop${i}@example.com` }));
  for (const { delivery } of placed) expect((await deliver(delivery)).status).toBe(200);
  return placed.map((p) => p.order);
}

function callsNamed(name: string) {
  return env.fake.calls.filter((c) => c.operationName === name);
}

/** Our holds in the fake shop for the order: [status, handle, held quantity] per held fulfillment order. */
function heldIn(orderId: string) {
  return env.fake.store
    .fulfillmentOrdersOf(orderId)
    .filter((fo) => fo.holds.length > 0)
    .map((fo) => [fo.status, fo.holds.map((h) => h.handle).join(","), fo.lineItems.reduce((s, li) => s + li.remainingQuantity, 0)]);
}

describe("holds and tags of a product drop", () => {
  it("go out in two bulk mutations, and every order ends held, tagged and confirmed", async () => {
    // GIVEN a sold-out backorderable vase and 30 orders for it placed at once
    const { variantId } = await backorderableVariant(env, { title: "Raku Vase", available: 0, leadTimeDays: 20 });
    const orders = await burst(30, variantId);

    // WHEN the worker runs every job (the bulk operations complete on the fake's clock)
    await runAllJobs(env.worker, env.clock);

    // THEN each order has exactly one hold of ours on its unit, the backorder tag, and a confirmation
    for (const order of orders) {
      expect(heldIn(order.id), order.name).toEqual([["ON_HOLD", `backorder-pilot:${order.lineItems[0]?.id.split("/").pop()}`, 1]]);
      expect(env.fake.store.getOrder(order.id).tags, order.name).toContain("backorder");
    }
    const lines = await prisma.backorderLine.findMany({ select: { holdId: true, fulfillmentOrderId: true } });
    expect(lines).toHaveLength(30);
    expect(lines.every((l) => l.holdId !== null && l.fulfillmentOrderId !== null)).toBe(true);
    expect(await outbox("backorder_confirmation")).toHaveLength(30);
    // ...and the holds and tags went out in bulk operations; a tail of fewer than 3 writes left when an
    // operation finished may go as single requests (cheaper than another operation), nothing more
    const bulk = await prisma.bulkWrite.findMany({ select: { kind: true, status: true, lines: true } });
    expect(bulk.every((b) => b.status === "completed")).toBe(true);
    const inBulk = (kind: string) => bulk.filter((b) => b.kind === kind).reduce((n, b) => n + b.lines, 0);
    expect(inBulk("hold") + callsNamed("BackorderPilotHoldOwedLines").length).toBe(30);
    expect(inBulk("tag") + callsNamed("BackorderPilotTagOrder").length).toBe(30);
    expect(callsNamed("BackorderPilotHoldOwedLines").length).toBeLessThanOrEqual(2 * bulk.filter((b) => b.kind === "hold").length);
    expect(callsNamed("BackorderPilotTagAndHold")).toHaveLength(0);
    expect(await prisma.deferredOrderWrite.count()).toBe(0);
    // ...for far fewer Admin API points than one request per order (≥ 20 points of mutations alone)
    const mutations = env.fake.calls.filter((c) => c.operationType === "mutation").reduce((sum, c) => sum + c.actualQueryCost, 0);
    expect(mutations / orders.length).toBeLessThan(5);
  });

  it("keeps one request per order below the burst size", async () => {
    // GIVEN 5 orders placed at once (fewer than a burst)
    const { variantId } = await backorderableVariant(env, { title: "Raku Vase", available: 0, leadTimeDays: 20 });
    const orders = await burst(5, variantId);
    // WHEN the worker runs THEN each order is held and tagged in its own request, no bulk operation
    await runAllJobs(env.worker, env.clock);
    expect(callsNamed("BackorderPilotTagAndHold")).toHaveLength(5);
    expect(callsNamed("BackorderPilotRunBulkMutation")).toHaveLength(0);
    for (const order of orders) expect(heldIn(order.id)).toHaveLength(1);
  });

  it("holds alone an order whose bulk line Shopify refused, and cancels the lines of an order cancelled meanwhile", async () => {
    // GIVEN 25 orders whose jobs deferred their holds
    const { variantId } = await backorderableVariant(env, { title: "Raku Vase", available: 0, leadTimeDays: 20 });
    const orders = await burst(25, variantId);
    // (the clock stops, so the bulk write, due 2 s after the first deferred order, cannot start during this drain)
    env.clock.freeze();
    await env.worker.drain();
    expect(await prisma.deferredOrderWrite.count({ where: { kind: "hold" } })).toBe(25);
    expect(await prisma.bulkWrite.count()).toBe(0);
    // ...then, before the bulk write runs, one customer's order is cancelled on Shopify (its fulfillment
    // order closes) and someone else holds another order's fulfillment order
    const [cancelled, othersHold] = orders as [(typeof orders)[number], (typeof orders)[number]];
    cancelled.cancelledAt = new Date(env.clock.now()).toISOString();
    for (const fo of env.fake.store.fulfillmentOrdersOf(cancelled.id)) fo.status = "CANCELLED";
    const foreign = env.fake.store.fulfillmentOrdersOf(othersHold.id)[0];
    if (!foreign) throw new Error("no fulfillment order");
    env.fake.store.addHold(foreign.id, { reason: "OTHER", handle: "merchant-review", heldByAppId: "999" });

    // WHEN the bulk write runs and its results come back
    await runAllJobs(env.worker, env.clock);

    // THEN the cancelled order's line is cancelled, not held; the other order is held whole by us alone; the rest as usual
    expect((await prisma.backorderLine.findFirstOrThrow({ where: { orderId: cancelled.id } })).status).toBe("cancelled");
    expect(heldIn(cancelled.id)).toEqual([]);
    const held = env.fake.store.fulfillmentOrdersOf(othersHold.id).flatMap((fo) => fo.holds.map((h) => h.handle));
    expect(held.filter((h) => h?.startsWith("backorder-pilot"))).toHaveLength(1);
    const waiting = await prisma.backorderLine.findMany({ where: { status: "waiting" }, select: { holdId: true } });
    expect(waiting).toHaveLength(24);
    expect(waiting.every((l) => l.holdId)).toBe(true);
    expect(await prisma.deferredOrderWrite.count()).toBe(0);
  });

  it("sends the writes of a failed bulk operation again", async () => {
    // GIVEN 22 orders whose holds wait for a bulk write, and Shopify failing the next bulk operation
    const { variantId } = await backorderableVariant(env, { title: "Raku Vase", available: 0, leadTimeDays: 20 });
    const orders = await burst(22, variantId);
    env.fake.failNextBulkOperation("INTERNAL_SERVER_ERROR");
    // WHEN every job runs
    await runAllJobs(env.worker, env.clock);
    // THEN the failed operation is recorded as such, the next one carried its writes, and every order is
    // held exactly once
    const writes = await prisma.bulkWrite.findMany({ where: { kind: "hold" }, select: { status: true, lines: true }, orderBy: { createdAt: "asc" } });
    expect(writes[0]?.status).toBe("failed");
    expect(writes.slice(1).map((w) => w.status)).toContain("completed");
    for (const order of orders) expect(heldIn(order.id), order.name).toHaveLength(1);
    expect(await prisma.deferredOrderWrite.count()).toBe(0);
  });

  it("lets a hold go at once when the stock arrived while it was on its way", async () => {
    // GIVEN 21 orders whose holds ride in a bulk operation Shopify takes a minute to run
    env = await ledgerShop({ bulkDurationMs: () => 60_000 });
    const { variantId } = await backorderableVariant(env, { title: "Raku Vase", available: 0, leadTimeDays: 20 });
    const orders = await burst(21, variantId);
    await env.worker.drain();
    env.clock.advance(5_000);
    await env.worker.drain();
    expect(await prisma.bulkWrite.count({ where: { kind: "hold", status: "running" } })).toBe(1);
    // WHEN 21 units arrive and their webhook is processed while the operation runs
    await deliver(receiveStock(env.fake, variantId, 21));
    env.clock.advance(5_000);
    await env.worker.drain();
    expect(await prisma.backorderLine.count({ where: { status: "allocated" } })).toBe(21);
    // ...and then the operation completes
    await runAllJobs(env.worker, env.clock);
    // THEN no order is left on hold, and every customer gets the ready-to-ship email once
    for (const order of orders) expect(heldIn(order.id), order.name).toEqual([]);
    expect(await outbox("ready_to_ship")).toHaveLength(21);
  });
});

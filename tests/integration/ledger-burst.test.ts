// A product drop: dozens of orders for one backorderable variant within seconds, their webhooks arriving
// shuffled and twice, jobs running while Shopify's stock already counts orders the ledger has not recorded.
// Nobody may be told a later date than the one the settled ledger gives them.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { WAITING_QUEUE_ORDER } from "~/models/backorder-line.server";
import { computeVariantEtas } from "~/workflows/catalog/eta.server";
import { deliver, ledgerShop, outbox, placeOrder, runAllJobs, backorderableVariant, type Delivery, type LedgerShop } from "./ledger-support";
import { seededRandom, shuffle } from "../faults/support";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
});

const day = (n: number) => new Date(env.clock.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A sold-out variant with a batch of `batch` units in 14 days and a long supplier lead time beyond it. */
async function droppedVariant(batch: number) {
  const { variantId } = await backorderableVariant(env, { title: "Raku Vase", available: 0, leadTimeDays: 60 });
  const row = await prisma.backorderVariant.findFirstOrThrow({ where: { variantId }, select: { id: true } });
  await prisma.incomingBatch.create({ data: { shop: env.shop, backorderVariantId: row.id, quantity: batch, expectedOn: day(14) } });
  return variantId;
}

async function settledLatestByLine(variantId: string) {
  const [result] = await computeVariantEtas({ shop: env.shop, variantIds: [variantId], now: env.clock.date() });
  return new Map((result?.eta.lines ?? []).map((l) => [l.lineId, l.eta.latest]));
}

describe("a burst of orders for one variant", () => {
  it.each([3, 17])("sends no delay notice to customers whose date never slipped (seed %i)", async (seed) => {
    // GIVEN a batch of 6 units in 14 days, and 4 customers already waiting and confirmed from it
    const variantId = await droppedVariant(6);
    for (let i = 0; i < 4; i++) {
      await deliver(placeOrder(env.fake, { variantId, email: `early${i}@example.com` }).delivery);
      await runAllJobs(env.worker, env.clock);
    }
    const before = new Map((await prisma.backorderLine.findMany({ select: { id: true, notifiedLatest: true } })).map((l) => [l.id, l.notifiedLatest]));
    expect(before.size).toBe(4);

    // WHEN 6 more customers order within the same second (the batch covers 2 of them) and the
    // webhooks arrive shuffled and twice, the worker running between deliveries
    const burst: Delivery[] = [];
    for (let i = 0; i < 6; i++) burst.push(placeOrder(env.fake, { variantId, email: `drop${i}@example.com` }).delivery);
    const random = seededRandom(seed);
    for (const delivery of shuffle([...burst, ...burst], random)) {
      expect((await deliver(delivery)).status).toBe(200);
      if (random() < 0.6) await env.worker.drain();
    }
    await runAllJobs(env.worker, env.clock);

    // THEN no delay email went out, and every customer was told exactly the date the settled ledger gives
    expect(await outbox("delay_notice")).toEqual([]);
    const settled = await settledLatestByLine(variantId);
    const lines = await prisma.backorderLine.findMany({ select: { id: true, notifiedLatest: true, customerEmail: true } });
    expect(lines).toHaveLength(10);
    for (const line of lines) expect(line.notifiedLatest, line.customerEmail ?? "").toBe(settled.get(line.id));
    for (const [id, latest] of before) expect(settled.get(id)).toBe(latest);
    expect((await outbox("backorder_confirmation")).length).toBe(10);
  });

  it("confirms a burst only once every order Shopify counts is in the ledger", async () => {
    // GIVEN a batch of 2 units in 14 days, then a 60-day lead time
    const variantId = await droppedVariant(2);
    // WHEN three customers order at once and the youngest order's webhook is processed first
    const deliveries = [0, 1, 2].map((i) => placeOrder(env.fake, { variantId, email: `c${i}@example.com` }).delivery);
    await deliver(deliveries[2] as Delivery);
    await env.worker.drain();
    // THEN nobody is confirmed yet: Shopify counts 3 owed units, the ledger knows 1; a recheck waits in
    // case the other orders never reach the ledger
    expect(await outbox("backorder_confirmation")).toEqual([]);
    expect(await prisma.job.count({ where: { status: "queued", uniqueKey: { startsWith: "settle:" } } })).toBe(1);

    // WHEN the two older orders arrive
    await deliver(deliveries[0] as Delivery);
    await deliver(deliveries[1] as Delivery);
    await env.worker.drain();

    // THEN the two oldest are confirmed from the batch, the youngest from the lead time, and no delay is sent
    const settled = await settledLatestByLine(variantId);
    const lines = await prisma.backorderLine.findMany({ select: { id: true, notifiedLatest: true, customerEmail: true }, orderBy: [...WAITING_QUEUE_ORDER] });
    expect(lines.map((l) => l.customerEmail)).toEqual(["c0@example.com", "c1@example.com", "c2@example.com"]);
    expect(lines.map((l) => l.notifiedLatest)).toEqual(lines.map((l) => settled.get(l.id)));
    expect(lines[0]?.notifiedLatest).toBe(lines[1]?.notifiedLatest);
    expect((lines[2]?.notifiedLatest ?? "") > (lines[1]?.notifiedLatest ?? "")).toBe(true);
    expect((await outbox("backorder_confirmation")).length).toBe(3);
    expect(await outbox("delay_notice")).toEqual([]);
    // and the recheck, now pointless, is gone
    expect(await prisma.job.count({ where: { status: "queued" } })).toBe(0);
  });

  it("confirms with what it knows once Shopify's count stays unexplained for the settle window", async () => {
    // GIVEN a variant Shopify already counts 2 owed units for, from orders placed before the app managed it
    const variantId = await droppedVariant(5);
    env.fake.store.receiveStock(variantId, -2);
    // WHEN a new order arrives
    await deliver(placeOrder(env.fake, { variantId, email: "late@example.com" }).delivery);
    await env.worker.drain();
    // THEN it is not confirmed at once (those units might be orders in flight)...
    expect(await outbox("backorder_confirmation")).toEqual([]);
    // ...but once the window passed with nothing recorded, the recheck confirms it from the batch
    await runAllJobs(env.worker, env.clock);
    expect((await outbox("backorder_confirmation")).map((e) => e.toEmail)).toEqual(["late@example.com"]);
    const line = await prisma.backorderLine.findFirstOrThrow({ select: { id: true, notifiedLatest: true } });
    expect(line.notifiedLatest).toBe((await settledLatestByLine(variantId)).get(line.id));
  });
});

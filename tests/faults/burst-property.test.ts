// Property: the same Shopify history — a product drop on one or two variants, some orders cancelled —
// delivered as webhooks in ANY order, with ANY duplicates, the worker running at ANY points, ends in the
// same ledger, the same estimates, the same emails and the same holds and tags on Shopify as delivering them
// one by one in order (the shuffled run treats any two queued orders as a burst, so its holds and tags go
// through bulk writes and its ledger passes are shared: ADR 008). And no
// delay email goes out unless a customer's settled latest date is later than what they were told.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { WAITING_QUEUE_ORDER } from "~/models/backorder-line.server";
import { computeVariantEtas } from "~/workflows/catalog/eta.server";
import {
  backorderableVariant,
  deliver,
  inventoryPayload,
  ledgerShop,
  nextEventId,
  orderPayload,
  runAllJobs,
  type Delivery,
  type LedgerShop,
} from "../integration/ledger-support";

interface History {
  /** Units in the incoming batch of each variant (14 days out; beyond it, a 60-day lead time). */
  batches: [number, number];
  /** Orders already in the ledger before the drop: [variant index, quantity]. */
  before: [number, number][];
  /** The drop: each order's lines ([variant index, quantity]) and whether the customer cancels. */
  drop: { lines: [number, number][]; cancelled: boolean }[];
}

const line = fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: 2 }));
const history: fc.Arbitrary<History> = fc.record({
  batches: fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })),
  before: fc.array(line, { maxLength: 3 }),
  drop: fc.array(
    fc.record({
      lines: fc.uniqueArray(line, { minLength: 1, maxLength: 2, selector: ([v]) => v }),
      cancelled: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
    }),
    { minLength: 2, maxLength: 6 },
  ),
});

interface Schedule {
  /** A permutation key per delivery (deliveries are sorted by it). */
  order: number[];
  /** Which deliveries Shopify sends twice. */
  twice: boolean[];
  /** Whether the worker drains after each delivery. */
  drain: boolean[];
}

const schedule: fc.Arbitrary<Schedule> = fc.record({
  order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 }),
  twice: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
  drain: fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }),
});

/** Plays `h` into a fresh fake shop; the orders before the drop are processed at once, in order. */
async function play(h: History, burstFrom?: number): Promise<{ env: LedgerShop; variants: string[]; deliveries: Delivery[] }> {
  const env = await ledgerShop(burstFrom === undefined ? {} : { worker: { runtime: { bulkWriteMinOrders: burstFrom } } });
  const variants: string[] = [];
  for (const [i, units] of h.batches.entries()) {
    const { variantId } = await backorderableVariant(env, { title: `Vase ${i}`, available: 0, leadTimeDays: 60 });
    const row = await prisma.backorderVariant.findFirstOrThrow({ where: { variantId }, select: { id: true } });
    const expectedOn = new Date(env.clock.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await prisma.incomingBatch.create({ data: { shop: env.shop, backorderVariantId: row.id, quantity: units, expectedOn } });
    variants.push(variantId);
  }
  const place = (index: number, lines: [number, number][]) => {
    const { order } = env.fake.store.addOrder({
      customer: { email: `c${index}@example.com`, firstName: `C${index}`, locale: index % 2 ? "fr" : "en" },
      lineItems: lines.map(([v, quantity]) => ({ variantId: variants[v] as string, quantity })),
    });
    return order;
  };
  for (const [i, l] of h.before.entries()) {
    const order = place(i, [l]);
    await deliver({ topic: "orders/create", payload: orderPayload(env.fake.store, order), eventId: nextEventId("before") });
    await runAllJobs(env.worker, env.clock);
  }
  // The drop: every order lands in Shopify within the same second; some customers cancel right away.
  const deliveries: Delivery[] = [];
  for (const [i, o] of h.drop.entries()) {
    const order = place(100 + i, o.lines);
    deliveries.push({ topic: "orders/create", payload: orderPayload(env.fake.store, order), eventId: nextEventId("create") });
    for (const [v] of o.lines) {
      deliveries.push({ topic: "inventory_levels/update", payload: inventoryPayload(env.fake.store, variants[v] as string), eventId: nextEventId("inv") });
    }
    if (o.cancelled) {
      order.cancelledAt = new Date(env.clock.now()).toISOString();
      order.updatedAt = order.cancelledAt;
      for (const fo of env.fake.store.fulfillmentOrdersOf(order.id)) fo.status = "CANCELLED";
      for (const [v, quantity] of o.lines) env.fake.store.receiveStock(variants[v] as string, quantity);
      deliveries.push({ topic: "orders/cancelled", payload: orderPayload(env.fake.store, order), eventId: nextEventId("cancel") });
    }
  }
  return { env, variants, deliveries };
}

/** Timeline events that happen once per order whatever the delivery order (estimate changes may differ). */
const ONCE_PER_ORDER = ["order_placed", "promise_made", "order_cancelled", "confirmation_queued", "ready_queued", "hold_placed"];

/** What customers, the merchant and support staff can observe: the ledger, its dates, the emails, the desk. */
async function observe(env: LedgerShop, variants: string[]) {
  const lines = await prisma.backorderLine.findMany({
    where: { status: { in: ["waiting", "allocated"] } },
    select: { id: true, orderId: true, orderName: true, variantId: true, quantity: true, status: true, notifiedLatest: true, holdId: true },
    orderBy: [...WAITING_QUEUE_ORDER],
  });
  // Shopify's side: each order's holds of ours (handle and held quantity) and tags.
  const shopify = [...new Set(lines.map((l) => l.orderId))].sort().map((orderId) => {
    const order = env.fake.store.getOrder(orderId);
    const holds = env.fake.store
      .fulfillmentOrdersOf(orderId)
      .flatMap((fo) => fo.holds.map((h) => `${h.handle}: ${fo.lineItems.reduce((n, li) => n + li.remainingQuantity, 0)}`))
      .sort();
    return `${order.name} [${[...order.tags].sort().join(",")}] ${holds.join("; ")}`;
  });
  const etas = await computeVariantEtas({ shop: env.shop, variantIds: variants, now: env.clock.date() });
  const latest = new Map(etas.flatMap((r) => r.eta.lines.map((l) => [l.lineId, l.eta.latest] as const)));
  const emails = await prisma.emailOutbox.findMany({ select: { kind: true, toEmail: true, subject: true, text: true } });
  const cases = await prisma.supportCase.findMany({
    select: { orderName: true, state: true, itemsOwed: true, promisedLatest: true, estimateLatest: true, daysLate: true },
    orderBy: { orderName: "asc" },
  });
  const events = await prisma.orderEvent.groupBy({ by: ["orderId", "kind"], where: { kind: { in: ONCE_PER_ORDER } }, _count: { _all: true } });
  const names = new Map((await prisma.backorderLine.findMany({ select: { orderId: true, orderName: true } })).map((l) => [l.orderId, l.orderName]));
  return {
    shopify,
    desk: cases,
    timeline: events.map((e) => `${names.get(e.orderId) ?? e.orderId} ${e.kind} ×${e._count._all}`).sort(),
    ledger: lines.map((l) => ({
      order: l.orderName,
      variant: variants.indexOf(l.variantId),
      quantity: l.quantity,
      status: l.status,
      held: l.holdId !== null,
      told: l.notifiedLatest,
      settled: latest.get(l.id) ?? null,
    })),
    emails: emails.map((e) => `${e.kind} → ${e.toEmail}: ${e.subject}\n${e.text}`).sort(),
  };
}

describe("a product drop delivered in any order, with duplicates", () => {
  it("ends in the same ledger, estimates and emails as in-order delivery", async () => {
    await fc.assert(
      fc.asyncProperty(history, schedule, async (h, s) => {
        // GIVEN the history delivered one webhook at a time, in order, the worker running after each
        const reference = await play(h);
        for (const d of reference.deliveries) {
          await deliver(d);
          await reference.env.worker.drain();
        }
        await runAllJobs(reference.env.worker, reference.env.clock);
        const expected = await observe(reference.env, reference.variants);
        expect(expected.desk.length).toBeGreaterThan(0);
        expect(expected.timeline.some((e) => e.includes("order_placed ×1"))).toBe(true);

        // WHEN the same history is delivered shuffled, some webhooks twice, the worker running at random points,
        // and any two queued orders count as a burst (holds and tags in bulk writes, shared ledger passes)
        const run = await play(h, 2);
        const sent = run.deliveries.flatMap((d, i) => (s.twice[i % 40] ? [d, d] : [d]));
        const shuffled = sent.map((d, i) => ({ d, key: s.order[i % 40] ?? 0, i })).sort((a, b) => a.key - b.key || a.i - b.i);
        for (const [i, { d }] of shuffled.entries()) {
          expect((await deliver(d)).status).toBe(200);
          if (s.drain[i % 80]) await run.env.worker.drain();
        }
        await runAllJobs(run.env.worker, run.env.clock);
        const actual = await observe(run.env, run.variants);

        // THEN the ledger, every customer's estimate, every email and the support desk's queue and
        // once-per-order timeline events are the same; everyone was told
        // their settled date, so no delay email exists
        expect(actual).toEqual(expected);
        for (const l of actual.ledger) if (l.status === "waiting") expect(l.told).toBe(l.settled);
        expect(actual.emails.filter((e) => e.startsWith("delay_notice"))).toEqual([]);
      }),
      { numRuns: 12, seed: 20261130, endOnFailure: true },
    );
  }, 180_000);
});

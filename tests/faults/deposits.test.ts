// Faults around the balance charge of deposit orders (ADR 015): the stock's webhooks duplicated (the same
// event redelivered, and the same change sent again as a new event) and shuffled, and a worker process killed
// right after Shopify accepted the charge, before the app could record it. Each order is charged exactly once.
import { afterEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { backorderableVariant, deliver, ledgerShop, receiveStock, runAllJobs, type Delivery } from "../integration/ledger-support";
import { placeDepositOrder } from "../integration/deposits-support";
import { execLogFile, serveFake, startWorkerChild, type WorkerChild } from "./processes";
import { seededRandom, shuffle } from "./support";

const children: WorkerChild[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.stop()));
});

describe("deposit orders under duplicated and shuffled stock webhooks", () => {
  it.each([7, 31])("each balance is charged exactly once (seed %i)", async (seed) => {
    // GIVEN two sold-out variants and six deposit orders (20% down), recorded and confirmed
    const env = await ledgerShop();
    const mug = (await backorderableVariant(env, { title: "Mug", available: 0 })).variantId;
    const bowl = (await backorderableVariant(env, { title: "Bowl", available: 0 })).variantId;
    env.fake.store.getVariant(mug).price = "30.00";
    env.fake.store.getVariant(bowl).price = "55.00";
    const orders = [];
    for (const [i, variantId] of [mug, bowl, mug, bowl, mug, mug].entries()) {
      const placed = placeDepositOrder(env.fake, { variantId, quantity: 1 + (i % 2), email: `customer${i}@example.com` });
      env.clock.advance(1_000);
      await deliver(placed.delivery);
      orders.push(placed.order);
    }
    await runAllJobs(env.worker, env.clock);
    const owed = new Map((await prisma.orderBalance.findMany({ select: { orderId: true, outstandingMinor: true } })).map((b) => [b.orderId, b.outstandingMinor]));
    expect(owed.size).toBe(6);

    // WHEN the stock arrives in four steps, each webhook delivered twice as is and once as a new event, shuffled
    const arrivals: Delivery[] = [receiveStock(env.fake, mug, 2), receiveStock(env.fake, bowl, 1), receiveStock(env.fake, mug, 3), receiveStock(env.fake, bowl, 3)];
    const deliveries = shuffle(
      arrivals.flatMap((d) => [d, d, { ...d, eventId: `${d.eventId}-resent` }]),
      seededRandom(seed),
    );
    for (const [i, delivery] of deliveries.entries()) {
      expect((await deliver(delivery)).status).toBe(200);
      if (i % 3 === 2) await runAllJobs(env.worker, env.clock);
    }
    await runAllJobs(env.worker, env.clock);

    // THEN every order got exactly one charge, of its own balance, and every balance is collected
    const charges = env.fake.payments.payments;
    console.log(`[fault: deposits duplicated+shuffled seed=${seed}] deliveries=${deliveries.length} charges=${charges.length} statuses=${charges.map((c) => c.status).join(",")}`);
    expect(charges).toHaveLength(6);
    for (const order of orders) {
      expect(env.fake.payments.chargesOf(order.id).map((c) => c.amountCents)).toEqual([owed.get(order.id)]);
      expect(env.fake.store.getOrder(order.id).financialStatus).toBe("PAID");
    }
    expect(await prisma.orderBalance.count({ where: { status: "collected" } })).toBe(6);
    expect(await prisma.job.count({ where: { kind: "balance.collect" } })).toBe(6);
    expect(await prisma.job.count({ where: { status: { not: "succeeded" } } })).toBe(0);
    expect(await prisma.orderEvent.count({ where: { kind: "balance_collected" } })).toBe(6);
  });
});

describe("a worker killed mid-charge", () => {
  it("is replaced after its lease expires, and the re-run replays the same charge instead of a second one", async () => {
    // GIVEN a recorded deposit order, its stock arrived, and a worker process that freezes right after Shopify
    // accepted the balance charge (the app never sees the answer)
    const env = await ledgerShop();
    const { variantId } = await backorderableVariant(env, { title: "Teapot", available: 0 });
    env.fake.store.getVariant(variantId).price = "80.00";
    const { order, delivery } = placeDepositOrder(env.fake, { variantId, quantity: 1, email: "ana@example.com" });
    await deliver(delivery);
    await runAllJobs(env.worker, env.clock);
    await deliver(receiveStock(env.fake, variantId, 1));
    const fake = await serveFake(env.fake, env.shop);
    const doomed = startWorkerChild({ workerId: "doomed", fakeUrl: fake.url, execLog: execLogFile(), pauseAfter: "BackorderPilotCollectBalance", leaseMs: 2_000 });
    children.push(doomed);

    // WHEN it is killed with SIGKILL at that point
    await doomed.waitFor("PAUSED");
    doomed.process.kill("SIGKILL");
    await doomed.stop();
    const midCharge = await prisma.orderBalance.findFirstOrThrow({ select: { status: true, paymentReferenceId: true } });
    const paymentsAfterKill = env.fake.payments.payments.length;
    // ... and another worker takes the job over once the lease has run out
    env.clock.advance(5_000);
    await runAllJobs(env.worker, env.clock);
    await fake.close();

    // THEN Shopify had one payment when the worker died and still has one: the same idempotency key replayed it
    const job = await prisma.job.findFirstOrThrow({ where: { kind: "balance.collect" }, select: { status: true, attempts: true } });
    console.log(`[fault: worker killed mid-charge] then: balance ${midCharge.status}, reference ${midCharge.paymentReferenceId}, payments ${paymentsAfterKill}; after: job ${job.status} attempts ${job.attempts}, payments ${env.fake.payments.payments.length}`);
    expect(midCharge).toEqual({ status: "charging", paymentReferenceId: null });
    expect(paymentsAfterKill).toBe(1);
    expect(job).toEqual({ status: "succeeded", attempts: 2 });
    expect(env.fake.payments.payments).toHaveLength(1);
    expect(env.fake.payments.chargesOf(order.id).map((p) => p.amountCents)).toEqual([6400]);
    // ... although the charge was sent twice (the dead worker's, then the re-run's), with the same key
    const sent = env.fake.calls.filter((c) => c.operationName === "BackorderPilotCollectBalance");
    expect(sent).toHaveLength(2);
    expect(new Set(sent.map((c) => c.variables.idempotencyKey)).size).toBe(1);
    expect(await prisma.orderBalance.findFirstOrThrow({ select: { status: true, outstandingMinor: true } })).toEqual({ status: "collected", outstandingMinor: 0 });
  });
});

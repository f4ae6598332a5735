// Fault: the worker process is killed in the middle of a job (after Shopify placed the hold, before the
// ledger recorded it). The lease expires, another worker re-runs the job, and nothing happens twice.
import { afterEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { backorderableVariant, deliver, ledgerShop, placeOrder, receiveStock, runAllJobs } from "../integration/ledger-support";
import { execLogFile, readExecLog, serveFake, startWorkerChild, type WorkerChild } from "./processes";

const children: WorkerChild[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.stop()));
});

describe("a worker killed mid-job", () => {
  it("is replaced after its lease expires, and the re-run adopts what it had done", async () => {
    // GIVEN an order of a sold-out variant, queued, and a worker process that will freeze right after
    // Shopify accepted its fulfillment hold
    const env = await ledgerShop();
    const { variantId } = await backorderableVariant(env, { title: "Teapot", available: 0 });
    const { order, delivery } = placeOrder(env.fake, { variantId, quantity: 2, email: "ana@example.com" });
    await deliver(delivery);
    const fake = await serveFake(env.fake, env.shop);
    const execLog = execLogFile();
    const doomed = startWorkerChild({ workerId: "doomed", fakeUrl: fake.url, execLog, pauseAfter: "BackorderPilotTagAndHold", leaseMs: 2_000 });
    children.push(doomed);

    // WHEN it is killed with SIGKILL at that point
    await doomed.waitFor("PAUSED");
    doomed.process.kill("SIGKILL");
    await doomed.stop();
    const midJob = await prisma.job.findFirstOrThrow({ select: { status: true, leaseOwner: true, attempts: true } });
    const holdsAfterKill = env.fake.store.fulfillmentOrdersOf(order.id).flatMap((fo) => fo.holds).length;
    const linesAfterKill = await prisma.backorderLine.findMany({ select: { holdId: true } });
    // ... and another worker looks for work once the lease has run out
    env.clock.advance(5_000);
    await runAllJobs(env.worker, env.clock);
    await fake.close();

    // THEN the job ran again (attempt 2) and finished; one hold, one tag, one line, one confirmation
    const job = await prisma.job.findFirstOrThrow({ select: { status: true, attempts: true } });
    const holds = env.fake.store.fulfillmentOrdersOf(order.id).flatMap((fo) => fo.holds);
    const lines = await prisma.backorderLine.findMany({ select: { quantity: true, status: true, holdId: true } });
    const emails = await prisma.emailOutbox.count({ where: { kind: "backorder_confirmation" } });
    console.log(
      `[fault: worker killed] killed during attempt ${midJob.attempts} (status ${midJob.status}, owner ${midJob.leaseOwner}), ` +
        `holds on Shopify then=${holdsAfterKill}, ledger hold ids then=${linesAfterKill.filter((l) => l.holdId).length}; ` +
        `after re-run: attempts=${job.attempts} status=${job.status} holds=${holds.length} lines=${lines.length} confirmations=${emails} ` +
        `child attempts logged=${readExecLog(execLog).length}`,
    );
    expect(midJob).toEqual({ status: "running", leaseOwner: "doomed", attempts: 1 });
    expect(holdsAfterKill).toBe(1);
    expect(linesAfterKill.filter((l) => l.holdId)).toHaveLength(0);
    expect(job).toEqual({ status: "succeeded", attempts: 2 });
    expect(holds).toHaveLength(1);
    expect(lines).toEqual([{ quantity: 2, status: "waiting", holdId: holds[0]?.id }]);
    expect(env.fake.store.getOrder(order.id).tags).toEqual(["backorder"]);
    expect(emails).toBe(1);
  });

  it("releases the hold the killed attempt placed but never recorded, when the order was served before the re-run", async () => {
    // GIVEN an order of a sold-out variant, and a worker process killed right after Shopify accepted its
    // hold (so the ledger never recorded it), with a lease that outlasts what follows
    const env = await ledgerShop();
    const { variantId } = await backorderableVariant(env, { title: "Carafe", available: 0 });
    const { order, delivery } = placeOrder(env.fake, { variantId, quantity: 2, email: "ben@example.com" });
    await deliver(delivery);
    const fake = await serveFake(env.fake, env.shop);
    const doomed = startWorkerChild({ workerId: "doomed", fakeUrl: fake.url, execLog: execLogFile(), pauseAfter: "BackorderPilotTagAndHold", leaseMs: 30_000 });
    children.push(doomed);
    await doomed.waitFor("PAUSED");
    doomed.process.kill("SIGKILL");
    await doomed.stop();
    expect(env.fake.store.fulfillmentOrdersOf(order.id).flatMap((fo) => fo.holds)).toHaveLength(1);

    // WHEN the stock arrives and is allocated while the order's job is still leased to the dead worker
    await deliver(receiveStock(env.fake, variantId, 2));
    const inventoryJob = await prisma.job.findFirstOrThrow({ where: { status: "queued" }, select: { runAt: true } });
    env.clock.advance(Math.max(0, inventoryJob.runAt.getTime() - env.clock.now()) + 1);
    await env.worker.drain();
    const served = await prisma.backorderLine.findMany({ select: { status: true, holdId: true } });
    const stillLeased = await prisma.job.findFirstOrThrow({ where: { kind: "order.sync" }, select: { status: true, attempts: true } });
    // ... and the order's job runs again once the lease has run out
    env.clock.advance(31_000);
    await runAllJobs(env.worker, env.clock);
    await fake.close();

    // THEN the line was served without a recorded hold, the re-run (attempt 2) released the stray hold,
    // and the order can ship
    expect(served).toEqual([{ status: "allocated", holdId: null }]);
    expect(stillLeased).toEqual({ status: "running", attempts: 1 });
    expect(await prisma.job.findFirstOrThrow({ where: { kind: "order.sync" }, select: { status: true, attempts: true } })).toEqual({ status: "succeeded", attempts: 2 });
    expect(env.fake.store.fulfillmentOrdersOf(order.id).flatMap((fo) => fo.holds)).toEqual([]);
    expect(env.fake.store.fulfillmentOrdersOf(order.id).some((fo) => fo.status === "ON_HOLD")).toBe(false);
  });
});

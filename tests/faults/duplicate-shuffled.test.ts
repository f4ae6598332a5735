// Fault: Shopify delivers every webhook three times, in any order. The ledger must end where Shopify is,
// with every email sent exactly once.
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { deliver, ledgerShop, runAllJobs } from "../integration/ledger-support";
import { scriptedHistory, seededRandom, shuffle, verifyLedger } from "./support";

describe("every webhook delivered 3 times, shuffled", () => {
  it.each([11, 42])("ends with the right ledger and no lost or duplicated email (seed %i)", async (seed) => {
    // GIVEN a shop history of 12 orders, 3 stock arrivals and a cancellation, and its webhooks ×3, shuffled
    const env = await ledgerShop();
    const scenario = await scriptedHistory(env);
    const deliveries = shuffle(scenario.deliveries.flatMap((d) => [d, d, d]), seededRandom(seed));

    // WHEN they all arrive (jobs running in between, as a worker would) and the queue drains
    const statuses: number[] = [];
    for (const [i, delivery] of deliveries.entries()) {
      statuses.push((await deliver(delivery)).status);
      if (i % 7 === 6) await runAllJobs(env.worker, env.clock);
    }
    await runAllJobs(env.worker, env.clock);

    // THEN every delivery was acknowledged, each event stored once, and the ledger matches Shopify
    const report = await verifyLedger(env.fake, scenario);
    const jobs = await prisma.job.groupBy({ by: ["status"], _count: { _all: true } });
    console.log(
      `[fault: duplicated+shuffled seed=${seed}] deliveries=${deliveries.length} events=${await prisma.webhookEvent.count()} ` +
        `jobs=${JSON.stringify(Object.fromEntries(jobs.map((j) => [j.status, j._count._all])))} lines=${report.lines} ` +
        `(waiting ${report.waiting}, allocated ${report.allocated}, cancelled ${report.cancelled}) emails=${JSON.stringify(report.emails)} ` +
        `lost=${report.lost} duplicated=${report.duplicates}`,
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(await prisma.webhookEvent.count()).toBe(scenario.deliveries.length);
    expect(await prisma.job.count({ where: { status: { not: "succeeded" } } })).toBe(0);
    expect(report.lost).toBe(0);
    expect(report.duplicates).toBe(0);
  });
});

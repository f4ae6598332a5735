// Fault: the Admin API throttles (THROTTLED cost errors and HTTP 429) throughout, on a small bucket. Jobs
// wait, retry and finish: the ledger ends right, nothing is lost or sent twice.
import { describe, expect, it } from "vitest";
import { http } from "msw";
import prisma from "~/db.server";
import { mswServer } from "../setup/vitest.setup";
import { deliver, ledgerShop, runAllJobs } from "../integration/ledger-support";
import { scriptedHistory, verifyLedger } from "./support";

describe("Admin API throttling", () => {
  it("delays the work but loses and duplicates nothing", async () => {
    // GIVEN a shop on a small bucket (1,000 points, 20/s) whose API also throttles calls on purpose
    const env = await ledgerShop({ bucket: { maximumAvailable: 1_000, restoreRate: 20 } });
    const scenario = await scriptedHistory(env);
    let calls = 0;
    // In front of the fake: every 3rd request is answered THROTTLED, every 5th (not 3rd) HTTP 429, and
    // twice a burst longer than the client's 4 attempts, so whole jobs fail and are retried later.
    mswServer.use(
      http.post(env.fake.graphqlUrl, () => {
        calls++;
        if (calls === 40 || calls === 120) env.fake.throttleNext(5, "THROTTLED");
        else if (calls % 3 === 0) env.fake.throttleNext(1, "THROTTLED");
        else if (calls % 5 === 0) env.fake.throttleNext(1, "429");
        return undefined; // falls through to the fake
      }),
    );

    // WHEN the webhooks arrive in order and the worker works through them
    for (const delivery of scenario.deliveries) {
      expect((await deliver(delivery)).status).toBe(200);
      await runAllJobs(env.worker, env.clock);
    }

    // THEN every job succeeded in the end, and the ledger and emails are exactly right
    const report = await verifyLedger(env.fake, scenario);
    const retriedJobs = await prisma.job.count({ where: { attempts: { gt: 1 } } });
    console.log(
      `[fault: Admin throttled] requests=${env.fake.stats.requests} THROTTLED=${env.fake.stats.throttled} HTTP429=${env.fake.stats.http429} ` +
        `jobs retried=${retriedJobs}/${await prisma.job.count()} lines=${report.lines} (waiting ${report.waiting}, allocated ${report.allocated}) ` +
        `emails=${JSON.stringify(report.emails)} lost=${report.lost} duplicated=${report.duplicates}`,
    );
    expect(env.fake.stats.throttled + env.fake.stats.http429).toBeGreaterThan(10);
    expect(await prisma.job.count({ where: { status: { not: "succeeded" } } })).toBe(0);
    expect(report.lost).toBe(0);
    expect(report.duplicates).toBe(0);
  });
});

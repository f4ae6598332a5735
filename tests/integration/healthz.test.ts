// GET /healthz (docs/deploy.md): the database answers, and the job queue's lag, for a load balancer or an
// orchestrator; public, never cached, no shop data.
import { beforeEach, describe, expect, it } from "vitest";
import prisma, { DATABASE_PROVIDER } from "~/db.server";
import { loader } from "~/routes/healthz";
import { appUrl } from "../helpers/requests";
import { callRoute } from "../helpers/routes";

const get = (query = "") => callRoute(loader, new Request(appUrl(`/healthz${query}`)));

beforeEach(async () => {
  await prisma.job.deleteMany({});
});

describe("the health check", () => {
  it("answers 200 with the database reachable and no lag when no job waits", async () => {
    // GIVEN an empty queue WHEN the check is called
    const response = await get();
    // THEN 200, not cached, the database reachable, nothing due
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ status: "ok", database: { provider: DATABASE_PROVIDER, reachable: true }, queue: { due: 0, lagSeconds: 0 } });
  });

  it("reports how long the oldest due job has waited, fails only past the caller's limit, and ignores jobs not yet due", async () => {
    // GIVEN a job due 2 minutes ago, one due 10 s ago (two shops), and one due tomorrow
    const now = Date.now();
    const job = (shop: string, runAt: number) => ({ shop, kind: "test.probe", payload: "{}", status: "queued", attempts: 0, maxAttempts: 3, runAt: new Date(runAt) });
    await prisma.job.createMany({ data: [job("a.myshopify.com", now - 120_000), job("b.myshopify.com", now - 10_000), job("a.myshopify.com", now + 86_400_000)] });

    // WHEN the check is called without a limit THEN 200, 2 due, about 120 s of lag
    const plain = await get();
    expect(plain.status).toBe(200);
    const body = (await plain.json()) as { queue: { due: number; lagSeconds: number } };
    expect(body.queue.due).toBe(2);
    expect(body.queue.lagSeconds).toBeGreaterThanOrEqual(119);
    expect(body.queue.lagSeconds).toBeLessThan(180);

    // WHEN a worker's monitor allows 60 s THEN 503 "lagging"; WHEN it allows 600 s THEN 200
    const strict = await get("?maxLagSeconds=60");
    expect(strict.status).toBe(503);
    expect(await strict.json()).toMatchObject({ status: "lagging" });
    expect((await get("?maxLagSeconds=600")).status).toBe(200);
  });

  it("refuses a malformed limit with 400 and the reason", async () => {
    // GIVEN limits that are not whole seconds from 1 to 86400 WHEN the check is called THEN 400 with the reason
    for (const bad of ["abc", "0", "-5", "1.5", "86401", "999999999"]) {
      const response = await get(`?maxLagSeconds=${bad}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: "maxLagSeconds must be a whole number of seconds from 1 to 86400" });
    }
  });
});

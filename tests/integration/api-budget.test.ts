// Issue 16, the Admin API budget: what an order job spends, that it is recorded on the job and shown on
// Activity, that the job reads the order once (status, fulfillment orders and stock in one request) and
// tags the order with its hold, and that background clients leave a reserve in the bucket for admin pages.
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { loadActivity } from "~/jobs/activity.server";
import { INTERACTIVE_RESERVE_SHARE, createAdminClient, createBucketModel, interactiveReserve } from "~/shopify/admin-client.server";
import { readVariantInventory } from "~/shopify/inventory.server";
import { unauthenticated } from "~/shopify.server";
import { backorderableVariant, deliver, ledgerShop, outbox, placeOrder, runAllJobs } from "./ledger-support";

describe("Admin API budget of an order job", () => {
  it("reads the order once, tags it with its hold, and records the points on the job shown in Activity", async () => {
    // GIVEN a backorderable variant with no stock
    const env = await ledgerShop();
    const { variantId } = await backorderableVariant(env, { title: "Vase", available: 0 });
    // WHEN an order for it arrives as a webhook and the jobs run
    const { order, delivery } = placeOrder(env.fake, { variantId, email: "ana@example.com", locale: "fr" });
    const callsBefore = env.fake.calls.length;
    expect((await deliver(delivery)).status).toBe(200);
    await runAllJobs(env.worker, env.clock);

    // THEN the order job made one read of the order (status, fulfillment orders and stock together) and
    // one mutation request carrying the tag and the hold; nothing re-read the order (the ledger pass
    // after recording still re-reads the variant's stock once)
    const calls = env.fake.calls.slice(callsBefore);
    const names = calls.map((c) => c.operationName);
    expect(names.filter((n) => n === "BackorderPilotOrderForBackorder")).toHaveLength(1);
    expect(names.filter((n) => n === "BackorderPilotTagAndHold")).toHaveLength(1);
    expect(names).not.toContain("BackorderPilotOrderStatus");
    expect(names).not.toContain("BackorderPilotOrderFulfillmentOrders");
    expect(names).not.toContain("BackorderPilotTagOrder");
    expect(names.filter((n) => n === "BackorderPilotVariantInventory")).toHaveLength(1);
    expect(env.fake.store.getOrder(order.id).tags).toContain("backorder");
    // the customer's language and address came from the payload
    const [confirmation] = await outbox("backorder_confirmation");
    expect(confirmation?.toEmail).toBe("ana@example.com");

    // AND the job row carries what Shopify charged for it, as Activity shows it
    const job = await prisma.job.findFirstOrThrow({ where: { kind: "order.sync" } });
    const charged = calls.reduce((sum, c) => sum + c.actualQueryCost, 0);
    const requested = calls.reduce((sum, c) => sum + c.requestedQueryCost, 0);
    expect(job.adminCalls).toBe(calls.length);
    expect(job.adminPointsUsed).toBe(charged);
    expect(job.adminPointsRequested).toBe(requested);
    const activity = await loadActivity({ shop: env.shop });
    const shown = activity.recent.find((j) => j.id === job.id);
    expect(shown).toMatchObject({ adminCalls: calls.length, adminPointsUsed: charged });
  });
});

describe("interactive reserve", () => {
  it("makes a background client wait while the bucket is under the reserve, but not an interactive one", async () => {
    // GIVEN a shop on a tiny bucket (20 points, 1/s: a reserve of half of it, 10) and a background client sharing the
    // shop's model
    const env = await ledgerShop({ bucket: { maximumAvailable: 20, restoreRate: 1 } });
    const { variantId } = await backorderableVariant(env, { title: "Bowl", available: 3 });
    const { admin } = await unauthenticated.admin(env.shop);
    const bucket = createBucketModel();
    const waits: number[] = [];
    const background = createAdminClient(admin.graphql, {
      bucket,
      reserveShare: INTERACTIVE_RESERVE_SHARE,
      now: env.clock.now,
      sleep: async (ms) => {
        waits.push(ms);
        await env.clock.sleep(ms);
      },
    });
    // WHEN it reads until the bucket is low (each read requests 3 points)
    await readVariantInventory(background, env.shop, [variantId]);
    expect(waits).toEqual([]);
    for (let i = 0; i < 6; i++) await readVariantInventory(background, env.shop, [variantId]);
    // THEN its calls waited for the bucket to hold the call plus the reserve, and Shopify never answered
    // THROTTLED
    expect(waits.length).toBeGreaterThan(0);
    expect(background.stats.reserveWaits + background.stats.proactiveWaits).toBeGreaterThan(0);
    expect(env.fake.stats.throttled).toBe(0);
    const after = env.fake.throttleStatus().currentlyAvailable;
    expect(after).toBeGreaterThanOrEqual(interactiveReserve(20, INTERACTIVE_RESERVE_SHARE) - 3);
    // AND an interactive client (no reserve) can still spend the reserve at once
    const interactiveWaits: number[] = [];
    const page = createAdminClient(admin.graphql, {
      bucket,
      now: env.clock.now,
      sleep: async (ms) => {
        interactiveWaits.push(ms);
        await env.clock.sleep(ms);
      },
    });
    await readVariantInventory(page, env.shop, [variantId]);
    expect(interactiveWaits).toEqual([]);
    expect(env.fake.stats.throttled).toBe(0);
  });
});

describe("the reserve's size", () => {
  it("always holds the largest admin-page read, and 20 % of a large bucket", () => {
    // GIVEN Shopify's buckets (Standard 2,000, Advanced 4,000, Plus 20,000) and the Products list's read,
    // which requests 622 points
    // WHEN background clients compute what they leave for admin pages
    // THEN it is at least 622 points on every plan, 20 % where that is more, half of a tiny bucket, and
    // nothing for interactive clients
    expect(interactiveReserve(2_000, INTERACTIVE_RESERVE_SHARE)).toBe(700);
    expect(interactiveReserve(4_000, INTERACTIVE_RESERVE_SHARE)).toBe(800);
    expect(interactiveReserve(20_000, INTERACTIVE_RESERVE_SHARE)).toBe(4_000);
    expect(interactiveReserve(20, INTERACTIVE_RESERVE_SHARE)).toBe(10);
    expect(interactiveReserve(2_000, 0)).toBe(0);
  });
});

// When promises move: the minimum slip worth a delay email, good-news emails for earlier dates, the first
// restock of a variant the app did not follow yet, and orders that take a variant past its cap.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { enqueueVariantRecompute } from "~/jobs/schedule.server";
import { previewDateChanges } from "~/workflows/ledger/preview.server";
import { loadEtaSettings } from "~/workflows/catalog/eta.server";
import { backorderableVariant, deliver, ledgerShop, outbox, placeOrder, receiveStock, runAllJobs, type LedgerShop } from "./ledger-support";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
});

const day = (n: number) => new Date(env.clock.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A sold-out variant with one batch `inDays` out and one waiting, confirmed customer. */
async function waitingCustomer(inDays: number) {
  const { variantId } = await backorderableVariant(env, { title: "Dinner Plate", available: 0, leadTimeDays: 90 });
  const row = await prisma.backorderVariant.findFirstOrThrow({ where: { variantId }, select: { id: true } });
  const batch = await prisma.incomingBatch.create({ data: { shop: env.shop, backorderVariantId: row.id, quantity: 5, expectedOn: day(inDays) } });
  await deliver(placeOrder(env.fake, { variantId, email: "ana@example.com" }).delivery);
  await runAllJobs(env.worker, env.clock);
  const line = await prisma.backorderLine.findFirstOrThrow({ select: { notifiedLatest: true } });
  return { variantId, batchId: batch.id, told: line.notifiedLatest as string };
}

async function moveBatch(variantId: string, batchId: string, expectedOn: string) {
  await prisma.incomingBatch.updateMany({ where: { id: batchId, shop: env.shop }, data: { expectedOn } });
  await enqueueVariantRecompute({ shop: env.shop, variantIds: [variantId], now: env.clock.date() });
  await runAllJobs(env.worker, env.clock);
}

async function settings(data: { delayMinSlipDays?: number; earlierDateEmails?: boolean }) {
  await prisma.shopSettings.upsert({ where: { shop: env.shop }, create: { shop: env.shop, ...data }, update: data });
}

describe("delay emails respect the shop's minimum slip", () => {
  it("sends nothing for a slip below the minimum, and one email once it reaches it", async () => {
    // GIVEN a shop that only emails delays of 7 days or more, and a customer told a date from a batch in 20 days
    await settings({ delayMinSlipDays: 7 });
    const { variantId, batchId, told } = await waitingCustomer(20);
    // WHEN the batch slips 2 days
    await moveBatch(variantId, batchId, day(22));
    // THEN no email, and the customer's told date stays what they were told
    expect(await outbox("delay_notice")).toEqual([]);
    expect((await prisma.backorderLine.findFirstOrThrow({ select: { notifiedLatest: true } })).notifiedLatest).toBe(told);
    // WHEN it slips 12 days in all
    await moveBatch(variantId, batchId, day(32));
    // THEN exactly one delay email
    expect((await outbox("delay_notice")).map((e) => e.toEmail)).toEqual(["ana@example.com"]);
  });
});

describe("earlier dates", () => {
  it("send a good-news email only when the shop turned them on", async () => {
    // GIVEN a customer waiting on a batch in 30 days, in a shop without good-news emails
    const { variantId, batchId } = await waitingCustomer(30);
    // WHEN the batch comes 10 days earlier
    await moveBatch(variantId, batchId, day(20));
    // THEN nothing is sent
    expect(await outbox("earlier_date")).toEqual([]);

    // WHEN the shop turns good-news emails on and the batch comes 5 days earlier still
    await settings({ earlierDateEmails: true });
    await moveBatch(variantId, batchId, day(15));
    // THEN one good-news email, in the customer's language, and a later slip back is a delay again
    const good = await outbox("earlier_date");
    expect(good).toEqual([expect.objectContaining({ toEmail: "ana@example.com", subject: expect.stringContaining("coming sooner") })]);
    await moveBatch(variantId, batchId, day(25));
    expect((await outbox("delay_notice")).length).toBe(1);
  });
});

describe("back in stock", () => {
  it("tells subscribers on the first restock of a variant the app did not follow yet", async () => {
    // GIVEN a sold-out product the app does not manage, with one notify-me subscriber
    const { variants } = env.fake.store.addProduct({ title: "Linen Apron", variants: [{ sku: "APRON", available: 0, inventoryPolicy: "DENY" }] });
    const variantId = variants[0]?.id as string;
    await prisma.notifySubscription.create({ data: { shop: env.shop, variantId, email: "sub@example.com", unsubscribeToken: randomUUID() } });
    // WHEN 3 units arrive and Shopify sends inventory_levels/update
    await deliver(receiveStock(env.fake, variantId, 3));
    await runAllJobs(env.worker, env.clock);
    // THEN the subscriber gets the back-in-stock email
    expect((await outbox("back_in_stock")).map((e) => e.toEmail)).toEqual(["sub@example.com"]);
  });
});

describe("the cap of units owed", () => {
  it("flags an order that takes the variant past its cap and tags it for the merchant", async () => {
    // GIVEN a sold-out variant capped at 3 owed units, with 2 already owed
    const { variantId } = await backorderableVariant(env, { title: "Raku Bowl", available: 0 });
    await prisma.backorderVariant.updateMany({ where: { shop: env.shop, variantId }, data: { cap: 3 } });
    await deliver(placeOrder(env.fake, { variantId, quantity: 2, email: "first@example.com" }).delivery);
    await runAllJobs(env.worker, env.clock);
    // WHEN an order for 9 more arrives (the storefront limits the quantity, but Shopify accepted it)
    const { order, delivery } = placeOrder(env.fake, { variantId, quantity: 9, email: "big@example.com" });
    await deliver(delivery);
    await runAllJobs(env.worker, env.clock);
    // THEN its line is flagged over the cap, the order carries the tag, and the first order is not flagged
    const lines = await prisma.backorderLine.findMany({ select: { customerEmail: true, overCap: true }, orderBy: { orderedAt: "asc" } });
    expect(lines).toEqual([
      { customerEmail: "first@example.com", overCap: false },
      { customerEmail: "big@example.com", overCap: true },
    ]);
    expect(env.fake.store.getOrder(order.id).tags).toEqual(expect.arrayContaining(["backorder", "backorder-over-cap"]));
  });
});

describe("previewing a change before it is saved", () => {
  it("counts the customers a batch move or a margin change would email, and writes nothing", async () => {
    // GIVEN a customer waiting on a batch in 20 days (default minimum slip: 1 day)
    const { variantId, batchId } = await waitingCustomer(20);
    const outboxBefore = (await outbox()).length;
    // WHEN the merchant is about to move the batch 10 days later
    const moved = await previewDateChanges({
      shop: env.shop,
      now: env.clock.date(),
      variantIds: [variantId],
      adjust: (row) => ({ ...row, batches: row.batches.map((b) => (b.id === batchId ? { ...b, expectedOn: day(30) } : b)) }),
    });
    // THEN one customer would get a delay email; moving it 10 days earlier would email nobody (good news is off)
    expect(moved).toEqual({ delayed: 1, earlier: 0 });
    const earlier = await previewDateChanges({
      shop: env.shop,
      now: env.clock.date(),
      variantIds: [variantId],
      adjust: (row) => ({ ...row, batches: row.batches.map((b) => ({ ...b, expectedOn: day(10) })) }),
    });
    expect(earlier).toEqual({ delayed: 0, earlier: 0 });
    // WHEN the merchant is about to raise the safety margin by 15 days, shop-wide
    const saved = await loadEtaSettings({ shop: env.shop });
    const margin = await previewDateChanges({ shop: env.shop, now: env.clock.date(), settings: { ...saved, eta: { ...saved.eta, safetyMarginDays: 17 } } });
    // THEN that customer too; and nothing was written or sent by previewing
    expect(margin.delayed).toBe(1);
    expect((await prisma.incomingBatch.findFirstOrThrow({ select: { expectedOn: true } })).expectedOn).toBe(day(20));
    expect((await outbox()).length).toBe(outboxBefore);
  });
});

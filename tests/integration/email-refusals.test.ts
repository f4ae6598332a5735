// An email the outbox refuses (a malformed customer address) never blocks the ledger, never disappears:
// the other customers are told, and the merchant sees the refused email under Notifications › Failed.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { enqueueVariantRecompute } from "~/jobs/schedule.server";
import { countOutboxEmails, listOutboxEmails, retryOutboxEmail } from "~/models/email-outbox.server";
import { backorderableVariant, deliver, ledgerShop, placeOrder, runAllJobs, type LedgerShop } from "./ledger-support";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
});

/** Ana (malformed address) then Ben order a sold-out mug; every job runs. */
async function twoBackorders() {
  const { variantId } = await backorderableVariant(env, { title: "Stoneware Mug", available: 0 });
  const ana = placeOrder(env.fake, { variantId, quantity: 1, email: "ana.example.com", firstName: "Ana" });
  env.clock.advance(1_000);
  const ben = placeOrder(env.fake, { variantId, quantity: 2, email: "ben@example.com", firstName: "Ben" });
  for (const { delivery } of [ana, ben]) expect((await deliver(delivery)).status).toBe(200);
  await runAllJobs(env.worker, env.clock);
  return { variantId, ana: ana.order, ben: ben.order };
}

const emails = () =>
  prisma.emailOutbox.findMany({
    select: { kind: true, toEmail: true, status: true, subject: true, lastError: true },
    orderBy: [{ toEmail: "asc" }, { kind: "asc" }],
  });

describe("an email the outbox refuses", () => {
  it("is listed as failed for the merchant with its order and reason while the other customer is confirmed", async () => {
    // GIVEN / WHEN two backorders, the first customer's address malformed
    const { ana } = await twoBackorders();

    // THEN Ben's confirmation waits to go out, and Ana's is a dead email naming her order and why
    expect(await emails()).toEqual([
      expect.objectContaining({ kind: "backorder_confirmation", toEmail: "ana.example.com", status: "dead", subject: ana.name, lastError: expect.stringMatching(/Invalid recipient/) }),
      expect.objectContaining({ kind: "backorder_confirmation", toEmail: "ben@example.com", status: "pending", lastError: null }),
    ]);
    // ... which the Notifications page counts and lists under Failed
    expect((await countOutboxEmails({ shop: env.shop })).dead).toBe(1);
    expect((await listOutboxEmails({ shop: env.shop, filter: "failed" })).rows.map((e) => e.toEmail)).toEqual(["ana.example.com"]);
    // ... and the ledger went on for both: each line is confirmed, no job failed
    const lines = await prisma.backorderLine.findMany({ where: { shop: env.shop }, select: { notifiedLatest: true } });
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.notifiedLatest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await prisma.job.count({ where: { status: { not: "succeeded" } } })).toBe(0);
  });

  it("cannot be retried from the admin: it would send an empty email to the same bad address", async () => {
    // GIVEN Ana's refused confirmation
    await twoBackorders();
    const refused = await prisma.emailOutbox.findFirstOrThrow({ where: { toEmail: "ana.example.com" }, select: { id: true } });
    // WHEN the merchant presses Retry on it
    const result = await retryOutboxEmail({ shop: env.shop, id: refused.id });
    // THEN it is refused and the row stays dead
    expect(result).toBe("not_retryable");
    expect((await prisma.emailOutbox.findUniqueOrThrow({ where: { id: refused.id }, select: { status: true } })).status).toBe("dead");
  });

  it("refuses the customer's later delay notice visibly too, once however often the ledger passes", async () => {
    // GIVEN the two confirmed backorders, Ana's confirmation refused
    const { variantId } = await twoBackorders();

    // WHEN the supplier's lead time doubles and the variant is recomputed, then recomputed again
    await prisma.backorderVariant.updateMany({ where: { shop: env.shop, variantId }, data: { leadTimeDays: 60 } });
    for (let i = 0; i < 2; i++) {
      env.clock.advance(60_000);
      await enqueueVariantRecompute({ shop: env.shop, variantIds: [variantId], now: env.clock.date() });
      await runAllJobs(env.worker, env.clock);
    }

    // THEN Ben gets his delay notice, and Ana's is a second failed email, each exactly once
    expect((await emails()).map((e) => [e.kind, e.toEmail, e.status])).toEqual([
      ["backorder_confirmation", "ana.example.com", "dead"],
      ["delay_notice", "ana.example.com", "dead"],
      ["backorder_confirmation", "ben@example.com", "pending"],
      ["delay_notice", "ben@example.com", "pending"],
    ]);
  });
});

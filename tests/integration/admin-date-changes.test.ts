// Admin saves that move promised dates: they ask first ("this will email N customers": 409 with the
// counts, nothing written), and once saved the delay detection runs at once (a recompute job is queued),
// on the product page (variant settings, batch add / edit / remove) and on the settings page.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action as productAction } from "~/routes/app.products.$id";
import { action as settingsAction } from "~/routes/app.settings";
import { defaultSettingsValues } from "~/models/settings.server";
import type { SettingsValues } from "~/validation/settings";
import { callRoute } from "../helpers/routes";
import { embeddedFetchRequest } from "../helpers/requests";
import { backorderableVariant, deliver, ledgerShop, numericId, outbox, placeOrder, runAllJobs, type LedgerShop } from "./ledger-support";
import { settingsForm } from "../helpers/settings-form";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
});

const day = (n: number) => new Date(env.clock.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A sold-out variant on backorder, one batch of 5 in `inDays` days, and one waiting customer told its date. */
async function waitingCustomer({ inDays = 20, leadTimeDays = 90 }: { inDays?: number | null; leadTimeDays?: number } = {}) {
  const { productId, variantId } = await backorderableVariant(env, { title: "Dinner Plate", available: 0, leadTimeDays });
  const row = await prisma.backorderVariant.findFirstOrThrow({ where: { variantId }, select: { id: true } });
  const batch =
    inDays === null ? null : await prisma.incomingBatch.create({ data: { shop: env.shop, backorderVariantId: row.id, quantity: 5, expectedOn: day(inDays), supplier: "Atelier Nord" } });
  await deliver(placeOrder(env.fake, { variantId, email: "ana@example.com" }).delivery);
  await runAllJobs(env.worker, env.clock);
  const line = await prisma.backorderLine.findFirstOrThrow({ select: { notifiedLatest: true } });
  expect(line.notifiedLatest).not.toBeNull();
  return { productNumber: String(numericId(productId)), variantId, batchId: batch?.id ?? "" };
}

async function postProduct(productNumber: string, fields: Record<string, string>) {
  const response = await callRoute(
    productAction,
    await embeddedFetchRequest(`/app/products/${productNumber}`, { init: { method: "POST", body: new URLSearchParams(fields) } }),
    { id: productNumber },
  );
  return { status: response.status, body: (await response.json()) as { ok: boolean; confirm?: { delayed: number; earlier: number } } };
}

async function batchForm(batchId: string, changes: Record<string, string>) {
  const batch = await prisma.incomingBatch.findUniqueOrThrow({ where: { id: batchId }, include: { variant: { select: { variantId: true } } } });
  return {
    intent: "save-batch",
    variantId: batch.variant.variantId,
    batchId,
    version: String(batch.version),
    quantity: String(batch.quantity),
    expectedOn: batch.expectedOn,
    receivedOn: batch.receivedOn ?? "",
    supplier: batch.supplier ?? "",
    ...changes,
  };
}

const variantForm = (variantId: string, changes: Record<string, string>) => ({
  intent: "save-variant",
  variantId,
  mode: "always",
  cap: "",
  leadTimeDays: "90",
  capacityPerWeek: "",
  startsOn: "",
  endsOn: "",
  messageEn: "",
  messageFr: "",
  ...changes,
});

async function recomputeJobs() {
  return prisma.job.findMany({ where: { kind: "variants.recompute", status: "queued" }, select: { payload: true } });
}

async function shopSettings(data: { delayMinSlipDays?: number; earlierDateEmails?: boolean }) {
  await prisma.shopSettings.upsert({ where: { shop: env.shop }, create: { shop: env.shop, ...data }, update: data });
}

describe("product page: saves that move dates ask first, then delay emails go out at once", () => {
  it("a batch moved 10 days later emails the waiting customer a delay notice right after the confirmed save", async () => {
    // GIVEN a customer told a date served by a batch in 20 days
    const { productNumber, batchId } = await waitingCustomer();

    // WHEN the merchant moves the batch 10 days later, confirms, and the worker picks up what the save queued
    const saved = await postProduct(productNumber, await batchForm(batchId, { expectedOn: day(30), confirmDateChanges: "1" }));
    await runAllJobs(env.worker, env.clock);

    // THEN the batch is saved and the customer got one delay notice, without any stock event
    expect(saved.status).toBe(200);
    expect((await prisma.incomingBatch.findUniqueOrThrow({ where: { id: batchId } })).expectedOn).toBe(day(30));
    expect((await outbox("delay_notice")).map((e) => e.toEmail)).toEqual(["ana@example.com"]);
  });

  it("answers 409 with the customers it would email and writes nothing when the batch move is not confirmed", async () => {
    // GIVEN a customer told a date served by a batch in 20 days
    const { productNumber, batchId } = await waitingCustomer();

    // WHEN the merchant saves the batch 10 days later without having confirmed
    const answer = await postProduct(productNumber, await batchForm(batchId, { expectedOn: day(30) }));
    await runAllJobs(env.worker, env.clock);

    // THEN the page is told one customer would get a delay email; the batch, the jobs and the outbox are untouched
    expect(answer.status).toBe(409);
    expect(answer.body.confirm).toEqual({ delayed: 1, earlier: 0 });
    const batch = await prisma.incomingBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch).toMatchObject({ expectedOn: day(20), version: 1 });
    expect(await outbox("delay_notice")).toEqual([]);
    expect(await prisma.job.count({ where: { kind: "variants.recompute" } })).toBe(0);
  });

  it("asks before removing the batch a customer is waiting on, and removes it once confirmed", async () => {
    // GIVEN a customer served by the only batch (else a 90-day lead time)
    const { productNumber, variantId, batchId } = await waitingCustomer();

    // WHEN the merchant removes the batch, first without confirming
    const asked = await postProduct(productNumber, { intent: "remove-batch", variantId, batchId });

    // THEN nothing is removed and the answer names one delayed customer
    expect(asked.status).toBe(409);
    expect(asked.body.confirm).toEqual({ delayed: 1, earlier: 0 });
    expect(await prisma.incomingBatch.count()).toBe(1);

    // WHEN the merchant confirms
    const removed = await postProduct(productNumber, { intent: "remove-batch", variantId, batchId, confirmDateChanges: "1" });
    await runAllJobs(env.worker, env.clock);

    // THEN the batch is gone and the delay notice went out
    expect(removed.status).toBe(200);
    expect(await prisma.incomingBatch.count()).toBe(0);
    expect((await outbox("delay_notice")).map((e) => e.toEmail)).toEqual(["ana@example.com"]);
  });

  it("asks before a longer lead time moves a waiting customer's date, and saves and queues the recompute once confirmed", async () => {
    // GIVEN a customer whose date comes from the variant's 30-day lead time (no batch)
    const { productNumber, variantId } = await waitingCustomer({ inDays: null, leadTimeDays: 30 });

    // WHEN the merchant sets a 60-day lead time without confirming
    const asked = await postProduct(productNumber, variantForm(variantId, { leadTimeDays: "60" }));

    // THEN 409, the lead time is still 30
    expect(asked.status).toBe(409);
    expect(asked.body.confirm).toEqual({ delayed: 1, earlier: 0 });
    expect((await prisma.backorderVariant.findFirstOrThrow()).leadTimeDays).toBe(30);

    // WHEN the merchant confirms
    const saved = await postProduct(productNumber, variantForm(variantId, { leadTimeDays: "60", confirmDateChanges: "1" }));

    // THEN it is saved, a recompute of that variant is queued, and running it sends the delay notice
    expect(saved.status).toBe(200);
    expect((await prisma.backorderVariant.findFirstOrThrow()).leadTimeDays).toBe(60);
    expect(await recomputeJobs()).toEqual([{ payload: JSON.stringify({ variantIds: [variantId] }) }]);
    await runAllJobs(env.worker, env.clock);
    expect((await outbox("delay_notice")).map((e) => e.toEmail)).toEqual(["ana@example.com"]);
  });

  it("saves at once, without asking, a batch that moves nobody's date, and still queues the recompute", async () => {
    // GIVEN a customer served by a batch in 20 days
    const { productNumber, variantId } = await waitingCustomer();

    // WHEN the merchant adds a second batch, 60 days out (it serves nobody waiting)
    const saved = await postProduct(productNumber, {
      intent: "save-batch",
      variantId,
      quantity: "10",
      expectedOn: day(60),
      receivedOn: "",
      supplier: "",
      submissionKey: "second-batch-key",
    });

    // THEN no question: it is saved and the variant's recompute is queued
    expect(saved.status).toBe(200);
    expect(saved.body.confirm).toBeUndefined();
    expect(await prisma.incomingBatch.count()).toBe(2);
    expect(await recomputeJobs()).toEqual([{ payload: JSON.stringify({ variantIds: [variantId] }) }]);
  });

  it("counts earlier-date emails separately when the shop sends them", async () => {
    // GIVEN a shop that tells customers when their date moves earlier, and a customer on a batch in 30 days
    await shopSettings({ earlierDateEmails: true });
    const { productNumber, batchId } = await waitingCustomer({ inDays: 30 });

    // WHEN the merchant moves the batch 15 days earlier without confirming
    const asked = await postProduct(productNumber, await batchForm(batchId, { expectedOn: day(15) }));

    // THEN the answer names one earlier-date email and no delay
    expect(asked.status).toBe(409);
    expect(asked.body.confirm).toEqual({ delayed: 0, earlier: 1 });
  });

  it("a stale edit is told about the conflict first, and asked to confirm once reloaded", async () => {
    // GIVEN a batch someone else saved since this form loaded it
    const { productNumber, batchId } = await waitingCustomer();
    const stale = await batchForm(batchId, { expectedOn: day(30) });
    await prisma.incomingBatch.update({ where: { id: batchId }, data: { quantity: 6, version: { increment: 1 } } });

    // WHEN the old form saves a change that would email the customer
    const answer = await postProduct(productNumber, stale);

    // THEN 409 is the conflict, with no confirmation asked (it could not be saved anyway)
    expect(answer.status).toBe(409);
    expect(answer.body.confirm).toBeUndefined();
    expect(JSON.stringify(answer.body)).toMatch(/Someone else changed this/);

    // WHEN the merchant reloads and saves the same move
    const reloaded = await postProduct(productNumber, await batchForm(batchId, { expectedOn: day(30) }));

    // THEN now the question is asked, and the batch is still where it was
    expect(reloaded.status).toBe(409);
    expect(reloaded.body.confirm).toEqual({ delayed: 1, earlier: 0 });
    expect((await prisma.incomingBatch.findUniqueOrThrow({ where: { id: batchId } })).expectedOn).toBe(day(20));
  });
});

async function postSettings(settings: SettingsValues, extra: Record<string, string> = {}) {
  const response = await callRoute(settingsAction, await embeddedFetchRequest("/app/settings", { init: { method: "POST", body: settingsForm(settings, extra) } }));
  return { status: response.status, body: (await response.json()) as { ok: boolean; confirm?: { delayed: number; earlier: number } } };
}

const withDefaults = (patch: Partial<SettingsValues>): SettingsValues => ({ ...defaultSettingsValues(), ...patch });

function termsPublished() {
  return env.fake.calls.filter((c) => c.operationType === "mutation").length;
}

describe("settings page: saves that move dates ask first", () => {
  it("answers 409 with the customers a 10-day larger safety margin would delay, and saves nothing anywhere", async () => {
    // GIVEN a customer waiting on a batch, in a shop on default settings (2-day margin)
    await waitingCustomer();
    const mutationsBefore = termsPublished();

    // WHEN the merchant saves a 12-day safety margin without confirming
    const answer = await postSettings(withDefaults({ safetyMarginDays: 12 }));

    // THEN the page is told one customer would get a delay email; neither the database nor Shopify changed
    expect(answer.status).toBe(409);
    expect(answer.body.confirm).toEqual({ delayed: 1, earlier: 0 });
    expect(await prisma.shopSettings.findUnique({ where: { shop: env.shop } })).toBeNull();
    expect(termsPublished()).toBe(mutationsBefore);
    expect(await prisma.job.count({ where: { kind: "variants.recompute" } })).toBe(0);
  });

  it("saves once confirmed, queues the recompute, and the customer gets the delay email", async () => {
    // GIVEN a customer waiting on a batch, and the merchant asked about a 12-day margin
    const { variantId } = await waitingCustomer();
    expect((await postSettings(withDefaults({ safetyMarginDays: 12 }))).status).toBe(409);

    // WHEN the merchant chooses "Save and email", and the worker runs
    const answer = await postSettings(withDefaults({ safetyMarginDays: 12 }), { confirmDateChanges: "1" });

    // THEN it is stored, the variant's recompute was queued and the delay notice went out
    expect(answer.status).toBe(200);
    expect((await prisma.shopSettings.findUniqueOrThrow({ where: { shop: env.shop } })).safetyMarginDays).toBe(12);
    expect(await recomputeJobs()).toEqual([{ payload: JSON.stringify({ variantIds: [variantId] }) }]);
    await runAllJobs(env.worker, env.clock);
    expect((await outbox("delay_notice")).map((e) => e.toEmail)).toEqual(["ana@example.com"]);
  });

  it("does not ask when the change moves nobody's date enough to email", async () => {
    // GIVEN a customer waiting on a batch, in a shop that emails only slips of 7 days or more
    await shopSettings({ delayMinSlipDays: 7 });
    await waitingCustomer();

    // WHEN the merchant changes the terms and adds 2 days of margin (a slip below the minimum)
    const answer = await postSettings(
      withDefaults({
        safetyMarginDays: 4,
        delayMinSlipDays: 7,
        terms: { ...defaultSettingsValues().terms, en: { payment: "Charged at checkout.", shipping: "", cancellation: "" } },
      }),
    );

    // THEN it is saved straight away
    expect(answer.status).toBe(200);
    expect(answer.body.confirm).toBeUndefined();
    expect((await prisma.shopSettings.findUniqueOrThrow({ where: { shop: env.shop } })).safetyMarginDays).toBe(4);

    // WHEN the margin then grows by 10 more days (past the minimum)
    const bigger = await postSettings(withDefaults({ safetyMarginDays: 14, delayMinSlipDays: 7 }));

    // THEN this one asks first
    expect(bigger.status).toBe(409);
    expect(bigger.body.confirm).toEqual({ delayed: 1, earlier: 0 });
  });
});

// Compensation from the support desk (issue 11, phase 2) through the real order page route: a single-use
// discount code for exactly that customer, store credit, a gift noted on the order, the email that carries
// the code in the customer's language, the shop's limits, the one-time form key, shop isolation and
// Shopify's refusals. Orders come in by signed webhooks; Shopify is the schema-checked Admin fake.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { DEFAULT_COMPENSATION_POLICY, type CompensationPolicy } from "~/domain/compensation";
import { action as orderAction, loader as orderLoader } from "~/routes/app.support.$orderId";
import { loader as queueLoader } from "~/routes/app.support._index";
import { callRoute } from "../helpers/routes";
import { embeddedDocumentRequest, embeddedFetchRequest } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";
import { backorderableVariant, deliver, ledgerShop, nextEventId, outbox, placeOrder, runAllJobs, type LedgerShop } from "./ledger-support";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
});

const number = (gid: string) => gid.split("/").pop() as string;
const DAY = 86_400_000;

/** A waiting order for a sold-out jug (a batch in 10 days), by a customer of the fake shop. */
async function waitingOrder({ email = "ana@example.com", firstName = "Ana", locale = "en" } = {}) {
  const { variantId } = await backorderableVariant(env, { title: "Jug", available: 0, leadTimeDays: 120 });
  const row = await prisma.backorderVariant.findFirstOrThrow({ where: { variantId }, select: { id: true } });
  await prisma.incomingBatch.create({ data: { shop: env.shop, backorderVariantId: row.id, quantity: 20, expectedOn: new Date(env.clock.now() + 10 * DAY).toISOString().slice(0, 10) } });
  const placed = placeOrder(env.fake, { variantId, email, firstName, locale });
  env.clock.advance(1_000);
  expect((await deliver(placed.delivery)).status).toBe(200);
  await runAllJobs(env.worker, env.clock);
  return placed.order;
}

async function page(orderId: string) {
  const response = await callRoute(orderLoader, await embeddedDocumentRequest(`/app/support/${number(orderId)}`), { orderId: number(orderId) });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    supportCase: { version: number; compensated: boolean };
    compensation: { proposal: unknown; compensatedOn: string | null };
    events: { kind: string; data: Record<string, unknown>; offer: { kind: string; value: string } | null; email: { status: string } | null }[];
  };
}

async function compensate(orderId: string, fields: Record<string, string>, { shop }: { shop?: string } = {}) {
  const { version } = (await page(orderId)).supportCase;
  const body = new URLSearchParams({ intent: "compensate", version: String(version), submissionKey: `key-${Math.random().toString(36).slice(2)}`, ...fields });
  const request = await embeddedFetchRequest(`/app/support/${number(orderId)}`, { ...(shop ? { shop } : {}), init: { method: "POST", body } });
  const response = await callRoute(orderAction, request, { orderId: number(orderId) });
  return { status: response.status, body: (await response.json()) as { ok: boolean; errors: Record<string, string>; message: string | null }, sent: body };
}

async function setPolicy(patch: Partial<CompensationPolicy>) {
  await prisma.shopSettings.upsert({
    where: { shop: env.shop },
    create: { shop: env.shop, compensation: JSON.stringify({ ...DEFAULT_COMPENSATION_POLICY, ...patch }) },
    update: { compensation: JSON.stringify({ ...DEFAULT_COMPENSATION_POLICY, ...patch }) },
  });
}

const discounts = () => [...env.fake.store.discounts.values()];

describe("a discount code for the customer", () => {
  it("creates a single-use code only this customer can use, emails it, and records it on the timeline and in the queue", async () => {
    // GIVEN Ana's waiting order
    const placed = await waitingOrder();
    const customerId = placed.customerId as string;
    const before = Date.now();
    // WHEN support sends her a 10% code valid 30 days
    const result = await compensate(placed.id, { kind: "discount_percentage", percentage: "10", expiryDays: "30" });
    // THEN it succeeds
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ ok: true, message: "Compensation given" });
    // AND the fake shop holds exactly one code: 10% off, for Ana only, once, ending in 30 days
    expect(discounts()).toHaveLength(1);
    const [code] = discounts();
    expect(code).toMatchObject({ customerIds: [customerId], usageLimit: 1, appliesOncePerCustomer: true, value: { kind: "percentage", percentage: 0.1 }, items: { all: true } });
    expect(code?.code).toMatch(/^SORRY-\d+-[A-Z2-9]{6}$/);
    const ends = Date.parse(code?.endsAt as string);
    expect(ends - Date.parse(code?.startsAt as string)).toBe(30 * DAY);
    expect(ends).toBeGreaterThanOrEqual(before + 30 * DAY - 1_000);
    // AND Ana's email holds the code and the offer
    const [email] = await outbox("compensation");
    expect(email).toMatchObject({ toEmail: "ana@example.com", status: "pending" });
    expect(email?.text).toContain(code?.code);
    expect(email?.text).toContain("10% off");
    expect(email?.subject).toBe(`Order ${placed.name}: a thank-you for your patience`);
    // AND the timeline records it with the code, linked to the email, and the case is compensated
    const view = await page(placed.id);
    const event = view.events.find((e) => e.kind === "compensation_given");
    expect(event).toMatchObject({ data: { kind: "discount_percentage", percentage: 10, code: code?.code }, offer: { kind: "discount_percentage", value: "10%" }, email: { status: "pending" } });
    expect(view.supportCase.compensated).toBe(true);
    expect(view.compensation.compensatedOn).not.toBeNull();
    const queue = (await (await callRoute(queueLoader, await embeddedDocumentRequest("/app/support"))).json()) as { queue: { rows: { orderId: string; compensated: boolean }[] } };
    expect(queue.queue.rows.find((r) => r.orderId === placed.id)?.compensated).toBe(true);
    expect(await prisma.compensation.findMany({ select: { status: true, code: true } })).toEqual([{ status: "given", code: code?.code }]);
  });

  it("writes the email in the customer's language", async () => {
    // GIVEN Camille, who shops in French
    const placed = await waitingOrder({ email: "camille@example.com", firstName: "Camille", locale: "fr" });
    // WHEN support sends her a 15.00 code
    expect((await compensate(placed.id, { kind: "discount_amount", amount: "15", expiryDays: "20" })).status).toBe(200);
    // THEN the fake holds a fixed 15.00 code for her, and her email is in French with the code
    const [code] = discounts();
    expect(code?.value).toEqual({ kind: "amount", amount: "15.00", appliesOnEachItem: false });
    const [email] = await outbox("compensation");
    expect(email?.subject).toBe(`Commande ${placed.name} : merci pour votre patience`);
    expect(email?.text).toContain(code?.code);
    expect(email?.text).toContain("de réduction");
    expect(email?.text).toMatch(/15,00\s\$/);
  });

  it("creates one code when the same form is submitted twice", async () => {
    // GIVEN a compensate form WHEN it is posted twice with the same one-time key
    const placed = await waitingOrder();
    const first = await compensate(placed.id, { kind: "discount_percentage", percentage: "10", expiryDays: "30" });
    const again = await callRoute(
      orderAction,
      await embeddedFetchRequest(`/app/support/${number(placed.id)}`, { init: { method: "POST", body: first.sent } }),
      { orderId: number(placed.id) },
    );
    // THEN the second answers that it was given already, and one code, one email, one event exist
    expect(again.status).toBe(200);
    expect(((await again.json()) as { message: string }).message).toBe("Already given: this form was submitted before");
    expect(discounts()).toHaveLength(1);
    expect(await outbox("compensation")).toHaveLength(1);
    expect((await page(placed.id)).events.filter((e) => e.kind === "compensation_given")).toHaveLength(1);
  });
});

describe("privacy", () => {
  it("forgets what was given to a customer Shopify asks to redact", async () => {
    // GIVEN Ana compensated with a gift
    const placed = await waitingOrder();
    expect((await compensate(placed.id, { kind: "gift_note", note: "A card for Ana" })).status).toBe(200);
    expect(await prisma.compensation.count()).toBe(1);
    // WHEN Shopify asks to redact her
    await deliver({
      topic: "customers/redact",
      payload: { shop_domain: env.shop, customer: { id: 7, email: "ana@example.com" }, orders_to_redact: [Number(number(placed.id))] },
      eventId: nextEventId("redact"),
    });
    await runAllJobs(env.worker, env.clock);
    // THEN the compensation record (its gift text may name her) is gone with her timeline
    expect(await prisma.compensation.count()).toBe(0);
    expect(await prisma.orderEvent.count({ where: { kind: "compensation_given" } })).toBe(0);
  });
});

describe("store credit and gifts", () => {
  it("credits store credit to the customer's account and emails it", async () => {
    // GIVEN Ana's order WHEN support gives 12.50 of store credit for 60 days
    const placed = await waitingOrder();
    expect((await compensate(placed.id, { kind: "store_credit", amount: "12.50", expiryDays: "60" })).status).toBe(200);
    // THEN her account in the fake holds 12.50 expiring in 60 days, and her email says so, with no code
    const accounts = [...env.fake.store.storeCreditAccounts.values()];
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ ownerId: placed.customerId, balance: "12.50" });
    expect(accounts[0]?.transactions[0]?.expiresAt).toBeTruthy();
    const [email] = await outbox("compensation");
    expect(email?.text).toContain("$12.50");
    expect(email?.text).toContain("store credit");
    expect(discounts()).toHaveLength(0);
  });

  it("notes a gift on the Shopify order without emailing", async () => {
    // GIVEN an order with a note already WHEN support notes a gift
    const placed = await waitingOrder();
    env.fake.store.getOrder(placed.id).note = "Leave at the door";
    expect((await compensate(placed.id, { kind: "gift_note", note: "Free linen tea towel in the parcel" })).status).toBe(200);
    // THEN the order's note keeps what it had and gains the gift; no email; the timeline shows the gift
    expect(env.fake.store.getOrder(placed.id).note).toMatch(/^Leave at the door\nBackorder Pilot \(\d{4}-\d{2}-\d{2}\): Free linen tea towel in the parcel$/);
    expect(await outbox("compensation")).toEqual([]);
    const event = (await page(placed.id)).events.find((e) => e.kind === "compensation_given");
    expect(event).toMatchObject({ data: { kind: "gift_note", text: "Free linen tea towel in the parcel" }, email: null });
  });
});

describe("refusals", () => {
  it("refuses an offer above the shop's limits, or malformed, with the reason next to the field, writing nothing", async () => {
    // GIVEN a shop allowing at most 20% and 50.00
    const placed = await waitingOrder();
    await setPolicy({ maxPercent: 20, maxAmountMinor: 5_000 });
    // WHEN support asks for 25%, 50.01 off, 1e3 of store credit, or a gift with no text
    const tooMuch = await compensate(placed.id, { kind: "discount_percentage", percentage: "25", expiryDays: "30" });
    const tooMuchAmount = await compensate(placed.id, { kind: "discount_amount", amount: "50.01", expiryDays: "30" });
    const malformed = await compensate(placed.id, { kind: "store_credit", amount: "1e3", expiryDays: "30" });
    const noText = await compensate(placed.id, { kind: "gift_note", note: "  " });
    // THEN each is refused with its field's error
    expect(tooMuch).toMatchObject({ status: 422, body: { ok: false, errors: { percentage: "Your shop allows at most 20%." } } });
    expect(tooMuchAmount).toMatchObject({ status: 422, body: { errors: { amount: "Your shop allows at most 50.00." } } });
    expect(malformed).toMatchObject({ status: 400, body: { errors: { amount: "Enter an amount such as 10 or 12.50." } } });
    expect(noText).toMatchObject({ status: 400, body: { errors: { note: "Say what you are giving." } } });
    // AND nothing was created or recorded
    expect(discounts()).toHaveLength(0);
    expect(env.fake.store.storeCreditAccounts.size).toBe(0);
    expect(await prisma.compensation.count()).toBe(0);
    expect(await outbox("compensation")).toEqual([]);
    expect((await page(placed.id)).supportCase.compensated).toBe(false);
  });

  it("shows Shopify's refusal and records nothing as given; the same form can then be sent again", async () => {
    // GIVEN an order in a currency the shop cannot give store credit in
    const placed = await waitingOrder();
    env.fake.store.getOrder(placed.id).currencyCode = "CAD";
    // WHEN support gives store credit
    const refused = await compensate(placed.id, { kind: "store_credit", amount: "10", expiryDays: "30" });
    // THEN Shopify's message is shown, and nothing is given, emailed or on the timeline
    expect(refused.status).toBe(422);
    expect(refused.body.errors.shopify).toBe("Shopify refused it, so nothing was given: The currency provided is not currently supported");
    expect(await prisma.compensation.count()).toBe(0);
    expect(await outbox("compensation")).toEqual([]);
    const view = await page(placed.id);
    expect(view.events.map((e) => e.kind)).not.toContain("compensation_given");
    expect(view.supportCase.compensated).toBe(false);
    // WHEN the order's currency is fixed and the same form is sent again THEN it goes through, once
    env.fake.store.getOrder(placed.id).currencyCode = env.fake.store.shop.currencyCode;
    const retried = await callRoute(
      orderAction,
      await embeddedFetchRequest(`/app/support/${number(placed.id)}`, { init: { method: "POST", body: refused.sent } }),
      { orderId: number(placed.id) },
    );
    expect(retried.status).toBe(200);
    expect([...env.fake.store.storeCreditAccounts.values()].map((a) => a.balance)).toEqual(["10.00"]);
  });

  it("needs a customer account on the order for a code, next to the kind, but can still note a gift", async () => {
    // GIVEN a guest order (no customer account in Shopify)
    const placed = await waitingOrder();
    env.fake.store.getOrder(placed.id).customerId = null;
    // WHEN support tries a code THEN it is refused next to the kind, nothing created
    const refused = await compensate(placed.id, { kind: "discount_percentage", percentage: "10", expiryDays: "30" });
    expect(refused).toMatchObject({ status: 422, body: { errors: { kind: expect.stringContaining("no customer account") } } });
    expect(discounts()).toHaveLength(0);
    expect(await prisma.compensation.count()).toBe(0);
    // WHEN support notes a gift instead THEN it is on the order
    expect((await compensate(placed.id, { kind: "gift_note", note: "Handwritten card" })).status).toBe(200);
    expect(env.fake.store.getOrder(placed.id).note).toContain("Handwritten card");
  });

  it("does not let another shop compensate this shop's order", async () => {
    // GIVEN Ana's order in this shop, and another installed shop
    const placed = await waitingOrder();
    const other = await installFakeShop({ shop: "other-shop.myshopify.com" });
    const { version } = (await page(placed.id)).supportCase;
    // WHEN the other shop posts a compensation for this order's number
    const body = new URLSearchParams({ intent: "compensate", version: String(version), submissionKey: "other-shop-key-1", kind: "discount_percentage", percentage: "10", expiryDays: "30" });
    const response = await callRoute(
      orderAction,
      await embeddedFetchRequest(`/app/support/${number(placed.id)}`, { shop: "other-shop.myshopify.com", init: { method: "POST", body } }),
      { orderId: number(placed.id) },
    );
    // THEN it is not found, and no code exists in either shop
    expect(response.status).toBe(404);
    expect(discounts()).toHaveLength(0);
    expect(other.store.discounts.size).toBe(0);
    expect(await prisma.compensation.count()).toBe(0);
  });

  it("answers 409 to a stale form, creating nothing", async () => {
    // GIVEN the page loaded, then someone adds a note
    const placed = await waitingOrder();
    const { version } = (await page(placed.id)).supportCase;
    const note = new URLSearchParams({ intent: "note", version: String(version), note: "Called her" });
    await callRoute(orderAction, await embeddedFetchRequest(`/app/support/${number(placed.id)}`, { init: { method: "POST", body: note } }), { orderId: number(placed.id) });
    // WHEN the stale compensate form is sent
    const body = new URLSearchParams({ intent: "compensate", version: String(version), submissionKey: "stale-key-123", kind: "discount_percentage", percentage: "10", expiryDays: "30" });
    const response = await callRoute(orderAction, await embeddedFetchRequest(`/app/support/${number(placed.id)}`, { init: { method: "POST", body } }), { orderId: number(placed.id) });
    // THEN it is a conflict and nothing is created
    expect(response.status).toBe(409);
    expect(discounts()).toHaveLength(0);
    expect(await prisma.compensation.count()).toBe(0);
  });
});

describe("the proposal rule", () => {
  it("proposes the default offer on an open order late by N days only when the shop turned it on, until compensated", async () => {
    // GIVEN Ana's order, made 9 days late (stored on her case, as the ledger stores it)
    const placed = await waitingOrder();
    await prisma.supportCase.updateMany({ where: { orderId: placed.id }, data: { daysLate: 9, state: "delayed" } });
    const proposed = async () => {
      const queue = (await (await callRoute(queueLoader, await embeddedDocumentRequest("/app/support"))).json()) as { queue: { rows: { orderId: string; compensationProposed: boolean }[] } };
      return { page: (await page(placed.id)).compensation.proposal, queue: queue.queue.rows.find((r) => r.orderId === placed.id)?.compensationProposed };
    };
    // THEN with the rule off (the default) nothing is proposed
    expect(await proposed()).toEqual({ page: null, queue: false });
    // WHEN the shop proposes 10% from 7 days late THEN the page and the queue propose it
    await setPolicy({ proposeEnabled: true, proposeAfterDays: 7 });
    expect(await proposed()).toEqual({ page: { kind: "discount_percentage", percentage: 10, expiryDays: 30 }, queue: true });
    // AND nothing was sent by itself
    expect(discounts()).toHaveLength(0);
    expect(await outbox("compensation")).toEqual([]);
    // WHEN the threshold is 10 days THEN a 9-day-late order gets no proposal
    await setPolicy({ proposeEnabled: true, proposeAfterDays: 10 });
    expect(await proposed()).toEqual({ page: null, queue: false });
    // WHEN support compensates THEN the proposal goes
    await setPolicy({ proposeEnabled: true, proposeAfterDays: 7 });
    expect((await compensate(placed.id, { kind: "discount_percentage", percentage: "10", expiryDays: "30" })).status).toBe(200);
    expect(await proposed()).toEqual({ page: null, queue: false });
  });
});

// The customer's own choice (support desk, issue 11 phase 2) through the real routes: the delay email's two
// signed links, the app proxy page they open (GET asks, POST answers), the answer on the timeline and in the
// queue, and the shop's setting: a cancellation request waits for staff approval, or is refunded at once.
// Tampered, foreign and expired links are refused with nothing written.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { enqueueVariantRecompute } from "~/jobs/schedule.server";
import { action as choiceAction, loader as choiceLoader } from "~/routes/proxy.choice";
import { action as orderAction, loader as orderLoader } from "~/routes/app.support.$orderId";
import { choiceLinks, signChoiceToken, verifyChoiceToken } from "~/workflows/support/choice-links.server";
import { callRoute } from "../helpers/routes";
import { appProxyRequest, embeddedDocumentRequest, embeddedFetchRequest } from "../helpers/requests";
import { backorderableVariant, deliver, inventoryPayload, ledgerShop, outbox, placeOrder, runAllJobs, type LedgerShop } from "./ledger-support";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
});

const day = (n: number) => new Date(env.clock.now() + n * 86_400_000).toISOString().slice(0, 10);
const number = (gid: string) => gid.split("/").pop() as string;

/** A sold-out vase at 30.00 with a batch of 20 in 10 days. */
async function vase() {
  const { variantId } = await backorderableVariant(env, { title: "Vase", available: 0, leadTimeDays: 120 });
  env.fake.store.getVariant(variantId).price = "30.00";
  const row = await prisma.backorderVariant.findFirstOrThrow({ where: { variantId }, select: { id: true } });
  const batch = await prisma.incomingBatch.create({ data: { shop: env.shop, backorderVariantId: row.id, quantity: 20, expectedOn: day(10) } });
  return { variantId, batchId: batch.id };
}

async function order(variantId: string, email: string, locale = "en") {
  const placed = placeOrder(env.fake, { variantId, email, locale });
  env.clock.advance(1_000);
  expect((await deliver(placed.delivery)).status).toBe(200);
  return placed.order;
}

/** The batch slips 20 days: every waiting customer gets the delay notice with its two links. */
async function slip(variantId: string, batchId: string) {
  await prisma.incomingBatch.updateMany({ where: { id: batchId }, data: { expectedOn: day(30) } });
  await enqueueVariantRecompute({ shop: env.shop, variantIds: [variantId], now: env.clock.date() });
  await runAllJobs(env.worker, env.clock);
}

/** The wait and cancel links of the customer's delay email, read from the email itself. */
async function linksOf(email: string) {
  const row = await prisma.emailOutbox.findFirstOrThrow({ where: { kind: "delay_notice", toEmail: email }, select: { html: true } });
  const urls = [...row.html.matchAll(/href="(https:\/\/[^"]+\/apps\/backorder\/choice\?t=[^"]+)"/g)].map((m) => m[1] as string);
  const byChoice = new Map(urls.map((url) => {
    const token = new URL(url).searchParams.get("t") as string;
    const verified = verifyChoiceToken(token, { shop: env.shop, now: new Date() });
    return [verified.ok ? verified.payload.choice : "invalid", token] as const;
  }));
  return { urls, wait: byChoice.get("wait") as string, cancel: byChoice.get("cancel") as string };
}

async function open(token: string, options: { secret?: string } = {}) {
  const response = await callRoute(choiceLoader, appProxyRequest("/proxy/choice", { params: { t: token }, ...options }));
  return { status: response.status, body: await response.text(), type: response.headers.get("Content-Type") };
}

async function answer(token: string) {
  const response = await callRoute(
    choiceAction,
    appProxyRequest("/proxy/choice", { init: { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ t: token }).toString() } }),
  );
  return { status: response.status, body: await response.text() };
}

interface OrderPage {
  supportCase: { version: number; status: string; state: string };
  lines: { id: string; status: string; current: { latest: string } | null }[];
  events: { kind: string; actor: string; data: Record<string, unknown> }[];
  cancellations: { inProgress: boolean; requests: { id: string; items: string }[] };
}

async function page(orderId: string): Promise<OrderPage> {
  const response = await callRoute(orderLoader, await embeddedDocumentRequest(`/app/support/${number(orderId)}`), { orderId: number(orderId) });
  return (await response.json()) as OrderPage;
}

async function act(orderId: string, fields: Record<string, string>) {
  const response = await callRoute(orderAction, await embeddedFetchRequest(`/app/support/${number(orderId)}`, { init: { method: "POST", body: new URLSearchParams(fields) } }), {
    orderId: number(orderId),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; errors: Record<string, string> } };
}

/** What answers can write: checked unchanged after every refusal. */
async function written() {
  return {
    choices: await prisma.customerChoice.count(),
    cancellations: await prisma.supportCancellation.count(),
    events: await prisma.orderEvent.count(),
    jobs: await prisma.job.count(),
    refunds: [...env.fake.store.orders.values()].reduce((sum, o) => sum + o.refunds.length, 0),
  };
}

describe("the delay email's links", () => {
  it("offers both choices; the case waits on the customer; GET asks without acting; 'I'll wait' is recorded once and reopens the case", async () => {
    // GIVEN Ana waiting for a vase whose batch slips
    const { variantId, batchId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    await runAllJobs(env.worker, env.clock);
    await slip(variantId, batchId);

    // THEN her delay email carries a wait link and a cancel link on the shop's app proxy
    const links = await linksOf("ana@example.com");
    expect(links.urls).toHaveLength(2);
    expect(links.urls.every((url) => url.startsWith(`https://${env.shop}/apps/backorder/choice?t=`))).toBe(true);
    expect(links.wait && links.cancel).toBeTruthy();
    // AND the desk shows the case as waiting on the customer
    expect((await page(ana.id)).supportCase.status).toBe("waiting_customer");

    // WHEN the link is opened (a person, or a mail scanner prefetching it)
    const before = await written();
    const question = await open(links.wait);
    // THEN the page names the item and asks to confirm with a POST to the proxy, and nothing is recorded
    expect(question.status).toBe(200);
    expect(question.type).toBe("application/liquid");
    expect(question.body).toContain("Please confirm you are happy to wait for these items:");
    expect(question.body).toContain("1 × Vase");
    expect(question.body).toContain('<form action="/apps/backorder/choice" method="post"');
    expect(await written()).toEqual(before);
    expect((await page(ana.id)).supportCase.status).toBe("waiting_customer");

    // WHEN she confirms, twice
    const first = await answer(links.wait);
    const second = await answer(links.wait);
    // THEN the answer is on the timeline once, by the customer, and the case is open again
    expect(first.status).toBe(200);
    expect(first.body).toContain("Thank you! We’ll ship your items as soon as they arrive.");
    expect(second.body).toContain("We already have your answer for this link.");
    const view = await page(ana.id);
    expect(view.events.filter((e) => e.kind === "customer_chose_wait")).toEqual([expect.objectContaining({ actor: "customer", data: expect.objectContaining({ items: "1 × Vase" }) })]);
    expect(view.supportCase.status).toBe("open");
    // AND opening the link again says it was answered
    expect((await open(links.wait)).body).toContain("We already have your answer for this link.");
  });

  it("speaks the customer's language", async () => {
    // GIVEN Camille, who ordered in French, and her delay email
    const { variantId, batchId } = await vase();
    await order(variantId, "camille@example.com", "fr");
    await runAllJobs(env.worker, env.clock);
    await slip(variantId, batchId);
    const links = await linksOf("camille@example.com");
    // WHEN she opens the cancel link THEN the page is in French
    const question = await open(links.cancel);
    expect(question.body).toContain('lang="fr"');
    expect(question.body).toContain("Confirmez que vous voulez annuler ces articles :");
  });

  it("refuses tampered, foreign and expired links, and unsigned requests, writing nothing", async () => {
    // GIVEN Ana's delay email
    const { variantId, batchId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    await runAllJobs(env.worker, env.clock);
    await slip(variantId, batchId);
    const links = await linksOf("ana@example.com");
    const lineId = (await page(ana.id)).lines[0]?.id as string;
    const before = await written();

    // WHEN the wait link is edited into a cancel link (payload swapped, signature kept)
    const [part, signature] = links.wait.split(".") as [string, string];
    const data = JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
    const forged = `${Buffer.from(JSON.stringify({ ...data, c: "cancel" })).toString("base64url")}.${signature}`;
    // AND a genuine link of another shop, and an expired link, are used on this shop
    const foreign = choiceLinks({ shop: "other-shop.myshopify.com", orderId: ana.id, lineIds: [lineId], locale: "en", now: new Date() }).cancelUrl;
    const expired = signChoiceToken({ shop: env.shop, orderId: ana.id, lineIds: [lineId], choice: "cancel", expiresAt: Math.floor(Date.now() / 1000) - 60, locale: "fr" });

    // THEN every one is refused, on GET and POST, with a page saying why
    for (const token of [forged, new URL(foreign).searchParams.get("t") as string, `${links.cancel}x`, "garbage"]) {
      expect((await open(token)).status).toBe(400);
      const refused = await answer(token);
      expect(refused.status).toBe(400);
      expect(refused.body).toContain("This link is not valid.");
    }
    expect((await open(expired)).status).toBe(410);
    const late = await answer(expired);
    expect(late.status).toBe(410);
    expect(late.body).toContain("Ce lien a expiré.");
    // AND a request that Shopify's proxy did not sign is refused before the link is even read
    expect((await open(links.cancel, { secret: "not-the-secret" })).status).toBe(401);
    // AND nothing was written, refunded or queued
    expect(await written()).toEqual(before);
    expect((await page(ana.id)).supportCase.status).toBe("waiting_customer");
  });
});

describe("a customer's cancellation request", () => {
  it("waits for staff approval by default: Approve refunds it, Decline keeps the order, both on the timeline", async () => {
    // GIVEN Ana and Ben waiting for the vase, and the batch slipped
    const { variantId, batchId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    const ben = await order(variantId, "ben@example.com");
    await runAllJobs(env.worker, env.clock);
    await slip(variantId, batchId);

    // WHEN Ana asks to cancel from her email
    const asked = await answer((await linksOf("ana@example.com")).cancel);
    // THEN the request waits for the team: nothing refunded, no job, the case open with the request on it
    expect(asked.body).toContain("Your request is recorded.");
    expect(env.fake.store.getOrder(ana.id).refunds).toEqual([]);
    expect(await prisma.job.count({ where: { kind: "support.cancellation" } })).toBe(0);
    let view = await page(ana.id);
    expect(view.supportCase.status).toBe("open");
    expect(view.events.find((e) => e.kind === "cancel_requested")).toMatchObject({ actor: "customer", data: { automatic: false } });
    expect(view.cancellations.requests).toEqual([expect.objectContaining({ items: "1 × Vase" })]);

    // WHEN support approves it
    const approved = await act(ana.id, { intent: "approve_cancel", cancellationId: view.cancellations.requests[0]?.id as string, version: String(view.supportCase.version), amount: "30.00" });
    // THEN Shopify refunded the vase, the line is cancelled, the customer is emailed, and the request is gone
    expect(approved).toMatchObject({ status: 200, body: { ok: true } });
    expect(env.fake.store.refundedCents(env.fake.store.getOrder(ana.id))).toBe(3000);
    view = await page(ana.id);
    expect(view.lines[0]?.status).toBe("cancelled");
    expect(view.cancellations.requests).toEqual([]);
    expect((await outbox("cancellation")).map((e) => e.toEmail)).toEqual(["ana@example.com"]);

    // WHEN Ben asks too, and support declines with a reason
    await answer((await linksOf("ben@example.com")).cancel);
    const benView = await page(ben.id);
    const declined = await act(ben.id, { intent: "decline_cancel", cancellationId: benView.cancellations.requests[0]?.id as string, version: String(benView.supportCase.version), reason: "Already packed" });
    // THEN nothing is refunded, the line still waits, and the refusal is on the timeline
    expect(declined.status).toBe(200);
    expect(env.fake.store.getOrder(ben.id).refunds).toEqual([]);
    const after = await page(ben.id);
    expect(after.lines[0]?.status).toBe("waiting");
    expect(after.events.find((e) => e.kind === "cancel_declined")?.data.reason).toBe("Already packed");
    expect(after.cancellations.requests).toEqual([]);
  });

  it("is refunded at once by a job when the shop refunds automatically, exactly once however often it is posted", async () => {
    // GIVEN a shop that refunds cancellation requests automatically, and Ana's delay email
    await prisma.shopSettings.create({ data: { shop: env.shop, cancelRequests: "refund" } });
    const { variantId, batchId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    await runAllJobs(env.worker, env.clock);
    await slip(variantId, batchId);
    const { cancel } = await linksOf("ana@example.com");

    // WHEN she confirms the cancel link, and the form is posted again
    const first = await answer(cancel);
    const second = await answer(cancel);
    expect(first.body).toContain("Your items are being cancelled.");
    expect(second.body).toContain("We already have your answer for this link.");
    await runAllJobs(env.worker, env.clock);

    // THEN one refund of the vase, the line cancelled, one cancellation email, all by the customer's request
    expect(env.fake.store.getOrder(ana.id).refunds).toHaveLength(1);
    expect(env.fake.store.refundedCents(env.fake.store.getOrder(ana.id))).toBe(3000);
    const view = await page(ana.id);
    expect(view.lines[0]?.status).toBe("cancelled");
    expect(view.supportCase).toMatchObject({ state: "cancelled", status: "open" });
    expect(view.events.filter((e) => e.kind === "lines_cancelled")).toEqual([expect.objectContaining({ actor: "customer" })]);
    expect((await outbox("cancellation")).map((e) => e.toEmail)).toEqual(["ana@example.com"]);
    expect(await prisma.supportCancellation.findMany({ select: { status: true, source: true } })).toEqual([{ status: "refunded", source: "customer" }]);
    // AND the link now says it was answered
    expect((await open(cancel)).body).toContain("We already have your answer for this link.");
  });

  it("says so when the items no longer wait, writing nothing", async () => {
    // GIVEN Ana's delay email, then her vase arrives and is allocated
    const { variantId, batchId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    await runAllJobs(env.worker, env.clock);
    await slip(variantId, batchId);
    const { cancel } = await linksOf("ana@example.com");
    env.fake.store.receiveStock(variantId, 1);
    await deliver({ topic: "inventory_levels/update", payload: inventoryPayload(env.fake.store, variantId), eventId: "stock-1" });
    await runAllJobs(env.worker, env.clock);
    expect((await page(ana.id)).lines[0]?.status).toBe("allocated");
    const before = await written();
    // WHEN she opens and posts the cancel link THEN the page says the items no longer wait, and nothing is written
    expect((await open(cancel)).body).toContain("These items are no longer waiting");
    expect((await answer(cancel)).status).toBe(409);
    expect(await written()).toEqual(before);
  });
});

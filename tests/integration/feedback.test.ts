// Feedback after delivery (issue 13) through the real routes: the signed orders/fulfilled webhook schedules
// one survey per backordered order (Shopify's sample payload byte for byte, 64-bit ids and nulls; redelivered;
// several fulfillments), the due job emails it in the customer's language with the shop's questions, the
// survey page on the app proxy takes one answer per order (editable for 7 days) and refuses tampered,
// foreign and late links with nothing written, a low score opens a follow-up in the support queue, and
// unsubscribed customers get no survey.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { DEFAULT_FEEDBACK_SETTINGS, type FeedbackSettings } from "~/domain/feedback";
import { action as fulfilledAction } from "~/routes/webhooks.orders.fulfilled";
import { action as feedbackAction, loader as feedbackLoader } from "~/routes/proxy.feedback";
import { loader as queueLoader } from "~/routes/app.support._index";
import { loader as homeLoader } from "~/routes/app._index";
import type { Satisfaction } from "~/workflows/feedback/satisfaction.server";
import { action as shopRedact } from "~/routes/webhooks.shop.redact";
import { action as settingsAction, loader as settingsLoader } from "~/routes/app.settings";
import { defaultSettingsValues } from "~/models/settings.server";
import { settingsForm } from "../helpers/settings-form";
import { startSmtpServer } from "../helpers/smtp";
import { deliverPendingEmails } from "~/notifications/deliver.server";
import { createSmtpTransport } from "~/notifications/transport.server";
import { signFeedbackToken } from "~/workflows/feedback/links.server";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, appProxyRequest, embeddedDocumentRequest, embeddedFetchRequest, webhookRequest } from "../helpers/requests";
import { backorderableVariant, deliver, ledgerShop, nextEventId, orderPayload, placeOrder, runAllJobs, type LedgerShop } from "./ledger-support";

const DAY = 86_400_000;
const SAMPLE_ORDER = "gid://shopify/Order/820982911946154508";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
  await prisma.feedbackSurvey.deleteMany({});
  await prisma.feedbackOptOut.deleteMany({});
});

async function turnOn(patch: Partial<FeedbackSettings> = {}) {
  const feedback = { ...structuredClone(DEFAULT_FEEDBACK_SETTINGS), enabled: true, ...patch };
  await prisma.shopSettings.upsert({ where: { shop: env.shop }, create: { shop: env.shop, feedback: JSON.stringify(feedback) }, update: { feedback: JSON.stringify(feedback) } });
}

/** Delivers an orders/fulfilled body as is (never re-serialized: the ids are above 2^53), signed like Shopify. */
async function deliverFulfilled(body: string, eventId = nextEventId("fulfilled")) {
  return callRoute(fulfilledAction as never, webhookRequest("/webhooks/orders/fulfilled", { topic: "orders/fulfilled", payload: null, rawBody: body, eventId }));
}

/** A Shopify fulfillment as its webhook sample shows it (64-bit ids, nulls), created at `at`. */
function fulfillmentJson(id: string, at: string): string {
  return `{"id": ${id}, "admin_graphql_api_id": "gid://shopify/Fulfillment/${id}", "created_at": "${at}", "location_id": null, "name": "#9999.1", "order_id": 820982911946154508, "origin_address": null, "receipt": {}, "service": "manual", "shipment_status": null, "status": "success", "tracking_company": "UPS", "tracking_number": "1Z2345", "tracking_numbers": ["1Z2345"], "tracking_url": null, "tracking_urls": [], "updated_at": "${at}"}`;
}

/**
 * Shopify's order sample (the body it publishes for every orders/* topic, orders/fulfilled included), fulfilled:
 * not cancelled, with the given fulfillments in place of its empty list. Text edits only.
 */
function fulfilledSample(fulfillments: string[]): string {
  const sample = readFileSync(fileURLToPath(new URL("../fixtures/webhooks/orders-updated.json", import.meta.url)), "utf8");
  return sample
    .replace('"cancelled_at": "2021-12-31T19:00:00-05:00"', '"cancelled_at": null')
    .replace('"fulfillment_status": null', '"fulfillment_status": "fulfilled"')
    .replace('"fulfillments": []', `"fulfillments": [${fulfillments.join(", ")}]`);
}

/** The sample order as the ledger would hold it had its line been backordered. */
async function sampleOrderWasBackordered() {
  await prisma.backorderLine.create({
    data: {
      shop: env.shop,
      variantId: "gid://shopify/ProductVariant/642667041472713922",
      orderId: SAMPLE_ORDER,
      orderName: "#9999",
      lineItemId: "gid://shopify/LineItem/487817672276298554",
      quantity: 1,
      customerEmail: "jon@example.com",
      orderedAt: new Date("2021-12-01T10:00:00Z"),
      promisedLatest: "2021-12-20",
      status: "fulfilled",
    },
  });
}

/** A real backordered order in the fake shop (orders/create through the ledger), then its fulfillment. */
async function backorderedOrder({ email, locale = "en" }: { email: string; locale?: string }) {
  const { variantId } = await backorderableVariant(env, { title: `Vase ${email}`, available: 0 });
  const placed = placeOrder(env.fake, { variantId, email, locale, firstName: locale === "fr" ? "Camille" : "Ada" });
  expect((await deliver(placed.delivery)).status).toBe(200);
  await runAllJobs(env.worker, env.clock);
  return placed.order;
}

async function fulfil(order: ReturnType<typeof placeOrder>["order"]) {
  const payload = { ...orderPayload(env.fake.store, order), fulfillment_status: "fulfilled", fulfillments: [{ id: 1, created_at: env.clock.date().toISOString(), status: "success" }] };
  const response = await deliverFulfilled(JSON.stringify(payload));
  expect(response.status).toBe(200);
}

async function surveyEmail(to: string) {
  return prisma.emailOutbox.findFirst({ where: { kind: "feedback_survey", toEmail: to }, select: { subject: true, html: true, text: true, locale: true } });
}

/** The email's score links' tokens (href="…/apps/backorder/feedback?t=…&s=N"). */
function scoreLinks(html: string): { token: string; score: string }[] {
  return [...html.matchAll(/href="https:\/\/[^"]+\/apps\/backorder\/feedback\?t=([A-Za-z0-9_.-]+)&amp;s=(\d)"/g)].map((m) => ({ token: m[1] as string, score: m[2] as string }));
}

async function open(params: Record<string, string>, options: { shop?: string } = {}) {
  const response = await callRoute(feedbackLoader, appProxyRequest("/proxy/feedback", { params, ...options }));
  return { status: response.status, body: await response.text() };
}

async function answer(fields: Record<string, string>, options: { shop?: string } = {}) {
  const response = await callRoute(
    feedbackAction,
    appProxyRequest("/proxy/feedback", { ...options, init: { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() } }),
  );
  return { status: response.status, body: await response.text() };
}

/** Schedules and sends the survey of a fresh backordered order; returns its order and its email's token. */
async function surveyed(email: string, locale = "en") {
  await turnOn();
  const order = await backorderedOrder({ email, locale });
  await fulfil(order);
  await runAllJobs(env.worker, env.clock);
  const sent = await surveyEmail(email);
  const token = scoreLinks(sent?.html ?? "")[0]?.token;
  if (!token) throw new Error("no survey email");
  return { order, token };
}

async function surveyRow(orderId: string) {
  return prisma.feedbackSurvey.findUniqueOrThrow({ where: { shop_orderId: { shop: env.shop, orderId } } });
}

describe("orders/fulfilled schedules the survey", () => {
  it("schedules exactly one survey for Shopify's sample with two fulfillments, delivered, redelivered and sent again", async () => {
    // GIVEN surveys on (3 days after fulfillment) and the sample order known to the ledger as backordered
    await turnOn({ delayDays: 3 });
    await sampleOrderWasBackordered();
    const body = fulfilledSample([fulfillmentJson("255858046", "2021-12-31T19:00:00-05:00"), fulfillmentJson("1022782888", "2022-01-02T09:30:00-05:00")]);

    // WHEN it is delivered, redelivered with the same event id, and sent again as a new event
    const first = await deliverFulfilled(body, "evt-fulfilled-1");
    const again = await deliverFulfilled(body, "evt-fulfilled-1");
    const anew = await deliverFulfilled(body, "evt-fulfilled-2");
    await env.worker.drain();

    // THEN every delivery is acknowledged; one survey exists, for the exact 64-bit order id
    expect([first.status, again.status, anew.status]).toEqual([200, 200, 200]);
    const surveys = await prisma.feedbackSurvey.findMany({ select: { orderId: true, status: true, sendAt: true, fulfilledAt: true, delayed: true, waitDays: true } });
    expect(surveys).toHaveLength(1);
    expect(surveys[0]?.orderId).toBe(SAMPLE_ORDER);
    // AND it is due 3 days after the last shipment (the second fulfillment), judged late against the promise
    expect(surveys[0]?.fulfilledAt.toISOString()).toBe("2022-01-02T14:30:00.000Z");
    expect(surveys[0]?.sendAt.toISOString()).toBe("2022-01-05T14:30:00.000Z");
    expect(surveys[0]?.delayed).toBe(true);
    expect(surveys[0]?.waitDays).toBe(32);
    // AND one send job waits for that time (the two schedule jobs, one per new event, succeeded)
    const jobs = await prisma.job.findMany({ where: { kind: { in: ["feedback.schedule", "feedback.send"] } }, select: { kind: true, status: true, runAt: true } });
    expect(jobs.filter((j) => j.kind === "feedback.schedule").map((j) => j.status)).toEqual(["succeeded", "succeeded"]);
    expect(jobs.filter((j) => j.kind === "feedback.send").map((j) => j.runAt.toISOString())).toEqual(["2022-01-05T14:30:00.000Z"]);
  });

  it("schedules nothing for an order that was never backordered", async () => {
    // GIVEN surveys on and Shopify's sample order, which the ledger never held (every line was in stock)
    await turnOn();
    // WHEN it is fulfilled
    const response = await deliverFulfilled(fulfilledSample([fulfillmentJson("255858046", "2021-12-31T19:00:00-05:00")]));
    await runAllJobs(env.worker, env.clock);
    // THEN the webhook is acknowledged, and there is no survey, no send job, no email
    expect(response.status).toBe(200);
    expect(await prisma.feedbackSurvey.count()).toBe(0);
    expect(await prisma.job.count({ where: { kind: "feedback.send" } })).toBe(0);
    expect(await prisma.emailOutbox.count({ where: { kind: "feedback_survey" } })).toBe(0);
  });

  it("answers 400 to a malformed orders/fulfilled body and 401 to a bad signature, writing nothing", async () => {
    // GIVEN a body without the order's name, and a sample signed with another secret
    const bad = await deliverFulfilled(fulfilledSample([]).replace('"name": "#9999"', '"name": ""'));
    const forged = await callRoute(
      fulfilledAction as never,
      webhookRequest("/webhooks/orders/fulfilled", { topic: "orders/fulfilled", payload: null, rawBody: fulfilledSample([]), secret: "not-the-secret" }),
    );
    // THEN both are refused and nothing is stored
    expect([bad.status, forged.status]).toEqual([400, 401]);
    expect(await prisma.webhookEvent.count()).toBe(0);
    expect(await prisma.job.count()).toBe(0);
  });
});

describe("the survey email", () => {
  it("is sent when due, in English and in French, with the shop's questions and one link per score", async () => {
    // GIVEN surveys on with the shop's own French question, and two backordered orders, one French
    await turnOn({ questions: { en: { wait: "How was waiting for your vase?", date: "Did it arrive by the date we gave?" }, fr: { wait: "Comment s’est passée l’attente de votre vase ?", date: "Est-il arrivé à la date donnée ?" } } });
    const en = await backorderedOrder({ email: "ada@example.com" });
    const fr = await backorderedOrder({ email: "camille@example.com", locale: "fr" });
    // WHEN both are fulfilled and the clock reaches the survey's day
    await fulfil(en);
    await fulfil(fr);
    await env.worker.drain();
    expect(await prisma.emailOutbox.count({ where: { kind: "feedback_survey" } })).toBe(0);
    await runAllJobs(env.worker, env.clock);

    // THEN each customer has one survey email in their language, with the shop's question and 5 signed links
    const english = await surveyEmail("ada@example.com");
    const french = await surveyEmail("camille@example.com");
    expect(english?.subject).toBe(`Order ${en.name}: how was the wait?`);
    expect(english?.html).toContain("How was waiting for your vase?");
    expect(english?.text).toContain("No more surveys");
    expect(french?.subject).toBe(`Commande ${fr.name} : comment s’est passée l’attente ?`);
    expect(french?.html).toContain("Comment s’est passée l’attente de votre vase ?");
    expect(french?.html).toContain("Ne plus recevoir de questionnaire");
    expect(scoreLinks(english?.html ?? "").map((l) => l.score)).toEqual(["1", "2", "3", "4", "5"]);
    expect(scoreLinks(french?.html ?? "").map((l) => l.score)).toEqual(["1", "2", "3", "4", "5"]);
    expect((await prisma.feedbackSurvey.findMany({ select: { status: true } })).map((s) => s.status)).toEqual(["sent", "sent"]);
  });

  it("is not sent to a customer who asked for no more surveys, nor when the shop turned surveys off", async () => {
    // GIVEN a customer who already stopped surveys from an earlier survey's link
    const { token } = await surveyed("noemail@example.com");
    expect((await answer({ t: token, stop: "1" })).status).toBe(200);
    // AND a second backordered order of theirs, and one of another customer
    const again = await backorderedOrder({ email: "noemail@example.com" });
    const other = await backorderedOrder({ email: "other@example.com" });
    await fulfil(again);
    await fulfil(other);
    await env.worker.drain();
    // WHEN the shop turns surveys off before they are due, for the other one
    await turnOn({ enabled: false });
    await runAllJobs(env.worker, env.clock);

    // THEN neither gets a survey: one opted out, the other's shop turned it off; both surveys are skipped
    expect(await prisma.emailOutbox.count({ where: { kind: "feedback_survey" } })).toBe(1);
    expect((await surveyRow(again.id)).status).toBe("skipped");
    expect((await surveyRow(other.id)).status).toBe("skipped");
  });

  it("is not sent to a customer who unsubscribed from the app's back-in-stock emails", async () => {
    // GIVEN surveys on and a customer who unsubscribed from an alert
    await turnOn();
    const order = await backorderedOrder({ email: "quiet@example.com" });
    await prisma.notifySubscription.create({ data: { shop: env.shop, variantId: "gid://shopify/ProductVariant/1", email: "quiet@example.com", status: "unsubscribed", unsubscribeToken: "tok-quiet" } });
    // WHEN their backordered order is fulfilled and the survey falls due
    await fulfil(order);
    await runAllJobs(env.worker, env.clock);
    // THEN no survey goes
    expect(await surveyEmail("quiet@example.com")).toBeNull();
    expect((await surveyRow(order.id)).status).toBe("skipped");
  });
});

describe("one-click unsubscribe", () => {
  it("sends the survey with List-Unsubscribe to its stop link, and a mail client's one-click POST stops surveys", async () => {
    // GIVEN a survey email queued for a customer, and an SMTP server
    const { order } = await surveyed("oneclick@example.com");
    const smtp = await startSmtpServer();
    const transport = createSmtpTransport(smtp.url);
    try {
      // WHEN the worker delivers it
      await deliverPendingEmails({ now: env.clock.date(), workerId: "w1", transport });
      // THEN the message names the survey's "no more surveys" link for one-click unsubscribe
      const mail = smtp.messages.find((m) => /how was the wait/.test(String(m.rawHeaders.subject)));
      const header = mail?.rawHeaders["list-unsubscribe"] ?? "";
      expect(mail?.rawHeaders["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
      const stop = new URL(/^<(.+)>$/.exec(header)?.[1] ?? "https://invalid");
      expect(stop.pathname).toBe("/apps/backorder/feedback");
      expect(stop.searchParams.get("stop")).toBe("1");
      // WHEN the mail client posts RFC 8058's body to it (through the shop's app proxy)
      const response = await callRoute(
        feedbackAction,
        appProxyRequest("/proxy/feedback", {
          params: { t: stop.searchParams.get("t") ?? "", stop: "1" },
          init: { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" },
        }),
      );
      // THEN the customer is opted out (by hash) and their answer is untouched
      expect(response.status).toBe(200);
      expect(await prisma.feedbackOptOut.count()).toBe(1);
      expect((await surveyRow(order.id)).answeredAt).toBeNull();
    } finally {
      transport.close();
      await smtp.close();
    }
  });
});

describe("the survey page", () => {
  it("opens from a score link with that score chosen and posted by the browser, writing nothing itself", async () => {
    // GIVEN a sent survey
    const { order, token } = await surveyed("click@example.com");
    // WHEN the customer's mail client (or a scanner) opens the "4" link
    const page = await open({ t: token, s: "4" });
    // THEN the form shows 4 chosen and the script that posts it; nothing is recorded by the GET
    expect(page.status).toBe(200);
    expect(page.body).toContain('value="4" checked');
    expect(page.body).toContain('document.getElementById("bp-feedback-form").submit()');
    expect((await surveyRow(order.id)).answeredAt).toBeNull();
  });

  it("records one answer per order, and a second answer within 7 days edits it", async () => {
    // GIVEN a sent survey
    const { order, token } = await surveyed("twice@example.com");
    // WHEN the customer answers 4, then changes it to 5 and answers the date question
    const first = await answer({ t: token, score: "4" });
    const firstAt = (await surveyRow(order.id)).answeredAt;
    const second = await callRoute(
      feedbackAction,
      appProxyRequest("/proxy/feedback", { init: { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ t: token, score: "5", dateAccurate: "yes", comment: "" }).toString() } }),
    );

    // THEN both are taken, and the order still has one survey row holding the latest answer
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body).toContain("Your answer is recorded");
    const rows = await prisma.feedbackSurvey.findMany({ where: { orderId: order.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ score: 5, dateAccurate: true, comment: null });
    expect(rows[0]?.answeredAt).toEqual(firstAt);
  });

  it("refuses an answer after the 7 days to change it, keeping the first", async () => {
    // GIVEN an answer given 8 days ago (the page works on real time: the stored answer is moved back)
    const { order, token } = await surveyed("late@example.com");
    expect((await answer({ t: token, score: "3" })).status).toBe(200);
    await prisma.feedbackSurvey.updateMany({ where: { orderId: order.id }, data: { answeredAt: new Date(Date.now() - 8 * DAY) } });
    const before = await surveyRow(order.id);
    // WHEN the customer tries to change it
    const response = await answer({ t: token, score: "1", comment: "Too late to say" });
    // THEN it is refused (410) with the reason, and nothing changed, no follow-up
    expect(response.status).toBe(410);
    expect(response.body).toContain("Answers can be changed for 7 days only");
    expect(await surveyRow(order.id)).toEqual(before);
    expect(await prisma.orderEvent.count({ where: { kind: "feedback" } })).toBe(0);
  });

  it("refuses a tampered link, a link of another shop and a link for another order, writing nothing", async () => {
    // GIVEN a sent survey and its genuine token
    const { order, token } = await surveyed("tamper@example.com");
    const [part, signature] = token.split(".") as [string, string];
    const data = JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
    // the token's order changed to another one, its signature kept
    const otherOrder = `${Buffer.from(JSON.stringify({ ...data, o: "1234567890123456789" })).toString("base64url")}.${signature}`;
    // a genuine token of another shop, and a genuine token of an order of this shop that has no survey
    const foreign = signFeedbackToken({ shop: "other-shop.myshopify.com", orderId: order.id, locale: "en" });
    const noSurvey = signFeedbackToken({ shop: TEST_SHOP, orderId: "gid://shopify/Order/9007199254740993", locale: "en" });

    // WHEN each is answered, and the genuine one is used through the other shop's proxy
    const results = [
      await answer({ t: `${token.slice(0, -2)}xx`, score: "5" }),
      await answer({ t: otherOrder, score: "5" }),
      await answer({ t: foreign, score: "5" }),
      await answer({ t: token, score: "5" }, { shop: "other-shop.myshopify.com" }),
      await answer({ t: noSurvey, score: "5" }),
      await answer({ t: token, score: "9" }),
    ];

    // THEN each is refused: 400 for a link that is not this shop's genuine one or a bad score, 404 no survey
    expect(results.map((r) => r.status)).toEqual([400, 400, 400, 400, 404, 400]);
    expect(results[0]?.body).toContain("This link is not valid");
    // AND nothing was written
    expect((await surveyRow(order.id)).answeredAt).toBeNull();
    expect(await prisma.feedbackSurvey.count()).toBe(1);
    expect(await prisma.orderEvent.count({ where: { kind: "feedback" } })).toBe(0);
  });

  it("opens a follow-up in the support queue for a score of 1, with the customer's comment on the timeline", async () => {
    // GIVEN a sent survey whose order's case staff had resolved
    const { order, token } = await surveyed("unhappy@example.com");
    await prisma.supportCase.updateMany({ where: { orderId: order.id }, data: { status: "resolved" } });
    // WHEN the customer answers 1 with a comment
    const response = await answer({ t: token, score: "1", dateAccurate: "no", comment: "Three weeks late and no word from you." });

    // THEN the answer is recorded, and the order is back in the queue's Complaints view, open again
    expect(response.status).toBe(200);
    const queue = await callRoute(queueLoader, await embeddedDocumentRequest("/app/support?view=complaints"));
    const rows = ((await queue.json()) as { queue: { rows: { orderId: string; complaint: boolean; status: string }[] } }).queue.rows;
    expect(rows.map((r) => [r.orderId, r.complaint, r.status])).toEqual([[order.id, true, "open"]]);
    // AND the timeline shows the customer's feedback with its score and comment
    const events = await prisma.orderEvent.findMany({ where: { orderId: order.id, kind: { in: ["feedback", "status_changed"] } }, select: { kind: true, actor: true, data: true } });
    expect(events.map((e) => [e.kind, e.actor])).toEqual([
      ["feedback", "customer"],
      ["status_changed", "customer"],
    ]);
    expect(JSON.parse(events[0]?.data ?? "{}")).toEqual({ score: "1", dateAccurate: false, text: "Three weeks late and no word from you." });
  });

  it("opens no follow-up for a good score without a comment", async () => {
    // GIVEN a sent survey
    const { order, token } = await surveyed("happy@example.com");
    // WHEN the customer answers 5
    expect((await answer({ t: token, score: "5" })).status).toBe(200);
    // THEN nothing lands in the support queue
    expect(await prisma.orderEvent.count({ where: { orderId: order.id, kind: "feedback" } })).toBe(0);
    expect((await prisma.supportCase.findFirstOrThrow({ where: { orderId: order.id } })).openComplaintAt).toBeNull();
  });
});

describe("the dashboard", () => {
  it("shows the period's answers by wait and lateness, and the latest ones linked to the support desk", async () => {
    // GIVEN a customer who answered 1 with a comment
    const { order, token } = await surveyed("dash@example.com");
    expect((await answer({ t: token, score: "1", dateAccurate: "no", comment: "Far too long." })).status).toBe(200);
    // WHEN the merchant opens the home page
    const response = await callRoute(homeLoader, await embeddedDocumentRequest("/app"));
    const { dashboard } = (await response.json()) as { dashboard: { satisfaction: Satisfaction } };
    // THEN the answer is counted in its wait group and as on time or late, with the comment linked to its order
    const survey = await surveyRow(order.id);
    const { satisfaction } = dashboard;
    expect(satisfaction.overall).toEqual({ answers: 1, average: 1, satisfied: 0 });
    expect(satisfaction.byDelay.find((d) => d.delayed === survey.delayed)?.group.answers).toBe(1);
    expect(satisfaction.byWait.reduce((n, w) => n + w.group.answers, 0)).toBe(1);
    expect(satisfaction.dateAccurate).toEqual({ yes: 0, no: 1 });
    expect(satisfaction.latest).toEqual([expect.objectContaining({ orderName: order.name, score: 1, comment: "Far too long.", path: `/app/support/${order.id.split("/").pop()}` })]);
  });
});

describe("privacy", () => {
  it("customers/redact erases the customer's answers, customers/data_request hands them over, shop/redact erases everything", async () => {
    // GIVEN a customer who answered with a comment
    const { order, token } = await surveyed("private@example.com");
    expect((await answer({ t: token, score: "2", comment: "Slow." })).status).toBe(200);

    // WHEN Shopify asks for the customer's data
    await deliver({
      topic: "customers/data_request",
      payload: { shop_id: 1, shop_domain: TEST_SHOP, customer: { id: 7, email: "private@example.com" }, orders_requested: [Number(order.id.split("/").pop())], data_request: { id: 9 } },
      eventId: nextEventId("dr"),
    });
    await runAllJobs(env.worker, env.clock);
    // THEN the export holds the answer and the comment
    const request = await prisma.dataRequest.findFirstOrThrow({ select: { export: true } });
    expect((JSON.parse(request.export) as { feedback: unknown[] }).feedback).toEqual([expect.objectContaining({ order: order.name, score: 2, comment: "Slow." })]);

    // WHEN Shopify asks to erase the customer
    await deliver({
      topic: "customers/redact",
      payload: { shop_id: 1, shop_domain: TEST_SHOP, customer: { id: 7, email: "private@example.com", phone: null }, orders_to_redact: [Number(order.id.split("/").pop())] },
      eventId: nextEventId("redact"),
    });
    await runAllJobs(env.worker, env.clock);
    // THEN the survey, its answer and comment are gone
    expect(await prisma.feedbackSurvey.count()).toBe(0);

    // AND shop/redact leaves no survey nor opt-out behind
    await prisma.feedbackOptOut.create({ data: { shop: env.shop, emailHash: "x".repeat(64) } });
    const erase = await callRoute(shopRedact as never, webhookRequest("/webhooks/shop/redact", { topic: "shop/redact", payload: { shop_id: 1, shop_domain: TEST_SHOP } }));
    expect(erase.status).toBe(200);
    await runAllJobs(env.worker, env.clock);
    expect(await prisma.feedbackOptOut.count({ where: { shop: env.shop } })).toBe(0);
  });
});

describe("settings", () => {
  async function save(patch: (feedback: FeedbackSettings) => void) {
    const settings = defaultSettingsValues();
    settings.feedback.enabled = true;
    patch(settings.feedback);
    return callRoute(settingsAction, await embeddedFetchRequest("/app/settings", { init: { method: "POST", body: settingsForm(settings) } }));
  }

  it("refuses a delay out of range and an empty or too long question, each error next to its field, writing nothing", async () => {
    // GIVEN a shop that never saved settings
    // WHEN the merchant saves a 0-day delay, an empty English date question and a 201-character French one
    const response = await save((f) => {
      f.delayDays = 0;
      f.questions.en.date = "   ";
      f.questions.fr.wait = "é".repeat(201);
    });
    // THEN the action answers 400 with each error on its own field, and nothing is stored
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Record<string, string> }).errors).toEqual({
      "feedback.delayDays": "Enter a whole number of days from 1 to 60.",
      "feedback.questions.en.date": "Enter the question.",
      "feedback.questions.fr.wait": "Keep the question under 200 characters.",
    });
    expect(await prisma.shopSettings.count()).toBe(0);
  });

  it("saves surveys on, the delay and the questions, and the settings page shows them", async () => {
    // GIVEN valid feedback settings: on, the longest delay (60 days), a French question of the shop's own
    const response = await save((f) => {
      f.delayDays = 60;
      f.questions.fr.wait = "Alors, cette attente ?";
    });
    // THEN they are stored and read back as saved; one day more is refused
    expect(response.status).toBe(200);
    const page = await callRoute(settingsLoader, await embeddedDocumentRequest("/app/settings"));
    const body = (await page.json()) as { settings: { feedback: FeedbackSettings } };
    expect(body.settings.feedback).toMatchObject({ enabled: true, delayDays: 60, questions: { fr: { wait: "Alors, cette attente ?" } } });
    expect((await save((f) => (f.delayDays = 61))).status).toBe(400);
  });
});

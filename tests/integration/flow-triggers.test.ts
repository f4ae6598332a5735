// Shopify Flow triggers end to end: signed webhooks and the customer's link through the real routes, the
// ledger's jobs on a simulated clock, and the `flow.trigger` jobs calling flowTriggerReceive on the
// schema-checked Admin fake, which checks each payload against the app's extensions/flow-backorder-* TOMLs.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { FLOW_TRIGGERS } from "~/domain/flow-triggers";
import { enqueueVariantRecompute } from "~/jobs/schedule.server";
import { inWriteTransaction } from "~/models/transaction.server";
import { action as choiceAction } from "~/routes/proxy.choice";
import { action as reviseAction } from "~/routes/flow.actions.revise-estimate";
import { loader as activityLoader } from "~/routes/app.activity";
import { queueFlowTriggers } from "~/workflows/flow/triggers.server";
import { verifyChoiceToken } from "~/workflows/support/choice-links.server";
import type { AdminFake } from "../../dev/admin-fake";
import { getHmac } from "@shopify/shopify-api/test-helpers";
import { API_SECRET_KEY, TEST_SHOP, appProxyRequest, appUrl, embeddedDocumentRequest } from "../helpers/requests";
import { callRoute } from "../helpers/routes";
import { installFakeShop } from "../helpers/shop";
import { scriptedHistory, seededRandom, shuffle } from "../faults/support";
import { backorderableVariant, deliver, ledgerShop, placeOrder, receiveStock, runAllJobs, type LedgerShop } from "./ledger-support";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
});

const day = (n: number) => new Date(env.clock.now() + n * 86_400_000).toISOString().slice(0, 10);
const numeric = (gid: string) => Number(gid.split("/").pop());

/** A sold-out vase with a batch of 20 expected in 10 days. */
async function vase() {
  const { variantId } = await backorderableVariant(env, { title: "Vase", available: 0, leadTimeDays: 120 });
  const row = await prisma.backorderVariant.findFirstOrThrow({ where: { variantId }, select: { id: true } });
  const batch = await prisma.incomingBatch.create({ data: { shop: env.shop, backorderVariantId: row.id, quantity: 20, expectedOn: day(10) } });
  return { variantId, batchId: batch.id };
}

async function order(variantId: string, email: string) {
  const placed = placeOrder(env.fake, { variantId, email });
  env.clock.advance(1_000);
  expect((await deliver(placed.delivery)).status).toBe(200);
  return placed.order;
}

/** The batch moves to `days` from now and the variant's dates are recomputed, as editing the batch does. */
async function moveBatch(variantId: string, batchId: string, days: number) {
  await prisma.incomingBatch.updateMany({ where: { id: batchId }, data: { expectedOn: day(days) } });
  await enqueueVariantRecompute({ shop: env.shop, variantIds: [variantId], now: env.clock.date() });
  await runAllJobs(env.worker, env.clock);
}

async function told(orderId: string) {
  return (await prisma.backorderLine.findFirstOrThrow({ where: { orderId }, select: { notifiedLatest: true } })).notifiedLatest;
}

async function caseOf(orderId: string) {
  return prisma.supportCase.findFirstOrThrow({ where: { orderId }, select: { orderName: true, products: true, estimateLatest: true, state: true, daysLate: true } });
}

async function promised(orderId: string) {
  return (await prisma.backorderLine.findFirstOrThrow({ where: { orderId }, select: { promisedLatest: true } })).promisedLatest;
}

const received = (fake: AdminFake, handle: string) => fake.flow.received.filter((r) => r.handle === handle).map((r) => r.payload);

describe("Flow triggers fired by the ledger", () => {
  it("a delay notice fires one 'Backorder delayed' per order with the order, the customer and both dates, and never twice", async () => {
    // GIVEN Ana and Ben waiting for the vase, told the batch's date
    const { variantId, batchId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    const ben = await order(variantId, "ben@example.com");
    await runAllJobs(env.worker, env.clock);
    const before = await told(ana.id);

    // WHEN the batch slips 20 days (a delay notice to each), and the variant is recomputed once more
    await moveBatch(variantId, batchId, 30);
    await enqueueVariantRecompute({ shop: env.shop, variantIds: [variantId], now: env.clock.date() });
    await runAllJobs(env.worker, env.clock);

    // THEN Flow received exactly one "Backorder delayed" per order, naming the order, its customer and the dates
    const after = await told(ana.id);
    expect(after && before && after > before).toBe(true);
    expect((await caseOf(ana.id)).daysLate).toBeGreaterThan(0);
    const delayed = received(env.fake, FLOW_TRIGGERS.delayed);
    expect(delayed).toHaveLength(2);
    const anaCase = await caseOf(ana.id);
    expect(delayed.find((p) => p.order_id === numeric(ana.id))).toEqual({
      order_id: numeric(ana.id),
      customer_id: numeric(env.fake.store.getOrder(ana.id).customerId as string),
      "Order name": anaCase.orderName,
      "Promised date": await promised(ana.id),
      "Previous date": before,
      "Estimated date": after,
      "Days late": anaCase.daysLate,
      "Units waiting": 1,
      Products: anaCase.products,
    });
    expect(delayed.find((p) => p.order_id === numeric(ben.id))).toMatchObject({ "Order name": ben.name, "Estimated date": await told(ben.id) });
    // AND the estimate's slip, told at once, fired no "at risk" (its job found the case no longer at risk)
    expect(received(env.fake, FLOW_TRIGGERS.atRisk)).toEqual([]);
    // AND every trigger job succeeded
    expect(await prisma.job.count({ where: { kind: "flow.trigger", status: { not: "succeeded" } } })).toBe(0);
  });

  it("an estimate that slips below the shop's minimum fires one 'Backorder at risk', and a later slip fires another", async () => {
    // GIVEN a shop that emails delays of 30 days or more only, and Ana waiting for the vase
    await prisma.shopSettings.upsert({ where: { shop: env.shop }, create: { shop: env.shop, delayMinSlipDays: 30 }, update: { delayMinSlipDays: 30 } });
    const { variantId, batchId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    await runAllJobs(env.worker, env.clock);
    const toldDate = await told(ana.id);

    // WHEN the batch slips 10 days (no email), and the variant is recomputed again
    await moveBatch(variantId, batchId, 20);
    await enqueueVariantRecompute({ shop: env.shop, variantIds: [variantId], now: env.clock.date() });
    await runAllJobs(env.worker, env.clock);

    // THEN Flow received one "Backorder at risk": told date unchanged, the new estimate, no delay trigger
    const anaCase = await caseOf(ana.id);
    expect(anaCase.state).toBe("at_risk");
    expect(await told(ana.id)).toBe(toldDate);
    expect(received(env.fake, FLOW_TRIGGERS.atRisk)).toEqual([
      expect.objectContaining({ order_id: numeric(ana.id), "Told date": toldDate, "Estimated date": anaCase.estimateLatest, "Units waiting": 1 }),
    ]);
    expect(received(env.fake, FLOW_TRIGGERS.delayed)).toEqual([]);

    // WHEN it slips 5 more days
    await moveBatch(variantId, batchId, 25);
    // THEN a second one, about the new estimate
    const estimates = received(env.fake, FLOW_TRIGGERS.atRisk).map((p) => p["Estimated date"]);
    expect(estimates).toEqual([anaCase.estimateLatest, (await caseOf(ana.id)).estimateLatest]);
    expect(new Set(estimates).size).toBe(2);
  });

  it("stock for every owed unit fires one 'Backorder ready to ship' per order, even when the stock event comes twice", async () => {
    // GIVEN Ana and Ben waiting for the vase
    const { variantId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    const ben = await order(variantId, "ben@example.com");
    await runAllJobs(env.worker, env.clock);

    // WHEN two units arrive, Shopify sends the stock event twice (two event ids), and the variant is recomputed
    const arrival = receiveStock(env.fake, variantId, 2);
    await deliver(arrival);
    await deliver({ ...arrival, eventId: `${arrival.eventId}-again` });
    await runAllJobs(env.worker, env.clock);
    await enqueueVariantRecompute({ shop: env.shop, variantIds: [variantId], now: env.clock.date() });
    await runAllJobs(env.worker, env.clock);

    // THEN one "ready" trigger per order, with the units allocated and the day they were
    const ready = received(env.fake, FLOW_TRIGGERS.ready);
    expect(ready.map((p) => p.order_id).sort()).toEqual([numeric(ana.id), numeric(ben.id)].sort());
    const allocatedOn = (await prisma.backorderLine.findFirstOrThrow({ where: { orderId: ana.id }, select: { allocatedAt: true } })).allocatedAt?.toISOString().slice(0, 10);
    expect(ready.find((p) => p.order_id === numeric(ana.id))).toEqual({
      order_id: numeric(ana.id),
      customer_id: numeric(env.fake.store.getOrder(ana.id).customerId as string),
      "Order name": ana.name,
      "Promised date": await promised(ana.id),
      "Ready date": allocatedOn,
      "Units ready": 1,
      Products: (await caseOf(ana.id)).products,
    });
  });

  it("every webhook delivered 3 times, shuffled: each trigger fires once per order and date, and every order that ends ready got one", async () => {
    // GIVEN a history of 12 orders, stock arrivals and a cancellation, its webhooks ×3 in a shuffled order
    const scenario = await scriptedHistory(env);
    const deliveries = shuffle(scenario.deliveries.flatMap((d) => [d, d, d]), seededRandom(7));

    // WHEN they all arrive, jobs running in between, and the queue drains
    for (const [i, delivery] of deliveries.entries()) {
      expect((await deliver(delivery)).status).toBe(200);
      if (i % 5 === 4) await runAllJobs(env.worker, env.clock);
    }
    await runAllJobs(env.worker, env.clock);

    // THEN no trigger was sent twice for the same order, trigger and date
    const keys = env.fake.flow.received.map((r) => JSON.stringify([r.handle, r.payload.order_id, r.payload["Estimated date"] ?? null]));
    expect(new Set(keys).size).toBe(keys.length);
    // AND the orders whose backordered units all got stock are exactly those with a "ready" trigger
    const cases = await prisma.supportCase.findMany({ where: { state: "ready" }, select: { orderId: true } });
    const readyOrders = cases.map((c) => numeric(c.orderId)).sort();
    expect(readyOrders.length).toBeGreaterThan(0);
    expect(received(env.fake, FLOW_TRIGGERS.ready).map((p) => p.order_id).sort()).toEqual(readyOrders);
    // AND no trigger job failed
    expect(await prisma.job.count({ where: { kind: "flow.trigger", status: { not: "succeeded" } } })).toBe(0);
  });
});

describe("Flow trigger fired by the customer's choice", () => {
  it("'cancel these items' fires one 'Customer chose to cancel a backorder', and answering again fires nothing", async () => {
    // GIVEN Ana waiting for the vase and sent a delay notice with its two links
    const { variantId, batchId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    await runAllJobs(env.worker, env.clock);
    await moveBatch(variantId, batchId, 30);
    const email = await prisma.emailOutbox.findFirstOrThrow({ where: { kind: "delay_notice" }, select: { html: true } });
    const cancel = [...email.html.matchAll(/\/apps\/backorder\/choice\?t=([^"&]+)/g)]
      .map((m) => decodeURIComponent(m[1] as string))
      .find((t) => {
        const verified = verifyChoiceToken(t, { shop: env.shop, now: new Date() });
        return verified.ok && verified.payload.choice === "cancel";
      }) as string;

    // WHEN she asks to cancel (twice: a double click)
    for (let i = 0; i < 2; i++) {
      const response = await callRoute(
        choiceAction,
        appProxyRequest("/proxy/choice", {
          init: { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ t: cancel }).toString() },
        }),
      );
      expect(response.status).toBe(200);
    }
    await runAllJobs(env.worker, env.clock);

    // THEN Flow received one trigger: her order, her customer, what she asked to cancel, waiting for staff
    expect(received(env.fake, FLOW_TRIGGERS.cancelRequested)).toEqual([
      {
        order_id: numeric(ana.id),
        customer_id: numeric(env.fake.store.getOrder(ana.id).customerId as string),
        "Order name": ana.name,
        "Requested date": new Date().toISOString().slice(0, 10),
        "Units to cancel": 1,
        Products: expect.stringMatching(/^1 × Vase/),
        "Refunded automatically": false,
      },
    ]);
  });
});

describe("what Shopify refuses", () => {
  async function ordered() {
    const { variantId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    await runAllJobs(env.worker, env.clock);
    return ana;
  }

  async function queue(orderId: string, products: string) {
    await inWriteTransaction(env.shop, (tx) =>
      queueFlowTriggers(tx, env.shop, [
        {
          handle: FLOW_TRIGGERS.cancelRequested,
          orderId,
          dedupeKey: `test:${orderId}:${products.length}`,
          fields: { "Order name": "#1001", "Requested date": day(0), "Units to cancel": 1, Products: products, "Refunded automatically": false },
        },
      ], env.clock.date()),
    );
    await runAllJobs(env.worker, env.clock);
    return prisma.job.findFirstOrThrow({ where: { kind: "flow.trigger", uniqueKey: `test:${orderId}:${products.length}` }, select: { status: true, attempts: true, lastError: true } });
  }

  it("a payload of 50,000 bytes or more is never cut to fit: the job dies with its size and nothing is sent", async () => {
    // GIVEN an order
    const ana = await ordered();
    const calls = env.fake.calls.length;

    // WHEN a trigger whose text alone is 50,000 bytes is queued
    const job = await queue(ana.id, "x".repeat(50_000));

    // THEN it is dead after one attempt, saying why, and Shopify was never asked
    expect(job.status).toBe("dead");
    expect(job.attempts).toBe(1);
    expect(job.lastError).toMatch(/payload is \d+ bytes, Shopify takes less than 50000/);
    expect(env.fake.calls.slice(calls).map((c) => c.rootFields[0])).not.toContain("flowTriggerReceive");
    expect(env.fake.flow.received).toEqual([]);
  });

  it("a payload just under the limit is sent whole", async () => {
    // GIVEN an order WHEN a trigger of 49,900-odd bytes is queued
    const ana = await ordered();
    const job = await queue(ana.id, "y".repeat(49_700));
    // THEN Shopify received it, text intact
    expect(job.status).toBe("succeeded");
    expect(received(env.fake, FLOW_TRIGGERS.cancelRequested)[0]?.Products).toHaveLength(49_700);
  });

  it("a shop where Flow refuses the trigger: the job dies once with Shopify's message, shown in Activity, no retry loop", async () => {
    // GIVEN a shop where Shopify answers flowTriggerReceive with a userError
    const ana = await ordered();
    env.fake.flow.installed = false;

    // WHEN a trigger is queued
    const job = await queue(ana.id, "1 × Vase");

    // THEN it is dead after a single attempt with Shopify's reason
    expect(job).toMatchObject({ status: "dead", attempts: 1 });
    expect(job.lastError).toContain("Shopify refused Flow trigger backorder-cancel-requested");
    expect(job.lastError).toContain("Shopify Flow is not available on this shop");
    expect(env.fake.calls.filter((c) => c.rootFields.includes("flowTriggerReceive"))).toHaveLength(1);
    // AND the merchant sees it on the Activity page, among the dead jobs, with its reason
    const activity = (await (await callRoute(activityLoader, await embeddedDocumentRequest("/app/activity"))).json()) as { dead: { kind: string; lastError: string | null }[] };
    expect(activity.dead).toEqual([expect.objectContaining({ kind: "flow.trigger", lastError: expect.stringContaining("Shopify Flow is not available") })]);
  });

  it("an order with no customer in Shopify is not sent (the trigger needs one), and the job says why", async () => {
    // GIVEN an order placed without a customer (a POS or draft order, say)
    const { order: guest } = env.fake.store.addOrder({ lineItems: [{ variantId: (await vase()).variantId, quantity: 1 }] });
    expect(guest.customerId).toBeNull();
    // WHEN a trigger is queued for it
    const job = await queue(guest.id, "1 × Vase");
    // THEN the job succeeded without calling flowTriggerReceive, its result naming the reason
    expect(job.status).toBe("succeeded");
    const row = await prisma.job.findFirstOrThrow({ where: { kind: "flow.trigger" }, select: { payload: true } });
    expect(JSON.parse(row.payload)).toMatchObject({ result: { sent: false, reason: "no_customer" } });
    expect(env.fake.calls.filter((c) => c.rootFields.includes("flowTriggerReceive"))).toEqual([]);
  });

  it("the fake refuses, like Shopify, unknown handles, undeclared or missing fields and oversized payloads", async () => {
    // GIVEN an order in the fake shop
    const { order: placed } = placeOrder(env.fake, { variantId: (await vase()).variantId, email: "zoe@example.com" });
    const valid = {
      order_id: numeric(placed.id),
      customer_id: numeric(placed.customerId as string),
      "Order name": placed.name,
      "Requested date": "2026-12-01",
      "Units to cancel": 1,
      Products: "1 × Vase",
      "Refunded automatically": true,
    };
    const send = async (handle: string, payload: Record<string, unknown>) => {
      const response = await env.fake.graphql({
        query: "mutation T($handle: String!, $payload: JSON!) { flowTriggerReceive(handle: $handle, payload: $payload) { userErrors { field message } } }",
        variables: { handle, payload },
      }, env.fake.accessToken);
      return (response.body as { data: { flowTriggerReceive: { userErrors: { field: string[] | null; message: string }[] } } }).data.flowTriggerReceive.userErrors;
    };

    // WHEN payloads are sent THEN only the one matching the extension is accepted
    expect(await send("backorder-cancel-requested", valid)).toEqual([]);
    expect(await send("backorder-cancelled", valid)).toEqual([{ field: ["handle"], message: expect.stringContaining("Invalid handle") }]);
    expect(await send("backorder-cancel-requested", { ...valid, Extra: "x" })).toEqual([{ field: ["payload", "Extra"], message: expect.any(String) }]);
    const { customer_id: _dropped, ...noCustomer } = valid;
    expect(await send("backorder-cancel-requested", noCustomer)).toEqual([{ field: ["payload", "customer_id"], message: expect.any(String) }]);
    expect(await send("backorder-cancel-requested", { ...valid, "Units to cancel": "1" })).toEqual([{ field: ["payload", "Units to cancel"], message: expect.any(String) }]);
    expect(await send("backorder-cancel-requested", { ...valid, order_id: 999_999_999 })).toEqual([{ field: ["payload", "order_id"], message: expect.stringContaining("does not exist") }]);
    expect(await send("backorder-cancel-requested", { ...valid, Products: "z".repeat(50_000) })).toEqual([{ field: ["payload"], message: expect.stringContaining("50000 bytes") }]);
    expect(env.fake.flow.received).toHaveLength(1);
  });
});

describe("Flow action 'Revise backorder estimate'", () => {
  /** A request as Flow sends it: JSON body, HMAC-SHA256 of the raw body with the app's secret, base64. */
  function flowRequest(body: unknown, { secret = API_SECRET_KEY, method = "POST", hmac }: { secret?: string; method?: string; hmac?: string | null } = {}) {
    const raw = JSON.stringify(body);
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    const signature = hmac === undefined ? getHmac(raw, secret) : hmac;
    if (signature !== null) headers["X-Shopify-Hmac-Sha256"] = signature;
    return new Request(appUrl("/flow/actions/revise-estimate"), { method, headers, ...(method === "GET" ? {} : { body: raw }) });
  }

  const run = (orderId: string, properties: Record<string, unknown>, shop = TEST_SHOP) => ({
    shop_id: 1,
    shopify_domain: shop,
    action_run_id: `run-${orderId}`,
    action_definition_id: "revise-backorder-estimate",
    handle: "revise-backorder-estimate",
    properties: { order_id: numeric(orderId), ...properties },
  });

  async function post(request: Request) {
    try {
      const response = await callRoute(reviseAction, request);
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as { ok: boolean; error?: string; lines?: number; unchanged?: boolean }) : null };
    } catch (thrown) {
      if (thrown instanceof Response) return { status: thrown.status, body: null };
      throw thrown;
    }
  }

  async function written() {
    return {
      events: await prisma.orderEvent.count({ where: { kind: "manual_promise" } }),
      manual: await prisma.backorderLine.count({ where: { manualLatest: { not: null } } }),
      emails: await prisma.emailOutbox.count(),
      versions: (await prisma.supportCase.findMany({ select: { version: true }, orderBy: { orderId: "asc" } })).map((c) => c.version),
    };
  }

  async function waitingOrder() {
    const { variantId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    await runAllJobs(env.worker, env.clock);
    return ana;
  }

  it("a signed run sets the range and reason on the order's waiting lines, on the timeline as Flow, and emails the customer", async () => {
    // GIVEN Ana waiting for the vase, told the batch's date
    const ana = await waitingOrder();
    const before = await told(ana.id);
    const delays = await prisma.emailOutbox.count({ where: { kind: "delay_notice" } });

    // WHEN a workflow runs the action: 40 days out, "Supplier strike", email the customer
    const response = await post(flowRequest(run(ana.id, { latest_date: day(40), earliest_date: day(35), reason: "Supplier strike", notify_customer: true })));

    // THEN it succeeds, the line carries the manual promise and the customer was told the new date
    expect(response).toEqual({ status: 200, body: { ok: true, lines: 1, unchanged: false } });
    const line = await prisma.backorderLine.findFirstOrThrow({ where: { orderId: ana.id }, select: { manualEarliest: true, manualLatest: true, manualReason: true, manualBy: true, notifiedLatest: true } });
    expect(line).toEqual({ manualEarliest: day(35), manualLatest: day(40), manualReason: "Supplier strike", manualBy: "flow", notifiedLatest: day(40) });
    expect(before && before < day(40)).toBe(true);
    expect(await prisma.emailOutbox.count({ where: { kind: "delay_notice" } })).toBe(delays + 1);
    const event = await prisma.orderEvent.findFirstOrThrow({ where: { orderId: ana.id, kind: "manual_promise" }, select: { actor: true } });
    expect(event.actor).toBe("flow");
    // AND the delay it told fires the "Backorder delayed" trigger like any other
    await runAllJobs(env.worker, env.clock);
    expect(received(env.fake, FLOW_TRIGGERS.delayed)).toEqual([expect.objectContaining({ order_id: numeric(ana.id), "Estimated date": day(40) })]);
  });

  it("the same run sent again (Flow retries) changes nothing more", async () => {
    // GIVEN a run already applied
    const ana = await waitingOrder();
    const body = run(ana.id, { latest_date: day(40), reason: "Supplier strike" });
    expect((await post(flowRequest(body))).status).toBe(200);
    const once = await written();
    // WHEN Flow sends it again THEN it answers success, unchanged, and writes nothing
    expect(await post(flowRequest(body))).toEqual({ status: 200, body: { ok: true, lines: 1, unchanged: true } });
    expect(await written()).toEqual(once);
  });

  it("refuses a bad signature, a missing one, another app's secret and a GET, before reading anything", async () => {
    // GIVEN a waiting order and a valid run
    const ana = await waitingOrder();
    const body = run(ana.id, { latest_date: day(40), reason: "Supplier strike" });
    const before = await written();
    // WHEN it arrives signed with another secret, unsigned, with a signature of another body, or as a GET
    const forged = await post(flowRequest(body, { secret: "not-the-secret" }));
    const unsigned = await post(flowRequest(body, { hmac: null }));
    const otherBody = await post(flowRequest(body, { hmac: getHmac(JSON.stringify({ ...body, properties: { ...body.properties, reason: "x" } }), API_SECRET_KEY) }));
    const get = await post(flowRequest(body, { method: "GET" }));
    // THEN each is refused (400 for the signature, 405 for the method) and nothing is written
    expect([forged.status, unsigned.status, otherBody.status, get.status]).toEqual([400, 400, 400, 405]);
    expect(await written()).toEqual(before);
  });

  it("answers 4xx with the reason, writing nothing, for bad dates, a missing reason, an unknown order or a shop without the app", async () => {
    // GIVEN a waiting order
    const ana = await waitingOrder();
    const before = await written();
    // WHEN runs with bad input arrive (signed correctly)
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ latest_date: "24/12/2026", reason: "x" }, 400, /latest_date must be a date/],
      [{ latest_date: day(40), reason: " " }, 400, /reason is required/],
      [{ latest_date: day(40), earliest_date: day(45), reason: "x" }, 422, /earliest_date must not be after/],
      [{ latest_date: day(-3), reason: "x" }, 422, /in the past/],
    ];
    for (const [properties, status, message] of cases) {
      const response = await post(flowRequest(run(ana.id, properties)));
      // THEN each is refused with its reason
      expect(response.status).toBe(status);
      expect(response.body?.error).toMatch(message);
    }
    const unknown = await post(flowRequest({ ...run(ana.id, { latest_date: day(40), reason: "x" }), properties: { order_id: 424242, latest_date: day(40), reason: "x" } }));
    expect(unknown.status).toBe(404);
    // AND a shop with no session (the app is not installed there) is refused by the library, 400
    expect((await post(flowRequest(run(ana.id, { latest_date: day(40), reason: "x" }, "no-such-shop.myshopify.com")))).status).toBe(400);
    expect(await written()).toEqual(before);
  });

  it("another shop's workflow cannot revise this shop's order: 404, nothing written", async () => {
    // GIVEN Ana's order in this shop, and another shop that installed the app
    const ana = await waitingOrder();
    await installFakeShop({ shop: "other-shop.myshopify.com", now: env.clock.now });
    const before = await written();
    // WHEN the other shop's Flow runs the action naming Ana's order id, correctly signed
    const response = await post(flowRequest(run(ana.id, { latest_date: day(40), reason: "x" }, "other-shop.myshopify.com")));
    // THEN the order is not found for that shop and nothing changes
    expect(response.status).toBe(404);
    expect(await written()).toEqual(before);
  });
});

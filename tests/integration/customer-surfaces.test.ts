// Customer-facing surfaces (issue 12, Customers): the customer-account order status block and order action,
// and the thank-you page block, through their real routes with session tokens signed like Shopify's for each
// kind (customer account: `sub` = the customer; checkout: `sub` only for a logged-in buyer). A customer sees
// and answers only their own order; the answer goes through the delay email's workflow.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { enqueueVariantRecompute } from "~/jobs/schedule.server";
import { loader as thankYouLoader, action as thankYouAction } from "~/routes/api.checkout.thank-you";
import { loader as orderLoader, action as orderAction } from "~/routes/api.customer.orders.$id";
import { action as choiceAction } from "~/routes/api.customer.orders.$id_.choice";
import { extensionRequest, extensionToken } from "../helpers/extension-tokens";
import { forgedSessionToken } from "../helpers/requests";
import { callRoute } from "../helpers/routes";
import { backorderableVariant, deliver, ledgerShop, nextEventId, orderPayload, placeOrder, runAllJobs, type LedgerShop } from "./ledger-support";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
});

const day = (n: number) => new Date(env.clock.now() + n * 86_400_000).toISOString().slice(0, 10);
const number = (gid: string) => gid.split("/").pop() as string;

/** A sold-out vase with a batch of 20 in 10 days. */
async function vase() {
  const { variantId } = await backorderableVariant(env, { title: "Vase", available: 0, leadTimeDays: 120 });
  const row = await prisma.backorderVariant.findFirstOrThrow({ where: { variantId }, select: { id: true } });
  const batch = await prisma.incomingBatch.create({ data: { shop: env.shop, backorderVariantId: row.id, quantity: 20, expectedOn: day(10) } });
  return { variantId, batchId: batch.id };
}

/** A customer's order, through the orders/create webhook and the jobs it queues. */
async function order(variantId: string, email: string) {
  const placed = placeOrder(env.fake, { variantId, email });
  env.clock.advance(1_000);
  expect((await deliver(placed.delivery)).status).toBe(200);
  await runAllJobs(env.worker, env.clock);
  return { orderId: placed.order.id, customerId: placed.order.customerId as string };
}

/** A guest checkout: the order names no customer. */
async function guestOrder(variantId: string) {
  const { order: placed } = env.fake.store.addOrder({ email: "guest@example.com", customerLocale: "en", lineItems: [{ variantId, quantity: 1 }] });
  expect((await deliver({ topic: "orders/create", payload: orderPayload(env.fake.store, placed), eventId: nextEventId("order") })).status).toBe(200);
  await runAllJobs(env.worker, env.clock);
  return placed.id;
}

async function slip(variantId: string, batchId: string) {
  await prisma.incomingBatch.updateMany({ where: { id: batchId }, data: { expectedOn: day(30) } });
  await enqueueVariantRecompute({ shop: env.shop, variantIds: [variantId], now: env.clock.date() });
  await runAllJobs(env.worker, env.clock);
}

const accountToken = (customerId: string, options: Parameters<typeof extensionToken>[0] = {}) => extensionToken({ customerId, ...options });

async function view(orderId: string, token: string | null) {
  const response = await callRoute(orderLoader, extensionRequest(`/api/customer/orders/${number(orderId)}`, token), { id: number(orderId) });
  return { status: response.status, headers: response.headers, body: (await response.json().catch(() => null)) as Record<string, unknown> | null };
}

async function choose(orderId: string, token: string | null, body: string, id = number(orderId)) {
  const request = extensionRequest(`/api/customer/orders/${id}/choice`, token, { method: "POST", headers: { "Content-Type": "application/json" }, body });
  const response = await callRoute(choiceAction, request, { id });
  return { status: response.status, headers: response.headers, body: (await response.json().catch(() => null)) as Record<string, unknown> | null };
}

async function thankYou(order: string, token: string | null) {
  const response = await callRoute(thankYouLoader, extensionRequest(`/api/checkout/thank-you?order=${encodeURIComponent(order)}`, token));
  return { status: response.status, headers: response.headers, body: (await response.json().catch(() => null)) as Record<string, unknown> | null };
}

/** What an answer can write: unchanged after every refusal. */
async function written() {
  return {
    choices: await prisma.customerChoice.count(),
    cancellations: await prisma.supportCancellation.count(),
    events: await prisma.orderEvent.count(),
    jobs: await prisma.job.count(),
  };
}

describe("the ledger keeps the order's customer", () => {
  it("records customer.id of orders/create on the lines, and nothing for a guest order", async () => {
    // GIVEN a sold-out vase WHEN Ana orders it logged in, and a guest orders it too
    const { variantId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    const guest = await guestOrder(variantId);
    // THEN Ana's line carries her Customer gid and the guest's carries none
    expect(ana.customerId).toMatch(/^gid:\/\/shopify\/Customer\/\d+$/);
    expect(await prisma.backorderLine.findMany({ where: { orderId: ana.orderId }, select: { customerId: true } })).toEqual([{ customerId: ana.customerId }]);
    expect(await prisma.backorderLine.findMany({ where: { orderId: guest }, select: { customerId: true } })).toEqual([{ customerId: null }]);
  });
});

describe("GET /api/customer/orders/:id (customer account order status block)", () => {
  it("shows the customer their backordered items with the estimate, CORS headers and the cancel choice", async () => {
    // GIVEN Ana's backordered vase
    const { variantId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    // WHEN her customer-account extension asks, with her token
    const res = await view(ana.orderId, await accountToken(ana.customerId));
    // THEN she sees the vase, waiting, with a dated estimate, not delayed; she may cancel but not "wait"
    expect(res.status).toBe(200);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(res.body).toMatchObject({ orderId: ana.orderId, delayed: false, choices: ["cancel"], answered: [] });
    const items = res.body?.items as { title: string; quantity: number; status: string; estimate: { latest: string } | null }[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: "Vase", quantity: 1, status: "waiting" });
    expect(items[0]?.estimate?.latest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("after a delay, says what changed since purchase and offers both choices; 'I'll wait' lands on the timeline once", async () => {
    // GIVEN Ana's vase, whose batch then slips 20 days
    const { variantId, batchId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    const promised = (await view(ana.orderId, await accountToken(ana.customerId))).body?.items as { estimate: { latest: string } }[];
    await prisma.backorderLine.updateMany({ where: { orderId: ana.orderId }, data: { promisedLatest: promised[0]?.estimate.latest } });
    await slip(variantId, batchId);
    // WHEN she opens her order
    const token = await accountToken(ana.customerId);
    const before = await view(ana.orderId, token);
    // THEN it is delayed, later than promised, and both choices are offered
    expect(before.body).toMatchObject({ delayed: true, choices: ["wait", "cancel"] });
    expect((before.body?.items as { change: string; status: string }[])[0]).toMatchObject({ status: "delayed", change: "later" });
    // WHEN she answers "I'll wait", twice
    const first = await choose(ana.orderId, token, JSON.stringify({ choice: "wait" }));
    const second = await choose(ana.orderId, token, JSON.stringify({ choice: "wait" }));
    // THEN the first is recorded, the second is "already answered", one timeline event by the customer
    expect(first).toMatchObject({ status: 200, body: { outcome: "waiting" } });
    expect(first.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(second).toMatchObject({ status: 200, body: { outcome: "already_answered" } });
    expect(await prisma.orderEvent.count({ where: { orderId: ana.orderId, kind: "customer_chose_wait", actor: "customer" } })).toBe(1);
    // AND the block no longer offers "wait"
    expect((await view(ana.orderId, token)).body).toMatchObject({ choices: ["cancel"], answered: ["wait"] });
  });

  it("answers 404 for another customer's order and for a guest order, and 404 to a token of another shop", async () => {
    // GIVEN Ana's order, Bob's order and a guest order
    const { variantId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    const bob = await order(variantId, "bob@example.com");
    const guest = await guestOrder(variantId);
    const before = await written();
    // WHEN Bob asks for Ana's order and the guest's, or tries to cancel Ana's
    const bobToken = await accountToken(bob.customerId);
    // THEN not found, and nothing is written
    expect((await view(ana.orderId, bobToken)).status).toBe(404);
    expect((await view(guest, bobToken)).status).toBe(404);
    expect((await choose(ana.orderId, bobToken, JSON.stringify({ choice: "cancel" }))).status).toBe(404);
    // WHEN Ana's own customer id comes in a token of another shop THEN her order is not found there either
    expect((await view(ana.orderId, await accountToken(ana.customerId, { shop: "other-shop.myshopify.com" }))).status).toBe(404);
    expect((await choose(ana.orderId, await accountToken(ana.customerId, { shop: "other-shop.myshopify.com" }), JSON.stringify({ choice: "cancel" }))).status).toBe(404);
    expect(await written()).toEqual(before);
  });

  it("refuses missing, expired, forged, foreign-app and admin tokens with 401", async () => {
    // GIVEN Ana's order
    const { variantId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    const before = await written();
    // WHEN asked without a token, or with a bad one THEN 401 each time, nothing written
    const bad = [
      null,
      await accountToken(ana.customerId, { expired: true }),
      await accountToken(ana.customerId, { secret: "not-the-secret" }),
      await accountToken(ana.customerId, { audience: "another-app" }),
      await forgedSessionToken({ secret: "not-the-secret" }),
    ];
    for (const token of bad) {
      expect((await view(ana.orderId, token)).status).toBe(401);
      expect((await choose(ana.orderId, token, JSON.stringify({ choice: "cancel" }))).status).toBe(401);
    }
    // AND an admin session token of this very app (genuine, but `sub` is a staff user) is no customer
    const { getJwt, API_KEY, API_SECRET_KEY } = await import("@shopify/shopify-api/test-helpers");
    const admin = (await getJwt(env.shop.replace(".myshopify.com", ""), API_KEY, API_SECRET_KEY)).token;
    expect((await view(ana.orderId, admin)).status).toBe(401);
    expect((await choose(ana.orderId, admin, JSON.stringify({ choice: "cancel" }))).status).toBe(401);
    expect(await written()).toEqual(before);
  });

  it("answers the CORS preflight without a token", async () => {
    // GIVEN the extension's preflight (no Authorization header, as browsers send it)
    const preflight = () =>
      extensionRequest("/api/customer/orders/1/choice", null, { method: "OPTIONS", headers: { "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type" } });
    // WHEN it reaches each route THEN 204 with the CORS headers
    for (const [fn, request] of [
      [choiceAction, preflight()],
      [orderAction, preflight()],
      [thankYouAction, preflight()],
    ] as const) {
      const response = await callRoute(fn, request, { id: "1" });
      expect(response.status).toBe(204);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(response.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
    }
  });
});

describe("POST /api/customer/orders/:id/choice (order action: cancel backordered items)", () => {
  it("refuses a bad order id or body with 400 and writes nothing", async () => {
    // GIVEN Ana's order
    const { variantId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    const token = await accountToken(ana.customerId);
    const before = await written();
    // WHEN the id or the body is wrong
    const answers = [
      await choose(ana.orderId, token, JSON.stringify({ choice: "cancel" }), "not-a-number"),
      await choose(ana.orderId, token, JSON.stringify({ choice: "refund-everything" })),
      await choose(ana.orderId, token, "choice=cancel"),
      await choose(ana.orderId, token, JSON.stringify({ choice: "cancel", pad: "x".repeat(2_000) })),
    ];
    // THEN 400 with a message, CORS headers so the extension can read it, and nothing written
    for (const a of answers) {
      expect(a.status).toBe(400);
      expect(a.body?.message).toEqual(expect.any(String));
      expect(a.headers.get("Access-Control-Allow-Origin")).toBe("*");
    }
    expect(await written()).toEqual(before);
  });

  it("records a cancellation request once: a repeated cancel is 'already answered' and adds nothing", async () => {
    // GIVEN Ana's backordered vase (the shop approves customers' cancellations by hand, its default)
    const { variantId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    const token = await accountToken(ana.customerId);
    // WHEN she confirms "Cancel backordered items", then again (double tap)
    const first = await choose(ana.orderId, token, JSON.stringify({ choice: "cancel" }));
    const after = await written();
    const second = await choose(ana.orderId, token, JSON.stringify({ choice: "cancel" }));
    // THEN one cancellation request by the customer, waiting for staff, and the repeat writes nothing
    expect(first).toMatchObject({ status: 200, body: { outcome: "cancel_requested" } });
    expect(second).toMatchObject({ status: 200, body: { outcome: "already_answered" } });
    expect(await written()).toEqual(after);
    expect(await prisma.supportCancellation.findMany({ select: { orderId: true, source: true, status: true } })).toEqual([
      { orderId: ana.orderId, source: "customer", status: "requested" },
    ]);
    // AND her block no longer offers to cancel
    expect((await view(ana.orderId, token)).body).toMatchObject({ choices: [], answered: ["cancel"] });
  });

  it("refuses 'wait' once the customer asked to cancel the same items", async () => {
    // GIVEN Ana's delayed order, whose items she asked to cancel
    const { variantId, batchId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    await slip(variantId, batchId);
    const token = await accountToken(ana.customerId);
    expect((await choose(ana.orderId, token, JSON.stringify({ choice: "cancel" }))).body).toEqual({ outcome: "cancel_requested" });
    const before = await written();
    // WHEN she then posts "wait" THEN 409 nothing left to answer, nothing written
    expect(await choose(ana.orderId, token, JSON.stringify({ choice: "wait" }))).toMatchObject({ status: 409, body: { outcome: "nothing_left" } });
    expect(await written()).toEqual(before);
  });

  it("refuses 'wait' with 409 while the order is on time", async () => {
    // GIVEN Ana's order, on time
    const { variantId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    const before = await written();
    // WHEN she posts "wait" THEN 409, nothing written
    expect(await choose(ana.orderId, await accountToken(ana.customerId), JSON.stringify({ choice: "wait" }))).toMatchObject({ status: 409, body: { outcome: "not_delayed" } });
    expect(await written()).toEqual(before);
  });
});

describe("GET /api/checkout/thank-you (thank-you page block)", () => {
  it("lists the items that ship later to the logged-in buyer and to a guest right after checkout", async () => {
    // GIVEN Ana's order (logged in) and a guest's, both just placed
    const { variantId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    const guest = await guestOrder(variantId);
    // WHEN each thank-you page asks, with the order id the page knows
    const mine = await thankYou(ana.orderId, await extensionToken({ customerId: ana.customerId }));
    const theirs = await thankYou(guest, await extensionToken());
    // THEN each sees its vase with an estimated delivery
    for (const res of [mine, theirs]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
      const items = res.body?.items as { title: string; quantity: number; estimate: { latest: string } | null }[];
      expect(items).toEqual([{ title: "Vase", quantity: 1, estimate: { earliest: expect.any(String), latest: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } }]);
    }
  });

  it("hides an order from another logged-in customer, from a guest once the checkout is hours old, and from another shop", async () => {
    // GIVEN Ana's order and Bob, and a guest order placed three hours ago
    const { variantId } = await vase();
    const ana = await order(variantId, "ana@example.com");
    const bob = await order(variantId, "bob@example.com");
    const guest = await guestOrder(variantId);
    await prisma.backorderLine.updateMany({ where: { orderId: guest }, data: { orderedAt: new Date(Date.now() - 3 * 3_600_000) } });
    // WHEN Bob's thank-you page asks for Ana's order, a guest asks for the old one, another shop for Ana's
    // THEN not found each time
    expect((await thankYou(ana.orderId, await extensionToken({ customerId: bob.customerId }))).status).toBe(404);
    expect((await thankYou(guest, await extensionToken())).status).toBe(404);
    expect((await thankYou(ana.orderId, await extensionToken({ customerId: ana.customerId, shop: "other-shop.myshopify.com" }))).status).toBe(404);
  });

  it("answers 404 for an order without backorders, 400 for a bad id, 401 for a bad token", async () => {
    // GIVEN an in-stock mug ordered by Ana
    const { variantId } = await backorderableVariant(env, { title: "Mug", available: 5 });
    const mug = await order(variantId, "ana@example.com");
    const token = await extensionToken({ customerId: mug.customerId });
    // WHEN the thank-you page asks THEN nothing ships later: 404, and the block renders nothing
    expect((await thankYou(mug.orderId, token)).status).toBe(404);
    // AND a malformed id is a 400, an expired or forged token a 401
    expect((await thankYou("gid://shopify/Product/1", token)).status).toBe(400);
    expect((await thankYou(mug.orderId, await extensionToken({ expired: true }))).status).toBe(401);
    expect((await thankYou(mug.orderId, await extensionToken({ secret: "nope" }))).status).toBe(401);
  });
});

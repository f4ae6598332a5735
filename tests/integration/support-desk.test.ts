// The support desk (issue 11, phase 1) through its real routes: the queue, the order page's actions, bulk
// actions and the CSV export, over a ledger fed by signed webhooks and jobs on a simulated clock, with
// Shopify played by the schema-checked Admin fake.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { enqueueVariantRecompute } from "~/jobs/schedule.server";
import { action as queueAction, loader as queueLoader } from "~/routes/app.support._index";
import { action as orderAction, loader as orderLoader } from "~/routes/app.support.$orderId";
import { loader as csvLoader } from "~/routes/app.support[.]csv";
import { loader as activityLoader } from "~/routes/app.activity";
import { loader as notificationsLoader } from "~/routes/app.notifications._index";
import { callRoute } from "../helpers/routes";
import { embeddedDocumentRequest, embeddedFetchRequest } from "../helpers/requests";
import { backorderableVariant, deliver, ledgerShop, orderPayload, outbox, placeOrder, receiveStock, runAllJobs, type LedgerShop } from "./ledger-support";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
});

const day = (n: number) => new Date(env.clock.now() + n * 86_400_000).toISOString().slice(0, 10);
const number = (gid: string) => gid.split("/").pop() as string;

/** A sold-out variant served by one batch `inDays` out (no lead-time fallback before it). */
async function soldOutWithBatch(title: string, inDays: number) {
  const { variantId, productId } = await backorderableVariant(env, { title, available: 0, leadTimeDays: 120 });
  const row = await prisma.backorderVariant.findFirstOrThrow({ where: { variantId }, select: { id: true } });
  const batch = await prisma.incomingBatch.create({ data: { shop: env.shop, backorderVariantId: row.id, quantity: 20, expectedOn: day(inDays) } });
  return { variantId, productId, batchId: batch.id };
}

async function order(variantId: string, email: string, options: { firstName?: string; locale?: string; quantity?: number } = {}) {
  const placed = placeOrder(env.fake, { variantId, email, ...options });
  env.clock.advance(1_000);
  expect((await deliver(placed.delivery)).status).toBe(200);
  return placed.order;
}

async function moveBatch(variantId: string, batchId: string, expectedOn: string) {
  await prisma.incomingBatch.updateMany({ where: { id: batchId, shop: env.shop }, data: { expectedOn } });
  await enqueueVariantRecompute({ shop: env.shop, variantIds: [variantId], now: env.clock.date() });
  await runAllJobs(env.worker, env.clock);
}

async function queue(query = "") {
  const response = await callRoute(queueLoader, await embeddedDocumentRequest(`/app/support${query}`));
  expect(response.status).toBe(200);
  return (await response.json()) as { queue: { rows: { orderId: string; orderName: string; state: string; daysLate: number; status: string; assignee: string | null; id: string }[]; hasNext: boolean; hasPrevious: boolean } };
}

async function page(orderId: string) {
  const response = await callRoute(orderLoader, await embeddedDocumentRequest(`/app/support/${number(orderId)}`), { orderId: number(orderId) });
  return { status: response.status, body: response.status === 200 ? ((await response.json()) as OrderPage) : null };
}

interface OrderPage {
  supportCase: { version: number; status: string; assignee: string | null; state: string };
  lines: { id: string; status: string; current: { earliest: string; latest: string } | null; manual: unknown; source: string | null; confidence: string | null }[];
  events: { kind: string; actor: string; actorName: string | null; data: Record<string, unknown>; email: { status: string } | null }[];
}

async function act(orderId: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return callRoute(orderAction, await embeddedFetchRequest(`/app/support/${number(orderId)}`, { init: { method: "POST", body } }), { orderId: number(orderId) });
}

async function bulk(fields: Record<string, string>) {
  return callRoute(queueAction, await embeddedFetchRequest("/app/support", { init: { method: "POST", body: new URLSearchParams(fields) } }));
}

const kinds = (p: OrderPage) => p.events.map((e) => e.kind);
/** Staff actions are stamped with the real time, the ledger's with the test's clock (ahead of it): compare within one. */
const staffKinds = (p: OrderPage) => p.events.filter((e) => e.actor.startsWith("staff")).map((e) => e.kind);

describe("the timeline is recorded as things happen", () => {
  it("shows the order placed, its hold and confirmation, a batch slip with its delay email, then stock and the ready email", async () => {
    // GIVEN a sold-out teapot with a batch in 10 days, and Ana's order
    const { variantId, batchId } = await soldOutWithBatch("Teapot", 10);
    const placed = await order(variantId, "ana@example.com", { firstName: "Ana" });
    await runAllJobs(env.worker, env.clock);
    // THEN her timeline has the order, the hold and the confirmation linked to its outbox row
    let view = (await page(placed.id)).body as OrderPage;
    expect(kinds(view)).toEqual(["confirmation_queued", "hold_placed", "order_placed"]);
    expect(view.events[0]?.email).toMatchObject({ status: "pending" });

    // WHEN the batch slips 15 days
    await moveBatch(variantId, batchId, day(25));
    // THEN the estimate change (with its cause) and the delay email are on the timeline, newest first
    view = (await page(placed.id)).body as OrderPage;
    expect(kinds(view).slice(0, 2)).toEqual(["delay_queued", "estimate_changed"]);
    expect(view.events[1]?.data.cause).toBe("recompute");
    expect(view.supportCase.state).toBe("delayed");

    // WHEN stock arrives
    await deliver(receiveStock(env.fake, variantId, 1));
    await runAllJobs(env.worker, env.clock);
    // THEN the line is allocated, the hold released and the ready email queued; the case is ready
    view = (await page(placed.id)).body as OrderPage;
    expect(kinds(view).slice(0, 3).sort()).toEqual(["hold_released", "line_allocated", "ready_queued"]);
    expect(view.supportCase.state).toBe("ready");
    // AND it leaves the Open view (nothing is owed any more), still found with the status filter
    expect((await queue()).queue.rows).toEqual([]);
    expect((await queue("?state=ready")).queue.rows.map((r) => r.orderId)).toEqual([placed.id]);
  });

  it("records a cancellation", async () => {
    // GIVEN a waiting order WHEN Shopify cancels it
    const { variantId } = await soldOutWithBatch("Vase", 10);
    const placed = await order(variantId, "ben@example.com");
    await runAllJobs(env.worker, env.clock);
    const cancelled = env.fake.store.getOrder(placed.id);
    cancelled.cancelledAt = new Date(env.clock.now()).toISOString();
    cancelled.updatedAt = cancelled.cancelledAt;
    for (const fo of env.fake.store.fulfillmentOrdersOf(cancelled.id)) fo.status = "CANCELLED";
    await deliver({ topic: "orders/cancelled", payload: orderPayload(env.fake.store, cancelled), eventId: "cancel-1" });
    await runAllJobs(env.worker, env.clock);
    // THEN the timeline says so and the case is cancelled
    const view = (await page(placed.id)).body as OrderPage;
    expect(kinds(view)).toContain("order_cancelled");
    expect(view.supportCase.state).toBe("cancelled");
  });
});

describe("the queue", () => {
  it("lists, searches, filters, sorts, paginates, and never shows another shop's orders", async () => {
    // GIVEN Ana's order on time and Ben's delayed by a slipped batch, and another shop with the same customer
    const mug = await soldOutWithBatch("Mug", 10);
    const plate = await soldOutWithBatch("Plate", 10);
    const ana = await order(mug.variantId, "ana@example.com", { firstName: "Ana" });
    const ben = await order(plate.variantId, "ben@example.com", { firstName: "Ben" });
    await runAllJobs(env.worker, env.clock);
    await moveBatch(plate.variantId, plate.batchId, day(30));
    await prisma.supportCase.create({
      data: { shop: "other-shop.myshopify.com", orderId: "gid://shopify/Order/999999", orderName: "#9999", customerEmail: "ana@example.com", orderedAt: new Date(), daysLate: 99, state: "delayed" },
    });

    // THEN the open view lists both, most days late first, and nothing of the other shop
    const all = await queue();
    expect(all.queue.rows.map((r) => r.orderId)).toEqual([ben.id, ana.id]);
    expect(all.queue.rows[0]?.daysLate).toBeGreaterThan(0);
    // AND the search finds Ana by email, the Delayed view and the product filter find Ben, the sort can flip
    expect((await queue("?q=ANA@example")).queue.rows.map((r) => r.orderId)).toEqual([ana.id]);
    expect((await queue(`?q=${encodeURIComponent(ben.name)}`)).queue.rows.map((r) => r.orderId)).toEqual([ben.id]);
    expect((await queue("?view=delayed")).queue.rows.map((r) => r.orderId)).toEqual([ben.id]);
    expect((await queue(`?product=${encodeURIComponent(plate.productId)}`)).queue.rows.map((r) => r.orderId)).toEqual([ben.id]);
    expect((await queue("?sort=days_late_asc")).queue.rows.map((r) => r.orderId)).toEqual([ana.id, ben.id]);
    expect((await queue(`?from=${day(60)}`)).queue.rows).toEqual([]);
    // AND another shop's order page is not found
    expect((await page("gid://shopify/Order/999999")).status).toBe(404);
  });

  it("pages with a cursor, 50 rows at a time", async () => {
    // GIVEN 55 cases
    await prisma.supportCase.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({ shop: env.shop, orderId: `gid://shopify/Order/${1000 + i}`, orderName: `#${1000 + i}`, orderedAt: new Date(Date.UTC(2026, 10, 1, 0, i)) })),
    });
    // WHEN the first page, then the next, then back
    const first = await queue();
    const second = await queue(`?cursor=${first.queue.rows.at(-1)?.id}`);
    const back = await queue(`?cursor=${second.queue.rows[0]?.id}&before=1`);
    // THEN 50 + 5 rows, no overlap, and back returns the first page
    expect(first.queue.rows).toHaveLength(50);
    expect(first.queue).toMatchObject({ hasNext: true, hasPrevious: false });
    expect(second.queue.rows.map((r) => r.orderName)).toEqual(["#1050", "#1051", "#1052", "#1053", "#1054"]);
    expect(second.queue).toMatchObject({ hasNext: false, hasPrevious: true });
    expect(back.queue.rows.map((r) => r.orderName)).toEqual(first.queue.rows.map((r) => r.orderName));
  });

  it("bulk assigns, resolves and sends the delay notice exactly once, and exports the filter as CSV", async () => {
    // GIVEN two customers whose batch slipped less than the shop's minimum for an automatic email
    await prisma.shopSettings.create({ data: { shop: env.shop, delayMinSlipDays: 60 } });
    const { variantId, batchId } = await soldOutWithBatch("Bowl", 10);
    const a = await order(variantId, "ana@example.com");
    const b = await order(variantId, "ben@example.com");
    await runAllJobs(env.worker, env.clock);
    await moveBatch(variantId, batchId, day(20));
    expect(await outbox("delay_notice")).toEqual([]);
    const orderIds = JSON.stringify([a.id, b.id]);

    // WHEN someone sends the delay notice to both, twice
    expect((await bulk({ intent: "notice", orderIds })).status).toBe(200);
    expect((await bulk({ intent: "notice", orderIds })).status).toBe(200);
    // THEN each customer got exactly one delay email
    expect((await outbox("delay_notice")).map((e) => e.toEmail).sort()).toEqual(["ana@example.com", "ben@example.com"]);

    // WHEN they are assigned and resolved
    expect((await bulk({ intent: "assign", orderIds, assignee: "Chloé" })).status).toBe(200);
    expect((await bulk({ intent: "resolve", orderIds })).status).toBe(200);
    // THEN they leave the open view for Resolved, assigned to Chloé, each change on their timeline
    expect((await queue()).queue.rows).toEqual([]);
    expect((await queue("?view=resolved")).queue.rows.map((r) => r.assignee)).toEqual(["Chloé", "Chloé"]);
    expect(staffKinds((await page(a.id)).body as OrderPage)).toEqual(["status_changed", "assigned", "delay_queued"]);

    // AND the CSV export of the Resolved view lists both with the documented columns
    const csv = await (await callRoute(csvLoader, await embeddedDocumentRequest("/app/support.csv?view=resolved"))).text();
    const [header, ...rows] = csv.trim().split("\n");
    expect(header).toBe("order,customer_name,customer_email,products,items_owed,promised_latest,estimate_latest,days_late,state,status,assignee,last_contact_at,ordered_at");
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.includes(",resolved,Chloé,"))).toBe(true);
  });

  it("refuses a bulk action on an order of another shop, or with no orders, writing nothing", async () => {
    await prisma.supportCase.create({ data: { shop: "other-shop.myshopify.com", orderId: "gid://shopify/Order/5", orderName: "#5", orderedAt: new Date() } });
    expect((await bulk({ intent: "resolve", orderIds: JSON.stringify(["gid://shopify/Order/5"]) })).status).toBe(404);
    expect((await bulk({ intent: "resolve", orderIds: "[]" })).status).toBe(400);
    expect((await bulk({ intent: "explode", orderIds: "not json" })).status).toBe(400);
    expect(await prisma.supportCase.findFirstOrThrow({ select: { status: true } })).toEqual({ status: "open" });
    expect(await prisma.orderEvent.count()).toBe(0);
  });
});

describe("the order page", () => {
  async function waitingOrder(locale = "en") {
    const { variantId, batchId } = await soldOutWithBatch("Jug", 10);
    const placed = await order(variantId, "ana@example.com", { firstName: "Ana", locale });
    await runAllJobs(env.worker, env.clock);
    return { variantId, batchId, placed, view: (await page(placed.id)).body as OrderPage };
  }

  it("shows each line's estimate, supply and confidence", async () => {
    const { view } = await waitingOrder();
    expect(view.lines).toEqual([expect.objectContaining({ status: "waiting", source: "batch", confidence: expect.any(String), current: expect.objectContaining({ latest: expect.any(String) }) })]);
  });

  it("adds a staff note signed by the session's user; a stale form is a conflict and a blank note a 400, both writing nothing", async () => {
    const { placed, view } = await waitingOrder();
    const version = String(view.supportCase.version);
    // (Shopify gave the app an online session for this staff member: the desk knows their name)
    await prisma.session.create({
      data: { id: "online-12345", shop: env.shop, state: "x", isOnline: true, accessToken: "t", userId: BigInt(12345), firstName: "Sam", lastName: "Rivera" },
    });
    // WHEN a note is added
    expect((await act(placed.id, { intent: "note", note: "Customer called, happy to wait.", version })).status).toBe(200);
    // THEN it is on the timeline, by the staff member of the session token
    const after = (await page(placed.id)).body as OrderPage;
    expect(after.events.filter((e) => e.kind === "note")).toEqual([
      expect.objectContaining({ actor: "staff:12345", actorName: "Sam Rivera", data: { text: "Customer called, happy to wait." } }),
    ]);
    // WHEN the same (now stale) form is sent again, or a blank note
    const stale = await act(placed.id, { intent: "note", note: "Again", version });
    const blank = await act(placed.id, { intent: "note", note: "  ", version: String(after.supportCase.version) });
    // THEN 409 and 400 with the error next to the field, and no new event
    expect(stale.status).toBe(409);
    expect(blank.status).toBe(400);
    expect(((await blank.json()) as { errors: Record<string, string> }).errors.note).toBeTruthy();
    expect(await prisma.orderEvent.count({ where: { kind: "note" } })).toBe(1);
  });

  it("a revised date overrides the estimate and tells the customer, until the supply changes", async () => {
    const { placed, view, variantId, batchId } = await waitingOrder();
    const lineId = view.lines[0]?.id as string;
    // WHEN support revises the date to a later range, with a reason, and emails the customer
    const response = await act(placed.id, { intent: "revise", version: String(view.supportCase.version), lineIds: lineId, earliest: day(40), latest: day(45), reason: "Kiln repair", notify: "on" });
    expect(response.status).toBe(200);
    // THEN the line goes by the revised date, the customer got the delay email with it, and it is logged
    let after = (await page(placed.id)).body as OrderPage;
    expect(after.lines[0]?.current).toEqual({ earliest: day(40), latest: day(45) });
    expect((await outbox("delay_notice")).map((e) => e.dedupeKey)).toEqual([`line:${lineId}:delay:${day(45)}`]);
    expect(staffKinds(after)).toEqual(["delay_queued", "manual_promise"]);

    // WHEN a ledger pass runs with the supply unchanged THEN the revised date stands and nothing is sent
    await enqueueVariantRecompute({ shop: env.shop, variantIds: [variantId], now: env.clock.date() });
    await runAllJobs(env.worker, env.clock);
    after = (await page(placed.id)).body as OrderPage;
    expect(after.lines[0]?.current?.latest).toBe(day(45));
    expect(await outbox("delay_notice")).toHaveLength(1);

    // WHEN the batch moves (the supply changed)
    await moveBatch(variantId, batchId, day(12));
    // THEN the revised date is dropped, logged, and the engine's estimate applies again
    after = (await page(placed.id)).body as OrderPage;
    expect(kinds(after)).toContain("manual_promise_dropped");
    expect(after.lines[0]?.manual).toBeNull();
    expect(after.lines[0]?.current?.latest).not.toBe(day(45));
  });

  it("refuses a revised date in the wrong order or without a reason, writing nothing", async () => {
    const { placed, view } = await waitingOrder();
    const base = { intent: "revise", version: String(view.supportCase.version), lineIds: view.lines[0]?.id as string };
    const reversed = await act(placed.id, { ...base, earliest: day(45), latest: day(40), reason: "x" });
    expect(reversed.status).toBe(422);
    expect(((await reversed.json()) as { errors: Record<string, string> }).errors.latest).toBeTruthy();
    expect((await act(placed.id, { ...base, earliest: day(40), latest: day(45), reason: "" })).status).toBe(400);
    expect((await act(placed.id, { ...base, earliest: "45/12/2026", latest: day(45), reason: "x" })).status).toBe(400);
    expect(await prisma.backorderLine.count({ where: { manualLatest: { not: null } } })).toBe(0);
    expect(await prisma.orderEvent.count({ where: { kind: "manual_promise" } })).toBe(0);
  });

  it("messages the customer in their language through the outbox, once per form", async () => {
    // GIVEN a French-speaking customer
    const { placed, view } = await waitingOrder("fr");
    const fields = { intent: "message", message: "Votre théière part lundi.", submissionKey: "form-key-123456", version: String(view.supportCase.version) };
    // WHEN support writes to her (and the form is resubmitted)
    expect((await act(placed.id, fields)).status).toBe(200);
    const again = (await page(placed.id)).body as OrderPage;
    await act(placed.id, { ...fields, version: String(again.supportCase.version) });
    // THEN one email in French, on the timeline with its delivery status
    const emails = await outbox("support_message");
    expect(emails).toEqual([expect.objectContaining({ toEmail: "ana@example.com", subject: expect.stringContaining("À propos de votre commande") })]);
    expect(emails[0]?.text).toContain("Votre théière part lundi.");
    const after = (await page(placed.id)).body as OrderPage;
    expect(after.events.filter((e) => e.kind === "message_queued")).toEqual([expect.objectContaining({ email: expect.objectContaining({ status: "pending" }) })]);
  });

  it("assigns and resolves, and answers 404 for an unknown order", async () => {
    const { placed, view } = await waitingOrder();
    expect((await act(placed.id, { intent: "assign", assignee: "Sam", version: String(view.supportCase.version) })).status).toBe(200);
    const v2 = ((await page(placed.id)).body as OrderPage).supportCase.version;
    expect((await act(placed.id, { intent: "status", status: "resolved", version: String(v2) })).status).toBe(200);
    expect(((await page(placed.id)).body as OrderPage).supportCase).toMatchObject({ assignee: "Sam", status: "resolved" });
    expect((await page("gid://shopify/Order/424242")).status).toBe(404);
    expect((await callRoute(orderLoader, await embeddedDocumentRequest("/app/support/abc"), { orderId: "abc" })).status).toBe(404);
  });
});

describe("an order is findable where people look for one", () => {
  it("outbox rows and Activity's order jobs name the order they are about", async () => {
    // GIVEN an order that was recorded and confirmed
    const { variantId } = await soldOutWithBatch("Cup", 10);
    const placed = await order(variantId, "ana@example.com");
    await runAllJobs(env.worker, env.clock);
    // WHEN the outbox and Activity are opened
    const notifications = (await (await callRoute(notificationsLoader, await embeddedDocumentRequest("/app/notifications"))).json()) as {
      outbox: { emails: { kind: string; order: { orderId: string; orderName: string } | null }[] };
    };
    const activity = (await (await callRoute(activityLoader, await embeddedDocumentRequest("/app/activity"))).json()) as {
      recent: { kind: string; order: { orderId: string } | null }[];
    };
    // THEN the confirmation and the order job link to the order
    expect(notifications.outbox.emails.find((e) => e.kind === "backorder_confirmation")?.order).toEqual({ orderId: placed.id, orderName: placed.name });
    expect(activity.recent.find((j) => j.kind === "order.sync")?.order).toMatchObject({ orderId: placed.id });
  });
});

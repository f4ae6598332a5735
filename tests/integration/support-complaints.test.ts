// "Where is my order?" (issue 11, phase 2) through the real app-proxy route: a customer finds their order by
// number and email, sees its live status and estimate, and sends a message that lands in the support queue
// as a complaint on the order's timeline. The ledger is fed by signed webhooks and jobs (Admin fake).
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { enqueueVariantRecompute } from "~/jobs/schedule.server";
import { windowStart } from "~/models/rate-limit.server";
import { WISMO_LOOKUPS_PER_IP, WISMO_LOOKUPS_PER_SHOP, WISMO_MESSAGES_PER_ORDER, wismoToken } from "~/proxy/wismo.server";
import { action as wismoAction, loader as wismoLoader } from "~/routes/proxy.order-status";
import { action as orderAction, loader as orderLoader } from "~/routes/app.support.$orderId";
import { action as queueAction, loader as queueLoader } from "~/routes/app.support._index";
import { appProxyRequest, appUrl, embeddedDocumentRequest, embeddedFetchRequest, TEST_SHOP } from "../helpers/requests";
import { callRoute } from "../helpers/routes";
import { backorderableVariant, deliver, ledgerShop, nextEventId, placeOrder, runAllJobs, type LedgerShop } from "./ledger-support";

const OTHER_SHOP = "other-shop.myshopify.com";
let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
  await prisma.rateLimitWindow.deleteMany({});
});

const day = (n: number) => new Date(env.clock.now() + n * 86_400_000).toISOString().slice(0, 10);
const number = (gid: string) => gid.split("/").pop() as string;

/** Ana's order of a sold-out teapot served by a batch in 10 days, promised at checkout in 15; the batch then slips to 40. */
async function delayedOrder({ locale = "en" }: { locale?: string } = {}) {
  const { variantId } = await backorderableVariant(env, { title: "Teapot", available: 0, leadTimeDays: 120 });
  const row = await prisma.backorderVariant.findFirstOrThrow({ where: { variantId }, select: { id: true } });
  const batch = await prisma.incomingBatch.create({ data: { shop: env.shop, backorderVariantId: row.id, quantity: 20, expectedOn: day(10), supplier: "Atelier Limoges" } });
  const placed = placeOrder(env.fake, { variantId, email: "Ana@Example.com", firstName: "Ana", locale });
  env.clock.advance(1_000);
  expect((await deliver(placed.delivery)).status).toBe(200);
  await runAllJobs(env.worker, env.clock);
  await prisma.backorderLine.updateMany({ where: { orderId: placed.order.id }, data: { promisedLatest: day(20), notifiedLatest: day(20) } });
  await prisma.incomingBatch.updateMany({ where: { id: batch.id }, data: { expectedOn: day(40) } });
  await enqueueVariantRecompute({ shop: env.shop, variantIds: [variantId], now: env.clock.date() });
  await runAllJobs(env.worker, env.clock);
  return placed.order;
}

function post(fields: Record<string, string>, { ip = "203.0.113.7", shop = TEST_SHOP, secret, headers = {} }: { ip?: string; shop?: string; secret?: string; headers?: Record<string, string> } = {}) {
  return appProxyRequest("/proxy/order-status", {
    shop,
    ...(secret ? { secret } : {}),
    init: {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "text/html", "X-Forwarded-For": `${ip}, 10.0.0.1`, ...headers },
      body: new URLSearchParams(fields).toString(),
    },
  });
}

async function lookup(order: string, email: string, options: Parameters<typeof post>[1] & { locale?: string } = {}) {
  const response = await callRoute(wismoAction, post({ intent: "lookup", order, email, ...(options.locale ? { locale: options.locale } : {}) }, options));
  return { status: response.status, html: await response.text(), headers: response.headers };
}

/** The hidden fields of the status page's message form. */
function messageForm(html: string): { token: string; submission: string } {
  const value = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? "";
  return { token: value("token"), submission: value("submission") };
}

async function send(html: string, message: string, options: Parameters<typeof post>[1] & { submission?: string } = {}) {
  const form = messageForm(html);
  const response = await callRoute(wismoAction, post({ intent: "message", token: form.token, submission: options.submission ?? form.submission, message }, options));
  return { status: response.status, html: await response.text() };
}

async function orderPage(orderId: string) {
  const response = await callRoute(orderLoader, await embeddedDocumentRequest(`/app/support/${number(orderId)}`), { orderId: number(orderId) });
  return (await response.json()) as {
    supportCase: { status: string; version: number; complaintSince: string | null };
    events: { kind: string; actor: string; data: Record<string, unknown> }[];
  };
}

async function queue(query = "") {
  const response = await callRoute(queueLoader, await embeddedDocumentRequest(`/app/support${query}`));
  return ((await response.json()) as { queue: { rows: { orderId: string; complaint: boolean; status: string }[] } }).queue.rows;
}

describe("the page and its signature", () => {
  it("shows the lookup form, labelled, in the storefront's language, posting to the proxy address", async () => {
    // GIVEN a signed request for the page, once in English, once with ?locale=fr
    const en = await callRoute(wismoLoader, appProxyRequest("/proxy/order-status"));
    const fr = await callRoute(wismoLoader, appProxyRequest("/proxy/order-status", { params: { locale: "fr" } }));
    // THEN both are Liquid for the theme, never cached, with a labelled form posting to /apps/backorder/order-status
    expect(en.status).toBe(200);
    expect(en.headers.get("Content-Type")).toContain("application/liquid");
    expect(en.headers.get("Cache-Control")).toBe("private, no-store");
    const html = await en.text();
    expect(html).toContain('<form action="/apps/backorder/order-status" method="post"');
    expect(html).toMatch(/<label for="bp-wismo-order"[^>]*>Order number<\/label>/);
    expect(html).toMatch(/<label for="bp-wismo-email"[^>]*>Email address<\/label>/);
    expect(await fr.text()).toContain("Où en est ma commande ?");
  });

  it("refuses an unsigned request, or one signed with another secret, with 401 and writes nothing", async () => {
    // GIVEN an order and requests Shopify did not sign
    const placed = await delayedOrder();
    const unsigned = new Request(appUrl(`/proxy/order-status?shop=${TEST_SHOP}&timestamp=${Math.trunc(Date.now() / 1000)}`), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "lookup", order: placed.name, email: "ana@example.com" }).toString(),
    });
    // WHEN they reach the page
    const responses = [await callRoute(wismoAction, unsigned), await callRoute(wismoAction, post({ intent: "lookup", order: placed.name, email: "ana@example.com" }, { secret: "forged" }))];
    // THEN both are refused before anything is looked up or counted
    expect(responses.map((r) => r.status)).toEqual([401, 401]);
    expect(await prisma.rateLimitWindow.count()).toBe(0);
  });
});

describe("looking an order up", () => {
  it("shows each line's live status and estimate to the customer who gives the order number and email", async () => {
    // GIVEN Ana's order, whose batch slipped past the date promised at checkout
    const placed = await delayedOrder();
    // WHEN she types her order number without "#" and her email in another case
    const found = await lookup(number(placed.name).replace(/^#/, "").replace("#", ""), "ANA@example.com");
    // THEN she sees her order, the teapot delayed with its new estimate and the date promised, and a message form
    expect(found.status).toBe(200);
    expect(found.html).toContain(`Order ${placed.name}`);
    expect(found.html).toMatch(/<th scope="row"[^>]*>Teapot<\/th>/);
    expect(found.html).toContain("<strong>Delayed</strong>");
    expect(found.html).toMatch(/promised by \d{1,2} \w{3}/);
    expect(found.html).toContain('name="message"');
    expect(messageForm(found.html).token).toMatch(/^[\w-]+\.[0-9a-f]{64}$/);
  });

  it("speaks French to a French storefront", async () => {
    const placed = await delayedOrder({ locale: "fr" });
    const found = await lookup(placed.name, "ana@example.com", { locale: "fr" });
    expect(found.status).toBe(200);
    expect(found.html).toContain(`Commande ${placed.name}`);
    expect(found.html).toContain("<strong>Retardé</strong>");
    expect(found.html).toContain('lang="fr"');
  });

  it("answers a wrong email exactly as an unknown order number: nothing tells which orders exist", async () => {
    // GIVEN Ana's order
    const placed = await delayedOrder();
    // WHEN someone tries her number with another email, and a number that does not exist
    const wrongEmail = await lookup(placed.name, "mallory@example.com");
    const unknown = await lookup("#999999", "mallory@example.com");
    // THEN both get the same status and the same page (the form again, the same message)
    expect(wrongEmail.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrongEmail.html.replace(placed.name, "#999999")).toBe(unknown.html);
    expect(unknown.html).toContain("We could not find an order with this number and email address.");
  });

  it("never shows another shop's order, even with the right number and email", async () => {
    // GIVEN an order of another shop with the same number and customer
    const placed = await delayedOrder();
    await prisma.supportCase.create({ data: { shop: OTHER_SHOP, orderId: "gid://shopify/Order/77", orderName: "#77", customerEmail: "ana@example.com", orderedAt: new Date() } });
    // WHEN it is looked up on this shop's storefront
    const other = await lookup("#77", "ana@example.com");
    // THEN not found; AND a status page token made for this shop does not open anything on the other one
    expect(other.status).toBe(404);
    const mine = await lookup(placed.name, "ana@example.com");
    const elsewhere = await send(mine.html, "Hello?", { shop: OTHER_SHOP });
    expect(elsewhere.status).toBe(403);
    expect(await prisma.orderEvent.count({ where: { kind: "complaint" } })).toBe(0);
  });

  it("refuses a lookup without a valid email or order number with 400 and the message, counting nothing", async () => {
    const badEmail = await lookup("#1001", "not-an-email");
    const noOrder = await lookup("  ", "ana@example.com");
    const liquidInjection = await lookup("{{ shop.secret }}", "ana@example.com");
    expect([badEmail.status, noOrder.status, liquidInjection.status]).toEqual([400, 400, 400]);
    expect(badEmail.html).toMatch(/aria-invalid="true"/);
    expect(badEmail.html).toContain("Enter the email address you ordered with");
    expect(noOrder.html).toContain("Enter your order number");
    expect(liquidInjection.html).not.toContain("{{");
    expect(await prisma.rateLimitWindow.count()).toBe(0);
  });

  it(`rate-limits lookups per shopper address (${WISMO_LOOKUPS_PER_IP} an hour) and per shop, with 429 and Retry-After`, async () => {
    // GIVEN one address that already used its lookups
    for (let i = 0; i < WISMO_LOOKUPS_PER_IP; i++) expect((await lookup(`#${5000 + i}`, "guess@example.com", { ip: "198.51.100.9" })).status).toBe(404);
    // WHEN it tries once more
    const limited = await lookup("#6000", "guess@example.com", { ip: "198.51.100.9" });
    // THEN 429 with when to come back; another address still gets answers
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(limited.html).toContain("Too many attempts");
    expect((await lookup("#6000", "guess@example.com", { ip: "198.51.100.10" })).status).toBe(404);

    // GIVEN the shop's hourly lookups used up (across every address)
    await prisma.rateLimitWindow.updateMany({ where: { shop: TEST_SHOP, key: "wismo:lookups" }, data: { count: WISMO_LOOKUPS_PER_SHOP } });
    expect(await prisma.rateLimitWindow.count({ where: { key: "wismo:lookups", windowStart: windowStart(new Date(), 3_600_000) } })).toBe(1);
    // THEN a fresh address is refused too
    expect((await lookup("#6001", "guess@example.com", { ip: "192.0.2.44" })).status).toBe(429);
  });
});

describe("a message from the page", () => {
  it("lands on the order's timeline as a complaint and puts the order in the queue's Complaints view", async () => {
    // GIVEN Ana looked her order up
    const placed = await delayedOrder();
    const found = await lookup(placed.name, "ana@example.com");
    // WHEN she writes to the shop
    const sent = await send(found.html, "Where is my teapot? It was promised for last week.");
    // THEN she is thanked, and staff see her words on the timeline, among the order's other events, by the customer
    expect(sent.status).toBe(201);
    expect(sent.html).toContain('role="status"');
    expect(sent.html).toContain("your message reached our team");
    const desk = await orderPage(placed.id);
    const complaint = desk.events.find((e) => e.kind === "complaint");
    expect(complaint).toMatchObject({ actor: "customer", data: { text: "Where is my teapot? It was promised for last week." } });
    expect(complaint?.data.shown).toEqual([expect.objectContaining({ title: "Teapot", status: "delayed" })]);
    expect(desk.events.map((e) => e.kind)).toEqual(expect.arrayContaining(["complaint", "delay_queued", "order_placed"]));
    expect(desk.supportCase.complaintSince).toBeTruthy();
    // AND the order is in the Complaints view, flagged in the queue
    expect((await queue("?view=complaints")).map((r) => r.orderId)).toEqual([placed.id]);
    expect((await queue()).find((r) => r.orderId === placed.id)?.complaint).toBe(true);

    // WHEN support answers her from the order page
    const reply = new URLSearchParams({ intent: "message", message: "It ships on Monday.", submissionKey: "reply-key-123456", version: String(desk.supportCase.version) });
    const answered = await callRoute(orderAction, await embeddedFetchRequest(`/app/support/${number(placed.id)}`, { init: { method: "POST", body: reply } }), { orderId: number(placed.id) });
    expect(answered.status).toBe(200);
    // THEN the complaint is answered: it leaves the Complaints view
    expect(await queue("?view=complaints")).toEqual([]);
    expect((await orderPage(placed.id)).supportCase.complaintSince).toBeNull();
  });

  it("reopens a resolved order, and records a form posted twice once", async () => {
    // GIVEN a resolved order
    const placed = await delayedOrder();
    await prisma.supportCase.updateMany({ where: { orderId: placed.id }, data: { status: "resolved" } });
    const found = await lookup(placed.name, "ana@example.com");
    // WHEN Ana sends a message, and her browser posts the same form again
    expect((await send(found.html, "Any news?")).status).toBe(201);
    const again = await send(found.html, "Any news?");
    // THEN the second post is thanked but changes nothing; the case is open again, by the customer
    expect(again.status).toBe(200);
    const desk = await orderPage(placed.id);
    expect(desk.events.filter((e) => e.kind === "complaint")).toHaveLength(1);
    expect(desk.supportCase.status).toBe("open");
    expect(desk.events.find((e) => e.kind === "status_changed")).toMatchObject({ actor: "customer", data: { from: "resolved", to: "open" } });
  });

  it("refuses an empty or oversize message (400), a forged or expired page (403), writing nothing", async () => {
    const placed = await delayedOrder();
    const found = await lookup(placed.name, "ana@example.com");
    const windowsBefore = await prisma.rateLimitWindow.count();

    const empty = await send(found.html, "   ");
    const long = await send(found.html, "x".repeat(2_001));
    const forged = await send(found.html.replace(/name="token" value="[^"]*"/, 'name="token" value="abc.0000000000000000000000000000000000000000000000000000000000000000"'), "Hello");
    const expired = await callRoute(
      wismoAction,
      post({ intent: "message", token: wismoToken(TEST_SHOP, placed.id, new Date(Date.now() - 3 * 3_600_000)), submission: "submission-1234", message: "Hello" }),
    );

    expect([empty.status, long.status, forged.status, expired.status]).toEqual([400, 400, 403, 403]);
    expect(empty.html).toContain("Write your message.");
    expect(long.html).toContain("longer than 2000 characters");
    expect(long.html).toMatch(/<textarea[^>]*aria-invalid="true"/);
    expect(await expired.text()).toContain("This page has expired");
    expect(await prisma.orderEvent.count({ where: { kind: "complaint" } })).toBe(0);
    expect(await prisma.rateLimitWindow.count()).toBe(windowsBefore);
    expect((await orderPage(placed.id)).supportCase.complaintSince).toBeNull();
  });

  it(`takes at most ${WISMO_MESSAGES_PER_ORDER} messages a day for one order (429)`, async () => {
    const placed = await delayedOrder();
    const found = await lookup(placed.name, "ana@example.com");
    for (let i = 0; i < WISMO_MESSAGES_PER_ORDER; i++) expect((await send(found.html, `Message ${i}`, { submission: `submission-${i}-abcdef` })).status).toBe(201);
    const sixth = await send(found.html, "One more", { submission: "submission-x-abcdef" });
    expect(sixth.status).toBe(429);
    expect(sixth.html).toContain("One more");
    expect(await prisma.orderEvent.count({ where: { kind: "complaint" } })).toBe(WISMO_MESSAGES_PER_ORDER);
  });

  it("refuses a body over 16 KiB with 413", async () => {
    const response = await callRoute(wismoAction, post({ intent: "lookup", order: "#1", email: "a@example.com", padding: "x".repeat(17 * 1024) }));
    expect(response.status).toBe(413);
  });
});

describe("the customer's data", () => {
  const customer = (orderId: string) => ({ shop_domain: TEST_SHOP, customer: { id: 7, email: "ana@example.com" }, orders: [Number(number(orderId))] });

  it("hands the customer's messages over on a data request, and erases them with the customer", async () => {
    // GIVEN Ana wrote from the page
    const placed = await delayedOrder();
    await send((await lookup(placed.name, "ana@example.com")).html, "Where is my teapot?");
    // WHEN Shopify forwards her data request
    const { orders, ...rest } = customer(placed.id);
    await deliver({ topic: "customers/data_request", payload: { ...rest, orders_requested: orders, data_request: { id: 42 } }, eventId: nextEventId("dr") });
    await runAllJobs(env.worker, env.clock);
    // THEN the export holds her message, with its order
    const exported = JSON.parse((await prisma.dataRequest.findFirstOrThrow({ select: { export: true } })).export) as { messagesToSupport: unknown[] };
    expect(exported.messagesToSupport).toEqual([expect.objectContaining({ order: placed.name, text: "Where is my teapot?" })]);
    // WHEN Shopify asks to redact her
    await deliver({ topic: "customers/redact", payload: { ...rest, orders_to_redact: orders }, eventId: nextEventId("redact") });
    await runAllJobs(env.worker, env.clock);
    // THEN her message is gone with the order's timeline, and her order can no longer be looked up by her email
    expect(await prisma.orderEvent.count({ where: { kind: "complaint" } })).toBe(0);
    expect((await lookup(placed.name, "ana@example.com")).status).toBe(404);
  });

  it("scrubs her address from a bulk action's filter when she is erased", async () => {
    // GIVEN support ran a bulk action on the orders found by searching her address
    const placed = await delayedOrder();
    const body = new URLSearchParams({ scope: "matching", intent: "resolve", filter: "q=ana%40example.com" });
    expect((await callRoute(queueAction, await embeddedFetchRequest("/app/support?index", { init: { method: "POST", body } }))).status).toBe(200);
    await runAllJobs(env.worker, env.clock);
    // WHEN Shopify asks to redact her
    const { orders, ...rest } = customer(placed.id);
    await deliver({ topic: "customers/redact", payload: { ...rest, orders_to_redact: orders }, eventId: nextEventId("redact") });
    await runAllJobs(env.worker, env.clock);
    // THEN no job names her, the bulk action's included
    const job = await prisma.job.findFirstOrThrow({ where: { kind: "bulk.support" }, select: { payload: true } });
    expect(job.payload).not.toContain("ana@example.com");
    expect(JSON.parse(job.payload)).toMatchObject({ filter: { query: "" }, change: { intent: "resolve" } });
  });
});

// The backend of the admin UI extensions (issue 12): app/routes/api.admin.order.$id.tsx and
// api.admin.product.$id.tsx, called the way Shopify's admin calls them from the extension sandbox: another
// origin, `Authorization: Bearer <session token>` signed with the app's secret, a CORS preflight first.
// Orders come in by signed webhooks and jobs; Shopify is the schema-checked Admin fake.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { enqueueVariantRecompute } from "~/jobs/schedule.server";
import { action as orderAction, loader as orderLoader } from "~/routes/api.admin.order.$id";
import { action as productAction, loader as productLoader } from "~/routes/api.admin.product.$id";
import type { AdminActionDone, AdminDelayPreview, AdminOrderSummary, AdminProductSummary } from "../../extensions/shared/admin-api";
import { callRoute } from "../helpers/routes";
import { appUrl, embeddedFetchRequest, forgedSessionToken } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";
import { backorderableVariant, deliver, ledgerShop, outbox, placeOrder, runAllJobs, type LedgerShop } from "./ledger-support";

/** Where Shopify serves UI extensions from: every call is cross-origin. */
const ORIGIN = "https://extensions.shopifycdn.com";
const OTHER_SHOP = "other-shop.myshopify.com";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
});

const day = (n: number) => new Date(env.clock.now() + n * 86_400_000).toISOString().slice(0, 10);
const number = (gid: string) => gid.split("/").pop() as string;

/** A sold-out variant served by one batch `inDays` out. */
async function soldOutWithBatch(title: string, inDays: number) {
  const { variantId, productId } = await backorderableVariant(env, { title, available: 0, leadTimeDays: 120 });
  const row = await prisma.backorderVariant.findFirstOrThrow({ where: { variantId }, select: { id: true } });
  const batch = await prisma.incomingBatch.create({ data: { shop: env.shop, backorderVariantId: row.id, quantity: 20, expectedOn: day(inDays) } });
  return { variantId, productId, batchId: batch.id };
}

async function order(variantId: string, email = "ana@example.com", options: { firstName?: string; locale?: string; quantity?: number } = {}) {
  const placed = placeOrder(env.fake, { variantId, email, firstName: "Ana", ...options });
  env.clock.advance(1_000);
  expect((await deliver(placed.delivery)).status).toBe(200);
  await runAllJobs(env.worker, env.clock);
  return placed.order;
}

/** The batch slips to `expectedOn`; the ledger recomputes (and emails when the slip is over the shop's minimum). */
async function moveBatch(variantId: string, batchId: string, expectedOn: string) {
  await prisma.incomingBatch.updateMany({ where: { id: batchId, shop: env.shop }, data: { expectedOn } });
  await enqueueVariantRecompute({ shop: env.shop, variantIds: [variantId], now: env.clock.date() });
  await runAllJobs(env.worker, env.clock);
}

/** An order whose batch slipped 10 days, less than the shop's minimum for an automatic email: at risk. */
async function atRiskOrder(locale = "en") {
  await prisma.shopSettings.create({ data: { shop: env.shop, delayMinSlipDays: 60 } });
  const { variantId, batchId, productId } = await soldOutWithBatch("Teapot", 10);
  const placed = await order(variantId, "ana@example.com", { locale });
  await moveBatch(variantId, batchId, day(20));
  return { placed, variantId, productId };
}

async function getOrder(orderNumber: string, { shop, locale }: { shop?: string; locale?: string } = {}) {
  const request = await embeddedFetchRequest(`/api/admin/order/${orderNumber}${locale ? `?locale=${locale}` : ""}`, { ...(shop ? { shop } : {}), init: { headers: { Origin: ORIGIN } } });
  return callRoute(orderLoader, request, { id: orderNumber });
}

async function postOrder(orderNumber: string, body: unknown, { shop, raw }: { shop?: string; raw?: string } = {}) {
  const init = { method: "POST", body: raw ?? JSON.stringify(body), headers: { Origin: ORIGIN, "Content-Type": "application/json" } };
  return callRoute(orderAction, await embeddedFetchRequest(`/api/admin/order/${orderNumber}`, { ...(shop ? { shop } : {}), init }), { id: orderNumber });
}

async function summary(orderNumber: string): Promise<AdminOrderSummary> {
  const response = await getOrder(orderNumber);
  expect(response.status).toBe(200);
  return (await response.json()) as AdminOrderSummary;
}

/** What a write leaves behind: timeline, outbox, the case's version, compensations. */
async function footprint() {
  return {
    events: await prisma.orderEvent.count(),
    emails: await prisma.emailOutbox.count(),
    versions: (await prisma.supportCase.findMany({ select: { version: true } })).map((c) => c.version),
    compensations: await prisma.compensation.count(),
    manual: (await prisma.backorderLine.findMany({ select: { manualLatest: true } })).map((l) => l.manualLatest),
  };
}

function expectCors(response: Response) {
  expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  expect(response.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
}

describe("GET /api/admin/order/:id (the order details block)", () => {
  it("answers a backordered order's lines, status and last contact, with CORS headers", async () => {
    // GIVEN Ana's order for a sold-out teapot, confirmed by email, whose batch then slipped 15 days (delay email sent)
    const { variantId, batchId } = await soldOutWithBatch("Teapot", 10);
    const placed = await order(variantId);
    await moveBatch(variantId, batchId, day(25));
    expect(await outbox("delay_notice")).toHaveLength(1);

    // WHEN the block asks for it with the admin's bearer token, from the extension's origin
    const response = await getOrder(number(placed.id));

    // THEN it gets the line as delayed, the delay email as last contact, and the desk's path
    expect(response.status).toBe(200);
    expectCors(response);
    const body = (await response.json()) as AdminOrderSummary;
    expect(body).toMatchObject({ orderName: placed.name, supportPath: `/app/support/${number(placed.id)}`, canEmail: true });
    expect(body.lines).toEqual([
      expect.objectContaining({ title: "Teapot", quantity: 1, status: "delayed", current: expect.objectContaining({ latest: expect.any(String) }) }),
    ]);
    const [line] = body.lines;
    expect(line?.current?.latest).toBe(line?.notifiedLatest);
    expect(line?.current?.latest && line.promisedLatest && line.current.latest > line.promisedLatest).toBe(true);
    expect(body.lastContact).toMatchObject({ kind: "delay_queued" });
  });

  it("marks a line at risk when its date moved past what the customer was told", async () => {
    // GIVEN a slip too small for the automatic email
    const { placed } = await atRiskOrder();
    // WHEN the block asks THEN the line is at risk and the last contact is the confirmation
    const body = await summary(number(placed.id));
    expect(body.lines.map((l) => l.status)).toEqual(["at_risk"]);
    expect(body.lastContact).toMatchObject({ kind: "confirmation_queued" });
  });

  it("answers 404 for an order without backorders, so the block renders nothing", async () => {
    // GIVEN an order for an item in stock (the app records nothing)
    const { variants } = env.fake.store.addProduct({ title: "Mug", variants: [{ sku: "MUG", available: 10, inventoryPolicy: "DENY" }] });
    const placed = await order(variants[0]?.id as string);

    // WHEN the block asks
    const response = await getOrder(number(placed.id));

    // THEN 404, with CORS headers so the extension can read it
    expect(response.status).toBe(404);
    expectCors(response);
    expect(await response.json()).toEqual({ error: "This order is not in the support desk." });
  });

  it("answers 404 to another shop's token asking for this shop's order", async () => {
    // GIVEN Ana's backordered order in this shop, and another installed shop
    const { placed } = await atRiskOrder();
    await installFakeShop({ shop: OTHER_SHOP });
    // WHEN the other shop's admin asks for this order's number THEN it learns nothing
    const response = await getOrder(number(placed.id), { shop: OTHER_SHOP });
    expect(response.status).toBe(404);
  });

  it("refuses a forged or expired session token with 401 and CORS headers", async () => {
    // GIVEN Ana's order
    const { placed } = await atRiskOrder();
    for (const token of [await forgedSessionToken(), await forgedSessionToken({ secret: "testApiSecretKey", expired: true })]) {
      // WHEN a request carries a token signed with another secret, or an expired one
      const request = new Request(appUrl(`/api/admin/order/${number(placed.id)}`), { headers: { Authorization: `Bearer ${token}`, Origin: ORIGIN } });
      const response = await callRoute(orderLoader, request, { id: number(placed.id) });
      // THEN it is refused, readable by the extension
      expect(response.status).toBe(401);
      expectCors(response);
    }
  });

  it("answers the CORS preflight without a token", async () => {
    // GIVEN the browser's preflight before the extension's POST (no Authorization header on a preflight)
    const request = new Request(appUrl("/api/admin/order/1"), {
      method: "OPTIONS",
      headers: { Origin: ORIGIN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type" },
    });
    // WHEN it reaches the route THEN 204 with the headers Shopify documents
    const response = await callRoute(orderAction, request, { id: "1" });
    expect(response.status).toBe(204);
    expectCors(response);
    expect(response.headers.get("Access-Control-Allow-Headers")).toContain("Content-Type");
  });

  it("translates its messages into the admin's language", async () => {
    // GIVEN a French admin WHEN it asks for an order the app does not know THEN the message is French
    const response = await getOrder("424242", { locale: "fr" });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Cette commande n’est pas dans le service client." });
  });
});

describe("POST /api/admin/order/:id (the order action)", () => {
  it("previews the delay notice for a revised date without writing anything", async () => {
    // GIVEN Ana's at-risk order
    const { placed } = await atRiskOrder();
    const before = await footprint();

    // WHEN staff preview a notice for a date 30 days out
    const response = await postOrder(number(placed.id), { intent: "preview-delay", earliest: day(28), latest: day(30) });

    // THEN they see the email Ana would get, with the new date, and nothing was written
    expect(response.status).toBe(200);
    expectCors(response);
    const preview = (await response.json()) as AdminDelayPreview;
    expect(preview).toMatchObject({ delayEmails: 1, earlierEmails: 0, email: { to: "ana@example.com" } });
    expect(preview.email?.subject).toContain(placed.name);
    expect(preview.email?.text).toContain("Teapot");
    // The wait / cancel links of a preview do nothing: no signed token is handed out
    expect(preview.email?.text).toContain("choice?preview=cancel");
    expect(preview.email?.text).not.toContain("choice?t=");
    expect(await footprint()).toEqual(before);
  });

  it("previews in the customer's language", async () => {
    // GIVEN Camille, who shops in French WHEN staff preview a notice THEN the email is French
    const { placed } = await atRiskOrder("fr");
    const preview = (await (await postOrder(number(placed.id), { intent: "preview-delay", earliest: day(28), latest: day(30) })).json()) as AdminDelayPreview;
    expect(preview.email?.subject).toMatch(/^Commande/);
  });

  it("sends the delay notice with the revised date through the support desk, once", async () => {
    // GIVEN Ana's at-risk order
    const { placed } = await atRiskOrder();
    const { version } = await summary(number(placed.id));

    // WHEN staff send the notice with a revised date
    const response = await postOrder(number(placed.id), { intent: "send-delay", version, earliest: day(28), latest: day(30), reason: "Supplier strike" });

    // THEN one delay email is queued for Ana with the new date, the timeline has the revised date and the email
    expect(response.status).toBe(200);
    expectCors(response);
    const done = (await response.json()) as AdminActionDone;
    expect(done.message).toBe("Revised date saved. 1 delay notice queued.");
    const emails = await outbox("delay_notice");
    expect(emails).toEqual([expect.objectContaining({ toEmail: "ana@example.com", dedupeKey: expect.stringContaining(`:delay:${day(30)}`) })]);
    const events = await prisma.orderEvent.findMany({ where: { orderId: placed.id, actor: { startsWith: "staff" } }, select: { kind: true } });
    expect(events.map((e) => e.kind).sort()).toEqual(["delay_queued", "manual_promise"]);
    // AND the answer carries the order as it is now: told the new date, delayed past the promise
    expect(done.summary?.lines).toEqual([expect.objectContaining({ status: "delayed", notifiedLatest: day(30), current: { earliest: day(28), latest: day(30) } })]);
    // (Its last contact is not compared: staff actions are stamped with the real time, the ledger's emails
    // with the test's clock, which runs ahead.)

    // WHEN the same form is sent again (its version is now stale) THEN 409 and no second email
    const again = await postOrder(number(placed.id), { intent: "send-delay", version, earliest: day(28), latest: day(30), reason: "Supplier strike" });
    expect(again.status).toBe(409);
    expect(await outbox("delay_notice")).toHaveLength(1);
  });

  it("says when no delay notice would go out, and saves the date without one", async () => {
    // GIVEN Ana's at-risk order, told a date 10 days out when she ordered
    const { placed } = await atRiskOrder();
    const [told] = (await summary(number(placed.id))).lines.map((l) => l.notifiedLatest);
    expect(told).toBeTruthy();

    // WHEN staff preview, then send, a revised date that is not later than what she was told
    const preview = (await (await postOrder(number(placed.id), { intent: "preview-delay", earliest: told, latest: told })).json()) as AdminDelayPreview;
    const { version } = await summary(number(placed.id));
    const sent = await postOrder(number(placed.id), { intent: "send-delay", version, earliest: told, latest: told, reason: "Confirmed by the supplier" });

    // THEN the preview says no notice would go out, and the date is saved with no email
    expect(preview).toEqual({ delayEmails: 0, earlierEmails: 0, email: null });
    expect(sent.status).toBe(200);
    expect(((await sent.json()) as AdminActionDone).message).toBe("Revised date saved. No delay notice went out: the customer already has this date or a later one, or has no email address.");
    expect(await outbox("delay_notice")).toEqual([]);
    expect((await prisma.backorderLine.findMany({ select: { manualLatest: true } })).map((l) => l.manualLatest)).toEqual([told]);
  });

  it.each([
    ["a body that is not JSON", undefined, "{not json", 400],
    ["an unknown intent", { intent: "delete-everything" }, undefined, 400],
    ["a notice without a reason", { intent: "send-delay", version: 1, earliest: "2099-01-01", latest: "2099-01-02" }, undefined, 400],
    ["a malformed date", { intent: "send-delay", version: 1, earliest: "soon", latest: "2099-01-02", reason: "x" }, undefined, 400],
    ["a date range ending before it starts", { intent: "preview-delay", earliest: "2099-01-10", latest: "2099-01-02" }, undefined, 422],
    ["a date in the past", { intent: "send-delay", version: 1, earliest: "2001-01-01", latest: "2001-01-02", reason: "x" }, undefined, 422],
    ["a compensation above 100%", { intent: "compensate", version: 1, submissionKey: "key-12345678", kind: "discount_percentage", percentage: "150", expiryDays: "30" }, undefined, 400],
    ["a compensation of an unknown kind", { intent: "compensate", version: 1, submissionKey: "key-12345678", kind: "cash" }, undefined, 400],
  ])("refuses %s with a message and writes nothing", async (_name, body, raw, status) => {
    // GIVEN Ana's at-risk order
    const { placed } = await atRiskOrder();
    const before = await footprint();
    // WHEN the action posts bad input
    const response = await postOrder(number(placed.id), body, raw ? { raw } : {});
    // THEN a 4xx with a readable message, and nothing changed (no email, no event, no new version)
    expect(response.status).toBe(status);
    expectCors(response);
    const answer = (await response.json()) as { error?: string; errors?: Record<string, string> };
    expect(answer.error ?? Object.values(answer.errors ?? {})[0]).toMatch(/\w{3,}/);
    expect(await footprint()).toEqual(before);
    expect(env.fake.store.discounts.size).toBe(0);
  });

  it("offers compensation through the support desk's compensation", async () => {
    // GIVEN Ana's at-risk order
    const { placed } = await atRiskOrder();
    const { version, compensation } = await summary(number(placed.id));
    expect(compensation.givenAt).toBeNull();

    // WHEN staff give her a 10% code valid 30 days
    const response = await postOrder(number(placed.id), { intent: "compensate", version, submissionKey: "admin-ext-key-1", kind: "discount_percentage", percentage: "10", expiryDays: "30" });

    // THEN Shopify holds one single-use code for her, she is emailed, and the order shows it
    expect(response.status).toBe(200);
    const done = (await response.json()) as AdminActionDone;
    expect(done).toMatchObject({ ok: true, message: "Compensation given", code: expect.stringMatching(/^SORRY-/) });
    expect([...env.fake.store.discounts.values()].map((d) => d.code)).toEqual([done.code]);
    expect(await outbox("compensation")).toHaveLength(1);
    expect(done.summary?.compensation.givenAt).not.toBeNull();
  });

  it("answers 404 to another shop posting for this shop's order, and writes nothing", async () => {
    // GIVEN Ana's order, and another installed shop
    const { placed } = await atRiskOrder();
    const other = await installFakeShop({ shop: OTHER_SHOP });
    const before = await footprint();
    // WHEN the other shop sends a notice and a compensation for this order's number
    const notice = await postOrder(number(placed.id), { intent: "send-delay", version: 1, earliest: day(28), latest: day(30), reason: "x" }, { shop: OTHER_SHOP });
    const gift = await postOrder(number(placed.id), { intent: "compensate", version: 1, submissionKey: "other-key-123", kind: "discount_percentage", percentage: "10", expiryDays: "30" }, { shop: OTHER_SHOP });
    // THEN both are 404 and nothing happened in either shop
    expect([notice.status, gift.status]).toEqual([404, 404]);
    expect(await footprint()).toEqual(before);
    expect(other.store.discounts.size).toBe(0);
    expect(env.fake.store.discounts.size).toBe(0);
  });
});

describe("GET /api/admin/product/:id (the product details block)", () => {
  it("answers each variant's backorder mode, units waiting and next estimate", async () => {
    // GIVEN a sold-out teapot on backorder with 3 units ordered (Shopify's count goes to -3)
    const { productId, variantId } = await soldOutWithBatch("Teapot", 10);
    await order(variantId, "ana@example.com", { quantity: 3 });

    // WHEN the product block asks
    const request = await embeddedFetchRequest(`/api/admin/product/${number(productId)}`, { init: { headers: { Origin: ORIGIN } } });
    const response = await callRoute(productLoader, request, { id: number(productId) });

    // THEN it gets the variant's mode, the 3 units waiting and the date a new order would get
    expect(response.status).toBe(200);
    expectCors(response);
    const body = (await response.json()) as AdminProductSummary;
    expect(body.productPath).toBe(`/app/products/${number(productId)}`);
    expect(body.variants).toEqual([
      expect.objectContaining({ id: variantId, mode: "always", available: -3, unitsWaiting: 3, nextEstimate: { earliest: expect.any(String), latest: expect.any(String) } }),
    ]);
  });

  it("answers 404 to another shop's token, 401 to a forged one, and the preflight", async () => {
    // GIVEN this shop's teapot and another installed shop
    const { productId } = await soldOutWithBatch("Teapot", 10);
    await installFakeShop({ shop: OTHER_SHOP });
    const path = `/api/admin/product/${number(productId)}`;
    // WHEN the other shop asks THEN 404 (Shopify gives it no such product)
    const other = await callRoute(productLoader, await embeddedFetchRequest(path, { shop: OTHER_SHOP }), { id: number(productId) });
    expect(other.status).toBe(404);
    // WHEN a forged token asks THEN 401
    const forged = new Request(appUrl(path), { headers: { Authorization: `Bearer ${await forgedSessionToken()}`, Origin: ORIGIN } });
    expect((await callRoute(productLoader, forged, { id: number(productId) })).status).toBe(401);
    // WHEN the browser sends a preflight THEN 204 with CORS headers
    const preflight = await callRoute(productAction, new Request(appUrl(path), { method: "OPTIONS", headers: { Origin: ORIGIN } }), { id: number(productId) });
    expect(preflight.status).toBe(204);
    expectCors(preflight);
    // WHEN something posts to it THEN 405
    const post = await callRoute(productAction, await embeddedFetchRequest(path, { init: { method: "POST", body: "{}" } }), { id: number(productId) });
    expect(post.status).toBe(405);
  });
});

// Live ETA through the app proxy: the range a new order gets now, and a logged-in customer's place in the
// variant's queue; signed requests only, every lookup scoped to the signing shop.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { loader as eta } from "~/routes/proxy.eta";
import type { AdminFake } from "../../dev/admin-fake";
import { appProxyRequest, appUrl, TEST_SHOP } from "../helpers/requests";
import { callRoute } from "../helpers/routes";
import { installFakeShop } from "../helpers/shop";

const OTHER_SHOP = "other-shop.myshopify.com";
const ISO = /^\d{4}-\d{2}-\d{2}$/;

let fake: AdminFake;
let variantGid: string;
let variantNumber: string;

const numeric = (gid: string) => gid.split("/").pop() as string;

beforeEach(async () => {
  await prisma.backorderLine.deleteMany({});
  await prisma.backorderVariant.deleteMany({});
  await prisma.shopSettings.deleteMany({});
  await prisma.session.deleteMany({});
  fake = await installFakeShop();
  const { product, variants } = fake.store.addProduct({ title: "Stoneware Mug", variants: [{ sku: "MUG-SAGE", available: 0 }] });
  variantGid = (variants[0] as { id: string }).id;
  variantNumber = numeric(variantGid);
  await prisma.backorderVariant.create({
    data: { shop: TEST_SHOP, productId: product.id, variantId: variantGid, mode: "when_sold_out", available: -5, leadTimeDays: 12 },
  });
});

function get(params: Record<string, string>, shop = TEST_SHOP) {
  return appProxyRequest("/proxy/eta", { shop, params });
}

/** An order by `customer` in the fake shop, and its waiting backorder line in our ledger. */
async function waitingLine(customer: string | null, quantity: number, minutesAgo: number, shop = TEST_SHOP) {
  const orderedAt = new Date(Date.now() - minutesAgo * 60_000);
  const { order } = fake.store.addOrder({ customer, lineItems: [{ variantId: variantGid, quantity }], createdAt: orderedAt.toISOString() });
  await prisma.backorderLine.create({
    data: {
      shop,
      variantId: variantGid,
      orderId: order.id,
      orderName: order.name,
      lineItemId: `${order.lineItems[0]?.id}-${shop}`,
      quantity,
      orderedAt,
    },
  });
  return order;
}

describe("GET /apps/backorder/eta", () => {
  it("answers the range a new order gets now, cacheable for a minute by the browser", async () => {
    // GIVEN a sold-out variant offered on backorder
    // WHEN a storefront asks for its live estimate (numeric id, as Liquid prints it)
    const response = await callRoute(eta, get({ variant_id: variantNumber }));

    // THEN it gets the backorder state and a date range per delivery mode
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, max-age=60");
    const body = await response.json();
    expect(body).toMatchObject({ variantId: variantGid, mode: "when_sold_out", backorder: true, maxQty: null, customer: null });
    expect(Object.keys(body.next)).toEqual(["standard"]);
    expect(body.next.standard.earliest).toMatch(ISO);
    expect(body.next.standard.latest >= body.next.standard.earliest).toBe(true);
    expect(["high", "medium", "low"]).toContain(body.confidence);
  });

  it("gives a logged-in customer the place of each of their waiting lines, uncached", async () => {
    // GIVEN three waiting orders: a guest's (oldest), Emma's, then Oliver's
    const emma = fake.store.addCustomer({ email: "emma@example.com", firstName: "Emma" });
    const oliver = fake.store.addCustomer({ email: "oliver@example.com", firstName: "Oliver" });
    await waitingLine(null, 2, 30);
    const emmasOrder = await waitingLine(emma.id, 1, 20);
    await waitingLine(oliver.id, 4, 10);

    // WHEN Emma, logged in, asks for the estimate (Shopify adds logged_in_customer_id)
    const response = await callRoute(eta, get({ variant_id: variantNumber, logged_in_customer_id: numeric(emma.id) }));

    // THEN she sees her line only: second in the queue, two units ahead of it, with its own range
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const body = await response.json();
    expect(body.queuedUnits).toBe(7);
    expect(body.customer.lines).toEqual([
      { orderName: emmasOrder.name, quantity: 1, position: 2, unitsAhead: 2, estimated: { earliest: expect.stringMatching(ISO), latest: expect.stringMatching(ISO) } },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/oliver|#100[13]/i);
  });

  it("finds a loyal customer's waiting line behind more than 250 newer orders of theirs", async () => {
    // GIVEN Emma's waiting order from three days ago, then 260 newer orders of hers for another product,
    // and a guest's waiting order placed before hers
    const emma = fake.store.addCustomer({ email: "emma@example.com", firstName: "Emma" });
    await waitingLine(null, 2, 5 * 24 * 60);
    const emmasOrder = await waitingLine(emma.id, 1, 3 * 24 * 60);
    const { variants } = fake.store.addProduct({ title: "Tea Towel", variants: [{ sku: "TOWEL", available: 1_000 }] });
    const towel = (variants[0] as { id: string }).id;
    for (let i = 0; i < 260; i++) {
      const createdAt = new Date(Date.now() - (2 * 24 * 60 - i) * 60_000).toISOString();
      fake.store.addOrder({ customer: emma.id, lineItems: [{ variantId: towel, quantity: 1 }], createdAt });
    }

    // WHEN Emma, logged in, asks for the mug's estimate
    const body = await (await callRoute(eta, get({ variant_id: variantNumber, logged_in_customer_id: numeric(emma.id) }))).json();

    // THEN her old waiting line is found: second in the queue, two units ahead of it
    expect(body.customer.lines).toEqual([
      { orderName: emmasOrder.name, quantity: 1, position: 2, unitsAhead: 2, estimated: { earliest: expect.stringMatching(ISO), latest: expect.stringMatching(ISO) } },
    ]);
  });

  it("gives a logged-in customer without waiting orders an empty list", async () => {
    // GIVEN a customer with no order for this variant
    const james = fake.store.addCustomer({ email: "james@example.com" });
    await waitingLine(null, 1, 5);

    // WHEN they ask
    const body = await (await callRoute(eta, get({ variant_id: variantNumber, logged_in_customer_id: numeric(james.id) }))).json();

    // THEN they have no lines
    expect(body.customer).toEqual({ lines: [] });
  });

  it("ignores another shop's queue for the same variant id", async () => {
    // GIVEN a customer's waiting line recorded under another shop with the same ids
    const emma = fake.store.addCustomer({ email: "emma@example.com" });
    await waitingLine(emma.id, 3, 5, OTHER_SHOP);

    // WHEN Emma asks our shop
    const body = await (await callRoute(eta, get({ variant_id: variantNumber, logged_in_customer_id: numeric(emma.id) }))).json();

    // THEN nothing of the other shop shows
    expect(body.queuedUnits).toBe(0);
    expect(body.customer).toEqual({ lines: [] });
  });

  it("answers 404 for a variant the shop does not offer on backorder", async () => {
    // GIVEN a variant the app does not manage, one whose mode is off, and our variant asked by another shop
    const { product, variants } = fake.store.addProduct({ title: "Plate", variants: [{ available: 3 }, { available: 0 }] });
    const off = (variants[1] as { id: string }).id;
    await prisma.backorderVariant.create({ data: { shop: TEST_SHOP, productId: product.id, variantId: off, mode: "off" } });
    await installFakeShop({ shop: OTHER_SHOP });

    // WHEN a storefront asks for each
    const unmanaged = await callRoute(eta, get({ variant_id: numeric((variants[0] as { id: string }).id) }));
    const turnedOff = await callRoute(eta, get({ variant_id: numeric(off) }));
    const elsewhere = await callRoute(eta, get({ variant_id: variantNumber }, OTHER_SHOP));

    // THEN all are not found, uncached
    for (const response of [unmanaged, turnedOff, elsewhere]) {
      expect(response.status).toBe(404);
      expect((await response.json()).error).toBe("unknown_variant");
      expect(response.headers.get("Cache-Control")).toBe("no-store");
    }
  });

  it("refuses a missing or malformed variant id with 400", async () => {
    // GIVEN requests without a variant, and with a product gid
    // WHEN they reach the proxy
    const missing = await callRoute(eta, get({}));
    const wrong = await callRoute(eta, get({ variant_id: "gid://shopify/Product/1" }));

    // THEN both are refused
    expect(missing.status).toBe(400);
    expect(wrong.status).toBe(400);
  });

  it("refuses an unsigned or forged request with 401", async () => {
    // GIVEN a request without a signature and one signed with another secret
    const unsigned = new Request(appUrl(`/proxy/eta?shop=${TEST_SHOP}&variant_id=${variantNumber}&timestamp=${Math.trunc(Date.now() / 1000)}`));
    const forged = appProxyRequest("/proxy/eta", { params: { variant_id: variantNumber }, secret: "forged" });

    // WHEN they reach the proxy
    // THEN both are refused
    expect((await callRoute(eta, unsigned)).status).toBe(401);
    expect((await callRoute(eta, forged)).status).toBe(401);
  });
});

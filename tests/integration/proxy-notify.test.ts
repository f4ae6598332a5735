// "Notify me when it's back" through the app proxy: signed requests only, validated, deduplicated,
// rate-limited per shopper address and per email, scoped to the signing shop, and nothing written on refusal.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { NOTIFY_LIMIT_PER_EMAIL, NOTIFY_LIMIT_PER_IP } from "~/proxy/notify.server";
import { action as notify, loader as notifyLoader } from "~/routes/proxy.notify";
import type { AdminFake } from "../../dev/admin-fake";
import { appProxyRequest, appUrl, TEST_SHOP } from "../helpers/requests";
import { callRoute } from "../helpers/routes";
import { installFakeShop } from "../helpers/shop";

const OTHER_SHOP = "other-shop.myshopify.com";

let fake: AdminFake;
let soldOut: { gid: string; id: string };

function numeric(gid: string): string {
  return gid.split("/").pop() as string;
}

beforeEach(async () => {
  await prisma.notifySubscription.deleteMany({});
  await prisma.rateLimitWindow.deleteMany({});
  await prisma.backorderVariant.deleteMany({});
  await prisma.session.deleteMany({});
  fake = await installFakeShop();
  const { variants } = fake.store.addProduct({ title: "Butter Dish", variants: [{ sku: "BTD", available: 0 }] });
  const gid = (variants[0] as { id: string }).id;
  soldOut = { gid, id: numeric(gid) };
});

function postJson(body: unknown, { ip = "203.0.113.7", shop = TEST_SHOP, secret }: { ip?: string; shop?: string; secret?: string } = {}) {
  return appProxyRequest("/proxy/notify", {
    shop,
    ...(secret ? { secret } : {}),
    init: {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-Forwarded-For": `${ip}, 10.0.0.1` },
      body: JSON.stringify(body),
    },
  });
}

function postForm(fields: Record<string, string>) {
  return appProxyRequest("/proxy/notify", {
    init: {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "text/html", "X-Forwarded-For": "198.51.100.4" },
      body: new URLSearchParams(fields).toString(),
    },
  });
}

async function rows() {
  return prisma.notifySubscription.findMany({ orderBy: { createdAt: "asc" } });
}

describe("POST /apps/backorder/notify", () => {
  it("subscribes a shopper to a sold-out variant and answers JSON", async () => {
    // GIVEN a sold-out variant of the shop
    // WHEN the block posts an email for it (numeric id, as Liquid prints it; mixed-case email)
    const response = await callRoute(notify, postJson({ email: "  Emma.Wilson@Example.com ", variant_id: soldOut.id, locale: "fr" }));

    // THEN the signup is stored for this shop, normalized, with the shopper's language
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true, status: "subscribed", message: "Merci ! Nous vous écrirons dès son retour en stock." });
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const [row] = await rows();
    expect(row).toMatchObject({ shop: TEST_SHOP, variantId: soldOut.gid, email: "emma.wilson@example.com", locale: "fr", status: "active" });
    expect(row?.unsubscribeToken).toMatch(/^[\w-]{20,}$/);
  });

  it("accepts the ProductVariant gid as well", async () => {
    // GIVEN a headless storefront that knows gids
    // WHEN it posts one
    const response = await callRoute(notify, postJson({ email: "a@example.com", variantId: soldOut.gid }));

    // THEN the signup is stored
    expect(response.status).toBe(201);
    expect(await rows()).toHaveLength(1);
  });

  it("does not duplicate a signup posted twice", async () => {
    // GIVEN a shopper already subscribed
    await callRoute(notify, postJson({ email: "emma@example.com", variant_id: soldOut.id }));

    // WHEN the same email signs up again for the same variant
    const response = await callRoute(notify, postJson({ email: "EMMA@example.com", variant_id: soldOut.id }));

    // THEN the answer says so and there is still one row
    expect(response.status).toBe(200);
    expect((await response.json()).status).toBe("already_subscribed");
    expect(await rows()).toHaveLength(1);
  });

  it("renews a signup that was already notified, with a new id and unsubscribe token", async () => {
    // GIVEN a subscription that was notified when stock came back once
    await callRoute(notify, postJson({ email: "emma@example.com", variant_id: soldOut.id }));
    const [before] = await rows();
    await prisma.notifySubscription.updateMany({ where: { id: before?.id }, data: { status: "notified", notifiedAt: new Date() } });

    // WHEN the shopper signs up again after it sold out again
    const response = await callRoute(notify, postJson({ email: "emma@example.com", variant_id: soldOut.id }));

    // THEN a fresh active subscription replaces it (the next alert is a new email, not a duplicate)
    expect(response.status).toBe(201);
    const after = await rows();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ status: "active", notifiedAt: null });
    expect(after[0]?.id).not.toBe(before?.id);
    expect(after[0]?.unsubscribeToken).not.toBe(before?.unsubscribeToken);
  });

  it.each([
    ["a malformed email", { email: "emma@", variant_id: "1" }],
    ["an email without a domain suffix", { email: "a@b", variant_id: "1" }],
    ["no email", { variant_id: "1" }],
    ["an email that is not text", { email: ["a@example.com"], variant_id: "1" }],
  ])("refuses %s with 400 and a message, writing nothing", async (_label, body) => {
    // GIVEN a signup with a bad email for a real variant
    const request = postJson({ ...body, variant_id: soldOut.id });

    // WHEN it is posted
    const response = await callRoute(notify, request);

    // THEN it is refused with a message naming the field, and nothing is stored or counted
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ok: false,
      error: "invalid_email",
      field: "email",
      message: "Please enter a valid email address, such as name@example.com.",
    });
    expect(await rows()).toEqual([]);
    expect(await prisma.rateLimitWindow.count()).toBe(0);
  });

  it("refuses a variant id that is neither numeric nor a variant gid with 400", async () => {
    // GIVEN a product gid where a variant is expected
    // WHEN it is posted
    const response = await callRoute(notify, postJson({ email: "a@example.com", variant_id: "gid://shopify/Product/1" }));

    // THEN it is refused and nothing is written
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("invalid_variant");
    expect(await rows()).toEqual([]);
  });

  it("refuses an unreadable body with 400", async () => {
    // GIVEN a JSON body that is not JSON
    const request = appProxyRequest("/proxy/notify", {
      init: { method: "POST", headers: { "Content-Type": "application/json" }, body: "{email:" },
    });

    // WHEN it is posted
    const response = await callRoute(notify, request);

    // THEN it is refused
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("invalid_request");
  });

  it("answers 404 for a variant the shop does not have, writing nothing", async () => {
    // GIVEN a variant id unknown to the shop (Shopify answers null for it)
    // WHEN a signup is posted for it
    const response = await callRoute(notify, postJson({ email: "a@example.com", variant_id: "999999999" }));

    // THEN it is refused and nothing is written or counted
    expect(response.status).toBe(404);
    expect((await response.json()).error).toBe("unknown_variant");
    expect(await rows()).toEqual([]);
    expect(await prisma.rateLimitWindow.count()).toBe(0);
  });

  it("answers 404 for a variant of a draft product", async () => {
    // GIVEN a variant whose product is not published
    const { variants } = fake.store.addProduct({ title: "Oil Bottle", status: "DRAFT", variants: [{ available: 0 }] });

    // WHEN a signup is posted for it
    const response = await callRoute(notify, postJson({ email: "a@example.com", variant_id: numeric((variants[0] as { id: string }).id) }));

    // THEN it is refused
    expect(response.status).toBe(404);
  });

  it("knows the variants the app manages even without an Admin session", async () => {
    // GIVEN a managed variant and no offline session (Shopify cannot be asked)
    await prisma.backorderVariant.create({ data: { shop: TEST_SHOP, productId: "gid://shopify/Product/1", variantId: soldOut.gid, mode: "off" } });
    await prisma.session.deleteMany({});

    // WHEN a signup is posted for it, and for an unknown one
    const known = await callRoute(notify, postJson({ email: "a@example.com", variant_id: soldOut.id }));
    const unknown = await callRoute(notify, postJson({ email: "a@example.com", variant_id: "123" }));

    // THEN the managed one is accepted and the other is not
    expect(known.status).toBe(201);
    expect(unknown.status).toBe(404);
  });

  it(`limits one shopper address to ${NOTIFY_LIMIT_PER_IP} signups an hour`, async () => {
    // GIVEN a shopper address that already signed up the maximum number of times (different emails)
    for (let i = 0; i < NOTIFY_LIMIT_PER_IP; i++) {
      const ok = await callRoute(notify, postJson({ email: `shopper${i}@example.com`, variant_id: soldOut.id }, { ip: "192.0.2.1" }));
      expect(ok.status).toBe(201);
    }

    // WHEN it signs up once more, and another address signs up
    const refused = await callRoute(notify, postJson({ email: "one-more@example.com", variant_id: soldOut.id }, { ip: "192.0.2.1" }));
    const other = await callRoute(notify, postJson({ email: "one-more@example.com", variant_id: soldOut.id }, { ip: "192.0.2.2" }));

    // THEN the first is refused with 429 and a retry delay, without being stored; the other is accepted
    expect(refused.status).toBe(429);
    expect((await refused.json()).error).toBe("rate_limited");
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(other.status).toBe(201);
    expect(await prisma.notifySubscription.count({ where: { email: "one-more@example.com" } })).toBe(1);
  });

  it(`limits one email to ${NOTIFY_LIMIT_PER_EMAIL} signups an hour, from any address`, async () => {
    // GIVEN an email that signed up the maximum number of times, from different addresses
    for (let i = 0; i < NOTIFY_LIMIT_PER_EMAIL; i++) {
      await callRoute(notify, postJson({ email: "busy@example.com", variant_id: soldOut.id }, { ip: `192.0.2.${10 + i}` }));
    }

    // WHEN it signs up again from a new address
    const refused = await callRoute(notify, postJson({ email: "busy@example.com", variant_id: soldOut.id }, { ip: "192.0.2.99" }));

    // THEN it is refused
    expect(refused.status).toBe(429);
  });

  it("stores neither the shopper's address nor the email in the rate-limit counters", async () => {
    // GIVEN a signup
    await callRoute(notify, postJson({ email: "private@example.com", variant_id: soldOut.id }, { ip: "203.0.113.9" }));

    // WHEN the counters are read
    const keys = (await prisma.rateLimitWindow.findMany()).map((w) => w.key);

    // THEN they hold hashes only
    expect(keys).toHaveLength(2);
    expect(keys.join(" ")).not.toMatch(/private|example|203\.0/);
  });

  it("keeps each shop's signups and counters apart", async () => {
    // GIVEN the same shopper signing up at another shop (signed for that shop) for a variant it has
    const other = await installFakeShop({ shop: OTHER_SHOP });
    const { variants } = other.store.addProduct({ title: "Mug", variants: [{ available: 0 }] });
    const otherVariant = (variants[0] as { id: string }).id;
    // (each fake numbers its ids from the same base: make one of ours that the other shop does not have)
    const { variants: more } = fake.store.addProduct({ title: "Vase", variants: [{ available: 0 }, { available: 0 }, { available: 0 }] });
    const onlyOurs = (more[2] as { id: string }).id;
    expect(other.store.variants.has(onlyOurs)).toBe(false);
    await callRoute(notify, postJson({ email: "emma@example.com", variant_id: soldOut.id }));

    // WHEN it signs up there, and tries a variant id of ours there
    const theirs = await callRoute(notify, postJson({ email: "emma@example.com", variant_id: numeric(otherVariant) }, { shop: OTHER_SHOP }));
    const ours = await callRoute(notify, postJson({ email: "emma@example.com", variant_id: numeric(onlyOurs) }, { shop: OTHER_SHOP }));

    // THEN each shop has its own row, and our variant is unknown to the other shop
    expect(theirs.status).toBe(201);
    expect(ours.status).toBe(404);
    expect((await rows()).map((r) => [r.shop, r.variantId])).toEqual([
      [TEST_SHOP, soldOut.gid],
      [OTHER_SHOP, otherVariant],
    ]);
    expect(new Set((await prisma.rateLimitWindow.findMany()).map((w) => w.shop))).toEqual(new Set([TEST_SHOP, OTHER_SHOP]));
  });

  it("answers a plain form post with a Liquid page in the shopper's language", async () => {
    // GIVEN the block's form posted without JavaScript
    const request = postForm({ email: "sophie@example.fr", variant_id: soldOut.id, locale: "fr", return_to: "/fr/products/butter-dish" });

    // WHEN it reaches the proxy
    const response = await callRoute(notify, request);

    // THEN Shopify gets Liquid to render in the theme, with the message and a way back
    expect(response.status).toBe(201);
    expect(response.headers.get("Content-Type")).toBe("application/liquid");
    const page = await response.text();
    expect(page).toContain('role="status"');
    expect(page).toContain("Merci ! Nous vous écrirons dès son retour en stock.");
    expect(page).toContain('href="/fr/products/butter-dish"');
    expect(await rows()).toHaveLength(1);
  });

  it("answers an invalid plain form post with a Liquid error page and no injected Liquid", async () => {
    // GIVEN a form post with a bad email and a return path carrying Liquid
    const request = postForm({ email: "{{ shop.email }}", variant_id: soldOut.id, return_to: "/{{ customer.email }}" });

    // WHEN it reaches the proxy
    const response = await callRoute(notify, request);

    // THEN the page shows the error, sends the shopper back home, and echoes nothing from the request
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('role="alert"');
    expect(page).toContain("Please enter a valid email address");
    expect(page).toContain('href="/"');
    expect(page).not.toMatch(/{{|{%|customer\.email|shop\.email/);
    expect(await rows()).toEqual([]);
  });

  it("refuses an unsigned request with 401 and writes nothing", async () => {
    // GIVEN a post that did not come through Shopify's proxy
    const request = new Request(appUrl(`/proxy/notify?shop=${TEST_SHOP}&timestamp=${Math.trunc(Date.now() / 1000)}`), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "a@example.com", variant_id: soldOut.id }),
    });

    // WHEN it reaches the route
    const response = await callRoute(notify, request);

    // THEN it is refused
    expect(response.status).toBe(401);
    expect(await rows()).toEqual([]);
  });

  it("refuses a post signed with another secret", async () => {
    // GIVEN a forged signature
    // WHEN it is posted
    const response = await callRoute(notify, postJson({ email: "a@example.com", variant_id: soldOut.id }, { secret: "forged" }));

    // THEN it is refused and nothing is written
    expect(response.status).toBe(401);
    expect(await rows()).toEqual([]);
  });

  it("tells a GET to use POST", async () => {
    // GIVEN a browser opening the endpoint
    // WHEN it is loaded
    const response = await callRoute(notifyLoader, appProxyRequest("/proxy/notify"));

    // THEN it answers 405
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("POST");
  });
});

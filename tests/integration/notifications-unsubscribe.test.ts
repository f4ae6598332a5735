// The public unsubscribe link of back-in-stock emails: a confirmation page, then a POST that stops the alert.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action, loader } from "~/routes/unsubscribe.$token";
import { unsubscribeUrl } from "~/notifications/unsubscribe.server";
import { callRoute } from "../helpers/routes";

const SHOP = "unsub-shop.myshopify.com";

async function subscription(patch: { locale?: string; status?: string } = {}) {
  await prisma.backorderVariant.create({
    data: { shop: SHOP, productId: "gid://shopify/Product/1", variantId: "gid://shopify/ProductVariant/1", productTitle: "Vase <noir>" },
  });
  return prisma.notifySubscription.create({
    data: { shop: SHOP, variantId: "gid://shopify/ProductVariant/1", email: "fan@example.com", unsubscribeToken: "tok-abc", ...patch },
  });
}

const get = (token: string) => callRoute(loader, new Request(unsubscribeUrl(token)), { token });
const postTo = (token: string, body: BodyInit = "List-Unsubscribe=One-Click") =>
  callRoute(
    action,
    new Request(unsubscribeUrl(token), { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } }),
    { token },
  );

beforeEach(async () => {
  await prisma.notifySubscription.deleteMany({});
  await prisma.backorderVariant.deleteMany({});
});

describe("unsubscribe link", () => {
  it("asks for confirmation in the subscriber's language without unsubscribing on GET", async () => {
    // GIVEN a French subscriber
    await subscription({ locale: "fr" });

    // WHEN the link is opened (or prefetched by a mail scanner)
    const response = await get("tok-abc");

    // THEN the page asks, names the product, and the subscription is still active
    expect(response.status).toBe(200);
    expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({ found: true, done: false });
    expect(body.text.question).toBe("Arrêter l’alerte de retour en stock pour Vase <noir> ?");
    expect((await prisma.notifySubscription.findFirst())?.status).toBe("active");
  });

  it("unsubscribes on POST, including a mail client's one-click request, and stays unsubscribed", async () => {
    // GIVEN an active subscriber
    await subscription();

    // WHEN the one-click POST arrives twice
    const first = await postTo("tok-abc");
    const second = await postTo("tok-abc");

    // THEN the subscription is unsubscribed and the page says so
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await prisma.notifySubscription.findFirst())?.status).toBe("unsubscribed");
    expect((await (await get("tok-abc")).json()).done).toBe(true);
  });

  it("answers 404 for an unknown token and changes nothing", async () => {
    // GIVEN a subscriber
    await subscription();

    // WHEN someone guesses a token
    const page = await get("tok-guess");
    const post = await postTo("tok-guess");

    // THEN both are 404
    expect(page.status).toBe(404);
    expect((await page.json()).text.notFound).toBe("This unsubscribe link is not valid.");
    expect(post.status).toBe(404);
    expect((await prisma.notifySubscription.findFirst())?.status).toBe("active");
  });
});

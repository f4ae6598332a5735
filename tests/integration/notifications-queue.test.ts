// Queueing customer emails into the outbox: one row per dedupe key, inside the caller's transaction, with
// the shop's template in the customer's language; and back-in-stock batches no larger than the stock.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { deleteCustomerEmails, deleteShopNotifications, listCustomerEmails } from "~/models/email-outbox.server";
import { EmailInputError, queueBackInStockEmails, queueEmail, type QueueEmailInput } from "~/notifications/queue.server";
import { unsubscribeUrl } from "~/notifications/unsubscribe.server";

const SHOP = "queue-shop.myshopify.com";
const OTHER_SHOP = "other-shop.myshopify.com";

function confirmationInput(patch: Partial<QueueEmailInput> = {}): QueueEmailInput {
  return {
    shop: SHOP,
    kind: "backorder_confirmation",
    dedupeKey: "line:L1:backorder_confirmation:2026-12-18",
    to: "ada@example.com",
    locale: "en",
    data: {
      orderName: "#1001",
      customerName: "Ada",
      lines: [{ productTitle: "Mug", variantTitle: "Sand", quantity: 2, earliest: "2026-12-14", latest: "2026-12-18" }],
      termsVersion: 1,
    },
    ...patch,
  };
}

async function outbox(shop = SHOP) {
  return prisma.emailOutbox.findMany({ where: { shop }, orderBy: { createdAt: "asc" } });
}

let tokenCounter = 0;
async function subscribe(email: string, { shop = SHOP, variantId = "gid://shopify/ProductVariant/1", minutesAgo = 0, locale = "en", status = "active" } = {}) {
  tokenCounter += 1;
  return prisma.notifySubscription.create({
    data: {
      shop,
      variantId,
      email,
      locale,
      status,
      unsubscribeToken: `token-${tokenCounter}-${email}`,
      createdAt: new Date(Date.UTC(2026, 10, 1) + tokenCounter * 1000 - minutesAgo * 60_000),
    },
  });
}

beforeEach(async () => {
  await prisma.emailOutbox.deleteMany({});
  await prisma.emailTemplate.deleteMany({});
  await prisma.notifySubscription.deleteMany({});
  await prisma.shopSettings.deleteMany({});
});

describe("queueEmail", () => {
  it("queues one pending email with the rendered subject, HTML and text", async () => {
    // GIVEN a confirmation for an English customer
    // WHEN it is queued
    const result = await queueEmail(confirmationInput());

    // THEN one pending row holds the rendered email, due now
    expect(result).toEqual({ queued: true });
    const [row] = await outbox();
    expect(row).toMatchObject({
      kind: "backorder_confirmation",
      toEmail: "ada@example.com",
      status: "pending",
      attempts: 0,
      subject: "Order #1001: your backordered items",
    });
    expect(row?.html).toContain("<strong>#1001</strong>");
    expect(row?.text).toContain("2 × Mug (Sand)");
  });

  it("ignores the same dedupe key a second time", async () => {
    // GIVEN an email already queued
    await queueEmail(confirmationInput());

    // WHEN the same key is queued again (a redelivered webhook), even with other data
    const again = await queueEmail(confirmationInput({ to: "someone-else@example.com" }));

    // THEN nothing is added
    expect(again).toEqual({ queued: false });
    expect(await outbox()).toHaveLength(1);
  });

  it("keeps dedupe keys per shop", async () => {
    // GIVEN a key used by another shop
    await queueEmail(confirmationInput({ shop: OTHER_SHOP }));

    // WHEN this shop queues the same key
    const result = await queueEmail(confirmationInput());

    // THEN it is queued
    expect(result.queued).toBe(true);
    expect(await outbox()).toHaveLength(1);
    expect(await outbox(OTHER_SHOP)).toHaveLength(1);
  });

  it("writes inside the caller's transaction: a rollback leaves no email", async () => {
    // GIVEN a ledger change that fails after queueing its email
    const failing = prisma.$transaction(async (tx) => {
      await queueEmail(confirmationInput(), tx);
      throw new Error("ledger update failed");
    });

    // WHEN the transaction rolls back
    await expect(failing).rejects.toThrow("ledger update failed");

    // THEN the email is gone with it, and a retry can queue it
    expect(await outbox()).toHaveLength(0);
    expect(await queueEmail(confirmationInput())).toEqual({ queued: true });
  });

  it("sees its own email inside one transaction (a duplicate in the same job is ignored)", async () => {
    // GIVEN / WHEN the same email is queued twice in one transaction
    const results = await prisma.$transaction(async (tx) => [
      await queueEmail(confirmationInput(), tx),
      await queueEmail(confirmationInput(), tx),
    ]);

    // THEN only the first is queued
    expect(results).toEqual([{ queued: true }, { queued: false }]);
    expect(await outbox()).toHaveLength(1);
  });

  it("uses the French template for a French-speaking customer", async () => {
    // GIVEN a customer whose locale is fr-CA
    // WHEN the email is queued
    await queueEmail(confirmationInput({ locale: "fr-CA" }));

    // THEN the French template was used and the row remembers the locale
    const [row] = await outbox();
    expect(row?.subject).toBe("Commande #1001 : vos articles en précommande");
    expect(row?.locale).toBe("fr-CA");
  });

  it("uses the shop's own template for that kind and language only", async () => {
    // GIVEN a French confirmation template customized by this shop, and one by another shop
    await prisma.emailTemplate.create({
      data: { shop: SHOP, kind: "backorder_confirmation", locale: "fr", subject: "Merci {{ customer_name }} !", body: "<p>Perso {{ order_name }}</p>" },
    });
    await prisma.emailTemplate.create({
      data: { shop: OTHER_SHOP, kind: "backorder_confirmation", locale: "en", subject: "Other shop", body: "<p>x</p>" },
    });

    // WHEN a French and an English confirmation are queued
    await queueEmail(confirmationInput({ locale: "fr", dedupeKey: "fr" }));
    await queueEmail(confirmationInput({ locale: "en", dedupeKey: "en" }));

    // THEN French uses the shop's template and English the built-in one (not the other shop's)
    const rows = await outbox();
    expect(rows.map((r) => r.subject)).toEqual(["Merci Ada !", "Order #1001: your backordered items"]);
    expect(rows[0]?.text).toBe("Perso #1001");
  });

  it("falls back to the built-in template when the shop's template fails on real data", async () => {
    // GIVEN a stored template whose loop blows the render limits with a large quantity
    await prisma.emailTemplate.create({
      data: {
        shop: SHOP,
        kind: "backorder_confirmation",
        locale: "en",
        subject: "Custom",
        body: "{% for line in lines %}{% for i in (1..line.quantity) %}x{% endfor %}{% endfor %}",
      },
    });
    const data = confirmationInput().data as { lines: { quantity: number }[] };
    data.lines[0]!.quantity = 100_000_000;

    // WHEN the email is queued
    const result = await queueEmail(confirmationInput({ data }));

    // THEN the customer still gets the built-in email
    expect(result.queued).toBe(true);
    expect((await outbox())[0]?.subject).toBe("Order #1001: your backordered items");
  });

  it("shows the shop's terms when they are the version the order accepted", async () => {
    // GIVEN saved terms at version 4
    await prisma.shopSettings.create({
      data: {
        shop: SHOP,
        termsVersion: 4,
        terms: JSON.stringify({
          en: { payment: "Charged today.", shipping: "Free.", cancellation: "Cancel until it ships." },
          fr: { payment: "Débité aujourd’hui.", shipping: "Offerte.", cancellation: "Annulable." },
        }),
      },
    });

    // WHEN one order accepted version 4 and another version 3
    await queueEmail(confirmationInput({ dedupeKey: "v4", data: { ...confirmationInput().data, termsVersion: 4 } }));
    await queueEmail(confirmationInput({ dedupeKey: "v3", data: { ...confirmationInput().data, termsVersion: 3 } }));

    // THEN only the first email quotes the terms
    const [v4, v3] = await outbox();
    expect(v4?.text).toContain("Cancellation: Cancel until it ships.");
    expect(v3?.text).not.toContain("Cancel until it ships.");
  });

  it.each([
    ["data missing a field", { data: { orderName: "#1" } }, /lines/],
    ["an invalid recipient", { to: "not-an-email" }, /recipient/],
    ["an unknown kind", { kind: "newsletter" as never }, /Unknown email kind/],
    ["an empty dedupe key", { dedupeKey: "" }, /dedupeKey/],
  ])("refuses %s with an EmailInputError and queues nothing", async (_name, patch, message) => {
    // GIVEN / WHEN an invalid input is queued
    const attempt = queueEmail(confirmationInput(patch));

    // THEN it throws and the outbox stays empty
    await expect(attempt).rejects.toBeInstanceOf(EmailInputError);
    await expect(queueEmail(confirmationInput(patch))).rejects.toThrow(message);
    expect(await outbox()).toHaveLength(0);
  });
});

describe("queueBackInStockEmails", () => {
  const VARIANT = "gid://shopify/ProductVariant/1";
  const input = {
    shop: SHOP,
    variantId: VARIANT,
    productTitle: "Stoneware mug",
    variantTitle: "Sand",
    productUrl: "https://queue-shop.myshopify.com/products/mug?variant=1",
  };

  it("tells the oldest subscribers first, no more of them than the units that arrived", async () => {
    // GIVEN four active subscribers, signed up in order, plus one for another variant and one unsubscribed
    const first = await subscribe("first@example.com");
    const second = await subscribe("second@example.com", { locale: "fr" });
    await subscribe("third@example.com");
    await subscribe("fourth@example.com");
    await subscribe("other-variant@example.com", { variantId: "gid://shopify/ProductVariant/2" });
    await subscribe("gone@example.com", { status: "unsubscribed" });

    // WHEN two units arrive
    const count = await queueBackInStockEmails({ ...input, unitsArrived: 2 });

    // THEN the two oldest get an email in their language, with their own unsubscribe link
    expect(count).toBe(2);
    const rows = await outbox();
    expect(rows.map((r) => [r.toEmail, r.dedupeKey, r.subject])).toEqual([
      ["first@example.com", `sub:${first.id}:back_in_stock`, "Stoneware mug is back in stock"],
      ["second@example.com", `sub:${second.id}:back_in_stock`, "Stoneware mug est de retour en stock"],
    ]);
    expect(rows[0]?.html).toContain(`href="${unsubscribeUrl(first.unsubscribeToken)}"`);
    // AND they are marked notified while the others keep waiting
    const statuses = await prisma.notifySubscription.findMany({ where: { shop: SHOP, variantId: VARIANT }, orderBy: { createdAt: "asc" } });
    expect(statuses.map((s) => s.status)).toEqual(["notified", "notified", "active", "active", "unsubscribed"]);
    expect(statuses[0]?.notifiedAt).toBeInstanceOf(Date);
  });

  it("moves on to the next subscribers when more stock arrives, and never emails anyone twice", async () => {
    // GIVEN three subscribers, the first already told
    await subscribe("a@example.com");
    await subscribe("b@example.com");
    await subscribe("c@example.com");
    await queueBackInStockEmails({ ...input, unitsArrived: 1 });

    // WHEN ten more units arrive, twice (a redelivered event)
    const second = await queueBackInStockEmails({ ...input, unitsArrived: 10 });
    const third = await queueBackInStockEmails({ ...input, unitsArrived: 10 });

    // THEN the remaining two got one email each, and nobody got two
    expect(second).toBe(2);
    expect(third).toBe(0);
    expect((await outbox()).map((r) => r.toEmail)).toEqual(["a@example.com", "b@example.com", "c@example.com"]);
  });

  it("runs inside the caller's transaction", async () => {
    // GIVEN a subscriber and a job whose transaction fails after queueing
    await subscribe("a@example.com");
    const failing = prisma.$transaction(async (tx) => {
      await queueBackInStockEmails({ ...input, unitsArrived: 1 }, tx);
      throw new Error("boom");
    });

    // WHEN it rolls back
    await expect(failing).rejects.toThrow("boom");

    // THEN the subscriber is still active and no email exists
    expect(await outbox()).toHaveLength(0);
    expect((await prisma.notifySubscription.findFirst({ where: { shop: SHOP } }))?.status).toBe("active");
  });

  it("queues nothing for zero or negative units, and touches only the given shop", async () => {
    // GIVEN a subscriber in another shop for the same variant id
    await subscribe("x@example.com", { shop: OTHER_SHOP });

    // WHEN stock arrives in this shop, or zero units
    expect(await queueBackInStockEmails({ ...input, unitsArrived: 0 })).toBe(0);
    expect(await queueBackInStockEmails({ ...input, unitsArrived: 5 })).toBe(0);

    // THEN the other shop's subscriber is untouched
    expect((await prisma.notifySubscription.findFirst({ where: { shop: OTHER_SHOP } }))?.status).toBe("active");
  });

  it("refuses an invalid product URL before marking anyone notified", async () => {
    // GIVEN a subscriber
    await subscribe("a@example.com");

    // WHEN the product URL is not http(s)
    const attempt = queueBackInStockEmails({ ...input, productUrl: "javascript:alert(1)", unitsArrived: 1 });

    // THEN it throws and the subscriber still waits
    await expect(attempt).rejects.toBeInstanceOf(EmailInputError);
    expect((await prisma.notifySubscription.findFirst({ where: { shop: SHOP } }))?.status).toBe("active");
  });
});

describe("privacy", () => {
  it("lists and forgets one customer's emails, and a whole shop's notifications, without touching other shops", async () => {
    // GIVEN emails to two customers, a template here, and the same customer in another shop
    await queueEmail(confirmationInput({ dedupeKey: "a", to: "Ada@Example.com" }));
    await queueEmail(confirmationInput({ dedupeKey: "b", to: "bob@example.com" }));
    await queueEmail(confirmationInput({ shop: OTHER_SHOP, dedupeKey: "a", to: "ada@example.com" }));
    await prisma.emailTemplate.create({ data: { shop: SHOP, kind: "delay_notice", locale: "en", subject: "s", body: "b" } });

    // WHEN the customer asks for their data, then to be forgotten
    const data = await listCustomerEmails({ shop: SHOP, email: "ADA@example.com" });
    const deleted = await deleteCustomerEmails({ shop: SHOP, email: "ada@example.com" });

    // THEN their email was listed and deleted, in this shop only
    expect(data.map((d) => d.subject)).toEqual(["Order #1001: your backordered items"]);
    expect(deleted).toBe(1);
    expect((await outbox()).map((r) => r.toEmail)).toEqual(["bob@example.com"]);
    expect(await outbox(OTHER_SHOP)).toHaveLength(1);

    // WHEN the shop is redacted
    await deleteShopNotifications({ shop: SHOP });

    // THEN its outbox and templates are gone, the other shop's remain
    expect(await outbox()).toHaveLength(0);
    expect(await prisma.emailTemplate.count({ where: { shop: SHOP } })).toBe(0);
    expect(await outbox(OTHER_SHOP)).toHaveLength(1);
  });
});

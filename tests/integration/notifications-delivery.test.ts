// Delivering the outbox to a real SMTP server started in the test: each email sent once, retried with
// backoff while the server refuses, dead after MAX_ATTEMPTS, and never sent twice by concurrent workers.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { BACKOFF_BASE_MS, LEASE_MS, MAX_ATTEMPTS, backoffMs, deliverPendingEmails } from "~/notifications/deliver.server";
import { queueBackInStockEmails, queueEmail } from "~/notifications/queue.server";
import { createSmtpTransport, mailboxTransport, type EmailTransport } from "~/notifications/transport.server";
import { unsubscribeUrl } from "~/notifications/unsubscribe.server";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";

const SHOP = "deliver-shop.myshopify.com";
const T0 = new Date("2026-12-01T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

let smtp: TestSmtpServer;
let transport: EmailTransport;

async function queueDelay(n: number, to = `customer${n}@example.com`) {
  await queueEmail({
    shop: SHOP,
    kind: "delay_notice",
    dedupeKey: `line:${n}:delay_notice:2027-01-15`,
    to,
    locale: n % 2 ? "fr" : "en",
    data: {
      orderName: `#${1000 + n}`,
      customerName: `Customer ${n}`,
      productTitle: "Mug",
      variantTitle: "Sand",
      quantity: 1,
      previousLatest: "2026-12-18",
      earliest: "2027-01-11",
      latest: "2027-01-15",
    },
  });
  // Rows become due at T0 so tests control time through `now`.
  await prisma.emailOutbox.updateMany({ where: { shop: SHOP, dedupeKey: `line:${n}:delay_notice:2027-01-15` }, data: { nextAttemptAt: T0 } });
}

async function rows() {
  return prisma.emailOutbox.findMany({ where: { shop: SHOP }, orderBy: { dedupeKey: "asc" } });
}

beforeEach(async () => {
  await prisma.emailOutbox.deleteMany({});
  await prisma.notifySubscription.deleteMany({});
  smtp = await startSmtpServer();
  transport = createSmtpTransport(smtp.url);
});

afterEach(async () => {
  transport.close();
  await smtp.close();
});

describe("deliverPendingEmails over SMTP", () => {
  it("sends a queued email once, with its subject, both parts and a stable Message-ID", async () => {
    // GIVEN one queued delay notice
    await queueDelay(2, "zoe@example.com");

    // WHEN the worker runs, then runs again
    const first = await deliverPendingEmails({ now: T0, workerId: "w1", transport });
    const second = await deliverPendingEmails({ now: at(60_000), workerId: "w1", transport });

    // THEN the server received exactly one message, as rendered
    expect(first).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(second).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(smtp.messages).toHaveLength(1);
    const [row] = await rows();
    const [mail] = smtp.messages;
    expect(mail?.rcptTo).toEqual(["zoe@example.com"]);
    expect(mail?.subject).toBe(row?.subject);
    expect(mail?.html).toContain("You can cancel for a full refund");
    expect(mail?.text).toContain("right to cancel");
    expect(mail?.from).toMatch(/no-reply@/);
    expect(mail?.messageId).toBe(`<${row?.id}@${new URL(process.env.SHOPIFY_APP_URL!).hostname}>`);
    // AND the row is sent, with the Message-ID and no lease left
    expect(row).toMatchObject({ status: "sent", attempts: 1, messageId: mail?.messageId, leaseOwner: null, lastError: null });
    expect(row?.sentAt).toEqual(T0);
  });

  it("retries with backoff while the server refuses, and sends once it accepts", async () => {
    // GIVEN a server that refuses the next two sends (421, temporary)
    await queueDelay(2);
    smtp.refuseNext(2);

    // WHEN the worker runs at T0
    const first = await deliverPendingEmails({ now: T0, workerId: "w1", transport });

    // THEN the attempt failed and the next one waits BACKOFF_BASE_MS
    expect(first).toEqual({ sent: 0, failed: 1, dead: 0 });
    let [row] = await rows();
    expect(row).toMatchObject({ status: "pending", attempts: 1, leaseOwner: null });
    expect(row?.lastError).toMatch(/421/);
    expect(row?.nextAttemptAt).toEqual(at(BACKOFF_BASE_MS));

    // WHEN the worker runs again before the backoff is over
    // THEN nothing is attempted
    expect(await deliverPendingEmails({ now: at(BACKOFF_BASE_MS - 1), workerId: "w1", transport })).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(smtp.attempts).toBe(1);

    // WHEN it runs after the backoff: refused again, and the wait grows
    expect(await deliverPendingEmails({ now: at(BACKOFF_BASE_MS), workerId: "w1", transport })).toEqual({ sent: 0, failed: 1, dead: 0 });
    [row] = await rows();
    expect(row?.attempts).toBe(2);
    expect(row?.nextAttemptAt).toEqual(at(BACKOFF_BASE_MS + backoffMs(2)));
    expect(backoffMs(2)).toBeGreaterThan(backoffMs(1));

    // WHEN the server is back and the worker runs after the second backoff
    const last = await deliverPendingEmails({ now: at(BACKOFF_BASE_MS + backoffMs(2)), workerId: "w1", transport });

    // THEN the email is delivered exactly once
    expect(last).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(smtp.messages).toHaveLength(1);
    [row] = await rows();
    expect(row).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    console.log(`SMTP down for 2 attempts: ${smtp.attempts} attempts, ${smtp.messages.length} delivered, 0 duplicated`);
  });

  it(`marks an email dead after ${MAX_ATTEMPTS} refused attempts and stops trying`, async () => {
    // GIVEN a server that refuses everything
    await queueDelay(2);
    smtp.refuseNext(1_000);

    // WHEN the worker runs every time the email is due
    let now = T0;
    const outcomes = [];
    for (let i = 0; i < MAX_ATTEMPTS; i += 1) {
      outcomes.push(await deliverPendingEmails({ now, workerId: "w1", transport }));
      const [row] = await rows();
      now = row!.nextAttemptAt;
    }

    // THEN the first attempts failed and the last one made it dead
    expect(outcomes.slice(0, -1).every((o) => o.failed === 1)).toBe(true);
    expect(outcomes.at(-1)).toEqual({ sent: 0, failed: 0, dead: 1 });
    const [row] = await rows();
    expect(row).toMatchObject({ status: "dead", attempts: MAX_ATTEMPTS });
    expect(row?.lastError).toMatch(/421/);

    // WHEN the worker runs a day later
    // THEN a dead email is not attempted again
    expect(await deliverPendingEmails({ now: at(86_400_000), workerId: "w1", transport })).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(smtp.attempts).toBe(MAX_ATTEMPTS);
    expect(smtp.messages).toHaveLength(0);
  });

  it("gives up at once on a recipient the server refuses for good (550)", async () => {
    // GIVEN a recipient the server rejects permanently
    await queueDelay(2, "nobody@example.com");
    smtp.rejectRecipient("nobody@example.com");

    // WHEN the worker runs
    const result = await deliverPendingEmails({ now: T0, workerId: "w1", transport });

    // THEN the email is dead after one attempt, with the server's answer
    expect(result).toEqual({ sent: 0, failed: 0, dead: 1 });
    const [row] = await rows();
    expect(row).toMatchObject({ status: "dead", attempts: 1 });
    expect(row?.lastError).toMatch(/550/);
  });

  it("never sends a row twice when two workers run at the same time", async () => {
    // GIVEN 20 queued emails and a slow server (wide race windows)
    for (let n = 1; n <= 20; n += 1) await queueDelay(n);
    smtp.setDelay(10);
    const other = createSmtpTransport(smtp.url);

    // WHEN two workers deliver concurrently
    const [a, b] = await Promise.all([
      deliverPendingEmails({ now: T0, workerId: "worker-a", transport }),
      deliverPendingEmails({ now: T0, workerId: "worker-b", transport: other }),
    ]);
    other.close();

    // THEN every email was sent by exactly one of them, and received exactly once
    expect(a.sent + b.sent).toBe(20);
    expect(smtp.messages).toHaveLength(20);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(20);
    expect((await rows()).every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    console.log(`two workers: a sent ${a.sent}, b sent ${b.sent}, server received ${smtp.messages.length}, 0 duplicated`);
  });

  it("takes over an email whose worker died mid-send once the lease expires, and leaves live leases alone", async () => {
    // GIVEN one email claimed by a worker that died (lease expired) and one held by a live worker
    await queueDelay(1);
    await queueDelay(2);
    const [dead, live] = await rows();
    await prisma.emailOutbox.update({
      where: { id: dead!.id },
      data: { status: "sending", attempts: 1, leaseOwner: "crashed", leaseExpiresAt: at(-1) },
    });
    await prisma.emailOutbox.update({
      where: { id: live!.id },
      data: { status: "sending", attempts: 1, leaseOwner: "busy", leaseExpiresAt: at(LEASE_MS) },
    });

    // WHEN another worker runs
    const result = await deliverPendingEmails({ now: T0, workerId: "w2", transport });

    // THEN only the expired one is sent (its second attempt), the live one is untouched
    expect(result).toEqual({ sent: 1, failed: 0, dead: 0 });
    const [after1, after2] = await rows();
    expect(after1).toMatchObject({ status: "sent", attempts: 2 });
    expect(after2).toMatchObject({ status: "sending", leaseOwner: "busy" });
    expect(smtp.messages.map((m) => m.rcptTo[0])).toEqual(["customer1@example.com"]);
  });

  it("adds one-click unsubscribe headers to back-in-stock emails", async () => {
    // GIVEN a subscriber told about a restock
    const subscription = await prisma.notifySubscription.create({
      data: { shop: SHOP, variantId: "v1", email: "fan@example.com", unsubscribeToken: "tok-fan" },
    });
    await queueBackInStockEmails({
      shop: SHOP,
      variantId: "v1",
      unitsArrived: 1,
      productTitle: "Vase",
      variantTitle: "",
      productUrl: "https://deliver-shop.myshopify.com/products/vase",
    });

    // WHEN the worker delivers it
    await deliverPendingEmails({ workerId: "w1", transport });

    // THEN the message carries List-Unsubscribe with the subscription's link
    const [mail] = smtp.messages;
    expect(mail?.rawHeaders["list-unsubscribe"]).toBe(`<${unsubscribeUrl(subscription.unsubscribeToken)}>`);
    expect(mail?.rawHeaders["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail?.rawHeaders["auto-submitted"]).toBe("auto-generated");
  });
});

describe("deliverPendingEmails without SMTP (local mailbox)", () => {
  it("marks the row sent as its own mailbox copy", async () => {
    // GIVEN a queued email and no SMTP server configured
    await queueDelay(2);

    // WHEN the worker delivers with the mailbox transport
    const result = await deliverPendingEmails({ now: T0, workerId: "w1", transport: mailboxTransport });

    // THEN the row is the delivered message, and nothing went out
    expect(result).toEqual({ sent: 1, failed: 0, dead: 0 });
    const [row] = await rows();
    expect(row).toMatchObject({ status: "sent", messageId: `mailbox:${row?.id}` });
    expect(smtp.messages).toHaveLength(0);
  });

  it("is the default transport when SMTP_URL is not set", async () => {
    // GIVEN the test environment (no SMTP_URL) and a queued email
    expect(process.env.SMTP_URL).toBeUndefined();
    await queueDelay(2);

    // WHEN the worker runs with its default transport
    await deliverPendingEmails({ now: T0, workerId: "w1" });

    // THEN the email landed in the mailbox
    expect((await rows())[0]?.messageId).toMatch(/^mailbox:/);
  });
});

// The backorder confirmation leaves the app through SMTP: a real smtp-server receives it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import prisma from "~/db.server";
import { createSmtpTransport, type EmailTransport } from "~/notifications/transport.server";
import { backorderableVariant, deliver, ledgerShop, placeOrder, runAllJobs, type LedgerShop } from "./ledger-support";

let server: SMTPServer;
let received: ParsedMail[];
let transport: EmailTransport;
let env: LedgerShop;

beforeEach(async () => {
  received = [];
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  transport = createSmtpTransport(`smtp://127.0.0.1:${port}`);
  env = await ledgerShop({ worker: { deliverEmails: true, emailTransport: transport } });
});

afterEach(async () => {
  transport.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("confirmation over SMTP", () => {
  it("delivers one confirmation to the customer, marked sent with its Message-ID", async () => {
    // GIVEN a sold-out backorderable variant
    const { variantId } = await backorderableVariant(env, { title: "Serving Platter", available: 0 });
    // WHEN a French-speaking customer orders it and the worker runs (jobs, then delivery)
    await deliver(placeOrder(env.fake, { variantId, quantity: 2, email: "chloe@example.com", firstName: "Chloé", locale: "fr" }).delivery);
    await runAllJobs(env.worker, env.clock);
    await env.worker.tick();
    // THEN exactly one message reached the SMTP server, for her, and the outbox row is sent
    expect(received).toHaveLength(1);
    const mail = received[0] as ParsedMail;
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toBe("chloe@example.com");
    expect(mail.text ?? "").toContain("Serving Platter");
    const row = await prisma.emailOutbox.findFirstOrThrow({ select: { status: true, messageId: true, kind: true, locale: true } });
    expect(row).toMatchObject({ status: "sent", kind: "backorder_confirmation", locale: "fr" });
    expect(mail.messageId).toBe(row.messageId);
  });
});

// Fault: the mail server is down for the first delivery attempts, then refuses two messages with a
// temporary error. Every customer still gets their confirmation exactly once.
import { afterEach, describe, expect, it } from "vitest";
import { createServer } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import prisma from "~/db.server";
import { createSmtpTransport } from "~/notifications/transport.server";
import { backorderableVariant, deliver, ledgerShop, placeOrder, runAllJobs, testWorker } from "../integration/ledger-support";

let server: SMTPServer | null = null;
afterEach(async () => {
  if (server) await new Promise<void>((resolve) => (server as SMTPServer).close(() => resolve()));
  server = null;
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("SMTP down for the first attempts", () => {
  it("delivers every email exactly once after the server comes back", async () => {
    // GIVEN four customers with a queued confirmation each, and a mail server that is not listening yet
    const port = await freePort();
    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`);
    const env = await ledgerShop();
    const mailer = testWorker(env.clock, { workerId: "mailer", deliverEmails: true, emailTransport: transport });
    const { variantId } = await backorderableVariant(env, { title: "Linen Apron", available: 0 });
    const customers = ["ana", "ben", "cleo", "dan"].map((n) => `${n}@example.com`);
    for (const email of customers) {
      await deliver(placeOrder(env.fake, { variantId, email }).delivery);
      await runAllJobs(env.worker, env.clock);
    }

    // WHEN delivery is attempted while it is down, then while it refuses two messages (451), then later
    const rounds: { sent: number; failed: number; dead: number }[] = [];
    rounds.push((await mailer.tick()).emails);
    const received: string[] = [];
    let refusals = 2;
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            if (refusals > 0) {
              refusals--;
              callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 }));
              return;
            }
            received.push(mail.to && "text" in mail.to ? mail.to.text : "?");
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => (server as SMTPServer).listen(port, "127.0.0.1", resolve));
    for (let i = 0; i < 6 && (await prisma.emailOutbox.count({ where: { status: { not: "sent" } } })) > 0; i++) {
      const next = await prisma.emailOutbox.findFirst({ where: { status: "pending" }, orderBy: { nextAttemptAt: "asc" }, select: { nextAttemptAt: true } });
      if (next) env.clock.advance(Math.max(0, next.nextAttemptAt.getTime() - env.clock.now()) + 1);
      rounds.push((await mailer.tick()).emails);
    }
    transport.close();

    // THEN after the failures each customer received exactly one message and every row is sent
    const rows = await prisma.emailOutbox.findMany({ select: { status: true, attempts: true } });
    console.log(
      `[fault: SMTP down] rounds=${JSON.stringify(rounds)} refused while up=2 received=${received.length} ` +
        `attempts per email=${JSON.stringify(rows.map((r) => r.attempts))} statuses=${JSON.stringify(rows.map((r) => r.status))}`,
    );
    expect(rounds[0]).toEqual({ sent: 0, failed: 4, dead: 0 });
    expect(received.sort()).toEqual(customers);
    expect(rows.every((r) => r.status === "sent")).toBe(true);
  });
});

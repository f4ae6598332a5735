// Where delivered emails go: an SMTP server (nodemailer) when SMTP_URL is set, otherwise the local mailbox,
// where the outbox row itself is the delivered message (readable in the admin, never leaves the server).
import nodemailer from "nodemailer";
import { env } from "~/env.server";

export interface OutgoingEmail {
  /** The outbox row id; also the stable Message-ID, so a receiving server can spot a duplicate. */
  outboxId: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

export interface EmailTransport {
  readonly mode: "smtp" | "mailbox";
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

/** A send failure the worker should not retry (the recipient was refused for good). */
export interface SendFailure {
  message: string;
  permanent: boolean;
}

function appHost(): string {
  return new URL(env.SHOPIFY_APP_URL).hostname;
}

export function mailFrom(): string {
  return env.MAIL_FROM ?? `Backorder Pilot <no-reply@${appHost()}>`;
}

export function messageIdFor(outboxId: string): string {
  return `<${outboxId}@${appHost()}>`;
}

export const mailboxTransport: EmailTransport = {
  mode: "mailbox",
  async send(email) {
    return { messageId: `mailbox:${email.outboxId}` };
  },
  close() {},
};

// Timeouts well inside the worker's lease (deliver.server.ts), so a send never outlives the claim.
const SMTP_TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

export function createSmtpTransport(url: string): EmailTransport {
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 2,
    maxMessages: 100,
    ...SMTP_TIMEOUTS,
    // Content is always strings we rendered; never let a message reference a file or URL to inline.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    mode: "smtp",
    async send(email) {
      const messageId = messageIdFor(email.outboxId);
      const info = await transporter.sendMail({
        from: email.from,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId,
        headers: email.headers,
      });
      return { messageId: info.messageId || messageId };
    },
    close() {
      transporter.close();
    },
  };
}

let envTransport: EmailTransport | undefined;

/** The transport the configuration asks for (one SMTP pool per process). */
export function defaultTransport(): EmailTransport {
  if (!env.SMTP_URL) return mailboxTransport;
  envTransport ??= createSmtpTransport(env.SMTP_URL);
  return envTransport;
}

export function deliveryMode(): EmailTransport["mode"] {
  return env.SMTP_URL ? "smtp" : "mailbox";
}

const MAX_ERROR_LENGTH = 1_000;

/**
 * A failure's message for the admin, and whether retrying is pointless: a 5xx answer to RCPT TO means the
 * server refused that recipient for good. Everything else (connection refused, 4xx, timeouts, a 5xx at
 * another step such as a misconfigured login) is retried, so fixing the configuration rescues the email.
 */
export function describeSendFailure(error: unknown): SendFailure {
  const e = error as { message?: unknown; responseCode?: unknown; command?: unknown; code?: unknown };
  const message = typeof e?.message === "string" ? e.message : String(error);
  const code = typeof e?.responseCode === "number" ? e.responseCode : undefined;
  const command = typeof e?.command === "string" ? e.command : "";
  const permanent = code !== undefined && code >= 500 && code < 600 && /^RCPT/i.test(command);
  const detail = [typeof e?.code === "string" ? e.code : null, message].filter(Boolean).join(": ");
  return { message: detail.slice(0, MAX_ERROR_LENGTH), permanent };
}

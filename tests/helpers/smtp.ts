// A real SMTP server for tests (smtp-server on 127.0.0.1, a free port): it keeps every message it accepts,
// parsed with mailparser, and can refuse the next N sends with a temporary error to play "SMTP is down".
import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";

export const SMTP_USER = "backorder";
export const SMTP_PASSWORD = "s3cret";

export interface ReceivedMail {
  /** SMTP envelope recipients. */
  rcptTo: string[];
  mailFrom: string;
  messageId: string | undefined;
  subject: string | undefined;
  from: string | undefined;
  to: string | undefined;
  html: string | undefined;
  text: string | undefined;
  headers: ParsedMail["headers"];
  /** Raw header values by lowercase name (mailparser structures some headers, e.g. List-*). */
  rawHeaders: Record<string, string>;
}

export interface TestSmtpServer {
  /** `smtp://user:password@127.0.0.1:<port>`, what SMTP_URL would hold. */
  url: string;
  port: number;
  messages: ReceivedMail[];
  /** MAIL FROM commands seen, accepted or refused. */
  attempts: number;
  /** The next `count` sends get `code` (default 421, "service not available": temporary). */
  refuseNext(count: number, code?: number): void;
  /** Recipients refused for good at RCPT TO (550). */
  rejectRecipient(address: string): void;
  /** Delay before accepting each message body (to widen race windows). */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string | undefined {
  if (!value) return undefined;
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(", ");
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

export async function startSmtpServer(options: { refuseFirst?: number; refuseCode?: number } = {}): Promise<TestSmtpServer> {
  let refuse = options.refuseFirst ?? 0;
  let refuseCode = options.refuseCode ?? 421;
  let delayMs = 0;
  const rejected = new Set<string>();
  const messages: ReceivedMail[] = [];
  const state = { attempts: 0 };

  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) return callback(null, { user: auth.username });
      return callback(smtpError("Invalid username or password", 535));
    },
    onMailFrom(_address: SMTPServerAddress, _session, callback) {
      state.attempts += 1;
      if (refuse > 0) {
        refuse -= 1;
        return callback(smtpError("Service not available, try again later", refuseCode));
      }
      return callback();
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (rejected.has(address.address.toLowerCase())) return callback(smtpError("Mailbox unavailable", 550));
      return callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
          messages.push({
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            messageId: parsed.messageId,
            subject: parsed.subject,
            from: addresses(parsed.from),
            to: addresses(parsed.to),
            html: parsed.html === false ? undefined : parsed.html,
            text: parsed.text,
            headers: parsed.headers,
            rawHeaders: Object.fromEntries(
              parsed.headerLines.map(({ key, line }) => [key, line.slice(line.indexOf(":") + 1).trim()]),
            ),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${port}`,
    port,
    messages,
    get attempts() {
      return state.attempts;
    },
    refuseNext(count, code = 421) {
      refuse = count;
      refuseCode = code;
    },
    rejectRecipient(address) {
      rejected.add(address.toLowerCase());
    },
    setDelay(ms) {
      delayMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

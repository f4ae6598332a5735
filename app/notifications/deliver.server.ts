// Delivering the outbox. A worker claims due rows one at a time with a compare-and-set (see
// claimEmail), sends each through the transport, and records the result under its lease, so two workers
// never send the same row and a sent row is never picked again. Failures retry with exponential backoff
// and end `dead` (visible in the admin, with a retry button) after MAX_ATTEMPTS.
//
// Exactly-once is impossible with SMTP: if a worker dies after the server accepted a message but before the
// row is marked sent, the expired lease makes the row due again. Every message therefore carries a stable
// Message-ID (<outbox id@app host>) that receiving servers use to drop the duplicate.
import {
  claimEmail,
  findDueEmail,
  findDueEmails,
  loadClaimedEmail,
  markEmailFailed,
  markEmailSent,
} from "~/models/email-outbox.server";
import { defaultTransport, describeSendFailure, mailFrom, type EmailTransport } from "./transport.server";
import { unsubscribeUrlForDedupeKey } from "./unsubscribe.server";

/** A claim lasts this long; SMTP timeouts (transport.server.ts) are well inside it. */
export const LEASE_MS = 5 * 60_000;
/** Attempts before an email is dead: the waits between 6 attempts add up to about 2 hours. */
export const MAX_ATTEMPTS = 6;
export const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_FACTOR = 3;
export const BACKOFF_MAX_MS = 6 * 60 * 60_000;

/** Wait after the n-th failed attempt (n ≥ 1): 1 min, 3 min, 9 min, 27 min, 81 min… capped at 6 h. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * BACKOFF_FACTOR ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);
}

export interface DeliveryOptions {
  now?: Date;
  /** Identifies this worker in leases (e.g. `${hostname}:${pid}`). */
  workerId: string;
  /** Most rows to claim in this call. */
  limit?: number;
  /** Defaults to SMTP when SMTP_URL is set, else the local mailbox. */
  transport?: EmailTransport;
}

export interface DeliveryCounts {
  sent: number;
  /** Failed this time, retry scheduled. */
  failed: number;
  /** Failed for the last time (or refused for good). */
  dead: number;
}

type Outcome = keyof DeliveryCounts;

async function headersFor(row: { shop: string; kind: string; dedupeKey: string }): Promise<Record<string, string>> {
  const headers: Record<string, string> = { "Auto-Submitted": "auto-generated" };
  if (row.kind === "back_in_stock" || row.kind === "feedback_survey") {
    const url = await unsubscribeUrlForDedupeKey(row);
    if (url) {
      // RFC 8058 one-click unsubscribe (the route accepts the POST mail clients send).
      headers["List-Unsubscribe"] = `<${url}>`;
      headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
    }
  }
  return headers;
}

/** Sends a row this worker has claimed and records the outcome. */
async function sendClaimed(
  email: { id: string; shop: string },
  { now, workerId, transport }: { now: Date; workerId: string; transport: EmailTransport },
): Promise<Outcome | null> {
  const row = await loadClaimedEmail({ id: email.id, shop: email.shop, workerId });
  if (!row) return null;

  let messageId: string;
  try {
    ({ messageId } = await transport.send({
      outboxId: row.id,
      from: mailFrom(),
      to: row.toEmail,
      subject: row.subject,
      html: row.html,
      text: row.text,
      headers: await headersFor(row),
    }));
  } catch (error) {
    const failure = describeSendFailure(error);
    const dead = failure.permanent || row.attempts >= MAX_ATTEMPTS;
    await markEmailFailed({
      id: row.id,
      shop: row.shop,
      workerId,
      error: failure.message,
      dead,
      nextAttemptAt: dead ? now : new Date(now.getTime() + backoffMs(row.attempts)),
    });
    return dead ? "dead" : "failed";
  }
  // Outside the try: a database error here must not be mistaken for a failed send and retried.
  if (!(await markEmailSent({ id: row.id, shop: row.shop, workerId, messageId, now }))) {
    console.warn(`[notifications] email ${row.id} was sent after worker ${workerId} lost its lease`);
  }
  return "sent";
}

export async function deliverPendingEmails({
  now = new Date(),
  workerId,
  limit = 50,
  transport = defaultTransport(),
}: DeliveryOptions): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { sent: 0, failed: 0, dead: 0 };
  const due = await findDueEmails({ now, limit });
  for (const email of due) {
    if (!(await claimEmail({ email, now, workerId, leaseMs: LEASE_MS }))) continue;
    const outcome = await sendClaimed(email, { now, workerId, transport });
    if (outcome) counts[outcome] += 1;
  }
  return counts;
}

/**
 * Delivers one of a shop's emails now if it is due (the admin's "send test"), through the same claim as the
 * worker. Returns null when the row is not due or another worker holds it.
 */
export async function deliverEmailNow({
  shop,
  id,
  workerId,
  now = new Date(),
  transport = defaultTransport(),
}: {
  shop: string;
  id: string;
  workerId: string;
  now?: Date;
  transport?: EmailTransport;
}): Promise<Outcome | null> {
  const email = await findDueEmail({ shop, id, now });
  if (!email || !(await claimEmail({ email, now, workerId, leaseMs: LEASE_MS }))) return null;
  return sendClaimed(email, { now, workerId, transport });
}

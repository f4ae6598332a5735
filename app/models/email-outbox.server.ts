// The email outbox: one row per email the app will ever send, unique per (shop, dedupeKey), so a retried
// job or a duplicate webhook cannot queue the same email twice. Rows move pending → sending (a worker's
// lease) → sent, or back to pending with a later nextAttemptAt, or dead after too many failures.
// Worker-side functions read across shops (the worker serves every shop) but every write names the row's
// shop as well as its id; admin-side functions are scoped by the session's shop.
import { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import type { OutboxKind } from "~/notifications/kinds";
import type { PageCursor } from "~/validation/cursor";
import { keysetPage } from "./keyset.server";
import type { Tx } from "./transaction.server";

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "dead"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface NewOutboxEmail {
  /** Set by callers that need the id right away (the admin's test send); generated otherwise. */
  id?: string;
  shop: string;
  dedupeKey: string;
  kind: OutboxKind;
  toEmail: string;
  locale: string;
  subject: string;
  html: string;
  text: string;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Inserts the email unless the shop already has one with this dedupe key. Returns whether it inserted. */
export async function insertOutboxEmail(email: NewOutboxEmail, tx: Tx = prisma): Promise<boolean> {
  const existing = await tx.emailOutbox.findUnique({
    where: { shop_dedupeKey: { shop: email.shop, dedupeKey: email.dedupeKey } },
    select: { id: true },
  });
  if (existing) return false;
  try {
    await tx.emailOutbox.create({ data: email, select: { id: true } });
    return true;
  } catch (error) {
    // Another writer inserted the same key between our read and our insert.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function findOutboxEmailByDedupeKey({ shop, dedupeKey }: { shop: string; dedupeKey: string }, tx: Tx = prisma) {
  return tx.emailOutbox.findUnique({
    where: { shop_dedupeKey: { shop, dedupeKey } },
    select: { id: true, status: true },
  });
}

// ---- worker side -------------------------------------------------------------------------------------

export interface DueEmail {
  id: string;
  shop: string;
  status: string;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
}

/** Rows a worker may claim: pending and due, or sending under a lease that expired (a worker died). */
export async function findDueEmails({ now, limit }: { now: Date; limit: number }): Promise<DueEmail[]> {
  return prisma.emailOutbox.findMany({
    where: {
      OR: [
        { status: "pending", nextAttemptAt: { lte: now } },
        { status: "sending", leaseExpiresAt: { lte: now } },
      ],
    },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true, shop: true, status: true, leaseOwner: true, leaseExpiresAt: true },
  });
}

/** One of a shop's rows, if it is pending and due (the admin's immediate test send). */
export async function findDueEmail({ shop, id, now }: { shop: string; id: string; now: Date }): Promise<DueEmail | null> {
  return prisma.emailOutbox.findFirst({
    where: { id, shop, status: "pending", nextAttemptAt: { lte: now } },
    select: { id: true, shop: true, status: true, leaseOwner: true, leaseExpiresAt: true },
  });
}

/**
 * Compare-and-set claim: the update only matches if the row is still in the state the worker read, so of
 * two workers racing for a row exactly one gets count === 1. Counts the attempt now, so an attempt cut
 * short by a crash still counts towards the limit.
 */
export async function claimEmail({
  email,
  now,
  workerId,
  leaseMs,
}: {
  email: DueEmail;
  now: Date;
  workerId: string;
  leaseMs: number;
}): Promise<boolean> {
  const expected: Prisma.EmailOutboxWhereInput =
    email.status === "pending"
      ? { status: "pending", nextAttemptAt: { lte: now } }
      : { status: "sending", leaseOwner: email.leaseOwner, leaseExpiresAt: email.leaseExpiresAt ?? undefined };
  if (email.status === "sending" && (!email.leaseExpiresAt || email.leaseExpiresAt > now)) return false;
  const { count } = await prisma.emailOutbox.updateMany({
    where: { id: email.id, shop: email.shop, ...expected },
    data: {
      status: "sending",
      leaseOwner: workerId,
      leaseExpiresAt: new Date(now.getTime() + leaseMs),
      attempts: { increment: 1 },
    },
  });
  return count === 1;
}

export async function loadClaimedEmail({ id, shop, workerId }: { id: string; shop: string; workerId: string }) {
  return prisma.emailOutbox.findFirst({
    where: { id, shop, status: "sending", leaseOwner: workerId },
    select: {
      id: true,
      shop: true,
      kind: true,
      dedupeKey: true,
      toEmail: true,
      locale: true,
      subject: true,
      html: true,
      text: true,
      attempts: true,
    },
  });
}

/** Records the send; false when this worker no longer holds the lease. */
export async function markEmailSent({
  id,
  shop,
  workerId,
  messageId,
  now,
}: {
  id: string;
  shop: string;
  workerId: string;
  messageId: string;
  now: Date;
}): Promise<boolean> {
  const { count } = await prisma.emailOutbox.updateMany({
    where: { id, shop, status: "sending", leaseOwner: workerId },
    data: { status: "sent", messageId, sentAt: now, leaseOwner: null, leaseExpiresAt: null, lastError: null },
  });
  return count === 1;
}

export async function markEmailFailed({
  id,
  shop,
  workerId,
  error,
  dead,
  nextAttemptAt,
}: {
  id: string;
  shop: string;
  workerId: string;
  error: string;
  dead: boolean;
  nextAttemptAt: Date;
}): Promise<boolean> {
  const { count } = await prisma.emailOutbox.updateMany({
    where: { id, shop, status: "sending", leaseOwner: workerId },
    data: {
      status: dead ? "dead" : "pending",
      lastError: error,
      nextAttemptAt,
      leaseOwner: null,
      leaseExpiresAt: null,
    },
  });
  return count === 1;
}

// ---- admin side --------------------------------------------------------------------------------------

const LIST_SELECT = {
  id: true,
  kind: true,
  toEmail: true,
  locale: true,
  subject: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  messageId: true,
  sentAt: true,
  createdAt: true,
} as const;

export type OutboxFilter = "all" | "failed";

/** Longest recipient search accepted (an address is at most 254 characters). */
export const RECIPIENT_SEARCH_MAX = 254;
/** Above every character an address can hold: `toEmail < prefix + TOP` bounds a prefix range. */
const TOP = String.fromCodePoint(0x10ffff);

/**
 * Recent emails, newest first; "failed" = dead, or waiting to retry after an error. One page at a time
 * (`cursor`: the page after or before an email), keyset over the (shop, createdAt, id) index.
 *
 * `recipient` (lower-cased by the caller) keeps the emails whose address starts with it: a whole address
 * finds that customer's emails, its beginning every address that starts so. It is a range over the
 * (shop, toEmail, createdAt, id) index: an exact address reads its own rows in date order; a shorter
 * prefix reads only the addresses it matches, then orders those.
 */
export async function listOutboxEmails({
  shop,
  filter = "all",
  recipient = null,
  take = 50,
  cursor = null,
}: {
  shop: string;
  filter?: OutboxFilter;
  recipient?: string | null;
  take?: number;
  cursor?: PageCursor | null;
}) {
  const failed: Prisma.EmailOutboxWhereInput[] = filter === "failed" ? [{ OR: [{ status: "dead" }, { status: "pending", lastError: { not: null } }] }] : [];
  const to: Prisma.EmailOutboxWhereInput[] = recipient ? [{ toEmail: { gte: recipient, lt: `${recipient}${TOP}` } }] : [];
  return keysetPage({ field: "createdAt", cursor, size: take }, ({ where, orderBy, take: rows }) =>
    prisma.emailOutbox.findMany({ where: { shop, AND: [...to, ...failed, ...where] }, select: LIST_SELECT, orderBy, take: rows }),
  );
}

export async function getOutboxEmail({ shop, id }: { shop: string; id: string }) {
  return prisma.emailOutbox.findFirst({
    where: { id, shop },
    select: { ...LIST_SELECT, html: true, text: true, leaseExpiresAt: true },
  });
}

export async function countOutboxEmails({ shop }: { shop: string }): Promise<Record<OutboxStatus, number> & { failing: number }> {
  const [groups, failing] = await Promise.all([
    prisma.emailOutbox.groupBy({ by: ["status"], where: { shop }, _count: { _all: true } }),
    prisma.emailOutbox.count({ where: { shop, status: "pending", lastError: { not: null } } }),
  ]);
  const counts = { pending: 0, sending: 0, sent: 0, dead: 0, failing };
  for (const group of groups) {
    if ((OUTBOX_STATUSES as readonly string[]).includes(group.status)) counts[group.status as OutboxStatus] = group._count._all;
  }
  return counts;
}

export type RetryResult = "retried" | "not_found" | "not_retryable";

/** A dead email gets a fresh set of attempts; a failing one is retried now instead of after its backoff. */
export async function retryOutboxEmail({ shop, id, now = new Date() }: { shop: string; id: string; now?: Date }): Promise<RetryResult> {
  // A dead row never attempted was refused before queueing (malformed address): sending it again would
  // send an empty email to the same bad address, so it is not retryable.
  const dead = await prisma.emailOutbox.updateMany({
    where: { id, shop, status: "dead", attempts: { gt: 0 } },
    data: { status: "pending", attempts: 0, nextAttemptAt: now },
  });
  if (dead.count === 1) return "retried";
  const failing = await prisma.emailOutbox.updateMany({
    where: { id, shop, status: "pending", lastError: { not: null } },
    data: { nextAttemptAt: now },
  });
  if (failing.count === 1) return "retried";
  const exists = await prisma.emailOutbox.count({ where: { id, shop } });
  return exists ? "not_retryable" : "not_found";
}

/** Test sends in the last hour: a merchant may not turn the app's mail server into a relay. */
export async function countRecentTestEmails({ shop, since }: { shop: string; since: Date }): Promise<number> {
  return prisma.emailOutbox.count({ where: { shop, kind: "test", createdAt: { gte: since } } });
}

// ---- privacy (called by the customers/* and shop/redact webhook jobs) ---------------------------------

/** Everything the outbox holds for one customer (customers/data_request). */
export async function listCustomerEmails({ shop, email }: { shop: string; email: string }) {
  return prisma.emailOutbox.findMany({
    where: { shop, toEmail: email.trim().toLowerCase() },
    select: { kind: true, subject: true, status: true, createdAt: true, sentAt: true },
    orderBy: { createdAt: "asc" },
  });
}

/** Forgets one customer's emails (customers/redact). Returns how many rows went. */
export async function deleteCustomerEmails({ shop, email }: { shop: string; email: string }, tx: Tx = prisma): Promise<number> {
  const { count } = await tx.emailOutbox.deleteMany({ where: { shop, toEmail: email.trim().toLowerCase() } });
  return count;
}

/** Forgets a shop's outbox and templates (shop/redact). */
export async function deleteShopNotifications({ shop }: { shop: string }, tx: Tx = prisma): Promise<void> {
  await tx.emailOutbox.deleteMany({ where: { shop } });
  await tx.emailTemplate.deleteMany({ where: { shop } });
}

/**
 * Forgets the emails about given ledger lines whatever address they went to (customers/redact names the
 * customer's orders; an order's emails are keyed `line:<id>:…`).
 */
export async function deleteLineEmails({ shop, lineIds }: { shop: string; lineIds: readonly string[] }, tx: Tx = prisma): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < lineIds.length; i += 200) {
    const chunk = lineIds.slice(i, i + 200);
    const { count } = await tx.emailOutbox.deleteMany({ where: { shop, OR: chunk.map((id) => ({ dedupeKey: { startsWith: `line:${id}:` } })) } });
    deleted += count;
  }
  return deleted;
}

/**
 * Retention: sent emails (subject and body name the customer) older than `sentBefore`, and dead ones
 * created before `deadBefore`, go. Pending and sending rows are never pruned: they still have to go out.
 */
export async function pruneOutbox(
  { shop, sentBefore, deadBefore }: { shop: string; sentBefore: Date; deadBefore: Date },
  tx: Tx = prisma,
): Promise<number> {
  const { count } = await tx.emailOutbox.deleteMany({
    where: {
      shop,
      OR: [
        { status: "sent", OR: [{ sentAt: { lt: sentBefore } }, { sentAt: null, createdAt: { lt: sentBefore } }] },
        { status: "dead", createdAt: { lt: deadBefore } },
      ],
    },
  });
  return count;
}

/** The newest email of a kind queued for one address, with its HTML (the demo reads a delay email's links). */
export async function findLatestEmailTo({ shop, toEmail, kind }: { shop: string; toEmail: string; kind: string }) {
  return prisma.emailOutbox.findFirst({
    where: { shop, toEmail: toEmail.trim().toLowerCase(), kind },
    select: { id: true, html: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

/** The emails sent (or to send) to any of `addresses`, oldest first (customers/data_request). */
export async function listEmailsToAddresses({ shop, addresses }: { shop: string; addresses: readonly string[] }, tx: Tx = prisma) {
  return tx.emailOutbox.findMany({
    where: { shop, toEmail: { in: [...addresses] } },
    select: { kind: true, toEmail: true, subject: true, status: true, createdAt: true, sentAt: true },
    orderBy: { createdAt: "asc" },
  });
}

export interface RefusedEmail {
  shop: string;
  dedupeKey: string;
  kind: string;
  toEmail: string;
  locale: string;
  /** What the merchant sees in place of a subject (nothing could be rendered). */
  subject: string;
  lastError: string;
}

/**
 * Records an email the outbox refused as a dead row with the reason, unless the shop already has one with
 * this dedupe key. The caller holds the write lock, so no other writer inserts the key in between.
 */
export async function recordRefusedEmail(email: RefusedEmail, tx: Tx = prisma): Promise<void> {
  const existing = await tx.emailOutbox.findUnique({ where: { shop_dedupeKey: { shop: email.shop, dedupeKey: email.dedupeKey } }, select: { id: true } });
  if (existing) return;
  await tx.emailOutbox.create({
    data: {
      shop: email.shop,
      dedupeKey: email.dedupeKey,
      kind: email.kind,
      toEmail: email.toEmail,
      locale: email.locale,
      subject: email.subject,
      html: "",
      text: "",
      status: "dead",
      lastError: email.lastError,
    },
    select: { id: true },
  });
}

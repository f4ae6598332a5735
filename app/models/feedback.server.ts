// Feedback after delivery: one survey row per fulfilled backordered order (its schedule, then the customer's
// answer), and the survey opt-outs (hashed addresses). Every query is scoped by shop.
import { createHash, randomUUID } from "node:crypto";
import prisma from "~/db.server";
import type { Tx } from "./transaction.server";

export interface NewSurvey {
  shop: string;
  orderId: string;
  orderName: string;
  customerEmail: string | null;
  customerLocale: string;
  orderedAt: Date;
  fulfilledAt: Date;
  waitDays: number;
  delayed: boolean;
  sendAt: Date;
}

const SURVEY_SELECT = {
  id: true,
  orderId: true,
  orderName: true,
  customerEmail: true,
  customerLocale: true,
  orderedAt: true,
  fulfilledAt: true,
  waitDays: true,
  delayed: true,
  status: true,
  sendAt: true,
  sentAt: true,
  score: true,
  dateAccurate: true,
  comment: true,
  answeredAt: true,
  answerUpdatedAt: true,
} as const;

/** The address as opt-outs keep it: SHA-256 of the trimmed lower-case address. */
export function emailHash(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

/** Inserts the order's survey unless it has one (a redelivered or repeated fulfillment). True when inserted. */
export async function insertSurvey(survey: NewSurvey, tx: Tx = prisma): Promise<boolean> {
  const inserted = await tx.$executeRaw`INSERT INTO "FeedbackSurvey" ("id", "shop", "orderId", "orderName", "customerEmail", "customerLocale", "orderedAt", "fulfilledAt", "waitDays", "delayed", "status", "sendAt", "createdAt")
    VALUES (${randomUUID()}, ${survey.shop}, ${survey.orderId}, ${survey.orderName}, ${survey.customerEmail}, ${survey.customerLocale}, ${survey.orderedAt}, ${survey.fulfilledAt}, ${survey.waitDays}, ${survey.delayed}, 'scheduled', ${survey.sendAt}, ${new Date()})
    ON CONFLICT ("shop", "orderId") DO NOTHING`;
  return inserted === 1;
}

export async function findSurvey({ shop, orderId }: { shop: string; orderId: string }, tx: Tx = prisma) {
  return tx.feedbackSurvey.findUnique({ where: { shop_orderId: { shop, orderId } }, select: SURVEY_SELECT });
}
export type SurveyRow = NonNullable<Awaited<ReturnType<typeof findSurvey>>>;

/** Sent or skipped: only a survey still scheduled moves (a second run of the send job changes nothing). */
export async function closeScheduledSurvey(
  { shop, orderId, status, at }: { shop: string; orderId: string; status: "sent" | "skipped"; at: Date },
  tx: Tx = prisma,
): Promise<boolean> {
  const { count } = await tx.feedbackSurvey.updateMany({
    where: { shop, orderId, status: "scheduled" },
    data: { status, ...(status === "sent" ? { sentAt: at } : {}) },
  });
  return count === 1;
}

/**
 * Records the customer's answer, provided the row is still as read (`answeredAt` as the caller saw it): a
 * first answer sets `answeredAt`, a change keeps it and stamps `answerUpdatedAt`. False when it moved on.
 */
export async function saveSurveyAnswer(
  {
    shop,
    orderId,
    seenAnsweredAt,
    answer,
    now,
  }: { shop: string; orderId: string; seenAnsweredAt: Date | null; answer: { score: number; dateAccurate: boolean | null; comment: string | null }; now: Date },
  tx: Tx = prisma,
): Promise<boolean> {
  const { count } = await tx.feedbackSurvey.updateMany({
    where: { shop, orderId, answeredAt: seenAnsweredAt },
    data: { ...answer, ...(seenAnsweredAt ? { answerUpdatedAt: now } : { answeredAt: now }) },
  });
  return count === 1;
}

export async function isOptedOut({ shop, email }: { shop: string; email: string }, tx: Tx = prisma): Promise<boolean> {
  return (await tx.feedbackOptOut.count({ where: { shop, emailHash: emailHash(email) } })) > 0;
}

/** The customer asked for no more surveys; idempotent. */
export async function addOptOut({ shop, email }: { shop: string; email: string }, tx: Tx = prisma): Promise<void> {
  const hash = emailHash(email);
  await tx.feedbackOptOut.upsert({ where: { shop_emailHash: { shop, emailHash: hash } }, create: { shop, emailHash: hash }, update: {} });
}

/** Surveys scheduled but not sent for the address: skipped (the customer just opted out). */
export async function skipScheduledSurveysOf({ shop, email }: { shop: string; email: string }, tx: Tx = prisma): Promise<number> {
  return (await tx.feedbackSurvey.updateMany({ where: { shop, customerEmail: email.trim().toLowerCase(), status: "scheduled" }, data: { status: "skipped" } })).count;
}

// ---- dashboard ---------------------------------------------------------------------------------------------

/** Answers first given in [from, to) (the (shop, answeredAt) index). */
export async function answeredSurveysIn({ shop, from, to }: { shop: string; from: Date; to: Date }, tx: Tx = prisma) {
  const rows = await tx.feedbackSurvey.findMany({
    where: { shop, answeredAt: { gte: from, lt: to }, score: { not: null } },
    select: { score: true, waitDays: true, delayed: true, dateAccurate: true },
  });
  return rows.map((r) => ({ ...r, score: r.score as number }));
}

/** The newest answers first given in [from, to), newest first (the (shop, answeredAt) index, read backwards). */
export async function latestAnswersIn({ shop, from, to, take }: { shop: string; from: Date; to: Date; take: number }, tx: Tx = prisma) {
  const rows = await tx.feedbackSurvey.findMany({
    where: { shop, answeredAt: { gte: from, lt: to }, score: { not: null } },
    orderBy: [{ answeredAt: "desc" }, { id: "asc" }],
    take,
    select: { orderId: true, orderName: true, score: true, comment: true, delayed: true, waitDays: true, answeredAt: true },
  });
  return rows.map((r) => ({ ...r, answeredAt: r.answeredAt as Date }));
}

// ---- privacy -----------------------------------------------------------------------------------------------

/** The surveys of the customer's orders or address (customers/data_request), oldest first. */
export async function surveysOfCustomer({ shop, orderIds, emails }: { shop: string; orderIds: readonly string[]; emails: readonly string[] }, tx: Tx = prisma) {
  const or = [
    ...(orderIds.length ? [{ orderId: { in: [...orderIds] } }] : []),
    ...(emails.length ? [{ customerEmail: { in: emails.map((e) => e.trim().toLowerCase()) } }] : []),
  ];
  if (or.length === 0) return [];
  return tx.feedbackSurvey.findMany({
    where: { shop, OR: or },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { orderName: true, sentAt: true, score: true, dateAccurate: true, comment: true, answeredAt: true, answerUpdatedAt: true },
  });
}

/** Erases the customer's surveys, answers and comments (customers/redact). Returns how many went. */
export async function deleteSurveysOfCustomer({ shop, orderIds, email }: { shop: string; orderIds: readonly string[]; email: string | null }, tx: Tx = prisma): Promise<number> {
  const or = [...(orderIds.length ? [{ orderId: { in: [...orderIds] } }] : []), ...(email ? [{ customerEmail: email.trim().toLowerCase() }] : [])];
  if (or.length === 0) return 0;
  return (await tx.feedbackSurvey.deleteMany({ where: { shop, OR: or } })).count;
}

/** Whether the address opted out of surveys (customers/data_request: the hash is all the app keeps). */
export async function optOutOf({ shop, email }: { shop: string; email: string }, tx: Tx = prisma) {
  return tx.feedbackOptOut.findUnique({ where: { shop_emailHash: { shop, emailHash: emailHash(email) } }, select: { createdAt: true } });
}

// Privacy duties: erase a customer (customers/redact), hand a customer's data to the merchant
// (customers/data_request), erase a shop (shop/redact, 48 h after uninstall).
//
// Where a customer's personal data lives, and what customers/redact does to it:
// - ledger lines (email, name): a waiting or allocated line is anonymized rather than deleted (its units
//   hold a place in the FIFO queue that other customers' dates depend on); finished lines are deleted;
// - the outbox (address, and subject/body naming the customer): rows to the address or about the
//   customer's order lines are deleted;
// - notify-me signups (address): deleted;
// - job payloads (order facts carry email and name; compliance jobs carry the address): scrubbed in place,
//   so a queued job still runs, without the person;
// - data request exports: deleted.
// Webhook events keep only Shopify's event id, topic and webhook id: nothing personal.
import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { deleteCustomerDataRequests } from "~/models/data-request.server";
import { deleteLineEmails } from "~/models/email-outbox.server";
import type { CustomerRedactFacts, DataRequestFacts } from "../ledger/types";
import { takeWriteLock } from "../ledger/write-lock.server";

type Tx = Prisma.TransactionClient;

/** Lines of the customer: by the orders Shopify names, or by address (any letter case). */
async function customerLineIds(tx: Tx | typeof prisma, shop: string, facts: CustomerRedactFacts): Promise<string[]> {
  const ids = new Set<string>();
  if (facts.orderIds.length) {
    for (const row of await tx.backorderLine.findMany({ where: { shop, orderId: { in: facts.orderIds } }, select: { id: true } })) ids.add(row.id);
  }
  const email = facts.email?.trim().toLowerCase();
  if (email) {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "BackorderLine" WHERE "shop" = ${shop} AND LOWER("customerEmail") = ${email}`;
    for (const row of rows) ids.add(row.id);
  }
  return [...ids];
}

const PERSONAL_JOB_KINDS = ["order.sync", "customer.redact", "customer.data_request"];

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The payload without the customer, or null when it is not about this customer. */
function scrubbedPayload(kind: string, payload: Record<string, unknown>, facts: CustomerRedactFacts, email: string | null): Record<string, unknown> | null {
  const sameEmail = email !== null && typeof payload.email === "string" && payload.email.trim().toLowerCase() === email;
  if (kind === "order.sync") {
    const ours = sameEmail || (typeof payload.orderId === "string" && facts.orderIds.includes(payload.orderId));
    return ours ? { ...payload, email: null, customerName: null } : null;
  }
  const sameCustomer = facts.customerId !== null && payload.customerId === facts.customerId;
  if (!sameEmail && !sameCustomer) return null;
  // A data request job finished before exports moved to DataRequest kept the export as `result`.
  const { result: _export, ...rest } = payload;
  return { ...rest, email: null };
}

/** Scrubs the customer out of the shop's job payloads (queued, running or finished). */
async function redactJobPayloads(tx: Tx, shop: string, facts: CustomerRedactFacts): Promise<number> {
  const email = facts.email?.trim().toLowerCase() || null;
  let redacted = 0;
  let cursor: string | undefined;
  for (;;) {
    const jobs = await tx.job.findMany({
      where: { shop, kind: { in: PERSONAL_JOB_KINDS }, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: 500,
      select: { id: true, kind: true, payload: true },
    });
    if (jobs.length === 0) return redacted;
    cursor = jobs[jobs.length - 1]?.id;
    for (const job of jobs) {
      const payload = parseObject(job.payload);
      const scrubbed = payload && scrubbedPayload(job.kind, payload, facts, email);
      if (!scrubbed) continue;
      const next = JSON.stringify(scrubbed);
      if (next === job.payload) continue;
      // Compare-and-set on the payload read: a concurrent rewrite (a newer coalesced event) is not clobbered.
      const { count } = await tx.job.updateMany({ where: { id: job.id, shop, payload: job.payload }, data: { payload: next } });
      redacted += count;
    }
  }
}

export async function redactCustomer(shop: string, facts: CustomerRedactFacts) {
  const email = facts.email?.trim().toLowerCase() || null;
  return prisma.$transaction(async (tx) => {
    await takeWriteLock(tx);
    const lineIds = await customerLineIds(tx, shop, facts);
    const emails = (await deleteLineEmails({ shop, lineIds }, tx)) + (email ? (await tx.emailOutbox.deleteMany({ where: { shop, toEmail: email } })).count : 0);
    const anonymized = await tx.backorderLine.updateMany({
      where: { shop, id: { in: lineIds }, status: { in: ["waiting", "allocated"] } },
      data: { customerEmail: null, customerName: null },
    });
    const deleted = await tx.backorderLine.deleteMany({ where: { shop, id: { in: lineIds }, status: { notIn: ["waiting", "allocated"] } } });
    const subscriptions = email
      ? (await tx.$executeRaw`DELETE FROM "NotifySubscription" WHERE "shop" = ${shop} AND LOWER("email") = ${email}`)
      : 0;
    const dataRequests = email ? await deleteCustomerDataRequests({ shop, emails: [email] }, tx) : 0;
    const jobs = await redactJobPayloads(tx, shop, facts);
    return { anonymizedLines: anonymized.count, deletedLines: deleted.count, subscriptions, emails, dataRequests, jobs };
  }, { timeout: 60_000 });
}

/** Everything the app holds about one customer, for the merchant to hand over. */
export async function customerDataExport(shop: string, facts: DataRequestFacts) {
  const lines = await prisma.backorderLine.findMany({
    where: { shop, id: { in: await customerLineIds(prisma, shop, facts) } },
    select: {
      orderId: true,
      orderName: true,
      customerEmail: true,
      customerName: true,
      customerLocale: true,
      productTitle: true,
      variantTitle: true,
      quantity: true,
      status: true,
      orderedAt: true,
      promisedLatest: true,
      notifiedLatest: true,
      allocatedAt: true,
    },
    orderBy: { orderedAt: "asc" },
  });
  const emailAddresses = new Set([facts.email, ...lines.map((l) => l.customerEmail)].filter((e): e is string => !!e));
  const addresses = [...new Set([...emailAddresses].flatMap((e) => [e, e.trim().toLowerCase()]))];
  const [subscriptions, emails] = await Promise.all([
    prisma.notifySubscription.findMany({
      where: { shop, email: { in: addresses } },
      select: { variantId: true, email: true, locale: true, status: true, createdAt: true, notifiedAt: true },
    }),
    prisma.emailOutbox.findMany({
      where: { shop, toEmail: { in: addresses } },
      select: { kind: true, toEmail: true, subject: true, status: true, createdAt: true, sentAt: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return {
    dataRequestId: facts.dataRequestId,
    customerId: facts.customerId,
    email: facts.email,
    backorderedLines: lines,
    notifyMeSignups: subscriptions,
    emails,
  };
}

/** shop/redact: every row the app holds for the shop, in one transaction. */
export async function eraseShop(shop: string) {
  const results = await prisma.$transaction([
    prisma.job.deleteMany({ where: { shop } }),
    prisma.emailOutbox.deleteMany({ where: { shop } }),
    prisma.emailTemplate.deleteMany({ where: { shop } }),
    prisma.notifySubscription.deleteMany({ where: { shop } }),
    prisma.rateLimitWindow.deleteMany({ where: { shop } }),
    prisma.backorderLine.deleteMany({ where: { shop } }),
    prisma.incomingBatch.deleteMany({ where: { shop } }),
    prisma.backorderVariant.deleteMany({ where: { shop } }),
    prisma.shopSettings.deleteMany({ where: { shop } }),
    prisma.webhookEvent.deleteMany({ where: { shop } }),
    prisma.dataRequest.deleteMany({ where: { shop } }),
    prisma.session.deleteMany({ where: { shop } }),
    prisma.shop.deleteMany({ where: { shop } }),
  ]);
  return results.reduce((sum, r) => sum + r.count, 0);
}

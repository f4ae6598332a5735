// Privacy duties: erase a customer (customers/redact), hand a customer's data to the merchant
// (customers/data_request), erase a shop (shop/redact, 48 h after uninstall).
//
// A waiting or allocated line is anonymized rather than deleted: its units hold a place in the FIFO queue
// that other customers' dates depend on; it just can no longer be tied to a person or emailed.
import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import type { CustomerRedactFacts, DataRequestFacts } from "./types";

function customerWhere(shop: string, facts: CustomerRedactFacts): Prisma.BackorderLineWhereInput {
  const or: Prisma.BackorderLineWhereInput[] = [];
  if (facts.orderIds.length) or.push({ orderId: { in: facts.orderIds } });
  if (facts.email) or.push({ customerEmail: facts.email });
  return or.length ? { shop, OR: or } : { shop, id: "__none__" };
}

export async function redactCustomer(shop: string, facts: CustomerRedactFacts) {
  const lines = customerWhere(shop, facts);
  const email = facts.email;
  const [anonymized, deleted, subscriptions, emails] = await prisma.$transaction([
    prisma.backorderLine.updateMany({
      where: { AND: [lines, { status: { in: ["waiting", "allocated"] } }] },
      data: { customerEmail: null, customerName: null },
    }),
    prisma.backorderLine.deleteMany({ where: { AND: [lines, { status: { notIn: ["waiting", "allocated"] } }] } }),
    prisma.notifySubscription.deleteMany({ where: email ? { shop, email } : { shop, id: "__none__" } }),
    prisma.emailOutbox.deleteMany({ where: email ? { shop, toEmail: email } : { shop, id: "__none__" } }),
  ]);
  return { anonymizedLines: anonymized.count, deletedLines: deleted.count, subscriptions: subscriptions.count, emails: emails.count };
}

/** Everything the app holds about one customer, for the merchant to hand over. */
export async function customerDataExport(shop: string, facts: DataRequestFacts) {
  const lines = await prisma.backorderLine.findMany({
    where: customerWhere(shop, facts),
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
  const addresses = [...emailAddresses];
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
    prisma.session.deleteMany({ where: { shop } }),
    prisma.shop.deleteMany({ where: { shop } }),
  ]);
  return results.reduce((sum, r) => sum + r.count, 0);
}

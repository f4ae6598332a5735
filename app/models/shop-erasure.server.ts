// shop/redact: every row the app holds for a shop, every table at once. It lives in one place, in one
// transaction, so that a table added to the schema is added here once and a half-erased shop cannot exist.
import prisma from "~/db.server";
import { eraseRollupOperations } from "./insights-rollups.server";

/** Deletes every row of the shop, in one transaction; returns how many rows went. */
export async function eraseShopRows({ shop }: { shop: string }): Promise<number> {
  const results = await prisma.$transaction([
    // The dashboard's roll-ups first: without their state row the triggers skip the ledger's deletes below.
    ...eraseRollupOperations(shop),
    prisma.job.deleteMany({ where: { shop } }),
    prisma.emailOutbox.deleteMany({ where: { shop } }),
    prisma.emailTemplate.deleteMany({ where: { shop } }),
    prisma.notifySubscription.deleteMany({ where: { shop } }),
    prisma.rateLimitWindow.deleteMany({ where: { shop } }),
    prisma.orderEvent.deleteMany({ where: { shop } }),
    prisma.supportCaseTerm.deleteMany({ where: { shop } }),
    prisma.supportCase.deleteMany({ where: { shop } }),
    prisma.compensation.deleteMany({ where: { shop } }),
    prisma.supportCancellation.deleteMany({ where: { shop } }),
    prisma.customerChoice.deleteMany({ where: { shop } }),
    prisma.deferredOrderWrite.deleteMany({ where: { shop } }),
    prisma.bulkWrite.deleteMany({ where: { shop } }),
    prisma.feedbackSurvey.deleteMany({ where: { shop } }),
    prisma.feedbackOptOut.deleteMany({ where: { shop } }),
    prisma.orderBalanceLine.deleteMany({ where: { shop } }),
    prisma.orderBalance.deleteMany({ where: { shop } }),
    prisma.variantPaymentOption.deleteMany({ where: { shop } }),
    prisma.paymentPlan.deleteMany({ where: { shop } }),
    prisma.shopPaymentSettings.deleteMany({ where: { shop } }),
    prisma.backorderLine.deleteMany({ where: { shop } }),
    prisma.incomingBatch.deleteMany({ where: { shop } }),
    prisma.backorderVariant.deleteMany({ where: { shop } }),
    prisma.shopSettings.deleteMany({ where: { shop } }),
    prisma.webhookEvent.deleteMany({ where: { shop } }),
    prisma.dataRequest.deleteMany({ where: { shop } }),
    prisma.session.deleteMany({ where: { shop } }),
    prisma.shop.deleteMany({ where: { shop } }),
  ]);
  return results.reduce((sum: number, r) => sum + (typeof r === "number" ? r : r.count), 0);
}

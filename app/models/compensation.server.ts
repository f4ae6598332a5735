// Data access for what support gave customers (Compensation). A row is claimed "pending" under the order
// page form's one-time key before Shopify is asked, so a resubmitted form finds it instead of creating a
// second code; it becomes "given" with what Shopify created, or is deleted when Shopify refused.
import prisma from "~/db.server";
import type { Offer } from "~/domain/compensation";
import type { Tx } from "./transaction.server";

export type ClaimResult = { claimed: true; id: string } | { claimed: false; status: string; orderId: string };

/** Claims the form's key for this offer; when the key was used already, says how that went. */
export async function claimCompensation(
  { shop, orderId, submissionKey, offer, actor, at }: { shop: string; orderId: string; submissionKey: string; offer: Offer; actor: string; at: Date },
  tx: Tx = prisma,
): Promise<ClaimResult> {
  const existing = await tx.compensation.findUnique({ where: { shop_submissionKey: { shop, submissionKey } }, select: { status: true, orderId: true } });
  if (existing) return { claimed: false, ...existing };
  try {
    const row = await tx.compensation.create({
      data: {
        shop,
        orderId,
        submissionKey,
        kind: offer.kind,
        percentage: offer.kind === "discount_percentage" ? offer.percentage : null,
        amountMinor: offer.kind === "discount_amount" || offer.kind === "store_credit" ? offer.amountMinor : null,
        note: offer.kind === "gift_note" ? offer.note : null,
        actor,
        createdAt: at,
      },
      select: { id: true },
    });
    return { claimed: true, id: row.id };
  } catch (error) {
    // The same form submitted twice at once: the other request holds the key.
    if ((error as { code?: unknown } | null)?.code === "P2002") return { claimed: false, status: "pending", orderId };
    throw error;
  }
}

/** Gives the key back after Shopify refused: nothing was given, the form may be sent again. */
export async function releaseCompensation({ shop, id }: { shop: string; id: string }, tx: Tx = prisma): Promise<void> {
  await tx.compensation.deleteMany({ where: { shop, id, status: "pending" } });
}

export async function markCompensationGiven(
  {
    shop,
    id,
    code,
    shopifyId,
    currencyCode,
    expiresAt,
    at,
  }: { shop: string; id: string; code: string | null; shopifyId: string; currencyCode: string | null; expiresAt: Date | null; at: Date },
  tx: Tx = prisma,
): Promise<void> {
  await tx.compensation.updateMany({ where: { shop, id }, data: { status: "given", code, shopifyId, currencyCode, expiresAt, givenAt: at } });
}

/** What was given on an order, newest first (tests, and the order's record). */
export async function compensationsOfOrder({ shop, orderId }: { shop: string; orderId: string }, tx: Tx = prisma) {
  return tx.compensation.findMany({ where: { shop, orderId }, orderBy: { createdAt: "desc" } });
}

/** Erases the orders' compensations (customers/redact, with their timelines). */
export async function deleteCompensations({ shop, orderIds }: { shop: string; orderIds: readonly string[] }, tx: Tx = prisma): Promise<number> {
  if (orderIds.length === 0) return 0;
  return (await tx.compensation.deleteMany({ where: { shop, orderId: { in: [...orderIds] } } })).count;
}

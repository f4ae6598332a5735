// Compensating a late order's customer from the support desk: a single-use discount code only they can use,
// store credit on their account, or a gift / loyalty gesture noted on the Shopify order. The offer is checked
// against the shop's limits (Settings) on the server; the form's one-time key is claimed before Shopify is
// asked, so a resubmitted form creates nothing more; Shopify's refusal is returned for the page to show and
// nothing is recorded as given. Once Shopify created it, one write transaction records it as given, marks
// the case compensated, queues the customer's email (code or credit, in their language) and logs
// `compensation_given` on the timeline.
//
// The proposal ("offer 10% when late by 7 days") is computed from stored columns only: the case's `daysLate`
// and `compensatedAt` and the shop's settings (no Admin API call per visit), and is never sent by itself.
import { randomBytes } from "node:crypto";
import {
  EMAILED_KINDS,
  checkOffer,
  discountCodeFor,
  formatOfferValue,
  minorToDecimal,
  proposedOffer,
  type CompensationPolicy,
  type Offer,
} from "~/domain/compensation";
import { claimCompensation, markCompensationGiven, releaseCompensation } from "~/models/compensation.server";
import { getShopSettings } from "~/models/settings.server";
import { caseAtVersion, findCase, markCaseCompensated } from "~/models/support-case.server";
import { inWriteTransaction } from "~/models/transaction.server";
import { dateLocale } from "~/notifications/kinds";
import { EmailInputError, queueEmail } from "~/notifications/queue.server";
import { createCustomerDiscountCode, creditStoreCredit, readOrderForCompensation, updateOrderNote } from "~/shopify/compensation.server";
import type { AdminGraphql } from "~/shopify/types";
import { localToday } from "~/validation/dates";
import type { CompensateInput } from "~/validation/compensation";
import { recordTimeline } from "./timeline.server";

/** An error next to a field (or "form" / "shopify" for the card), as a message key and its parameters. */
export interface CompensationError {
  key: string;
  params?: Record<string, string | number>;
}

export type CompensateResult =
  | { ok: true; message: "given" | "givenAlready"; code: string | null }
  | { ok: false; status: 400 | 404 | 409 | 422 | 502; errors: Record<string, CompensationError> };

const DAY_MS = 86_400_000;

const refuse = (status: 404 | 409 | 422 | 502, field: string, key: string, params?: CompensationError["params"]): CompensateResult => ({
  ok: false,
  status,
  errors: { [field]: params ? { key, params } : { key } },
});

/** Creates the offer in Shopify for the order's customer and records it (input validated by the route). */
export async function compensate({
  shop,
  orderId,
  actor,
  input,
  graphql,
  now = new Date(),
  random = randomBytes,
}: {
  shop: string;
  orderId: string;
  actor: string;
  input: CompensateInput;
  graphql: AdminGraphql;
  now?: Date;
  random?: (size: number) => Uint8Array;
}): Promise<CompensateResult> {
  const supportCase = await findCase({ shop, orderId });
  if (!supportCase) return refuse(404, "form", "support.error.notFound");
  const settings = await getShopSettings({ shop });
  const { offer } = input;
  const problem = checkOffer(offer, settings.compensation);
  if (problem) {
    const limit =
      problem.field === "percentage" || problem.field === "expiryDays"
        ? String(problem.limit)
        : minorToDecimal(problem.limitMinor);
    return refuse(422, problem.field, "support.compensation.error.aboveLimit", { limit: problem.field === "percentage" ? `${limit}%` : limit });
  }
  const emailed = EMAILED_KINDS.includes(offer.kind);
  if (emailed && !supportCase.customerEmail) return refuse(422, "form", "support.error.noEmail");

  // The one-time key: a form sent twice gets the first outcome, never a second code.
  const claim = await claimCompensation({ shop, orderId, submissionKey: input.submissionKey, offer, actor, at: now });
  if (!claim.claimed) {
    if (claim.orderId !== orderId) return refuse(409, "form", "support.error.conflict");
    return claim.status === "given" ? { ok: true, message: "givenAlready", code: null } : refuse(409, "form", "support.compensation.error.pending");
  }
  if (!(await caseAtVersion({ shop, orderId, version: input.version }))) {
    await releaseCompensation({ shop, id: claim.id });
    return refuse(409, "form", "support.error.conflict");
  }

  const created = await createInShopify({ graphql, orderId, orderName: supportCase.orderName, offer, now, random });
  if (!created.ok) {
    await releaseCompensation({ shop, id: claim.id });
    return created.result;
  }

  const expiresOn = created.expiresAt ? localToday(settings.timezone, created.expiresAt) : null;
  await inWriteTransaction(shop, async (tx) => {
    await markCompensationGiven(
      { shop, id: claim.id, code: created.code, shopifyId: created.shopifyId, currencyCode: created.currencyCode, expiresAt: created.expiresAt, at: now },
      tx,
    );
    await markCaseCompensated({ shop, orderId, at: now }, tx);
    let emailKey: string | undefined;
    if (offer.kind !== "gift_note" && supportCase.customerEmail) {
      const key = `order:${orderId}:compensation:${claim.id}`;
      try {
        await queueEmail(
          {
            shop,
            kind: "compensation",
            dedupeKey: key,
            to: supportCase.customerEmail,
            locale: supportCase.customerLocale,
            data: {
              orderName: supportCase.orderName,
              customerName: supportCase.customerName,
              kind: offer.kind === "store_credit" ? "store_credit" : "discount",
              offer: formatOfferValue(offer, dateLocale(supportCase.customerLocale), created.currencyCode ?? "USD"),
              code: created.code,
              expiresOn,
            },
          },
          tx,
        );
        emailKey = key;
      } catch (error) {
        // Shopify created it already: record it as given even if the address cannot be emailed.
        if (!(error instanceof EmailInputError)) throw error;
      }
    }
    await recordTimeline(tx, shop, [
      {
        orderId,
        kind: "compensation_given",
        at: now,
        actor,
        ...(emailKey ? { emailKey } : {}),
        data: {
          kind: offer.kind,
          percentage: offer.kind === "discount_percentage" ? offer.percentage : null,
          amountMinor: offer.kind === "discount_amount" || offer.kind === "store_credit" ? offer.amountMinor : null,
          currencyCode: created.currencyCode,
          code: created.code,
          expiresOn,
          text: offer.kind === "gift_note" ? offer.note : null,
        },
      },
    ]);
  });
  return { ok: true, message: "given", code: created.code };
}

type Created =
  | { ok: true; code: string | null; shopifyId: string; currencyCode: string | null; expiresAt: Date | null }
  | { ok: false; result: CompensateResult };

async function createInShopify({
  graphql,
  orderId,
  orderName,
  offer,
  now,
  random,
}: {
  graphql: AdminGraphql;
  orderId: string;
  orderName: string;
  offer: Offer;
  now: Date;
  random: (size: number) => Uint8Array;
}): Promise<Created> {
  const shopify = (message: string): Created => ({ ok: false, result: refuse(422, "shopify", "support.compensation.error.shopify", { message }) });
  const read = await readOrderForCompensation(graphql, orderId);
  if (!read.ok) return shopify(read.message);
  const { customerId, currencyCode, note } = read.order;
  if (offer.kind === "gift_note") {
    const line = `Backorder Pilot (${now.toISOString().slice(0, 10)}): ${offer.note}`;
    const updated = await updateOrderNote(graphql, { orderId, note: note ? `${note}\n${line}` : line });
    return updated.ok ? { ok: true, code: null, shopifyId: updated.id, currencyCode: null, expiresAt: null } : shopify(updated.message);
  }
  if (!customerId) return { ok: false, result: refuse(422, "kind", "support.compensation.error.noCustomer") };
  const expiresAt = new Date(now.getTime() + offer.expiryDays * DAY_MS);
  if (offer.kind === "store_credit") {
    const credited = await creditStoreCredit(graphql, { customerId, amount: minorToDecimal(offer.amountMinor), currencyCode, expiresAt });
    return credited.ok ? { ok: true, code: null, shopifyId: credited.id, currencyCode, expiresAt } : shopify(credited.message);
  }
  const code = discountCodeFor(orderName, random);
  const discount = await createCustomerDiscountCode(graphql, {
    customerId,
    code,
    title: `Backorder Pilot: sorry for the wait (${orderName})`,
    value: offer.kind === "discount_percentage" ? { percentage: offer.percentage / 100 } : { amount: minorToDecimal(offer.amountMinor) },
    startsAt: now,
    endsAt: expiresAt,
  });
  return discount.ok ? { ok: true, code, shopifyId: discount.id, currencyCode, expiresAt } : shopify(discount.message);
}

/**
 * What the order page proposes, from stored columns only: null unless the shop's rule is on and the open,
 * uncompensated case is late enough.
 */
export function proposalFor(
  supportCase: { daysLate: number; compensatedAt: Date | string | null; status: string; state: string },
  policy: CompensationPolicy,
): Offer | null {
  const open = supportCase.status !== "resolved" && ["waiting", "at_risk", "delayed"].includes(supportCase.state);
  return proposedOffer({ daysLate: supportCase.daysLate, compensated: supportCase.compensatedAt !== null, open }, policy);
}

/** A `compensation_given` event's offer for the timeline, its value formatted in the admin's language. */
export function describeCompensation(data: Record<string, unknown>, locale: string): { kind: string; value: string } | null {
  const kind = typeof data.kind === "string" ? data.kind : null;
  const currency = typeof data.currencyCode === "string" ? data.currencyCode : "USD";
  if (kind === "discount_percentage" && typeof data.percentage === "number") {
    return { kind, value: formatOfferValue({ kind, percentage: data.percentage, expiryDays: 1 }, locale, currency) };
  }
  if ((kind === "discount_amount" || kind === "store_credit") && typeof data.amountMinor === "number") {
    return { kind, value: formatOfferValue({ kind, amountMinor: data.amountMinor, expiryDays: 1 }, locale, currency) };
  }
  return kind === "gift_note" ? { kind, value: "" } : null;
}

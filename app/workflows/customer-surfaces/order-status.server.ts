// The order as its customer sees it inside their Shopify customer account (order status block, and the
// "Cancel backordered items" order action): the backordered items, their current estimate against the date
// promised at checkout, and the same two choices as the delay email ("I'll wait" / "cancel these items for
// a refund"), answered through the same workflow (~/workflows/support/customer-choice.server).
//
// Ownership: the session token's customer must be the one the ledger recorded from orders/create. Guest
// orders (no customer) and orders of another customer are "not found", exactly like an unknown order, so
// the endpoint does not tell which order ids exist.
import { createHash } from "node:crypto";
import type { DateRange } from "~/domain/types";
import { orderOwner, supportLinesOfOrders } from "~/models/backorder-line.server";
import { findCustomerChoice, hasActiveOrderCancellation, linesInActiveCancellations } from "~/models/support-cancellation.server";
import type { Choice } from "~/workflows/support/choice-links.server";
import { answerChoice, type AnswerOutcome } from "~/workflows/support/customer-choice.server";
import { customerOrderStatus } from "~/workflows/support/wismo.server";
import type { CustomerOrderItem, CustomerOrderView } from "../../../extensions/shared/customer-api";

// The answers' shapes are the extensions' own types (extensions/shared/customer-api.ts), as for the admin
// extensions: one definition, read by both sides.
export type { CustomerOrderItem, CustomerOrderView };

/** The order of `customerId`, or null when the shop has no such backordered order of theirs. */
async function ownedOrder({ shop, orderId, customerId }: { shop: string; orderId: string; customerId: string }): Promise<boolean> {
  const owner = await orderOwner({ shop, orderId });
  return !!owner && owner.customerIds.includes(customerId);
}

/**
 * One key per order, customer and choice: the customer-account answer's stand-in for the email link's token
 * hash, so a repeated "cancel" (double tap, retried request) is recorded once, like a replayed link.
 */
export function accountChoiceKey({ shop, orderId, customerId, choice }: { shop: string; orderId: string; customerId: string; choice: Choice }): string {
  return createHash("sha256").update(`customer-account:${shop}:${orderId}:${customerId}:${choice}`).digest("hex");
}

function changeOf(estimate: DateRange | null, promised: string | null): CustomerOrderItem["change"] {
  if (!estimate || !promised) return null;
  return estimate.latest > promised ? "later" : estimate.latest < promised ? "earlier" : "same";
}

/** What the order status block shows; null when the order is not this customer's backordered order. */
export async function customerOrderView({ shop, orderId, customerId, now = new Date() }: { shop: string; orderId: string; customerId: string; now?: Date }): Promise<CustomerOrderView | null> {
  if (!(await ownedOrder({ shop, orderId, customerId }))) return null;
  const status = await customerOrderStatus({ shop, orderId, now });
  if (!status) return null;
  const items = status.lines.map((l) => ({ ...l, change: l.status === "waiting" || l.status === "delayed" ? changeOf(l.estimate, l.promisedLatest) : null }));
  const delayed = items.some((l) => l.status === "delayed");
  const cancellable = await cancellableLineIds({ shop, orderId });
  const answered: Choice[] = [];
  for (const choice of ["wait", "cancel"] as const) {
    if (await findCustomerChoice({ shop, tokenHash: accountChoiceKey({ shop, orderId, customerId, choice }) })) answered.push(choice);
  }
  const choices: Choice[] = [];
  if (delayed && cancellable.length > 0 && !answered.includes("wait")) choices.push("wait");
  if (cancellable.length > 0 && !answered.includes("cancel")) choices.push("cancel");
  return { orderId, orderName: status.orderName, items, delayed, choices, answered };
}

/** Waiting lines no cancellation (staff's or the customer's) holds already. */
async function cancellableLineIds({ shop, orderId }: { shop: string; orderId: string }): Promise<string[]> {
  if (await hasActiveOrderCancellation({ shop, orderId })) return [];
  const busy = await linesInActiveCancellations({ shop, orderId });
  const lines = await supportLinesOfOrders({ shop, orderIds: [orderId] });
  return lines.filter((l) => l.status === "waiting" && !busy.has(l.id)).map((l) => l.id);
}

export type AccountAnswer =
  | { ok: true; outcome: Exclude<AnswerOutcome, "not_found" | "nothing_left"> }
  | { ok: false; status: 404 | 409; outcome: "not_found" | "nothing_left" | "not_delayed" };

/**
 * The customer's answer from their account: the delay email's workflow (same timeline events, same
 * cancellation request and approval setting), with the account's key instead of a link's. "wait" is only
 * asked when the order is delayed, as in the email.
 */
export async function answerFromAccount({
  shop,
  orderId,
  customerId,
  choice,
  now = new Date(),
}: {
  shop: string;
  orderId: string;
  customerId: string;
  choice: Choice;
  now?: Date;
}): Promise<AccountAnswer> {
  if (!(await ownedOrder({ shop, orderId, customerId }))) return { ok: false, status: 404, outcome: "not_found" };
  const tokenHash = accountChoiceKey({ shop, orderId, customerId, choice });
  if (await findCustomerChoice({ shop, tokenHash })) return { ok: true, outcome: "already_answered" };
  if (choice === "wait") {
    // Asked only as the block offers it: on a delayed order, for items no cancellation holds already.
    const view = await customerOrderView({ shop, orderId, customerId, now });
    if (!view?.delayed) return { ok: false, status: 409, outcome: "not_delayed" };
    if (!view.choices.includes("wait")) return { ok: false, status: 409, outcome: "nothing_left" };
  }
  const lines = await supportLinesOfOrders({ shop, orderIds: [orderId] });
  const lineIds = lines.filter((l) => l.status === "waiting").map((l) => l.id);
  if (lineIds.length === 0) return { ok: false, status: 409, outcome: "nothing_left" };
  const locale = lines[0]?.customerLocale.toLowerCase().startsWith("fr") ? "fr" : "en";
  const outcome = await answerChoice({ payload: { shop, orderId, lineIds, choice, expiresAt: Math.floor(now.getTime() / 1000), locale }, tokenHash, now });
  if (outcome === "not_found" || outcome === "nothing_left") return { ok: false, status: outcome === "not_found" ? 404 : 409, outcome };
  return { ok: true, outcome };
}

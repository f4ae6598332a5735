// Cancelling items of a deposit or pay-later order (ADR 015): the support desk refunds what was actually paid for
// them, not their full price. Shopify's suggested refund for unfulfilled items is their price, capped only by
// what the whole order received (which includes what other items were paid in full): on an order whose balance
// is unpaid, that would hand back money paid for something else. The refund is lowered to the deposit's share
// of the cancelled plan items (plus the full price of cancelled items off the plan), and the unpaid rest of their
// price is no longer owed: the balance drops by it (cancelled when nothing is left to collect).
import { capTransactions, refundForCancelledItems } from "~/domain/deposits";
import { currencyDigits, toMinorUnits } from "~/domain/money";
import { findOrderBalance, planLinesOfBalance, reduceBalance } from "~/models/order-balance.server";
import type { Tx } from "~/models/transaction.server";
import type { RefundSuggestion } from "~/shopify/refunds.server";

const decimal = (minor: number, currency: string) => (minor / 10 ** currencyDigits(currency)).toFixed(currencyDigits(currency));

/**
 * The suggestion lowered to what was paid for the cancelled items, with what stops being owed; null when the
 * order has no unpaid balance (refund as suggested); "charging" while its balance is being charged (wait).
 */
export async function refundOfPaidPart({
  shop,
  orderId,
  scope,
  lines,
  suggestion,
}: {
  shop: string;
  orderId: string;
  scope: "lines" | "order";
  lines: readonly { lineItemId: string; quantity: number }[];
  suggestion: RefundSuggestion;
}): Promise<{ suggestion: RefundSuggestion; deposit: { refundMinor: number; forgivenMinor: number } } | null | "charging"> {
  const balance = await findOrderBalance({ shop, orderId });
  if (!balance || balance.status === "collected" || balance.status === "cancelled") return null;
  if (balance.status === "charging") return "charging";
  const suggestedMinor = toMinorUnits(suggestion.amount, suggestion.currency);
  if (suggestedMinor === null) return null;
  // A whole-order cancellation refunds what the order received (orderCancel to the original payment methods):
  // what was paid; nothing of the balance is owed any more.
  if (scope === "order") return { suggestion, deposit: { refundMinor: suggestedMinor, forgivenMinor: balance.outstandingMinor } };
  const planPrices = new Map((await planLinesOfBalance({ shop, balanceId: balance.id })).map((l) => [l.lineItemId, l.unitPriceMinor]));
  let cancelledPlanValueMinor = 0;
  let offPlanKnown = true;
  for (const line of lines) {
    const price = planPrices.get(line.lineItemId);
    if (price !== undefined) cancelledPlanValueMinor += price * line.quantity;
    else offPlanKnown = false;
  }
  // Off-plan items cancelled with them were paid in full: their share of the suggestion stays (unknown price).
  const { refundMinor, forgivenMinor } = refundForCancelledItems(
    { ...balance, collected: false },
    { suggestedMinor, cancelledPlanValueMinor, cancelledOffPlanMinor: offPlanKnown ? 0 : null },
  );
  const transactions = capTransactions(
    suggestion.transactions.map((t) => ({ ...t, amountMinor: toMinorUnits(t.amount, suggestion.currency) ?? 0 })),
    refundMinor,
  ).map(({ amountMinor, ...t }) => ({ ...t, amount: decimal(amountMinor, suggestion.currency) }));
  return { suggestion: { ...suggestion, amount: decimal(refundMinor, suggestion.currency), transactions }, deposit: { refundMinor, forgivenMinor } };
}

/** After Shopify confirmed the refund: the balance no longer counts the cancelled items' unpaid price. */
export async function settleBalanceAfterCancel(
  tx: Tx,
  { shop, orderId, wholeOrder, refundMinor, forgivenMinor, now }: { shop: string; orderId: string; wholeOrder: boolean; refundMinor: number; forgivenMinor: number; now: Date },
): Promise<void> {
  const balance = await findOrderBalance({ shop, orderId }, tx);
  if (!balance) return;
  await reduceBalance({ shop, orderId, forgivenMinor: wholeOrder ? balance.outstandingMinor : forgivenMinor, refundedMinor: refundMinor, now }, tx);
}

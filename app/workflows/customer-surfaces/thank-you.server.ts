// The thank-you page block: which items of the order just placed ship later, and their estimated delivery,
// so the product page's promise is repeated at the moment of purchase. The page knows only the order id
// (`shopify.orderConfirmation.value.order.id`); the buyer may be a guest, whose token names no customer.
//
// Who may read it: a logged-in buyer, for an order the ledger recorded as theirs; otherwise (guest
// checkout, or an order recorded without a customer) only within THANK_YOU_WINDOW_MS of the order being
// placed, which is when the thank-you page shows. What it reveals is titles and dates, never the
// customer's name, email or address. Anything else is "not found", like an unknown order.
import type { DateRange } from "~/domain/types";
import { orderOwner } from "~/models/backorder-line.server";
import { customerOrderStatus } from "~/workflows/support/wismo.server";

/** How long after checkout a guest's thank-you page may read the order. */
export const THANK_YOU_WINDOW_MS = 2 * 60 * 60 * 1000;

export interface ThankYouItem {
  title: string;
  quantity: number;
  estimate: DateRange | null;
}

export interface ThankYouView {
  orderId: string;
  orderName: string;
  /** Items that ship later than the rest; empty when everything was in stock. */
  items: ThankYouItem[];
}

/** The order's items that ship later; null when the order is unknown (not recorded yet, or not backordered) or not the caller's. */
export async function thankYouView({ shop, orderId, customerId, now = new Date() }: { shop: string; orderId: string; customerId: string | null; now?: Date }): Promise<ThankYouView | null> {
  const owner = await orderOwner({ shop, orderId });
  if (!owner) return null;
  const theirs = customerId !== null && owner.customerIds.includes(customerId);
  const someoneElses = customerId !== null && owner.customerIds.length > 0 && !theirs;
  const fresh = now.getTime() - owner.orderedAt.getTime() <= THANK_YOU_WINDOW_MS;
  if (someoneElses || (!theirs && !fresh)) return null;
  const status = await customerOrderStatus({ shop, orderId, now });
  if (!status) return null;
  return {
    orderId,
    orderName: status.orderName,
    items: status.lines
      .filter((l) => l.status === "waiting" || l.status === "delayed")
      .map((l) => ({ title: l.title, quantity: l.quantity, estimate: l.estimate })),
  };
}

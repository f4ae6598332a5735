// The one order of a variant's waiting queue: first in, first out by order time, ties broken by ids that
// never change. Dates are computed, stock is allocated and the product page lists lines in this order, so
// the position a merchant sees is the position that decides a customer's date. (The time a line was
// recorded is deliberately absent: it depends on which webhook happened to be processed first.)
export const WAITING_QUEUE_ORDER = [{ orderedAt: "asc" }, { orderId: "asc" }, { lineItemId: "asc" }] as const satisfies readonly Record<
  string,
  "asc"
>[];

// Money back on an order, as the Admin fake models it: what a refund of some line items would be
// (`Order.suggestedRefund`), the refund itself (`refundCreate`) and the cancellation of a whole order
// (`orderCancel`). Orders have no taxes, shipping lines or discounts here, so a line item's refund is its unit
// price times the quantity, capped by what is left to refund on the order.
//
// Inventory and fulfillment follow Shopify's rules for unfulfilled units:
//   - restock CANCEL: the units leave the fulfillment order (held fulfillment orders first: they are the
//     units that cannot ship) and the commitment is returned (`committed` − q, `available` + q);
//   - NO_RESTOCK: the money is refunded and nothing else changes: the units stay on the fulfillment order
//     and `available` is untouched (the public API has no "remove" flag);
//   - orderCancel cancels every fulfillment order (their holds go with them); `restock: true` returns the
//     commitment of the units left, `restock: false` writes them off (`committed` − q, on hand − q).
import type { AdminStore, FulfillmentOrderRecord, Gid, OrderRecord, RestockType, TransactionRecord } from "./store";
import { fromCents, toCents } from "./store";

export interface SuggestedLine {
  lineItemId: Gid;
  quantity: number;
  restockType: RestockType;
  price: string;
  locationId: Gid | null;
}

export interface Suggestion {
  /** Cents the refund would return. */
  amount: number;
  /** Cents still refundable on the order. */
  maximum: number;
  /** Sum of the line items' prices (cents), before the cap. */
  subtotal: number;
  lines: SuggestedLine[];
  /** One SUGGESTED_REFUND per captured payment, in payment order, up to `amount`. */
  transactions: { parent: TransactionRecord; amount: number; maximum: number }[];
}

/** Units of a line item that can still be refunded. */
export function refundableQuantity(store: AdminStore, order: OrderRecord, lineItemId: Gid): number {
  const li = order.lineItems.find((l) => l.id === lineItemId);
  return li ? Math.max(0, li.quantity - store.refundedQuantity(order, lineItemId)) : 0;
}

function capturedPayments(order: OrderRecord): TransactionRecord[] {
  return order.transactions.filter((t) => t.kind === "SALE" || t.kind === "CAPTURE");
}

/** Cents already refunded against one payment. */
function refundedOf(order: OrderRecord, parentId: Gid): number {
  return order.transactions.filter((t) => t.kind === "REFUND" && t.parentId === parentId).reduce((sum, t) => sum + toCents(t.amount), 0);
}

/**
 * What Shopify would refund. Quantities above what is left to refund are lowered to it (a line with
 * nothing left is left out), as Shopify's calculation does.
 */
export function suggestRefund(
  store: AdminStore,
  order: OrderRecord,
  { lines, full }: { lines: { lineItemId: Gid; quantity: number; restockType?: RestockType | null; locationId?: Gid | null }[]; full: boolean },
): Suggestion {
  const wanted = full
    ? order.lineItems.map((li) => ({ lineItemId: li.id, quantity: refundableQuantity(store, order, li.id), restockType: "NO_RESTOCK" as RestockType, locationId: null }))
    : lines;
  const suggested: SuggestedLine[] = [];
  for (const line of wanted) {
    const li = order.lineItems.find((l) => l.id === line.lineItemId);
    if (!li) continue;
    const quantity = Math.min(Math.max(0, line.quantity), refundableQuantity(store, order, li.id));
    if (quantity <= 0) continue;
    suggested.push({ lineItemId: li.id, quantity, restockType: line.restockType ?? "NO_RESTOCK", price: li.price, locationId: line.locationId ?? null });
  }
  const subtotal = suggested.reduce((sum, l) => sum + toCents(l.price) * l.quantity, 0);
  const maximum = Math.max(0, store.receivedCents(order) - store.refundedCents(order));
  const amount = full ? maximum : Math.min(subtotal, maximum);
  const transactions: Suggestion["transactions"] = [];
  let left = amount;
  for (const parent of capturedPayments(order)) {
    const available = toCents(parent.amount) - refundedOf(order, parent.id);
    const take = Math.min(left, available);
    if (take > 0) transactions.push({ parent, amount: take, maximum: available });
    left -= take;
  }
  return { amount, maximum, subtotal, lines: suggested, transactions };
}

/** Takes `quantity` units of a line item off the order's open fulfillment orders, held ones first. */
function removeFromFulfillment(store: AdminStore, order: OrderRecord, lineItemId: Gid, quantity: number): Gid | null {
  let left = quantity;
  let location: Gid | null = null;
  const open = store
    .fulfillmentOrdersOf(order.id)
    .filter((fo) => fo.status !== "CLOSED" && fo.status !== "CANCELLED")
    .sort((a, b) => Number(b.status === "ON_HOLD") - Number(a.status === "ON_HOLD"));
  for (const fo of open) {
    for (const foli of fo.lineItems) {
      if (left <= 0 || foli.lineItemId !== lineItemId || foli.remainingQuantity <= 0) continue;
      const take = Math.min(left, foli.remainingQuantity);
      foli.remainingQuantity -= take;
      foli.totalQuantity -= take;
      left -= take;
      location ??= fo.locationId;
    }
    closeIfEmpty(store, fo);
  }
  return location;
}

function closeIfEmpty(store: AdminStore, fo: FulfillmentOrderRecord): void {
  if (fo.lineItems.some((li) => li.remainingQuantity > 0)) return;
  fo.status = "CLOSED";
  fo.holds = [];
  fo.updatedAt = store.timestamp();
}

/** Moves units out of `committed` at a location: back to `available` (restock) or off the books. */
function releaseCommitment(store: AdminStore, variantId: Gid | null, locationId: Gid, quantity: number, restock: boolean): void {
  if (!variantId || !store.variants.has(variantId) || quantity <= 0) return;
  const item = store.getInventoryItem(store.getVariant(variantId).inventoryItemId);
  if (!item.tracked) return;
  const level = store.stockAt(item, locationId);
  level.quantities.committed -= quantity;
  if (restock) level.quantities.available += quantity;
  level.updatedAt = store.timestamp();
  store.emit({ type: "inventory_level_updated", inventoryItemId: item.id, locationId, available: level.quantities.available });
}

function settleFinancialStatus(store: AdminStore, order: OrderRecord): void {
  const received = store.receivedCents(order);
  const refunded = store.refundedCents(order);
  if (received > 0 && refunded >= received) order.financialStatus = "REFUNDED";
  else if (refunded > 0) order.financialStatus = "PARTIALLY_REFUNDED";
}

export interface RefundInput {
  lines: { lineItemId: Gid; quantity: number; restockType: RestockType; locationId: Gid | null }[];
  transactions: { parentId: Gid; gateway: string; amount: number }[];
  note: string | null;
}

/** Records a refund (already validated): its transactions, and what its restock types do to the order. */
export function applyRefund(store: AdminStore, order: OrderRecord, input: RefundInput) {
  const now = store.timestamp();
  const refundId = store.gid("Refund");
  const transactionIds: Gid[] = [];
  for (const t of input.transactions) {
    const id = store.gid("OrderTransaction");
    order.transactions.push({ id, kind: "REFUND", gateway: t.gateway, amount: fromCents(t.amount), parentId: t.parentId, createdAt: now });
    transactionIds.push(id);
  }
  const refund = {
    id: refundId,
    orderId: order.id,
    note: input.note,
    transactionIds,
    createdAt: now,
    lineItems: input.lines.map((line) => {
      const li = order.lineItems.find((l) => l.id === line.lineItemId);
      let locationId = line.locationId;
      if (line.restockType === "CANCEL") {
        const from = removeFromFulfillment(store, order, line.lineItemId, line.quantity);
        locationId ??= from;
        if (from) releaseCommitment(store, li?.variantId ?? null, locationId ?? from, line.quantity, true);
      }
      return { id: store.gid("RefundLineItem"), lineItemId: line.lineItemId, quantity: line.quantity, restockType: line.restockType, locationId, price: li?.price ?? "0.00" };
    }),
  };
  order.refunds.push(refund);
  settleFinancialStatus(store, order);
  order.updatedAt = now;
  store.emit({ type: "order_refunded", orderId: order.id });
  return refund;
}

/** Cancels the order (already validated): fulfillment orders, inventory, and the refund of what was paid. */
export function cancelOrder(store: AdminStore, order: OrderRecord, { reason, restock, refund }: { reason: string; restock: boolean; refund: boolean }): void {
  const now = store.timestamp();
  for (const fo of store.fulfillmentOrdersOf(order.id)) {
    if (fo.status === "CLOSED" || fo.status === "CANCELLED") continue;
    for (const foli of fo.lineItems) {
      const li = order.lineItems.find((l) => l.id === foli.lineItemId);
      releaseCommitment(store, li?.variantId ?? null, fo.locationId, foli.remainingQuantity, restock);
      foli.remainingQuantity = 0;
    }
    fo.status = "CANCELLED";
    fo.holds = [];
    fo.updatedAt = now;
  }
  if (refund) {
    const suggestion = suggestRefund(store, order, { lines: [], full: true });
    if (suggestion.amount > 0 || suggestion.lines.length > 0) {
      const lines = suggestion.lines.map((l) => ({ lineItemId: l.lineItemId, quantity: l.quantity, restockType: "NO_RESTOCK" as RestockType, locationId: null }));
      applyRefund(store, order, {
        lines,
        transactions: suggestion.transactions.map((t) => ({ parentId: t.parent.id, gateway: t.parent.gateway, amount: t.amount })),
        note: null,
      });
    }
  }
  if (order.financialStatus === "AUTHORIZED") order.financialStatus = "VOIDED";
  order.cancelledAt = now;
  order.cancelReason = reason;
  order.closedAt = now;
  order.updatedAt = now;
  store.emit({ type: "order_cancelled", orderId: order.id });
}

// Which fulfillment holds an order's owed lines need, from the order's fulfillment orders as Shopify last
// reported them. Pure: the caller reads the snapshot and places (or defers) the holds.
//
// One hold per active fulfillment order, with a handle naming it ours (`backorder-pilot:<first held line
// item's number>`), so a re-run adopts the hold it finds instead of placing a second one. What a hold covers
// follows the shop's fulfillment mode: `ship_available` holds only the owed quantities (Shopify splits the
// fulfillment order and the rest can ship now), `ship_together` holds the whole fulfillment order.

export type FulfillmentMode = "ship_available" | "ship_together";

/** Prefix of our hold handles; the full handle adds the first held line item's number. */
export const HOLD_HANDLE_PREFIX = "backorder-pilot";

const ACTIVE_FULFILLMENT_ORDER = new Set(["OPEN", "ON_HOLD", "IN_PROGRESS", "SCHEDULED"]);

export interface OwedLineToHold {
  /** The ledger line's id. */
  id: string;
  lineItemId: string;
  quantity: number;
}

export interface FulfillmentOrderView {
  id: string;
  status: string;
  holds: readonly { id: string; handle: string | null; ours: boolean }[];
  lineItems: readonly { id: string; lineItemId: string; remainingQuantity: number }[];
}

export interface HoldToPlace {
  fulfillmentOrderId: string;
  handle: string;
  reasonNotes: string;
  /** Empty: the whole fulfillment order (Shopify's meaning of an empty list). */
  lineItems: { fulfillmentOrderLineItemId: string; quantity: number }[];
  /** Ledger lines the hold covers. */
  lineIds: string[];
}

export interface HoldToAdopt {
  fulfillmentOrderId: string;
  holdId: string;
  lineIds: string[];
}

export interface HoldPlan {
  place: HoldToPlace[];
  /** Our hold with the same handle is already there (a re-run): record it, place nothing. */
  adopt: HoldToAdopt[];
  /** Owed line items Shopify no longer has to fulfill (fulfilled, or in a closed fulfillment order). */
  settled: string[];
  /** Owed line items in no open fulfillment order and not settled: a hold cannot be placed. */
  missing: string[];
}

function lineNumber(lineItemId: string): string {
  return /(\d+)$/.exec(lineItemId)?.[1] ?? lineItemId;
}

export function holdHandle(firstLineItemId: string): string {
  return `${HOLD_HANDLE_PREFIX}:${lineNumber(firstLineItemId)}`;
}

export function holdReasonNotes(units: number): string {
  return `Backorder Pilot: ${units} unit${units === 1 ? "" : "s"} waiting for stock; released automatically when allocated.`;
}

/** The holds `lines` (owed, not held yet) need on `fulfillmentOrders`. */
export function planHolds(lines: readonly OwedLineToHold[], fulfillmentOrders: readonly FulfillmentOrderView[], mode: FulfillmentMode): HoldPlan {
  const plan: HoldPlan = { place: [], adopt: [], settled: [], missing: [] };
  const pending = new Map(lines.map((l) => [l.lineItemId, l]));
  const settled = new Set<string>();
  for (const fo of fulfillmentOrders) {
    for (const li of fo.lineItems) {
      if (pending.has(li.lineItemId) && (!ACTIVE_FULFILLMENT_ORDER.has(fo.status) || li.remainingQuantity <= 0)) settled.add(li.lineItemId);
    }
  }
  const covered = new Set<string>();
  for (const fo of fulfillmentOrders) {
    if (!ACTIVE_FULFILLMENT_ORDER.has(fo.status)) continue;
    const mine = fo.lineItems
      .filter((li) => pending.has(li.lineItemId) && li.remainingQuantity > 0 && !covered.has(li.lineItemId))
      .map((li) => ({ foLine: li, line: pending.get(li.lineItemId) as OwedLineToHold }));
    const first = mine[0];
    if (!first) continue;
    for (const m of mine) covered.add(m.line.lineItemId);
    const handle = holdHandle(first.line.lineItemId);
    const lineIds = mine.map((m) => m.line.id);
    const existing = fo.holds.find((h) => h.ours && h.handle === handle);
    if (existing) {
      plan.adopt.push({ fulfillmentOrderId: fo.id, holdId: existing.id, lineIds });
      continue;
    }
    const owed = mine.map((m) => ({ fulfillmentOrderLineItemId: m.foLine.id, quantity: Math.min(m.line.quantity, m.foLine.remainingQuantity) }));
    const units = owed.reduce((sum, li) => sum + li.quantity, 0);
    plan.place.push({
      fulfillmentOrderId: fo.id,
      handle,
      reasonNotes: holdReasonNotes(units),
      lineItems: mode === "ship_together" ? [] : owed,
      lineIds,
    });
  }
  plan.settled = [...settled];
  plan.missing = [...pending.keys()].filter((id) => !settled.has(id) && !covered.has(id));
  return plan;
}

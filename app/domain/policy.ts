// Which Shopify inventoryPolicy a variant should have, from the merchant's backorder settings.
//
// Shopify enforces no cap on CONTINUE: once a variant continues selling, any quantity can be ordered.
// The cap is therefore enforced by flipping to DENY as soon as the owed units reach it, and by exposing
// `remainingCapacity` / `maxOrderQuantity` so the storefront can limit the quantity picker before that.

export type BackorderMode = "off" | "always" | "when_sold_out";
export type InventoryPolicy = "CONTINUE" | "DENY";

export type PolicyReason =
  | "mode_off"
  | "schedule_not_started"
  | "schedule_ended"
  | "in_stock"
  | "cap_reached"
  | "backorder_open";

export interface PolicyInput {
  mode: BackorderMode;
  /** Shopify available quantity (negative = units owed). */
  available: number;
  /** Units currently owed to backorders. */
  unitsOwed: number;
  /** Maximum units the merchant accepts to owe; null = no cap. */
  cap: number | null;
  /** Optional window (instants) during which backorders are accepted; either end may be open. */
  schedule?: { startsAt?: Date | null; endsAt?: Date | null } | null;
  now: Date;
}

export interface PolicyDecision {
  policy: InventoryPolicy;
  reason: PolicyReason;
  /** Units that may still be owed before the cap is reached; null = no cap. Independent of mode/schedule. */
  remainingCapacity: number | null;
  /**
   * Most units one order may contain right now without going past the cap (stock on hand + remaining
   * capacity when backorders are open, stock alone otherwise); null = unlimited.
   */
  maxOrderQuantity: number | null;
}

/** Desired inventoryPolicy for a variant. The schedule window is [startsAt, endsAt). */
export function decideInventoryPolicy(input: PolicyInput): PolicyDecision {
  const { mode, available, cap, schedule, now } = input;
  if (cap !== null && (!Number.isFinite(cap) || cap < 0)) throw new RangeError(`cap must be ≥ 0 or null, got ${cap}`);
  const owed = Math.max(0, input.unitsOwed);
  const remainingCapacity = cap === null ? null : Math.max(0, cap - owed);
  const inStock = Math.max(0, available);

  const deny = (reason: PolicyReason): PolicyDecision => ({
    policy: "DENY",
    reason,
    remainingCapacity,
    maxOrderQuantity: inStock,
  });

  if (mode === "off") return deny("mode_off");
  const t = now.getTime();
  if (schedule?.startsAt && t < schedule.startsAt.getTime()) return deny("schedule_not_started");
  if (schedule?.endsAt && t >= schedule.endsAt.getTime()) return deny("schedule_ended");
  if (mode === "when_sold_out" && available > 0) return deny("in_stock");
  if (remainingCapacity !== null && remainingCapacity <= 0) return deny("cap_reached");
  return {
    policy: "CONTINUE",
    reason: "backorder_open",
    remainingCapacity,
    maxOrderQuantity: remainingCapacity === null ? null : inStock + remainingCapacity,
  };
}

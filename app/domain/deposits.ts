// Deposits and pay later (issue 15, ADR 015), pure rules: what was paid for the items bought on a deferred
// plan, what a cancellation of some of them refunds (what was actually paid for them, never their full price
// while the balance is unpaid), and the weekly cash-flow forecast of balances still to collect.
import { addCalendarDays } from "./dates";
import type { IsoDate } from "./types";

export interface BalanceFigures {
  /** The order's total at checkout, what the customer paid then, and the value of the lines bought on the plan. */
  totalMinor: number;
  paidMinor: number;
  planValueMinor: number;
}

/** Paid at checkout for the plan's lines: the rest of the order (off-plan lines, shipping) was paid in full. */
export function paidForPlanMinor({ totalMinor, paidMinor, planValueMinor }: BalanceFigures): number {
  return Math.max(0, Math.min(planValueMinor, planValueMinor - (totalMinor - paidMinor)));
}

export interface CancelRefund {
  /** What the customer gets back. */
  refundMinor: number;
  /** The unpaid part of the cancelled items' price: no longer owed. */
  forgivenMinor: number;
}

/**
 * The refund of cancelled items when some of them were bought on the plan. `suggestedMinor` is Shopify's
 * refund for them (capped by what the order received, which includes what other items were paid);
 * `cancelledPlanValueMinor` the price of the cancelled units bought on the plan, `cancelledOffPlanMinor` the
 * price of the others (paid in full at checkout; null when unknown). While the balance is unpaid, plan units
 * were paid only in the deposit's proportion: the customer gets that back, and the rest of their price is
 * forgiven, not refunded. Once the balance is collected, they were paid in full.
 */
export function refundForCancelledItems(
  balance: (BalanceFigures & { collected: boolean }) | null,
  { suggestedMinor, cancelledPlanValueMinor, cancelledOffPlanMinor }: { suggestedMinor: number; cancelledPlanValueMinor: number; cancelledOffPlanMinor: number | null },
): CancelRefund {
  if (!balance || balance.collected || balance.planValueMinor <= 0 || cancelledPlanValueMinor <= 0) return { refundMinor: suggestedMinor, forgivenMinor: 0 };
  const paid = Math.round((cancelledPlanValueMinor * paidForPlanMinor(balance)) / balance.planValueMinor);
  const forgivenMinor = Math.max(0, cancelledPlanValueMinor - paid);
  const refundMinor = cancelledOffPlanMinor === null ? Math.max(0, suggestedMinor - forgivenMinor) : Math.min(suggestedMinor, paid + cancelledOffPlanMinor);
  return { refundMinor: Math.max(0, refundMinor), forgivenMinor };
}

/** Lowers refund transactions (in payment order) so they add up to `totalMinor`: the last ones give way first. */
export function capTransactions<T extends { amountMinor: number }>(transactions: readonly T[], totalMinor: number): T[] {
  let left = Math.max(0, totalMinor);
  const out: T[] = [];
  for (const t of transactions) {
    const take = Math.min(t.amountMinor, left);
    left -= take;
    if (take > 0) out.push({ ...t, amountMinor: take });
  }
  return out;
}

/** Monday of the ISO week of `day`. */
export function weekStart(day: IsoDate): IsoDate {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addCalendarDays(day, -((weekday + 6) % 7));
}

export interface ForecastBalance {
  amountMinor: number;
  /** When it is expected: its due date, or the order's latest estimate for a balance due when the goods are ready. */
  expectedOn: IsoDate | null;
}

export interface ForecastWeek {
  /** Monday of the week; null = no date known yet. */
  weekOf: IsoDate | null;
  orders: number;
  amountMinor: number;
}

/**
 * Balances still to collect by the week they are expected (overdue ones in the current week), oldest week
 * first, then those with no date yet.
 */
export function cashFlowByWeek(balances: readonly ForecastBalance[], today: IsoDate): ForecastWeek[] {
  const weeks = new Map<string, ForecastWeek>();
  const current = weekStart(today);
  for (const b of balances) {
    if (b.amountMinor <= 0) continue;
    const weekOf = b.expectedOn ? (b.expectedOn < today ? current : weekStart(b.expectedOn)) : null;
    const key = weekOf ?? "~";
    const week = weeks.get(key) ?? { weekOf, orders: 0, amountMinor: 0 };
    week.orders += 1;
    week.amountMinor += b.amountMinor;
    weeks.set(key, week);
  }
  return [...weeks.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, w]) => w);
}

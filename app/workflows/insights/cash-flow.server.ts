// Deposits and pay later on the dashboard (issue 15, ADR 015): deposits taken with the orders placed in the
// period, balances collected in it, and the balances still to collect by the week they are expected: a due
// date when the order has one, else the latest current estimate of its waiting items (the balance is charged
// when they are ready); items already allocated, or a declined charge, count in the current week.
import { cashFlowByWeek, type ForecastWeek } from "~/domain/deposits";
import type { MoneyTotal } from "~/domain/money";
import { localDateOf } from "~/domain/insights";
import type { IsoDate } from "~/domain/types";
import { supportLinesOfOrders } from "~/models/backorder-line.server";
import { balancesCollectedIn, depositsTakenIn, openBalances } from "~/models/order-balance.server";
import { currentLatest } from "~/workflows/support/timeline.server";

export interface CashFlow {
  /** Deposits taken at checkout by the deferred-payment orders placed in the period. */
  deposits: MoneyTotal[];
  depositOrders: number;
  /** Balances charged in the period. */
  collected: MoneyTotal[];
  /** Balances still to collect, all of them, per currency. */
  due: MoneyTotal[];
  dueOrders: number;
  /** The forecast, in the currency most of what is due is owed in (null: nothing due). */
  currency: string | null;
  weeks: ForecastWeek[];
}

const IN_CHUNK = 400;

export async function loadCashFlow({ shop, from, to, now, timeZone }: { shop: string; from: Date; to: Date; now: Date; timeZone: string }): Promise<CashFlow> {
  const [deposits, collected, open] = await Promise.all([depositsTakenIn({ shop, from, to }), balancesCollectedIn({ shop, from, to }), openBalances({ shop })]);
  const latestOf = new Map<string, IsoDate>();
  for (let i = 0; i < open.length; i += IN_CHUNK) {
    const lines = await supportLinesOfOrders({ shop, orderIds: open.slice(i, i + IN_CHUNK).map((b) => b.orderId) });
    for (const line of lines) {
      if (line.status !== "waiting") continue;
      const latest = currentLatest(line);
      if (latest && latest > (latestOf.get(line.orderId) ?? "")) latestOf.set(line.orderId, latest);
    }
  }
  const today = localDateOf(now, timeZone);
  const due = new Map<string, number>();
  for (const b of open) due.set(b.currency, (due.get(b.currency) ?? 0) + b.outstandingMinor);
  const currency = [...due].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const weeks = cashFlowByWeek(
    open
      .filter((b) => b.currency === currency)
      .map((b) => ({
        amountMinor: b.outstandingMinor,
        expectedOn: b.dueAt ? localDateOf(b.dueAt, timeZone) : b.status === "owed" ? (latestOf.get(b.orderId) ?? today) : today,
      })),
    today,
  );
  return {
    deposits: deposits.filter((d) => d.amountMinor > 0).map(({ currency: c, amountMinor }) => ({ currency: c, amountMinor })),
    depositOrders: deposits.reduce((s, d) => s + d.orders, 0),
    collected: collected.filter((d) => d.amountMinor > 0).map(({ currency: c, amountMinor }) => ({ currency: c, amountMinor })),
    due: [...due].map(([c, amountMinor]) => ({ currency: c, amountMinor })),
    dueOrders: open.length,
    currency,
    weeks,
  };
}

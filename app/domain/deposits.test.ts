import { describe, expect, it } from "vitest";
import { capTransactions, cashFlowByWeek, paidForPlanMinor, refundForCancelledItems, weekStart } from "./deposits";

describe("paidForPlanMinor", () => {
  it("is what checkout took for the plan's lines once the off-plan part is set aside", () => {
    // GIVEN a 30.00 item paid in full and a 50.00 item on a 20% deposit (40.00 received of 80.00)
    // WHEN computing the plan's paid part
    // THEN it is the 10.00 deposit
    expect(paidForPlanMinor({ totalMinor: 8000, paidMinor: 4000, planValueMinor: 5000 })).toBe(1000);
  });

  it("is zero for pay later", () => {
    expect(paidForPlanMinor({ totalMinor: 5000, paidMinor: 0, planValueMinor: 5000 })).toBe(0);
  });
});

describe("refundForCancelledItems", () => {
  const balance = { totalMinor: 8000, paidMinor: 4000, planValueMinor: 5000, collected: false };

  it("refunds the deposit's share of the cancelled plan items and forgives the rest of their price", () => {
    // GIVEN Shopify suggests 40.00 (the item's 50.00 capped by the order's receipts)
    // WHEN the 50.00 plan item is cancelled
    // THEN 10.00 goes back and 40.00 is no longer owed
    expect(refundForCancelledItems(balance, { suggestedMinor: 4000, cancelledPlanValueMinor: 5000, cancelledOffPlanMinor: 0 })).toEqual({ refundMinor: 1000, forgivenMinor: 4000 });
  });

  it("refunds as suggested once the balance was collected, or when no plan item is cancelled", () => {
    expect(refundForCancelledItems({ ...balance, collected: true }, { suggestedMinor: 5000, cancelledPlanValueMinor: 5000, cancelledOffPlanMinor: 0 })).toEqual({ refundMinor: 5000, forgivenMinor: 0 });
    expect(refundForCancelledItems(balance, { suggestedMinor: 3000, cancelledPlanValueMinor: 0, cancelledOffPlanMinor: 3000 })).toEqual({ refundMinor: 3000, forgivenMinor: 0 });
    expect(refundForCancelledItems(null, { suggestedMinor: 3000, cancelledPlanValueMinor: 3000, cancelledOffPlanMinor: 0 })).toEqual({ refundMinor: 3000, forgivenMinor: 0 });
  });

  it("never refunds more than Shopify suggested", () => {
    // GIVEN an off-plan item of unknown price cancelled with the plan item, and a small suggestion
    expect(refundForCancelledItems(balance, { suggestedMinor: 500, cancelledPlanValueMinor: 5000, cancelledOffPlanMinor: null })).toEqual({ refundMinor: 0, forgivenMinor: 4000 });
    expect(refundForCancelledItems(balance, { suggestedMinor: 500, cancelledPlanValueMinor: 5000, cancelledOffPlanMinor: 0 }).refundMinor).toBe(500);
  });
});

describe("capTransactions", () => {
  it("keeps the first payments and lowers the last ones", () => {
    expect(capTransactions([{ id: "a", amountMinor: 3000 }, { id: "b", amountMinor: 1000 }], 3500)).toEqual([
      { id: "a", amountMinor: 3000 },
      { id: "b", amountMinor: 500 },
    ]);
    expect(capTransactions([{ id: "a", amountMinor: 3000 }], 0)).toEqual([]);
  });
});

describe("cashFlowByWeek", () => {
  it("groups balances by the Monday of their week, overdue ones in this week, undated ones last", () => {
    // GIVEN today Wednesday 2026-12-02 (its week starts Monday 2026-11-30)
    expect(weekStart("2026-12-02")).toBe("2026-11-30");
    expect(weekStart("2026-11-30")).toBe("2026-11-30");
    expect(weekStart("2026-12-06")).toBe("2026-11-30");
    // WHEN forecasting an overdue balance, one this Sunday, one next Tuesday and one without a date
    const weeks = cashFlowByWeek(
      [
        { amountMinor: 1000, expectedOn: "2026-11-20" },
        { amountMinor: 2000, expectedOn: "2026-12-06" },
        { amountMinor: 3000, expectedOn: "2026-12-08" },
        { amountMinor: 4000, expectedOn: null },
        { amountMinor: 0, expectedOn: "2026-12-08" },
      ],
      "2026-12-02",
    );
    // THEN
    expect(weeks).toEqual([
      { weekOf: "2026-11-30", orders: 2, amountMinor: 3000 },
      { weekOf: "2026-12-07", orders: 1, amountMinor: 3000 },
      { weekOf: null, orders: 1, amountMinor: 4000 },
    ]);
  });
});

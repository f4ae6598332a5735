import { describe, expect, it } from "vitest";
import { checkManualRange, daysLate, effectiveEstimate, supplyKey, type VariantSupply } from "./manual-promise";

const supply: VariantSupply = {
  available: -3,
  owedUnits: 3,
  batches: [
    { id: "b2", quantity: 10, expectedOn: "2026-12-20", receivedOn: null },
    { id: "b1", quantity: 5, expectedOn: "2026-12-10", receivedOn: null },
  ],
  capacityPerWeek: null,
  leadTimeDays: 21,
};
const engine = { earliest: "2026-12-22", latest: "2026-12-28" };
const manual = { earliest: "2027-01-05", latest: "2027-01-10", supplyKey: supplyKey(supply) };

describe("supplyKey", () => {
  it("does not change when a new order lowers available and raises the units owed by as much", () => {
    // GIVEN the supply a promise was made against WHEN one more unit is ordered THEN the key is the same
    expect(supplyKey({ ...supply, available: -4, owedUnits: 4 })).toBe(supplyKey(supply));
  });

  it("does not depend on the order batches are listed in", () => {
    expect(supplyKey({ ...supply, batches: [...supply.batches].reverse() })).toBe(supplyKey(supply));
  });

  it.each([
    ["stock arrives", { available: 2 }],
    ["a batch moves", { batches: [{ id: "b1", quantity: 5, expectedOn: "2026-12-15", receivedOn: null }, supply.batches[0]!] }],
    ["a batch is received", { batches: [{ id: "b1", quantity: 5, expectedOn: "2026-12-10", receivedOn: "2026-12-11" }, supply.batches[0]!] }],
    ["a batch is added", { batches: [...supply.batches, { id: "b3", quantity: 1, expectedOn: "2027-01-01", receivedOn: null }] }],
    ["the lead time changes", { leadTimeDays: 30 }],
    ["a capacity is set", { capacityPerWeek: 4 }],
  ])("changes when %s", (_what, change) => {
    expect(supplyKey({ ...supply, ...change } as VariantSupply)).not.toBe(supplyKey(supply));
  });
});

describe("effectiveEstimate", () => {
  it("goes by the manual promise while the supply is unchanged", () => {
    expect(effectiveEstimate(engine, manual, supplyKey(supply))).toEqual({ source: "manual", earliest: "2027-01-05", latest: "2027-01-10" });
  });

  it("drops the manual promise once the supply changed", () => {
    const changed = supplyKey({ ...supply, available: 5 });
    expect(effectiveEstimate(engine, manual, changed)).toEqual({ source: "engine", ...engine, dropManual: true });
  });

  it("goes by the engine when there is no manual promise", () => {
    expect(effectiveEstimate(engine, null, supplyKey(supply))).toEqual({ source: "engine", ...engine, dropManual: false });
  });
});

describe("daysLate", () => {
  it("counts the days past the promise, never below zero", () => {
    expect(daysLate("2026-12-28", "2026-12-20")).toBe(8);
    expect(daysLate("2026-12-18", "2026-12-20")).toBe(0);
    expect(daysLate(null, "2026-12-20")).toBe(0);
  });
});

describe("checkManualRange", () => {
  it("refuses a range out of order or starting before today", () => {
    expect(checkManualRange({ earliest: "2027-01-10", latest: "2027-01-05" }, "2026-12-01")).toBe("earliest_after_latest");
    expect(checkManualRange({ earliest: "2026-11-30", latest: "2027-01-05" }, "2026-12-01")).toBe("in_the_past");
    expect(checkManualRange({ earliest: "2026-12-01", latest: "2026-12-01" }, "2026-12-01")).toBeNull();
  });
});

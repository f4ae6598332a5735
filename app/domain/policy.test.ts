import { describe, expect, it } from "vitest";
import { decideInventoryPolicy, type PolicyInput } from "./policy";

const NOW = new Date("2026-11-27T10:00:00Z");

function decide(overrides: Partial<PolicyInput>) {
  return decideInventoryPolicy({ mode: "always", available: 0, unitsOwed: 0, cap: null, now: NOW, ...overrides });
}

describe("decideInventoryPolicy", () => {
  it("denies backorders when the mode is off", () => {
    // GIVEN backorders switched off on a sold-out variant
    // WHEN deciding the policy
    const d = decide({ mode: "off", available: 0 });
    // THEN Shopify must deny
    expect(d).toMatchObject({ policy: "DENY", reason: "mode_off" });
  });

  it("continues selling in always mode even with stock", () => {
    // GIVEN always mode and 5 units in stock
    // WHEN deciding the policy
    const d = decide({ mode: "always", available: 5 });
    // THEN Shopify continues selling
    expect(d).toMatchObject({ policy: "CONTINUE", reason: "backorder_open" });
  });

  it("denies in when-sold-out mode while stock remains", () => {
    // GIVEN when-sold-out mode and 1 unit available
    // WHEN deciding the policy
    const d = decide({ mode: "when_sold_out", available: 1 });
    // THEN Shopify sells the stock normally and denies beyond it
    expect(d).toMatchObject({ policy: "DENY", reason: "in_stock" });
  });

  it("continues in when-sold-out mode at zero available", () => {
    // GIVEN when-sold-out mode and 0 available
    // WHEN deciding the policy
    const d = decide({ mode: "when_sold_out", available: 0 });
    // THEN backorders are open
    expect(d.policy).toBe("CONTINUE");
  });

  it("continues in when-sold-out mode with negative available", () => {
    // GIVEN when-sold-out mode and −3 available (3 owed), cap 10
    // WHEN deciding the policy
    const d = decide({ mode: "when_sold_out", available: -3, unitsOwed: 3, cap: 10 });
    // THEN backorders stay open with 7 units of room
    expect(d).toMatchObject({ policy: "CONTINUE", remainingCapacity: 7, maxOrderQuantity: 7 });
  });

  it("denies once the owed units reach the cap", () => {
    // GIVEN a cap of 10 units owed and 10 owed
    // WHEN deciding the policy
    const d = decide({ available: -10, unitsOwed: 10, cap: 10 });
    // THEN Shopify must deny so nothing is oversold past the cap
    expect(d).toMatchObject({ policy: "DENY", reason: "cap_reached", remainingCapacity: 0 });
  });

  it("denies when the owed units already exceed the cap", () => {
    // GIVEN a cap lowered to 5 while 8 units are owed
    // WHEN deciding the policy
    const d = decide({ available: -8, unitsOwed: 8, cap: 5 });
    // THEN the policy denies and the remaining capacity is zero, not negative
    expect(d).toMatchObject({ policy: "DENY", reason: "cap_reached", remainingCapacity: 0 });
  });

  it("continues one unit below the cap and limits the order to that unit", () => {
    // GIVEN a cap of 10 with 9 owed
    // WHEN deciding the policy
    const d = decide({ available: -9, unitsOwed: 9, cap: 10 });
    // THEN backorders stay open for exactly one more unit
    expect(d).toMatchObject({ policy: "CONTINUE", remainingCapacity: 1, maxOrderQuantity: 1 });
  });

  it("denies everything with a cap of zero", () => {
    // GIVEN a cap of 0
    // WHEN deciding the policy
    const d = decide({ cap: 0 });
    // THEN backorders are closed
    expect(d).toMatchObject({ policy: "DENY", reason: "cap_reached" });
  });

  it("counts stock on hand in the largest order allowed under a cap", () => {
    // GIVEN always mode, 4 in stock, cap 3, nothing owed
    // WHEN deciding the policy
    const d = decide({ available: 4, unitsOwed: 0, cap: 3 });
    // THEN an order may take the 4 in stock plus 3 on backorder
    expect(d.maxOrderQuantity).toBe(7);
  });

  it("reports unlimited capacity without a cap", () => {
    // GIVEN no cap
    // WHEN deciding the policy
    const d = decide({ cap: null, unitsOwed: 1000 });
    // THEN remaining capacity and order size are unlimited (null)
    expect(d).toMatchObject({ policy: "CONTINUE", remainingCapacity: null, maxOrderQuantity: null });
  });

  it("denies before the schedule window starts", () => {
    // GIVEN a window starting one minute from now
    // WHEN deciding the policy
    const d = decide({ schedule: { startsAt: new Date(NOW.getTime() + 60_000) } });
    // THEN backorders are not open yet
    expect(d).toMatchObject({ policy: "DENY", reason: "schedule_not_started" });
  });

  it("continues from the exact start of the schedule window", () => {
    // GIVEN a window starting now
    // WHEN deciding the policy
    const d = decide({ schedule: { startsAt: NOW, endsAt: null } });
    // THEN backorders are open
    expect(d.policy).toBe("CONTINUE");
  });

  it("denies from the exact end of the schedule window", () => {
    // GIVEN a window that ends now
    // WHEN deciding the policy
    const d = decide({ schedule: { startsAt: null, endsAt: NOW } });
    // THEN backorders are closed
    expect(d).toMatchObject({ policy: "DENY", reason: "schedule_ended" });
  });

  it("continues one minute before the end of the schedule window", () => {
    // GIVEN a window ending one minute from now
    // WHEN deciding the policy
    const d = decide({ schedule: { endsAt: new Date(NOW.getTime() + 60_000) } });
    // THEN backorders are open
    expect(d.policy).toBe("CONTINUE");
  });

  it("refuses a negative cap", () => {
    // GIVEN a cap of −1
    // WHEN deciding the policy
    // THEN a RangeError is thrown
    expect(() => decide({ cap: -1 })).toThrow(RangeError);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateFifo } from "./allocation";

describe("allocateFifo", () => {
  it("covers lines oldest first until the units run out", () => {
    // GIVEN lines of 2, 3 and 1 units and 5 arriving units
    const lines = [
      { id: "a", quantity: 2 },
      { id: "b", quantity: 3 },
      { id: "c", quantity: 1 },
    ];
    // WHEN allocating
    const result = allocateFifo(lines, 5);
    // THEN a and b are fully allocated and c still waits
    expect(result.lines.map((l) => l.status)).toEqual(["allocated", "allocated", "waiting"]);
    expect(result.newlyAllocated).toEqual(["a", "b"]);
  });

  it("reports a partially covered line and keeps its units for it", () => {
    // GIVEN a line of 5 then a line of 1, and 3 arriving units
    const lines = [
      { id: "a", quantity: 5 },
      { id: "b", quantity: 1 },
    ];
    // WHEN allocating
    const result = allocateFifo(lines, 3);
    // THEN a is partial with 3 units and b gets nothing (no skipping ahead)
    expect(result.lines[0]).toMatchObject({ status: "partial", covered: 3, allocatedNow: 3 });
    expect(result.lines[1]).toMatchObject({ status: "waiting", covered: 0 });
    expect(result.newlyAllocated).toEqual([]);
  });

  it("completes a partially covered line from the next arrival", () => {
    // GIVEN a line of 5 already covered for 3 units, then a line of 1, and 3 arriving units
    const lines = [
      { id: "a", quantity: 5, covered: 3 },
      { id: "b", quantity: 1 },
    ];
    // WHEN allocating
    const result = allocateFifo(lines, 3);
    // THEN a takes the 2 it still needs, b takes 1, nothing is left
    expect(result.lines.map((l) => l.allocatedNow)).toEqual([2, 1]);
    expect(result.newlyAllocated).toEqual(["a", "b"]);
    expect(result.leftover).toBe(0);
  });

  it("leaves the surplus as free stock when every line is covered", () => {
    // GIVEN one line of 2 and 10 arriving units
    // WHEN allocating
    const result = allocateFifo([{ id: "a", quantity: 2 }], 10);
    // THEN 2 are allocated and 8 are left over
    expect([result.allocatedUnits, result.leftover]).toEqual([2, 8]);
  });

  it("allocates exactly when the arrival matches the queue", () => {
    // GIVEN lines of 1 and 3 and 4 arriving units
    const result = allocateFifo(
      [
        { id: "a", quantity: 1 },
        { id: "b", quantity: 3 },
      ],
      4,
    );
    // WHEN allocating
    // THEN every line is allocated and nothing is left
    expect(result.lines.every((l) => l.status === "allocated")).toBe(true);
    expect(result.leftover).toBe(0);
  });

  it("gives nothing to an empty queue", () => {
    // GIVEN no waiting line and 4 arriving units
    // WHEN allocating
    const result = allocateFifo([], 4);
    // THEN all 4 units are left over
    expect(result).toEqual({ lines: [], allocatedUnits: 0, leftover: 4, newlyAllocated: [] });
  });

  it("does not re-announce a line that was already fully covered", () => {
    // GIVEN a line fully covered by an earlier arrival
    // WHEN more units arrive
    const result = allocateFifo([{ id: "a", quantity: 2, covered: 2 }], 3);
    // THEN it is allocated but not newly, and the units stay free
    expect(result.lines[0]).toMatchObject({ status: "allocated", allocatedNow: 0 });
    expect(result.newlyAllocated).toEqual([]);
    expect(result.leftover).toBe(3);
  });

  it("refuses a negative arrival", () => {
    // GIVEN −1 arriving units
    // WHEN allocating
    // THEN a RangeError is thrown
    expect(() => allocateFifo([], -1)).toThrow(RangeError);
  });

  it("refuses fractional quantities", () => {
    // GIVEN a line of 1.5 units
    // WHEN allocating
    // THEN a RangeError is thrown
    expect(() => allocateFifo([{ id: "a", quantity: 1.5 }], 1)).toThrow(RangeError);
  });
});

describe("allocateFifo properties", () => {
  // Lines with some units possibly already covered by earlier arrivals.
  const queueArb = fc
    .array(fc.record({ quantity: fc.nat(8), coveredRatio: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 40 })
    .map((ls) => ls.map((l, i) => ({ id: `l${i}`, quantity: l.quantity, covered: Math.floor(l.quantity * l.coveredRatio) })));

  it("never allocates more units than arrived", () => {
    fc.assert(
      fc.property(queueArb, fc.nat(200), (lines, arrived) => {
        // GIVEN any queue and arrival, WHEN allocating
        const result = allocateFifo(lines, arrived);
        // THEN the units handed out plus the leftover are exactly the arrival, never more
        const handedOut = result.lines.reduce((s, l) => s + l.allocatedNow, 0);
        expect(handedOut).toBe(result.allocatedUnits);
        expect(handedOut + result.leftover).toBe(arrived);
        expect(result.lines.every((l) => l.covered <= l.quantity)).toBe(true);
      }),
    );
  });

  it("never skips an earlier line for a later one", () => {
    fc.assert(
      fc.property(queueArb, fc.nat(200), (lines, arrived) => {
        // GIVEN any queue and arrival, WHEN allocating
        const result = allocateFifo(lines, arrived);
        // THEN a line receives units only when every earlier line is fully covered
        result.lines.forEach((line, i) => {
          if (line.allocatedNow > 0) {
            expect(result.lines.slice(0, i).every((l) => l.status === "allocated")).toBe(true);
          }
        });
        // AND units are left over only when every line is covered
        if (result.leftover > 0) expect(result.lines.every((l) => l.status === "allocated")).toBe(true);
      }),
    );
  });
});

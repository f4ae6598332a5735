import { describe, expect, it } from "vitest";
import { computeEta, computeVariantEta, createEtaContext, type VariantEtaInput } from "./eta";
import { calendar, DELIVERY, parisWinter, settings } from "./test-helpers";

// Friday 27 November 2026, 10:00 in Paris: before the 14:00 cut-off on a business day.
const NOW = parisWinter("2026-11-27T10:00:00");

/** Unless given, `available` is what Shopify would report: nothing on hand, every queued unit owed. */
function input(overrides: Partial<VariantEtaInput> = {}): VariantEtaInput {
  const queue = overrides.queue ?? [];
  const owed = queue.reduce((sum, line) => sum + Math.max(0, line.quantity), 0);
  return { available: -owed, queue, batches: [], ...overrides };
}

const noHistory = { sampleSize: 0, p50Days: 0, p80Days: 0, maxDays: 0 };

describe("next order from stock", () => {
  it("ships an in-stock unit from today's processing with high confidence", () => {
    // GIVEN 5 units available and nobody waiting, ordered Friday before the cut-off
    // WHEN computing the ETA
    const eta = computeEta(input({ available: 5 }), settings(), NOW);
    // THEN standard delivery is Wed 2 – Fri 4 Dec (1 processing day, 2–4 transit days), from stock
    expect(eta.next.standard).toMatchObject({
      earliest: "2026-12-02",
      latest: "2026-12-04",
      source: { kind: "stock" },
      confidence: "high",
      supplyReady: { earliest: "2026-11-27", latest: "2026-11-27" },
    });
  });

  it("gives express and pickup their own processing and transit days", () => {
    // GIVEN 5 units available
    // WHEN computing the ETA
    const eta = computeEta(input({ available: 5 }), settings(), NOW);
    // THEN express arrives Monday (no processing, 1 transit day) and pickup is ready Monday (1 processing day)
    expect([eta.next.express.earliest, eta.next.express.latest]).toEqual(["2026-11-30", "2026-11-30"]);
    expect([eta.next.pickup.earliest, eta.next.pickup.latest]).toEqual(["2026-11-30", "2026-11-30"]);
  });

  it("starts processing the next business day when ordered exactly at the cut-off", () => {
    // GIVEN stock, ordered Friday at 14:00 Paris time
    // WHEN computing the ETA
    const eta = computeEta(input({ available: 5 }), settings(), parisWinter("2026-11-27T14:00:00"));
    // THEN processing starts Monday: delivery Thu 3 – Mon 7 Dec
    expect(eta.orderStart).toBe("2026-11-30");
    expect([eta.next.standard.earliest, eta.next.standard.latest]).toEqual(["2026-12-03", "2026-12-07"]);
  });

  it("starts processing the same day when ordered one minute before the cut-off", () => {
    // GIVEN stock, ordered Friday at 13:59 Paris time
    // WHEN computing the ETA
    const eta = computeEta(input({ available: 5 }), settings(), parisWinter("2026-11-27T13:59:00"));
    // THEN processing starts Friday
    expect(eta.orderStart).toBe("2026-11-27");
    expect(eta.next.standard.earliest).toBe("2026-12-02");
  });

  it("skips a merchant closure day during processing", () => {
    // GIVEN a shop closed on Monday 30 November
    const s = settings({ calendar: calendar({ closures: ["2026-11-30"] }) });
    // WHEN computing the ETA for an in-stock unit
    const eta = computeEta(input({ available: 5 }), s, NOW);
    // THEN dispatch moves to Tuesday: delivery Thu 3 – Mon 7 Dec
    expect([eta.next.standard.earliest, eta.next.standard.latest]).toEqual(["2026-12-03", "2026-12-07"]);
  });

  it("skips Thanksgiving for a US shop ordering after Wednesday's cut-off", () => {
    // GIVEN a New York shop (15:00 cut-off), ordered Wednesday 25 November 2026 at 16:00 local
    const s = settings({ calendar: calendar({ timeZone: "America/New_York", cutoff: "15:00", country: "US" }) });
    // WHEN computing the ETA for an in-stock unit
    const eta = computeEta(input({ available: 5 }), s, new Date("2026-11-25T21:00:00Z"));
    // THEN processing starts Friday 27 (Thanksgiving skipped): delivery Wed 2 – Fri 4 Dec
    expect(eta.orderStart).toBe("2026-11-27");
    expect([eta.next.standard.earliest, eta.next.standard.latest]).toEqual(["2026-12-02", "2026-12-04"]);
  });

  it("serves a multi-unit order from the batch that completes it", () => {
    // GIVEN 1 unit in stock and a batch of 2 expected Wednesday 9 December
    const i = input({ available: 1, batches: [{ id: "B1", quantity: 2, expectedAt: "2026-12-09" }] });
    // WHEN computing the ETA for an order of 2 units
    const eta = computeEta(i, settings(), NOW, { newOrderQuantity: 2 });
    // THEN the order waits for the batch
    expect(eta.next.standard.source).toEqual({ kind: "batch", batchId: "B1", expectedAt: "2026-12-09" });
  });
});

describe("waiting lines and batches", () => {
  it("serves lines owed by negative stock from the next batch", () => {
    // GIVEN available −2 (two waiting lines of 1) and a batch of 5 expected Wednesday 9 Dec
    const i = input({
      available: -2,
      queue: [
        { id: "a", quantity: 1 },
        { id: "b", quantity: 1 },
      ],
      batches: [{ id: "B1", quantity: 5, expectedAt: "2026-12-09" }],
    });
    // WHEN computing the ETA
    const eta = computeEta(i, settings(), NOW);
    // THEN both lines come from B1: processing Wed 9, dispatch Thu 10, delivery Mon 14 – Wed 16 Dec
    for (const line of eta.lines) {
      expect(line.eta).toMatchObject({ earliest: "2026-12-14", latest: "2026-12-16", source: { kind: "batch", batchId: "B1" } });
    }
  });

  it("gives the next order a slot in the batch that still has room", () => {
    // GIVEN available −2, two waiting lines and a batch of 5
    const i = input({
      available: -2,
      queue: [
        { id: "a", quantity: 1 },
        { id: "b", quantity: 1 },
      ],
      batches: [{ id: "B1", quantity: 5, expectedAt: "2026-12-09" }],
    });
    // WHEN computing the ETA
    const eta = computeEta(i, settings(), NOW);
    // THEN the next order is also served from B1
    expect(eta.next.standard.source).toMatchObject({ kind: "batch", batchId: "B1" });
  });

  it("gives owed units the ledger does not list no place ahead of the queue", () => {
    // GIVEN available −5 but only 3 units in the queue (Shopify counts 2 more owed units: orders whose
    //       webhooks are still in flight), B1 (4 units, 9 Dec) and B2 (10 units, 16 Dec)
    const i = input({
      available: -5,
      queue: [{ id: "a", quantity: 3 }],
      batches: [
        { id: "B1", quantity: 4, expectedAt: "2026-12-09" },
        { id: "B2", quantity: 10, expectedAt: "2026-12-16" },
      ],
    });
    // WHEN computing the ETA
    const eta = computeEta(i, settings(), NOW);
    // THEN the queue is the truth: B1 covers the line's 3 units, and the next order takes B1's last unit
    expect(eta.lines[0]?.eta.source).toMatchObject({ kind: "batch", batchId: "B1" });
    expect(eta.next.standard.source).toMatchObject({ kind: "batch", batchId: "B1" });
  });

  it("serves queued lines from stock when the queue is already covered", () => {
    // GIVEN available 3 with 2 waiting units (stock arrived, lines not yet shipped)
    const i = input({ available: 3, queue: [{ id: "a", quantity: 2 }] });
    // WHEN computing the ETA
    const eta = computeEta(i, settings(), NOW);
    // THEN the line and the next order both ship from stock
    expect(eta.lines[0]?.eta.source.kind).toBe("stock");
    expect(eta.next.standard.source.kind).toBe("stock");
  });

  it("moves the next order past a batch that is exactly consumed by the queue", () => {
    // GIVEN 4 waiting units (available −4) and a batch of exactly 4, no capacity, 30-day lead time
    const i = input({
      available: -4,
      queue: [1, 2, 3, 4].map((n) => ({ id: `l${n}`, quantity: 1 })),
      batches: [{ id: "B1", quantity: 4, expectedAt: "2026-12-09" }],
    });
    // WHEN computing the ETA
    const eta = computeEta(i, settings(), NOW);
    // THEN the last line still gets B1, and the next order falls back to the lead time
    expect(eta.lines[3]?.eta.source).toMatchObject({ kind: "batch", batchId: "B1" });
    expect(eta.next.standard.source).toEqual({ kind: "lead_time", leadTimeDays: 30 });
  });

  it("dates a lead-time order across the year end, skipping New Year's Day", () => {
    // GIVEN nothing known: a 30-day lead time brings supply on Sunday 27 December
    // WHEN computing the ETA
    const eta = computeEta(input(), settings(), NOW);
    // THEN processing Mon 28, dispatch Tue 29, delivery Thu 31 Dec – Tue 5 Jan (1 Jan and the weekend skipped)
    expect([eta.next.standard.earliest, eta.next.standard.latest]).toEqual(["2026-12-31", "2027-01-05"]);
  });

  it("falls back to the default lead time with low confidence when nothing is known", () => {
    // GIVEN no stock, no queue, no batches, no capacity
    // WHEN computing the ETA
    const eta = computeEta(input(), settings(), NOW);
    // THEN the source is the default lead time, confidence low, supply on 27 December
    expect(eta.next.standard).toMatchObject({
      source: { kind: "lead_time", leadTimeDays: 30 },
      confidence: "low",
      supplyReady: { earliest: "2026-12-27", latest: "2026-12-27" },
    });
  });

  it("uses the variant's own lead time over the shop default", () => {
    // GIVEN a variant whose supplier needs 10 days (supply Monday 7 December)
    // WHEN computing the ETA
    const eta = computeEta(input({ leadTimeDays: 10 }), settings(), NOW);
    // THEN delivery is Thu 10 – Mon 14 Dec
    expect([eta.next.standard.earliest, eta.next.standard.latest]).toEqual(["2026-12-10", "2026-12-14"]);
  });

  it("never dates lead-time supply before the last known batch", () => {
    // GIVEN a 5-day lead time but a batch of 1 expected 9 December and 2 units waiting
    const i = input({
      queue: [
        { id: "a", quantity: 1 },
        { id: "b", quantity: 1 },
      ],
      batches: [{ id: "B1", quantity: 1, expectedAt: "2026-12-09" }],
      leadTimeDays: 5,
    });
    // WHEN computing the ETA
    const eta = computeEta(i, settings(), NOW);
    // THEN the line beyond the batch is not ready before 9 December
    expect(eta.lines[1]?.eta).toMatchObject({ source: { kind: "lead_time" }, supplyReady: { earliest: "2026-12-09" } });
  });

  it("orders batches by expected arrival whatever the input order", () => {
    // GIVEN B2 (16 Dec) listed before B1 (9 Dec), one unit each, one line waiting
    const i = input({
      queue: [{ id: "a", quantity: 1 }],
      batches: [
        { id: "B2", quantity: 1, expectedAt: "2026-12-16" },
        { id: "B1", quantity: 1, expectedAt: "2026-12-09" },
      ],
    });
    // WHEN computing the ETA
    const eta = computeEta(i, settings(), NOW);
    // THEN the line is served from the earlier batch
    expect(eta.lines[0]?.eta.source).toMatchObject({ batchId: "B1" });
  });

  it("ignores received batches, whose units are already in the available quantity", () => {
    // GIVEN only a batch received on 25 November
    const i = input({ batches: [{ id: "B0", quantity: 10, expectedAt: "2026-11-20", receivedAt: "2026-11-25" }] });
    // WHEN computing the ETA
    const eta = computeEta(i, settings(), NOW);
    // THEN nothing is incoming: the lead time applies
    expect(eta.next.standard.source.kind).toBe("lead_time");
  });

  it("never dates an overdue batch in the past", () => {
    // GIVEN a batch expected 20 November (a week ago) and not received, lateness p50 2 / p80 5, margin 3
    const i = input({
      batches: [{ id: "B1", quantity: 5, expectedAt: "2026-11-20" }],
      lateness: { sampleSize: 4, p50Days: 2, p80Days: 5, maxDays: 9 },
    });
    // WHEN computing the ETA
    const eta = computeEta(i, settings({ safetyMarginDays: 3 }), NOW);
    // THEN supply is today at the earliest and today + margin at the latest, flagged overdue
    expect(eta.next.standard.supplyReady).toEqual({ earliest: "2026-11-27", latest: "2026-11-30" });
    expect(eta.next.standard.note).toContain("overdue");
  });

  it("pushes a batch by p50 lateness for the earliest date and by p80 plus margin for the latest", () => {
    // GIVEN a batch expected Monday 7 Dec, lateness p50 2 / p80 5 days, safety margin 3 days
    const i = input({
      batches: [{ id: "B1", quantity: 5, expectedAt: "2026-12-07" }],
      lateness: { sampleSize: 6, p50Days: 2, p80Days: 5, maxDays: 12 },
    });
    // WHEN computing the ETA
    const eta = computeEta(i, settings({ safetyMarginDays: 3 }), NOW);
    // THEN supply is 9–15 Dec and delivery Mon 14 – Tue 22 Dec
    expect(eta.next.standard).toMatchObject({
      supplyReady: { earliest: "2026-12-09", latest: "2026-12-15" },
      earliest: "2026-12-14",
      latest: "2026-12-22",
    });
  });

  it("rates a batch with lateness history medium confidence", () => {
    // GIVEN a batch and a supplier with delivery history
    const i = input({
      batches: [{ id: "B1", quantity: 5, expectedAt: "2026-12-07" }],
      lateness: { sampleSize: 6, p50Days: 2, p80Days: 5, maxDays: 12 },
    });
    // WHEN computing the ETA
    const eta = computeEta(i, settings(), NOW);
    // THEN confidence is medium
    expect(eta.next.standard.confidence).toBe("medium");
  });

  it("rates a batch without lateness history low confidence", () => {
    // GIVEN a batch and a supplier without history
    const i = input({ batches: [{ id: "B1", quantity: 5, expectedAt: "2026-12-07" }], lateness: noHistory });
    // WHEN computing the ETA
    const eta = computeEta(i, settings(), NOW);
    // THEN confidence is low
    expect(eta.next.standard.confidence).toBe("low");
  });

  it("starts processing a batch arriving on a Saturday the next Monday", () => {
    // GIVEN a batch expected Saturday 5 December
    const i = input({ batches: [{ id: "B1", quantity: 5, expectedAt: "2026-12-05" }] });
    // WHEN computing the ETA
    const eta = computeEta(i, settings(), NOW);
    // THEN processing starts Mon 7, dispatch Tue 8: delivery Thu 10 – Mon 14 Dec
    expect([eta.next.standard.earliest, eta.next.standard.latest]).toEqual(["2026-12-10", "2026-12-14"]);
  });

  it("starts processing a batch arriving on Christmas Day the next business day", () => {
    // GIVEN a batch expected Friday 25 December (public holiday in France)
    const i = input({ batches: [{ id: "B1", quantity: 5, expectedAt: "2026-12-25" }] });
    // WHEN computing the ETA
    const eta = computeEta(i, settings(), NOW);
    // THEN processing starts Mon 28: delivery Thu 31 Dec – Tue 5 Jan
    expect([eta.next.standard.earliest, eta.next.standard.latest]).toEqual(["2026-12-31", "2027-01-05"]);
  });
});

describe("production capacity", () => {
  it("dates lines one production day apart with capacity only", () => {
    // GIVEN no stock, no batch, 7 units/week (one a day from today), lines of 1, 1 and 3 units
    const i = input({
      queue: [
        { id: "a", quantity: 1 },
        { id: "b", quantity: 1 },
        { id: "c", quantity: 3 },
      ],
      capacityPerWeek: 7,
    });
    // WHEN computing the ETA
    const eta = computeEta(i, settings(), NOW);
    // THEN units 1, 2 and 5 are made on Sat 28, Sun 29 Nov and Wed 2 Dec
    expect(eta.lines.map((l) => l.eta.supplyReady.earliest)).toEqual(["2026-11-28", "2026-11-29", "2026-12-02"]);
  });

  it("delivers weekend production after the next processing day", () => {
    // GIVEN capacity 7 units/week and one waiting unit, made Saturday
    const i = input({ queue: [{ id: "a", quantity: 1 }], capacityPerWeek: 7 });
    // WHEN computing the ETA
    const eta = computeEta(i, settings(), NOW);
    // THEN processing Mon 30, dispatch Tue 1: delivery Thu 3 – Mon 7 Dec, low confidence from capacity
    expect(eta.lines[0]?.eta).toMatchObject({
      earliest: "2026-12-03",
      latest: "2026-12-07",
      source: { kind: "capacity", unitsPerWeek: 7 },
      confidence: "low",
    });
  });

  it("starts capacity after the last batch", () => {
    // GIVEN a batch of 2 on 9 December and 14 units/week after it, two lines of 2
    const i = input({
      queue: [
        { id: "a", quantity: 2 },
        { id: "b", quantity: 2 },
      ],
      batches: [{ id: "B1", quantity: 2, expectedAt: "2026-12-09" }],
      capacityPerWeek: 14,
    });
    // WHEN computing the ETA
    const eta = computeEta(i, settings(), NOW);
    // THEN the first line takes the batch and the second is made the day after it
    expect(eta.lines[0]?.eta.supplyReady.earliest).toBe("2026-12-09");
    expect(eta.lines[1]?.eta).toMatchObject({ source: { kind: "capacity" }, supplyReady: { earliest: "2026-12-10" } });
  });

  it("prefers known capacity to the default lead time", () => {
    // GIVEN capacity known and nothing else
    // WHEN computing the ETA
    const eta = computeEta(input({ capacityPerWeek: 70 }), settings(), NOW);
    // THEN the next order is made tomorrow rather than after 30 days
    expect(eta.next.standard.source.kind).toBe("capacity");
    expect(eta.next.standard.supplyReady.earliest).toBe("2026-11-28");
  });
});

describe("known supply outranks the fallback", () => {
  it("lets a batch scheduled after everything else delay units the capacity estimate would have made sooner", () => {
    // GIVEN 70 units/week and nothing else: the next unit would be made tomorrow
    const before = computeEta(input({ capacityPerWeek: 70 }), settings(), NOW);
    // WHEN a 1-unit batch is scheduled for 9 December (the factory is booked until then)
    const after = computeEta(
      input({ capacityPerWeek: 70, batches: [{ id: "B1", quantity: 1, expectedAt: "2026-12-09" }] }),
      settings(),
      NOW,
    );
    // THEN the next order waits for that batch: capacity only starts after the last batch
    expect(before.next.standard.supplyReady.earliest).toBe("2026-11-28");
    expect(after.next.standard.source).toMatchObject({ kind: "batch", batchId: "B1" });
  });
});

describe("at-risk lines", () => {
  it("flags a line whose latest date is after its promised date", () => {
    // GIVEN a stock-served line (latest 4 Dec) promised by 3 Dec
    const i = input({ available: 1, queue: [{ id: "a", quantity: 1, promisedBy: "2026-12-03" }] });
    // WHEN computing the ETA
    const eta = computeEta(i, settings(), NOW);
    // THEN it is at risk
    expect(eta.lines[0]?.atRisk).toBe(true);
  });

  it("does not flag a line whose latest date is its promised date", () => {
    // GIVEN a stock-served line (latest 4 Dec) promised by 4 Dec
    const i = input({ available: 1, queue: [{ id: "a", quantity: 1, promisedBy: "2026-12-04" }] });
    // WHEN computing the ETA
    const eta = computeEta(i, settings(), NOW);
    // THEN it is not at risk
    expect(eta.lines[0]?.atRisk).toBe(false);
  });

  it("does not flag a line without a promise", () => {
    // GIVEN a line with no promised date and a far lead time
    const i = input({ queue: [{ id: "a", quantity: 1 }], leadTimeDays: 200 });
    // WHEN computing the ETA
    const eta = computeEta(i, settings(), NOW);
    // THEN it is not at risk
    expect(eta.lines[0]?.atRisk).toBe(false);
  });
});

describe("lines", () => {
  it("dates each line with its own delivery mode", () => {
    // GIVEN an express line served from stock
    const i = input({ available: 1, queue: [{ id: "a", quantity: 1, mode: "express" }] });
    // WHEN computing the ETA
    const eta = computeEta(i, settings(), NOW);
    // THEN its range is the express one (Monday 30 November)
    expect(eta.lines[0]).toMatchObject({ mode: "express", eta: { earliest: "2026-11-30", latest: "2026-11-30" } });
  });

  it("returns no lines for an empty queue", () => {
    // GIVEN an empty queue
    // WHEN computing the ETA
    const eta = computeEta(input({ available: 3 }), settings(), NOW);
    // THEN there are no line ETAs and nothing is queued
    expect(eta.lines).toEqual([]);
    expect(eta.queuedUnits).toBe(0);
  });

  it("dates a zero-quantity line like the unit after the lines before it", () => {
    // GIVEN one unit in stock and a zero-quantity line first in the queue
    const i = input({ available: 1, queue: [{ id: "z", quantity: 0 }] });
    // WHEN computing the ETA
    const eta = computeEta(i, settings(), NOW);
    // THEN it is served from stock
    expect(eta.lines[0]?.eta.source.kind).toBe("stock");
  });

  it("gives the same results through a shared context as through the one-off helper", () => {
    // GIVEN one context for the shop and two variants
    const s = settings();
    const ctx = createEtaContext(s, NOW);
    const a = input({ available: 2, queue: [{ id: "x", quantity: 1 }] });
    const b = input({ available: -1, queue: [{ id: "y", quantity: 1 }], capacityPerWeek: 3 });
    // WHEN computing both through the context and one by one
    const shared = [computeVariantEta(a, ctx), computeVariantEta(b, ctx)];
    const alone = [computeEta(a, s, NOW), computeEta(b, s, NOW)];
    // THEN the results are identical
    expect(shared).toEqual(alone);
  });
});

describe("validation", () => {
  it("refuses transit settings whose minimum exceeds the maximum", () => {
    // GIVEN standard transit 5–2 days
    const delivery = { ...DELIVERY, standard: { processingDays: 1, transitDays: { min: 5, max: 2 } } };
    // WHEN building a context
    // THEN a RangeError is thrown
    expect(() => createEtaContext(settings({ delivery }), NOW)).toThrow(RangeError);
  });

  it("refuses a negative safety margin", () => {
    // GIVEN a safety margin of −1 day
    // WHEN building a context
    // THEN a RangeError is thrown
    expect(() => createEtaContext(settings({ safetyMarginDays: -1 }), NOW)).toThrow(RangeError);
  });

  it("refuses a next order of zero units", () => {
    // GIVEN a request for a 0-unit order
    // WHEN computing the ETA
    // THEN a RangeError is thrown
    expect(() => computeEta(input(), settings(), NOW, { newOrderQuantity: 0 })).toThrow(RangeError);
  });

  it("refuses an invalid now", () => {
    // GIVEN an invalid Date
    // WHEN building a context
    // THEN a RangeError is thrown
    expect(() => createEtaContext(settings(), new Date("nope"))).toThrow(RangeError);
  });
});

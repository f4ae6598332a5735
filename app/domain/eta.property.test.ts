import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, type BusinessCalendar } from "./calendar";
import { computeEta, type EtaSettings, type VariantEtaInput } from "./eta";
import { calendar, DELIVERY } from "./test-helpers";
import { DELIVERY_MODES, type Eta, type IncomingBatch, type VariantEta } from "./types";

/** Counterexamples print the calendar's name rather than its caches. */
function named(name: string, cal: BusinessCalendar): BusinessCalendar {
  Object.defineProperty(cal, fc.toStringMethod, { value: () => name, configurable: true });
  return cal;
}

const CALENDARS: BusinessCalendar[] = [
  named("Paris FR 14:00", calendar()),
  named("New York US 15:00", calendar({ timeZone: "America/New_York", cutoff: "15:00", country: "US" })),
  named(
    "Tokyo Mon-Sat 09:30 no holidays",
    calendar({ timeZone: "Asia/Tokyo", cutoff: "09:30", country: null, workingWeekdays: [1, 2, 3, 4, 5, 6] }),
  ),
  named(
    "Paris FR with closures",
    calendar({ closures: ["2026-12-24", "2026-12-31", "2027-01-04", "2026-08-10", "2026-08-11"] }),
  ),
];

// Instants across 2026 and early 2027 (year end, DST changes and holidays included).
const nowArb = fc
  .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 1, 1) })
  .map((ms) => new Date(ms));

const modeArb = fc.constantFrom(...DELIVERY_MODES);

const lineArb = fc.record({
  quantity: fc.integer({ min: 0, max: 6 }),
  mode: modeArb,
});

const batchArb = fc.record({
  quantity: fc.integer({ min: 0, max: 25 }),
  offsetDays: fc.integer({ min: -15, max: 120 }),
  received: fc.nat(4).map((n) => n === 0),
});

const latenessArb = fc.option(
  fc
    .record({ sampleSize: fc.integer({ min: 0, max: 20 }), p50Days: fc.nat(10), extra: fc.nat(15) })
    .map(({ sampleSize, p50Days, extra }) => ({ sampleSize, p50Days, p80Days: p50Days + extra, maxDays: p50Days + extra })),
  { nil: null },
);

interface Scenario {
  settings: EtaSettings;
  now: Date;
  input: VariantEtaInput;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    cal: fc.constantFrom(...CALENDARS),
    now: nowArb,
    margin: fc.nat(10),
    defaultLead: fc.nat(60),
    ownLead: fc.option(fc.nat(60), { nil: null }),
    extraOwed: fc.integer({ min: -10, max: 30 }),
    lines: fc.array(lineArb, { maxLength: 30 }),
    batches: fc.array(batchArb, { maxLength: 6 }),
    capacity: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
    lateness: latenessArb,
  })
  .map(({ cal, now, margin, defaultLead, ownLead, extraOwed, lines, batches, capacity, lateness }) => {
    const today = cal.localDate(now);
    const queue = lines.map((l, i) => ({ id: `l${i}`, quantity: l.quantity, mode: l.mode }));
    const owed = queue.reduce((s, l) => s + l.quantity, 0);
    const incoming: IncomingBatch[] = batches.map((b, i) => ({
      id: `b${i}`,
      quantity: b.quantity,
      expectedAt: addCalendarDays(today, b.offsetDays),
      receivedAt: b.received ? today : null,
    }));
    return {
      settings: { calendar: cal, delivery: DELIVERY, safetyMarginDays: margin, defaultLeadTimeDays: defaultLead },
      now,
      input: {
        // extraOwed > 0: units owed beyond the queue; < 0: some stock on hand.
        available: -owed - extraOwed,
        queue,
        batches: incoming,
        capacityPerWeek: capacity,
        leadTimeDays: ownLead,
        lateness,
      },
    };
  });

function allEtas(result: VariantEta): Eta[] {
  return [...result.lines.map((l) => l.eta), ...DELIVERY_MODES.map((m) => result.next[m])];
}

/** Every date of `after` is no later than the matching date of `before`. */
function expectNoLater(before: VariantEta, after: VariantEta): void {
  const a = allEtas(before);
  const b = allEtas(after);
  b.forEach((eta, i) => {
    const old = a[i] as Eta;
    expect(eta.earliest <= old.earliest, `earliest ${eta.earliest} > ${old.earliest}`).toBe(true);
    expect(eta.latest <= old.latest, `latest ${eta.latest} > ${old.latest}`).toBe(true);
  });
}

const RUNS = { numRuns: 300 };

describe("ETA properties", () => {
  it("never gives a later line an earlier date than an earlier line with the same delivery mode", () => {
    fc.assert(
      fc.property(scenarioArb, ({ settings, now, input }) => {
        // GIVEN any variant, WHEN computing its ETAs
        const result = computeEta(input, settings, now);
        // THEN per mode, dates never decrease along the queue, and the next order comes last
        for (const mode of DELIVERY_MODES) {
          const etas = [...result.lines.filter((l) => l.mode === mode).map((l) => l.eta), result.next[mode]];
          for (let i = 1; i < etas.length; i++) {
            expect((etas[i] as Eta).earliest >= (etas[i - 1] as Eta).earliest).toBe(true);
            expect((etas[i] as Eta).latest >= (etas[i - 1] as Eta).latest).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it("never makes supply ready earlier for a later line, whatever the modes", () => {
    fc.assert(
      fc.property(scenarioArb, ({ settings, now, input }) => {
        // GIVEN any variant, WHEN computing its ETAs
        const result = computeEta(input, settings, now);
        // THEN supply-ready dates never decrease along the queue
        const ready = allEtas(result).map((e) => e.supplyReady);
        for (let i = 1; i < ready.length; i++) {
          expect(ready[i]!.earliest >= ready[i - 1]!.earliest).toBe(true);
          expect(ready[i]!.latest >= ready[i - 1]!.latest).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("always returns a range whose earliest date is not after its latest date", () => {
    fc.assert(
      fc.property(scenarioArb, ({ settings, now, input }) => {
        // GIVEN any variant, WHEN computing its ETAs
        const result = computeEta(input, settings, now);
        // THEN every range is ordered and starts no earlier than the first processing day
        for (const eta of allEtas(result)) {
          expect(eta.earliest <= eta.latest).toBe(true);
          expect(eta.earliest >= result.orderStart).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("never makes any date later when more stock is available", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 40 }), ({ settings, now, input }, more) => {
        // GIVEN a variant, WHEN it gets more units on hand
        const before = computeEta(input, settings, now);
        const after = computeEta({ ...input, available: input.available + more }, settings, now);
        // THEN no date moves later
        expectNoLater(before, after);
      }),
      RUNS,
    );
  });

  it("never makes any date later when a batch arrives no later than the last known batch", () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 150 }),
        ({ settings, now, input }, quantity, back) => {
          // GIVEN a variant, WHEN an extra batch is scheduled no later than max(today, last open batch)
          const today = settings.calendar.localDate(now);
          const open = input.batches.filter((b) => !b.receivedAt && b.quantity > 0).map((b) => b.expectedAt);
          const last = [today, ...open].sort().at(-1) as string;
          const extra = { id: "extra", quantity, expectedAt: addCalendarDays(last, -back) };
          const before = computeEta(input, settings, now);
          const after = computeEta({ ...input, batches: [...input.batches, extra] }, settings, now);
          // THEN no date moves later
          expectNoLater(before, after);
        },
      ),
      RUNS,
    );
  });

  it("never makes any date later when production capacity grows", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 60 }), ({ settings, now, input }, more) => {
        // GIVEN a variant with known capacity, WHEN capacity grows
        const base = { ...input, capacityPerWeek: input.capacityPerWeek ?? 5 };
        const before = computeEta(base, settings, now);
        const after = computeEta({ ...base, capacityPerWeek: base.capacityPerWeek + more }, settings, now);
        // THEN no date moves later
        expectNoLater(before, after);
      }),
      RUNS,
    );
  });

  it("never makes any date earlier when the safety margin grows", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 20 }), ({ settings, now, input }, more) => {
        // GIVEN a variant, WHEN the merchant adds safety margin
        const before = computeEta(input, settings, now);
        const after = computeEta(input, { ...settings, safetyMarginDays: settings.safetyMarginDays + more }, now);
        // THEN no date moves earlier (the margin only widens the range)
        expectNoLater(after, before);
      }),
      RUNS,
    );
  });

  it("never makes any date earlier when the supplier is later", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 20 }), ({ settings, now, input }, more) => {
        // GIVEN a variant with lateness history, WHEN p50 and p80 lateness grow
        const lateness = input.lateness && input.lateness.sampleSize > 0 ? input.lateness : { sampleSize: 3, p50Days: 1, p80Days: 2, maxDays: 2 };
        const worse = { ...lateness, p50Days: lateness.p50Days + more, p80Days: lateness.p80Days + more };
        const before = computeEta({ ...input, lateness }, settings, now);
        const after = computeEta({ ...input, lateness: worse }, settings, now);
        // THEN no date moves earlier
        expectNoLater(after, before);
      }),
      RUNS,
    );
  });
});

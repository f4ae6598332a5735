import { describe, expect, it } from "vitest";
import { formatMoney, toMinorUnits } from "./money";
import {
  offsetSpans,
  histogramPercentile,
  localDateOf,
  nextBatchCoverage,
  parseInsightsPeriod,
  parseInsightsRange,
  periodBounds,
  rangeBounds,
  promiseDeadlines,
  promiseKeeping,
  supplierRows,
  forecastPlan,
  timeBuckets,
  waitingLevels,
  waitStats,
} from "./insights";

describe("parseInsightsPeriod", () => {
  it("accepts 30, 90 and 365 and falls back to 30 for anything else", () => {
    // GIVEN query values, WHEN parsed, THEN only the three periods pass as written
    expect(parseInsightsPeriod("90")).toBe(90);
    expect(parseInsightsPeriod("365")).toBe(365);
    for (const bad of [null, undefined, "", "7", "abc", "90.0", " 90", "-30", "1e2"]) expect(parseInsightsPeriod(bad)).toBe(30);
  });
});

describe("parseInsightsRange", () => {
  const today = "2026-12-01";
  it("reads a custom range with both days included", () => {
    // GIVEN 1 Oct – 31 Oct, WHEN parsed on 1 Dec, THEN it is used as asked
    expect(parseInsightsRange({ period: "custom", from: "2026-10-01", to: "2026-10-31" }, today)).toEqual({
      range: { kind: "custom", fromDate: "2026-10-01", lastDate: "2026-10-31" },
      problem: null,
    });
    // AND a single day (ending today) is a range too
    expect(parseInsightsRange({ period: "custom", from: today, to: today }, today).problem).toBeNull();
  });

  it("falls back to 30 days and says why when a custom range cannot be used", () => {
    const problem = (from: string | null, to: string | null) => parseInsightsRange({ period: "custom", from, to }, today);
    expect(problem(null, "2026-10-31")).toEqual({ range: { kind: "preset", days: 30 }, problem: "invalid" });
    expect(problem("2026-02-30", "2026-10-31").problem).toBe("invalid");
    expect(problem("2026-10-31", "2026-10-01").problem).toBe("order");
    expect(problem("2026-11-01", "2026-12-02").problem).toBe("future");
    // 730 days is the most: 2 Dec 2024 – 1 Dec 2026 is 730 days, a day more is refused
    expect(problem("2024-12-02", today).problem).toBeNull();
    expect(problem("2024-12-01", today).problem).toBe("too_long");
  });

  it("reads presets as before, ignoring from and to", () => {
    expect(parseInsightsRange({ period: "90", from: "2026-01-01", to: "2026-01-02" }, today)).toEqual({ range: { kind: "preset", days: 90 }, problem: null });
  });
});

describe("rangeBounds", () => {
  it("runs a custom range from the first day's local midnight to the midnight after its last day", () => {
    // GIVEN 30 Mar – 31 Mar 2026 in Paris (DST starts on 29 Mar)
    const b = rangeBounds({ kind: "custom", fromDate: "2026-03-30", lastDate: "2026-03-31" }, { now: new Date("2026-12-01T12:00:00Z"), timeZone: "Europe/Paris" });
    // THEN 2 days, from 29 Mar 22:00 UTC to 31 Mar 22:00 UTC
    expect(b).toMatchObject({ days: 2, fromDate: "2026-03-30", toDate: "2026-04-01" });
    expect(b.from.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(b.to.toISOString()).toBe("2026-03-31T22:00:00.000Z");
  });
});

describe("periodBounds", () => {
  it("covers the last N local days including today, from local midnight to the next local midnight", () => {
    // GIVEN 1 Dec 2026 at 00:30 in Paris (30 Nov 23:30 UTC)
    const now = new Date("2026-11-30T23:30:00Z");
    // WHEN the last 30 days are asked in Paris
    const b = periodBounds({ days: 30, now, timeZone: "Europe/Paris" });
    // THEN today is 1 Dec locally: 2 Nov … 1 Dec, from 2 Nov 00:00 CET (23:00 UTC the day before)
    expect(b).toMatchObject({ fromDate: "2026-11-02", toDate: "2026-12-02" });
    expect(b.from.toISOString()).toBe("2026-11-01T23:00:00.000Z");
    expect(b.to.toISOString()).toBe("2026-12-01T23:00:00.000Z");
  });

  it("follows daylight saving time: a period starting in summer starts at 22:00 UTC", () => {
    // GIVEN 1 Dec 2026 noon UTC, WHEN the last 90 days are asked in Paris
    const b = periodBounds({ days: 90, now: new Date("2026-12-01T12:00:00Z"), timeZone: "Europe/Paris" });
    // THEN the first day is 3 Sep (CEST, UTC+2)
    expect(b.fromDate).toBe("2026-09-03");
    expect(b.from.toISOString()).toBe("2026-09-02T22:00:00.000Z");
  });
});

describe("promise keeping", () => {
  it("breaks a promise at the start of the local day after the promised latest date", () => {
    // GIVEN promises for 10 Jan (winter) and 10 Jul (summer) in New York
    const d = promiseDeadlines(["2026-01-10", "2026-07-10"], "America/New_York");
    // THEN they are broken at local midnight of the 11th (05:00 / 04:00 UTC)
    expect(d.get("2026-01-10")?.toISOString()).toBe("2026-01-11T05:00:00.000Z");
    expect(d.get("2026-07-10")?.toISOString()).toBe("2026-07-11T04:00:00.000Z");
    // AND a ready time at 23:59 local on the 10th is still that day
    expect(localDateOf(new Date("2026-01-11T04:59:00Z"), "America/New_York")).toBe("2026-01-10");
  });

  it("counts late ready lines and overdue waiting lines as late, and leaves pending ones out of the rate", () => {
    // GIVEN 6 on time, 1 ready late, 1 overdue waiting, 5 waiting not yet due
    const k = promiseKeeping({ onTime: 6, lateReady: 1, lateWaiting: 1, pending: 5 });
    // THEN 8 are judged, 2 late, 75% on time
    expect(k).toMatchObject({ judged: 8, late: 2, onTimeRate: 0.75, pending: 5 });
  });

  it("has no rate when nothing can be judged yet", () => {
    expect(promiseKeeping({ onTime: 0, lateReady: 0, lateWaiting: 0, pending: 3 }).onTimeRate).toBeNull();
  });
});

describe("wait statistics", () => {
  it("averages from the exact total and takes p90 as the upper edge of its hour bucket", () => {
    // GIVEN 10 lines: 9 ready within [24, 25) hours, 1 within [240, 241) hours; total 19 days
    const buckets = [
      { hour: 24, lines: 9 },
      { hour: 240, lines: 1 },
    ];
    // WHEN summarised
    const s = waitStats({ lines: 10, totalDays: 19, buckets });
    // THEN the average is 1.9 days and the 9th of 10 (nearest rank) falls in hour 24: p90 = 25 h
    expect(s.averageDays).toBeCloseTo(1.9, 10);
    expect(s.p90Days).toBeCloseTo(25 / 24, 10);
  });

  it("reaches the slow tail when it is more than a tenth of the lines", () => {
    // GIVEN 8 quick lines and 2 slow ones: the 9th smallest is slow
    expect(histogramPercentile([{ hour: 240, lines: 2 }, { hour: 3, lines: 8 }], 0.9)).toBe(240);
  });

  it("has no figures without a ready line", () => {
    expect(waitStats({ lines: 0, totalDays: 0, buckets: [] })).toEqual({ lines: 0, averageDays: null, p90Days: null });
    expect(histogramPercentile([], 0.9)).toBeNull();
  });
});

describe("supplierRows", () => {
  it("computes each supplier's lateness like the ETA engine and its on-time share", () => {
    // GIVEN Atelier: on time, 2 days early (counts 0), 3 late, 10 late, 4 late; Fonderie: 1 late; one batch without supplier
    const rows = supplierRows([
      { supplier: "Atelier", expectedOn: "2026-10-01", receivedOn: "2026-10-01" },
      { supplier: "Atelier", expectedOn: "2026-10-10", receivedOn: "2026-10-08" },
      { supplier: "Atelier", expectedOn: "2026-10-20", receivedOn: "2026-10-23" },
      { supplier: "Atelier", expectedOn: "2026-11-01", receivedOn: "2026-11-11" },
      { supplier: "Atelier", expectedOn: "2026-11-10", receivedOn: "2026-11-14" },
      { supplier: "Fonderie", expectedOn: "2026-11-01", receivedOn: "2026-11-02" },
      { supplier: "  ", expectedOn: "2026-11-01", receivedOn: "2026-11-01" },
    ]);
    // THEN Atelier's delays sorted are 0,0,3,4,10: median (rank 3) 3, p80 (rank 4) 4, 2 of 5 on time
    expect(rows[0]).toEqual({ supplier: "Atelier", batches: 5, p50Days: 3, p80Days: 4, maxDays: 10, onTimeShare: 0.4 });
    // AND Fonderie: 1 day late, never on time; the batch without supplier comes last
    expect(rows[1]).toEqual({ supplier: "Fonderie", batches: 1, p50Days: 1, p80Days: 1, maxDays: 1, onTimeShare: 0 });
    expect(rows[2]).toMatchObject({ supplier: null, batches: 1, onTimeShare: 1 });
  });
});

describe("nextBatchCoverage", () => {
  it("says how much of the earliest pending batch waiting customers already hold", () => {
    // GIVEN 18 units waiting, batches of 20 (22 Dec) and 50 (10 Jan)
    const c = nextBatchCoverage({ waitingUnits: 18, pending: [{ expectedOn: "2027-01-10", quantity: 50 }, { expectedOn: "2026-12-22", quantity: 20 }] });
    // THEN the 22 Dec batch is 90% promised and nothing overflows
    expect(c).toEqual({ expectedOn: "2026-12-22", quantity: 20, promisedUnits: 18, promisedShare: 0.9, waitingBeyond: 0 });
  });

  it("caps at the batch and reports the units that need a later one", () => {
    expect(nextBatchCoverage({ waitingUnits: 26, pending: [{ expectedOn: "2026-12-22", quantity: 20 }] })).toMatchObject({ promisedShare: 1, waitingBeyond: 6 });
    expect(nextBatchCoverage({ waitingUnits: 5, pending: [] })).toBeNull();
  });
});

describe("money", () => {
  it("reads Shopify decimal amounts into the currency's minor units", () => {
    expect(toMinorUnits("12.50", "EUR")).toBe(1250);
    expect(toMinorUnits("12", "EUR")).toBe(1200);
    expect(toMinorUnits(19.9, "USD")).toBe(1990);
    expect(toMinorUnits("1500", "JPY")).toBe(1500);
    expect(toMinorUnits("1.250", "KWD")).toBe(1250);
    expect(toMinorUnits("1500.00", "JPY")).toBe(1500);
  });

  it("refuses what is not a trustworthy price", () => {
    for (const bad of ["-1.00", "1.234", "abc", "", null, undefined, "1e3", Number.NaN]) expect(toMinorUnits(bad, "EUR")).toBeNull();
    expect(toMinorUnits("12.50", "euro")).toBeNull();
  });

  it("writes amounts the way the locale does", () => {
    expect(formatMoney(123450, "EUR", "en")).toBe("€1,234.50");
    expect(formatMoney(123450, "EUR", "fr")).toBe("1 234,50 €");
    expect(formatMoney(1500, "JPY", "en")).toBe("¥1,500");
  });
});

describe("timeBuckets", () => {
  it("cuts up to 90 days into local days, each starting at local midnight across a DST change", () => {
    // GIVEN 3 days around Paris's autumn DST change, WHEN bucketed, THEN one bucket per day at local midnight (UTC+2, then UTC+1)
    const b = timeBuckets({ days: 3, fromDate: "2026-10-24", toDate: "2026-10-27" }, "Europe/Paris");
    expect(b.unit).toBe("day");
    expect(b.buckets.map((x) => [x.date, x.start.toISOString()])).toEqual([
      ["2026-10-24", "2026-10-23T22:00:00.000Z"],
      ["2026-10-25", "2026-10-24T22:00:00.000Z"],
      ["2026-10-26", "2026-10-25T23:00:00.000Z"],
    ]);
    expect(b.end.toISOString()).toBe("2026-10-26T23:00:00.000Z");
  });

  it("cuts longer periods into Monday-to-Sunday weeks, the first clipped to the period", () => {
    // GIVEN 91 days from Thursday 3 Sep 2026, WHEN bucketed, THEN the first bucket starts on the Thursday, the others on Mondays
    const b = timeBuckets({ days: 91, fromDate: "2026-09-03", toDate: "2026-12-03" }, "UTC");
    expect(b.unit).toBe("week");
    expect(b.buckets[0]?.date).toBe("2026-09-03");
    expect(b.buckets[1]?.date).toBe("2026-09-07");
    expect(b.buckets.at(-1)?.date).toBe("2026-11-30");
    expect(b.buckets).toHaveLength(14);
  });
});

describe("waitingLevels", () => {
  it("works the level at each bucket's end back from what waits now", () => {
    // GIVEN 5 units waiting now; bucket 0: 4 ordered, 1 ended; bucket 1: 2 ordered, 3 ended; after: 1 ordered, 0 ended
    // WHEN levels are computed, THEN end of bucket 1 = 5 − 1 + 0 = 4; end of bucket 0 = 4 − 2 + 3 = 5
    expect(waitingLevels({ waitingNow: 5, ordered: [4, 2, 1], ended: [1, 3, 0] })).toEqual([5, 4]);
  });

  it("refuses arrays that do not line up", () => {
    // GIVEN one array shorter, WHEN computed, THEN it throws
    expect(() => waitingLevels({ waitingNow: 0, ordered: [1, 2], ended: [1] })).toThrow(RangeError);
  });
});

describe("forecastPlan", () => {
  const base = {
    windowDays: 28,
    available: -12,
    capacityPerWeek: null,
    leadTimeDays: 21,
    today: "2026-12-01",
  };

  it("says how fast the next batch fills and what to reorder when waiting + forecast exceed what arrives", () => {
    // GIVEN 56 units in 28 days (2/day), 12 waiting, a batch of 20 on 22 Dec (21 days away), lead time 21 days
    const plan = forecastPlan({
      ...base,
      unitsInWindow: 56,
      waitingUnits: 12,
      pending: [{ expectedOn: "2026-12-22", quantity: 20 }],
    });
    // THEN 12 of 20 are held, 8 free units go in 4 days (5 Dec); by arrival the forecast has taken all of it
    expect(plan.nextBatch).toEqual({
      expectedOn: "2026-12-22",
      quantity: 20,
      forecastShare: 1,
      fullOn: "2026-12-05",
    });
    // AND over 21 days 42 units are expected: 12 + 42 − 20 = 34 to reorder; coverage is the batch's 20 units
    expect(plan).toMatchObject({
      velocityPerDay: 2,
      demandOverHorizon: 42,
      coverage: 20,
      reorderUnits: 34,
    });
  });

  it("counts production capacity over the lead time and gives no advice when supply covers the demand", () => {
    // GIVEN 14 units in 28 days (0.5/day), 2 waiting, 10 units a week, lead time 14 days
    const plan = forecastPlan({
      ...base,
      available: -2,
      unitsInWindow: 14,
      waitingUnits: 2,
      pending: [],
      capacityPerWeek: 10,
      leadTimeDays: 14,
    });
    // THEN 20 units come within 14 days, 7 are expected: nothing to reorder, no batch to fill
    expect(plan).toMatchObject({
      coverage: 20,
      demandOverHorizon: 7,
      reorderUnits: null,
      nextBatch: null,
    });
  });

  it("leaves batches after the lead time out of the coverage and has no fill date without demand", () => {
    // GIVEN no demand, 0 waiting, a batch far after the lead time
    const plan = forecastPlan({
      ...base,
      available: 0,
      unitsInWindow: 0,
      waitingUnits: 0,
      pending: [{ expectedOn: "2027-06-01", quantity: 50 }],
    });
    // THEN coverage 0, nothing to reorder, the batch is 0 % promised with no fill date
    expect(plan).toMatchObject({
      coverage: 0,
      reorderUnits: null,
      nextBatch: { forecastShare: 0, fullOn: null },
    });
  });
});

describe("offsetSpans (the roll-ups' timezone table)", () => {
  const at = (spans: ReturnType<typeof offsetSpans>, iso: string) => [...spans].reverse().find((s) => s.startsAt.getTime() <= Date.parse(iso))?.offsetMinutes;

  it("starts each offset at the instant the zone changes it, to the millisecond", () => {
    // GIVEN Paris, whose summer time starts on 29 March 2026 at 01:00 UTC and ends on 25 October at 01:00 UTC
    const paris = offsetSpans("Europe/Paris");
    // WHEN the spans around those instants are read
    // THEN the offset is +60 until the millisecond before, +120 from it, and back to +60 in October
    expect(paris.some((s) => s.startsAt.toISOString() === "2026-03-29T01:00:00.000Z" && s.offsetMinutes === 120)).toBe(true);
    expect(at(paris, "2026-03-29T00:59:59.999Z")).toBe(60);
    expect(at(paris, "2026-03-29T01:00:00.000Z")).toBe(120);
    expect(at(paris, "2026-10-25T01:00:00.000Z")).toBe(60);
  });

  it("keeps half-hour and 45-minute offsets, and a zone without changes is one span", () => {
    // GIVEN Kolkata (+05:30 since 1970) and Chatham (+12:45, +13:45 in its summer)
    // WHEN their spans are built
    // THEN Kolkata has a single span and Chatham's offsets are the quarter-hour ones
    expect(offsetSpans("Asia/Calcutta")).toEqual([{ startsAt: new Date(Date.UTC(1970, 0, 1)), offsetMinutes: 330 }]);
    const chatham = offsetSpans("Pacific/Chatham");
    expect(at(chatham, "2026-07-01T00:00:00.000Z")).toBe(765);
    expect(at(chatham, "2026-01-01T00:00:00.000Z")).toBe(825);
  });

  it("refuses an unknown timezone", () => {
    // GIVEN a name that is no IANA zone, WHEN spans are asked for it, THEN it throws rather than guessing
    expect(() => offsetSpans("Mars/Olympus")).toThrow(RangeError);
  });
});

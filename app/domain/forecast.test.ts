import { describe, expect, it } from "vitest";
import { addCalendarDays } from "./calendar";
import {
  latenessSamplesFromBatches,
  latenessStats,
  percentile,
  salesVelocity,
  sellOutForecast,
} from "./forecast";

describe("salesVelocity", () => {
  it("averages units per day over the window, counting days without sales as zero", () => {
    // GIVEN 14 units sold over two days in the last 7 full days
    const history = [
      { date: "2026-11-20", units: 10 },
      { date: "2026-11-26", units: 4 },
    ];
    // WHEN computing velocity over a 7-day window ending yesterday
    const v = salesVelocity(history, { today: "2026-11-27", windowDays: 7 });
    // THEN it is 2 units a day
    expect(v).toBe(2);
  });

  it("ignores today's partial sales and sales older than the window", () => {
    // GIVEN sales today and 8 days ago only
    const history = [
      { date: "2026-11-27", units: 50 },
      { date: "2026-11-19", units: 50 },
    ];
    // WHEN computing velocity over a 7-day window
    const v = salesVelocity(history, { today: "2026-11-27", windowDays: 7 });
    // THEN nothing counts
    expect(v).toBe(0);
  });

  it("uses a 28-day window by default", () => {
    // GIVEN 28 units sold 28 days before today
    // WHEN computing velocity without a window
    const v = salesVelocity([{ date: "2026-10-30", units: 28 }], { today: "2026-11-27" });
    // THEN the sale is inside the window: 1 unit a day
    expect(v).toBe(1);
  });

  it("never reports a negative velocity when returns outweigh sales", () => {
    // GIVEN more returns than sales
    // WHEN computing velocity
    const v = salesVelocity([{ date: "2026-11-26", units: -3 }], { today: "2026-11-27", windowDays: 7 });
    // THEN velocity is zero
    expect(v).toBe(0);
  });

  it("refuses an empty window", () => {
    // GIVEN a window of 0 days
    // WHEN computing velocity
    // THEN a RangeError is thrown
    expect(() => salesVelocity([], { today: "2026-11-27", windowDays: 0 })).toThrow(RangeError);
  });
});

describe("sellOutForecast", () => {
  it("dates the sell-out from stock divided by velocity", () => {
    // GIVEN 10 units and 2 sold per day
    // WHEN forecasting
    const f = sellOutForecast({ available: 10, velocityPerDay: 2, today: "2026-11-27" });
    // THEN the last unit sells in 5 days
    expect(f).toEqual({ sellOutDate: "2026-12-02", daysOfCover: 5 });
  });

  it("rounds a partial day of cover up to the day the last unit sells", () => {
    // GIVEN 10 units and 3 sold per day (3.33 days of cover)
    // WHEN forecasting
    const f = sellOutForecast({ available: 10, velocityPerDay: 3, today: "2026-11-27" });
    // THEN the sell-out is on the 4th day
    expect(f.sellOutDate).toBe("2026-12-01");
  });

  it("does not round an exact number of days up through floating-point noise", () => {
    // GIVEN 10 units and a third of a unit per day (exactly 30 days)
    // WHEN forecasting
    const f = sellOutForecast({ available: 10, velocityPerDay: 1 / 3, today: "2026-11-27" });
    // THEN the sell-out is 30 days away, not 31
    expect(f.sellOutDate).toBe("2026-12-27");
  });

  it("gives no sell-out date when nothing sells", () => {
    // GIVEN stock and zero velocity
    // WHEN forecasting
    const f = sellOutForecast({ available: 10, velocityPerDay: 0, today: "2026-11-27" });
    // THEN the forecast is null
    expect(f).toEqual({ sellOutDate: null, daysOfCover: null });
  });

  it("reports a sold-out variant as selling out today", () => {
    // GIVEN negative stock
    // WHEN forecasting
    const f = sellOutForecast({ available: -2, velocityPerDay: 1, today: "2026-11-27" });
    // THEN it is already sold out
    expect(f).toEqual({ sellOutDate: "2026-11-27", daysOfCover: 0 });
  });
});

describe("supplier lateness", () => {
  it("counts early deliveries as zero delay", () => {
    // GIVEN a batch that arrived 3 days early
    // WHEN summarizing lateness
    const s = latenessStats([{ promised: "2026-11-10", actual: "2026-11-07" }]);
    // THEN the delay is 0
    expect(s).toEqual({ sampleSize: 1, p50Days: 0, p80Days: 0, maxDays: 0 });
  });

  it("takes nearest-rank p50 and p80 of the delays", () => {
    // GIVEN ten deliveries late by 0, 0, 1, 2, 3, 5, 8, 13, 21 and 34 days
    const delays = [0, 0, 1, 2, 3, 5, 8, 13, 21, 34];
    const samples = delays.map((d) => ({ promised: "2026-01-01", actual: addCalendarDays("2026-01-01", d) }));
    // WHEN summarizing lateness
    const s = latenessStats(samples);
    // THEN p50 is the 5th value, p80 the 8th, max the largest
    expect(s).toEqual({ sampleSize: 10, p50Days: 3, p80Days: 13, maxDays: 34 });
  });

  it("reports no history as zero samples", () => {
    // GIVEN no past deliveries
    // WHEN summarizing lateness
    // THEN the sample size is zero
    expect(latenessStats([]).sampleSize).toBe(0);
  });

  it("takes lateness samples only from received batches", () => {
    // GIVEN one received and one pending batch
    const batches = [
      { id: "a", quantity: 1, expectedAt: "2026-11-01", receivedAt: "2026-11-04" },
      { id: "b", quantity: 1, expectedAt: "2026-12-01" },
    ];
    // WHEN extracting samples
    // THEN only the received batch contributes
    expect(latenessSamplesFromBatches(batches)).toEqual([{ promised: "2026-11-01", actual: "2026-11-04" }]);
  });

  it("picks an observed value for any percentile, never an interpolation", () => {
    // GIVEN two values
    // WHEN taking the 80th percentile
    // THEN the larger observed value is returned
    expect(percentile([10, 0], 0.8)).toBe(10);
  });

  it("refuses a percentile of an empty list", () => {
    // GIVEN no values
    // WHEN taking a percentile
    // THEN a RangeError is thrown
    expect(() => percentile([], 0.5)).toThrow(RangeError);
  });
});

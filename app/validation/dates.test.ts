import { describe, expect, it } from "vitest";
import { addDays, dateIn, dateWindows, isIsoDate, isUsableStoredDate, isUsableStoredInstant, localToday, optionalDateIn } from "./dates";

describe("isIsoDate", () => {
  it("accepts real dates and refuses impossible or malformed ones", () => {
    // GIVEN real dates, impossible dates and other spellings / WHEN checked / THEN only real YYYY-MM-DD pass
    expect(["2026-02-28", "2028-02-29", "9999-12-31"].every(isIsoDate)).toBe(true);
    expect(["2026-02-30", "2026-13-01", "26-01-01", "2026-1-1", "2026-01-01T00:00", "", null].some(isIsoDate)).toBe(false);
  });
});

describe("localToday", () => {
  it("is the shop's calendar date, not UTC's", () => {
    // GIVEN 23:30 UTC on 31 Dec / WHEN read in Paris and in Los Angeles / THEN each zone has its own date
    const now = new Date("2026-12-31T23:30:00Z");
    expect(localToday("Europe/Paris", now)).toBe("2027-01-01");
    expect(localToday("America/Los_Angeles", now)).toBe("2026-12-31");
  });

  it("falls back to UTC for an unknown zone", () => {
    // GIVEN a zone the runtime does not know / WHEN read / THEN the UTC date comes back
    expect(localToday("Mars/Olympus", new Date("2026-06-01T12:00:00Z"))).toBe("2026-06-01");
  });
});

describe("date windows", () => {
  const windows = dateWindows("2026-11-27");

  it("keep expected arrivals within a year ago and three years ahead", () => {
    // GIVEN the expected-arrival rule / WHEN dates around the bounds are parsed / THEN only those inside pass
    const schema = dateIn(windows.expectedOn, { invalid: "invalid", range: "range" });
    expect(schema.parse("2027-01-15")).toBe("2027-01-15");
    expect(schema.safeParse("9999-12-31").error?.issues[0]?.message).toBe("range");
    expect(schema.safeParse(addDays("2026-11-27", -400)).error?.issues[0]?.message).toBe("range");
    expect(schema.safeParse("2026-02-30").error?.issues[0]?.message).toBe("invalid");
  });

  it("refuse a received date after today", () => {
    // GIVEN the received-date rule / WHEN today and tomorrow are parsed / THEN tomorrow is refused, blank is null
    const schema = optionalDateIn(windows.receivedOn, { invalid: "invalid", range: "range" });
    expect(schema.parse("2026-11-27")).toBe("2026-11-27");
    expect(schema.safeParse("2026-11-28").success).toBe(false);
    expect(schema.parse("")).toBeNull();
  });
});

describe("stored dates", () => {
  it("are usable only within the span the engine computes in", () => {
    // GIVEN stored values, some absurd / WHEN checked / THEN 9999 and year 1 are not usable
    expect(isUsableStoredDate("2026-12-01")).toBe(true);
    expect(isUsableStoredDate("9999-12-31")).toBe(false);
    expect(isUsableStoredDate("0001-01-01")).toBe(false);
    expect(isUsableStoredInstant(new Date("9999-12-31T00:00:00Z"))).toBe(false);
    expect(isUsableStoredInstant(null)).toBe(true);
  });
});

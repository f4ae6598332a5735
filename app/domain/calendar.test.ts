import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  createBusinessCalendar,
  daysBetween,
  dayToIso,
  isoToDay,
  publicHolidays,
  weekdayOfDay,
} from "./calendar";
import { calendar } from "./test-helpers";

const paris = () => calendar({ timeZone: "Europe/Paris", cutoff: "14:00", country: "FR" });
const newYork = () => calendar({ timeZone: "America/New_York", cutoff: "15:00", country: "US" });

describe("ISO date arithmetic", () => {
  it("round-trips ISO dates through day numbers", () => {
    // GIVEN a leap day
    const iso = "2028-02-29";
    // WHEN converting to a day number and back
    const back = dayToIso(isoToDay(iso));
    // THEN the date is unchanged
    expect(back).toBe(iso);
  });

  it("rejects dates that do not exist", () => {
    // GIVEN an impossible date
    // WHEN parsing it
    // THEN a RangeError is thrown
    expect(() => isoToDay("2026-02-30")).toThrow(RangeError);
  });

  it("rejects strings that are not ISO dates", () => {
    // GIVEN a US-formatted date
    // WHEN parsing it
    // THEN a RangeError is thrown
    expect(() => isoToDay("12/16/2026")).toThrow(RangeError);
  });

  it("adds calendar days across a year end", () => {
    // GIVEN the last day of 2026
    // WHEN adding two calendar days
    const date = addCalendarDays("2026-12-31", 2);
    // THEN the result is in 2027
    expect(date).toBe("2027-01-02");
  });

  it("counts calendar days between two dates", () => {
    // GIVEN two dates a leap year apart
    // WHEN counting days between them
    // THEN 366 days separate them
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
  });

  it("numbers ISO weekdays from Monday = 1 to Sunday = 7", () => {
    // GIVEN Monday 2026-11-23 and Sunday 2026-11-29
    // WHEN asking their weekday
    // THEN Monday is 1 and Sunday is 7
    expect(weekdayOfDay(isoToDay("2026-11-23"))).toBe(1);
    expect(weekdayOfDay(isoToDay("2026-11-29"))).toBe(7);
  });
});

describe("public holidays", () => {
  it("lists Bastille Day, Labour Day and Ascension Thursday 2026 for France", () => {
    // GIVEN France
    // WHEN listing its 2026 public holidays
    const holidays = publicHolidays("FR", null, 2026);
    // THEN 14 July, 1 May and Ascension (14 May 2026) are included
    expect(holidays).toEqual(expect.arrayContaining(["2026-07-14", "2026-05-01", "2026-05-14"]));
  });

  it("lists Thanksgiving and the observed Independence Day 2026 for the US", () => {
    // GIVEN the United States
    // WHEN listing its 2026 public holidays
    const holidays = publicHolidays("US", null, 2026);
    // THEN Thanksgiving (26 Nov) and the Friday before July 4th (a Saturday) are included
    expect(holidays).toEqual(expect.arrayContaining(["2026-11-26", "2026-07-03"]));
  });

  it("excludes observances that are not public holidays", () => {
    // GIVEN the US, where Valentine's Day is only an observance
    // WHEN listing 2026 public holidays
    const holidays = publicHolidays("US", null, 2026);
    // THEN 14 February is not a holiday
    expect(holidays).not.toContain("2026-02-14");
  });

  it("caches each year's holiday list", () => {
    // GIVEN a year listed once
    const first = publicHolidays("FR", null, 2031);
    // WHEN listing it again
    const second = publicHolidays("FR", null, 2031);
    // THEN the very same list is returned (no recomputation)
    expect(second).toBe(first);
  });

  it("adds regional holidays when a region is given", () => {
    // GIVEN Moselle (57), where 26 December is a public holiday
    // WHEN listing 2026 holidays with and without the region
    // THEN only the regional list has 26 December
    expect(publicHolidays("FR", "57", 2026)).toContain("2026-12-26");
    expect(publicHolidays("FR", null, 2026)).not.toContain("2026-12-26");
  });

  it("refuses an unknown country instead of silently ignoring holidays", () => {
    // GIVEN a country code that does not exist
    // WHEN building a calendar for it
    // THEN a RangeError is thrown
    expect(() => createBusinessCalendar({ timeZone: "UTC", cutoff: "12:00", country: "XX" })).toThrow(RangeError);
  });
});

describe("business days", () => {
  it("treats weekends as closed by default", () => {
    // GIVEN a Paris calendar with default working weekdays
    const cal = paris();
    // WHEN checking Saturday 2026-11-28 and Monday 2026-11-30
    // THEN Saturday is closed and Monday is open
    expect(cal.isBusinessDay("2026-11-28")).toBe(false);
    expect(cal.isBusinessDay("2026-11-30")).toBe(true);
  });

  it("skips 14 July in France", () => {
    // GIVEN Monday 13 July 2026 in France
    const cal = paris();
    // WHEN adding one business day
    // THEN Tuesday 14 July is skipped
    expect(cal.addBusinessDays("2026-07-13", 1)).toBe("2026-07-15");
  });

  it("skips 1 May and the weekend after it in France", () => {
    // GIVEN Thursday 30 April 2026 in France
    const cal = paris();
    // WHEN adding one business day
    // THEN Friday 1 May and the weekend are skipped
    expect(cal.addBusinessDays("2026-04-30", 1)).toBe("2026-05-04");
  });

  it("skips Ascension Thursday 2026 in France", () => {
    // GIVEN Wednesday 13 May 2026 in France
    const cal = paris();
    // WHEN adding one business day
    // THEN Ascension Thursday (14 May) is skipped
    expect(cal.addBusinessDays("2026-05-13", 1)).toBe("2026-05-15");
  });

  it("skips Thanksgiving 2026 in the US", () => {
    // GIVEN Wednesday 25 November 2026 in the US
    const cal = newYork();
    // WHEN adding one business day
    // THEN Thanksgiving (26 Nov) is skipped
    expect(cal.addBusinessDays("2026-11-25", 1)).toBe("2026-11-27");
  });

  it("skips the observed Independence Day on Friday 3 July 2026 in the US", () => {
    // GIVEN Thursday 2 July 2026 in the US
    const cal = newYork();
    // WHEN adding one business day
    // THEN Friday 3 July (observed) and the weekend are skipped
    expect(cal.addBusinessDays("2026-07-02", 1)).toBe("2026-07-06");
  });

  it("crosses the year end over New Year's Day in France", () => {
    // GIVEN Thursday 31 December 2026 in France
    const cal = paris();
    // WHEN adding one business day
    // THEN 1 January (holiday) and the weekend are skipped
    expect(cal.addBusinessDays("2026-12-31", 1)).toBe("2027-01-04");
  });

  it("crosses the year end over New Year's Day in the US", () => {
    // GIVEN Wednesday 31 December 2025 in the US
    const cal = newYork();
    // WHEN adding one business day
    // THEN 1 January 2026 (holiday) is skipped
    expect(cal.addBusinessDays("2025-12-31", 1)).toBe("2026-01-02");
  });

  it("treats Christmas as a holiday only where the country observes it", () => {
    // GIVEN a shop with no holiday country
    const cal = calendar({ country: null });
    // WHEN checking Friday 25 December 2026
    // THEN it is an ordinary business day
    expect(cal.isBusinessDay("2026-12-25")).toBe(true);
  });

  it("skips merchant closure days", () => {
    // GIVEN a French shop closed on 24 December 2026
    const cal = calendar({ closures: ["2026-12-24"] });
    // WHEN adding one business day to Wednesday 23 December
    // THEN 24 (closure), 25 (holiday) and the weekend are skipped
    expect(cal.addBusinessDays("2026-12-23", 1)).toBe("2026-12-28");
  });

  it("opens on Saturdays for a shop that works Monday to Saturday", () => {
    // GIVEN a shop working Monday to Saturday
    const cal = calendar({ workingWeekdays: [1, 2, 3, 4, 5, 6] });
    // WHEN adding one business day to Friday 27 November 2026
    // THEN Saturday is the next business day
    expect(cal.addBusinessDays("2026-11-27", 1)).toBe("2026-11-28");
  });

  it("returns the same date for zero business days even when it is closed", () => {
    // GIVEN a Sunday
    const cal = paris();
    // WHEN adding zero business days
    // THEN the date is unchanged
    expect(cal.addBusinessDays("2026-11-29", 0)).toBe("2026-11-29");
  });

  it("finds the next business day on or after a date", () => {
    // GIVEN Saturday 28 November 2026 and Monday 30 November 2026
    const cal = paris();
    // WHEN asking for the next business day
    // THEN Saturday moves to Monday and Monday stays
    expect(cal.nextBusinessDay("2026-11-28")).toBe("2026-11-30");
    expect(cal.nextBusinessDay("2026-11-30")).toBe("2026-11-30");
  });

  it("refuses a calendar without any working weekday", () => {
    // GIVEN no working weekday
    // WHEN building the calendar
    // THEN a RangeError is thrown
    expect(() => createBusinessCalendar({ timeZone: "UTC", cutoff: "12:00", workingWeekdays: [] })).toThrow(RangeError);
  });

  it("refuses an unknown timezone", () => {
    // GIVEN a misspelled zone
    // WHEN building the calendar
    // THEN a RangeError is thrown
    expect(() => createBusinessCalendar({ timeZone: "Europe/Pari", cutoff: "12:00" })).toThrow(RangeError);
  });

  it("refuses a malformed cut-off", () => {
    // GIVEN a cut-off without leading zero
    // WHEN building the calendar
    // THEN a RangeError is thrown
    expect(() => createBusinessCalendar({ timeZone: "UTC", cutoff: "9:00" })).toThrow(RangeError);
  });
});

describe("order start and cut-off", () => {
  it("starts the same day one minute before the cut-off", () => {
    // GIVEN a Paris shop with a 14:00 cut-off, Friday 27 Nov 2026 at 13:59 local (UTC+1)
    const cal = paris();
    // WHEN an order is placed
    const start = cal.orderStartDate(new Date("2026-11-27T12:59:00Z"));
    // THEN processing starts that day
    expect(start).toBe("2026-11-27");
  });

  it("starts the next business day exactly at the cut-off", () => {
    // GIVEN Friday 27 Nov 2026 at 14:00 local
    const cal = paris();
    // WHEN an order is placed
    const start = cal.orderStartDate(new Date("2026-11-27T13:00:00Z"));
    // THEN processing starts Monday
    expect(start).toBe("2026-11-30");
  });

  it("starts the next business day one minute after the cut-off", () => {
    // GIVEN Thursday 26 Nov 2026 at 14:01 local
    const cal = paris();
    // WHEN an order is placed
    const start = cal.orderStartDate(new Date("2026-11-26T13:01:00Z"));
    // THEN processing starts Friday
    expect(start).toBe("2026-11-27");
  });

  it("starts the next business day for an order placed on a weekend morning", () => {
    // GIVEN Saturday 28 Nov 2026 at 09:00 local
    const cal = paris();
    // WHEN an order is placed
    const start = cal.orderStartDate(new Date("2026-11-28T08:00:00Z"));
    // THEN processing starts Monday
    expect(start).toBe("2026-11-30");
  });

  it("starts after New Year's Day for an order placed after the cut-off on 31 December in France", () => {
    // GIVEN Wednesday 31 Dec 2025 at 16:00 Paris time
    const cal = paris();
    // WHEN an order is placed
    const start = cal.orderStartDate(new Date("2025-12-31T15:00:00Z"));
    // THEN processing starts Friday 2 January 2026
    expect(start).toBe("2026-01-02");
  });

  it("starts after New Year's Day for an order placed after the cut-off on 31 December in the US", () => {
    // GIVEN Wednesday 31 Dec 2025 at 16:00 New York time (UTC-5)
    const cal = newYork();
    // WHEN an order is placed
    const start = cal.orderStartDate(new Date("2025-12-31T21:00:00Z"));
    // THEN processing starts Friday 2 January 2026
    expect(start).toBe("2026-01-02");
  });

  it("uses the shop-local date, not the UTC date", () => {
    // GIVEN 04:30 UTC on Thanksgiving, which is still Wednesday 23:30 in New York
    const cal = newYork();
    // WHEN an order is placed
    const start = cal.orderStartDate(new Date("2026-11-26T04:30:00Z"));
    // THEN it is after Wednesday's cut-off and Thanksgiving is skipped
    expect(start).toBe("2026-11-27");
  });

  it("applies the cut-off in winter time before the Paris spring DST change", () => {
    // GIVEN Friday 27 March 2026 at 12:30 UTC = 13:30 in Paris (UTC+1)
    const cal = paris();
    // WHEN an order is placed
    const start = cal.orderStartDate(new Date("2026-03-27T12:30:00Z"));
    // THEN it is before the cut-off: same day
    expect(start).toBe("2026-03-27");
  });

  it("applies the cut-off in summer time after the Paris spring DST change", () => {
    // GIVEN Monday 30 March 2026 at 12:30 UTC = 14:30 in Paris (UTC+2 since 29 March)
    const cal = paris();
    // WHEN an order is placed
    const start = cal.orderStartDate(new Date("2026-03-30T12:30:00Z"));
    // THEN it is after the cut-off: next day
    expect(start).toBe("2026-03-31");
  });

  it("applies the cut-off one minute before it on the first summer-time business day in Paris", () => {
    // GIVEN Monday 30 March 2026 at 11:59 UTC = 13:59 in Paris
    const cal = paris();
    // WHEN an order is placed
    const start = cal.orderStartDate(new Date("2026-03-30T11:59:00Z"));
    // THEN processing starts that day
    expect(start).toBe("2026-03-30");
  });

  it("applies the cut-off in summer time before the Paris autumn DST change", () => {
    // GIVEN Friday 23 October 2026 at 12:30 UTC = 14:30 in Paris (UTC+2)
    const cal = paris();
    // WHEN an order is placed
    const start = cal.orderStartDate(new Date("2026-10-23T12:30:00Z"));
    // THEN it is after the cut-off: Monday
    expect(start).toBe("2026-10-26");
  });

  it("applies the cut-off in winter time after the Paris autumn DST change", () => {
    // GIVEN Monday 26 October 2026 at 12:30 UTC = 13:30 in Paris (UTC+1 since 25 October)
    const cal = paris();
    // WHEN an order is placed
    const start = cal.orderStartDate(new Date("2026-10-26T12:30:00Z"));
    // THEN it is before the cut-off: same day
    expect(start).toBe("2026-10-26");
  });

  it("applies the cut-off in standard time before the New York March DST change", () => {
    // GIVEN Friday 6 March 2026 at 19:30 UTC = 14:30 in New York (UTC-5)
    const cal = newYork();
    // WHEN an order is placed
    const start = cal.orderStartDate(new Date("2026-03-06T19:30:00Z"));
    // THEN it is before the 15:00 cut-off: same day
    expect(start).toBe("2026-03-06");
  });

  it("applies the cut-off in daylight time after the New York March DST change", () => {
    // GIVEN Monday 9 March 2026 at 19:30 UTC = 15:30 in New York (UTC-4 since 8 March)
    const cal = newYork();
    // WHEN an order is placed
    const start = cal.orderStartDate(new Date("2026-03-09T19:30:00Z"));
    // THEN it is after the cut-off: next day
    expect(start).toBe("2026-03-10");
  });

  it("applies the cut-off in daylight time before the New York November DST change", () => {
    // GIVEN Friday 30 October 2026 at 19:00 UTC = 15:00 in New York (UTC-4)
    const cal = newYork();
    // WHEN an order is placed
    const start = cal.orderStartDate(new Date("2026-10-30T19:00:00Z"));
    // THEN it is exactly at the cut-off: Monday
    expect(start).toBe("2026-11-02");
  });

  it("applies the cut-off in standard time after the New York November DST change", () => {
    // GIVEN Monday 2 November 2026 at 19:00 UTC = 14:00 in New York (UTC-5 since 1 November)
    const cal = newYork();
    // WHEN an order is placed
    const start = cal.orderStartDate(new Date("2026-11-02T19:00:00Z"));
    // THEN it is before the cut-off: same day
    expect(start).toBe("2026-11-02");
  });

  it("handles a cut-off inside the hour skipped by the spring DST change", () => {
    // GIVEN a shop working every day with a 02:30 cut-off, Sunday 29 March 2026 at 03:00 Paris time
    //       (02:00–03:00 does not exist that night)
    const cal = calendar({ cutoff: "02:30", country: null, workingWeekdays: [1, 2, 3, 4, 5, 6, 7] });
    // WHEN an order is placed at 01:00 UTC (= 03:00 local)
    const start = cal.orderStartDate(new Date("2026-03-29T01:00:00Z"));
    // THEN the local wall clock is past the cut-off: next day
    expect(start).toBe("2026-03-30");
  });

  it("reports the shop-local date of an instant", () => {
    // GIVEN 23:30 UTC on 31 December 2026
    const cal = paris();
    // WHEN asking the Paris-local date
    // THEN it is already 1 January 2027
    expect(cal.localDate(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
  });
});

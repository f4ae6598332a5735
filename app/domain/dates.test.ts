import { describe, expect, it } from "vitest";
import { addCalendarDays, isIsoDate, isoToDay } from "./dates";
import { isIsoDate as validationIsIsoDate } from "~/validation/dates";
import { isIsoDate as emailIsIsoDate } from "~/notifications/kinds";

describe("the one ISO date check", () => {
  it("accepts real calendar dates only", () => {
    // GIVEN dates that exist, and strings that look like dates but are not
    // WHEN checked
    // THEN only real dates written YYYY-MM-DD pass (Date.parse alone would take 2026-02-30 as 2 March)
    expect(["2026-02-28", "2028-02-29", "2026-12-31", "0001-01-01", "9999-12-31"].every(isIsoDate)).toBe(true);
    expect(["2026-13-45", "2026-02-30", "2027-02-29", "2026-00-10", "2026-1-1", "26-01-01", "2026-01-01T00:00", " 2026-01-01", "", null, 20260101].some(isIsoDate)).toBe(false);
  });

  it("is the same function wherever the app checks a date, and the day arithmetic refuses what it refuses", () => {
    // GIVEN the check as forms and emails import it
    // THEN it is this one, and day numbers are only computed for dates it accepts
    expect(validationIsIsoDate).toBe(isIsoDate);
    expect(emailIsIsoDate).toBe(isIsoDate);
    expect(() => isoToDay("2026-13-45")).toThrow(RangeError);
    expect(addCalendarDays("2028-02-28", 1)).toBe("2028-02-29");
  });
});

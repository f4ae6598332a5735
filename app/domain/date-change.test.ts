import { describe, expect, it } from "vitest";
import { dateChange } from "./date-change";

describe("dateChange", () => {
  it("calls a move later by at least the minimum slip a delay, and a smaller one nothing", () => {
    // GIVEN a customer told 10 Dec and a 3-day minimum
    const rules = { delayMinSlipDays: 3, earlierDateEmails: false };
    // WHEN the date moves 3 days, then 2 days later
    // THEN the first is a delay, the second not worth an email
    expect(dateChange("2026-12-13", "2026-12-10", rules)).toBe("later");
    expect(dateChange("2026-12-12", "2026-12-10", rules)).toBeNull();
  });

  it("calls an earlier date good news only when the shop sends those", () => {
    // GIVEN a date 5 days earlier than told
    // WHEN the shop does or does not send earlier-date emails
    // THEN it is good news only in the first case
    expect(dateChange("2026-12-05", "2026-12-10", { delayMinSlipDays: 1, earlierDateEmails: true })).toBe("earlier");
    expect(dateChange("2026-12-05", "2026-12-10", { delayMinSlipDays: 1, earlierDateEmails: false })).toBeNull();
  });

  it("treats a minimum below one day as one day", () => {
    // GIVEN an unchanged date and a minimum of 0
    // WHEN compared
    // THEN nothing changed
    expect(dateChange("2026-12-10", "2026-12-10", { delayMinSlipDays: 0, earlierDateEmails: true })).toBeNull();
  });
});

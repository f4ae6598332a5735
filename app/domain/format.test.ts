import { describe, expect, it } from "vitest";
import { formatDate, formatDateRange, formatDateTime, formatMoney } from "./format";

/** ICU puts thin or narrow no-break spaces around the range dash; compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u2009\u202f\u00a0]/g, " ");

describe("formatDateRange", () => {
  it("formats a same-month range in English day-month order", () => {
    // GIVEN 12–16 December 2026
    // WHEN formatting in en
    const text = formatDateRange({ earliest: "2026-12-12", latest: "2026-12-16" }, "en");
    // THEN the month appears once after the days, the days joined by an en dash like in French
    expect(text).toBe("12–16 Dec");
  });

  it("formats a same-month range in French", () => {
    // GIVEN 12–16 December 2026
    // WHEN formatting in fr
    const text = formatDateRange({ earliest: "2026-12-12", latest: "2026-12-16" }, "fr");
    // THEN it reads 12–16 déc.
    expect(plain(text)).toBe("12–16 déc.");
  });

  it("names both months for a cross-month range in English", () => {
    // GIVEN 30 November – 2 December 2026
    // WHEN formatting in en
    const text = formatDateRange({ earliest: "2026-11-30", latest: "2026-12-02" }, "en");
    // THEN both months are shown
    expect(plain(text)).toBe("30 Nov – 2 Dec");
  });

  it("names both months for a cross-month range in French", () => {
    // GIVEN 30 November – 2 December 2026
    // WHEN formatting in fr
    const text = formatDateRange({ earliest: "2026-11-30", latest: "2026-12-02" }, "fr");
    // THEN both months are shown
    expect(plain(text)).toBe("30 nov. – 2 déc.");
  });

  it("adds the years to a range crossing the year end in English", () => {
    // GIVEN 30 December 2026 – 2 January 2027
    // WHEN formatting in en
    const text = formatDateRange({ earliest: "2026-12-30", latest: "2027-01-02" }, "en");
    // THEN both years are shown
    expect(plain(text)).toBe("30 Dec 2026 – 2 Jan 2027");
  });

  it("adds the years to a range crossing the year end in French", () => {
    // GIVEN 30 December 2026 – 2 January 2027
    // WHEN formatting in fr
    const text = formatDateRange({ earliest: "2026-12-30", latest: "2027-01-02" }, "fr");
    // THEN both years are shown
    expect(plain(text)).toBe("30 déc. 2026 – 2 janv. 2027");
  });

  it("shows a single date when earliest and latest are equal", () => {
    // GIVEN a one-day range
    // WHEN formatting in en
    const text = formatDateRange({ earliest: "2026-12-12", latest: "2026-12-12" }, "en");
    // THEN one date is shown
    expect(text).toBe("12 Dec");
  });

  it("follows an explicit US English locale", () => {
    // GIVEN 12–16 December 2026
    // WHEN formatting in en-US
    const text = formatDateRange({ earliest: "2026-12-12", latest: "2026-12-16" }, "en-US");
    // THEN month comes first
    expect(text).toBe("Dec 12–16");
  });

  it("shows the year when asked even within one year", () => {
    // GIVEN 12–16 December 2026
    // WHEN formatting with the year always shown
    const text = formatDateRange({ earliest: "2026-12-12", latest: "2026-12-16" }, "fr", { year: "always" });
    // THEN the year is included
    expect(plain(text)).toBe("12–16 déc. 2026");
  });

  it("never shifts a date whatever the runtime timezone", () => {
    // GIVEN 1 January 2027, a date that would become 31 December under a negative UTC offset
    // WHEN formatting it
    const text = formatDate("2027-01-01", "en");
    // THEN it stays 1 January
    expect(text).toBe("1 Jan");
  });

  it("puts a reversed range back in order", () => {
    // GIVEN latest before earliest
    // WHEN formatting in fr
    const text = formatDateRange({ earliest: "2026-12-16", latest: "2026-12-12" }, "fr");
    // THEN it is shown in chronological order
    expect(plain(text)).toBe("12–16 déc.");
  });
});

describe("one text whatever the runtime's ICU", () => {
  it("writes ranges with plain spaces only, so the server's HTML and the browser's render match", () => {
    // GIVEN ranges of every shape, in English and French
    const ranges = [
      { earliest: "2026-12-12", latest: "2026-12-16" },
      { earliest: "2026-11-30", latest: "2026-12-02" },
      { earliest: "2026-12-30", latest: "2027-01-02" },
    ] as const;
    // WHEN formatting them
    const texts = ranges.flatMap((range) => [formatDateRange(range, "en"), formatDateRange(range, "fr")]);
    // THEN no thin or no-break space appears (Node's formatRange puts thin spaces around the dash, Chromium's does not)
    expect(texts).toEqual([
      "12–16 Dec",
      "12–16 déc.",
      "30 Nov – 2 Dec",
      "30 nov. – 2 déc.",
      "30 Dec 2026 – 2 Jan 2027",
      "30 déc. 2026 – 2 janv. 2027",
    ]);
  });

  it("writes a timestamp with the same date format as the ranges, in the shop's timezone", () => {
    // GIVEN an instant late on 31 December in UTC
    const instant = new Date("2026-12-31T23:30:00Z");
    // WHEN formatting it for a shop in Paris
    // THEN it is already 1 January there, written day-month in both languages with a 24-hour clock
    expect(formatDateTime(instant, "en", "Europe/Paris")).toBe("1 Jan 2027, 00:30");
    expect(formatDateTime(instant, "fr", "Europe/Paris")).toBe("1 janv. 2027, 00:30");
  });
});

describe("formatMoney", () => {
  it("writes an amount in the customer's language and falls back for an unknown currency", () => {
    // GIVEN refunds in euros and dollars WHEN formatted in French and English THEN each reads naturally
    expect(formatMoney("42.5", "EUR", "fr").replace(/\s/g, " ")).toBe("42,50 €");
    expect(formatMoney("42.5", "USD", "en-US")).toBe("$42.50");
    expect(formatMoney("10", "XYZ1", "en")).toBe("10.00 XYZ1");
  });
});

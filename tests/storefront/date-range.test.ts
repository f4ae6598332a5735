// The date range reads the same whether Liquid rendered it (first paint) or the block's script wrote it
// (after a variant change): Liquid composes it from translations, the script from Intl#formatRange.
import { describe, expect, it } from "vitest";
import { loadBlockScript, renderer } from "./support";

const script = loadBlockScript();

async function liquidRange(range: { earliest: unknown; latest: unknown }, locale: string): Promise<string> {
  const html = await renderer.renderString("{% render 'bp-range', range: range %}", { locale, globals: { range } });
  return html.replace(/&#39;/g, "'").trim();
}

const intlLocale = (locale: string) => renderer.translate(locale, "backorder_eta.intl_locale");

const SAMPLES: [string, string][] = [
  ["2026-12-12", "2026-12-16"], // same month
  ["2026-11-30", "2026-12-02"], // across months
  ["2026-12-30", "2027-01-02"], // across years
  ["2026-12-04", "2026-12-04"], // one day
  ["2026-12-16", "2026-12-12"], // reversed
  ["2027-02-28", "2027-03-01"],
  ["2028-02-27", "2028-02-29"], // leap day
];
// Every month's abbreviation, as a one-day range and as a same-month range.
for (let month = 1; month <= 12; month++) {
  const m = String(month).padStart(2, "0");
  SAMPLES.push([`2027-${m}-01`, `2027-${m}-01`], [`2027-${m}-03`, `2027-${m}-09`]);
}

describe.each(["en", "fr"])("date ranges in %s", (locale) => {
  it.each(SAMPLES)("reads the same from Liquid and from the script for %s → %s", async (earliest, latest) => {
    // GIVEN a range of shop-local dates
    const range = { earliest, latest };

    // WHEN Liquid renders it and the script formats it with the extension's Intl locale
    const fromLiquid = await liquidRange(range, locale);
    const fromScript = script.formatRange(range, intlLocale(locale));

    // THEN both texts are identical
    expect(fromLiquid).toBe(fromScript);
    expect(fromLiquid).not.toBe("");
  });
});

describe("date range formatting", () => {
  it("writes the expected English and French forms", async () => {
    // GIVEN ranges within a month, across months and across years
    // WHEN they are rendered
    // THEN they read as a shopper expects in each language
    expect(await liquidRange({ earliest: "2026-12-12", latest: "2026-12-16" }, "en")).toBe("12 – 16 Dec");
    expect(await liquidRange({ earliest: "2026-12-12", latest: "2026-12-16" }, "fr")).toBe("12–16 déc.");
    expect(await liquidRange({ earliest: "2026-11-30", latest: "2026-12-02" }, "fr")).toBe("30 nov. – 2 déc.");
    expect(await liquidRange({ earliest: "2026-12-30", latest: "2027-01-02" }, "en")).toBe("30 Dec 2026 – 2 Jan 2027");
    expect(await liquidRange({ earliest: "2026-09-01", latest: "2026-09-01" }, "en")).toBe("1 Sept");
  });

  it("falls back to English for a storefront language the extension does not translate", async () => {
    // GIVEN a German storefront (no de.json): Liquid uses the default locale file
    // WHEN the range is rendered and formatted
    const fromLiquid = await liquidRange({ earliest: "2026-12-12", latest: "2026-12-16" }, "de");
    const fromScript = script.formatRange({ earliest: "2026-12-12", latest: "2026-12-16" }, intlLocale("de"));

    // THEN both are the English form, so the page never mixes two formats
    expect(fromLiquid).toBe("12 – 16 Dec");
    expect(fromScript).toBe(fromLiquid);
  });

  it.each([
    ["not dates", { earliest: "soon", latest: "2026-12-01" }],
    ["an impossible month", { earliest: "2026-13-01", latest: "2026-13-02" }],
    ["an impossible day", { earliest: "2026-12-32", latest: "2026-12-33" }],
    ["numbers", { earliest: 20261201, latest: 20261202 }],
    ["a missing end", { earliest: "2026-12-01" }],
  ])("writes nothing for %s, in Liquid and in the script", async (_label, range) => {
    // GIVEN a range that is not two calendar dates
    // WHEN both format it
    // THEN both write nothing (no "Invalid Date", no Liquid error)
    expect(await liquidRange(range as { earliest: unknown; latest: unknown }, "en")).toBe("");
    expect(script.formatRange(range as { earliest: string; latest: string }, "en-GB")).toBe("");
  });

  it("writes nothing for no range in the script", () => {
    // GIVEN a delivery mode the summary does not have
    // WHEN the script formats it
    // THEN it writes nothing
    expect(script.formatRange(null, "en-GB")).toBe("");
  });

  it("decides each variant's state by the same rules as the Liquid block", () => {
    // GIVEN variants in each situation
    const eta = { v: 1, backorder: true, next: { standard: { earliest: "2026-12-12", latest: "2026-12-16" } } };

    // WHEN the script classifies them
    // THEN sold out wins, then backorder, then in stock with a summary, else nothing
    expect(script.stateOf({ available: false, eta })).toBe("soldout");
    expect(script.stateOf({ available: true, eta })).toBe("backorder");
    expect(script.stateOf({ available: true, eta: { ...eta, backorder: false } })).toBe("instock");
    expect(script.stateOf({ available: true, eta: { ...eta, v: 2 } })).toBe("none");
    expect(script.stateOf({ available: true, eta: null })).toBe("none");
    expect(script.stateOf(undefined)).toBe("none");
  });
});

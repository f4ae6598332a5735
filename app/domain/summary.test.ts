import { describe, expect, it } from "vitest";
import { computeEta } from "./eta";
import { decideInventoryPolicy, type BackorderMode } from "./policy";
import { buildVariantSummary, sameSummary, serializeSummary, SUMMARY_VERSION, type SummaryInput } from "./summary";
import { parisWinter, settings } from "./test-helpers";

// Friday 27 November 2026, 10:00 in Paris: before the 14:00 cut-off on a business day.
const NOW = parisWinter("2026-11-27T10:00:00");

function summaryInput(overrides: { mode?: BackorderMode; available?: number; cap?: number | null } & Partial<SummaryInput> = {}): SummaryInput {
  const mode = overrides.mode ?? "always";
  const available = overrides.available ?? 0;
  const eta = computeEta({ available, queue: [], batches: [], leadTimeDays: 10 }, settings(), NOW);
  const decision = decideInventoryPolicy({ mode, available, unitsOwed: Math.max(0, -available), cap: overrides.cap ?? null, now: NOW });
  return { mode, available, eta, decision, enabledModes: ["standard"], termsVersion: 1, now: NOW, ...overrides };
}

describe("buildVariantSummary", () => {
  it("publishes nothing for a variant whose backorders are off", () => {
    // GIVEN a variant in mode off
    // WHEN building its summary
    const summary = buildVariantSummary(summaryInput({ mode: "off" }));
    // THEN there is none (the sync deletes the metafield instead)
    expect(summary).toBeNull();
  });

  it("marks a sold-out variant that keeps selling as a backorder with its lead-time range", () => {
    // GIVEN a sold-out variant always on backorder, 10 days of supplier lead time
    // WHEN building its summary
    const summary = buildVariantSummary(summaryInput({ mode: "always", available: 0 }));
    // THEN it is a backorder, unlimited, with the standard range and low confidence
    expect(summary).toMatchObject({
      v: SUMMARY_VERSION,
      mode: "always",
      backorder: true,
      maxQty: null,
      confidence: "low",
      source: "lead_time",
      termsVersion: 1,
      computedAt: NOW.toISOString(),
    });
    expect(Object.keys(summary?.next ?? {})).toEqual(["standard"]);
    expect(summary?.next.standard?.earliest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((summary?.next.standard?.earliest ?? "") <= (summary?.next.standard?.latest ?? "")).toBe(true);
  });

  it("is not a backorder while stock remains, even when backorders are always on", () => {
    // GIVEN 5 units in stock, mode always
    // WHEN building the summary
    const summary = buildVariantSummary(summaryInput({ mode: "always", available: 5 }));
    // THEN the next unit ships from stock with high confidence
    expect(summary?.backorder).toBe(false);
    expect(summary?.confidence).toBe("high");
    expect(summary?.source).toBe("stock");
  });

  it("is not a backorder when the cap is reached, and caps the quantity at zero", () => {
    // GIVEN 4 units owed with a cap of 4
    // WHEN building the summary
    const summary = buildVariantSummary(summaryInput({ mode: "always", available: -4, cap: 4 }));
    // THEN Shopify will deny: no backorder and no unit may be ordered
    expect(summary?.backorder).toBe(false);
    expect(summary?.maxQty).toBe(0);
  });

  it("limits the quantity to what the cap still allows", () => {
    // GIVEN 2 units owed out of a cap of 5
    // WHEN building the summary
    const summary = buildVariantSummary(summaryInput({ mode: "when_sold_out", available: -2, cap: 5 }));
    // THEN at most 3 more units can be ordered
    expect(summary).toMatchObject({ mode: "when_sold_out", backorder: true, maxQty: 3 });
  });

  it("lists only the delivery modes the shop enabled, in a fixed order", () => {
    // GIVEN pickup and standard enabled (given out of order), express disabled
    // WHEN building the summary
    const summary = buildVariantSummary(summaryInput({ enabledModes: ["pickup", "standard"] }));
    // THEN next has standard then pickup, no express
    expect(Object.keys(summary?.next ?? {})).toEqual(["standard", "pickup"]);
  });

  it("keeps the merchant's messages, trimmed, and drops blank ones", () => {
    // GIVEN an English message with spaces around it and a blank French one
    // WHEN building the summary
    const summary = buildVariantSummary(summaryInput({ messages: { en: "  Hand-thrown to order. ", fr: "   " } }));
    // THEN only the English text remains
    expect(summary?.message).toEqual({ en: "Hand-thrown to order." });
  });

  it("omits the message entirely when there is none", () => {
    // GIVEN no messages
    // WHEN building the summary
    const summary = buildVariantSummary(summaryInput({ messages: null }));
    // THEN the key is absent (smaller JSON for Liquid)
    expect(summary && "message" in summary).toBe(false);
  });

  it("refuses a negative terms version", () => {
    // GIVEN a corrupt terms version
    // WHEN building the summary
    // THEN it throws rather than publishing it
    expect(() => buildVariantSummary(summaryInput({ termsVersion: -1 }))).toThrow(RangeError);
  });
});

describe("serializeSummary", () => {
  it("writes compact JSON in a fixed key order that parses back to the summary", () => {
    // GIVEN a summary with every optional part
    const summary = buildVariantSummary(
      summaryInput({
        enabledModes: ["standard", "express", "pickup"],
        messages: { en: "Soon", fr: "Bientôt" },
        payment: { kind: "deposit", sellingPlanId: "4938473", checkout: { type: "percentage", value: 20 }, balance: { trigger: "on_date", dueOn: "2027-01-15" } },
      }),
    );
    if (!summary) throw new Error("expected a summary");
    // WHEN serializing it
    const json = serializeSummary(summary);
    // THEN keys come in the documented order and the value round-trips
    expect(Object.keys(JSON.parse(json))).toEqual([
      "v", "mode", "backorder", "maxQty", "next", "confidence", "source", "message", "payment", "termsVersion", "computedAt",
    ]);
    expect(JSON.parse(json)).toEqual(summary);
    expect(json).not.toMatch(/\s{2}|\n/);
  });

  it("stays small enough to render cheaply in Liquid", () => {
    // GIVEN the largest realistic summary (three modes, two short messages, a deposit plan with a due date)
    const summary = buildVariantSummary(
      summaryInput({
        enabledModes: ["standard", "express", "pickup"],
        messages: { en: "Made to order", fr: "Fait sur commande" },
        payment: { kind: "deposit", sellingPlanId: "4938473", checkout: { type: "price", amount: "10.00" }, balance: { trigger: "on_date", dueOn: "2027-01-15" } },
      }),
    );
    // WHEN serializing it
    // THEN it stays under 600 bytes
    expect(serializeSummary(summary!).length).toBeLessThan(600);
  });
});

describe("sameSummary", () => {
  it("treats summaries that differ only in computedAt as the same", () => {
    // GIVEN the same variant computed an hour apart
    const a = serializeSummary(buildVariantSummary(summaryInput())!);
    const b = serializeSummary(buildVariantSummary(summaryInput({ now: new Date(NOW.getTime() + 3_600_000) }))!);
    // WHEN comparing them
    // THEN nothing visible changed
    expect(a).not.toBe(b);
    expect(sameSummary(a, b)).toBe(true);
  });

  it("sees a changed date range, flag or missing side as a change", () => {
    // GIVEN a summary, the same one with stock, and nothing at all
    const backorder = serializeSummary(buildVariantSummary(summaryInput({ available: 0 }))!);
    const inStock = serializeSummary(buildVariantSummary(summaryInput({ available: 5 }))!);
    // WHEN comparing
    // THEN they differ, and only null equals null
    expect(sameSummary(backorder, inStock)).toBe(false);
    expect(sameSummary(backorder, null)).toBe(false);
    expect(sameSummary(null, null)).toBe(true);
  });
});

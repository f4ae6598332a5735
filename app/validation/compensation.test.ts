// The compensation settings and the order page's compensate form: what is accepted, and where a problem shows.
import { describe, expect, it } from "vitest";
import { DEFAULT_COMPENSATION_POLICY } from "~/domain/compensation";
import { compensateSchema, compensationPolicySchema } from "./compensation";
import { fieldErrors } from "./settings";

const form = (fields: Record<string, string>) => ({
  defaultKind: "discount_percentage",
  defaultPercent: "10",
  defaultAmountMinor: "10.00",
  expiryDays: "30",
  maxPercent: "20",
  maxAmountMinor: "50",
  maxStoreCreditMinor: "50.00",
  proposeAfterDays: "7",
  ...fields,
});

describe("compensation settings", () => {
  it("reads the form's decimals as minor units, and a stored empty object as every default", () => {
    // GIVEN the settings form WHEN parsed THEN amounts are in cents and the checkbox is a boolean
    expect(compensationPolicySchema.parse({ ...form({}), proposeEnabled: "true" })).toEqual({
      ...DEFAULT_COMPENSATION_POLICY,
      defaultAmountMinor: 1_000,
      maxAmountMinor: 5_000,
      maxStoreCreditMinor: 5_000,
      proposeEnabled: true,
    });
    expect(compensationPolicySchema.parse({})).toEqual(DEFAULT_COMPENSATION_POLICY);
    expect(compensationPolicySchema.parse(undefined)).toEqual(DEFAULT_COMPENSATION_POLICY);
  });

  it("refuses a default above its limit and malformed numbers, next to their fields", () => {
    // GIVEN a default of 30% with a limit of 20%, and an amount written as 1e3
    const result = compensationPolicySchema.safeParse(form({ defaultPercent: "30", maxAmountMinor: "1e3", proposeAfterDays: "0" }));
    // THEN each field carries its own error (the default above its limit too)
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual({
      defaultPercent: "settings.compensation.error.defaultAboveMax",
      maxAmountMinor: "settings.compensation.error.amount",
      proposeAfterDays: "settings.compensation.error.proposeAfterDays",
    });
    const above = compensationPolicySchema.safeParse(form({ defaultPercent: "30" }));
    expect(above.success ? {} : fieldErrors(above.error)).toEqual({ defaultPercent: "settings.compensation.error.defaultAboveMax" });
  });
});

describe("the compensate form", () => {
  const base = { intent: "compensate", version: "3", submissionKey: "a-one-time-key" };

  it("keeps only the fields the chosen kind needs", () => {
    expect(compensateSchema.parse({ ...base, kind: "discount_amount", amount: "12,50", expiryDays: "14", percentage: "99" }).offer).toEqual({
      kind: "discount_amount",
      amountMinor: 1_250,
      expiryDays: 14,
    });
    expect(compensateSchema.parse({ ...base, kind: "gift_note", note: " A mug " }).offer).toEqual({ kind: "gift_note", note: "A mug" });
  });

  it.each([
    [{ kind: "discount_percentage", percentage: "0", expiryDays: "30" }, "percentage"],
    [{ kind: "discount_percentage", percentage: "10.5", expiryDays: "30" }, "percentage"],
    [{ kind: "store_credit", amount: "-3", expiryDays: "30" }, "amount"],
    [{ kind: "store_credit", amount: "3", expiryDays: "400" }, "expiryDays"],
    [{ kind: "free_car" }, "kind"],
  ])("refuses %j on %s", (fields, field) => {
    const result = compensateSchema.safeParse({ ...base, ...fields });
    expect(result.success).toBe(false);
    if (!result.success) expect(Object.keys(fieldErrors(result.error))).toContain(field);
  });
});

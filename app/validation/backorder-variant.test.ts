import { describe, expect, it } from "vitest";
import { BatchSchema, BulkActionSchema, VariantSettingsSchema } from "./backorder-variant";
import { fieldErrors } from "./form-data";

const VARIANT = "gid://shopify/ProductVariant/101";
const blank = { cap: "", leadTimeDays: "", capacityPerWeek: "", startsOn: "", endsOn: "", messageEn: "", messageFr: "" };

describe("VariantSettingsSchema", () => {
  it("turns empty optional fields into null", () => {
    // GIVEN a form with only the mode chosen
    // WHEN it is parsed
    const parsed = VariantSettingsSchema.parse({ variantId: VARIANT, mode: "always", ...blank });

    // THEN every optional setting is null
    expect(parsed).toEqual({ variantId: VARIANT, mode: "always", cap: null, leadTimeDays: null, capacityPerWeek: null, startsOn: null, endsOn: null, messageEn: null, messageFr: null });
  });

  it("reports each bad field under its own name", () => {
    // GIVEN a negative cap, a fractional lead time, a fake date and an unknown mode
    const result = VariantSettingsSchema.safeParse({
      variantId: VARIANT,
      mode: "sometimes",
      ...blank,
      cap: "-3",
      leadTimeDays: "2.5",
      startsOn: "2026-02-30",
    });

    // WHEN the errors are collected
    // THEN each points at its field
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({
      mode: "products.error.mode",
      cap: "products.error.cap",
      leadTimeDays: "products.error.leadTime",
      startsOn: "products.error.date",
    });
  });

  it("refuses a schedule that ends before it starts", () => {
    // GIVEN an end date before the start date
    const result = VariantSettingsSchema.safeParse({ variantId: VARIANT, mode: "always", ...blank, startsOn: "2026-12-10", endsOn: "2026-12-01" });

    // THEN the end date carries the error
    expect(fieldErrors(result.error!)).toEqual({ endsOn: "products.error.endBeforeStart" });
  });

  it("refuses an id that is not a Shopify variant", () => {
    // GIVEN a product id where a variant id is expected
    const result = VariantSettingsSchema.safeParse({ variantId: "gid://shopify/Product/1", mode: "always", ...blank });

    // THEN it is refused
    expect(fieldErrors(result.error!)).toEqual({ variantId: "products.error.unknownVariant" });
  });
});

describe("BatchSchema", () => {
  it("requires a positive quantity and a real expected date", () => {
    // GIVEN an empty quantity and a malformed date
    const result = BatchSchema.safeParse({ variantId: VARIANT, quantity: "", expectedOn: "next week", receivedOn: "", supplier: "" });

    // THEN both are reported
    expect(fieldErrors(result.error!)).toEqual({ quantity: "products.error.quantity", expectedOn: "products.error.date" });
  });

  it("parses a complete batch", () => {
    // GIVEN a batch of 40 units expected on 15 January
    // WHEN parsed
    const parsed = BatchSchema.parse({ variantId: VARIANT, quantity: "40", expectedOn: "2027-01-15", receivedOn: "", supplier: " Atelier Nord " });

    // THEN the values are typed and trimmed
    expect(parsed).toMatchObject({ quantity: 40, expectedOn: "2027-01-15", receivedOn: null, supplier: "Atelier Nord" });
  });
});

describe("BulkActionSchema", () => {
  it("requires a selection", () => {
    // GIVEN an enable action with nothing selected
    const result = BulkActionSchema.safeParse({ intent: "enable", variantIds: [] });

    // THEN it is refused
    expect(fieldErrors(result.error!)).toEqual({ variantIds: "products.error.noSelection" });
  });

  it("requires a lead time for the lead-time action", () => {
    // GIVEN a lead-time action without a number
    const result = BulkActionSchema.safeParse({ intent: "lead-time", variantIds: [VARIANT], leadTimeDays: "" });

    // THEN the lead time is reported
    expect(fieldErrors(result.error!)).toEqual({ leadTimeDays: "products.error.leadTime" });
  });
});

import { describe, expect, it } from "vitest";
import { BulkActionSchema, batchSchema, variantSettingsSchema } from "./backorder-variant";
import { dateWindows } from "./dates";
import { fieldErrors } from "./form-data";

const VARIANT = "gid://shopify/ProductVariant/101";
const TODAY = "2026-11-27";
const VariantSettingsSchema = variantSettingsSchema(dateWindows(TODAY));
const BatchSchema = batchSchema(dateWindows(TODAY));
const blank = { cap: "", leadTimeDays: "", capacityPerWeek: "", startsOn: "", endsOn: "", messageEn: "", messageFr: "" };

describe("VariantSettingsSchema", () => {
  it("turns empty optional fields into null", () => {
    // GIVEN a form with only the mode chosen
    // WHEN it is parsed
    const parsed = VariantSettingsSchema.parse({ variantId: VARIANT, mode: "always", ...blank });

    // THEN every optional setting is null
    expect(parsed).toEqual({ variantId: VARIANT, version: null, mode: "always", cap: null, leadTimeDays: null, capacityPerWeek: null, startsOn: null, endsOn: null, messageEn: null, messageFr: null });
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

describe("dates and numbers typed by hand", () => {
  it.each(["1e2", "0x10", "1.0", "+5"])("refuses %j as a cap, a quantity and a bulk lead time", (value) => {
    // GIVEN a number written the way Number() reads but a merchant never means
    // WHEN it is posted in each form
    const settings = VariantSettingsSchema.safeParse({ variantId: VARIANT, mode: "always", ...blank, cap: value });
    const batch = BatchSchema.safeParse({ variantId: VARIANT, quantity: value, expectedOn: "2027-01-15", receivedOn: "", supplier: "" });
    const bulk = BulkActionSchema.safeParse({ intent: "lead-time", variantIds: [VARIANT], leadTimeDays: value });

    // THEN each form refuses it on the field
    expect(fieldErrors(settings.error!)).toEqual({ cap: "products.error.cap" });
    expect(fieldErrors(batch.error!)).toEqual({ quantity: "products.error.quantity" });
    expect(fieldErrors(bulk.error!)).toEqual({ leadTimeDays: "products.error.leadTime" });
  });

  it("refuses an arrival in year 9999 and a received date in the future", () => {
    // GIVEN a batch expected on 9999-12-31 and marked received tomorrow
    const result = BatchSchema.safeParse({ variantId: VARIANT, quantity: "5", expectedOn: "9999-12-31", receivedOn: "2026-11-28", supplier: "" });

    // THEN both dates are refused with their own message
    expect(fieldErrors(result.error!)).toEqual({ expectedOn: "products.error.expectedRange", receivedOn: "products.error.receivedRange" });
  });

  it("refuses a selling window ending in year 9999", () => {
    // GIVEN a window ending on 9999-12-31 / WHEN parsed / THEN the end date is refused
    const result = VariantSettingsSchema.safeParse({ variantId: VARIANT, mode: "always", ...blank, endsOn: "9999-12-31" });
    expect(fieldErrors(result.error!)).toEqual({ endsOn: "products.error.windowRange" });
  });

  it("reads the version and the submission key, refusing malformed ones", () => {
    // GIVEN a batch form with a version and a key, and one with garbage in both
    const good = BatchSchema.parse({ variantId: VARIANT, version: "3", submissionKey: "k_0123456789", quantity: "5", expectedOn: "2027-01-15", receivedOn: "", supplier: "" });
    const bad = BatchSchema.safeParse({ variantId: VARIANT, version: "1e2", submissionKey: "<script>", quantity: "5", expectedOn: "2027-01-15", receivedOn: "", supplier: "" });

    // THEN the good one is typed and the bad one names both fields
    expect(good).toMatchObject({ version: 3, submissionKey: "k_0123456789" });
    expect(fieldErrors(bad.error!)).toEqual({ version: "products.error.version", submissionKey: "products.error.submissionKey" });
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

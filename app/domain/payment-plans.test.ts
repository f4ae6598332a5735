import { describe, expect, it } from "vitest";
import {
  DEFAULT_PAYMENT_TEXTS,
  balanceChargeInstant,
  effectiveOption,
  fromColumns,
  optionKey,
  paymentOptionProblems,
  planName,
  sellingPlanGroupSpec,
  summaryPayment,
  toColumns,
  type PaymentOption,
} from "./payment-plans";

const TODAY = "2026-12-02";
const DEPOSIT_20: PaymentOption = { kind: "deposit", checkout: { type: "percentage", percent: 20 }, balance: { trigger: "on_ready" } };
const DEPOSIT_EUR_10_ON_DATE: PaymentOption = {
  kind: "deposit",
  checkout: { type: "price", amountMinor: 1000, currency: "EUR" },
  balance: { trigger: "on_date", dueOn: "2027-01-15" },
};
const PAY_LATER: PaymentOption = { kind: "pay_later", balance: { trigger: "on_ready" } };

describe("paymentOptionProblems", () => {
  it("accepts a 20% deposit, a €10 deposit due on a later date and pay later", () => {
    // GIVEN three valid options WHEN checked THEN none has a problem
    for (const option of [DEPOSIT_20, DEPOSIT_EUR_10_ON_DATE, PAY_LATER]) expect(paymentOptionProblems(option, { today: TODAY })).toEqual({});
  });

  it("refuses a percentage outside 1–99 or not whole", () => {
    // GIVEN deposits of 0 %, 100 % and 12.5 %
    for (const percent of [0, 100, 12.5]) {
      const option: PaymentOption = { kind: "deposit", checkout: { type: "percentage", percent }, balance: { trigger: "on_ready" } };
      // WHEN checked THEN the percentage field is refused
      expect(paymentOptionProblems(option, { today: TODAY })).toEqual({ checkoutPercent: "percent_range" });
    }
  });

  it("refuses a fixed amount of zero, and one not below the variant's price", () => {
    // GIVEN a zero deposit, and a €10 deposit on a €10 variant
    const zero: PaymentOption = { kind: "deposit", checkout: { type: "price", amountMinor: 0, currency: "EUR" }, balance: { trigger: "on_ready" } };
    // WHEN checked THEN the amount field is refused with the reason
    expect(paymentOptionProblems(zero, { today: TODAY })).toEqual({ checkoutAmount: "amount_range" });
    expect(paymentOptionProblems(DEPOSIT_EUR_10_ON_DATE, { today: TODAY, priceMinor: 1000 })).toEqual({ checkoutAmount: "amount_not_below_price" });
    expect(paymentOptionProblems(DEPOSIT_EUR_10_ON_DATE, { today: TODAY, priceMinor: 1001 })).toEqual({});
  });

  it("refuses a balance date that is today, in the past, not a date or over three years ahead", () => {
    const on = (dueOn: string): PaymentOption => ({ kind: "pay_later", balance: { trigger: "on_date", dueOn } });
    // GIVEN balance dates around today WHEN checked THEN each gets its reason
    expect(paymentOptionProblems(on(TODAY), { today: TODAY })).toEqual({ balanceDueOn: "due_on_past" });
    expect(paymentOptionProblems(on("2026-11-30"), { today: TODAY })).toEqual({ balanceDueOn: "due_on_past" });
    expect(paymentOptionProblems(on("2027-02-30"), { today: TODAY })).toEqual({ balanceDueOn: "due_on_invalid" });
    expect(paymentOptionProblems(on("2030-01-01"), { today: TODAY })).toEqual({ balanceDueOn: "due_on_too_far" });
    expect(paymentOptionProblems(on("2026-12-03"), { today: TODAY })).toEqual({});
  });
});

describe("optionKey", () => {
  it("gives one key per distinct option, whatever the texts", () => {
    // GIVEN options WHEN keyed THEN equal options share a key and different ones do not
    expect(optionKey(DEPOSIT_20)).toBe("deposit:percentage:20:on_ready");
    expect(optionKey({ ...DEPOSIT_20 })).toBe(optionKey(DEPOSIT_20));
    expect(optionKey(DEPOSIT_EUR_10_ON_DATE)).toBe("deposit:price:EUR:1000:on_date:2027-01-15");
    expect(optionKey(PAY_LATER)).toBe("pay_later:on_ready");
    expect(optionKey({ kind: "full" })).toBe("full");
    expect(new Set([DEPOSIT_20, DEPOSIT_EUR_10_ON_DATE, PAY_LATER, { kind: "full" } as const].map(optionKey)).size).toBe(4);
  });
});

describe("effectiveOption", () => {
  it("uses the shop default when the variant has none, and full payment when the variant does not backorder", () => {
    // GIVEN a shop default of a 20% deposit
    // WHEN a variant follows the default THEN it gets the deposit; WHEN its backorders are off THEN full payment
    expect(effectiveOption({ choice: { kind: "default" }, shopDefault: DEPOSIT_20, backorders: true, today: TODAY })).toEqual(DEPOSIT_20);
    expect(effectiveOption({ choice: null, shopDefault: DEPOSIT_20, backorders: true, today: TODAY })).toEqual(DEPOSIT_20);
    expect(effectiveOption({ choice: PAY_LATER, shopDefault: DEPOSIT_20, backorders: true, today: TODAY })).toEqual(PAY_LATER);
    expect(effectiveOption({ choice: PAY_LATER, shopDefault: DEPOSIT_20, backorders: false, today: TODAY })).toEqual({ kind: "full" });
  });

  it("falls back to full payment once the balance date is no longer in the future", () => {
    // GIVEN a deposit whose balance is due on 15 January 2027
    // WHEN that day comes THEN the variant sells with full payment
    expect(effectiveOption({ choice: DEPOSIT_EUR_10_ON_DATE, shopDefault: { kind: "full" }, backorders: true, today: "2027-01-14" })).toEqual(DEPOSIT_EUR_10_ON_DATE);
    expect(effectiveOption({ choice: DEPOSIT_EUR_10_ON_DATE, shopDefault: { kind: "full" }, backorders: true, today: "2027-01-15" })).toEqual({ kind: "full" });
  });
});

describe("planName", () => {
  it("says what is charged now and when the rest is, in English and French", () => {
    // GIVEN the default texts WHEN naming plans THEN the names state the charge and the balance
    expect(planName(DEPOSIT_20, DEFAULT_PAYMENT_TEXTS.en, "en")).toBe("Backorder: pay 20% now, the rest when it ships");
    expect(planName(DEPOSIT_20, DEFAULT_PAYMENT_TEXTS.fr, "fr")).toBe("Précommande : payez 20 % maintenant, le reste à l'expédition");
    expect(planName(DEPOSIT_EUR_10_ON_DATE, DEFAULT_PAYMENT_TEXTS.en, "en")).toBe("Backorder: pay €10.00 now, the rest on 15 Jan 2027");
    expect(planName(PAY_LATER, DEFAULT_PAYMENT_TEXTS.fr, "fr")).toBe("Précommande : rien à payer maintenant, le prix total à l'expédition");
  });
});

describe("sellingPlanGroupSpec", () => {
  const context = { texts: DEFAULT_PAYMENT_TEXTS.en, locale: "en" as const, timeZone: "Europe/Paris" };

  it("makes a 20% deposit a PRE_ORDER plan charging 20% at checkout and the balance on fulfillment", () => {
    // GIVEN a 20% deposit, balance when ready WHEN turned into a selling plan group
    const spec = sellingPlanGroupSpec(DEPOSIT_20, context);
    // THEN its one plan has the fixed billing, delivery and inventory policies of a backorder
    expect(spec.appId).toBe("backorder-pilot");
    expect(spec.plan.category).toBe("PRE_ORDER");
    expect(spec.plan.billingPolicy).toEqual({
      fixed: { checkoutCharge: { type: "PERCENTAGE", value: { percentage: 20 } }, remainingBalanceChargeTrigger: "ON_FULFILLMENT" },
    });
    expect(spec.plan.deliveryPolicy).toEqual({ fixed: { fulfillmentTrigger: "UNKNOWN" } });
    expect(spec.plan.inventoryPolicy).toEqual({ reserve: "ON_SALE" });
    expect(spec.plan.options).toEqual([spec.plan.name]);
    expect(spec.options).toHaveLength(1);
  });

  it("charges a fixed deposit as a price and the balance at 09:00 shop time on its date", () => {
    // GIVEN a €10 deposit with the balance on 15 January 2027 in Paris (UTC+1 in winter)
    const spec = sellingPlanGroupSpec(DEPOSIT_EUR_10_ON_DATE, context);
    // THEN checkout takes 10.00 and the balance is charged at an exact time
    expect(spec.plan.billingPolicy.fixed).toEqual({
      checkoutCharge: { type: "PRICE", value: { fixedValue: "10.00" } },
      remainingBalanceChargeTrigger: "EXACT_TIME",
      remainingBalanceChargeExactTime: "2027-01-15T08:00:00.000Z",
    });
  });

  it("makes pay later a 0% checkout charge", () => {
    // GIVEN pay later WHEN turned into a plan THEN checkout charges 0 %
    expect(sellingPlanGroupSpec(PAY_LATER, context).plan.billingPolicy.fixed.checkoutCharge).toEqual({ type: "PERCENTAGE", value: { percentage: 0 } });
  });
});

describe("balanceChargeInstant", () => {
  it("follows the shop's timezone, summer time included", () => {
    // GIVEN dates in New York and in Paris summer time WHEN converted THEN 09:00 local in UTC
    expect(balanceChargeInstant("2027-07-01", "Europe/Paris")).toBe("2027-07-01T07:00:00.000Z");
    expect(balanceChargeInstant("2027-01-15", "America/New_York")).toBe("2027-01-15T14:00:00.000Z");
  });
});

describe("summaryPayment", () => {
  it("carries the numeric plan id, the checkout charge and the balance trigger", () => {
    // GIVEN options attached to plan 4938473 WHEN summarised THEN the storefront part matches the summary format
    expect(summaryPayment(DEPOSIT_20, "gid://shopify/SellingPlan/4938473")).toEqual({
      kind: "deposit",
      sellingPlanId: "4938473",
      checkout: { type: "percentage", value: 20 },
      balance: { trigger: "on_ready" },
    });
    expect(summaryPayment(DEPOSIT_EUR_10_ON_DATE, "gid://shopify/SellingPlan/7")).toEqual({
      kind: "deposit",
      sellingPlanId: "7",
      checkout: { type: "price", amount: "10.00" },
      balance: { trigger: "on_date", dueOn: "2027-01-15" },
    });
    expect(summaryPayment(PAY_LATER, "gid://shopify/SellingPlan/8")?.checkout).toEqual({ type: "percentage", value: 0 });
    expect(summaryPayment({ kind: "full" }, "gid://shopify/SellingPlan/8")).toBeNull();
  });
});

describe("toColumns / fromColumns", () => {
  it("round-trips every kind of option, and reads a corrupt row as unknown", () => {
    // GIVEN options WHEN stored and read back THEN they are unchanged
    for (const option of [DEPOSIT_20, DEPOSIT_EUR_10_ON_DATE, PAY_LATER, { kind: "full" } as const, { kind: "default" } as const]) {
      expect(fromColumns(toColumns(option))).toEqual(option);
    }
    // AND a deposit row without its percentage is not an option
    expect(fromColumns({ ...toColumns(DEPOSIT_20), checkoutPercent: null })).toBeNull();
  });
});

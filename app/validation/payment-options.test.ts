import { describe, expect, it } from "vitest";
import { DEFAULT_PAYMENT_TEXTS } from "~/domain/payment-plans";
import { parsePaymentChoice, parsePaymentTexts } from "./payment-options";

const context = { allowDefault: true, today: "2026-12-02", currency: "EUR", priceMinor: 4800 };

describe("parsePaymentChoice", () => {
  it("reads a percentage deposit, a fixed deposit with a comma, pay later on a date and the shop default", () => {
    // GIVEN form fields WHEN parsed THEN each becomes its option
    expect(parsePaymentChoice({ paymentKind: "deposit", checkoutType: "percentage", checkoutPercent: "20", balanceTrigger: "on_ready" }, context)).toEqual({
      ok: true,
      choice: { kind: "deposit", checkout: { type: "percentage", percent: 20 }, balance: { trigger: "on_ready" } },
    });
    expect(parsePaymentChoice({ paymentKind: "deposit", checkoutType: "price", checkoutAmount: "10,50", balanceTrigger: "on_ready" }, context)).toEqual({
      ok: true,
      choice: { kind: "deposit", checkout: { type: "price", amountMinor: 1050, currency: "EUR" }, balance: { trigger: "on_ready" } },
    });
    expect(parsePaymentChoice({ paymentKind: "pay_later", balanceTrigger: "on_date", balanceDueOn: "2027-01-15" }, context)).toEqual({
      ok: true,
      choice: { kind: "pay_later", balance: { trigger: "on_date", dueOn: "2027-01-15" } },
    });
    expect(parsePaymentChoice({ paymentKind: "default" }, context)).toEqual({ ok: true, choice: { kind: "default" } });
  });

  it("refuses the shop default where there is none to follow, and malformed numbers and dates", () => {
    // GIVEN bad fields WHEN parsed THEN each error names its field
    expect(parsePaymentChoice({ paymentKind: "default" }, { ...context, allowDefault: false })).toEqual({ ok: false, errors: { paymentKind: "payments.error.kind" } });
    expect(parsePaymentChoice({ paymentKind: "deposit", checkoutType: "percentage", checkoutPercent: "1e1", balanceTrigger: "on_ready" }, context)).toEqual({
      ok: false,
      errors: { checkoutPercent: "payments.error.percent" },
    });
    expect(parsePaymentChoice({ paymentKind: "deposit", checkoutType: "price", checkoutAmount: "10.505", balanceTrigger: "on_ready" }, context)).toEqual({
      ok: false,
      errors: { checkoutAmount: "payments.error.amount" },
    });
    expect(parsePaymentChoice({ paymentKind: "pay_later", balanceTrigger: "on_date", balanceDueOn: "" }, context)).toEqual({
      ok: false,
      errors: { balanceDueOn: "payments.error.dueOnRequired" },
    });
    expect(parsePaymentChoice({ paymentKind: "pay_later", balanceTrigger: "someday" }, context)).toEqual({ ok: false, errors: { balanceTrigger: "payments.error.trigger" } });
  });
});

describe("parsePaymentTexts", () => {
  const fields = (texts = DEFAULT_PAYMENT_TEXTS) =>
    Object.fromEntries((["en", "fr"] as const).flatMap((l) => Object.entries(texts[l]).map(([k, v]) => [`texts.${l}.${k}`, v])));

  it("accepts the default texts", () => {
    // GIVEN the defaults WHEN parsed THEN they come back as they are
    expect(parsePaymentTexts(fields())).toEqual({ ok: true, texts: DEFAULT_PAYMENT_TEXTS });
  });

  it("refuses a blank text, a text over 200 characters and a name without its placeholders", () => {
    // GIVEN texts with one problem each WHEN parsed THEN each field gets its reason
    const result = parsePaymentTexts({
      ...fields(),
      "texts.en.payLater": "Pay later",
      "texts.fr.balanceOnDate": "bientôt",
      "texts.fr.description": "",
      "texts.en.description": "x".repeat(201),
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        "texts.en.payLater": "payments.error.placeholders.payLater",
        "texts.en.description": "payments.error.textTooLong",
        "texts.fr.balanceOnDate": "payments.error.placeholders.balanceOnDate",
        "texts.fr.description": "payments.error.textRequired",
      },
    });
  });
});

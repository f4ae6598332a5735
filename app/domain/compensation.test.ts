import { describe, expect, it } from "vitest";
import {
  DEFAULT_COMPENSATION_POLICY,
  checkOffer,
  defaultOffer,
  discountCodeFor,
  formatOfferValue,
  minorToDecimal,
  parseMoneyMinor,
  proposedOffer,
  type CompensationPolicy,
} from "./compensation";

const policy: CompensationPolicy = { ...DEFAULT_COMPENSATION_POLICY, maxPercent: 15, maxAmountMinor: 2_000, maxStoreCreditMinor: 3_000 };

describe("checkOffer", () => {
  it("accepts offers up to the shop's limits, inclusive", () => {
    // GIVEN limits of 15 %, 20.00 off and 30.00 of store credit
    // WHEN offers sit exactly on them THEN they are allowed
    expect(checkOffer({ kind: "discount_percentage", percentage: 15, expiryDays: 30 }, policy)).toBeNull();
    expect(checkOffer({ kind: "discount_amount", amountMinor: 2_000, expiryDays: 30 }, policy)).toBeNull();
    expect(checkOffer({ kind: "store_credit", amountMinor: 3_000, expiryDays: 30 }, policy)).toBeNull();
    expect(checkOffer({ kind: "gift_note", note: "A free tea towel" }, policy)).toBeNull();
  });

  it("refuses an offer above its kind's limit, naming the field and the limit", () => {
    // GIVEN the same limits WHEN an offer goes one step over THEN the problem names the field and limit
    expect(checkOffer({ kind: "discount_percentage", percentage: 16, expiryDays: 30 }, policy)).toEqual({ field: "percentage", problem: "above_limit", limit: 15 });
    expect(checkOffer({ kind: "discount_amount", amountMinor: 2_001, expiryDays: 30 }, policy)).toEqual({ field: "amount", problem: "above_limit", limitMinor: 2_000 });
    // AND store credit has its own limit (above the discount's here)
    expect(checkOffer({ kind: "store_credit", amountMinor: 2_500, expiryDays: 30 }, policy)).toBeNull();
    expect(checkOffer({ kind: "store_credit", amountMinor: 3_001, expiryDays: 30 }, policy)).toEqual({ field: "amount", problem: "above_limit", limitMinor: 3_000 });
  });
});

describe("proposedOffer", () => {
  const on = { ...policy, proposeEnabled: true, proposeAfterDays: 7 };

  it("proposes the default offer once an open, uncompensated order is N days late", () => {
    // GIVEN the rule "offer 10% when late by 7 days or more"
    // WHEN the order is 7 days late THEN the default offer is proposed; at 6 days nothing is
    expect(proposedOffer({ daysLate: 7, compensated: false, open: true }, on)).toEqual({ kind: "discount_percentage", percentage: 10, expiryDays: 30 });
    expect(proposedOffer({ daysLate: 6, compensated: false, open: true }, on)).toBeNull();
  });

  it("proposes nothing when the rule is off, the order was compensated, or it is no longer open", () => {
    expect(proposedOffer({ daysLate: 30, compensated: false, open: true }, { ...on, proposeEnabled: false })).toBeNull();
    expect(proposedOffer({ daysLate: 30, compensated: true, open: true }, on)).toBeNull();
    expect(proposedOffer({ daysLate: 30, compensated: false, open: false }, on)).toBeNull();
  });

  it("never proposes more than the shop allows, even when the default is above a lowered limit", () => {
    // GIVEN a default of 10 % and a limit lowered to 5 % WHEN the rule proposes THEN it proposes 5 %
    expect(proposedOffer({ daysLate: 9, compensated: false, open: true }, { ...on, maxPercent: 5 })).toMatchObject({ percentage: 5 });
    expect(defaultOffer({ ...policy, defaultKind: "store_credit", defaultAmountMinor: 9_999 })).toEqual({ kind: "store_credit", amountMinor: 3_000, expiryDays: 30 });
  });
});

describe("money", () => {
  it.each([
    ["12", 1_200],
    ["12.5", 1_250],
    ["12,50", 1_250],
    [" 0.01 ", 1],
  ])("reads %j as %i minor units", (text, minor) => {
    expect(parseMoneyMinor(text)).toBe(minor);
  });

  it.each(["", "-5", "1e3", "12.345", "0x10", "12.", "abc", "1 000"])("refuses %j", (text) => {
    expect(parseMoneyMinor(text)).toBeNull();
  });

  it("writes minor units as Shopify's decimals and formats offers in the customer's language", () => {
    expect(minorToDecimal(1_250)).toBe("12.50");
    expect(minorToDecimal(5)).toBe("0.05");
    expect(formatOfferValue({ kind: "discount_percentage", percentage: 10, expiryDays: 30 }, "en", "EUR")).toBe("10%");
    expect(formatOfferValue({ kind: "discount_percentage", percentage: 10, expiryDays: 30 }, "fr", "EUR")).toBe("10\u00a0%");
    expect(formatOfferValue({ kind: "store_credit", amountMinor: 1_500, expiryDays: 30 }, "en-US", "USD")).toBe("$15.00");
    expect(formatOfferValue({ kind: "discount_amount", amountMinor: 1_500, expiryDays: 30 }, "fr", "EUR")).toBe("15,00\u00a0€");
  });
});

describe("discountCodeFor", () => {
  it("names the order and adds six unambiguous random characters", () => {
    // GIVEN fixed random bytes WHEN a code is made for order #1004 THEN it reads SORRY-1004-<6 chars>
    const code = discountCodeFor("#1004", (size) => new Uint8Array(size).map((_, i) => i * 7));
    expect(code).toMatch(/^SORRY-1004-[A-HJKMNP-Z2-9]{6}$/);
    // AND different bytes give a different code
    expect(discountCodeFor("#1004", (size) => new Uint8Array(size).fill(3))).not.toBe(code);
  });
});

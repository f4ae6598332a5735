// Compensating a customer for the wait (support desk): what can be offered, the shop's limits on it, and
// the rule that *proposes* (never sends) the shop's default offer once an order is N days late.
//
// Money is held in minor units (cents) with two decimals, the shop's currency; percentages are whole.
// Pure: no framework, no I/O (ADR 005).

export const COMPENSATION_KINDS = ["discount_percentage", "discount_amount", "store_credit", "gift_note"] as const;
export type CompensationKind = (typeof COMPENSATION_KINDS)[number];
/** The kinds that email the customer (a gift note is recorded on the Shopify order only). */
export const EMAILED_KINDS: readonly CompensationKind[] = ["discount_percentage", "discount_amount", "store_credit"];

export const COMPENSATION_BOUNDS = {
  percent: { min: 1, max: 100 },
  /** 0.01 … 100,000.00 in the shop's currency. */
  amountMinor: { min: 1, max: 10_000_000 },
  expiryDays: { min: 1, max: 365 },
  proposeAfterDays: { min: 1, max: 365 },
  noteLength: 500,
} as const;

/** Shop settings: the default offer, the limits any offer must stay within, and the proposal rule. */
export interface CompensationPolicy {
  defaultKind: CompensationKind;
  defaultPercent: number;
  /** Default fixed discount and store credit, minor units. */
  defaultAmountMinor: number;
  /** Days a code or store credit stays valid. */
  expiryDays: number;
  maxPercent: number;
  /** Largest fixed-amount discount, minor units. */
  maxAmountMinor: number;
  /** Largest store credit, minor units. */
  maxStoreCreditMinor: number;
  /** Propose the default offer on orders late by at least `proposeAfterDays` (off by default). */
  proposeEnabled: boolean;
  proposeAfterDays: number;
}

export const DEFAULT_COMPENSATION_POLICY: CompensationPolicy = {
  defaultKind: "discount_percentage",
  defaultPercent: 10,
  defaultAmountMinor: 1_000,
  expiryDays: 30,
  maxPercent: 20,
  maxAmountMinor: 5_000,
  maxStoreCreditMinor: 5_000,
  proposeEnabled: false,
  proposeAfterDays: 7,
};

export type Offer =
  | { kind: "discount_percentage"; percentage: number; expiryDays: number }
  | { kind: "discount_amount"; amountMinor: number; expiryDays: number }
  | { kind: "store_credit"; amountMinor: number; expiryDays: number }
  | { kind: "gift_note"; note: string };

export type OfferProblem =
  | { field: "percentage"; problem: "above_limit"; limit: number }
  | { field: "amount"; problem: "above_limit"; limitMinor: number }
  | { field: "expiryDays"; problem: "above_limit"; limit: number };

/** The first limit the offer breaks, or null when the shop allows it. Bounds of the fields are the form's job. */
export function checkOffer(offer: Offer, policy: CompensationPolicy): OfferProblem | null {
  switch (offer.kind) {
    case "discount_percentage":
      if (offer.percentage > policy.maxPercent) return { field: "percentage", problem: "above_limit", limit: policy.maxPercent };
      break;
    case "discount_amount":
      if (offer.amountMinor > policy.maxAmountMinor) return { field: "amount", problem: "above_limit", limitMinor: policy.maxAmountMinor };
      break;
    case "store_credit":
      if (offer.amountMinor > policy.maxStoreCreditMinor) return { field: "amount", problem: "above_limit", limitMinor: policy.maxStoreCreditMinor };
      break;
    case "gift_note":
      return null;
  }
  if (offer.expiryDays > COMPENSATION_BOUNDS.expiryDays.max) return { field: "expiryDays", problem: "above_limit", limit: COMPENSATION_BOUNDS.expiryDays.max };
  return null;
}

/** The shop's default offer (a gift note's text is the support person's to write: empty). */
export function defaultOffer(policy: CompensationPolicy): Offer {
  switch (policy.defaultKind) {
    case "discount_percentage":
      return { kind: "discount_percentage", percentage: Math.min(policy.defaultPercent, policy.maxPercent), expiryDays: policy.expiryDays };
    case "discount_amount":
      return { kind: "discount_amount", amountMinor: Math.min(policy.defaultAmountMinor, policy.maxAmountMinor), expiryDays: policy.expiryDays };
    case "store_credit":
      return { kind: "store_credit", amountMinor: Math.min(policy.defaultAmountMinor, policy.maxStoreCreditMinor), expiryDays: policy.expiryDays };
    case "gift_note":
      return { kind: "gift_note", note: "" };
  }
}

export interface ProposalInput {
  /** Days the order's latest current estimate is past its promise (the support case's stored column). */
  daysLate: number;
  /** The case was compensated already. */
  compensated: boolean;
  /** Still owed something and not resolved by staff. */
  open: boolean;
}

/**
 * The offer to propose on an order, or null. Proposed only when the shop turned the rule on, the order is
 * open, at least `proposeAfterDays` late and not compensated yet; a proposal is never sent by itself.
 */
export function proposedOffer(input: ProposalInput, policy: CompensationPolicy): Offer | null {
  if (!policy.proposeEnabled || !input.open || input.compensated) return null;
  if (input.daysLate < policy.proposeAfterDays) return null;
  return defaultOffer(policy);
}

// ---- money --------------------------------------------------------------------------------------------

const MONEY_RE = /^(\d{1,9})(?:[.,](\d{1,2}))?$/;

/** "12", "12.5", "12,50" → minor units (1250); anything else (signs, exponents, 3 decimals) → null. */
export function parseMoneyMinor(text: string): number | null {
  const match = MONEY_RE.exec(text.trim());
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** Minor units → the decimal Shopify's Money and Decimal inputs take ("12.50"). */
export function minorToDecimal(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** The offer as a customer reads it, in their language: "10%", "10 %", "$15.00", "15,00 €". */
export function formatOfferValue(offer: Exclude<Offer, { kind: "gift_note" }>, locale: string, currencyCode: string): string {
  if (offer.kind === "discount_percentage") return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(offer.percentage / 100);
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode }).format(offer.amountMinor / 100);
  } catch {
    return `${minorToDecimal(offer.amountMinor)} ${currencyCode}`;
  }
}

// ---- codes --------------------------------------------------------------------------------------------

/** No 0/O, 1/I/L: a code read aloud on the phone or copied by hand still works. */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/**
 * A readable single-use code for the order, e.g. "SORRY-1004-K7M2QX": the order number says what it is for,
 * six random characters (31^6 ≈ 887 million) make it unguessable and unique. `random` gives bytes.
 */
export function discountCodeFor(orderName: string, random: (size: number) => Uint8Array): string {
  const number = orderName.replace(/[^0-9A-Za-z]/g, "").toUpperCase().slice(0, 12);
  const suffix = [...random(6)].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join("");
  return number ? `SORRY-${number}-${suffix}` : `SORRY-${suffix}`;
}

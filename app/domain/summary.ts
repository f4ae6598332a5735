// The ETA summary of one variant: the small JSON the app writes to the variant's `$app:backorder.eta`
// metafield and the theme app block renders in Liquid (the product page never calls our server).
//
// Format, version 1 (`v`). Liquid reads it as `metafield.value.<key>`; keys are short but readable.
//   {
//     "v": 1,                     format version; the block ignores versions it does not know
//     "mode": "always",           "always" | "when_sold_out" (no summary exists for "off")
//     "backorder": true,          the next unit sold is a backorder: Shopify keeps selling (CONTINUE) and
//                                 there is no stock left (available ≤ 0)
//     "maxQty": 12,               most units one order may hold now without passing the cap; null = no limit
//     "next": {                   range for an order placed now, for each delivery mode the shop enabled
//       "standard": { "earliest": "2026-12-08", "latest": "2026-12-15" },
//       "express":  { "earliest": "2026-12-07", "latest": "2026-12-09" },
//       "pickup":   { "earliest": "2026-12-04", "latest": "2026-12-04" }   (ready for pickup)
//     },
//     "confidence": "low",        "high" (from stock) | "medium" (batch with lateness history) | "low"
//     "source": "lead_time",      where that date comes from: "stock" | "batch" | "capacity" | "lead_time"
//                                 (added within v1: older summaries lack it and readers fall back on confidence)
//     "message": { "en": "…", "fr": "…" },   the merchant's own text for this variant; omitted when none
//     "payment": {                how a backorder is paid (issue 15, PRE_ORDER selling plans); omitted = all at checkout
//       "kind": "deposit",        "deposit" (part now, the balance later) | "pay_later" (nothing at checkout)
//       "sellingPlanId": "4938473",   the numeric SellingPlan id the product form posts as `selling_plan`
//       "checkout": { "type": "percentage", "value": 20 }   charged at checkout: a percentage of the price, or
//                   { "type": "price", "amount": "10.00" }  a fixed amount in the shop's currency (pay_later: 0 %)
//       "balance": { "trigger": "on_ready" }                 the rest is charged when the goods are ready to ship,
//                  { "trigger": "on_date", "dueOn": "2027-01-15" }   or on a date (shop-local)
//     },
//     "termsVersion": 3,          which pre-purchase terms apply (the block shows the shop's terms)
//     "computedAt": "2026-11-27T10:30:00.000Z"
//   }
// Dates are shop-local calendar dates ("YYYY-MM-DD"), compared as strings. Modes the shop disabled are
// absent from `next`. Bump SUMMARY_VERSION on any change a v1 reader would misread.
import type { BackorderMode, PolicyDecision } from "./policy";
import { DELIVERY_MODES, type Confidence, type DeliveryMode, type IsoDate, type SupplySource, type VariantEta } from "./types";

export const SUMMARY_VERSION = 1;

export interface SummaryRange {
  earliest: IsoDate;
  latest: IsoDate;
}

/** What a shopper pays when for a backorder bought through the app's PRE_ORDER selling plan (see the header). */
export interface SummaryPayment {
  kind: "deposit" | "pay_later";
  sellingPlanId: string;
  checkout: { type: "percentage"; value: number } | { type: "price"; amount: string };
  balance: { trigger: "on_ready" } | { trigger: "on_date"; dueOn: IsoDate };
}

export interface VariantSummary {
  v: typeof SUMMARY_VERSION;
  mode: Exclude<BackorderMode, "off">;
  backorder: boolean;
  maxQty: number | null;
  next: Partial<Record<DeliveryMode, SummaryRange>>;
  confidence: Confidence;
  source?: SupplySource["kind"];
  message?: { en?: string; fr?: string };
  payment?: SummaryPayment;
  termsVersion: number;
  computedAt: string;
}

export interface SummaryInput {
  mode: BackorderMode;
  /** Shopify available quantity (negative = units owed). */
  available: number;
  eta: VariantEta;
  decision: PolicyDecision;
  /** Delivery modes the shop offers, in any order. */
  enabledModes: readonly DeliveryMode[];
  termsVersion: number;
  /** Per-variant message overrides; blank ones are dropped. */
  messages?: { en?: string | null; fr?: string | null } | null;
  /** The variant's backorder payment plan when it is not "all at checkout" (shown only while it backorders). */
  payment?: SummaryPayment | null;
  now: Date;
}

/** The summary to publish, or null when the variant is not managed (mode "off": nothing to show). */
export function buildVariantSummary(input: SummaryInput): VariantSummary | null {
  if (input.mode === "off") return null;
  if (!Number.isInteger(input.termsVersion) || input.termsVersion < 0) {
    throw new RangeError(`termsVersion must be a whole number ≥ 0, got ${input.termsVersion}`);
  }
  const enabled = new Set(input.enabledModes);
  const next: Partial<Record<DeliveryMode, SummaryRange>> = {};
  for (const mode of DELIVERY_MODES) {
    if (!enabled.has(mode)) continue;
    const eta = input.eta.next[mode];
    next[mode] = { earliest: eta.earliest, latest: eta.latest };
  }
  // Every mode of the next order draws on the same supply, hence the same confidence.
  const firstMode = DELIVERY_MODES.find((m) => enabled.has(m)) ?? "standard";
  const summary: VariantSummary = {
    v: SUMMARY_VERSION,
    mode: input.mode,
    backorder: input.decision.policy === "CONTINUE" && input.available <= 0,
    maxQty: input.decision.maxOrderQuantity,
    next,
    confidence: input.eta.next[firstMode].confidence,
    source: input.eta.next[firstMode].source.kind,
    termsVersion: input.termsVersion,
    computedAt: input.now.toISOString(),
  };
  const en = input.messages?.en?.trim();
  const fr = input.messages?.fr?.trim();
  if (en || fr) summary.message = { ...(en ? { en } : {}), ...(fr ? { fr } : {}) };
  if (input.payment) summary.payment = input.payment;
  return summary;
}

/** The metafield value: compact JSON with a fixed key order (so equal summaries are equal strings). */
export function serializeSummary(summary: VariantSummary): string {
  const ordered: Record<string, unknown> = {
    v: summary.v,
    mode: summary.mode,
    backorder: summary.backorder,
    maxQty: summary.maxQty,
    next: Object.fromEntries(
      DELIVERY_MODES.flatMap((m) => {
        const range = summary.next[m];
        return range ? [[m, { earliest: range.earliest, latest: range.latest }]] : [];
      }),
    ),
    confidence: summary.confidence,
  };
  if (summary.source) ordered.source = summary.source;
  if (summary.message) {
    ordered.message = {
      ...(summary.message.en !== undefined ? { en: summary.message.en } : {}),
      ...(summary.message.fr !== undefined ? { fr: summary.message.fr } : {}),
    };
  }
  if (summary.payment) {
    const { kind, sellingPlanId, checkout, balance } = summary.payment;
    ordered.payment = {
      kind,
      sellingPlanId,
      checkout: checkout.type === "percentage" ? { type: checkout.type, value: checkout.value } : { type: checkout.type, amount: checkout.amount },
      balance: balance.trigger === "on_date" ? { trigger: balance.trigger, dueOn: balance.dueOn } : { trigger: balance.trigger },
    };
  }
  ordered.termsVersion = summary.termsVersion;
  ordered.computedAt = summary.computedAt;
  return JSON.stringify(ordered);
}

/**
 * True when two serialized summaries tell the shopper the same thing: everything but `computedAt` is
 * equal. Used to skip metafield writes that would change nothing visible.
 */
export function sameSummary(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return a == b;
  return stripComputedAt(a) === stripComputedAt(b);
}

function stripComputedAt(json: string): string {
  try {
    const parsed = JSON.parse(json) as Record<string, unknown>;
    delete parsed.computedAt;
    return JSON.stringify(parsed);
  } catch {
    return json;
  }
}

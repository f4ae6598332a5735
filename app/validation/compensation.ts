// Compensation inputs (zod): the shop's compensation settings (a Settings section, stored as JSON in
// ShopSettings.compensation) and the order page's "Compensate" form. Messages are admin message keys.
// Amounts are typed as decimals in the shop's currency ("12.50") and held in minor units (1250).
import { z } from "zod";
import {
  COMPENSATION_BOUNDS,
  COMPENSATION_KINDS,
  DEFAULT_COMPENSATION_POLICY,
  parseMoneyMinor,
  type CompensationPolicy,
  type Offer,
} from "~/domain/compensation";
import { parseStrictInt } from "./integer";

export const COMPENSATION_SETTINGS_ERROR_KEYS = [
  "settings.compensation.error.kind",
  "settings.compensation.error.percent",
  "settings.compensation.error.amount",
  "settings.compensation.error.expiryDays",
  "settings.compensation.error.proposeAfterDays",
  "settings.compensation.error.defaultAboveMax",
] as const;

/** A whole number from a form (text) or from storage (number), strictly. */
function int(bounds: { min: number; max: number }, message: string) {
  return z.unknown().transform((value, ctx): number => {
    const number = parseStrictInt(value, bounds);
    if (number === null) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      return z.NEVER;
    }
    return number;
  });
}

/** Minor units from storage (a number) or a decimal typed in a form ("12.50"). */
function money(message: string) {
  return z.unknown().transform((value, ctx): number => {
    const minor = typeof value === "number" ? (Number.isSafeInteger(value) ? value : null) : typeof value === "string" ? parseMoneyMinor(value) : null;
    if (minor === null || minor < COMPENSATION_BOUNDS.amountMinor.min || minor > COMPENSATION_BOUNDS.amountMinor.max) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      return z.NEVER;
    }
    return minor;
  });
}

const checkbox = z.preprocess((value) => value === true || value === "true" || value === "on" || value === "1", z.boolean());

const policyObject = z.object({
  defaultKind: z.enum(COMPENSATION_KINDS, { errorMap: () => ({ message: "settings.compensation.error.kind" }) }),
  defaultPercent: int(COMPENSATION_BOUNDS.percent, "settings.compensation.error.percent"),
  defaultAmountMinor: money("settings.compensation.error.amount"),
  expiryDays: int(COMPENSATION_BOUNDS.expiryDays, "settings.compensation.error.expiryDays"),
  maxPercent: int(COMPENSATION_BOUNDS.percent, "settings.compensation.error.percent"),
  maxAmountMinor: money("settings.compensation.error.amount"),
  maxStoreCreditMinor: money("settings.compensation.error.amount"),
  proposeEnabled: checkbox,
  proposeAfterDays: int(COMPENSATION_BOUNDS.proposeAfterDays, "settings.compensation.error.proposeAfterDays"),
});

/**
 * The shop's compensation settings. Not posted at all (an older client, a stored "{}") → every default.
 * A default above its limit is refused next to the default: the shop would otherwise propose what it forbids.
 */
export const compensationPolicySchema = z.preprocess(
  (value) => (value === undefined || (value !== null && typeof value === "object" && Object.keys(value).length === 0) ? DEFAULT_COMPENSATION_POLICY : value),
  policyObject.superRefine((policy, ctx) => {
    const above = (path: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message: "settings.compensation.error.defaultAboveMax" });
    if (policy.defaultPercent > policy.maxPercent) above("defaultPercent");
    if (policy.defaultKind === "discount_amount" && policy.defaultAmountMinor > policy.maxAmountMinor) above("defaultAmountMinor");
    if (policy.defaultKind === "store_credit" && policy.defaultAmountMinor > policy.maxStoreCreditMinor) above("defaultAmountMinor");
  }),
) as unknown as z.ZodType<CompensationPolicy, z.ZodTypeDef, unknown>;

/** The settings form's flat fields (`compensation.maxPercent`…) → the object the schema reads; undefined when none is posted. */
export function compensationInputFromFormData(form: FormData): Record<string, unknown> | undefined {
  const get = (name: string) => form.get(`compensation.${name}`) ?? undefined;
  if (get("defaultKind") === undefined) return undefined;
  return {
    defaultKind: get("defaultKind"),
    defaultPercent: get("defaultPercent"),
    defaultAmountMinor: get("defaultAmount"),
    expiryDays: get("expiryDays"),
    maxPercent: get("maxPercent"),
    maxAmountMinor: get("maxAmount"),
    maxStoreCreditMinor: get("maxStoreCredit"),
    proposeEnabled: get("proposeEnabled"),
    proposeAfterDays: get("proposeAfterDays"),
  };
}

// ---- the order page's form ----------------------------------------------------------------------------

const version = z.coerce.number({ invalid_type_error: "support.error.version" }).int().positive("support.error.version");
const submissionKey = z.string().trim().min(8).max(100);

/** intent=compensate: kind, then the fields that kind needs (percentage | amount, expiryDays | note). */
export const compensateSchema = z
  .object({
    intent: z.literal("compensate"),
    version,
    submissionKey,
    kind: z.enum(COMPENSATION_KINDS, { errorMap: () => ({ message: "support.compensation.error.kind" }) }),
    percentage: z.string().optional(),
    amount: z.string().optional(),
    expiryDays: z.string().optional(),
    note: z.string().optional(),
  })
  .transform((input, ctx): { intent: "compensate"; version: number; submissionKey: string; offer: Offer } => {
    const fail = (path: string, message: string) => {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
      return z.NEVER;
    };
    const base = { intent: input.intent, version: input.version, submissionKey: input.submissionKey };
    if (input.kind === "gift_note") {
      const note = (input.note ?? "").trim();
      if (!note) return fail("note", "support.compensation.error.noteRequired");
      if (note.length > COMPENSATION_BOUNDS.noteLength) return fail("note", "support.error.tooLong");
      return { ...base, offer: { kind: "gift_note", note } };
    }
    const expiryDays = parseStrictInt(input.expiryDays ?? "", COMPENSATION_BOUNDS.expiryDays);
    if (input.kind === "discount_percentage") {
      const percentage = parseStrictInt(input.percentage ?? "", COMPENSATION_BOUNDS.percent);
      if (percentage === null) return fail("percentage", "support.compensation.error.percent");
      if (expiryDays === null) return fail("expiryDays", "support.compensation.error.expiryDays");
      return { ...base, offer: { kind: "discount_percentage", percentage, expiryDays } };
    }
    const amountMinor = parseMoneyMinor(input.amount ?? "");
    if (amountMinor === null || amountMinor < COMPENSATION_BOUNDS.amountMinor.min || amountMinor > COMPENSATION_BOUNDS.amountMinor.max) {
      return fail("amount", "support.compensation.error.amount");
    }
    if (expiryDays === null) return fail("expiryDays", "support.compensation.error.expiryDays");
    return { ...base, offer: { kind: input.kind, amountMinor, expiryDays } };
  });
export type CompensateInput = z.output<typeof compensateSchema>;

// The shop settings form: one zod schema for the action, the stored JSON columns and the field errors.
// Error messages are i18n keys (app/i18n/messages/settings.ts); the route translates them.
import Holidays from "date-holidays";
import { adminLocale } from "~/i18n/locale";
import { regionNames } from "~/i18n/regions";
import { z } from "zod";
import { DELIVERY_MODES, type DeliveryMode } from "~/domain/types";
import { dateWindows, inWindow, isIsoDate } from "./dates";
import { optionalStrictInt, strictInt } from "./integer";
import { COMPENSATION_SETTINGS_ERROR_KEYS, compensationInputFromFormData, compensationPolicySchema } from "./compensation";
import { FEEDBACK_SETTINGS_ERROR_KEYS, feedbackInputFromFormData, feedbackSettingsSchema } from "./feedback";

export { isIsoDate };

export const MAX_DAYS = 365;
export const MAX_TERMS_LENGTH = 2_000;
export const MAX_CLOSURE_DAYS = 400;
export const TERMS_LOCALES = ["en", "fr"] as const;
export type TermsLocale = (typeof TERMS_LOCALES)[number];
export const TERMS_FIELDS = ["payment", "shipping", "cancellation"] as const;
export type TermsField = (typeof TERMS_FIELDS)[number];
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const MIN_SLIP_DAYS = { min: 1, max: 60 } as const;
export const FULFILLMENT_MODES = ["ship_available", "ship_together"] as const;
export type FulfillmentMode = (typeof FULFILLMENT_MODES)[number];
/** What a customer's "cancel for a refund" answer does: wait for staff approval, or refund at once. */
export const CANCEL_REQUEST_MODES = ["approval", "refund"] as const;
export type CancelRequestMode = (typeof CANCEL_REQUEST_MODES)[number];

export const SETTINGS_ERROR_KEYS = [
  "settings.error.required",
  "settings.error.wholeDays",
  "settings.error.transitOrder",
  "settings.error.cutoff",
  "settings.error.timezone",
  "settings.error.country",
  "settings.error.region",
  "settings.error.workingDays",
  "settings.error.deliveryModes",
  "settings.error.closureDay",
  "settings.error.closureDayRange",
  "settings.error.delayMinSlipDays",
  "settings.error.fulfillmentMode",
  "settings.error.cancelRequests",
  "settings.error.version",
  "settings.error.closureDaysTooMany",
  "settings.error.termsTooLong",
  "settings.error.invalid",
  ...COMPENSATION_SETTINGS_ERROR_KEYS,
  ...FEEDBACK_SETTINGS_ERROR_KEYS,
] as const;
export type SettingsErrorKey = (typeof SETTINGS_ERROR_KEYS)[number];

/** Field path ("deliveryModes.express.transitMaxDays", "closureDays") → error message key. */
export type SettingsFieldErrors = Partial<Record<string, SettingsErrorKey>>;

const CUTOFF_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

// ---- reference data (built once per process) -------------------------------------------------------

let timeZones: ReadonlySet<string> | undefined;
/** IANA zones this runtime supports: `Intl.supportedValuesOf("timeZone")`, plus UTC. */
export function supportedTimeZones(): ReadonlySet<string> {
  timeZones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
  return timeZones;
}

export function isSupportedTimeZone(zone: string): boolean {
  return supportedTimeZones().has(zone);
}

let holidays: Holidays | undefined;
function holidayLibrary(): Holidays {
  holidays ??= new Holidays();
  return holidays;
}

/** ISO country code → name in `language`, for every country date-holidays knows. */
export function holidayCountries(language: string = "en"): Record<string, string> {
  // date-holidays falls back to native names ("Deutschland" in French); ICU has proper translations.
  const names = new Intl.DisplayNames([language], { type: "region", fallback: "none" });
  return Object.fromEntries(
    Object.entries(holidayLibrary().getCountries("en")).map(([code, name]) => [code, names.of(code) ?? name]),
  );
}

/** Subdivision code → name in the admin's language, for a country (empty when it has none or is unknown). */
export function holidayRegions(country: string, language: string = "en"): Record<string, string> {
  if (!isHolidayCountry(country)) return {};
  return regionNames(country, adminLocale(language));
}

let countryCodes: ReadonlySet<string> | undefined;
export function isHolidayCountry(country: string): boolean {
  countryCodes ??= new Set(Object.keys(holidayLibrary().getCountries()));
  return countryCodes.has(country);
}

export function isHolidayRegion(country: string, region: string): boolean {
  return Object.hasOwn(holidayRegions(country), region);
}


// ---- field schemas -----------------------------------------------------------------------------------

const ERR = (key: SettingsErrorKey) => ({ message: key });

// Numbers go through the one strict parser (./integer): "1e2", "0x10" or "1.0" are not a number of days.
const days = strictInt({ min: 0, max: MAX_DAYS, message: "settings.error.wholeDays", requiredMessage: "settings.error.required" });

const checkbox = z.preprocess(
  (value) => value === true || value === "true" || value === "on" || value === "1",
  z.boolean(),
);

const requiredString = (key: SettingsErrorKey) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.trim() : value),
    z.string({ required_error: "settings.error.required", invalid_type_error: key }).min(1, ERR("settings.error.required")),
  );

const shippedMode = z
  .object({ enabled: checkbox, processingDays: days, transitMinDays: days, transitMaxDays: days })
  .superRefine((mode, ctx) => {
    if (mode.transitMinDays > mode.transitMaxDays) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["transitMaxDays"], message: "settings.error.transitOrder" });
    }
  });

// Pickup has no transit: whatever is posted, it is 0.
const pickupMode = z
  .object({ enabled: checkbox, processingDays: days })
  .transform((mode) => ({ ...mode, transitMinDays: 0, transitMaxDays: 0 }));

export const deliveryModesSchema = z
  .object({ standard: shippedMode, express: shippedMode, pickup: pickupMode })
  .superRefine((modes, ctx) => {
    if (!DELIVERY_MODES.some((mode) => modes[mode].enabled)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [], message: "settings.error.deliveryModes" });
    }
  });

export const workingDaysSchema = z
  .array(strictInt({ min: 1, max: 7, message: "settings.error.workingDays" }), ERR("settings.error.workingDays"))
  .transform((list) => [...new Set(list)].sort((a, b) => a - b))
  .refine((list) => list.length > 0, ERR("settings.error.workingDays"));

export const closureDaysSchema = z
  .array(
    z.preprocess(
      (value) => (typeof value === "string" ? value.trim() : value),
      z.string(ERR("settings.error.closureDay")).refine(isIsoDate, ERR("settings.error.closureDay")),
    ),
    ERR("settings.error.closureDay"),
  )
  .transform((list) => [...new Set(list)].sort())
  .refine((list) => list.length <= MAX_CLOSURE_DAYS, ERR("settings.error.closureDaysTooMany"));

// Browsers post textarea line breaks as CRLF; store LF so an unchanged text compares equal.
const termsText = z.preprocess(
  (value) => (typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : value),
  z
    .string({ required_error: "settings.error.required", invalid_type_error: "settings.error.invalid" })
    .max(MAX_TERMS_LENGTH, ERR("settings.error.termsTooLong")),
);

const localeTerms = z.object({ payment: termsText, shipping: termsText, cancellation: termsText });
export const termsSchema = z.object({ en: localeTerms, fr: localeTerms });

/** Not posted (an older client) → the column default; posted blank → required. */
const delayMinSlipDays = z.unknown().transform((value, ctx): number => {
  if (value === undefined) return 1;
  const parsed = strictInt({ ...MIN_SLIP_DAYS, message: "settings.error.delayMinSlipDays", requiredMessage: "settings.error.required" }).safeParse(value);
  if (!parsed.success) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.error.issues[0]?.message ?? "settings.error.delayMinSlipDays" });
    return z.NEVER;
  }
  return parsed.data;
});

const fulfillmentMode = z.preprocess(
  (value) => (value === undefined ? "ship_available" : value),
  z.enum(FULFILLMENT_MODES, { errorMap: () => ERR("settings.error.fulfillmentMode") }),
);

const cancelRequests = z.preprocess(
  (value) => (value === undefined ? "approval" : value),
  z.enum(CANCEL_REQUEST_MODES, { errorMap: () => ERR("settings.error.cancelRequests") }),
);

/** One schema per stored field; `settingsSchema` adds the rules that span fields. */
export const settingsFields = {
  safetyMarginDays: days,
  defaultLeadTimeDays: days,
  cutoffTime: requiredString("settings.error.cutoff").refine((v) => CUTOFF_RE.test(v), ERR("settings.error.cutoff")),
  timezone: requiredString("settings.error.timezone").refine(isSupportedTimeZone, ERR("settings.error.timezone")),
  holidayCountry: requiredString("settings.error.country")
    .transform((v) => v.toUpperCase())
    .refine(isHolidayCountry, ERR("settings.error.country")),
  holidayRegion: z.preprocess(
    (value) => (typeof value === "string" ? value.trim() || null : (value ?? null)),
    z.string(ERR("settings.error.region")).nullable(),
  ),
  workingDays: workingDaysSchema,
  closureDays: closureDaysSchema,
  deliveryModes: deliveryModesSchema,
  terms: termsSchema,
  delayMinSlipDays,
  earlierDateEmails: checkbox,
  fulfillmentMode,
  /** Support desk compensation: defaults, limits and the proposal rule (./compensation.ts). */
  compensation: compensationPolicySchema,
  cancelRequests,
  /** Feedback after delivery: the survey email, its delay and questions (./feedback.ts). */
  feedback: feedbackSettingsSchema,
};

export const settingsSchema = z.object(settingsFields).superRefine((settings, ctx) => {
  if (settings.holidayRegion !== null && !isHolidayRegion(settings.holidayCountry, settings.holidayRegion)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["holidayRegion"], message: "settings.error.region" });
  }
});

/** Validated settings, as stored and as the ETA engine reads them. */
export type SettingsValues = z.output<typeof settingsSchema>;
export type DeliveryModeValues = SettingsValues["deliveryModes"][DeliveryMode];
export type TermsValues = SettingsValues["terms"];

// ---- form data -------------------------------------------------------------------------------------

/** The nested object the schema reads, from flat form fields (`deliveryModes.express.processingDays`). */
export function settingsInputFromFormData(form: FormData): Record<string, unknown> {
  const get = (name: string) => form.get(name) ?? undefined;
  const modes = Object.fromEntries(
    DELIVERY_MODES.map((mode) => {
      const field = (name: string) => get(`deliveryModes.${mode}.${name}`);
      return [
        mode,
        {
          enabled: field("enabled"),
          processingDays: field("processingDays"),
          transitMinDays: field("transitMinDays"),
          transitMaxDays: field("transitMaxDays"),
        },
      ];
    }),
  );
  const terms = Object.fromEntries(
    TERMS_LOCALES.map((locale) => [
      locale,
      Object.fromEntries(TERMS_FIELDS.map((field) => [field, get(`terms.${locale}.${field}`)])),
    ]),
  );
  return {
    safetyMarginDays: get("safetyMarginDays"),
    defaultLeadTimeDays: get("defaultLeadTimeDays"),
    cutoffTime: get("cutoffTime"),
    timezone: get("timezone"),
    holidayCountry: get("holidayCountry"),
    holidayRegion: get("holidayRegion"),
    workingDays: form.getAll("workingDays"),
    closureDays: form.getAll("closureDays"),
    deliveryModes: modes,
    terms,
    delayMinSlipDays: get("delayMinSlipDays"),
    earlierDateEmails: get("earlierDateEmails"),
    fulfillmentMode: get("fulfillmentMode"),
    compensation: compensationInputFromFormData(form),
    cancelRequests: get("cancelRequests"),
    feedback: feedbackInputFromFormData(form),
  };
}

/** Issues keyed by field path; an item of a list reports on the list ("closureDays"). First issue wins. */
export function fieldErrors(error: z.ZodError): SettingsFieldErrors {
  const errors: SettingsFieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.filter((part) => typeof part === "string").join(".");
    const key = (SETTINGS_ERROR_KEYS as readonly string[]).includes(issue.message)
      ? (issue.message as SettingsErrorKey)
      : "settings.error.invalid";
    errors[path] ??= key;
  }
  return errors;
}

export type SettingsParseResult =
  | { success: true; data: SettingsValues }
  | { success: false; errors: SettingsFieldErrors };

export interface SettingsParseOptions {
  /** The shop's today (YYYY-MM-DD): closure days must fall within a year ago … three years ahead. */
  today?: string;
}

/** What the form may save. Stored rows are read with the lenient per-field schemas (settingsFields). */
export function settingsFormSchema({ today }: SettingsParseOptions = {}) {
  if (!today) return settingsSchema;
  const window = dateWindows(today).closureDay;
  return settingsSchema.superRefine((settings, ctx) => {
    if (settings.closureDays.some((day) => !inWindow(day, window))) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["closureDays"], message: "settings.error.closureDayRange" });
    }
  });
}

export function parseSettings(input: unknown, options: SettingsParseOptions = {}): SettingsParseResult {
  const result = settingsFormSchema(options).safeParse(input);
  return result.success ? { success: true, data: result.data } : { success: false, errors: fieldErrors(result.error) };
}

export function parseSettingsForm(form: FormData, options: SettingsParseOptions = {}): SettingsParseResult {
  return parseSettings(settingsInputFromFormData(form), options);
}

/**
 * The settings version the form loaded (0 = nothing saved yet), for optimistic concurrency; null when the
 * client did not post one, undefined when it posted garbage.
 */
export function parseSettingsVersion(form: FormData): number | null | undefined {
  const result = optionalStrictInt({ min: 0, max: Number.MAX_SAFE_INTEGER, message: "settings.error.version" }).safeParse(
    form.get("version") ?? undefined,
  );
  return result.success ? result.data : undefined;
}

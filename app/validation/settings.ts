// The shop settings form: one zod schema for the action, the stored JSON columns and the field errors.
// Error messages are i18n keys (app/i18n/messages/settings.ts); the route translates them.
import Holidays from "date-holidays";
import { z } from "zod";
import { DELIVERY_MODES, type DeliveryMode } from "~/domain/types";

export const MAX_DAYS = 365;
export const MAX_TERMS_LENGTH = 2_000;
export const MAX_CLOSURE_DAYS = 400;
export const TERMS_LOCALES = ["en", "fr"] as const;
export type TermsLocale = (typeof TERMS_LOCALES)[number];
export const TERMS_FIELDS = ["payment", "shipping", "cancellation"] as const;
export type TermsField = (typeof TERMS_FIELDS)[number];
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

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
  "settings.error.closureDaysTooMany",
  "settings.error.termsTooLong",
  "settings.error.invalid",
] as const;
export type SettingsErrorKey = (typeof SETTINGS_ERROR_KEYS)[number];

/** Field path ("deliveryModes.express.transitMaxDays", "closureDays") → error message key. */
export type SettingsFieldErrors = Partial<Record<string, SettingsErrorKey>>;

const CUTOFF_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

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

/** Subdivision code → name for a country (empty when it has none or is unknown). */
export function holidayRegions(country: string, language: string = "en"): Record<string, string> {
  if (!isHolidayCountry(country)) return {};
  return holidayLibrary().getStates(country, language) ?? {};
}

let countryCodes: ReadonlySet<string> | undefined;
export function isHolidayCountry(country: string): boolean {
  countryCodes ??= new Set(Object.keys(holidayLibrary().getCountries()));
  return countryCodes.has(country);
}

export function isHolidayRegion(country: string, region: string): boolean {
  return Object.hasOwn(holidayRegions(country), region);
}

/** A real calendar date written "YYYY-MM-DD". */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE_RE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

// ---- field schemas -----------------------------------------------------------------------------------

const ERR = (key: SettingsErrorKey) => ({ message: key });

/** Form values arrive as strings: blank means missing, anything else must read as a number. */
function toNumber(value: unknown): unknown {
  if (typeof value !== "string") return value ?? undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : Number(trimmed);
}

const days = z.preprocess(
  toNumber,
  z
    .number({ required_error: "settings.error.required", invalid_type_error: "settings.error.wholeDays" })
    .int(ERR("settings.error.wholeDays"))
    .min(0, ERR("settings.error.wholeDays"))
    .max(MAX_DAYS, ERR("settings.error.wholeDays")),
);

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
  .array(
    z.preprocess(
      toNumber,
      z
        .number(ERR("settings.error.workingDays"))
        .int(ERR("settings.error.workingDays"))
        .min(1, ERR("settings.error.workingDays"))
        .max(7, ERR("settings.error.workingDays")),
    ),
    ERR("settings.error.workingDays"),
  )
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

export function parseSettings(input: unknown): SettingsParseResult {
  const result = settingsSchema.safeParse(input);
  return result.success ? { success: true, data: result.data } : { success: false, errors: fieldErrors(result.error) };
}

export function parseSettingsForm(form: FormData): SettingsParseResult {
  return parseSettings(settingsInputFromFormData(form));
}

// The Settings form's state: the stored settings as the text the fields hold, and back (the action parses it).
import type { SerializeFrom } from "@remix-run/node";
import { minorToDecimal } from "~/domain/compensation";
import type { DeliveryMode } from "~/domain/types";
import type { loader } from "~/routes/app.settings";
import type { SettingsValues, TermsField, TermsLocale } from "~/validation/settings";

export type SettingsPage = SerializeFrom<typeof loader>;
export type SettingsText = SettingsPage["text"];

export const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;
export const TERMS_LOCALES: readonly TermsLocale[] = ["en", "fr"];
export const TERMS_FIELDS: readonly TermsField[] = ["payment", "shipping", "cancellation"];

export interface ModeState {
  enabled: boolean;
  processingDays: string;
  transitMinDays: string;
  transitMaxDays: string;
}

/** The Compensation section's fields as typed (amounts as decimals, e.g. "12.50"). */
export interface CompensationState {
  defaultKind: string;
  defaultPercent: string;
  defaultAmount: string;
  expiryDays: string;
  maxPercent: string;
  maxAmount: string;
  maxStoreCredit: string;
  proposeEnabled: boolean;
  proposeAfterDays: string;
}

/** The Feedback section's fields as typed. */
export interface FeedbackState {
  enabled: boolean;
  delayDays: string;
  questions: SettingsValues["feedback"]["questions"];
}

export interface FormState {
  safetyMarginDays: string;
  defaultLeadTimeDays: string;
  cutoffTime: string;
  timezone: string;
  holidayCountry: string;
  holidayRegion: string;
  workingDays: string[];
  closureDays: string[];
  deliveryModes: Record<DeliveryMode, ModeState>;
  terms: Record<TermsLocale, Record<TermsField, string>>;
  delayMinSlipDays: string;
  earlierDateEmails: boolean;
  fulfillmentMode: string;
  compensation: CompensationState;
  cancelRequests: string;
  feedback: FeedbackState;
}

export function toFormState(settings: SettingsValues): FormState {
  const mode = (m: DeliveryMode): ModeState => {
    const s = settings.deliveryModes[m];
    return {
      enabled: s.enabled,
      processingDays: String(s.processingDays),
      transitMinDays: String(s.transitMinDays),
      transitMaxDays: String(s.transitMaxDays),
    };
  };
  return {
    safetyMarginDays: String(settings.safetyMarginDays),
    defaultLeadTimeDays: String(settings.defaultLeadTimeDays),
    cutoffTime: settings.cutoffTime,
    timezone: settings.timezone,
    holidayCountry: settings.holidayCountry,
    holidayRegion: settings.holidayRegion ?? "",
    workingDays: settings.workingDays.map(String),
    closureDays: [...settings.closureDays],
    deliveryModes: { standard: mode("standard"), express: mode("express"), pickup: mode("pickup") },
    terms: { en: { ...settings.terms.en }, fr: { ...settings.terms.fr } },
    delayMinSlipDays: String(settings.delayMinSlipDays),
    earlierDateEmails: settings.earlierDateEmails,
    fulfillmentMode: settings.fulfillmentMode,
    compensation: {
      defaultKind: settings.compensation.defaultKind,
      defaultPercent: String(settings.compensation.defaultPercent),
      defaultAmount: minorToDecimal(settings.compensation.defaultAmountMinor),
      expiryDays: String(settings.compensation.expiryDays),
      maxPercent: String(settings.compensation.maxPercent),
      maxAmount: minorToDecimal(settings.compensation.maxAmountMinor),
      maxStoreCredit: minorToDecimal(settings.compensation.maxStoreCreditMinor),
      proposeEnabled: settings.compensation.proposeEnabled,
      proposeAfterDays: String(settings.compensation.proposeAfterDays),
    },
    cancelRequests: settings.cancelRequests,
    feedback: {
      enabled: settings.feedback.enabled,
      delayDays: String(settings.feedback.delayDays),
      questions: { en: { ...settings.feedback.questions.en }, fr: { ...settings.feedback.questions.fr } },
    },
  };
}

/** What every section of the form gets: the state, how to change it, the errors and the page's texts and limits. */
export interface SectionProps {
  form: FormState;
  update: (patch: Partial<FormState>) => void;
  errors: Partial<Record<string, string>>;
  text: SettingsText;
  limits: SettingsPage["limits"];
}

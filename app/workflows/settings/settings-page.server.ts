// What the Settings page shows: the stored settings (or, before the first save, defaults taken from the
// shop's Shopify profile), the choices of its pickers in the admin's language (holiday countries and
// regions, timezones, fulfillment modes), its limits, and its texts.
import { COMPENSATION_BOUNDS } from "~/domain/compensation";
import { getShopSettings } from "~/models/settings.server";
import { fetchShopProfile } from "~/shopify/shop-terms.server";
import { translator, type AdminLocale, type AdminMessageKey, type Translate } from "~/i18n/admin";
import { en as settingsMessages } from "~/i18n/messages/settings";
import { en as compensationMessages } from "~/i18n/messages/compensation";
import { en as feedbackMessages } from "~/i18n/messages/feedback";
import { FEEDBACK_BOUNDS } from "~/domain/feedback";
import { dateWindows, localToday } from "~/validation/dates";
import {
  CANCEL_REQUEST_MODES,
  FULFILLMENT_MODES,
  MAX_DAYS,
  MAX_TERMS_LENGTH,
  MIN_SLIP_DAYS,
  holidayCountries,
  holidayRegions,
  supportedTimeZones,
  type SettingsValues,
} from "~/validation/settings";

type CompensationSettingsKey = Extract<keyof typeof compensationMessages, `settings.${string}`>;
type FeedbackSettingsKey = Extract<keyof typeof feedbackMessages, `settings.${string}`>;
export type SettingsText = Record<keyof typeof settingsMessages | CompensationSettingsKey | FeedbackSettingsKey, string>;
type Option = { value: string; label: string };

function settingsText(t: Translate): SettingsText {
  // Plural messages (key_one / key_other) need a count: components call t() for those.
  const keys = [...Object.keys(settingsMessages), ...[...Object.keys(compensationMessages), ...Object.keys(feedbackMessages)].filter((key) => key.startsWith("settings."))].filter(
    (key) => !/_(one|other)$/.test(key),
  ) as AdminMessageKey[];
  return Object.fromEntries(keys.map((key) => [key, t(key)])) as SettingsText;
}

function calendarOptions(locale: AdminLocale, current: SettingsValues) {
  const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, locale);
  const countries = Object.entries(holidayCountries(locale))
    .map(([value, label]) => ({ value, label }))
    .sort(byLabel);
  const regions: Record<string, Option[]> = {};
  for (const { value: country } of countries) {
    const list = Object.entries(holidayRegions(country, locale)).map(([value, label]) => ({ value, label }));
    if (list.length) regions[country] = list.sort(byLabel);
  }
  const timeZones = [...supportedTimeZones()].sort();
  if (!timeZones.includes(current.timezone)) timeZones.unshift(current.timezone);
  return { countries, regions, timeZones, fulfillmentModes: FULFILLMENT_MODES, cancelRequestModes: CANCEL_REQUEST_MODES };
}

export async function loadSettingsPage({
  shop,
  graphql,
  locale,
}: {
  shop: string;
  graphql: Parameters<typeof fetchShopProfile>[0];
  locale: AdminLocale;
}) {
  const t = translator(locale);
  const { shop: _shop, saved, termsVersion, version, ...stored } = await getShopSettings({ shop, defaults: () => fetchShopProfile(graphql) });
  const closureWindow = dateWindows(localToday(stored.timezone)).closureDay;
  // Closure days over a year old no longer move any date; leaving them out keeps the form saveable
  // (a save accepts closure days from a year ago to three years ahead).
  const settings = { ...stored, closureDays: stored.closureDays.filter((day) => day >= closureWindow.min) };
  return {
    locale,
    settings,
    saved,
    termsVersion,
    version,
    closureWindow,
    options: calendarOptions(locale, settings),
    limits: { maxDays: MAX_DAYS, maxTermsLength: MAX_TERMS_LENGTH, slipDays: MIN_SLIP_DAYS, compensation: COMPENSATION_BOUNDS, feedback: FEEDBACK_BOUNDS },
    text: settingsText(t),
    termsDescription: t("settings.terms.description", { version: termsVersion }),
  };
}

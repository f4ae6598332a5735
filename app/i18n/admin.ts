// Admin UI strings in English and French. The embedded admin passes the merchant's `locale` (e.g. "fr-FR").
// Each area keeps its strings in app/i18n/messages/<area>.ts ({ en, fr } with the same keys); add the
// module to `areas` below.
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisFr from "@shopify/polaris/locales/fr.json";
import * as common from "./messages/common";
import * as jobs from "./messages/jobs";
import * as notifications from "./messages/notifications";
import * as privacy from "./messages/privacy";
import * as products from "./messages/products";
import * as settings from "./messages/settings";

export type AdminLocale = "en" | "fr";

const areas = [common, products, settings, jobs, notifications, privacy] as const;


type Area = (typeof areas)[number];
export type AdminMessageKey = Area extends infer A ? (A extends { en: infer E } ? keyof E : never) : never;

const messages: Record<AdminLocale, Record<string, string>> = {
  en: Object.assign({}, ...areas.map((area) => area.en)),
  fr: Object.assign({}, ...areas.map((area) => area.fr)),
};

/** "fr", "fr-FR", "fr-CA" → "fr"; anything else → "en". */
export function adminLocale(value: string | null | undefined): AdminLocale {
  return value?.toLowerCase().startsWith("fr") ? "fr" : "en";
}

export function adminLocaleFromRequest(request: Request): AdminLocale {
  return adminLocale(new URL(request.url).searchParams.get("locale"));
}

export type Translate = (key: AdminMessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: AdminLocale): Translate {
  return (key, params = {}) =>
    (messages[locale][key] ?? messages.en[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) =>
      String(params[name] ?? `{${name}}`),
    );
}

export function polarisTranslations(locale: AdminLocale) {
  return locale === "fr" ? polarisFr : polarisEn;
}

/** Every message whose key starts with one of the prefixes, for components that format on the client. */
export function messagesWithPrefix(locale: AdminLocale, prefixes: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries({ ...messages.en, ...messages[locale] }).filter(([key]) => prefixes.some((p) => key.startsWith(p))),
  );
}

/** Client-side formatter over a dictionary from messagesWithPrefix. */
export function formatMessage(dictionary: Record<string, string>, key: string, params: Record<string, string | number> = {}) {
  return (dictionary[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

// Admin UI strings in English and French. The embedded admin passes the merchant's `locale` (e.g. "fr-FR").
// Each area keeps its strings in app/i18n/messages/<area>.ts ({ en, fr } with the same keys); add the
// module to `areas` below.
//
// Messages go through i18next (https://www.i18next.com): `{name}` placeholders, and a message shown with a
// count has one key per plural form, `key_one` / `key_other` (French counts 0 and 1 as "one"); call it by its
// base key with `{ count }`. The server translates with `translator(locale)`; components use `useT()`
// (app/i18n/react.tsx) over the same messages. The browser gets only what a page needs: the root loader
// sends the namespaces every page uses (ROOT_NAMESPACES), and each page's loader adds its own with
// `messages: adminMessages(locale, [...])` (a namespace is a key's first segment: "products", "settings").
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisFr from "@shopify/polaris/locales/fr.json";
import * as cancellation from "./messages/cancellation";
import * as common from "./messages/common";
import * as compensation from "./messages/compensation";
import * as feedback from "./messages/feedback";
import * as insights from "./messages/insights";
import * as jobs from "./messages/jobs";
import * as notifications from "./messages/notifications";
import * as payments from "./messages/payments";
import * as privacy from "./messages/privacy";
import * as products from "./messages/products";
import * as settings from "./messages/settings";
import * as support from "./messages/support";
import type { i18n as I18n } from "i18next";
import { createAdminI18n } from "./instance";
import type { AdminLocale } from "./locale";

export { adminLocale, adminLocaleFromRequest, type AdminLocale } from "./locale";

const areas = [common, products, settings, jobs, notifications, privacy, support, compensation, cancellation, insights, feedback, payments] as const;

type Area = (typeof areas)[number];
type RawKey = Area extends infer A ? (A extends { en: infer E } ? keyof E & string : never) : never;
/** A message key; plural messages are named by their base key (`products.bulk.done`, not `…_one`). */
type BaseKey<K extends string> = K extends `${infer Base}_${"one" | "other"}` ? Base : K;
export type AdminMessageKey = BaseKey<RawKey>;
/** A key's first segment ("products" for "products.bulk.done"): what a page asks for on the client. */
export type MessageNamespace = AdminMessageKey extends `${infer N}.${string}` ? N : never;
/** Sent by the root loader with the document: the navigation, the error pages and home (login translates on the server). */
export const ROOT_NAMESPACES: readonly MessageNamespace[] = ["nav", "error", "home"];
export type TranslateParams = Record<string, string | number>;
export type Translate = (key: AdminMessageKey, params?: TranslateParams) => string;

/**
 * French has a third CLDR plural category, "many" (1 000 000 and up), that i18next asks for first: without a
 * `_many` key such a count would fall back to English. It reads like "other", so it is filled from there.
 */
function withFrenchMany(messages: Record<string, string>): Record<string, string> {
  const filled = { ...messages };
  for (const [key, value] of Object.entries(messages)) {
    if (key.endsWith("_other")) filled[`${key.slice(0, -"_other".length)}_many`] ??= value;
  }
  return filled;
}

const english: Record<string, string> = Object.assign({}, ...areas.map((area) => area.en));
const messages: Record<AdminLocale, Record<string, string>> = {
  en: english,
  // Falls back to English key by key (a key missing in French shows English rather than the key).
  fr: withFrenchMany({ ...english, ...Object.assign({}, ...areas.map((area) => area.fr)) }),
};

const byNamespaces = new Map<string, Record<string, string>>();

/**
 * The messages of one language, complete (English fills any gap): every message, or those of the given
 * namespaces only (what a page sends its client, so the browser never receives every catalog).
 */
export function adminMessages(locale: AdminLocale, namespaces?: readonly MessageNamespace[]): Record<string, string> {
  if (!namespaces) return messages[locale];
  const key = `${locale}|${[...namespaces].sort().join(",")}`;
  let selected = byNamespaces.get(key);
  if (!selected) {
    const wanted = new Set<string>(namespaces);
    selected = Object.fromEntries(Object.entries(messages[locale]).filter(([name]) => wanted.has(name.split(".", 1)[0] ?? "")));
    byNamespaces.set(key, selected);
  }
  return selected;
}

const serverInstances = new Map<AdminLocale, I18n>();

export function translator(locale: AdminLocale): Translate {
  let instance = serverInstances.get(locale);
  if (!instance) {
    instance = createAdminI18n(locale, messages[locale]);
    serverInstances.set(locale, instance);
  }
  const t = instance.getFixedT(locale);
  return (key, params) => String(t(key, params ?? {}));
}

export function polarisTranslations(locale: AdminLocale) {
  return locale === "fr" ? polarisFr : polarisEn;
}


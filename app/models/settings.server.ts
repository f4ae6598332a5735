// Shop settings: read with defaults (a corrupt stored column never breaks a page), save, and the view of
// them the ETA engine takes.
import type { z } from "zod";
import prisma from "~/db.server";
import { createBusinessCalendar } from "~/domain/calendar";
import type { EtaSettings } from "~/domain/eta";
import { DELIVERY_MODES, type DeliveryMode } from "~/domain/types";
import { DEFAULT_COMPENSATION_POLICY } from "~/domain/compensation";
import { DEFAULT_FEEDBACK_SETTINGS } from "~/domain/feedback";
import {
  isHolidayCountry,
  isHolidayRegion,
  isSupportedTimeZone,
  settingsFields,
  type SettingsValues,
  type TermsValues,
} from "~/validation/settings";
import type { Tx } from "./transaction.server";

export interface ShopSettings extends SettingsValues {
  shop: string;
  /** Bumped whenever the terms text changes; 1 = the default (empty) terms. */
  termsVersion: number;
  /** False until the merchant saves once: every value is a default. */
  saved: boolean;
  /** Optimistic concurrency: the row's version, 0 while nothing is saved. A save names the one it edited. */
  version: number;
}

const EMPTY_TERMS = { payment: "", shipping: "", cancellation: "" };

/** What a shop gets before it saves anything (matches the column defaults of prisma/schema.prisma). */
export function defaultSettingsValues(): SettingsValues {
  return {
    safetyMarginDays: 2,
    defaultLeadTimeDays: 21,
    cutoffTime: "14:00",
    timezone: "Europe/Paris",
    holidayCountry: "FR",
    holidayRegion: null,
    workingDays: [1, 2, 3, 4, 5],
    closureDays: [],
    deliveryModes: {
      standard: { enabled: true, processingDays: 1, transitMinDays: 2, transitMaxDays: 5 },
      express: { enabled: false, processingDays: 1, transitMinDays: 1, transitMaxDays: 2 },
      pickup: { enabled: false, processingDays: 1, transitMinDays: 0, transitMaxDays: 0 },
    },
    terms: { en: { ...EMPTY_TERMS }, fr: { ...EMPTY_TERMS } },
    delayMinSlipDays: 1,
    earlierDateEmails: false,
    fulfillmentMode: "ship_available",
    compensation: { ...DEFAULT_COMPENSATION_POLICY },
    cancelRequests: "approval",
    feedback: structuredClone(DEFAULT_FEEDBACK_SETTINGS),
  };
}

const SELECT = {
  shop: true,
  safetyMarginDays: true,
  defaultLeadTimeDays: true,
  cutoffTime: true,
  timezone: true,
  holidayCountry: true,
  holidayRegion: true,
  closureDays: true,
  workingDays: true,
  deliveryModes: true,
  terms: true,
  termsVersion: true,
  delayMinSlipDays: true,
  earlierDateEmails: true,
  fulfillmentMode: true,
  compensation: true,
  cancelRequests: true,
  feedback: true,
  version: true,
} as const;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** One stored field through its own schema; anything unreadable becomes the default. */
function field<K extends keyof typeof settingsFields>(
  key: K,
  raw: unknown,
  fallback: SettingsValues[K],
): SettingsValues[K] {
  const schema = settingsFields[key] as unknown as z.ZodType<SettingsValues[K], z.ZodTypeDef, unknown>;
  const result = schema.safeParse(raw);
  return result.success ? result.data : fallback;
}

export interface ShopDefaults {
  timezone?: string | null;
  countryCode?: string | null;
}

/**
 * The shop's settings, or defaults when it has saved none. `defaults` is asked only in that case, for
 * values that come from the shop itself (timezone, country); unsupported ones are ignored.
 */
export async function getShopSettings({
  shop,
  defaults,
}: {
  shop: string;
  defaults?: () => Promise<ShopDefaults>;
}): Promise<ShopSettings> {
  const row = await prisma.shopSettings.findUnique({ where: { shop }, select: SELECT });
  const base = defaultSettingsValues();
  if (!row) {
    const fromShop = defaults ? await defaults() : {};
    const country = fromShop.countryCode?.toUpperCase();
    return {
      ...base,
      ...(fromShop.timezone && isSupportedTimeZone(fromShop.timezone) ? { timezone: fromShop.timezone } : {}),
      ...(country && isHolidayCountry(country) ? { holidayCountry: country } : {}),
      shop,
      termsVersion: 1,
      saved: false,
      version: 0,
    };
  }
  const holidayCountry = field("holidayCountry", row.holidayCountry, base.holidayCountry);
  const region = field("holidayRegion", row.holidayRegion, null);
  return {
    shop,
    saved: true,
    version: row.version,
    termsVersion: row.termsVersion,
    safetyMarginDays: field("safetyMarginDays", row.safetyMarginDays, base.safetyMarginDays),
    defaultLeadTimeDays: field("defaultLeadTimeDays", row.defaultLeadTimeDays, base.defaultLeadTimeDays),
    cutoffTime: field("cutoffTime", row.cutoffTime, base.cutoffTime),
    timezone: field("timezone", row.timezone, base.timezone),
    holidayCountry,
    holidayRegion: region !== null && isHolidayRegion(holidayCountry, region) ? region : null,
    workingDays: field("workingDays", parseJson(row.workingDays), base.workingDays),
    closureDays: field("closureDays", parseJson(row.closureDays), base.closureDays),
    deliveryModes: field("deliveryModes", parseJson(row.deliveryModes), base.deliveryModes),
    terms: field("terms", parseJson(row.terms), base.terms),
    delayMinSlipDays: field("delayMinSlipDays", row.delayMinSlipDays, base.delayMinSlipDays),
    earlierDateEmails: row.earlierDateEmails,
    fulfillmentMode: field("fulfillmentMode", row.fulfillmentMode, base.fulfillmentMode),
    compensation: field("compensation", parseJson(row.compensation), base.compensation),
    cancelRequests: field("cancelRequests", row.cancelRequests, base.cancelRequests),
    feedback: field("feedback", parseJson(row.feedback), base.feedback),
  };
}

/** The shop's terms as stored (JSON text per locale) and their version; null when nothing is saved. */
export async function getStoredTerms(
  { shop }: { shop: string },
  tx: Tx = prisma,
): Promise<{ terms: string; termsVersion: number } | null> {
  return tx.shopSettings.findUnique({ where: { shop }, select: { terms: true, termsVersion: true } });
}

export function termsEqual(a: TermsValues, b: TermsValues): boolean {
  return (["en", "fr"] as const).every((locale) =>
    (["payment", "shipping", "cancellation"] as const).every((key) => a[locale][key] === b[locale][key]),
  );
}

/** The version the terms will have once `terms` replaces the current ones. */
export function nextTermsVersion(current: Pick<ShopSettings, "terms" | "termsVersion">, terms: TermsValues): number {
  return termsEqual(current.terms, terms) ? current.termsVersion : current.termsVersion + 1;
}

export type SaveSettingsResult = { ok: true; settings: ShopSettings } | { ok: false; conflict: true };

/** Creates or replaces the shop's settings (no version check); the terms version moves only when the terms changed. */
export async function saveShopSettings({ shop, settings }: { shop: string; settings: SettingsValues }): Promise<ShopSettings> {
  const result = await saveShopSettingsAtVersion({ shop, settings, version: null });
  if (!result.ok) throw new Error("unreachable: an unconditional save cannot conflict");
  return result.settings;
}

/**
 * Like saveShopSettings, for the settings form: `version` is the one the form loaded (0: nothing was saved
 * then). When the row has moved on since, nothing is written and the result is a conflict. null skips
 * the check (a client that sent no version).
 */
export async function saveShopSettingsAtVersion({
  shop,
  settings,
  version,
}: {
  shop: string;
  settings: SettingsValues;
  version: number | null;
}): Promise<SaveSettingsResult> {
  try {
    return await saveInTransaction({ shop, settings, version });
  } catch (error) {
    // Two first saves at once: the second create hits the primary key. It lost the race: a conflict.
    if (version !== null && (error as { code?: unknown } | null)?.code === "P2002") return { ok: false, conflict: true };
    throw error;
  }
}

function saveInTransaction({ shop, settings, version }: { shop: string; settings: SettingsValues; version: number | null }) {
  return prisma.$transaction(async (tx): Promise<SaveSettingsResult> => {
    const row = await tx.shopSettings.findUnique({ where: { shop }, select: { terms: true, termsVersion: true, version: true } });
    if (version !== null && (row?.version ?? 0) !== version) return { ok: false as const, conflict: true as const };
    const current = row
      ? { termsVersion: row.termsVersion, terms: field("terms", parseJson(row.terms), defaultSettingsValues().terms) }
      : { termsVersion: 1, terms: defaultSettingsValues().terms };
    const termsVersion = nextTermsVersion(current, settings.terms);
    const data = {
      safetyMarginDays: settings.safetyMarginDays,
      defaultLeadTimeDays: settings.defaultLeadTimeDays,
      cutoffTime: settings.cutoffTime,
      timezone: settings.timezone,
      holidayCountry: settings.holidayCountry,
      holidayRegion: settings.holidayRegion,
      workingDays: JSON.stringify(settings.workingDays),
      closureDays: JSON.stringify(settings.closureDays),
      deliveryModes: JSON.stringify(settings.deliveryModes),
      terms: JSON.stringify(settings.terms),
      termsVersion,
      delayMinSlipDays: settings.delayMinSlipDays,
      earlierDateEmails: settings.earlierDateEmails,
      fulfillmentMode: settings.fulfillmentMode,
      compensation: JSON.stringify(settings.compensation),
      cancelRequests: settings.cancelRequests,
      feedback: JSON.stringify(settings.feedback),
    };
    let newVersion: number;
    if (!row) {
      await tx.shopSettings.create({ data: { shop, ...data }, select: { shop: true } });
      newVersion = 1;
    } else {
      // Compare-and-set on the version read above, so a save that raced in between is not overwritten.
      const { count } = await tx.shopSettings.updateMany({
        where: { shop, version: row.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (count !== 1) return { ok: false as const, conflict: true as const };
      newVersion = row.version + 1;
    }
    return { ok: true as const, settings: { ...settings, shop, termsVersion, saved: true, version: newVersion } };
  });
}

/** Delivery modes the shop offers, in display order. */
export function enabledModes(settings: Pick<SettingsValues, "deliveryModes">): DeliveryMode[] {
  return DELIVERY_MODES.filter((mode) => settings.deliveryModes[mode].enabled);
}

/** The ETA engine's view of the settings (every mode, enabled or not: see `enabledModes`). */
export function toEtaSettings(settings: SettingsValues): EtaSettings {
  const mode = (m: DeliveryMode) => {
    const s = settings.deliveryModes[m];
    return { processingDays: s.processingDays, transitDays: { min: s.transitMinDays, max: s.transitMaxDays } };
  };
  return {
    calendar: createBusinessCalendar({
      timeZone: settings.timezone,
      cutoff: settings.cutoffTime,
      workingWeekdays: settings.workingDays,
      country: settings.holidayCountry,
      region: settings.holidayRegion,
      closures: settings.closureDays,
    }),
    delivery: { standard: mode("standard"), express: mode("express"), pickup: mode("pickup") },
    safetyMarginDays: settings.safetyMarginDays,
    defaultLeadTimeDays: settings.defaultLeadTimeDays,
  };
}

/** What a customer's cancellation request does; anything but "refund" means waiting for staff approval. */
export async function findCancelRequestMode({ shop }: { shop: string }, tx: Tx = prisma): Promise<"approval" | "refund"> {
  const row = await tx.shopSettings.findUnique({ where: { shop }, select: { cancelRequests: true } });
  return row?.cancelRequests === "refund" ? "refund" : "approval";
}

/** How the shop ships an order mixing stock and backorder; anything but "ship_together" means the default. */
export async function findFulfillmentMode({ shop }: { shop: string }, tx: Tx = prisma): Promise<"ship_available" | "ship_together"> {
  const row = await tx.shopSettings.findUnique({ where: { shop }, select: { fulfillmentMode: true } });
  return row?.fulfillmentMode === "ship_together" ? "ship_together" : "ship_available";
}

// Saving the shop settings. The shopper terms are published to Shopify first and the settings stored only
// once Shopify accepted them, so the storefront and our database never disagree. Before anything reaches
// Shopify: a save based on an older version is refused (someone saved since the form was loaded), and one
// that would move waiting customers' promised dates is held until the merchant confirms the emails. After
// the save, a background job recomputes every promise.
import { GraphqlQueryError, HttpResponseError } from "@shopify/shopify-api";
import { enabledModes, getShopSettings, nextTermsVersion, saveShopSettingsAtVersion } from "~/models/settings.server";
import { fetchShopProfile, publishShopTerms } from "~/shopify/shop-terms.server";
import { createAdminClient } from "~/shopify/admin-client.server";
import { ensureShopTermsDefinition } from "~/shopify/metafield-definitions.server";
import { enqueueShopRecompute } from "~/jobs/schedule.server";
import { previewDateChanges, type DateChangePreview } from "~/workflows/ledger/preview.server";
import { toEtaShopSettings } from "~/workflows/catalog/eta.server";
import { localToday } from "~/validation/dates";
import { parseSettingsForm, type SettingsFieldErrors } from "~/validation/settings";

export type PublishSettingsResult =
  | { ok: true }
  /** The form does not hold valid settings (error keys by field path). */
  | { ok: false; problem: "invalid"; errors: SettingsFieldErrors }
  /** Someone saved since the form was loaded (or won a race with this save): nothing was stored. */
  | { ok: false; problem: "conflict" }
  /** Nothing saved: the new settings would email customers; ask first (then save with confirmDateChanges). */
  | { ok: false; problem: "confirm"; preview: DateChangePreview }
  /** Shopify refused the terms (its user errors, joined). */
  | { ok: false; problem: "rejected"; message: string }
  /** Shopify could not be reached. */
  | { ok: false; problem: "unavailable" };

export async function publishTermsAndSaveSettings({
  shop,
  graphql,
  form,
  version,
  confirmDateChanges,
}: {
  shop: string;
  graphql: Parameters<typeof fetchShopProfile>[0];
  form: FormData;
  /** The version the form was loaded at; null before the first save. */
  version: number | null;
  /** The merchant confirmed the emails the new dates would send. */
  confirmDateChanges: boolean;
}): Promise<PublishSettingsResult> {
  const current = await getShopSettings({ shop });
  // Dates are judged in the shop's timezone as saved (a timezone change applies from this save on).
  const parsed = parseSettingsForm(form, { today: localToday(current.timezone) });
  if (!parsed.success) return { ok: false, problem: "invalid", errors: parsed.errors };
  // Someone saved since this form was loaded: refuse before anything reaches Shopify.
  if (version !== null && version !== current.version) return { ok: false, problem: "conflict" };

  const settings = parsed.data;
  // Margins, lead time, calendar and delivery modes move promised dates: say whom it would email first.
  if (!confirmDateChanges) {
    const preview = await previewDateChanges({ shop, now: new Date(), settings: toEtaShopSettings({ ...current, ...settings }) });
    if (preview.delayed + preview.earlier > 0) return { ok: false, problem: "confirm", preview };
  }
  try {
    const profile = await fetchShopProfile(graphql);
    // The storefront may read the terms only once their definition grants it (idempotent).
    await ensureShopTermsDefinition(createAdminClient(graphql));
    const published = await publishShopTerms(graphql, {
      shopId: profile.id,
      value: {
        termsVersion: nextTermsVersion(current, settings.terms),
        enabledModes: enabledModes(settings),
        terms: settings.terms,
      },
    });
    if (!published.ok) return { ok: false, problem: "rejected", message: published.userErrors.map((e) => e.message).join(" ") };
  } catch (error) {
    if (error instanceof GraphqlQueryError || error instanceof HttpResponseError) return { ok: false, problem: "unavailable" };
    throw error;
  }

  const saved = await saveShopSettingsAtVersion({ shop, settings, version });
  // Lost a race with a save that landed after the check above: nothing of ours was stored.
  if (!saved.ok) return { ok: false, problem: "conflict" };
  // Margins, calendars, delivery modes and the terms version change every promise: a background job
  // recomputes them (telling customers whose date slipped) and republishes the storefront summaries.
  await enqueueShopRecompute({ shop });
  return { ok: true };
}

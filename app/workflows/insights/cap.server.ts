// "Cap backorders at the forecast coverage" from the dashboard's demand table (issue 13): sets the variant's
// backorder cap (units owed at once) to the units its known supply brings within the lead time, through the
// product page's own validated save (~/workflows/catalog/variant-editor.server saveVariant), so the version
// check, the recompute and the Shopify sync (inventoryPolicy and the storefront metafield) are those of any
// cap change. The form names the coverage it showed and the variant's version: when either moved since the
// page loaded, nothing is written and the page is told to reload.
import { z } from "zod";
import { LIMITS } from "~/validation/backorder-variant";
import { strictInt } from "~/validation/integer";
import { fieldErrors } from "~/validation/form-data";
import { getBackorderVariant } from "~/models/backorder-variant.server";
import { getShopSettings } from "~/models/settings.server";
import type { AdminGraphql } from "~/shopify/types";
import { loadProduct, saveVariant } from "~/workflows/catalog/variant-editor.server";
import { loadDemandRows } from "./dashboard.server";

export const CAP_INTENT = "cap_at_forecast";

export const capAtForecastSchema = z.object({
  intent: z.literal(CAP_INTENT, {
    errorMap: () => ({ message: "insights.cap.error.intent" }),
  }),
  variantId: z.string().regex(/^gid:\/\/shopify\/ProductVariant\/\d+$/, "insights.cap.error.variant"),
  cap: strictInt({ ...LIMITS.cap, message: "insights.cap.error.cap" }),
  version: strictInt({
    min: 1,
    max: Number.MAX_SAFE_INTEGER,
    message: "insights.cap.error.version",
  }),
});

export type CapResult =
  | { ok: true; cap: number; syncFailed: boolean }
  /** `errors`: admin message keys (insights or products namespace) by field. */
  | {
      ok: false;
      status: 400 | 404 | 409 | 422;
      errors: Record<string, string>;
    };

const day = (d: Date | null) => (d === null || Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 10));

export async function capAtForecast({
  shop,
  graphql,
  input,
  shopTimeZone,
  now = new Date(),
}: {
  shop: string;
  graphql: AdminGraphql;
  input: Record<string, unknown>;
  /** Shopify's timezone for the shop, asked only when no settings are saved (as the dashboard does). */
  shopTimeZone: () => Promise<string>;
  now?: Date;
}): Promise<CapResult> {
  const parsed = capAtForecastSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) };
  const { variantId, cap, version } = parsed.data;
  // Scoped by the session's shop: another shop's variant is simply not found.
  const row = await getBackorderVariant({ shop, variantId });
  if (!row || row.mode === "off")
    return {
      ok: false,
      status: 404,
      errors: { form: "insights.cap.error.variant" },
    };
  if (row.version !== version)
    return {
      ok: false,
      status: 409,
      errors: { form: "insights.cap.error.stale" },
    };
  const settings = await getShopSettings({ shop, defaults: async () => ({ timezone: await shopTimeZone() }) });
  const demand = (await loadDemandRows({ shop, now, timeZone: settings.timezone, defaultLeadTimeDays: settings.defaultLeadTimeDays })).find((r) => r.variantId === variantId);
  const coverage = demand?.forecast.coverage ?? 0;
  if (coverage < LIMITS.cap.min)
    return {
      ok: false,
      status: 422,
      errors: { form: "insights.cap.error.noCoverage" },
    };
  if (coverage !== cap)
    return {
      ok: false,
      status: 409,
      errors: { form: "insights.cap.error.stale" },
    };

  const product = await loadProduct(graphql, row.productId.split("/").pop() as string).catch((error: unknown) => {
    if (error instanceof Response && error.status === 404) return null;
    throw error;
  });
  if (!product)
    return {
      ok: false,
      status: 404,
      errors: { form: "insights.cap.error.variant" },
    };
  const saved = await saveVariant({
    shop,
    graphql,
    product,
    now,
    input: {
      variantId,
      version: String(version),
      mode: row.mode,
      cap: String(coverage),
      leadTimeDays: row.leadTimeDays === null ? "" : String(row.leadTimeDays),
      capacityPerWeek: row.capacityPerWeek === null ? "" : String(row.capacityPerWeek),
      startsOn: day(row.startsAt),
      endsOn: day(row.endsAt),
      messageEn: row.messageEn ?? "",
      messageFr: row.messageFr ?? "",
    },
  });
  if (saved.ok)
    return {
      ok: true,
      cap: coverage,
      syncFailed: saved.sync.failed.length > 0,
    };
  // A cap moves no date, so the product page's "this will email N customers" question does not arise; if it
  // ever did, the change belongs on the product page where the question is asked.
  if ("confirm" in saved)
    return {
      ok: false,
      status: 409,
      errors: { form: "insights.cap.error.datesMove" },
    };
  return { ok: false, status: saved.status, errors: saved.errors };
}

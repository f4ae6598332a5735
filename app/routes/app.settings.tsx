// Shop settings: promise margins, delivery modes, the business calendar and the terms shown to shoppers.
// Saving publishes the shopper terms to Shopify first and stores the settings only once Shopify accepted
// them, so the storefront and our database never disagree (app/workflows/settings/publish-terms.server.ts).
import { useEffect, useRef } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { adminLocaleFromRequest, adminMessages, translator, type Translate } from "~/i18n/admin";
import type { DateChangePreview } from "~/workflows/ledger/preview.server";
import { loadSettingsPage } from "~/workflows/settings/settings-page.server";
import { publishTermsAndSaveSettings } from "~/workflows/settings/publish-terms.server";
import { readFormData } from "~/validation/form-data";
import { parseSettingsVersion, type SettingsFieldErrors } from "~/validation/settings";
import { SettingsForm } from "~/components/settings/SettingsForm";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const locale = adminLocaleFromRequest(request);
  const page = await loadSettingsPage({ shop: session.shop, graphql: admin.graphql, locale });
  // The page's own words come translated in `text`; the date-change confirmation translates with useT.
  return json({ ...page, messages: adminMessages(locale, ["dateChanges", "payments"]) });
};

type ActionResult =
  | { ok: true; message: string }
  | { ok: false; banner: string; errors: Partial<Record<string, string>>; conflictWith?: number | null }
  /** Nothing saved: the new settings would email customers; the page asks first (confirmDateChanges=1). */
  | { ok: false; confirm: DateChangePreview };

const reply = (result: ActionResult, status = 200) => json<ActionResult>(result, { status });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const t = translator(adminLocaleFromRequest(request));
  const form = await readFormData(request);
  const version = parseSettingsVersion(form);
  if (version === undefined) return reply({ ok: false, banner: t("settings.error.version"), errors: {} }, 400);
  const result = await publishTermsAndSaveSettings({
    shop: session.shop,
    graphql: admin.graphql,
    form,
    version,
    confirmDateChanges: form.get("confirmDateChanges") === "1",
  });
  if (result.ok) return reply({ ok: true, message: t("settings.toast.saved") });
  switch (result.problem) {
    case "invalid":
      return reply({ ok: false, banner: t("settings.banner.invalid"), errors: translateErrors(result.errors, t) }, 400);
    case "conflict":
      return reply({ ok: false, banner: t("settings.banner.conflict"), errors: {}, conflictWith: version }, 409);
    case "confirm":
      return reply({ ok: false, confirm: result.preview }, 409);
    case "rejected":
      return reply({ ok: false, banner: t("settings.banner.shopifyRejected", { message: result.message }), errors: {} }, 422);
    case "unavailable":
      return reply({ ok: false, banner: t("settings.banner.shopifyUnavailable"), errors: {} }, 502);
  }
};

function translateErrors(errors: SettingsFieldErrors, t: Translate): Partial<Record<string, string>> {
  return Object.fromEntries(
    Object.entries(errors).flatMap(([path, key]) => (key ? [[path, t(key)]] : [])),
  );
}

export default function SettingsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const shopify = useAppBridge();
  // One toast per save: here, above the form that remounts after a save, so a remount never repeats it.
  const toasted = useRef<unknown>(null);
  useEffect(() => {
    if (!actionData?.ok || toasted.current === actionData) return;
    toasted.current = actionData;
    shopify.toast.show(actionData.message);
  }, [actionData, shopify]);
  // A save reloads the loader data; remounting the form shows exactly what was stored.
  return <SettingsForm key={JSON.stringify([data.settings, data.termsVersion, data.version])} />;
}

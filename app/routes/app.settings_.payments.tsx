// Settings → Deposits and pay later (issue 15): the default payment option for backorders and the words
// shoppers read at checkout. The rules and the Shopify side live in app/workflows/payments/settings.server.ts.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { authenticate } from "~/shopify.server";
import { adminLocaleFromRequest, adminMessages, translator, type AdminMessageKey } from "~/i18n/admin";
import { formValues, readFormData } from "~/validation/form-data";
import { loadPaymentSettings, savePaymentSettings } from "~/workflows/payments/settings.server";
import { PaymentSettingsForm } from "~/components/settings/PaymentSettingsForm";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const locale = adminLocaleFromRequest(request);
  const page = await loadPaymentSettings({ shop: session.shop, graphql: admin.graphql, locale });
  return json({ ...page, locale, messages: adminMessages(locale, ["payments", "settings"]) });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const t = translator(adminLocaleFromRequest(request));
  const input = formValues(await readFormData(request));
  const result = await savePaymentSettings({ shop: session.shop, graphql: admin.graphql, input });
  if (!result.ok) {
    const errors = Object.fromEntries(Object.entries(result.errors).map(([field, key]) => [field, t(key as AdminMessageKey)]));
    return json({ ok: false as const, errors, message: null }, { status: result.status });
  }
  const message = result.problems.length ? t("payments.settings.refused", { message: result.problems.join("; ") }) : t("payments.settings.saved");
  return json({ ok: true as const, errors: {} as Record<string, string>, message, refused: result.problems.length > 0 });
};

export default function PaymentSettingsPage() {
  const data = useLoaderData<typeof loader>();
  // A save reloads the loader data; remounting the form shows exactly what was stored.
  return <PaymentSettingsForm key={data.version} />;
}

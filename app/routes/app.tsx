// The authenticated, embedded admin layout: App Bridge, Polaris and the navigation menu.
import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { authenticate } from "~/shopify.server";
import { env } from "~/env.server";
import { adminLocaleFromRequest, polarisTranslations, translator } from "~/i18n/admin";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  const locale = adminLocaleFromRequest(request);
  const t = translator(locale);
  return json({
    apiKey: env.SHOPIFY_API_KEY,
    appBridgeUrl: env.APP_BRIDGE_URL ?? null,
    locale,
    polaris: polarisTranslations(locale),
    nav: { home: t("nav.home"), products: t("nav.products"), settings: t("nav.settings"), notifications: t("nav.notifications"), activity: t("nav.activity"), privacy: t("nav.privacy") },
  });
};

export default function App() {
  const { apiKey, appBridgeUrl, polaris, nav } = useLoaderData<typeof loader>();

  return (
    <AppProvider
      isEmbeddedApp
      apiKey={apiKey}
      i18n={polaris}
      {...(appBridgeUrl ? { __APP_BRIDGE_URL: appBridgeUrl } : {})}
    >
      <NavMenu>
        <Link to="/app" rel="home">
          {nav.home}
        </Link>
        <Link to="/app/products">{nav.products}</Link>
        <Link to="/app/settings">{nav.settings}</Link>
        <Link to="/app/notifications">{nav.notifications}</Link>
        <Link to="/app/activity">{nav.activity}</Link>
        <Link to="/app/privacy">{nav.privacy}</Link>
      </NavMenu>
      <Outlet />
    </AppProvider>
  );
}

// Shopify needs Remix to catch some thrown responses, so that their headers are included in the response.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => {
  return boundary.headers(headersArgs);
};

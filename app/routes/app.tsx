// The authenticated, embedded admin layout: App Bridge, Polaris and the navigation menu.
import type { ReactNode } from "react";
import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, Outlet, isRouteErrorResponse, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import { AppProvider as PolarisAppProvider } from "@shopify/polaris";
import polarisEnglish from "@shopify/polaris/locales/en.json";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { authenticate } from "~/shopify.server";
import { env } from "~/env.server";
import { adminLocaleFromRequest, polarisTranslations, translator } from "~/i18n/admin";
import { LeaveConfirmation } from "~/components/UnsavedChanges";
import { ErrorPage } from "~/components/ErrorPage";
import { BAD_CURSOR } from "~/validation/cursor";

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
    nav: { home: t("nav.home"), products: t("nav.products"), settings: t("nav.settings"), notifications: t("nav.notifications"), activity: t("nav.activity"), privacy: t("nav.privacy"), support: t("nav.support") },
  });
};

type LayoutData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function App() {
  const data = useLoaderData<typeof loader>();
  return (
    <Layout data={data}>
      <LeaveConfirmation />
      <Outlet />
    </Layout>
  );
}

function Layout({ data, children }: { data: LayoutData; children: ReactNode }) {
  const { apiKey, appBridgeUrl, polaris, nav } = data;

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
        <Link to="/app/support">{nav.support}</Link>
        <Link to="/app/settings">{nav.settings}</Link>
        <Link to="/app/notifications">{nav.notifications}</Link>
        <Link to="/app/activity">{nav.activity}</Link>
        <Link to="/app/privacy">{nav.privacy}</Link>
      </NavMenu>
      {children}
    </AppProvider>
  );
}

// Shopify needs Remix to catch some thrown responses (auth bounces, reauthorize), so that their headers are
// included in the response: those go to the library's boundary. A missing page (404) or a failure (5xx,
// thrown errors) shows a styled page inside the admin, with its navigation, and never a stack trace; so does
// a list page's forged cursor (400), with a link to the list's first page.
export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("routes/app");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // A list page's forged cursor is the app's own 400, shown like a missing page (auth 400s are Shopify's).
  const badCursor = isRouteErrorResponse(error) && status === 400 && error.statusText === BAD_CURSOR;
  if (isRouteErrorResponse(error) && status !== 404 && status < 500 && !badCursor) return boundary.error(error);
  if (!data) {
    return (
      <PolarisAppProvider i18n={polarisEnglish}>
        <ErrorPage status={status} />
      </PolarisAppProvider>
    );
  }
  return (
    <Layout data={data}>
      <ErrorPage status={status} />
    </Layout>
  );
}

export const headers: HeadersFunction = (headersArgs) => {
  return boundary.headers(headersArgs);
};

import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useEffect } from "react";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData } from "@remix-run/react";
import { ROOT_NAMESPACES, adminLocaleFromRequest, adminMessages } from "~/i18n/admin";
import { sendLocaleWithFetches } from "~/i18n/client-locale";
import { AdminI18nProvider, useRouteMessages } from "~/i18n/react";
import { env, fontStylesheetUrl } from "~/env.server";

// The admin's language, resolved once per document (Shopify's `locale`, then the cookie, then the browser),
// with the messages every page uses; each page's loader adds its own namespaces (`messages`). The client
// translates with exactly what the server rendered with.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const locale = adminLocaleFromRequest(request);
  // Shopify's CDN in production; the demo's local stand-in when it set FONT_STYLESHEET_URL. From loader
  // data, so the server and the hydrating client render the same address.
  return json({ locale, messages: adminMessages(locale, ROOT_NAMESPACES), fontStylesheet: fontStylesheetUrl(env) });
};

// The language is fixed for the page's life (a new language comes with a new document from the admin).
export const shouldRevalidate = () => false;

export default function App() {
  const { locale, fontStylesheet } = useLoaderData<typeof loader>();
  // The root's messages plus the current page's (they follow client-side navigations).
  const messages = useRouteMessages();
  // Later pages are data requests without Shopify's `locale`: they carry App Bridge's in a header instead.
  useEffect(() => sendLocaleWithFetches(locale), [locale]);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        {/* No separate preconnect: the stylesheet opens the connection itself. */}
        <link rel="stylesheet" href={fontStylesheet} />
        <Meta />
        <Links />
      </head>
      <body>
        <AdminI18nProvider locale={locale} messages={messages}>
          <Outlet />
        </AdminI18nProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData } from "@remix-run/react";
import { adminLocaleFromRequest, adminMessages } from "~/i18n/admin";
import { AdminI18nProvider } from "~/i18n/react";

// The admin's language, resolved once per document (Shopify's `locale`, then the cookie, then the browser),
// with its messages: the client translates with exactly what the server rendered with.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const locale = adminLocaleFromRequest(request);
  return json({ locale, messages: adminMessages(locale) });
};

// The language is fixed for the page's life (a new language comes with a new document from the admin).
export const shouldRevalidate = () => false;

export default function App() {
  const { locale, messages } = useLoaderData<typeof loader>();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        {/* No separate preconnect: the stylesheet opens the connection itself. (The offline demo still asks
            Shopify's CDN for it; a local stand-in exists at /__demo/fonts/inter.css but nothing points here yet.) */}
        <link rel="stylesheet" href="https://cdn.shopify.com/static/fonts/inter/v4/styles.css" />
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

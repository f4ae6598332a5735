// GET https://{shop}/apps/backorder — signed by Shopify's app proxy. Lets a theme check that the proxy
// reaches the app and whether a customer is logged in (the live storefront endpoints build on this).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { authenticateAppProxy } from "~/proxy/authenticate.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticateAppProxy(request);
  const url = new URL(request.url);
  return json(
    {
      shop: url.searchParams.get("shop"),
      customerLoggedIn: Boolean(url.searchParams.get("logged_in_customer_id")),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
};

// Public landing page outside the admin. Inside Shopify the app opens at /app.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { login } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) {
    throw redirect(`/app?${url.searchParams.toString()}`);
  }
  return json({ showForm: Boolean(login) });
};

export default function App() {
  const { showForm } = useLoaderData<typeof loader>();

  return (
    <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: 640, margin: "4rem auto", padding: "0 1rem" }}>
      <h1>Backorder Pilot</h1>
      <p>Keep selling sold-out products on backorder, with honest delivery dates your customers can trust.</p>
      {showForm && (
        <Form method="post" action="/auth/login">
          <label>
            <span>Shop domain</span>{" "}
            <input type="text" name="shop" placeholder="example.myshopify.com" />
          </label>{" "}
          <button type="submit">Log in</button>
        </Form>
      )}
      <ul>
        <li>Flag sold-out variants as backorderable, with lead times, incoming stock and caps.</li>
        <li>Shoppers see an estimated delivery range and your terms before they buy.</li>
        <li>Customers are told when their order is confirmed, delayed, or ready to ship.</li>
      </ul>
    </main>
  );
}

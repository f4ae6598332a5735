// shop/redact (compliance), 48 h after uninstall: erase every row the app holds for the shop. Not recorded
// as an event (the erase removes the event log itself); erasing twice is harmless.
import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticate } from "~/shopify.server";
import { eraseShop } from "~/ledger/privacy.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await authenticate.webhook(request);
  await eraseShop(shop);
  return new Response();
};

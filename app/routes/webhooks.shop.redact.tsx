// 48 hours after uninstall Shopify asks us to erase the shop's data.
import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticate } from "~/shopify.server";
import { eraseShopData } from "~/models/shop.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  // Not recorded as an event: the erase removes the event log itself, and erasing twice is harmless.
  const { shop } = await authenticate.webhook(request);
  await eraseShopData({ shop });
  return new Response();
};

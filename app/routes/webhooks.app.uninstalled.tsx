import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/webhooks/receive.server";
import { markShopUninstalled } from "~/models/shop.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, isNew } = await receiveWebhook(request);
  // Shopify may deliver this more than once, even after the sessions are gone.
  if (isNew) await markShopUninstalled({ shop });
  return new Response();
};

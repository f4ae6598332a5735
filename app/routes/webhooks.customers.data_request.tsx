// Shopify asks what we store about a customer, for the merchant to hand over. The app stores no customer
// data yet; the request is verified and recorded so it is auditable.
import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/webhooks/receive.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  await receiveWebhook(request);
  return new Response();
};

// Shopify asks us to erase one customer's data. The app stores no customer data yet (no ledger, no
// notify-me list): verifying and recording the request is the complete answer until it does.
import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/webhooks/receive.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  await receiveWebhook(request);
  return new Response();
};

// Shopify Flow action "Revise backorder estimate" (extensions/flow-revise-estimate, its runtime_url).
// authenticate.flow checks Flow's HMAC (X-Shopify-Hmac-Sha256 over the raw body, the app's secret) and finds
// the shop's offline session: a bad signature or an unknown shop is a 400 before anything is read or written.
import { json, type ActionFunctionArgs } from "@remix-run/node";
import { authenticate } from "~/shopify.server";
import { reviseEstimateFromFlow } from "~/workflows/flow/revise-estimate.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, payload } = await authenticate.flow(request);
  const result = await reviseEstimateFromFlow({ shop: session.shop, payload });
  return json(result.body, { status: result.status });
};

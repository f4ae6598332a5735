// orders/fulfilled: a fulfilled order with backordered lines gets its survey scheduled (feedback after delivery,
// app/workflows/feedback/schedule.server.ts). Same intake as every webhook: verify, deduplicate, enqueue, 200.
import type { ActionFunctionArgs } from "@remix-run/node";
import { acceptWebhook } from "~/webhooks/receive.server";
import { ordersFulfilled } from "~/webhooks/topics.server";

export const action = async ({ request }: ActionFunctionArgs) => acceptWebhook(request, ordersFulfilled);

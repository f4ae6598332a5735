// orders/cancelled: the order's owed units leave the queue (app/ledger/orders.server.ts).
import type { ActionFunctionArgs } from "@remix-run/node";
import { acceptWebhook } from "~/webhooks/receive.server";
import { ordersCancelled } from "~/webhooks/topics.server";

export const action = async ({ request }: ActionFunctionArgs) => acceptWebhook(request, ordersCancelled);

// orders/create: recorded and queued; the job records owed lines, tags, holds and confirms (app/ledger/orders.server.ts).
import type { ActionFunctionArgs } from "@remix-run/node";
import { acceptWebhook } from "~/webhooks/receive.server";
import { ordersCreate } from "~/webhooks/topics.server";

export const action = async ({ request }: ActionFunctionArgs) => acceptWebhook(request, ordersCreate);

// orders/updated: edits shrink or cancel owed lines; new owed lines are recorded (app/ledger/orders.server.ts).
import type { ActionFunctionArgs } from "@remix-run/node";
import { acceptWebhook } from "~/webhooks/receive.server";
import { ordersUpdated } from "~/webhooks/topics.server";

export const action = async ({ request }: ActionFunctionArgs) => acceptWebhook(request, ordersUpdated);

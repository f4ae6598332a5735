// app/uninstalled: sessions go with the event; the job parks the shop's pending work. Data stays until shop/redact.
import type { ActionFunctionArgs } from "@remix-run/node";
import { acceptWebhook } from "~/webhooks/receive.server";
import { appUninstalled } from "~/webhooks/topics.server";

export const action = async ({ request }: ActionFunctionArgs) => acceptWebhook(request, appUninstalled);

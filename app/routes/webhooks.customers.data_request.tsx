// customers/data_request (compliance): the job assembles the customer's data and keeps it on the job for the merchant.
import type { ActionFunctionArgs } from "@remix-run/node";
import { acceptWebhook } from "~/webhooks/receive.server";
import { customersDataRequest } from "~/webhooks/topics.server";

export const action = async ({ request }: ActionFunctionArgs) => acceptWebhook(request, customersDataRequest);

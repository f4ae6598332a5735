// customers/redact (compliance): the job anonymizes owed lines and deletes the customer's signups and emails.
import type { ActionFunctionArgs } from "@remix-run/node";
import { acceptWebhook } from "~/webhooks/receive.server";
import { customersRedact } from "~/webhooks/topics.server";

export const action = async ({ request }: ActionFunctionArgs) => acceptWebhook(request, customersRedact);

// products/update: titles and the variant → inventory item mapping (app/ledger/products.server.ts).
import type { ActionFunctionArgs } from "@remix-run/node";
import { acceptWebhook } from "~/webhooks/receive.server";
import { productsUpdate } from "~/webhooks/topics.server";

export const action = async ({ request }: ActionFunctionArgs) => acceptWebhook(request, productsUpdate);

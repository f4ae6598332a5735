// products/delete: the product's variants leave the app (app/ledger/products.server.ts).
import type { ActionFunctionArgs } from "@remix-run/node";
import { acceptWebhook } from "~/webhooks/receive.server";
import { productsDelete } from "~/webhooks/topics.server";

export const action = async ({ request }: ActionFunctionArgs) => acceptWebhook(request, productsDelete);

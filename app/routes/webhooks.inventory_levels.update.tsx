// inventory_levels/update: a trigger to re-read the variant's stock and serve its queue (app/ledger/inventory.server.ts).
import type { ActionFunctionArgs } from "@remix-run/node";
import { acceptWebhook } from "~/webhooks/receive.server";
import { inventoryLevelsUpdate } from "~/webhooks/topics.server";

export const action = async ({ request }: ActionFunctionArgs) => acceptWebhook(request, inventoryLevelsUpdate);

import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { authenticate } from "~/shopify.server";
import { updateSessionScopes } from "~/models/session.server";

const Payload = z.object({ current: z.array(z.string()) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { payload, session } = await authenticate.webhook(request);
  const parsed = Payload.safeParse(payload);
  if (!parsed.success) return new Response("Payload must have a `current` list of scopes", { status: 400 });
  if (session) {
    await updateSessionScopes({ shop: session.shop, id: session.id, scope: parsed.data.current.join(",") });
  }
  return new Response();
};

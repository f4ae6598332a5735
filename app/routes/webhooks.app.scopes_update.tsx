// app/scopes_update: keep the stored session's scopes in step with what the merchant granted.
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { updateSessionScopes } from "~/models/session.server";
import { verifyWebhook } from "~/webhooks/verify.server";

const Payload = z.object({ current: z.array(z.string().max(200)).max(200) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { context, payload } = await verifyWebhook(request);
  const parsed = Payload.safeParse(payload);
  if (!parsed.success) return new Response("Payload must have a `current` list of scopes", { status: 400 });
  if (context.session) {
    await updateSessionScopes({ shop: context.session.shop, id: context.session.id, scope: parsed.data.current.join(",") });
  }
  return new Response();
};

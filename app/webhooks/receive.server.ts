// Every webhook route starts here: verify the HMAC (the library throws 401 on a bad one) and record the
// event so a redelivery is recognised (`isNew` false → do nothing more).
import { authenticate } from "~/shopify.server";
import { recordWebhookEvent } from "~/models/webhook-event.server";

export async function receiveWebhook(request: Request) {
  const context = await authenticate.webhook(request);
  const isNew = await recordWebhookEvent({
    shop: context.shop,
    topic: String(context.topic),
    eventId: context.eventId,
    webhookId: context.webhookId,
  });
  return { ...context, isNew };
}

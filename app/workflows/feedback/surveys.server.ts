// Feedback after delivery, the background half: an orders/fulfilled webhook's job schedules the order's one
// survey (only for an order with backordered lines, when the shop has surveys on), and a job due `delayDays`
// later sends it, unless by then the shop turned surveys off or the customer asked for no more (the survey's
// own "stop" link, or an unsubscribe from any of the app's emails).
import { localDateOf } from "~/domain/insights";
import { orderWait, surveySendAt } from "~/domain/feedback";
import { enqueueJob } from "~/jobs/queue.server";
import type { JobContext, JobOutcome } from "~/jobs/types";
import { supportLinesOfOrders } from "~/models/backorder-line.server";
import { closeScheduledSurvey, findSurvey, insertSurvey, isOptedOut } from "~/models/feedback.server";
import { listSubscriptionsOfAddresses } from "~/models/notify-subscription.server";
import { getShopSettings } from "~/models/settings.server";
import { inWriteTransaction } from "~/models/transaction.server";
import { queueEmail } from "~/notifications/queue.server";
import type { FulfilledOrderFacts } from "~/webhooks/payloads";
import { feedbackLinks } from "./links.server";

/** The send job's unique key: one survey email job per order, whatever number of deliveries scheduled it. */
const sendKey = (orderId: string) => `feedback:send:${orderId}`;
export const surveyDedupeKey = (orderId: string) => `order:${orderId}:feedback_survey`;

export async function scheduleSurvey(ctx: Pick<JobContext, "shop" | "now">, facts: FulfilledOrderFacts): Promise<JobOutcome> {
  const { shop } = ctx;
  const settings = await getShopSettings({ shop });
  if (!settings.feedback.enabled) return { summary: "feedback after delivery is off" };
  const lines = (await supportLinesOfOrders({ shop, orderIds: [facts.orderId] })).filter((l) => l.status !== "cancelled");
  const first = [...lines].sort((a, b) => a.orderedAt.getTime() - b.orderedAt.getTime())[0];
  if (!first) return { summary: "no backordered line: no survey" };
  const fulfilledAt = new Date(facts.fulfilledAt);
  const wait = orderWait(lines, { orderedOn: localDateOf(first.orderedAt, settings.timezone), fulfilledOn: localDateOf(fulfilledAt, settings.timezone) });
  const sendAt = surveySendAt(fulfilledAt, settings.feedback.delayDays);
  const email = lines.find((l) => l.customerEmail)?.customerEmail?.trim().toLowerCase() ?? null;
  const inserted = await inWriteTransaction(shop, async (tx) => {
    const created = await insertSurvey(
      { shop, orderId: facts.orderId, orderName: first.orderName, customerEmail: email, customerLocale: first.customerLocale, orderedAt: first.orderedAt, fulfilledAt, sendAt, ...wait },
      tx,
    );
    if (created) await enqueueJob({ shop, kind: "feedback.send", payload: { orderId: facts.orderId }, uniqueKey: sendKey(facts.orderId), runAt: sendAt, now: ctx.now() }, tx);
    return created;
  });
  return { summary: inserted ? `survey scheduled for ${sendAt.toISOString()}` : "survey already scheduled" };
}

/** Did the customer ask for no more surveys, or unsubscribe from one of the app's emails? */
async function unsubscribed(shop: string, email: string): Promise<boolean> {
  if (await isOptedOut({ shop, email })) return true;
  const signups = await listSubscriptionsOfAddresses({ shop, addresses: [email] });
  return signups.some((s) => s.status === "unsubscribed");
}

export async function sendSurvey(ctx: Pick<JobContext, "shop" | "now">, { orderId }: { orderId: string }): Promise<JobOutcome> {
  const { shop } = ctx;
  const survey = await findSurvey({ shop, orderId });
  if (!survey || survey.status !== "scheduled") return { summary: "nothing to send" };
  const settings = await getShopSettings({ shop });
  const skip = async (why: string) => {
    await closeScheduledSurvey({ shop, orderId, status: "skipped", at: ctx.now() });
    return { summary: `survey skipped: ${why}` };
  };
  if (!settings.feedback.enabled) return skip("feedback after delivery is off");
  if (!survey.customerEmail) return skip("no address");
  if (await unsubscribed(shop, survey.customerEmail)) return skip("the customer unsubscribed");
  const locale = survey.customerLocale;
  const questions = settings.feedback.questions[locale.toLowerCase().startsWith("fr") ? "fr" : "en"];
  const customerName = (await supportLinesOfOrders({ shop, orderIds: [orderId] })).find((l) => l.customerName)?.customerName ?? null;
  await inWriteTransaction(shop, async (tx) => {
    await queueEmail(
      {
        shop,
        kind: "feedback_survey",
        dedupeKey: surveyDedupeKey(orderId),
        to: survey.customerEmail as string,
        locale,
        data: { orderName: survey.orderName, customerName, waitQuestion: questions.wait, dateQuestion: questions.date, ...feedbackLinks({ shop, orderId, locale }) },
      },
      tx,
    );
    await closeScheduledSurvey({ shop, orderId, status: "sent", at: ctx.now() }, tx);
  });
  return { summary: "survey email queued" };
}

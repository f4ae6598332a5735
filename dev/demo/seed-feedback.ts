// Survey answers after delivery, so the dashboard's satisfaction section has something on first open: once the
// demo's backordered orders are in the support desk, five of them get a sent survey and an answer, dated over
// the last days, with waits and lateness that put a bar in every group. Written through the feedback model
// directly, not the survey page, so no follow-up lands in the support queue: the demo's queue (and its
// Complaints view, which the support-desk tour walks through) stays as the other seeds leave it. Surveys stay
// off in Settings: turning them on is the merchant's choice.
type Load = (path: string) => Promise<Record<string, unknown>>;

const DAY = 86_400_000;

/** score, "was the date accurate?", comment, days ago, wait in days, late? */
const ANSWERS: [number, boolean | null, string | null, number, number, boolean][] = [
  [5, true, "Worth the wait, and you kept me posted.", 2, 6, false],
  [4, true, null, 3, 12, false],
  [4, null, null, 4, 20, false],
  [2, false, "Two weeks later than the date on the product page.", 1, 34, true],
  [3, false, null, 5, 25, true],
];

export async function seedFeedback({ shop, orderNames, load, timeoutMs = 60_000 }: { shop: string; orderNames: string[]; load: Load; timeoutMs?: number }): Promise<number> {
  const cases = (await load("/app/models/support-case.server.ts")) as typeof import("../../app/models/support-case.server");
  const model = (await load("/app/models/feedback.server.ts")) as typeof import("../../app/models/feedback.server");
  // The surveys' orders must be in the support desk (their comments link there): wait for the replayed orders.
  const deadline = Date.now() + timeoutMs;
  let found = await cases.casesByOrderName({ shop, orderNames });
  while (found.length < ANSWERS.length && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    found = await cases.casesByOrderName({ shop, orderNames });
  }
  let seeded = 0;
  for (const [i, order] of found.slice(0, ANSWERS.length).entries()) {
    const [score, dateAccurate, comment, daysAgo, waitDays, delayed] = ANSWERS[i] as (typeof ANSWERS)[number];
    const answeredAt = new Date(Date.now() - daysAgo * DAY);
    const sentAt = new Date(answeredAt.getTime() - 3_600_000);
    const fulfilledAt = new Date(sentAt.getTime() - 3 * DAY);
    await model.insertSurvey({
      shop,
      orderId: order.orderId,
      orderName: order.orderName,
      customerEmail: order.customerEmail,
      customerLocale: order.customerLocale,
      orderedAt: new Date(fulfilledAt.getTime() - waitDays * DAY),
      fulfilledAt,
      waitDays,
      delayed,
      sendAt: sentAt,
    });
    await model.closeScheduledSurvey({ shop, orderId: order.orderId, status: "sent", at: sentAt });
    if (await model.saveSurveyAnswer({ shop, orderId: order.orderId, seenAnsweredAt: null, answer: { score, dateAccurate, comment }, now: answeredAt })) seeded++;
  }
  return seeded;
}

// The customer's side of the survey: record (or change) the one answer of an order, within its windows
// (~/domain/feedback answerWindow), and open a follow-up in the support queue when the answer needs one (a
// low score or a comment) the same way a "Where is my order?" complaint does; or stop surveys to the customer.
import { answerWindow, needsFollowUp, type FeedbackLocale, type FeedbackQuestions } from "~/domain/feedback";
import { getShopSettings } from "~/models/settings.server";
import { addOptOut, findSurvey, saveSurveyAnswer, skipScheduledSurveysOf, type SurveyRow } from "~/models/feedback.server";
import { findCase } from "~/models/support-case.server";
import { inWriteTransaction } from "~/models/transaction.server";
import type { FeedbackAnswer } from "~/validation/feedback";
import { recordCustomerFollowUp } from "~/workflows/support/timeline.server";

export type AnswerOutcome = "saved" | "not_found" | "link_expired" | "edit_window_over" | "conflict";

export interface LoadedSurvey {
  survey: SurveyRow;
  window: ReturnType<typeof answerWindow>;
  /** The shop's questions in the link's language (Settings). */
  questions: FeedbackQuestions;
}

/** The survey behind a verified link, whether an answer is still taken, and the shop's questions. */
export async function loadSurvey({ shop, orderId, locale, now }: { shop: string; orderId: string; locale: FeedbackLocale; now: Date }): Promise<LoadedSurvey | null> {
  const survey = await findSurvey({ shop, orderId });
  if (!survey) return null;
  const settings = await getShopSettings({ shop });
  return { survey, window: answerWindow({ sentAt: survey.sentAt, answeredAt: survey.answeredAt, now }), questions: settings.feedback.questions[locale] };
}

/** Records the answer; one row per order, so a second answer within the edit window replaces the first. */
export async function answerSurvey({ shop, orderId, answer, now }: { shop: string; orderId: string; answer: FeedbackAnswer; now: Date }): Promise<AnswerOutcome> {
  return inWriteTransaction(shop, async (tx) => {
    const survey = await findSurvey({ shop, orderId }, tx);
    if (!survey) return "not_found";
    const window = answerWindow({ sentAt: survey.sentAt, answeredAt: survey.answeredAt, now });
    if (!window.open) return window.reason;
    const saved = await saveSurveyAnswer({ shop, orderId, seenAnsweredAt: survey.answeredAt, answer, now }, tx);
    if (!saved) return "conflict";
    // A follow-up when the answer calls for one and says something new (re-sending the same answer is not news).
    const changed = survey.answeredAt === null || survey.score !== answer.score || (survey.comment ?? null) !== answer.comment;
    if (needsFollowUp(answer) && changed) {
      const supportCase = await findCase({ shop, orderId }, tx);
      if (supportCase) {
        await recordCustomerFollowUp(tx, shop, {
          caseStatus: supportCase.status,
          events: [
            {
              orderId,
              kind: "feedback",
              at: now,
              actor: "customer",
              data: { score: String(answer.score), dateAccurate: answer.dateAccurate, text: answer.comment ?? "" },
            },
          ],
        });
      }
    }
    return "saved";
  });
}

/** "No more surveys": the customer's address joins the opt-outs, and their surveys not yet sent are skipped. */
export async function stopSurveys({ shop, orderId }: { shop: string; orderId: string }): Promise<boolean> {
  return inWriteTransaction(shop, async (tx) => {
    const survey = await findSurvey({ shop, orderId }, tx);
    if (!survey?.customerEmail) return false;
    await addOptOut({ shop, email: survey.customerEmail }, tx);
    await skipScheduledSurveysOf({ shop, email: survey.customerEmail }, tx);
    return true;
  });
}

// The dashboard's satisfaction section: survey answers first given in the period, grouped by wait length and by
// whether the order was late (~/domain/feedback), and the latest answers with their comments, each linked to
// its order in the support desk.
import { satisfactionSummary, type SatisfactionSummary } from "~/domain/feedback";
import { answeredSurveysIn, latestAnswersIn } from "~/models/feedback.server";

export const LATEST_ANSWERS = 10;

export interface LatestAnswer {
  orderName: string;
  /** The order in the support desk. */
  path: string;
  score: number | null;
  comment: string | null;
  delayed: boolean;
  waitDays: number;
  answeredAt: string;
}

export interface Satisfaction extends SatisfactionSummary {
  latest: LatestAnswer[];
}

export async function loadSatisfaction({ shop, from, to }: { shop: string; from: Date; to: Date }): Promise<Satisfaction> {
  const [answers, latest] = await Promise.all([answeredSurveysIn({ shop, from, to }), latestAnswersIn({ shop, from, to, take: LATEST_ANSWERS })]);
  return {
    ...satisfactionSummary(answers),
    latest: latest.map((c) => ({
      orderName: c.orderName,
      path: `/app/support/${c.orderId.split("/").pop() ?? ""}`,
      score: c.score,
      comment: c.comment,
      delayed: c.delayed,
      waitDays: c.waitDays,
      answeredAt: c.answeredAt.toISOString(),
    })),
  };
}

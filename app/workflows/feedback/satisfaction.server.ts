// The dashboard's satisfaction section: survey answers first given in the period, grouped by wait length and by
// whether the order was late (~/domain/feedback), and the latest comments, each linked to its order in the
// support desk.
import { satisfactionSummary, type SatisfactionSummary } from "~/domain/feedback";
import { answeredSurveysIn, latestCommentsIn } from "~/models/feedback.server";

export const LATEST_COMMENTS = 10;

export interface SatisfactionComment {
  orderName: string;
  /** The order in the support desk. */
  path: string;
  score: number | null;
  comment: string;
  delayed: boolean;
  waitDays: number;
  answeredAt: string;
}

export interface Satisfaction extends SatisfactionSummary {
  comments: SatisfactionComment[];
}

export async function loadSatisfaction({ shop, from, to }: { shop: string; from: Date; to: Date }): Promise<Satisfaction> {
  const [answers, comments] = await Promise.all([answeredSurveysIn({ shop, from, to }), latestCommentsIn({ shop, from, to, take: LATEST_COMMENTS })]);
  return {
    ...satisfactionSummary(answers),
    comments: comments.map((c) => ({
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

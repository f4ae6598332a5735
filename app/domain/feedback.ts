// Feedback after delivery: the shop's survey settings (defaults and limits), what one order's wait was, when
// an answer may still be given or changed, and the dashboard's satisfaction figures. Pure: no I/O.

export const FEEDBACK_LOCALES = ["en", "fr"] as const;
export type FeedbackLocale = (typeof FEEDBACK_LOCALES)[number];

export interface FeedbackQuestions {
  /** "How was the wait?" (answered 1–5). */
  wait: string;
  /** "Was the date we gave you accurate?" (answered yes / no). */
  date: string;
}

export interface FeedbackSettings {
  enabled: boolean;
  /** Days after the order is fulfilled that the survey email goes. */
  delayDays: number;
  questions: Record<FeedbackLocale, FeedbackQuestions>;
}

export const FEEDBACK_BOUNDS = {
  delayDays: { min: 1, max: 60 },
  questionLength: { min: 1, max: 200 },
  commentLength: 1_000,
} as const;

export const DEFAULT_FEEDBACK_QUESTIONS: Record<FeedbackLocale, FeedbackQuestions> = {
  en: { wait: "How was the wait?", date: "Was the date we gave you accurate?" },
  fr: { wait: "Comment s’est passée l’attente ?", date: "La date que nous vous avions donnée était-elle juste ?" },
};

/** Off until the merchant turns it on: a survey is an email the customer did not ask for. */
export const DEFAULT_FEEDBACK_SETTINGS: FeedbackSettings = {
  enabled: false,
  delayDays: 3,
  questions: { en: { ...DEFAULT_FEEDBACK_QUESTIONS.en }, fr: { ...DEFAULT_FEEDBACK_QUESTIONS.fr } },
};

export const SCORES = [1, 2, 3, 4, 5] as const;
/** An answer at or below this score, or any comment, opens a follow-up in the support queue. */
export const LOW_SCORE = 2;
/** Days after the first answer during which the customer may change it. */
export const EDIT_WINDOW_DAYS = 7;
/** Days after the email during which a first answer is taken (the link's life). */
export const ANSWER_LINK_DAYS = 30;

const DAY_MS = 86_400_000;

export function feedbackLocale(locale: string | null | undefined): FeedbackLocale {
  return locale?.trim().toLowerCase().startsWith("fr") ? "fr" : "en";
}

/** When the survey email is due: `delayDays` whole days after fulfillment. */
export function surveySendAt(fulfilledAt: Date, delayDays: number): Date {
  return new Date(fulfilledAt.getTime() + delayDays * DAY_MS);
}

export interface WaitLine {
  orderedAt: Date;
  /** Latest date promised at checkout ("YYYY-MM-DD"), if any. */
  promisedLatest: string | null;
  /** Latest date the customer was last told (a delay email moves it), if any. */
  notifiedLatest: string | null;
}

/**
 * The order's wait: calendar days from its first backordered line's order to the fulfillment (both as local
 * dates "YYYY-MM-DD" in the shop's timezone), and whether it was late: shipped after the latest promised date,
 * or the customer had been told a later date than promised (a delay notice).
 */
export function orderWait(lines: readonly WaitLine[], { orderedOn, fulfilledOn }: { orderedOn: string; fulfilledOn: string }): { waitDays: number; delayed: boolean } {
  const waitDays = Math.max(0, Math.round((Date.parse(`${fulfilledOn}T00:00:00Z`) - Date.parse(`${orderedOn}T00:00:00Z`)) / DAY_MS));
  const delayed = lines.some((l) => {
    const promise = l.promisedLatest ?? null;
    if (promise && fulfilledOn > promise) return true;
    return Boolean(promise && l.notifiedLatest && l.notifiedLatest > promise);
  });
  return { waitDays, delayed };
}

export type AnswerWindow = { open: true } | { open: false; reason: "link_expired" | "edit_window_over" };

/**
 * Whether an answer is taken at `now`: a first answer within ANSWER_LINK_DAYS of the email, a change within
 * EDIT_WINDOW_DAYS of the first answer.
 */
export function answerWindow({ sentAt, answeredAt, now }: { sentAt: Date | null; answeredAt: Date | null; now: Date }): AnswerWindow {
  if (answeredAt) return now.getTime() <= answeredAt.getTime() + EDIT_WINDOW_DAYS * DAY_MS ? { open: true } : { open: false, reason: "edit_window_over" };
  if (!sentAt) return { open: true };
  return now.getTime() <= sentAt.getTime() + ANSWER_LINK_DAYS * DAY_MS ? { open: true } : { open: false, reason: "link_expired" };
}

/** A follow-up for support: a low score, or anything the customer wrote. */
export function needsFollowUp({ score, comment }: { score: number | null; comment: string | null }): boolean {
  return (score !== null && score <= LOW_SCORE) || Boolean(comment?.trim());
}

// ---- dashboard ---------------------------------------------------------------------------------------------

/** Wait-length groups, in days (upper bound included; the last is open-ended). */
export const WAIT_BUCKETS = [
  { key: "upTo7", max: 7 },
  { key: "upTo14", max: 14 },
  { key: "upTo30", max: 30 },
  { key: "over30", max: Number.POSITIVE_INFINITY },
] as const;
export type WaitBucket = (typeof WAIT_BUCKETS)[number]["key"];

export function waitBucket(waitDays: number): WaitBucket {
  return WAIT_BUCKETS.find((b) => waitDays <= b.max)?.key ?? "over30";
}

export interface SatisfactionGroup {
  answers: number;
  /** Mean score, one decimal; null without answers. */
  average: number | null;
  /** Answers scoring 4 or 5. */
  satisfied: number;
}

export interface AnsweredSurvey {
  score: number;
  waitDays: number;
  delayed: boolean;
  dateAccurate: boolean | null;
}

export interface SatisfactionSummary {
  overall: SatisfactionGroup;
  byWait: { bucket: WaitBucket; group: SatisfactionGroup }[];
  byDelay: { delayed: boolean; group: SatisfactionGroup }[];
  /** Answers to "was the date accurate?" */
  dateAccurate: { yes: number; no: number };
}

function group(scores: readonly number[]): SatisfactionGroup {
  if (scores.length === 0) return { answers: 0, average: null, satisfied: 0 };
  const sum = scores.reduce((s, x) => s + x, 0);
  return { answers: scores.length, average: Math.round((sum / scores.length) * 10) / 10, satisfied: scores.filter((s) => s >= 4).length };
}

export function satisfactionSummary(answers: readonly AnsweredSurvey[]): SatisfactionSummary {
  return {
    overall: group(answers.map((a) => a.score)),
    byWait: WAIT_BUCKETS.map((b) => ({ bucket: b.key, group: group(answers.filter((a) => waitBucket(a.waitDays) === b.key).map((a) => a.score)) })),
    byDelay: [false, true].map((delayed) => ({ delayed, group: group(answers.filter((a) => a.delayed === delayed).map((a) => a.score)) })),
    dateAccurate: { yes: answers.filter((a) => a.dateAccurate === true).length, no: answers.filter((a) => a.dateAccurate === false).length },
  };
}

// The survey page (GET and POST /apps/backorder/feedback?t=…) as Liquid for the shop's theme. GET never writes
// (mail scanners fetch links): a score link opens the form with that score chosen, and the browser posts it at
// once (a tiny script; without JavaScript the customer presses "Send"), so one click answers. POST records the
// answer and shows the form again, filled in, to add the date question or a comment. 400 tampered or foreign
// link, 404 no such survey, 410 closed (link expired, or the 7 days to change an answer are over), 400 a bad
// answer: nothing written for any of them. Everything the app writes is escaped.
import { SCORES } from "~/domain/feedback";
import { translator, type AdminMessageKey } from "~/i18n/admin";
import { escapeText, proxyFormAction, proxyPage } from "~/proxy/text";
import { feedbackAnswerSchema } from "~/validation/feedback";
import { APP_PROXY_PATH } from "~/workflows/support/choice-links.server";
import { answerSurvey, loadSurvey, stopSurveys, type AnswerOutcome, type LoadedSurvey } from "./answers.server";
import { verifyFeedbackToken, type FeedbackLink } from "./links.server";

type Locale = "en" | "fr";

export interface FeedbackResponse {
  status: number;
  body: string;
}

const page = (locale: Locale, parts: string[]) => proxyPage("feedback", locale, parts);

function message(locale: Locale, key: AdminMessageKey, status: number): FeedbackResponse {
  const t = translator(locale);
  return { status, body: page(locale, [`<h1>${escapeText(t("proxy.feedback.title"))}</h1>`, `<p role="${status < 400 ? "status" : "alert"}">${escapeText(t(key))}</p>`]) };
}

function browserLocale(acceptLanguage: string | null): Locale {
  return acceptLanguage?.trim().toLowerCase().startsWith("fr") ? "fr" : "en";
}

interface Request {
  shop: string;
  token: unknown;
  pathPrefix: string | null;
  acceptLanguage: string | null;
  now?: Date;
}

function verify({ shop, token, acceptLanguage }: Request): { ok: true; link: FeedbackLink } | { ok: false; response: FeedbackResponse } {
  const link = verifyFeedbackToken(token, { shop });
  return link ? { ok: true, link } : { ok: false, response: message(browserLocale(acceptLanguage), "proxy.feedback.invalid", 400) };
}

const CLOSED: Record<"link_expired" | "edit_window_over", AdminMessageKey> = { link_expired: "proxy.feedback.expired", edit_window_over: "proxy.feedback.editWindowOver" };

function actionPath(pathPrefix: string | null): string {
  return proxyFormAction(pathPrefix, APP_PROXY_PATH, "feedback");
}

/** The form, filled with `chosen` (a score link's) or the stored answer; `autoSubmit` posts it on load. */
function form(locale: Locale, { survey, questions }: LoadedSurvey, token: string, pathPrefix: string | null, { chosen, autoSubmit, note }: { chosen: number | null; autoSubmit: boolean; note?: AdminMessageKey }): string {
  const t = translator(locale);
  const score = chosen ?? survey.score;
  const radio = (name: string, value: string, label: string, checked: boolean) =>
    `<label style="margin-right: 1rem;"><input type="radio" name="${name}" value="${value}"${checked ? " checked" : ""}> ${escapeText(label)}</label>`;
  const parts = [
    `<h1>${escapeText(t("proxy.feedback.title"))}</h1>`,
    note ? `<p role="status">${escapeText(t(note))}</p>` : "",
    `<p>${escapeText(t("proxy.feedback.intro", { order: survey.orderName }))}</p>`,
    // The action is not the tag's last attribute: the library's liquid() helper rewrites `action="/x">` to "/x/".
    `<form action="${escapeText(actionPath(pathPrefix))}" method="post" id="bp-feedback-form" class="bp-feedback__form">`,
    `  <input type="hidden" name="t" value="${escapeText(token)}">`,
    `  <fieldset><legend>${escapeText(questions.wait)}</legend>${SCORES.map((s) => radio("score", String(s), t("proxy.feedback.score", { score: s }), s === score)).join("")}</fieldset>`,
    `  <fieldset><legend>${escapeText(questions.date)}</legend>${radio("dateAccurate", "yes", t("proxy.feedback.yes"), survey.dateAccurate === true)}${radio("dateAccurate", "no", t("proxy.feedback.no"), survey.dateAccurate === false)}</fieldset>`,
    `  <p><label for="bp-feedback-comment">${escapeText(t("proxy.feedback.comment"))}</label><br><textarea id="bp-feedback-comment" name="comment" rows="4" maxlength="1000" style="width: 100%;">${escapeText(survey.comment ?? "")}</textarea></p>`,
    `  <button type="submit" class="button">${escapeText(t("proxy.feedback.submit"))}</button>`,
    `</form>`,
    autoSubmit ? `<p role="status">${escapeText(t("proxy.feedback.saving"))}</p><script>document.getElementById("bp-feedback-form").submit();</script>` : "",
  ];
  return page(locale, parts.filter(Boolean));
}

function stopPage(locale: Locale, token: string, pathPrefix: string | null): string {
  const t = translator(locale);
  return page(locale, [
    `<h1>${escapeText(t("proxy.feedback.stop"))}</h1>`,
    `<p>${escapeText(t("proxy.feedback.stopQuestion"))}</p>`,
    `<form action="${escapeText(actionPath(pathPrefix))}" method="post" class="bp-feedback__stop">`,
    `  <input type="hidden" name="t" value="${escapeText(token)}">`,
    `  <input type="hidden" name="stop" value="1">`,
    `  <button type="submit" class="button">${escapeText(t("proxy.feedback.stopConfirm"))}</button>`,
    `</form>`,
  ]);
}

function scoreParam(raw: string | null): number | null {
  const n = raw && /^[1-5]$/.test(raw) ? Number(raw) : null;
  return n;
}

/** GET: the form (with the link's score chosen and posted by the browser), the "stop" question, or why not. */
export async function feedbackPage(request: Request & { score: string | null; stop: boolean }): Promise<FeedbackResponse> {
  const verified = verify(request);
  if (!verified.ok) return verified.response;
  const { link } = verified;
  const token = String(request.token);
  if (request.stop) return { status: 200, body: stopPage(link.locale, token, request.pathPrefix) };
  const loaded = await loadSurvey({ shop: link.shop, orderId: link.orderId, locale: link.locale, now: request.now ?? new Date() });
  if (!loaded) return message(link.locale, "proxy.feedback.notFound", 404);
  if (!loaded.window.open) return message(link.locale, CLOSED[loaded.window.reason], 410);
  const chosen = scoreParam(request.score);
  // A link whose score is already the answer shows it; a new one is posted at once (the customer's one click).
  const autoSubmit = chosen !== null && chosen !== loaded.survey.score;
  return { status: 200, body: form(link.locale, loaded, token, request.pathPrefix, { chosen, autoSubmit }) };
}

const OUTCOMES: Record<Exclude<AnswerOutcome, "saved">, { key: AdminMessageKey; status: number }> = {
  not_found: { key: "proxy.feedback.notFound", status: 404 },
  link_expired: { key: "proxy.feedback.expired", status: 410 },
  edit_window_over: { key: "proxy.feedback.editWindowOver", status: 410 },
  conflict: { key: "proxy.feedback.badAnswer", status: 409 },
};

/** POST: records the answer (or stops surveys) and shows the result. */
export async function feedbackSubmit(request: Request & { body: Record<string, unknown> | null }): Promise<FeedbackResponse> {
  const verified = verify(request);
  if (!verified.ok) return verified.response;
  const { link } = verified;
  const now = request.now ?? new Date();
  if (request.body?.stop === "1") {
    return (await stopSurveys({ shop: link.shop, orderId: link.orderId })) ? message(link.locale, "proxy.feedback.stopped", 200) : message(link.locale, "proxy.feedback.notFound", 404);
  }
  const parsed = feedbackAnswerSchema.safeParse(request.body ?? {});
  if (!parsed.success) return message(link.locale, "proxy.feedback.badAnswer", 400);
  const outcome = await answerSurvey({ shop: link.shop, orderId: link.orderId, answer: parsed.data, now });
  if (outcome !== "saved") return message(link.locale, OUTCOMES[outcome].key, OUTCOMES[outcome].status);
  const loaded = await loadSurvey({ shop: link.shop, orderId: link.orderId, locale: link.locale, now });
  if (!loaded) return message(link.locale, "proxy.feedback.notFound", 404);
  return { status: 200, body: form(link.locale, loaded, String(request.token), request.pathPrefix, { chosen: null, autoSubmit: false, note: "proxy.feedback.thanks" }) };
}

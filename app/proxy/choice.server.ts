// The customer's choice page (GET and POST /apps/backorder/choice?t=…) as Liquid for the shop's theme: the
// question with a button that posts it back (GET never acts: mail scanners and link previews fetch links),
// and the answers. Everything the app writes is escaped (braces included), and the form's action is the
// proxy path Shopify signed, so the page never echoes anything unverified.
import { formatDate } from "~/domain/format";
import { translator, type AdminMessageKey } from "~/i18n/admin";
import { APP_PROXY_PATH, verifyChoiceToken, type ChoicePayload } from "~/workflows/support/choice-links.server";
import { answerChoice, loadChoicePage, type AnswerOutcome, type ChoicePage } from "~/workflows/support/customer-choice.server";
import { escapeText, proxyFormAction, proxyPage } from "./text";

type Locale = "en" | "fr";

export interface ChoiceResponse {
  status: number;
  body: string;
}

const page = (locale: Locale, parts: string[]) => proxyPage("choice", locale, parts);

function message(locale: Locale, key: AdminMessageKey, status: number, params: Record<string, string> = {}): ChoiceResponse {
  const t = translator(locale);
  return { status, body: page(locale, [`<h1>${escapeText(t("proxy.choice.title"))}</h1>`, `<p role="${status < 400 ? "status" : "alert"}">${escapeText(t(key, params))}</p>`]) };
}

/** The language of the refusal page: the token's (only when genuine), else the browser's. */
function refusalLocale(fromToken: Locale, acceptLanguage: string | null): Locale {
  if (fromToken === "fr") return "fr";
  return acceptLanguage?.trim().toLowerCase().startsWith("fr") ? "fr" : "en";
}

function lineList(locale: Locale, view: ChoicePage): string {
  const t = translator(locale);
  const items = view.lines
    .filter((l) => l.status === "waiting")
    .map((l) => {
      const when = l.latest ? ` — ${t("proxy.choice.expected", { date: formatDate(l.latest, locale, { year: true }) })}` : "";
      return `<li>${escapeText(`${l.quantity} × ${l.title}${when}`)}</li>`;
    });
  return `<ul>${items.join("")}</ul>`;
}

function verify(token: unknown, shop: string, acceptLanguage: string | null) {
  const verified = verifyChoiceToken(token, { shop, now: new Date() });
  if (verified.ok) return verified;
  const locale = refusalLocale(verified.locale, acceptLanguage);
  return verified.reason === "expired"
    ? { ok: false as const, response: message(locale, "proxy.choice.expired", 410) }
    : { ok: false as const, response: message(locale, "proxy.choice.invalid", 400) };
}

/** GET: the question, or why the link cannot be used. Reads only. */
export async function choiceQuestion({ shop, token, pathPrefix, acceptLanguage }: { shop: string; token: unknown; pathPrefix: string | null; acceptLanguage: string | null }): Promise<ChoiceResponse> {
  const verified = verify(token, shop, acceptLanguage);
  if (!verified.ok) return verified.response;
  const { payload, tokenHash } = verified;
  const locale = payload.locale;
  const view = await loadChoicePage({ payload, tokenHash });
  if (!view) return message(locale, "proxy.choice.notFound", 404);
  if (view.state === "answered") return message(locale, "proxy.choice.alreadyAnswered", 200);
  if (view.state === "nothing_left") return message(locale, "proxy.choice.nothingLeft", 200);
  return { status: 200, body: questionPage(locale, payload, view, typeof token === "string" ? token : "", pathPrefix) };
}

function questionPage(locale: Locale, payload: ChoicePayload, view: ChoicePage, token: string, pathPrefix: string | null): string {
  const t = translator(locale);
  const cancel = payload.choice === "cancel";
  const action = proxyFormAction(pathPrefix, APP_PROXY_PATH, "choice");
  // The action is not the tag's last attribute: the library's liquid() helper rewrites `action="/x">` to "/x/".
  return page(locale, [
    `<h1>${escapeText(t(cancel ? "proxy.choice.cancel.title" : "proxy.choice.wait.title", { order: view.orderName }))}</h1>`,
    `<p>${escapeText(t(cancel ? "proxy.choice.cancel.question" : "proxy.choice.wait.question"))}</p>`,
    lineList(locale, view),
    cancel ? `<p>${escapeText(t("proxy.choice.cancel.refund"))}</p>` : "",
    `<form action="${escapeText(action)}" method="post" class="bp-choice__form">`,
    `  <input type="hidden" name="t" value="${escapeText(token)}">`,
    `  <button type="submit" class="button">${escapeText(t(cancel ? "proxy.choice.cancel.confirm" : "proxy.choice.wait.confirm"))}</button>`,
    `</form>`,
  ]);
}

const ANSWERS: Record<AnswerOutcome, { key: AdminMessageKey; status: number }> = {
  waiting: { key: "proxy.choice.done.wait", status: 200 },
  cancel_requested: { key: "proxy.choice.done.requested", status: 200 },
  cancel_processing: { key: "proxy.choice.done.processing", status: 200 },
  already_answered: { key: "proxy.choice.alreadyAnswered", status: 200 },
  nothing_left: { key: "proxy.choice.nothingLeft", status: 409 },
  not_found: { key: "proxy.choice.notFound", status: 404 },
};

/** POST: records the answer (once per link) and says what happens next. */
export async function choiceAnswer({ shop, token, acceptLanguage }: { shop: string; token: unknown; acceptLanguage: string | null }): Promise<ChoiceResponse> {
  const verified = verify(token, shop, acceptLanguage);
  if (!verified.ok) return verified.response;
  const outcome = await answerChoice({ payload: verified.payload, tokenHash: verified.tokenHash });
  const { key, status } = ANSWERS[outcome];
  return message(verified.payload.locale, key, status);
}

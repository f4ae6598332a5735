// Turns (kind, locale, data, template) into the subject, HTML and plain-text parts of an email, and checks
// a merchant's template before it is saved.
import {
  EMAIL_KIND_REGISTRY,
  dateLocale,
  sampleData,
  templateVariables,
  type EmailData,
  type EmailKind,
  type EmailLocale,
  type KindContext,
} from "./kinds";
import { htmlToText } from "./html-to-text";
import { escapeHtml, htmlEngine, liquidProblem, parseTemplate, renderLiquid, textEngine, type LiquidProblem } from "./liquid.server";
import type { TemplateSource } from "./templates";

export const MAX_SUBJECT_LENGTH = 250;

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** A subject is one header line: no line breaks or control characters, bounded length. */
export function cleanSubject(value: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  return flat.length > MAX_SUBJECT_LENGTH ? `${flat.slice(0, MAX_SUBJECT_LENGTH - 1)}…` : flat;
}

/** The responsive shell around a body: one centred column, system fonts, inline styles only. */
export function wrapHtml(body: string, { subject, locale }: { subject: string; locale: EmailLocale }): string {
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f1f1f1;">
<div style="max-width:560px;margin:0 auto;padding:32px 24px;background:#ffffff;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#303030;">
${body}
</div>
</body>
</html>
`;
}

export interface RenderInput {
  source: TemplateSource;
  variables: Record<string, unknown>;
  /** The template language (layout `lang`). */
  locale: EmailLocale;
  /** The locale dates are written in (e.g. "en-US"); defaults to `locale`. */
  dateLocale?: string;
}

/** Renders a template source; throws liquidjs errors (use `tryRenderTemplate` to get them per field). */
export async function renderTemplate({ source, variables, locale, dateLocale: dates = locale }: RenderInput): Promise<RenderedEmail> {
  const subject = cleanSubject(await renderLiquid(textEngine, source.subject, variables, dates));
  const body = await renderLiquid(htmlEngine, source.body, variables, dates);
  return { subject, html: wrapHtml(body, { subject, locale }), text: htmlToText(body) };
}

export type TemplateField = "subject" | "body";
export type TemplateFieldErrors = Partial<Record<TemplateField, LiquidProblem>>;

/**
 * A failed check: per field, liquidjs's problem (parse or render), or with `problem` set, the app's own rule
 * (`required_variable`: the detail names the variable; `empty_subject`).
 */
export type TemplateCheck =
  | { ok: true; rendered: RenderedEmail }
  | { ok: false; errors: TemplateFieldErrors; problem?: "required_variable" | "empty_subject" };

const ruleProblem = (detail: string): LiquidProblem => ({ detail, line: null, column: null });

/** Renders a template with a kind's sample data, reporting each field's parse or render error. */
export async function renderSample(kind: EmailKind, locale: EmailLocale, source: TemplateSource): Promise<TemplateCheck> {
  const data = sampleData(kind, locale);
  const variables = templateVariables(kind, data, EMAIL_KIND_REGISTRY[kind].sampleContext(locale));
  const errors: TemplateFieldErrors = {};
  const subjectParse = parseTemplate(textEngine, source.subject);
  if (!subjectParse.ok) errors.subject = subjectParse.error;
  const bodyParse = parseTemplate(htmlEngine, source.body);
  if (!bodyParse.ok) errors.body = bodyParse.error;
  if (errors.subject || errors.body) return { ok: false, errors };

  let subject = "";
  let body = "";
  try {
    subject = cleanSubject(await renderLiquid(textEngine, source.subject, variables, locale));
  } catch (error) {
    errors.subject = liquidProblem(error);
  }
  try {
    body = await renderLiquid(htmlEngine, source.body, variables, locale);
  } catch (error) {
    errors.body = liquidProblem(error);
  }
  if (errors.subject || errors.body) return { ok: false, errors };
  return { ok: true, rendered: { subject, html: wrapHtml(body, { subject, locale }), text: htmlToText(body) } };
}

/**
 * What a template must satisfy to be saved: valid Liquid, known filters, renders with sample data, a
 * non-empty subject, and the kind's required variable (the back-in-stock unsubscribe link) in the body.
 * Problems are returned as codes + liquidjs messages; the route translates the codes.
 */
export async function checkTemplate(kind: EmailKind, locale: EmailLocale, source: TemplateSource): Promise<TemplateCheck> {
  const result = await renderSample(kind, locale, source);
  if (!result.ok) return result;
  if (!result.rendered.subject) return { ok: false, errors: { subject: ruleProblem("") }, problem: "empty_subject" };
  const required = EMAIL_KIND_REGISTRY[kind].requiredVariable as
    | { name: string; sampleValue(sample: EmailData<EmailKind>): string }
    | undefined;
  if (required) {
    const value = required.sampleValue(sampleData(kind, locale));
    if (!result.rendered.html.includes(escapeHtml(value))) {
      return { ok: false, errors: { body: ruleProblem(required.name) }, problem: "required_variable" };
    }
  }
  return result;
}

/** Renders validated data for a customer: the template language follows the locale ("fr*" → fr). */
export async function renderEmailFor<K extends EmailKind>({
  kind,
  locale,
  data,
  source,
  context = {},
}: {
  kind: K;
  locale: string;
  data: EmailData<K>;
  source: TemplateSource;
  context?: KindContext;
}): Promise<RenderedEmail> {
  const language: EmailLocale = locale.toLowerCase().startsWith("fr") ? "fr" : "en";
  return renderTemplate({
    source,
    variables: templateVariables(kind, data, context),
    locale: language,
    dateLocale: dateLocale(locale),
  });
}

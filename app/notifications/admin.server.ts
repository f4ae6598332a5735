// What the notifications admin pages show and do, kept out of the route modules (which may only export
// loader/action/component): the editor's data, the outbox rows, and the translated template errors.
import type { AdminLocale, Translate } from "~/i18n/admin";
import { formatDateTime } from "~/domain/format";
import { getShopSettings } from "~/models/settings.server";
import { countOutboxEmails, getOutboxEmail, listOutboxEmails, RECIPIENT_SEARCH_MAX, type OutboxFilter } from "~/models/email-outbox.server";
import type { PageCursor } from "~/validation/cursor";
import { findEmailTemplate, listEmailTemplates } from "~/models/email-template.server";
import { ordersOfEmails } from "~/models/order-event.server";
import { casesOfOrders } from "~/models/support-case.server";
import { EMAIL_KINDS, EMAIL_KIND_REGISTRY, EMAIL_LOCALES, type EmailKind, type EmailLocale } from "./kinds";
import { renderSample, type RenderedEmail, type TemplateCheck } from "./render.server";
import { defaultTemplate } from "./templates";
import { deliveryMode } from "./transport.server";
import type { FieldErrors } from "./validation";

export type DisplayStatus = "pending" | "retrying" | "sending" | "sent" | "mailbox" | "dead";

export function displayStatus(email: { status: string; lastError: string | null; messageId: string | null }): DisplayStatus {
  switch (email.status) {
    case "sent":
      return email.messageId?.startsWith("mailbox:") ? "mailbox" : "sent";
    case "pending":
      return email.lastError ? "retrying" : "pending";
    case "sending":
      return "sending";
    default:
      return "dead";
  }
}

function dateFormatter(locale: AdminLocale, timeZone: string) {
  return (date: Date | null) => (date ? formatDateTime(date, locale, timeZone) : null);
}

async function shopTimeZone(shop: string): Promise<string> {
  return (await getShopSettings({ shop })).timezone;
}

export interface OutboxRow {
  id: string;
  kind: string;
  toEmail: string;
  subject: string;
  status: DisplayStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string | null;
  nextAttemptAt: string | null;
  retryable: boolean;
  /** The order the email is about, when the support desk's timeline knows it. */
  order: { orderId: string; orderName: string } | null;
}

/** Emails per outbox page. */
export const OUTBOX_PAGE_SIZE = 50;

/** The outbox's recipient search from the URL (`?to=`): trimmed, lower case (addresses are stored so); null when empty. */
export function recipientSearch(raw: string | null): string | null {
  const value = (raw ?? "").trim().toLowerCase().slice(0, RECIPIENT_SEARCH_MAX);
  return value || null;
}

export async function loadOutbox({
  shop,
  filter,
  recipient = null,
  locale,
  cursor = null,
}: {
  shop: string;
  filter: OutboxFilter;
  /** Emails to addresses starting with this (see listOutboxEmails); null = every email. */
  recipient?: string | null;
  locale: AdminLocale;
  /** The page asked for (validated by the route: a forged cursor is a 400). */
  cursor?: PageCursor | null;
}) {
  const [page, counts, timeZone] = await Promise.all([
    listOutboxEmails({ shop, filter, recipient, cursor, take: OUTBOX_PAGE_SIZE }),
    countOutboxEmails({ shop }),
    shopTimeZone(shop),
  ]);
  const { rows: emails, pageInfo } = page;
  const format = dateFormatter(locale, timeZone);
  const orderOf = await ordersOfEmails({ shop, emailIds: emails.map((e) => e.id) });
  const names = new Map((await casesOfOrders({ shop, orderIds: [...new Set(orderOf.values())] })).map((c) => [c.orderId, c.orderName]));
  const rows: OutboxRow[] = emails.map((email) => {
    const orderId = orderOf.get(email.id);
    const status = displayStatus(email);
    return {
      id: email.id,
      kind: email.kind,
      toEmail: email.toEmail,
      subject: email.subject,
      status,
      attempts: email.attempts,
      lastError: email.lastError,
      createdAt: format(email.createdAt),
      nextAttemptAt: status === "retrying" ? format(email.nextAttemptAt) : null,
      retryable: (status === "dead" && email.attempts > 0) || status === "retrying",
      order: orderId ? { orderId, orderName: names.get(orderId) ?? orderId } : null,
    };
  });
  return { mode: deliveryMode(), filter, recipient, counts, emails: rows, pageInfo };
}

export async function loadOutboxEmail({ shop, id, locale }: { shop: string; id: string; locale: AdminLocale }) {
  const email = await getOutboxEmail({ shop, id });
  if (!email) return null;
  const format = dateFormatter(locale, await shopTimeZone(shop));
  const status = displayStatus(email);
  return {
    id: email.id,
    kind: email.kind,
    toEmail: email.toEmail,
    subject: email.subject,
    html: email.html,
    text: email.text,
    status,
    attempts: email.attempts,
    lastError: email.lastError,
    messageId: email.messageId,
    createdAt: format(email.createdAt),
    sentAt: format(email.sentAt),
    nextAttemptAt: status === "retrying" ? format(email.nextAttemptAt) : null,
    retryable: (status === "dead" && email.attempts > 0) || status === "retrying",
  };
}

export async function loadEditor({ shop, kind, locale }: { shop: string; kind: EmailKind; locale: EmailLocale }) {
  const [stored, all] = await Promise.all([findEmailTemplate({ shop, kind, locale }), listEmailTemplates({ shop })]);
  const source = stored ?? defaultTemplate(kind, locale);
  const preview = await renderSample(kind, locale, source);
  const customized = Object.fromEntries(
    EMAIL_KINDS.map((k) => [
      k,
      Object.fromEntries(EMAIL_LOCALES.map((l) => [l, all.some((row) => row.kind === k && row.locale === l)])),
    ]),
  ) as Record<EmailKind, Record<EmailLocale, boolean>>;
  return {
    target: { kind, locale },
    template: { subject: source.subject, body: source.body, customized: Boolean(stored) },
    customized,
    variables: EMAIL_KIND_REGISTRY[kind].variableNames,
    preview: preview.ok ? preview.rendered : null,
  };
}

/** Form errors (keys) translated for the fields. */
export function translateFieldErrors(errors: FieldErrors, t: Translate, params: Record<string, string | number> = {}) {
  return Object.fromEntries(Object.entries(errors).flatMap(([path, key]) => (key ? [[path, t(key, params)]] : [])));
}

/** A failed template check, as messages next to the subject and body fields. */
export function templateCheckErrors(check: Exclude<TemplateCheck, { ok: true }>, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of ["subject", "body"] as const) {
    const detail = check.errors[field];
    if (detail === undefined) continue;
    if (check.problem === "required_variable") errors[field] = t("notifications.error.requiredVariable", { tag: `{{ ${detail.detail} }}` });
    else if (check.problem === "empty_subject") errors[field] = t("notifications.error.emptySubject");
    else if (detail.line !== null) {
      errors[field] = t("notifications.error.liquidAt", { line: detail.line, column: detail.column ?? 1, message: detail.detail });
    } else errors[field] = t("notifications.error.liquid", { message: detail.detail });
  }
  return errors;
}

export type PreviewResult = RenderedEmail;

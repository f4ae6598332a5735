// The "Where is my order?" pages, as Liquid that Shopify renders inside the shop's theme: the lookup form
// (order number + email) and an order's status with the message form. Plain HTML forms (no JavaScript
// needed), every field labelled, hints and errors tied to their field (aria-describedby, aria-invalid),
// the page's outcome announced (role="status" / role="alert"), the lines in a table with headers.
//
// Everything written into the page goes through escapeText, which also escapes Liquid's braces, so nothing
// a customer typed (or a product title) can become Liquid or HTML. A form's `action` is never its last
// attribute: the library's liquid() helper would append a slash to it.
import { formatDate, formatDateRange } from "~/domain/format";
import type { CustomerOrderStatus } from "~/workflows/support/wismo.server";
import type { ProxyLocale } from "./messages";
import { escapeText } from "./text";
import { wismoText, type WismoKey } from "./wismo-messages";

const PAGE_STYLE = "max-width: 44rem; margin: 2.5rem auto; padding: 0 1.5rem;";
const FIELD_STYLE = "display: block; width: 100%; max-width: 28rem; margin: 0.25rem 0;";
const ERROR_STYLE = "color: #b3261e; font-weight: 600;";
const CELL_STYLE = "padding: 0.5rem 0.75rem 0.5rem 0; text-align: start; vertical-align: top; border-bottom: 1px solid rgba(0, 0, 0, 0.12);";

export interface Notice {
  text: string;
  ok: boolean;
}

function notice(value: Notice | null | undefined): string {
  if (!value) return "";
  return `  <p class="bp-wismo__notice" role="${value.ok ? "status" : "alert"}"${value.ok ? "" : ` style="${ERROR_STYLE}"`}>${escapeText(value.text)}</p>`;
}

/** One labelled input with its hint and error (ids derived from `name`). */
function field({
  name,
  label,
  type,
  value,
  hint,
  error,
  attributes,
}: {
  name: string;
  label: string;
  type: string;
  value: string;
  hint?: string;
  error?: string | undefined;
  attributes: string;
}): string {
  const id = `bp-wismo-${name}`;
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return [
    `    <div class="bp-wismo__field" style="margin: 1rem 0;">`,
    `      <label for="${id}" style="font-weight: 600;">${escapeText(label)}</label>`,
    `      <input id="${id}" name="${name}" type="${type}" value="${escapeText(value)}" ${attributes}${described ? ` aria-describedby="${described}"` : ""}${error ? ' aria-invalid="true"' : ""} style="${FIELD_STYLE}">`,
    hint ? `      <p id="${id}-hint" class="bp-wismo__hint" style="margin: 0;">${escapeText(hint)}</p>` : "",
    error ? `      <p id="${id}-error" class="bp-wismo__error" style="${ERROR_STYLE} margin: 0;">${escapeText(error)}</p>` : "",
    `    </div>`,
  ]
    .filter(Boolean)
    .join("\n");
}

function hidden(name: string, value: string): string {
  return `    <input type="hidden" name="${name}" value="${escapeText(value)}">`;
}

export function lookupPage({
  locale,
  action,
  values = { order: "", email: "" },
  errors = {},
  message = null,
}: {
  locale: ProxyLocale;
  /** The page's own address on the storefront (`/apps/<subpath>/order-status`). */
  action: string;
  values?: { order: string; email: string };
  errors?: { order?: WismoKey; email?: WismoKey };
  message?: Notice | null;
}): string {
  const t = (key: WismoKey, params?: Record<string, string | number>) => wismoText(locale, key, params);
  return [
    `<section class="bp-wismo" lang="${locale}" aria-labelledby="bp-wismo-title" style="${PAGE_STYLE}">`,
    `  <h1 id="bp-wismo-title">${escapeText(t("proxy.wismo.title"))}</h1>`,
    notice(message),
    `  <p>${escapeText(t("proxy.wismo.intro"))}</p>`,
    `  <form action="${escapeText(action)}" method="post" class="bp-wismo__form">`,
    hidden("intent", "lookup"),
    hidden("locale", locale),
    field({
      name: "order",
      label: t("proxy.wismo.orderLabel"),
      type: "text",
      value: values.order,
      hint: t("proxy.wismo.orderHint"),
      error: errors.order ? t(errors.order) : undefined,
      attributes: 'required maxlength="40" autocomplete="off" spellcheck="false"',
    }),
    field({
      name: "email",
      label: t("proxy.wismo.emailLabel"),
      type: "email",
      value: values.email,
      error: errors.email ? t(errors.email) : undefined,
      attributes: 'required maxlength="254" autocomplete="email"',
    }),
    `    <button type="submit" class="button">${escapeText(t("proxy.wismo.submit"))}</button>`,
    `  </form>`,
    `</section>`,
  ]
    .filter(Boolean)
    .join("\n");
}

export function statusPage({
  locale,
  action,
  order,
  token,
  submission,
  text = "",
  error,
  message = null,
  maxChars,
}: {
  locale: ProxyLocale;
  action: string;
  order: CustomerOrderStatus;
  /** Proves the page was opened by a lookup that matched (the message form sends it back). */
  token: string;
  /** A fresh key per form: a message posted twice is recorded once. */
  submission: string;
  /** The message to show again after an error. */
  text?: string;
  error?: string | undefined;
  message?: Notice | null;
  maxChars: number;
}): string {
  const t = (key: WismoKey, params?: Record<string, string | number>) => wismoText(locale, key, params);
  const rows = order.lines.map((line) => {
    const estimate = line.estimate ? formatDateRange(line.estimate, locale) : line.status === "waiting" || line.status === "delayed" ? t("proxy.wismo.noEstimate") : "—";
    const promised = line.promisedLatest && line.estimate ? `<br><small>${escapeText(t("proxy.wismo.promised", { date: formatDate(line.promisedLatest, locale) }))}</small>` : "";
    return [
      `      <tr>`,
      `        <th scope="row" style="${CELL_STYLE}">${escapeText(line.title || "—")}</th>`,
      `        <td style="${CELL_STYLE}">${line.quantity}</td>`,
      `        <td style="${CELL_STYLE}"><strong>${escapeText(t(`proxy.wismo.status.${line.status}`))}</strong></td>`,
      `        <td style="${CELL_STYLE}">${escapeText(estimate)}${promised}</td>`,
      `      </tr>`,
    ].join("\n");
  });
  const id = "bp-wismo-message";
  const described = [`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return [
    `<section class="bp-wismo" lang="${locale}" aria-labelledby="bp-wismo-title" style="${PAGE_STYLE}">`,
    `  <h1 id="bp-wismo-title">${escapeText(t("proxy.wismo.title"))}</h1>`,
    notice(message),
    `  <h2>${escapeText(t("proxy.wismo.orderHeading", { order: order.orderName }))}</h2>`,
    `  <table class="bp-wismo__lines" style="width: 100%; border-collapse: collapse;">`,
    `    <caption style="text-align: start; margin-bottom: 0.5rem;">${escapeText(t("proxy.wismo.linesCaption"))}</caption>`,
    `    <thead>`,
    `      <tr>${(["colItem", "colQty", "colStatus", "colEstimate"] as const).map((key) => `<th scope="col" style="${CELL_STYLE}">${escapeText(t(`proxy.wismo.${key}`))}</th>`).join("")}</tr>`,
    `    </thead>`,
    `    <tbody>`,
    ...rows,
    `    </tbody>`,
    `  </table>`,
    `  <h2 id="bp-wismo-message-title">${escapeText(t("proxy.wismo.messageHeading"))}</h2>`,
    `  <form action="${escapeText(action)}" method="post" class="bp-wismo__form" aria-labelledby="bp-wismo-message-title">`,
    hidden("intent", "message"),
    hidden("locale", locale),
    hidden("token", token),
    hidden("submission", submission),
    `    <div class="bp-wismo__field" style="margin: 1rem 0;">`,
    `      <label for="${id}" style="font-weight: 600;">${escapeText(t("proxy.wismo.messageLabel"))}</label>`,
    `      <textarea id="${id}" name="message" rows="5" required maxlength="${maxChars}" aria-describedby="${described}"${error ? ' aria-invalid="true"' : ""} style="${FIELD_STYLE}">${escapeText(text)}</textarea>`,
    `      <p id="${id}-hint" class="bp-wismo__hint" style="margin: 0;">${escapeText(t("proxy.wismo.messageHint", { max: maxChars }))}</p>`,
    error ? `      <p id="${id}-error" class="bp-wismo__error" style="${ERROR_STYLE} margin: 0;">${escapeText(error)}</p>` : "",
    `    </div>`,
    `    <button type="submit" class="button">${escapeText(t("proxy.wismo.send"))}</button>`,
    `  </form>`,
    `  <p><a href="${escapeText(`${action}?locale=${locale}`)}" class="bp-wismo__another">${escapeText(t("proxy.wismo.another"))}</a></p>`,
    `</section>`,
  ]
    .filter(Boolean)
    .join("\n");
}

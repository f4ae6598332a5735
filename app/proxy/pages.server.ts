// The Liquid page an app-proxy form post gets when the browser posted it without JavaScript. Shopify renders
// it inside the shop's theme. Nothing from the request is echoed except a path checked against a strict
// pattern (no braces, no quotes), so no Liquid or HTML can be injected.
import { escapeText } from "./text";
import { proxyMessage, type ProxyLocale, type ProxyMessageKey } from "./messages";

const SAFE_PATH = /^\/(?!\/)[\w\-./%?=&~+]{0,500}$/;

/** A same-shop path to go back to, or "/" when `raw` is missing or not a plain relative path. */
export function returnPath(raw: unknown): string {
  return typeof raw === "string" && SAFE_PATH.test(raw) ? raw : "/";
}

export function notifyResultPage({
  locale,
  message,
  ok,
  back,
}: {
  locale: ProxyLocale;
  message: ProxyMessageKey;
  ok: boolean;
  back: string;
}): string {
  // The link's href is not its last attribute: the library's liquid() helper rewrites `href="/x">` to "/x/".
  return [
    `<div class="bp-proxy-page" lang="${locale}" style="max-width: 40rem; margin: 3rem auto; padding: 0 1.5rem;">`,
    `  <p role="${ok ? "status" : "alert"}">${escapeText(proxyMessage(locale, message))}</p>`,
    `  <p><a href="${escapeText(returnPath(back))}" class="bp-proxy-page__back">${escapeText(proxyMessage(locale, "back"))}</a></p>`,
    `</div>`,
  ].join("\n");
}

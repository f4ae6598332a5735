// In the browser: every fetch the app makes to its own server (Remix data requests, form posts, downloads)
// says which language the admin speaks, as App Bridge knows it (`shopify.config.locale`), so a page reached
// by clicking keeps that language even when the browser blocks the app's cookie in the admin's iframe.
import { LOCALE_HEADER, adminLocale, type AdminLocale } from "./locale";

type ShopifyGlobal = { config?: { locale?: unknown } };

/** App Bridge's locale when it is loaded, else the language the document was rendered in. */
export function appBridgeLocale(fallback: AdminLocale): AdminLocale {
  const shopify = (globalThis as { shopify?: ShopifyGlobal }).shopify;
  const locale = shopify?.config?.locale;
  return typeof locale === "string" && locale ? adminLocale(locale) : fallback;
}

const INSTALLED = Symbol.for("backorder-pilot.locale-fetch");

/** Wraps `window.fetch` once; same-origin requests get the locale header unless they set one. */
export function sendLocaleWithFetches(fallback: AdminLocale): void {
  if (typeof window === "undefined") return;
  const current = window.fetch as typeof window.fetch & { [INSTALLED]?: { fallback: AdminLocale } };
  if (current[INSTALLED]) {
    current[INSTALLED].fallback = fallback;
    return;
  }
  const state = { fallback };
  const wrapped = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    if (url.origin !== window.location.origin) return current(input, init);
    const request = new Request(input, init);
    if (request.headers.has(LOCALE_HEADER)) return current(request);
    const headers = new Headers(request.headers);
    headers.set(LOCALE_HEADER, appBridgeLocale(state.fallback));
    return current(new Request(request, { headers }));
  };
  window.fetch = Object.assign(wrapped, { [INSTALLED]: state });
}

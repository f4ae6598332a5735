// Which language the admin speaks for a request, resolved once: Shopify's `locale` (the admin adds it to
// the URL of every document it loads in the iframe, and App Bridge exposes it as `shopify.config.locale`),
// else the same value sent by the app's own fetches in a header (Remix data requests on client-side
// navigation carry no `locale`; see ./client-locale.ts), else the cookie written from it on the document
// load, else the browser's Accept-Language, else English.
export type AdminLocale = "en" | "fr";

export const ADMIN_LOCALES: readonly AdminLocale[] = ["en", "fr"];

/** Cookie remembering the admin's language between the document load and later data requests. */
export const LOCALE_COOKIE = "bp_admin_locale";

/**
 * Header the app's own fetches carry with the language App Bridge knows (`shopify.config.locale`): Remix data
 * requests and form posts keep the admin's language even where the browser blocks the cookie.
 */
export const LOCALE_HEADER = "X-Admin-Locale";

/** "fr", "fr-FR", "fr-CA" → "fr"; anything else → "en". */
export function adminLocale(value: string | null | undefined): AdminLocale {
  return value?.trim().toLowerCase().startsWith("fr") ? "fr" : "en";
}

function cookieValue(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

/** The supported language the browser prefers most (q-values honoured), or null when it names none. */
export function localeFromAcceptLanguage(header: string | null): AdminLocale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((entry, index) => {
      const [tag = "", ...params] = entry.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const language = tag.split("-")[0];
    if (language === "fr" || language === "en") return language;
  }
  return null;
}

export type LocaleSource = "shopify" | "app-bridge" | "cookie" | "browser" | "default";

export function resolveAdminLocale(request: Request): { locale: AdminLocale; source: LocaleSource } {
  const fromShopify = new URL(request.url).searchParams.get("locale");
  if (fromShopify) return { locale: adminLocale(fromShopify), source: "shopify" };
  const fromAppBridge = request.headers.get(LOCALE_HEADER);
  if (fromAppBridge) return { locale: adminLocale(fromAppBridge), source: "app-bridge" };
  const fromCookie = cookieValue(request, LOCALE_COOKIE);
  if (fromCookie === "en" || fromCookie === "fr") return { locale: fromCookie, source: "cookie" };
  const fromBrowser = localeFromAcceptLanguage(request.headers.get("Accept-Language"));
  if (fromBrowser) return { locale: fromBrowser, source: "browser" };
  return { locale: "en", source: "default" };
}

export function adminLocaleFromRequest(request: Request): AdminLocale {
  return resolveAdminLocale(request).locale;
}

/**
 * The Set-Cookie value remembering Shopify's `locale` from a document load, or null when the URL has none.
 * Over HTTPS the app runs in the admin's cross-site iframe: the cookie must be `SameSite=None; Secure`, and
 * `Partitioned` (CHIPS) so browsers that block third-party cookies keep it for this admin only. Plain HTTP
 * (the local demo, same-site) gets `SameSite=Lax`.
 */
export function localeCookieFor(request: Request): string | null {
  const url = new URL(request.url);
  const fromShopify = url.searchParams.get("locale");
  if (!fromShopify) return null;
  const secure = url.protocol === "https:" || request.headers.get("X-Forwarded-Proto") === "https";
  const attributes = secure ? "SameSite=None; Secure; Partitioned" : "SameSite=Lax";
  return `${LOCALE_COOKIE}=${adminLocale(fromShopify)}; Path=/; Max-Age=31536000; HttpOnly; ${attributes}`;
}

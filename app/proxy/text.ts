// HTML-escaping for text the app writes into proxy pages (Liquid never sees a brace from us unescaped).
const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "{": "&#123;",
  "}": "&#125;",
};

export function escapeText(text: string): string {
  return text.replace(/[&<>"'{}]/g, (c) => ESCAPES[c] as string);
}

/** Headers of a page reached from a signed email link: never cached, the token never handed on, never indexed. */
export const LINK_PAGE_HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex" };

/** A proxy page's frame (rendered in the shop's theme): `bp-proxy-page bp-<name>`, in the page's language. */
export function proxyPage(name: string, locale: string, parts: readonly string[]): string {
  return [`<div class="bp-proxy-page bp-${name}" lang="${locale}" style="max-width: 40rem; margin: 3rem auto; padding: 0 1.5rem;">`, ...parts.map((p) => `  ${p}`), `</div>`].join("\n");
}

const PROXY_PREFIX = /^\/(apps|a|community|tools)\/[a-z0-9][a-z0-9-]{0,60}$/i;

/** Where a proxy page's form posts: the proxy path Shopify signed (`path_prefix`) when well-formed, else `fallback`. */
export function proxyFormAction(pathPrefix: string | null, fallback: string, name: string): string {
  return `${pathPrefix && PROXY_PREFIX.test(pathPrefix) ? pathPrefix : fallback}/${name}`;
}

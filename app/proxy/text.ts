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

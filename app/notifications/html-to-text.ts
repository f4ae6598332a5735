// The plain-text alternative of an HTML email, derived from the HTML so merchants edit one body only.
// Small on purpose: email bodies are simple (paragraphs, headings, lists, tables, links).
const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  laquo: "«",
  raquo: "»",
  times: "×",
  euro: "€",
  copy: "©",
  reg: "®",
  middot: "·",
  bull: "•",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
    if (entity[0] === "#") {
      const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? match;
  });
}

const CELL = "\u241f";
const stripTags = (html: string) => html.replace(/<[^>]*>/g, "");

export function htmlToText(html: string): string {
  let s = html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(head|style|script|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
    // Source line breaks and indentation mean nothing in HTML. ASCII whitespace only: the thin and
    // no-break spaces of formatted dates ("14 – 18 Dec") are content.
    .replace(/[ \t\r\n\f]+/g, " ");

  // Links keep their target: "Shop now (https://…)".
  s = s.replace(
    /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>([\s\S]*?)<\/a\s*>/gi,
    (_m, d: string | undefined, q: string | undefined, u: string | undefined, inner: string) => {
      const href = (d ?? q ?? u ?? "").trim();
      const label = stripTags(inner).trim();
      if (!href || /^(mailto:|tel:)?$/i.test(href)) return label;
      if (!label || decodeEntities(label) === decodeEntities(href)) return href;
      return `${label} (${href})`;
    },
  );

  s = s
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<hr\b[^>]*>/gi, "\n----------\n")
    .replace(/<li\b[^>]*>/gi, "\n- ")
    .replace(/<\/li\s*>/gi, "")
    // Table cells: kept apart by a marker that survives whitespace collapsing, written as two spaces.
    .replace(/<\/(td|th)\s*>/gi, CELL)
    .replace(/<\/?(p|h[1-6]|ul|ol|table|blockquote)\b[^>]*>/gi, "\n\n")
    .replace(/<\/?(div|section|header|footer|article)\b[^>]*>|<\/tr\s*>/gi, "\n");

  s = decodeEntities(stripTags(s));

  return s
    .split("\n")
    .map((line) =>
      line
        .replace(/[ \t]+/g, " ")
        .replace(new RegExp(`\\s*${CELL}\\s*$`), "")
        .replace(new RegExp(`\\s*${CELL}\\s*`, "g"), "  ")
        .trim(),
    )
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// The plain-text alternative of an HTML email, derived from the HTML so merchants edit one body only.
// Parsing is html-to-text's (a real HTML parser: every named entity, attributes containing ">", comments,
// head/style/script); the options below only choose how blocks read as text.
import { convert, type HtmlToTextOptions } from "html-to-text";

const OPTIONS: HtmlToTextOptions = {
  // Mail clients wrap plain text themselves; a hard wrap would break long URLs.
  wordwrap: false,
  selectors: [
    ...(["h1", "h2", "h3", "h4", "h5", "h6"] as const).map((selector) => ({ selector, options: { uppercase: false } })),
    // "Shop now (https://…)"; a link whose text is its URL is written once; mailto:/tel: show their label.
    { selector: "a", options: { linkBrackets: ["(", ")"] as [string, string], hideLinkHrefIfSameAsText: true } },
    { selector: "ul", options: { itemPrefix: "- " } },
    { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false, colSpacing: 2, maxColumnWidth: 120 } },
    { selector: "img", format: "skip" },
  ],
};

export function htmlToText(html: string): string {
  return convert(html, OPTIONS).trim();
}

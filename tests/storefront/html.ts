// A tiny HTML reader for the block's own, well-formed markup: enough to ask what a shopper sees (text of
// elements not `hidden`) without a DOM library. The Chromium e2e tests cover the real browser.
export interface HtmlNode {
  tag: string;
  attrs: Record<string, string>;
  children: (HtmlNode | string)[];
  parent: HtmlNode | null;
}

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: "\u00a0" };

export function decode(text: string): string {
  return text.replace(/&(#39|amp|lt|gt|quot|nbsp);/g, (_, name: string) => ENTITIES[name] as string);
}

export function parseHtml(html: string): HtmlNode {
  const root: HtmlNode = { tag: "#root", attrs: {}, children: [], parent: null };
  let current = root;
  const tokens = /<!--[\s\S]*?-->|<script\b([^>]*)>([\s\S]*?)<\/script>|<\/([a-zA-Z0-9-]+)\s*>|<([a-zA-Z0-9-]+)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>|([^<]+)/g;
  for (const m of html.matchAll(tokens)) {
    if (m[0].startsWith("<!--")) continue;
    if (m[0].startsWith("<script")) {
      current.children.push({ tag: "script", attrs: attributes(m[1] ?? ""), children: [m[2] ?? ""], parent: current });
    } else if (m[3]) {
      const tag = m[3].toLowerCase();
      let node: HtmlNode | null = current;
      while (node && node.tag !== tag) node = node.parent;
      if (!node?.parent) throw new Error(`Unbalanced </${tag}> in:\n${html}`);
      current = node.parent;
    } else if (m[4]) {
      const node: HtmlNode = { tag: m[4].toLowerCase(), attrs: attributes(m[5] ?? ""), children: [], parent: current };
      current.children.push(node);
      if (!VOID.has(node.tag)) current = node;
    } else if (m[6]) {
      current.children.push(m[6]);
    }
  }
  if (current !== root) throw new Error(`Unclosed <${current.tag}> in:\n${html}`);
  return root;
}

function attributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(/([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attrs[(m[1] as string).toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

export function all(node: HtmlNode, match: (n: HtmlNode) => boolean): HtmlNode[] {
  const out: HtmlNode[] = [];
  for (const child of node.children) {
    if (typeof child === "string") continue;
    if (match(child)) out.push(child);
    out.push(...all(child, match));
  }
  return out;
}

/** Elements carrying `attr` (and, when given, with that value). */
export function byAttr(node: HtmlNode, attr: string, value?: string): HtmlNode[] {
  return all(node, (n) => attr in n.attrs && (value === undefined || n.attrs[attr] === value));
}

export function isShown(node: HtmlNode): boolean {
  for (let n: HtmlNode | null = node; n; n = n.parent) if ("hidden" in n.attrs) return false;
  return true;
}

/** What a shopper reads: text outside hidden elements and scripts, whitespace collapsed. */
export function visibleText(node: HtmlNode): string {
  if ("hidden" in node.attrs || node.tag === "script") return "";
  const parts = node.children.map((c) => (typeof c === "string" ? decode(c) : visibleText(c)));
  return parts.join(" ").replace(/\s+/g, " ").trim();
}

export function text(node: HtmlNode): string {
  return node.children
    .map((c) => (typeof c === "string" ? decode(c) : c.tag === "script" ? "" : text(c)))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

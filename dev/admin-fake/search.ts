// A subset of Shopify's search syntax for the `query:` argument of list fields:
//   title:Mug  status:active,draft  -tag:sale  NOT tag:x  sku:MUG-*  inventory_total:<=0  id:>123
//   created_at:>'2026-01-01'  (a OR b)  bare words (matched against each resource's default fields)
// Terms are ANDed unless joined by OR. A field the fake does not know fails loudly rather than being ignored.
import { GraphQLError } from "graphql";
import { gidNumber } from "./store";

type Scalar = string | number | boolean | null | undefined;
export type SearchValue = Scalar | readonly Scalar[];

export interface SearchFields<T> {
  /** Resource name for error messages, e.g. "products". */
  resource: string;
  fields: Record<string, (item: T) => SearchValue>;
  /** Fields compared as dates. */
  dateFields?: readonly string[];
  /** Text matched by bare words. */
  defaultText: (item: T) => string;
}

type Comparator = ":" | "<" | "<=" | ">" | ">=";
type Node =
  | { kind: "and"; children: Node[] }
  | { kind: "or"; children: Node[] }
  | { kind: "not"; child: Node }
  | { kind: "term"; field: string | null; op: Comparator; value: string };

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "(" || ch === ")") {
      tokens.push(ch);
      i++;
      continue;
    }
    let word = "";
    while (i < query.length && !/[\s()]/.test(query[i] as string)) {
      const c = query[i] as string;
      if (c === '"' || c === "'") {
        const close = query.indexOf(c, i + 1);
        const endQuote = close === -1 ? query.length : close;
        word += query.slice(i, endQuote + 1);
        i = endQuote + 1;
      } else {
        word += c;
        i++;
      }
    }
    tokens.push(word);
  }
  return tokens;
}

const unquote = (s: string): string => s.replace(/^(["'])(.*)\1$/s, "$2");

export function parseSearch(query: string): Node {
  const tokens = tokenize(query);
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];

  function parseOr(): Node {
    const children = [parseAnd()];
    while (peek() === "OR") {
      pos++;
      children.push(parseAnd());
    }
    return children.length === 1 ? (children[0] as Node) : { kind: "or", children };
  }
  function parseAnd(): Node {
    const children: Node[] = [];
    while (pos < tokens.length && peek() !== ")" && peek() !== "OR") {
      if (peek() === "AND") {
        pos++;
        continue;
      }
      children.push(parseUnary());
    }
    return children.length === 1 ? (children[0] as Node) : { kind: "and", children };
  }
  function parseUnary(): Node {
    const token = peek();
    if (token === "NOT") {
      pos++;
      return { kind: "not", child: parseUnary() };
    }
    if (token === "(") {
      pos++;
      const inner = parseOr();
      if (peek() === ")") pos++;
      return inner;
    }
    pos++;
    const word = token as string;
    if (word.startsWith("-") && word.length > 1) return { kind: "not", child: term(word.slice(1)) };
    return term(word);
  }
  function term(word: string): Node {
    const match = /^([a-z_]+):(<=|>=|<|>)?(.*)$/s.exec(word);
    if (!match) return { kind: "term", field: null, op: ":", value: unquote(word) };
    return {
      kind: "term",
      field: match[1] as string,
      op: (match[2] as Comparator | undefined) ?? ":",
      value: unquote(match[3] as string),
    };
  }
  return parseOr();
}

function compare(actual: Scalar, op: Comparator, expected: string, isDate: boolean, isId: boolean): boolean {
  if (actual == null) return false;
  if (isId && typeof actual === "string") actual = gidNumber(actual) ?? actual;
  if (isId) expected = String(gidNumber(expected) ?? expected);
  if (op === ":") {
    if (typeof actual === "number") return expected !== "" && actual === Number(expected);
    if (typeof actual === "boolean") return String(actual) === expected.toLowerCase();
    const a = actual.toLowerCase();
    const e = expected.toLowerCase();
    return e.endsWith("*") ? a.startsWith(e.slice(0, -1)) : a === e;
  }
  let a: number;
  let e: number;
  if (isDate) {
    a = Date.parse(String(actual));
    e = Date.parse(expected);
  } else {
    a = typeof actual === "number" ? actual : Number(actual);
    e = Number(expected);
  }
  if (Number.isNaN(a) || Number.isNaN(e)) return false;
  switch (op) {
    case "<":
      return a < e;
    case "<=":
      return a <= e;
    case ">":
      return a > e;
    case ">=":
      return a >= e;
  }
}

/** Filters items by a Shopify search query (null/empty keeps everything). */
export function filterBySearch<T>(items: readonly T[], query: string | null | undefined, spec: SearchFields<T>): T[] {
  if (!query || !query.trim()) return [...items];
  const tree = parseSearch(query);
  const check = (node: Node): void => {
    if (node.kind === "and" || node.kind === "or") return node.children.forEach(check);
    if (node.kind === "not") return check(node.child);
    if (node.field && !(node.field in spec.fields)) {
      throw new GraphQLError(
        `Admin fake: search field "${node.field}" is not implemented for ${spec.resource} ` +
          `(supported: ${Object.keys(spec.fields).join(", ")}; query: ${JSON.stringify(query)})`,
        { extensions: { code: "NOT_IMPLEMENTED_IN_FAKE" } },
      );
    }
  };
  check(tree);
  const matches = (item: T, node: Node): boolean => {
    switch (node.kind) {
      case "and":
        return node.children.every((c) => matches(item, c));
      case "or":
        return node.children.some((c) => matches(item, c));
      case "not":
        return !matches(item, node.child);
      case "term": {
        if (!node.field) {
          const word = node.value.toLowerCase().replace(/\*$/, "");
          return spec.defaultText(item).toLowerCase().includes(word);
        }
        const getter = spec.fields[node.field] as (item: T) => SearchValue;
        const raw = getter(item);
        const values: readonly Scalar[] = Array.isArray(raw) ? raw : [raw as Scalar];
        const alternatives = node.op === ":" ? node.value.split(",") : [node.value];
        const isDate = spec.dateFields?.includes(node.field) ?? false;
        const isId = node.field === "id" || node.field.endsWith("_id");
        return values.some((v) => alternatives.some((alt) => compare(v, node.op, alt.trim(), isDate, isId)));
      }
    }
  };
  return items.filter((item) => matches(item, tree));
}

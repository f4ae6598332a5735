// Renders the theme app extension's own Liquid files (blocks/, snippets/, locales/) with liquidjs and the
// Shopify tags and filters they use: `schema`, `t`, `json`, `money`, `date`, `asset_url`, `stylesheet_tag`,
// `script_tag`. For the demo storefront preview and the rendering tests; never imported by app routes.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { Liquid, type TagToken, type TopLevelToken, type Emitter, type Template } from "liquidjs";

export interface BlockSetting {
  type: string;
  id?: string;
  default?: unknown;
  autofill?: boolean;
}

export interface BlockSchema {
  name: string;
  target: "section" | "head" | "body" | "compliance_head";
  javascript?: string;
  stylesheet?: string;
  enabled_on?: { templates?: string[] };
  settings?: BlockSetting[];
}

export interface ThemeRendererOptions {
  /** The extension folder (with blocks/, snippets/, locales/, assets/). */
  extensionDir: string;
  /** URL prefix for `asset_url` (Shopify serves them from its CDN). */
  assetBase?: string;
}

export interface BlockRenderInput {
  /** Storefront language, e.g. "en" or "fr" (`request.locale.iso_code`). */
  locale: string;
  /** Theme editor values; missing ones take the schema defaults. */
  settings?: Record<string, unknown>;
  blockId?: string;
  /** The id of the section the block sits in (`section.id`, the only section attribute an app block sees). */
  sectionId?: string;
  /** Global Liquid objects of the page: product, shop, cart, customer … */
  globals?: Record<string, unknown>;
  /** Currency for `money`, default EUR. */
  currency?: string;
}

type Translations = Record<string, unknown>;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** Shopify's `json` filter output, made safe inside <script> (no `</script>` or U+2028 can break out). */
export function liquidJson(value: unknown): string {
  const text = JSON.stringify(value === undefined ? null : value) ?? "null";
  return text.replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function lookup(tree: Translations, key: string): unknown {
  let node: unknown = tree;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function readJson(file: string): Translations {
  return JSON.parse(readFileSync(file, "utf8")) as Translations;
}

/** `{% schema %}…{% endschema %}` of a Liquid file, parsed. */
export function parseSchema(source: string): BlockSchema {
  const match = /{%-?\s*schema\s*-?%}([\s\S]*?){%-?\s*endschema\s*-?%}/.exec(source);
  if (!match?.[1]) throw new Error("No {% schema %} in this Liquid file");
  return JSON.parse(match[1]) as BlockSchema;
}

export interface ThemeRenderer {
  readonly extensionDir: string;
  /** Locale codes with a storefront locale file (the default first). */
  readonly locales: string[];
  schema(block: string): BlockSchema;
  /** Resolved block.settings: schema defaults overlaid with `overrides`. */
  settings(block: string, overrides?: Record<string, unknown>): Record<string, unknown>;
  translate(locale: string, key: string, vars?: Record<string, unknown>): string;
  renderBlock(block: string, input: BlockRenderInput): Promise<string>;
  /** Renders a Liquid string (e.g. an app proxy's `application/liquid` answer) with the same filters. */
  renderString(source: string, input: BlockRenderInput): Promise<string>;
}

export function createThemeRenderer(options: ThemeRendererOptions): ThemeRenderer {
  const dir = path.resolve(options.extensionDir);
  const assetBase = (options.assetBase ?? "/assets").replace(/\/$/, "");
  const localeFiles = readdirSync(path.join(dir, "locales")).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"));
  const defaultFile = localeFiles.find((f) => f.endsWith(".default.json"));
  if (!defaultFile) throw new Error(`${dir}/locales has no *.default.json`);
  const defaultLocale = defaultFile.replace(".default.json", "");
  const translations = new Map<string, Translations>(
    localeFiles.map((f) => [f.replace(/(\.default)?\.json$/, ""), readJson(path.join(dir, "locales", f))]),
  );
  const locales = [defaultLocale, ...[...translations.keys()].filter((l) => l !== defaultLocale)];

  function translate(locale: string, key: string, vars: Record<string, unknown> = {}): string {
    const language = locale.slice(0, 2);
    let found = lookup(translations.get(language) ?? {}, key) ?? lookup(translations.get(defaultLocale) ?? {}, key);
    if (found !== null && typeof found === "object" && "count" in vars) {
      const plural = new Intl.PluralRules(language).select(Number(vars.count));
      found = (found as Record<string, unknown>)[plural] ?? (found as Record<string, unknown>).other;
    }
    if (typeof found !== "string") return `translation missing: ${language}.${key}`;
    const raw = key.endsWith("_html");
    const text = found.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => (name in vars ? String(vars[name] ?? "") : ""));
    return raw ? text : escapeHtml(text);
  }

  // The `date` filter formats in UTC: the extension only dates shop-local calendar days ("YYYY-MM-DD"),
  // which Shopify reads and prints in the shop's timezone, so no day can shift.
  const engine = new Liquid({
    root: [path.join(dir, "blocks")],
    partials: [path.join(dir, "snippets")],
    extname: ".liquid",
    timezoneOffset: 0,
    cache: false,
  });

  engine.registerTag("schema", {
    parse(_token: TagToken, remainTokens: TopLevelToken[]) {
      // Swallow everything up to {% endschema %}: Shopify never renders the schema.
      while (remainTokens.length) {
        const token = remainTokens.shift() as TopLevelToken & { name?: string };
        if (token.name === "endschema") return;
      }
      throw new Error("{% schema %} without {% endschema %}");
    },
    *render(_ctx: unknown, _emitter: Emitter): Generator<unknown, void, unknown> {},
  });

  const kwargs = (args: unknown[]): Record<string, unknown> =>
    Object.fromEntries(args.filter((a): a is [string, unknown] => Array.isArray(a) && a.length === 2 && typeof a[0] === "string"));

  engine.registerFilter("t", function (this: { context: { getSync(path: string[]): unknown } }, key: unknown, ...args: unknown[]) {
    const locale = String(this.context.getSync(["request", "locale", "iso_code"]) ?? defaultLocale);
    return translate(locale, String(key), kwargs(args));
  });
  engine.registerFilter("json", (value: unknown) => liquidJson(value));
  engine.registerFilter("money", function (this: { context: { getSync(path: string[]): unknown } }, cents: unknown) {
    const locale = String(this.context.getSync(["request", "locale", "iso_code"]) ?? defaultLocale);
    const currency = String(this.context.getSync(["shop", "currency"]) ?? "EUR");
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(Number(cents) / 100);
  });
  engine.registerFilter("asset_url", (file: unknown) => `${assetBase}/${String(file)}`);
  engine.registerFilter("stylesheet_tag", (url: unknown) => `<link href="${escapeHtml(String(url))}" rel="stylesheet" type="text/css" media="all" />`);
  engine.registerFilter("script_tag", (url: unknown) => `<script src="${escapeHtml(String(url))}" type="text/javascript"></script>`);

  const templates = new Map<string, Template[]>();
  function template(block: string): Template[] {
    let parsed = templates.get(block);
    if (!parsed) {
      parsed = engine.parse(readFileSync(path.join(dir, "blocks", `${block}.liquid`), "utf8"));
      templates.set(block, parsed);
    }
    return parsed;
  }

  function schema(block: string): BlockSchema {
    return parseSchema(readFileSync(path.join(dir, "blocks", `${block}.liquid`), "utf8"));
  }

  function settings(block: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const defaults = Object.fromEntries(
      (schema(block).settings ?? []).filter((s) => s.id).map((s) => [s.id as string, s.default ?? null]),
    );
    return { ...defaults, ...overrides };
  }

  // Shopify's global objects (request, shop, product …) are visible inside {% render %}d snippets; the
  // template's own variables (block, assigns) are not: liquidjs `globals` behave the same way.
  function globalsOf(input: BlockRenderInput): Record<string, unknown> {
    const globals = input.globals ?? {};
    return { ...globals, request: { locale: { iso_code: input.locale }, ...(globals.request as object | undefined) } };
  }

  function scope(block: string | null, input: BlockRenderInput): Record<string, unknown> {
    const globals = input.globals ?? {};
    const blockSettings = block ? settings(block, input.settings) : (input.settings ?? {});
    if (block) {
      // Autofilled resource settings point at the template's resource (the product on a product page).
      for (const s of schema(block).settings ?? []) {
        if (s.autofill && s.id && blockSettings[s.id] == null && s.type in globals) blockSettings[s.id] = globals[s.type];
      }
    }
    return {
      block: { id: input.blockId ?? "bp-block", type: block ?? "", settings: blockSettings, shopify_attributes: "" },
      ...(input.sectionId ? { section: { id: input.sectionId } } : {}),
    };
  }

  return {
    extensionDir: dir,
    locales,
    schema,
    settings,
    translate,
    renderBlock: (block, input) =>
      engine.render(template(block), scope(block, input), { globals: globalsOf(input) }) as Promise<string>,
    renderString: (source, input) => engine.parseAndRender(source, scope(null, input), { globals: globalsOf(input) }),
  };
}

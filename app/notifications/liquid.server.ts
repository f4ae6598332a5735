// The Liquid engines that render email templates, locked down because merchants edit the templates:
// - no file system: `include`, `render`, `layout` and `block` are not tags here, and the engine only knows
//   an empty in-memory template map;
// - unknown filters are a parse error (`strictFilters`), so a typo is refused when the template is saved,
//   not discovered when a customer's email fails; unknown variables render empty (`strictVariables` off);
// - HTML bodies escape every output (`outputEscape: "escape"`), and `raw` is removed, so a customer's name
//   can never inject markup; `escape`/`escape_once` are no-ops (no double escaping of copied Shopify
//   templates) and `newline_to_br` escapes its input first, then adds the line breaks;
// - only own properties are readable (no `constructor`/prototype walking);
// - parse size, render time and memory are capped, so a runaway loop fails instead of hanging a worker.
import { Liquid, type Template } from "liquidjs";
import { formatDate, formatDateRange } from "~/domain/format";
import { isIsoDate } from "./kinds";

export const MAX_TEMPLATE_LENGTH = 100_000;
const RENDER_LIMITS = { renderLimit: 2_000, memoryLimit: 20_000_000, templateLimit: 200_000 };
const REMOVED_TAGS = ["include", "render", "layout", "block"] as const;

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

function toText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : String(value);
}

/** The date locale of the render in progress (set per render through `globals`). */
function localeOf(context: { globals: unknown }): string {
  const globals = context.globals as { date_locale?: unknown } | undefined;
  return typeof globals?.date_locale === "string" ? globals.date_locale : "en";
}

function createEngine(html: boolean): Liquid {
  const engine = new Liquid({
    templates: {},
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    outputEscape: html ? "escape" : undefined,
    parseLimit: MAX_TEMPLATE_LENGTH * 2,
    timezoneOffset: 0,
    ...RENDER_LIMITS,
  });
  for (const tag of REMOVED_TAGS) delete engine.tags[tag];
  if (html) {
    engine.unregisterFilter("raw");
    engine.registerFilter("escape", (value: unknown) => value);
    engine.registerFilter("escape_once", (value: unknown) => value);
    engine.registerFilter("newline_to_br", {
      handler: (value: unknown) => escapeHtml(toText(value)).replace(/\r?\n/g, "<br>\n"),
      raw: true,
    });
  }
  // {{ earliest | date_range: latest }} → "14–18 Dec" / "14–18 déc." in the email's locale.
  engine.registerFilter("date_range", function (this: { context: { globals: unknown } }, earliest: unknown, latest: unknown) {
    const from = toText(earliest);
    const to = latest === undefined || latest === null || latest === "" ? from : toText(latest);
    if (!isIsoDate(from) || !isIsoDate(to)) return from;
    return formatDateRange({ earliest: from, latest: to }, localeOf(this.context));
  });
  // {{ previous_latest | format_date }} → "18 Dec" / "18 déc." (a year is added when asked: format_date: true).
  engine.registerFilter("format_date", function (this: { context: { globals: unknown } }, date: unknown, withYear: unknown) {
    const value = toText(date);
    if (!isIsoDate(value)) return value;
    return formatDate(value, localeOf(this.context), { year: withYear === true });
  });
  return engine;
}

/** Renders email bodies: every output escaped for HTML. */
export const htmlEngine = createEngine(true);
/** Renders subjects (a header, not HTML): nothing escaped; the caller strips line breaks. */
export const textEngine = createEngine(false);

/**
 * What went wrong in a template, for the merchant: liquidjs's own detail ("tag "iff" not found") and where
 * (line and column, when liquidjs knows), kept apart so the admin can say it in the merchant's language.
 */
export interface LiquidProblem {
  detail: string;
  line: number | null;
  column: number | null;
}

/** Parses a template; a failure carries liquidjs's detail, line and column. */
export function parseTemplate(engine: Liquid, source: string): { ok: true; template: Template[] } | { ok: false; error: LiquidProblem } {
  try {
    return { ok: true, template: engine.parse(source) };
  } catch (error) {
    return { ok: false, error: liquidProblem(error) };
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** liquidjs appends ", line:3, col:7" to its messages; the position is reported on its own instead. */
const POSITION_SUFFIX = /, line:(\d+), col:(\d+)$/;

export function liquidProblem(error: unknown): LiquidProblem {
  const message = errorMessage(error);
  const position = POSITION_SUFFIX.exec(message);
  if (!position) return { detail: message, line: null, column: null };
  return { detail: message.slice(0, position.index), line: Number(position[1]), column: Number(position[2]) };
}

// Parsed templates are reused: a batch of back-in-stock emails renders the same source thousands of times.
const parsedCache = new Map<string, Template[]>();
const PARSED_CACHE_SIZE = 200;

function parsed(engine: Liquid, source: string): Template[] {
  const key = `${engine === htmlEngine ? "h" : "t"}:${source}`;
  const hit = parsedCache.get(key);
  if (hit) {
    parsedCache.delete(key);
    parsedCache.set(key, hit);
    return hit;
  }
  const template = engine.parse(source);
  parsedCache.set(key, template);
  if (parsedCache.size > PARSED_CACHE_SIZE) {
    const oldest = parsedCache.keys().next().value;
    if (oldest !== undefined) parsedCache.delete(oldest);
  }
  return template;
}

/** Renders a template source; throws liquidjs's ParseError/RenderError. */
export async function renderLiquid(
  engine: Liquid,
  source: string,
  variables: Record<string, unknown>,
  locale: string,
): Promise<string> {
  const output: unknown = await engine.render(parsed(engine, source), variables, {
    globals: { date_locale: locale },
    ...RENDER_LIMITS,
  });
  return toText(output);
}

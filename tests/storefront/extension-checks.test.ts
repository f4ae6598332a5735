// The theme app extension passes Shopify's theme check and stays within its size budgets.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { http, HttpResponse } from "msw";
import { check } from "@shopify/theme-check-node";
import { describe, expect, it } from "vitest";
import { mswServer } from "../setup/vitest.setup";
import { BLOCK_SCRIPT_ASSET, buildBlockScript } from "../../dev/scripts/build-storefront";
import { EXTENSION_DIR, renderer } from "./support";

/** Budgets for what a storefront page downloads from us, gzipped (zlib, level 9). JavaScript: 4 KB since the
 * payment choice (issue 15: deposits and pay later), the block being the only script of ours on a product page. */
const JS_BUDGET = 4 * 1024;
const CSS_BUDGET = 2 * 1024;

function gzipped(file: string): number {
  return gzipSync(readFileSync(path.join(EXTENSION_DIR, "assets", file)), { level: 9 }).length;
}

/** The assets Shopify loads for a block: its schema's `javascript` and `stylesheet`. */
function assetsOf(block: string): { js: string[]; css: string[] } {
  const schema = renderer.schema(block);
  return { js: schema.javascript ? [schema.javascript] : [], css: schema.stylesheet ? [schema.stylesheet] : [] };
}

describe("the backorder-eta theme app extension", () => {
  it("has no theme-check offenses", async () => {
    // GIVEN theme check offline (it falls back to its bundled Liquid docs when GitHub is unreachable)
    mswServer.use(http.get("https://raw.githubusercontent.com/*", () => HttpResponse.error()));

    // WHEN it checks the extension folder (detected as an app extension by shopify.extension.toml)
    const offenses = await check(EXTENSION_DIR);

    // THEN it reports nothing
    expect(offenses.map((o) => `${o.check} ${o.uri.split("/").slice(-2).join("/")}:${o.start.line} ${o.message}`)).toEqual([]);
  }, 60_000);

  it.each(["backorder-eta", "cart-notice"])("keeps the %s block's JavaScript and CSS within budget", (block) => {
    // GIVEN the files Shopify loads on a page with this block
    const { js, css } = assetsOf(block);

    // WHEN they are gzipped as a CDN would serve them
    const jsBytes = js.reduce((sum, f) => sum + gzipped(f), 0);
    const cssBytes = css.reduce((sum, f) => sum + gzipped(f), 0);

    // THEN they stay under 4 KB of JavaScript and 2 KB of CSS
    expect(js.length + css.length).toBeGreaterThan(0);
    expect(jsBytes, `${js.join(", ")}: ${jsBytes} bytes gzipped`).toBeLessThanOrEqual(JS_BUDGET);
    expect(cssBytes, `${css.join(", ")}: ${cssBytes} bytes gzipped`).toBeLessThanOrEqual(CSS_BUDGET);
  });

  it("ships the block script built from its readable source", () => {
    // GIVEN the readable source app/storefront/backorder-eta.js and the committed asset Shopify serves
    const committed = readFileSync(BLOCK_SCRIPT_ASSET, "utf8");

    // WHEN the source is built again (esbuild, minified)
    const built = buildBlockScript();

    // THEN the asset is exactly that build (run `npm run build:storefront` after editing the source)
    expect(committed === built, "assets/backorder-eta.js is stale: run `npm run build:storefront`").toBe(true);
  });

  it("ships only assets a block refers to", () => {
    // GIVEN every file in assets/
    const files = readdirSync(path.join(EXTENSION_DIR, "assets")).sort();

    // WHEN compared with the blocks' schemas
    const used = new Set(["backorder-eta", "cart-notice"].flatMap((b) => [...assetsOf(b).js, ...assetsOf(b).css]));

    // THEN none is dead weight
    expect(files.filter((f) => !used.has(f))).toEqual([]);
  });

  it("speaks of the backorder with one French word and French punctuation", () => {
    // GIVEN every French string shoppers and merchants read
    const strings = (file: string): string[] => {
      const walk = (node: unknown): string[] =>
        node !== null && typeof node === "object" ? Object.values(node).flatMap(walk) : [String(node)];
      return walk(JSON.parse(readFileSync(path.join(EXTENSION_DIR, "locales", file), "utf8")));
    };
    const french = [...strings("fr.json"), ...strings("fr.schema.json")];

    // WHEN they are searched for the other words once used for the same thing, and for : ! ? after a plain space
    const otherWords = french.filter((s) => /réassort|réapprovisionnement|commande différée/i.test(s));
    const plainSpace = french.filter((s) => / [:!?]/.test(s));

    // THEN "précommande" is the only word, and a non-breaking space precedes the punctuation
    expect(otherWords).toEqual([]);
    expect(plainSpace).toEqual([]);
    expect(french.filter((s) => /précommande/i.test(s)).length).toBeGreaterThan(3);
  });

  it("has the same storefront and editor keys in English and French", () => {
    // GIVEN the locale files
    const keys = (file: string): string[] => {
      const walk = (node: unknown, prefix: string): string[] =>
        node !== null && typeof node === "object"
          ? Object.entries(node).flatMap(([k, v]) => walk(v, prefix ? `${prefix}.${k}` : k))
          : [prefix];
      return walk(JSON.parse(readFileSync(path.join(EXTENSION_DIR, "locales", file), "utf8")), "").sort();
    };

    // WHEN their keys are compared
    // THEN nothing is missing in either language
    expect(keys("fr.json")).toEqual(keys("en.default.json"));
    expect(keys("fr.schema.json")).toEqual(keys("en.default.schema.json"));
  });
});

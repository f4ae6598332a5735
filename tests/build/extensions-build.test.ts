// The UI extensions build offline with the Shopify CLI (`shopify app build`, as `npm run build:extensions`
// runs it) and each bundle stays far below Shopify's 64 KB compressed limit: BUDGET_BYTES (32 KB) gzipped.
// A bundle over budget usually pulls a library into the extension (a date library, a component kit):
// Shopify's s-* components and Preact are all an extension needs.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BUDGET_BYTES, EXTENSIONS_DIR, buildExtensions, sizeReport, uiExtensions, type ExtensionBundle } from "../../dev/scripts/build-extensions";

const extensions = uiExtensions();
/** Each extension's committed shopify.d.ts, read before the build rewrites it. */
const declarations = new Map(extensions.map((e) => [e.folder, readOptional(path.join(EXTENSIONS_DIR, e.folder, "shopify.d.ts"))]));
let bundles: ExtensionBundle[] = [];

function readOptional(file: string): string | null {
  return existsSync(file) ? readFileSync(file, "utf8") : null;
}

/** Every key path of a locale file ("line.daysLate.one"). */
function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("the UI extensions' build", () => {
  beforeAll(async () => {
    // GIVEN the extensions' sources WHEN the Shopify CLI builds the app offline (theme check included)
    bundles = await buildExtensions();
    console.log(sizeReport(bundles));
  }, 240_000);

  it("bundles every UI extension", () => {
    // THEN there is one script per UI extension, each built from its own source
    expect(extensions.map((e) => e.folder)).toContain("admin-order-block");
    expect(bundles.map((b) => b.handle)).toEqual(extensions.map((e) => e.handle));
    const block = bundles.find((b) => b.handle === "admin-order-block");
    expect(readFileSync(block?.file ?? "", "utf8")).toContain("/api/admin/order/");
  });

  it.each(extensions.map((e) => e.handle))("keeps %s within budget", (handle) => {
    // THEN its gzipped script is at most half of Shopify's limit
    const bundle = bundles.find((b) => b.handle === handle);
    expect(bundle?.gzip).toBeGreaterThan(0);
    expect(bundle?.gzip, `${handle}: ${bundle?.gzip} bytes gzipped`).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it.each(extensions.map((e) => e.folder))("has the committed shopify.d.ts the CLI generates for %s's targets", (folder) => {
    // THEN the type declarations the typecheck uses are exactly what the CLI wrote for the TOML's targets
    expect(declarations.get(folder), `extensions/${folder}/shopify.d.ts is missing: run npm run build:extensions and commit it`).not.toBeNull();
    expect(readOptional(path.join(EXTENSIONS_DIR, folder, "shopify.d.ts"))).toBe(declarations.get(folder));
  });
});

describe("the UI extensions' translations", () => {
  it.each([...new Set(extensions.map((e) => e.folder))])("%s has English and French with the same keys", (folder) => {
    // GIVEN the extension's locale files
    const dir = path.join(EXTENSIONS_DIR, folder, "locales");
    const files = readdirSync(dir).sort();
    // WHEN compared THEN both languages exist and say the same things
    expect(files).toEqual(["en.default.json", "fr.json"]);
    const en = keys(JSON.parse(readFileSync(path.join(dir, "en.default.json"), "utf8"))).sort();
    const fr = keys(JSON.parse(readFileSync(path.join(dir, "fr.json"), "utf8"))).sort();
    expect(fr).toEqual(en);
  });
});

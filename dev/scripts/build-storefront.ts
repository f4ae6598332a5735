// Builds the product block's script: app/storefront/backorder-eta.js (readable source) minified by esbuild
// into extensions/backorder-eta/assets/backorder-eta.js (what Shopify serves; ≤ 4 KB gzipped).
// `npm run build:storefront` writes it; tests/storefront/extension-checks.test.ts checks the committed asset
// is exactly this build. Development tooling: nothing in the app imports it.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { transformSync } from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BLOCK_SCRIPT_SOURCE = path.join(ROOT, "app", "storefront", "backorder-eta.js");
export const BLOCK_SCRIPT_ASSET = path.join(ROOT, "extensions", "backorder-eta", "assets", "backorder-eta.js");

/** The asset's text for the current source. */
export function buildBlockScript(): string {
  const { code } = transformSync(readFileSync(BLOCK_SCRIPT_SOURCE, "utf8"), {
    minify: true,
    // Browsers Shopify's themes support (Dawn and Horizon: the last two versions of evergreen browsers).
    target: ["chrome100", "firefox100", "safari15"],
    banner: "/* Backorder Pilot block. Built from app/storefront/backorder-eta.js (npm run build:storefront): do not edit. */",
  });
  return code;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(BLOCK_SCRIPT_ASSET, buildBlockScript());
  console.log(`Wrote ${path.relative(ROOT, BLOCK_SCRIPT_ASSET)}`);
}

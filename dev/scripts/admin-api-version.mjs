// The Admin API version for plain-Node scripts that cannot import TypeScript: read from the text of
// app/shopify/api-version.ts, where the app, codegen and the Admin fake take it from. Offline, no parser.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const DEFINITION = /^export const ADMIN_API_VERSION = "([^"]+)";$/m;

/** The version string defined in a source text like app/shopify/api-version.ts; throws when there is none. */
export function parseAdminApiVersion(source) {
  const match = DEFINITION.exec(source);
  if (!match) throw new Error('no `export const ADMIN_API_VERSION = "…";` line found');
  return match[1];
}

/** The version in <root>/app/shopify/api-version.ts (root: the repository, by default this script's). */
export function readAdminApiVersion(root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..")) {
  return parseAdminApiVersion(readFileSync(join(root, "app/shopify/api-version.ts"), "utf8"));
}

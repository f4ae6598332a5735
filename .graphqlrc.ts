// GraphQL config for `npm run graphql-codegen` (types for every #graphql operation in app/) and editor tooling.
// Offline by design: the preset reads `<outputDir>/admin-<version>.schema.json` when that file exists instead
// of fetching the schema from shopify.dev, so we unpack the vendored fixture there first (gitignored).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { gunzipSync } from "node:zlib";
import { ApiType, shopifyApiProject } from "@shopify/api-codegen-preset";
import { ADMIN_API_VERSION as API_VERSION } from "./app/shopify/api-version";

const OUTPUT_DIR = "./app/types";
const VENDORED_SCHEMA = `./tests/fixtures/admin-${API_VERSION}.schema.json.gz`;
const LOCAL_SCHEMA = `${OUTPUT_DIR}/admin-${API_VERSION}.schema.json`;

function ensureLocalSchema(): void {
  if (existsSync(LOCAL_SCHEMA)) return;
  if (!existsSync(VENDORED_SCHEMA)) {
    throw new Error(`${VENDORED_SCHEMA} is missing: run "npm run schema:vendor" (codegen must not go online)`);
  }
  mkdirSync(dirname(LOCAL_SCHEMA), { recursive: true });
  writeFileSync(LOCAL_SCHEMA, gunzipSync(readFileSync(VENDORED_SCHEMA)));
}

ensureLocalSchema();

const config = {
  projects: {
    default: shopifyApiProject({
      apiType: ApiType.Admin,
      apiVersion: API_VERSION,
      documents: ["./app/**/*.{js,ts,jsx,tsx}", "./app/.server/**/*.{js,ts,jsx,tsx}"],
      outputDir: OUTPUT_DIR,
      enumsAsConst: true,
    }),
  },
};

export default config;

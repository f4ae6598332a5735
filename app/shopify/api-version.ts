// The Admin API version, in one place: the server's shopifyApp() (app/shopify.server.ts), GraphQL codegen
// (.graphqlrc.ts), the vendored schema the operations are checked against (dev/scripts/vendor-admin-schema.mjs
// reads this file's text) and the Admin fake (dev/admin-fake/schema.ts). shopify.app.toml's `[webhooks]
// api_version` must say the same; tests/graphql/api-version.test.ts checks it.
//
// Moving to another version: change the string below, run `npm run schema:vendor`, fix what typecheck and
// tests/graphql report, and update shopify.app.toml.
import type { ApiVersion } from "@shopify/shopify-api";

export const ADMIN_API_VERSION = "2026-07";

/** The library enum member with this value; a version the installed library does not know fails to compile. */
function enumMember<V extends `${ApiVersion}`>(version: V): Extract<ApiVersion, V> {
  // A string enum member is its string value at runtime; the constraint above proves the member exists.
  return version as Extract<ApiVersion, V>;
}

/** ADMIN_API_VERSION as the library's enum (what shopifyApp({ apiVersion }) takes), e.g. ApiVersion.July26. */
export const ADMIN_API_VERSION_ENUM = enumMember(ADMIN_API_VERSION);

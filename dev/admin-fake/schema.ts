// Loads the vendored Admin GraphQL schema (tests/fixtures/admin-<version>.schema.json.gz) once per process.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";

/** The one Admin API version the app, codegen and this fake speak (defined in app/shopify/api-version.ts). */
export { ADMIN_API_VERSION };

export const ADMIN_SCHEMA_FIXTURE = fileURLToPath(
  new URL(`../../tests/fixtures/admin-${ADMIN_API_VERSION}.schema.json.gz`, import.meta.url),
);

let cached: GraphQLSchema | undefined;

/** The client schema (no resolvers), built on first use and cached for the life of the process. */
export function loadAdminSchema(): GraphQLSchema {
  if (cached) return cached;
  let raw: Buffer;
  try {
    raw = readFileSync(ADMIN_SCHEMA_FIXTURE);
  } catch {
    throw new Error(`${ADMIN_SCHEMA_FIXTURE} is missing: run "npm run schema:vendor"`);
  }
  const parsed = JSON.parse(gunzipSync(raw).toString("utf8")) as
    | { data: IntrospectionQuery }
    | IntrospectionQuery;
  // dev-mcp ships the raw HTTP answer ({ data: { __schema } }); other dumps are the bare { __schema }.
  const introspection = "data" in parsed ? parsed.data : parsed;
  if (!introspection?.__schema) throw new Error(`${ADMIN_SCHEMA_FIXTURE} is not an introspection result`);
  cached = buildClientSchema(introspection, { assumeValid: true });
  return cached;
}

/**
 * Mutations that need `@idempotent(key:)` at runtime. The schema cannot express it (the directive is
 * optional there), so it is read from the field descriptions ("the idempotency key is required").
 */
export function mutationsRequiringIdempotency(schema: GraphQLSchema = loadAdminSchema()): Set<string> {
  const fields = schema.getMutationType()?.getFields() ?? {};
  return new Set(
    Object.values(fields)
      .filter((f) => /idempotency key is required/i.test(f.description ?? ""))
      .map((f) => f.name),
  );
}

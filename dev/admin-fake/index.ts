/**
 * Admin fake: a schema-checked stand-in for Shopify's Admin GraphQL API (2026-07) and its token-exchange
 * endpoint, served through msw. Requests are validated against the vendored real schema, executed with
 * graphql-js over an in-memory shop, and metered with Shopify-like query costs and a leaky bucket.
 *
 *   const fake = createAdminFake({ shop?, accessToken?, bucket?: { maximumAvailable, restoreRate },
 *                                  now?: () => number, appId?, clientId?, clientSecret?, resolvers?,
 *                                  retryAfterSeconds? });
 *   fake.handlers          msw handlers for https://<shop>/admin/api/2026-07/graphql.json (POST) and
 *                          https://<shop>/admin/oauth/access_token; one fake per shop, several can coexist
 *   fake.store             the in-memory shop (AdminStore): addProduct, addVariant, addLocation, addCustomer,
 *                          addOrder, addHold, setMetafield, setAvailable, receiveStock, getVariant(gid),
 *                          findVariantBySku, available(variantId, locationId?), quantity(itemId, locId, name),
 *                          findMetafield, resolveNamespace("$app:backorder"), onChange(listener), clear() …
 *   fake.throttleNext(n, "THROTTLED" | "429")   force the next n GraphQL requests to be throttled
 *   fake.throttleStatus()  current bucket { maximumAvailable, currentlyAvailable, restoreRate }
 *   fake.stats             { requests, executed, invalid, throttled, http429, unauthorized, tokenExchanges }
 *   fake.calls             executed operations: { operationName, operationType, rootFields, variables, … }
 *   fake.addAccessToken(t) / fake.revokeAccessToken(t)
 *   fake.graphql(body, token)  same pipeline without HTTP;  fake.fetch(...)  a fetch routed to the fake
 *   fake.reset()           empty store, zero counters, refill bucket, forget issued tokens
 *   seedDemoShop(fake.store)   the "Maison Argile" demo catalogue (see seed.ts); returns handles by code/SKU
 *
 * In a vitest test (msw is started by tests/setup/vitest.setup.ts):
 *   import { mswServer } from "../../tests/setup/vitest.setup";
 *   const fake = createAdminFake(); seedDemoShop(fake.store); mswServer.use(...fake.handlers);
 *   await fetch(fake.graphqlUrl, { method: "POST", headers: { "Content-Type": "application/json",
 *     "X-Shopify-Access-Token": fake.accessToken }, body: JSON.stringify({ query, variables }) });
 *
 * In a standalone Node process (demo, benchmark):
 *   import { setupServer } from "msw/node";
 *   const fake = createAdminFake({ shop: "maison-argile.myshopify.com" }); seedDemoShop(fake.store);
 *   setupServer(...fake.handlers).listen({ onUnhandledRequest: "bypass" });  // before importing the Shopify library
 *
 * Behaviour worth knowing:
 * - Unknown token → HTTP 401 {"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}.
 * - Invalid documents → HTTP 200 { errors: [{ message, locations, path, extensions: { code } }] } in graphql-ruby's
 *   wording (undefinedField, argumentNotAccepted, missingRequiredArguments, …); nothing executes.
 * - A field with no resolver and no view property → error "Admin fake: <Type>.<field> is not implemented"
 *   (code NOT_IMPLEMENTED_IN_FAKE), never a silent null; likewise unknown search fields, sort keys and
 *   mutation input fields. Add what the app needs in views.ts / queries.ts / mutations.ts, or pass
 *   `resolvers: { "Type.field": (source, args, ctx, info) => … }`.
 * - Every executed or throttled response carries extensions.cost { requestedQueryCost, actualQueryCost,
 *   throttleStatus }. Requested cost > 1000 → MAX_COST_EXCEEDED; > available → THROTTLED (HTTP 200).
 * - Inventory mutations require @idempotent(key:) (mandatory since 2026-04) and replay on a repeated key;
 *   inventorySetQuantities requires changeFromQuantity on every quantity (null opts out of the check).
 * - `$app` namespaces expand to `app--<appId>` / `app--<appId>--<suffix>`, in arguments and in results.
 */
export {
  type AdminFake,
  type AdminFakeOptions,
  type AdminFakeStats,
  type ExecutedCall,
  type FakeFieldResolver,
  type GraphqlBody,
  DEFAULT_ACCESS_TOKEN,
  DEFAULT_APP_ID,
  DEFAULT_SHOP,
  INVALID_TOKEN_BODY,
  createAdminFake,
} from "./fake";
export { type DemoShop, seedDemoShop } from "./seed";
export { ADMIN_API_VERSION, loadAdminSchema } from "./schema";
export { type BucketOptions, type ThrottleStatus, MUTATION_COST, SINGLE_QUERY_MAX_COST } from "./cost";
export * from "./store";

/**
 * Admin fake: a schema-checked stand-in for Shopify's Admin GraphQL API (2026-07) and its token-exchange
 * endpoint, served through msw. Requests are validated against the vendored real schema, executed with
 * graphql-js over an in-memory shop, and metered with Shopify-like query costs and a leaky bucket.
 *
 *   const fake = createAdminFake({ shop?, accessToken?, bucket?: { maximumAvailable, restoreRate },
 *                                  now?: () => number, appId?, clientId?, clientSecret?, resolvers?,
 *                                  retryAfterSeconds?, bulkMutationConcurrency? (default 1),
 *                                  bulkDurationMs?: (lines) => ms (default 200 + 2 × lines) });
 *   fake.handlers          msw handlers for https://<shop>/admin/api/2026-07/graphql.json (POST),
 *                          https://<shop>/admin/oauth/access_token, and the bulk operations' storage:
 *                          https://shopify-staged-uploads.storage.googleapis.com/ (form upload POST) and
 *                          https://storage.googleapis.com/shopify-tiers-assets-prod-us-east1/… (results GET);
 *                          one fake per shop, several can coexist
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
 *   fake.bulkOperations    bulk operations created so far (live records: status, lines, results, …)
 *   fake.settleBulkOperations()  completes the bulk operations whose time has come (every request does it too)
 *   fake.failNextBulkOperation("INTERNAL_SERVER_ERROR" | "TIMEOUT" | "ACCESS_DENIED")  next one ends FAILED
 *   fake.flow              Shopify Flow: triggers read from extensions/<name>/shopify.extension.toml; flowTriggerReceive
 *                          refuses unknown handles, undeclared or missing fields and payloads of 50,000 bytes or
 *                          more; fake.flow.received lists what it accepted; fake.flow.installed = false refuses all
 *   fake.payments          deferred payments (deposit / pay later, ./payments.ts): deferOrder(orderId, …) gives an order
 *                          payment terms, a balance and a mandate; setOutcome(orderId, success | decline);
 *                          orderCreateMandatePayment + orderPaymentStatus; payments lists every charge received
 *   fake.reset()           empty store, zero counters, refill bucket, forget issued tokens and bulk operations
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
 * - Bulk import (bulk.ts), Shopify's documented protocol: stagedUploadsCreate(input: [{ resource:
 *   BULK_MUTATION_VARIABLES, httpMethod: POST, mimeType: "text/jsonl", filename }]) returns a GCS form target
 *   (url, parameters key "tmp/<appId>/bulk/<uuid>/bulk_op_vars", Content-Type, success_action_status 201, acl,
 *   policy, x-goog-*; resourceUrl null). The multipart POST (parameters, then `file`) answers 201 with an XML
 *   PostResponse; a key this fake did not issue or a wrong x-goog-signature → 403, no key / no file → 400.
 *   bulkOperationRunMutation(mutation, stagedUploadPath: <key>) checks the mutation (parses, validates, one
 *   mutation operation with one root field, else INVALID_MUTATION), OPERATION_IN_PROGRESS (more than
 *   bulkMutationConcurrency CREATED/RUNNING), NO_SUCH_FILE (unknown or not uploaded), INVALID_STAGED_UPLOAD_FILE
 *   (a line that is not a JSON object), and returns the BulkOperation CREATED. It costs 10 like any mutation;
 *   the lines cost nothing and are not counted in stats/calls. The operation is RUNNING until the fake clock
 *   reaches createdAt + bulkDurationMs(lines); its lines are then applied, in file order, at the first
 *   observation (any request, a results download, settleBulkOperations()), through the same validation and
 *   resolvers as a single call. bulkOperation(id:) / currentBulkOperation(type: MUTATION) (1 point) read it;
 *   COMPLETED brings url: GET it for JSONL lines {"data":{<rootField>:{…}},"__lineNumber":n}, or
 *   {"errors":[…],"__lineNumber":n} for a line whose execution raised errors (e.g. invalid variables).
 *   Not modelled, so NOT_IMPLEMENTED_IN_FAKE: bulkOperationRunQuery, bulkOperationCancel, bulkOperations,
 *   groupObjects: false, PUT staged uploads and other upload resources. serveFake / shopifyForwarder (http.ts)
 *   carry the upload POST and the results GET across processes as well.
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
export { type ChargeOutcome, type DeferOptions, type MandatePaymentRecord, PaymentsModel } from "./payments";
export { ADMIN_API_VERSION, loadAdminSchema } from "./schema";
export { type BucketOptions, type ThrottleStatus, MUTATION_COST, SINGLE_QUERY_MAX_COST } from "./cost";
export {
  type BulkMutationErrorCode,
  type BulkOperationErrorCode,
  type BulkOperationRecord,
  type BulkOperationStatus,
  BULK_RESULTS_BUCKET_URL,
  STAGED_UPLOADS_URL,
} from "./bulk";
export * from "./store";

// createAdminFake: the HTTP-facing half of the Admin fake (auth, validation, cost, throttling, execution,
// token exchange) and its msw handlers. See index.ts for the public API.
import { createHash } from "node:crypto";
import {
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLTypeResolver,
  type GraphQLSchema,
  type OperationDefinitionNode,
  GraphQLError as GraphQLErrorClass,
  Kind,
  execute,
  getOperationAST,
  getVariableValues,
  parse,
  validate,
} from "graphql";
import { type HttpHandler, HttpResponse, http } from "msw";
import {
  BULK_RESULTS_BUCKET_URL,
  type BulkOperationErrorCode,
  type BulkOperationRecord,
  BulkOperations,
  type LineResult,
  STAGED_UPLOADS_URL,
} from "./bulk";
import { type BucketOptions, LeakyBucket, SINGLE_QUERY_MAX_COST, type ThrottleStatus, operationCost } from "./cost";
import { type ShopifyError, parseErrorToShopify, toShopifyErrors } from "./errors";
import { FlowModel } from "./flow";
import { PaymentsModel } from "./payments";
import { mutationResolvers } from "./mutations";
import { refundMutationResolvers } from "./refund-mutations";
import { type FakeContext, type RootResolver, queryResolvers } from "./queries";
import { ADMIN_API_VERSION, loadAdminSchema } from "./schema";
import { SellingPlansModel } from "./selling-plans";
import { AdminStore } from "./store";
import { Views } from "./views";

export const DEFAULT_SHOP = "test-shop.myshopify.com";
/** The token `setUpValidSession` from @shopify/shopify-api/test-helpers puts on its sessions. */
export const DEFAULT_ACCESS_TOKEN = "totally_real_token";
export const DEFAULT_APP_ID = "4242424242";
export const INVALID_TOKEN_BODY = { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" };
export const RATE_LIMIT_DOCS = "https://shopify.dev/api/usage/rate-limits";

const ONLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:online-access-token";
const OFFLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:offline-access-token";
const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";

/** A field resolver for "Type.field" keys passed in `resolvers` (source, args, context, info). */
export type FakeFieldResolver = GraphQLFieldResolver<unknown, FakeContext>;

export interface AdminFakeOptions {
  /** myshopify domain this fake answers for (one fake per shop). Default "test-shop.myshopify.com". */
  shop?: string;
  /** A token accepted from the start. Default "totally_real_token" (what setUpValidSession uses). */
  accessToken?: string;
  /** Leaky bucket; defaults to the Standard plan (2000 points, 100/s). */
  bucket?: Partial<BucketOptions>;
  /** Clock in ms for the bucket, timestamps and token expiry (inject a fake clock for benchmarks). */
  now?: () => number;
  /** Numeric app id: `$app` namespaces expand to `app--<appId>`. */
  appId?: string;
  /** When set, the token endpoint rejects other client_id/client_secret values. */
  clientId?: string;
  clientSecret?: string;
  /** Extra or overriding resolvers keyed "Type.field", e.g. "Mutation.webhookSubscriptionCreate". */
  resolvers?: Record<string, FakeFieldResolver>;
  /** Retry-After seconds on forced HTTP 429 responses. Default 2. */
  retryAfterSeconds?: number;
  /** Bulk mutations of the shop that may be CREATED/RUNNING at once (more → OPERATION_IN_PROGRESS). Default 1. */
  bulkMutationConcurrency?: number;
  /** How long a bulk mutation of `lines` JSONL lines runs on the fake clock. Default 200 ms + 2 ms per line. */
  bulkDurationMs?: (lines: number) => number;
  /** Whether Shopify Flow can run on the shop (default true); off, flowTriggerReceive answers a userError. */
  flowInstalled?: boolean;
}

export interface AdminFakeStats {
  /** Every request to the GraphQL endpoint, whatever happened to it. */
  requests: number;
  executed: number;
  /** Parse, validation, variable and max-cost errors (nothing executed). */
  invalid: number;
  /** THROTTLED responses (bucket exhausted or forced). */
  throttled: number;
  /** Forced HTTP 429 responses. */
  http429: number;
  unauthorized: number;
  tokenExchanges: number;
}

export interface ExecutedCall {
  operationName: string | null;
  operationType: "query" | "mutation";
  /** Root fields selected, e.g. ["productVariantsBulkUpdate"]. */
  rootFields: string[];
  variables: Record<string, unknown>;
  query: string;
  requestedQueryCost: number;
  actualQueryCost: number;
  /** Errors in the response (resolver errors, e.g. unimplemented fields). */
  errors: number;
  at: number;
}

export interface GraphqlBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

interface TokenInfo {
  expiresAt: number | null;
  online: boolean;
}

export interface AdminFake {
  readonly shop: string;
  readonly apiVersion: string;
  /** https://<shop>/admin/api/2026-07/graphql.json */
  readonly graphqlUrl: string;
  /** msw handlers: mswServer.use(...fake.handlers) or setupServer(...fake.handlers). */
  readonly handlers: HttpHandler[];
  readonly store: AdminStore;
  /** The token accepted from the start. */
  readonly accessToken: string;
  readonly stats: AdminFakeStats;
  /** Executed operations in order (throttled, invalid and unauthorized requests are not listed). */
  readonly calls: ExecutedCall[];
  /** The next `count` GraphQL requests answer THROTTLED (HTTP 200) or HTTP 429 with Retry-After. */
  throttleNext(count: number, kind?: "THROTTLED" | "429"): void;
  throttleStatus(): ThrottleStatus;
  /** Accept another access token (e.g. one a test put in a session). */
  addAccessToken(token: string, options?: { expiresAt?: number }): void;
  revokeAccessToken(token: string): void;
  /** Handles a GraphQL request without HTTP (same pipeline as the msw handler). */
  graphql(body: GraphqlBody, accessToken?: string | null): Promise<{ status: number; headers: Record<string, string>; body: unknown }>;
  /** A fetch that routes this shop's Admin URLs to the fake (404 for anything else); no msw needed. */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Bulk operations created through bulkOperationRunMutation, oldest first (live records). */
  readonly bulkOperations: readonly BulkOperationRecord[];
  /** Completes the bulk operations whose time has come on the fake clock (also done by every request). */
  settleBulkOperations(): Promise<void>;
  /** The next bulk operation created ends FAILED with `errorCode` (nothing applied, no url/partialDataUrl). */
  failNextBulkOperation(errorCode: BulkOperationErrorCode): void;
  /** Shopify Flow: the app's trigger extensions, the triggers received (`flow.received`), `flow.installed`. */
  readonly flow: FlowModel;
  /** Deferred payments (deposits, pay later): payment terms, mandates and mandate payments (./payments.ts). */
  readonly payments: PaymentsModel;
  /** Selling plan groups (purchase options): groups, plans, attached variants; `appUninstalled()`, `scopeGranted`. */
  readonly sellingPlans: SellingPlansModel;
  /** Empties the store, counters, logs, forced throttles, issued tokens and bulk operations; refills the bucket. */
  reset(): void;
}

/** Coerces `inputs` for `operation`; errors in the shape Shopify answers for bad variables. */
function coerceVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, query: string, inputs: Record<string, unknown>) {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs, { maxErrors: 50 });
  if (!coerced.errors) return { coerced: coerced.coerced };
  return {
    errors: coerced.errors.map((e): ShopifyError => {
      const name = /^Variable "\$(\w+)"/.exec(e.message)?.[1] ?? "";
      const definition = operation.variableDefinitions?.find((d) => d.variable.name.value === name);
      const typeText = definition ? query.slice(definition.type.loc?.start, definition.type.loc?.end) : "";
      return {
        message: `Variable $${name} of type ${typeText} was provided invalid value`,
        ...(e.locations ? { locations: e.locations.map(({ line, column }) => ({ line, column })) } : {}),
        extensions: {
          code: "INVALID_VARIABLE",
          value: inputs[name] ?? null,
          problems: [{ path: [], explanation: e.message }],
        },
      };
    }),
  };
}

export function createAdminFake(options: AdminFakeOptions = {}): AdminFake {
  const shop = options.shop ?? DEFAULT_SHOP;
  const now = options.now ?? Date.now;
  const appId = options.appId ?? DEFAULT_APP_ID;
  const accessToken = options.accessToken ?? DEFAULT_ACCESS_TOKEN;
  const schema = loadAdminSchema();
  const store = new AdminStore({ shop, appId, now });
  const views = new Views(store);
  const bucket = new LeakyBucket(
    { maximumAvailable: options.bucket?.maximumAvailable ?? 2000, restoreRate: options.bucket?.restoreRate ?? 100 },
    now,
  );
  // Bulk lines run the same validation and resolvers as a request, without the bucket or the request log.
  const runLine = async (
    document: DocumentNode,
    operation: OperationDefinitionNode,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<LineResult> => {
    const coerced = coerceVariables(schema, operation, query, variables);
    if (coerced.errors) return { errors: coerced.errors };
    const result = await execute({
      schema,
      document,
      variableValues: variables,
      contextValue: { store, views } satisfies FakeContext,
      fieldResolver,
      typeResolver,
    });
    return { data: result.data ?? null, ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}) };
  };
  const bulk = new BulkOperations({
    shop,
    appId,
    now,
    store,
    schema,
    concurrency: options.bulkMutationConcurrency ?? 1,
    durationMs: options.bulkDurationMs ?? ((lines) => 200 + 2 * lines),
    runLine,
  });
  const baseQueries = queryResolvers();
  const queries = { ...baseQueries, ...bulk.queryResolvers(baseQueries) };
  const flow = new FlowModel(now, undefined, options.flowInstalled ?? true);
  const sellingPlans = new SellingPlansModel(now, (type) => store.gid(type));
  const payments = new PaymentsModel(store);
  Object.assign(queries, payments.queryResolvers());
  const mutations = {
    ...mutationResolvers(),
    ...refundMutationResolvers(),
    ...bulk.mutationResolvers(),
    ...flow.mutationResolvers(),
    ...sellingPlans.mutationResolvers(),
    ...payments.mutationResolvers(),
  };
  const extra: Record<string, FakeFieldResolver> = { ...payments.fieldResolvers(), ...options.resolvers };
  const tokens = new Map<string, TokenInfo>();
  const stats: AdminFakeStats = { requests: 0, executed: 0, invalid: 0, throttled: 0, http429: 0, unauthorized: 0, tokenExchanges: 0 };
  const calls: ExecutedCall[] = [];
  let forced: ("THROTTLED" | "429")[] = [];
  let sequence = 0;

  const resetTokens = (): void => {
    tokens.clear();
    tokens.set(accessToken, { expiresAt: null, online: false });
  };
  resetTokens();

  // Every field goes through here: explicit resolvers first, then view properties; anything else is
  // an unimplemented field and fails loudly instead of resolving to a silent null.
  const fieldResolver: GraphQLFieldResolver<unknown, FakeContext> = (source, args, ctx, info) => {
    const key = `${info.parentType.name}.${info.fieldName}`;
    const override = extra[key];
    if (override) return override(source, args, ctx, info);
    let root: RootResolver | undefined;
    if (info.parentType === schema.getQueryType()) root = queries[info.fieldName];
    else if (info.parentType === schema.getMutationType()) root = mutations[info.fieldName];
    if (root) return root(args, ctx, info);
    if (source !== null && typeof source === "object" && Object.prototype.hasOwnProperty.call(source, info.fieldName)) {
      const value = (source as Record<string, unknown>)[info.fieldName];
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown)(args, ctx, info) : value;
    }
    throw new GraphQLErrorClass(`Admin fake: ${key} is not implemented`, {
      extensions: { code: "NOT_IMPLEMENTED_IN_FAKE" },
    });
  };

  const typeResolver: GraphQLTypeResolver<unknown, FakeContext> = (value, _ctx, info) => {
    const name = value && typeof value === "object" ? (value as { __typename?: unknown }).__typename : undefined;
    if (typeof name !== "string") {
      throw new GraphQLErrorClass(`Admin fake: value for abstract type ${info.parentType.name}.${info.fieldName} has no __typename`);
    }
    return name;
  };

  const headers = (): Record<string, string> => ({
    "Content-Type": "application/json; charset=utf-8",
    "X-Request-Id": createHash("sha256").update(`${shop}:${++sequence}`).digest("hex").slice(0, 32),
    "X-Shopify-API-Version": ADMIN_API_VERSION,
  });

  const tokenValid = (token: string | null | undefined): boolean => {
    if (!token) return false;
    const info = tokens.get(token);
    return !!info && (info.expiresAt === null || info.expiresAt > now());
  };

  const invalid = (errors: ShopifyError[]) => {
    stats.invalid++;
    return { status: 200, headers: headers(), body: { errors } };
  };

  async function graphql(body: GraphqlBody, token?: string | null) {
    await bulk.settle();
    stats.requests++;
    if (!tokenValid(token)) {
      stats.unauthorized++;
      return { status: 401, headers: headers(), body: INVALID_TOKEN_BODY };
    }
    if (forced[0] === "429") {
      forced.shift();
      stats.http429++;
      return {
        status: 429,
        headers: { ...headers(), "Retry-After": (options.retryAfterSeconds ?? 2).toFixed(1) },
        body: { errors: "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service." },
      };
    }
    if (typeof body.query !== "string" || !body.query.trim()) {
      return { status: 400, headers: headers(), body: { errors: { query: "Required parameter missing or invalid" } } };
    }
    const query = body.query;
    const inputs =
      body.variables && typeof body.variables === "object" && !Array.isArray(body.variables)
        ? (body.variables as Record<string, unknown>)
        : {};
    const operationName = typeof body.operationName === "string" ? body.operationName : null;

    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (e) {
      return invalid([parseErrorToShopify(e as GraphQLError)]);
    }
    const validationErrors = validate(schema, document);
    if (validationErrors.length) return invalid(toShopifyErrors(validationErrors, document));
    const operation = getOperationAST(document, operationName);
    if (!operation) {
      return invalid([
        {
          message: operationName ? `No operation named "${operationName}"` : "An operation name is required",
          extensions: { code: "operationNotFound" },
        },
      ]);
    }
    if (operation.operation === "subscription") {
      return invalid([{ message: "Subscriptions are not supported", extensions: { code: "subscriptionNotSupported" } }]);
    }
    const coerced = coerceVariables(schema, operation, query, inputs);
    if (coerced.errors) return invalid(coerced.errors);
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    const requestedQueryCost = operationCost(schema, operation, fragments, coerced.coerced);
    if (requestedQueryCost > SINGLE_QUERY_MAX_COST) {
      return invalid([
        {
          message:
            `Query cost is ${requestedQueryCost}, which exceeds the single query max cost limit (${SINGLE_QUERY_MAX_COST}).\n\n` +
            `See ${RATE_LIMIT_DOCS} for more information on how the\ncost of a query is calculated.\n\n` +
            "To query larger amounts of data with fewer limits, bulk operations should be used instead.\n" +
            "See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n",
          extensions: { code: "MAX_COST_EXCEEDED", cost: requestedQueryCost, maxCost: SINGLE_QUERY_MAX_COST, documentation: RATE_LIMIT_DOCS },
        },
      ]);
    }
    const forceThrottle = forced[0] === "THROTTLED";
    if (forceThrottle) forced.shift();
    if (forceThrottle || !bucket.tryTake(requestedQueryCost)) {
      stats.throttled++;
      return {
        status: 200,
        headers: headers(),
        body: {
          errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: RATE_LIMIT_DOCS } }],
          extensions: { cost: { requestedQueryCost, actualQueryCost: null, throttleStatus: bucket.status() } },
        },
      };
    }

    const result: ExecutionResult = await execute({
      schema,
      document,
      operationName,
      variableValues: inputs,
      contextValue: { store, views } satisfies FakeContext,
      fieldResolver,
      typeResolver,
    });
    const actualQueryCost =
      operation.operation === "mutation"
        ? requestedQueryCost
        : Math.min(requestedQueryCost, operationCost(schema, operation, fragments, coerced.coerced, result.data ?? null));
    bucket.refund(requestedQueryCost - actualQueryCost);
    stats.executed++;
    calls.push({
      operationName: operation.name?.value ?? null,
      operationType: operation.operation,
      rootFields: operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])),
      variables: inputs,
      query,
      requestedQueryCost,
      actualQueryCost,
      errors: result.errors?.length ?? 0,
      at: now(),
    });
    return {
      status: 200,
      headers: headers(),
      body: {
        ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}),
        data: result.data ?? null,
        extensions: { cost: { requestedQueryCost, actualQueryCost, throttleStatus: bucket.status() } },
      },
    };
  }

  // ---- token endpoint ----------------------------------------------------------------------------

  const issue = (prefix: string, info: TokenInfo): string => {
    const token = `${prefix}_${createHash("sha256").update(`${shop}:${prefix}:${++sequence}`).digest("hex").slice(0, 32)}`;
    tokens.set(token, info);
    return token;
  };
  const refreshTokens = new Set<string>();

  function tokenEndpoint(params: Record<string, string>) {
    const oauthError = (error: string, description: string, status = 400) => ({
      status,
      headers: headers(),
      body: { error, error_description: description },
    });
    if (options.clientId && params.client_id !== options.clientId) return oauthError("invalid_client", "Client ID is invalid", 401);
    if (options.clientSecret && params.client_secret !== options.clientSecret) {
      return oauthError("invalid_client", "Client secret is invalid", 401);
    }
    const scope = store.shop.scopes;
    const offline = (expiring: boolean) => {
      const expiresIn = 3600;
      const token = issue("shpat", { expiresAt: expiring ? now() + expiresIn * 1000 : null, online: false });
      if (!expiring) return { access_token: token, scope };
      const refresh = `shprt_${createHash("sha256").update(`${token}:refresh`).digest("hex").slice(0, 32)}`;
      refreshTokens.add(refresh);
      return { access_token: token, scope, expires_in: expiresIn, refresh_token: refresh, refresh_token_expires_in: 7_776_000 };
    };
    if (params.grant_type === "refresh_token") {
      if (!params.refresh_token || !refreshTokens.delete(params.refresh_token)) {
        return oauthError("invalid_grant", "The refresh token is invalid or has expired");
      }
      stats.tokenExchanges++;
      return { status: 200, headers: headers(), body: offline(true) };
    }
    if (params.grant_type !== TOKEN_EXCHANGE_GRANT) return oauthError("unsupported_grant_type", `Unsupported grant_type ${params.grant_type}`);
    if (params.subject_token_type !== ID_TOKEN_TYPE) return oauthError("invalid_request", "subject_token_type must be an id_token");
    // Shape only: the app already verified the session token's signature.
    const parts = (params.subject_token ?? "").split(".");
    let claims: Record<string, unknown> | null = null;
    if (parts.length === 3) {
      try {
        claims = JSON.parse(Buffer.from(parts[1] as string, "base64url").toString("utf8")) as Record<string, unknown>;
      } catch {
        claims = null;
      }
    }
    if (!claims) return oauthError("invalid_subject_token", "The subject token is not a JWT");
    if (typeof claims.dest === "string" && new URL(claims.dest).host !== shop) {
      return oauthError("invalid_subject_token", `The subject token was issued for ${claims.dest}, not ${shop}`);
    }
    stats.tokenExchanges++;
    if (params.requested_token_type === OFFLINE_TOKEN_TYPE) {
      return { status: 200, headers: headers(), body: offline(params.expiring === "1") };
    }
    if (params.requested_token_type === ONLINE_TOKEN_TYPE) {
      const expiresIn = 86_399;
      const userId = Number(claims.sub ?? 1);
      return {
        status: 200,
        headers: headers(),
        body: {
          access_token: issue("shpua", { expiresAt: now() + expiresIn * 1000, online: true }),
          scope,
          expires_in: expiresIn,
          associated_user_scope: scope,
          associated_user: {
            id: userId,
            first_name: "Camille",
            last_name: "Durand",
            email: `staff-${userId}@${shop.split(".")[0]}.example`,
            email_verified: true,
            account_owner: true,
            locale: "en",
            collaborator: false,
          },
        },
      };
    }
    return oauthError("invalid_request", `Unsupported requested_token_type ${params.requested_token_type}`);
  }

  async function readParams(request: Request): Promise<Record<string, string>> {
    const text = await request.text();
    if ((request.headers.get("content-type") ?? "").includes("json")) {
      try {
        const parsed = JSON.parse(text) as Record<string, unknown>;
        return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
      } catch {
        return {};
      }
    }
    return Object.fromEntries(new URLSearchParams(text));
  }

  async function readGraphqlBody(request: Request): Promise<GraphqlBody> {
    const text = await request.text();
    if ((request.headers.get("content-type") ?? "").includes("application/graphql")) return { query: text };
    try {
      return JSON.parse(text) as GraphqlBody;
    } catch {
      return {};
    }
  }

  const graphqlUrl = `https://${shop}/admin/api/${ADMIN_API_VERSION}/graphql.json`;
  const tokenUrl = `https://${shop}/admin/oauth/access_token`;
  const toResponse = (r: { status: number; headers: Record<string, string>; body: unknown }): Response =>
    HttpResponse.json(r.body as Record<string, unknown>, { status: r.status, headers: r.headers });

  /** `shared`: an msw handler next to other fakes' handlers (another fake's upload/download is not ours). */
  async function route(request: Request, shared = false): Promise<Response | undefined> {
    const url = new URL(request.url);
    if (request.method === "POST" && url.href === STAGED_UPLOADS_URL) return bulk.upload(request, shared);
    if (request.method === "GET" && url.href.startsWith(BULK_RESULTS_BUCKET_URL)) {
      await bulk.settle();
      return bulk.download(request, shared);
    }
    if (url.host !== shop || request.method !== "POST") return undefined;
    if (url.pathname === `/admin/api/${ADMIN_API_VERSION}/graphql.json`) {
      return toResponse(await graphql(await readGraphqlBody(request), request.headers.get("X-Shopify-Access-Token")));
    }
    if (/^\/admin\/api\/[^/]+\/graphql\.json$/.test(url.pathname)) {
      return HttpResponse.json(
        { errors: `Admin fake: only API version ${ADMIN_API_VERSION} is served, got ${url.pathname}` },
        { status: 404 },
      );
    }
    if (url.pathname === "/admin/oauth/access_token") return toResponse(tokenEndpoint(await readParams(request)));
    return undefined;
  }

  const handlers: HttpHandler[] = [
    http.post(graphqlUrl, async ({ request }) => route(request)),
    http.post(`https://${shop}/admin/api/:version/graphql.json`, async ({ request }) => route(request)),
    http.post(tokenUrl, async ({ request }) => route(request)),
    http.post(STAGED_UPLOADS_URL, async ({ request }) => route(request, true)),
    http.get(`${BULK_RESULTS_BUCKET_URL}*`, async ({ request }) => route(request, true)),
  ];

  return {
    shop,
    apiVersion: ADMIN_API_VERSION,
    graphqlUrl,
    handlers,
    store,
    accessToken,
    stats,
    calls,
    throttleNext(count, kind = "THROTTLED") {
      for (let i = 0; i < count; i++) forced.push(kind);
    },
    throttleStatus: () => bucket.status(),
    addAccessToken(token, opts) {
      tokens.set(token, { expiresAt: opts?.expiresAt ?? null, online: false });
    },
    revokeAccessToken(token) {
      tokens.delete(token);
    },
    graphql,
    async fetch(input, init) {
      const request = new Request(input, init);
      return (await route(request)) ?? new Response("Not Found", { status: 404 });
    },
    get bulkOperations() {
      return bulk.operations;
    },
    settleBulkOperations: () => bulk.settle(),
    failNextBulkOperation(errorCode) {
      bulk.failNext(errorCode);
    },
    flow,
    sellingPlans,
    payments,
    reset() {
      bulk.reset();
      flow.reset();
      sellingPlans.reset();
      payments.reset();
      store.clear();
      calls.length = 0;
      for (const key of Object.keys(stats) as (keyof AdminFakeStats)[]) stats[key] = 0;
      forced = [];
      bucket.reset();
      resetTokens();
      refreshTokens.clear();
    },
  };
}

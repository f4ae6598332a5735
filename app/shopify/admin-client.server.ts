// Throttle-aware Admin GraphQL client over `admin.graphql` (authenticate.admin or unauthenticated.admin).
//
// Shopify meters the Admin API with a leaky bucket of cost points per app and shop (Standard plan: 2,000
// points, refilled at 100/s). Every response carries `extensions.cost` { requestedQueryCost,
// actualQueryCost, throttleStatus }. This client keeps a local model of the bucket from those numbers and
// waits *before* a call whose estimated cost exceeds what is left, so a bulk sync runs at the restore rate
// instead of bouncing off THROTTLED errors. What still gets throttled is retried:
//   - THROTTLED (HTTP 200, errors[].extensions.code): shopify-api throws `GraphqlQueryError` whose
//     `body.errors.graphQLErrors` holds the errors and `body.extensions.cost` the bucket; wait for the
//     missing points (never less than the exponential backoff step), then retry.
//   - HTTP 429: from unauthenticated.admin, shopify-api throws `HttpThrottlingError` (response.retryAfter in
//     seconds); from authenticate.admin, shopify-app-remix turns every `HttpResponseError` into a thrown
//     `Response` with the same status (Retry-After is not copied). Wait Retry-After when known, else the
//     exponential backoff step.
//   - HTTP 5xx (`HttpInternalError` or a thrown Response ≥ 500): backoff and retry (our writes are
//     idempotent: they set values, they do not add to them).
// Clients of one shop can share one model of its bucket (`bucket: createBucketModel()`; the worker keeps
// one per shop), so a job's first call is paced by what earlier jobs learned. A background client sets
// `reserveShare` (INTERACTIVE_RESERVE_SHARE, 20 %): it waits until the bucket holds its call's cost plus that
// reserve, leaving the rest for admin pages, whose clients set none (ADR 006). `stats` counts calls,
// points requested and points charged, which the worker records on each job.
// Anything else propagates untouched (a thrown 401/403 `Response` must reach Remix so auth can redo
// itself); other GraphQL errors become `AdminApiError` with the messages. `sleep` and `now` are injectable
// so tests and benchmarks run in simulated time.
//
// Typed like @shopify/admin-api-client's `request<Operation>`: the #graphql constant passed as the query
// selects its generated variables and data types (./admin-operations.ts); nothing is cast at call sites.
// `requestOnce` is the same typed call as an admin page makes it: no pacing, the library's errors let
// through as they are, except throttling, which it waits out a few times (a page answers late, not 500).
import { GraphqlQueryError, HttpResponseError, HttpThrottlingError } from "@shopify/shopify-api";
import type { AdminOperation, OperationData, OperationOptionsArg } from "./admin-operations";
import type { AdminGraphql } from "./types";

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface QueryCost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

export interface GraphqlErrorInfo {
  message: string;
  code: string | null;
  path: (string | number)[] | null;
}

export interface AdminClientStats {
  /** Requests sent to Shopify, retries included. */
  calls: number;
  /** THROTTLED responses that were retried. */
  throttledRetries: number;
  /** HTTP 429 responses that were retried. */
  http429Retries: number;
  /** HTTP 5xx responses that were retried. */
  serverErrorRetries: number;
  /** Calls that waited for the bucket before being sent. */
  proactiveWaits: number;
  /** Total time spent sleeping (proactive waits and backoff), in ms. */
  waitedMs: number;
  /** Sum of actualQueryCost reported by Shopify. */
  pointsUsed: number;
  /** Sum of requestedQueryCost reported by Shopify (what each call needed in the bucket before it ran). */
  pointsRequested: number;
  /** Calls that waited so as to leave the interactive reserve in the bucket. */
  reserveWaits: number;
}

/**
 * The model of one shop's bucket, shared by every client of that shop in a process (the worker keeps one
 * per shop), so a job's first call is paced by what the previous jobs learned instead of going out blind.
 */
export interface BucketModel {
  state: { max: number; rate: number; available: number; at: number } | null;
  /** Points reserved by calls sent and not answered yet. */
  reservedInFlight: number;
  lastStatus: ThrottleStatus | null;
}

export function createBucketModel(): BucketModel {
  return { state: null, reservedInFlight: 0, lastStatus: null };
}

/** Share of the bucket background work leaves for admin pages (20 %: 400 points, 4 s of restore, on Standard). */
export const INTERACTIVE_RESERVE_SHARE = 0.2;
/**
 * The reserve is never less than this (or half the bucket, on a tiny one): the largest admin-page read
 * requests 622 points (Products: 20 products × 30 variants), more than 20 % of Standard's 2,000, and Shopify
 * checks the *requested* cost. A smaller reserve let a burst's jobs keep the bucket just above their own
 * needs and under the page's, which then failed THROTTLED.
 */
export const INTERACTIVE_RESERVE_MIN_POINTS = 700;

/** Points a background client leaves in a bucket of `max` points for admin pages. */
export function interactiveReserve(max: number, share: number): number {
  if (share <= 0) return 0;
  return Math.max(Math.floor(max * share), Math.min(INTERACTIVE_RESERVE_MIN_POINTS, Math.floor(max / 2)));
}

export interface AdminClientOptions {
  sleep?: (ms: number) => Promise<void>;
  /** Clock in ms (Date.now by default). */
  now?: () => number;
  /** Attempts per request, the first included (default 8). */
  maxAttempts?: number;
  /** First backoff step; doubles on each retry (default 1000 ms). */
  baseDelayMs?: number;
  /** Ceiling of one backoff step (default 30 s). */
  maxDelayMs?: number;
  /** Cost assumed for a query seen for the first time without an estimate (default 50; mutations 10). */
  defaultQueryCost?: number;
  /** The shop's bucket model to share with other clients (default: this client's own). */
  bucket?: BucketModel;
  /**
   * Share of the bucket (0–1) this client leaves untouched for interactive requests: a call waits until
   * the bucket holds its cost plus this reserve. Background jobs set it; admin pages do not.
   */
  reserveShare?: number;
}

export interface PacingOptions {
  /** Expected requested cost; defaults to what this query cost last time, else a default. */
  estimatedCost?: number;
}

export interface GraphqlResult<T> {
  data: T;
  cost: QueryCost | null;
}

export interface AdminClient {
  /** Runs one #graphql operation; `options` carries its `variables` (required when it has required ones). */
  request<Op extends AdminOperation>(
    query: Op,
    ...options: OperationOptionsArg<Op, PacingOptions>
  ): Promise<GraphqlResult<OperationData<Op>>>;
  readonly stats: AdminClientStats;
  /** Last bucket state Shopify reported, or null before the first response. */
  throttleStatus(): ThrottleStatus | null;
}

export type AdminApiErrorKind = "graphql" | "throttled" | "http";

/** A failure the caller can attribute: GraphQL errors in the response, or retries exhausted. */
export class AdminApiError extends Error {
  override readonly name = "AdminApiError";
  constructor(
    readonly kind: AdminApiErrorKind,
    message: string,
    readonly errors: GraphqlErrorInfo[] = [],
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export const MUTATION_COST = 10;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What readResponse needs of `admin.graphql`'s answer (a fetch Response whose json() is typed). */
type GraphqlResponse = Pick<Response, "status" | "ok" | "headers"> & { json(): Promise<unknown> };

interface Retry {
  kind: "throttled" | "429" | "5xx";
  /** Minimum wait before the next attempt (ms), e.g. Retry-After. */
  waitMs: number | null;
  /** Cost the next attempt will need (THROTTLED responses tell us). */
  requestedCost: number | null;
  message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function readCost(extensions: unknown): QueryCost | null {
  if (!isRecord(extensions) || !isRecord(extensions.cost)) return null;
  const cost = extensions.cost;
  const status = cost.throttleStatus;
  if (!isRecord(status)) return null;
  const max = Number(status.maximumAvailable);
  const available = Number(status.currentlyAvailable);
  const rate = Number(status.restoreRate);
  if (!Number.isFinite(max) || !Number.isFinite(available) || !(rate > 0)) return null;
  return {
    requestedQueryCost: Number(cost.requestedQueryCost) || 0,
    actualQueryCost: cost.actualQueryCost == null ? null : Number(cost.actualQueryCost),
    throttleStatus: { maximumAvailable: max, currentlyAvailable: available, restoreRate: rate },
  };
}

function toErrorInfos(errors: unknown): GraphqlErrorInfo[] {
  if (!Array.isArray(errors)) {
    if (typeof errors === "string") return [{ message: errors, code: null, path: null }];
    return [];
  }
  return errors.map((e) => {
    const record = isRecord(e) ? e : {};
    const extensions = isRecord(record.extensions) ? record.extensions : {};
    return {
      message: typeof record.message === "string" ? record.message : JSON.stringify(e),
      code: typeof extensions.code === "string" ? extensions.code : null,
      path: Array.isArray(record.path) ? (record.path as (string | number)[]) : null,
    };
  });
}

function isThrottled(errors: GraphqlErrorInfo[]): boolean {
  return errors.some((e) => e.code === "THROTTLED");
}

function retryAfterMs(value: unknown): number | null {
  const seconds = typeof value === "number" ? value : typeof value === "string" ? Number.parseFloat(value) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : null;
}

function describe(errors: GraphqlErrorInfo[]): string {
  return errors.map((e) => (e.code ? `${e.message} (${e.code})` : e.message)).join("; ") || "GraphQL request failed";
}

function isMutation(query: string): boolean {
  return /^\s*(#[^\n]*\n\s*)*mutation\b/.test(query.replace(/^\s*#graphql/, ""));
}

/** The body of one answer: `data` typed by the operation; `errors` as Shopify sent them, if at all. */
export interface OperationBody<Op extends AdminOperation> {
  data?: OperationData<Op>;
  errors?: unknown;
  extensions?: unknown;
}

/** Attempts of an admin page's call when Shopify throttles it, and the longest single wait between two. */
export const INTERACTIVE_ATTEMPTS = 6;
const INTERACTIVE_MAX_WAIT_MS = 4_000;
const INTERACTIVE_MIN_WAIT_MS = 250;

/**
 * How long a throttled admin-page call waits before its next attempt (the points it lacks at the restore
 * rate Shopify reported, within bounds), or null when the error is not throttling.
 */
function interactiveWaitMs(error: unknown): number | null {
  if (error instanceof GraphqlQueryError) return throttledBodyWaitMs(isRecord(error.body) ? error.body : {});
  if (error instanceof HttpThrottlingError) return clampWait(retryAfterMs(error.response.retryAfter) ?? 1_000);
  if (error instanceof HttpResponseError && error.response.code === 429) return clampWait(1_000);
  if (error instanceof Response && error.status === 429) return clampWait(retryAfterMs(error.headers.get("Retry-After")) ?? 1_000);
  return null;
}

/** The wait for a THROTTLED body (what the library's error carries, or a fetch-based client returns). */
function throttledBodyWaitMs(body: unknown): number | null {
  if (!isRecord(body)) return null;
  const errors = toErrorInfos(isRecord(body.errors) && "graphQLErrors" in body.errors ? body.errors.graphQLErrors : body.errors);
  if (!isThrottled(errors)) return null;
  const cost = readCost(body.extensions);
  if (!cost) return clampWait(1_000);
  const missing = Math.min(cost.requestedQueryCost, cost.throttleStatus.maximumAvailable) - cost.throttleStatus.currentlyAvailable;
  return clampWait(Math.ceil((Math.max(0, missing) / cost.throttleStatus.restoreRate) * 1000));
}

function clampWait(ms: number): number {
  return Math.min(INTERACTIVE_MAX_WAIT_MS, Math.max(INTERACTIVE_MIN_WAIT_MS, ms));
}

/**
 * One typed call through `admin.graphql` as an admin page makes it: no pacing and no bucket model, and
 * the library's errors (GraphqlQueryError, a thrown 4xx/5xx Response…) reach the caller untouched — except
 * throttling. A THROTTLED answer or an HTTP 429 (background jobs share the bucket: during a burst it can
 * be short of a page's points) waits for the missing points and tries again, up to INTERACTIVE_ATTEMPTS
 * times: the page answers a few seconds late instead of failing with a 500. Returns the parsed body, so
 * each caller decides what a missing `data` means.
 */
export async function requestOnce<Op extends AdminOperation>(
  graphql: AdminGraphql,
  query: Op,
  ...[options]: OperationOptionsArg<Op>
): Promise<OperationBody<Op>> {
  const variables = options?.variables;
  for (let attempt = 1; ; attempt++) {
    let waitMs: number | null;
    try {
      const response = await graphql(query, variables ? { variables } : undefined);
      // The one place JSON becomes a typed value: the body of the document codegen typed for this query.
      const body = (await response.json()) as OperationBody<Op>;
      waitMs = throttledBodyWaitMs(body);
      if (waitMs === null || attempt >= INTERACTIVE_ATTEMPTS) return body;
    } catch (error) {
      waitMs = interactiveWaitMs(error);
      if (waitMs === null || attempt >= INTERACTIVE_ATTEMPTS) throw error;
    }
    await realSleep(waitMs);
  }
}

/** Wraps an `admin.graphql` function with bucket-aware pacing, retries and stats. */
export function createAdminClient(graphql: AdminGraphql, options: AdminClientOptions = {}): AdminClient {
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 8);
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const defaultQueryCost = options.defaultQueryCost ?? 50;
  const stats: AdminClientStats = {
    calls: 0,
    throttledRetries: 0,
    http429Retries: 0,
    serverErrorRetries: 0,
    proactiveWaits: 0,
    waitedMs: 0,
    pointsUsed: 0,
    pointsRequested: 0,
    reserveWaits: 0,
  };
  const learnedCost = new Map<string, number>();
  // Model of the bucket: points left at `at`, minus what calls in flight have reserved (shared per shop).
  const model = options.bucket ?? createBucketModel();
  const reserveShare = Math.min(0.9, Math.max(0, options.reserveShare ?? 0));

  const wait = async (ms: number) => {
    if (ms <= 0) return;
    stats.waitedMs += ms;
    await sleep(ms);
  };

  const refill = () => {
    const bucket = model.state;
    if (!bucket) return;
    const t = now();
    bucket.available = Math.min(bucket.max, bucket.available + (Math.max(0, t - bucket.at) / 1000) * bucket.rate);
    bucket.at = t;
  };

  /**
   * Waits until the model says `cost` points are there (plus the interactive reserve for background
   * clients), then takes them. Clients sharing the model may take points while this one sleeps, so it
   * checks again after each wait.
   */
  const reserve = async (cost: number): Promise<number> => {
    for (let round = 0; ; round++) {
      const bucket = model.state;
      if (!bucket) return 0;
      const needed = Math.min(cost, bucket.max);
      const keep = Math.min(bucket.max - needed, interactiveReserve(bucket.max, reserveShare));
      refill();
      const deficit = needed + keep - bucket.available;
      if (deficit <= 0 || round >= 20) {
        bucket.available -= needed;
        model.reservedInFlight += needed;
        return needed;
      }
      stats.proactiveWaits++;
      if (keep > 0 && needed - bucket.available <= 0) stats.reserveWaits++;
      await wait(Math.ceil((deficit / bucket.rate) * 1000));
    }
  };

  const observe = (cost: QueryCost | null) => {
    if (!cost) return;
    const s = cost.throttleStatus;
    model.lastStatus = s;
    // Shopify's figure already includes every call it has answered; calls still in flight are not in it.
    model.state = { max: s.maximumAvailable, rate: s.restoreRate, available: s.currentlyAvailable - model.reservedInFlight, at: now() };
    if (cost.actualQueryCost != null) stats.pointsUsed += cost.actualQueryCost;
    stats.pointsRequested += cost.requestedQueryCost;
  };

  const backoff = (retry: number) => Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1));

  /** Classifies a thrown error: a Retry, or null to rethrow it as it is. Records cost when present. */
  const classifyThrown = (error: unknown): Retry | AdminApiError | null => {
    if (error instanceof GraphqlQueryError) {
      const body = isRecord(error.body) ? error.body : {};
      observe(readCost(body.extensions));
      const errors = toErrorInfos(isRecord(body.errors) ? body.errors.graphQLErrors : body.errors);
      if (isThrottled(errors)) {
        return { kind: "throttled", waitMs: null, requestedCost: readCost(body.extensions)?.requestedQueryCost ?? null, message: describe(errors) };
      }
      return new AdminApiError("graphql", describe(errors.length ? errors : [{ message: error.message, code: null, path: null }]), errors);
    }
    if (error instanceof HttpThrottlingError) {
      return { kind: "429", waitMs: retryAfterMs(error.response.retryAfter), requestedCost: null, message: error.message };
    }
    if (error instanceof HttpResponseError) {
      const code = error.response.code;
      if (code === 429) return { kind: "429", waitMs: null, requestedCost: null, message: error.message };
      if (code >= 500) return { kind: "5xx", waitMs: null, requestedCost: null, message: error.message };
      return null;
    }
    if (error instanceof Response) {
      if (error.status === 429) {
        return { kind: "429", waitMs: retryAfterMs(error.headers.get("Retry-After")), requestedCost: null, message: "HTTP 429" };
      }
      if (error.status >= 500) return { kind: "5xx", waitMs: null, requestedCost: null, message: `HTTP ${error.status}` };
    }
    return null;
  };

  // A plain Response: what the library returns on success, or what a fetch-based AdminGraphql returns.
  async function readResponse<Op extends AdminOperation>(
    query: Op,
    response: GraphqlResponse,
  ): Promise<Retry | GraphqlResult<OperationData<Op>>> {
    if (response.status === 429) {
      return { kind: "429", waitMs: retryAfterMs(response.headers.get("Retry-After")), requestedCost: null, message: "HTTP 429" };
    }
    if (response.status >= 500) return { kind: "5xx", waitMs: null, requestedCost: null, message: `HTTP ${response.status}` };
    if (!response.ok) throw new AdminApiError("http", `Shopify answered HTTP ${response.status}`, [], response.status);
    const body = (await response.json()) as { data?: unknown; errors?: unknown; extensions?: unknown };
    const cost = readCost(body.extensions);
    observe(cost);
    if (cost?.requestedQueryCost) learnedCost.set(query, cost.requestedQueryCost);
    const errors = toErrorInfos(isRecord(body.errors) && "graphQLErrors" in body.errors ? body.errors.graphQLErrors : body.errors);
    if (errors.length) {
      if (isThrottled(errors)) return { kind: "throttled", waitMs: null, requestedCost: cost?.requestedQueryCost ?? null, message: describe(errors) };
      throw new AdminApiError("graphql", describe(errors), errors);
    }
    if (body.data == null) throw new AdminApiError("graphql", "Shopify returned no data");
    // The one place JSON becomes a typed value: the data of the document codegen typed for this query.
    return { data: body.data as OperationData<Op>, cost };
  }

  async function request<Op extends AdminOperation>(
    query: Op,
    ...[requestOptions]: OperationOptionsArg<Op, PacingOptions>
  ): Promise<GraphqlResult<OperationData<Op>>> {
    const variables = requestOptions?.variables;
    let estimate =
      requestOptions?.estimatedCost ?? learnedCost.get(query) ?? (isMutation(query) ? MUTATION_COST : defaultQueryCost);
    let last: Retry | null = null;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (last) {
        const retry = attempt - 1;
        if (last.kind === "throttled") stats.throttledRetries++;
        else if (last.kind === "429") stats.http429Retries++;
        else stats.serverErrorRetries++;
        // THROTTLED: the bucket model (just refreshed from the response) makes reserve() wait for the
        // missing points; the backoff step is a floor for when the numbers say there is room.
        const floor = last.kind === "throttled" ? backoff(retry) : (last.waitMs ?? backoff(retry));
        const bucket = model.state;
        if (last.kind === "throttled" && bucket) {
          refill();
          const deficit = Math.min(estimate, bucket.max) - bucket.available;
          const modelWait = deficit > 0 ? Math.ceil((deficit / bucket.rate) * 1000) : 0;
          if (modelWait < floor) await wait(floor - modelWait);
        } else {
          await wait(floor);
        }
      }
      const reserved = await reserve(estimate);
      stats.calls++;
      let response: GraphqlResponse;
      try {
        response = await graphql(query, variables ? { variables } : undefined);
      } catch (error) {
        model.reservedInFlight -= reserved;
        const classified = classifyThrown(error);
        if (classified === null) throw error;
        if (classified instanceof AdminApiError) throw classified;
        if (classified.requestedCost) estimate = classified.requestedCost;
        last = classified;
        continue;
      }
      model.reservedInFlight -= reserved;
      const outcome = await readResponse(query, response);
      if ("data" in outcome) return outcome;
      if (outcome.requestedCost) estimate = outcome.requestedCost;
      last = outcome;
    }
    throw new AdminApiError(
      "throttled",
      `Shopify kept throttling after ${maxAttempts} attempts: ${last?.message ?? "unknown"}`,
      [],
      last?.kind === "429" ? 429 : null,
    );
  }

  return {
    request,
    stats,
    throttleStatus: () => model.lastStatus,
  };
}

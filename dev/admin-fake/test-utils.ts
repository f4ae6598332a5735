// Helpers for the Admin fake's own tests: a fake per test, registered with the shared msw server, and a
// plain-fetch GraphQL call the way any HTTP client would make it.
import { mswServer } from "../../tests/setup/vitest.setup";
import { type AdminFake, type AdminFakeOptions, createAdminFake } from "./fake";
import { type DemoShop, seedDemoShop } from "./seed";

/** A fixed clock: 2026-11-27 09:00 UTC. `advance(ms)` moves it. */
export function fakeClock(start = Date.parse("2026-11-27T09:00:00Z")): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

export function useFake(options: AdminFakeOptions = {}): AdminFake {
  const fake = createAdminFake(options);
  mswServer.use(...fake.handlers);
  return fake;
}

export function useSeededFake(options: AdminFakeOptions = {}): { fake: AdminFake; demo: DemoShop } {
  const fake = useFake({ now: fakeClock().now, ...options });
  return { fake, demo: seedDemoShop(fake.store) };
}

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    /** GraphQL errors; on HTTP 401/429 Shopify sends a plain string here instead. */
    errors?: { message: string; locations?: unknown; path?: unknown[]; extensions?: Record<string, unknown> }[];
    extensions?: { cost: { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: Record<string, number> } };
  };
}

/** POSTs a GraphQL request to the fake's shop with fetch. `token: null` sends no token header. */
export async function gql<T = Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any
  fake: AdminFake,
  query: string,
  variables?: Record<string, unknown>,
  token: string | null = fake.accessToken,
): Promise<GqlResponse<T>> {
  const response = await fetch(fake.graphqlUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { "X-Shopify-Access-Token": token } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GqlResponse<T>["body"] };
}

/** gql() that fails the test on any top-level error and returns `data`. */
export async function gqlData<T = Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any
  fake: AdminFake,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const { status, body } = await gql<T>(fake, query, variables);
  if (status !== 200 || body.errors) throw new Error(`GraphQL failed (${status}): ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

// Rate limiting in the Admin fake: a leaky bucket on a simulated clock, and forced THROTTLED / 429 answers.
import { describe, expect, it } from "vitest";
import { fakeClock, gql, useFake } from "./test-utils";

// Requested cost 2 + 50 × 1 = 52 (the store is empty, so the actual cost is 2).
const FIFTY_PRODUCTS = `query Fifty { products(first: 50) { nodes { id } } }`;

describe("Admin fake throttling", () => {
  it("throttles once the bucket cannot cover the requested cost, and recovers as time passes", async () => {
    // GIVEN a 100-point bucket restoring 10 points/s on a simulated clock, and 40 products (no refunds)
    const clock = fakeClock();
    const fake = useFake({ bucket: { maximumAvailable: 100, restoreRate: 10 }, now: clock.now });
    const query = `query Two { products(first: 40) { nodes { id } } }`;
    for (let i = 0; i < 40; i++) fake.store.addProduct({ title: `Mug ${i}` });

    // WHEN the same 42-point query is sent three times without time passing, then again 5 s later
    const first = await gql(fake, query);
    const second = await gql(fake, query);
    const third = await gql(fake, query);
    clock.advance(5_000);
    const later = await gql(fake, query);

    // THEN the third is THROTTLED with the bucket state, and after refilling the query runs again
    expect(first.body.extensions?.cost.throttleStatus.currentlyAvailable).toBe(58);
    expect(second.body.extensions?.cost.throttleStatus.currentlyAvailable).toBe(16);
    expect(third.status).toBe(200);
    expect(third.body).toEqual({
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
      extensions: {
        cost: { requestedQueryCost: 42, actualQueryCost: null, throttleStatus: { maximumAvailable: 100, currentlyAvailable: 16, restoreRate: 10 } },
      },
    });
    expect(later.body.data).toBeTruthy();
    expect(later.body.extensions?.cost.throttleStatus.currentlyAvailable).toBe(24);
    expect(fake.stats).toMatchObject({ requests: 4, executed: 3, throttled: 1 });
  });

  it("refunds the difference between requested and actual cost", async () => {
    // GIVEN an empty shop: asking for 50 products returns none
    const fake = useFake({ now: fakeClock().now });

    // WHEN the query runs
    const { body } = await gql(fake, FIFTY_PRODUCTS);

    // THEN only the actual cost is taken from the bucket
    expect(body.extensions?.cost).toEqual({
      requestedQueryCost: 52,
      actualQueryCost: 2,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1998, restoreRate: 100 },
    });
  });

  it("forces THROTTLED for the next N requests, then answers normally", async () => {
    // GIVEN a fake told to throttle the next two requests
    const fake = useFake({ now: fakeClock().now });
    fake.throttleNext(2, "THROTTLED");

    // WHEN three requests are sent
    const codes = [];
    for (let i = 0; i < 3; i++) {
      const { body } = await gql(fake, FIFTY_PRODUCTS);
      codes.push(Array.isArray(body.errors) ? body.errors[0]?.extensions?.code : "ok");
    }

    // THEN the first two are THROTTLED and the third executes
    expect(codes).toEqual(["THROTTLED", "THROTTLED", "ok"]);
    expect(fake.calls).toHaveLength(1);
  });

  it("forces HTTP 429 with Retry-After for fault tests", async () => {
    // GIVEN a fake told to answer the next request with 429
    const fake = useFake({ retryAfterSeconds: 3 });
    fake.throttleNext(1, "429");

    // WHEN two requests are sent
    const limited = await gql(fake, FIFTY_PRODUCTS);
    const next = await gql(fake, FIFTY_PRODUCTS);

    // THEN the first is 429 with Retry-After and Shopify's message, the second succeeds
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toBe("3.0");
    expect(limited.body.errors).toMatch(/^Exceeded 2 calls per second/);
    expect(next.status).toBe(200);
    expect(fake.stats).toMatchObject({ http429: 1, executed: 1 });
  });
});

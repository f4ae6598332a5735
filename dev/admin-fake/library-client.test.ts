// The production client (@shopify/shopify-api's GraphQL client and token exchange) works against the fake.
import "@shopify/shopify-api/adapters/node";
import {
  type ApiVersion,
  GraphqlQueryError,
  HttpThrottlingError,
  LogSeverity,
  RequestedTokenType,
  shopifyApi,
} from "@shopify/shopify-api";
import { API_KEY, API_SECRET_KEY, getJwt, setUpValidSession } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "./schema";
import { gqlData, useSeededFake } from "./test-utils";

const SHOP = "maison-argile.myshopify.com";

function library() {
  return shopifyApi({
    apiKey: API_KEY,
    apiSecretKey: API_SECRET_KEY,
    scopes: ["read_products", "write_products"],
    hostName: "backorder-pilot.example.com",
    hostScheme: "https",
    apiVersion: ADMIN_API_VERSION as ApiVersion,
    isEmbeddedApp: true,
    logger: { level: LogSeverity.Error },
  });
}

const PRODUCT = `#graphql
  query LibraryProduct($id: ID!) {
    product(id: $id) { title variants(first: 3) { nodes { sku inventoryPolicy } } }
  }`;

describe("@shopify/shopify-api against the Admin fake", () => {
  it("runs a query through shopify.clients.Graphql with a session's token", async () => {
    // GIVEN the demo shop and a session carrying the fake's token
    const { fake, demo } = useSeededFake({ shop: SHOP });
    const shopify = library();
    const session = setUpValidSession({ shop: SHOP, accessToken: fake.accessToken });

    // WHEN the production client requests a product
    const client = new shopify.clients.Graphql({ session });
    const response = await client.request(PRODUCT, { variables: { id: demo.products.TPT?.product.id } });

    // THEN it gets the data, and the fake logged the operation by name
    expect(response.data?.product).toEqual({
      title: "Teapot",
      variants: { nodes: [{ sku: "MA-TPT-06L", inventoryPolicy: "DENY" }, { sku: "MA-TPT-1L", inventoryPolicy: "CONTINUE" }] },
    });
    expect(response.extensions).toMatchObject({ cost: { requestedQueryCost: 6 } });
    expect(fake.calls.map((c) => c.operationName)).toEqual(["LibraryProduct"]);
  });

  it("surfaces a schema error as GraphqlQueryError", async () => {
    // GIVEN a session for the fake
    const { fake } = useSeededFake({ shop: SHOP });
    const client = new (library().clients.Graphql)({ session: setUpValidSession({ shop: SHOP, accessToken: fake.accessToken }) });

    // WHEN a query selects a field that does not exist
    const request = client.request(`query Typo { shop { nme } }`);

    // THEN the library throws its typed error carrying Shopify's message
    await expect(request).rejects.toBeInstanceOf(GraphqlQueryError);
    await expect(client.request(`query Typo { shop { nme } }`)).rejects.toThrow("Field 'nme' doesn't exist on type 'Shop'");
  });

  it("surfaces a forced HTTP 429 as HttpThrottlingError with Retry-After", async () => {
    // GIVEN a fake that will answer the next request with 429
    const { fake } = useSeededFake({ shop: SHOP });
    fake.throttleNext(1, "429");
    const client = new (library().clients.Graphql)({ session: setUpValidSession({ shop: SHOP, accessToken: fake.accessToken }) });

    // WHEN the client sends a query without retries
    const error = await client.request(`query { shop { name } }`).catch((e: unknown) => e);

    // THEN the library reports throttling with the server's Retry-After
    expect(error).toBeInstanceOf(HttpThrottlingError);
    expect((error as HttpThrottlingError).response.retryAfter).toBe(2);
  });

  it("exchanges a session token for an offline token the client can then use", async () => {
    // GIVEN a signed session token for the shop, as App Bridge would provide
    const { fake } = useSeededFake({ shop: SHOP, clientId: API_KEY, clientSecret: API_SECRET_KEY });
    const shopify = library();
    const { token } = await getJwt(SHOP.replace(".myshopify.com", ""), API_KEY, API_SECRET_KEY);

    // WHEN the library performs the token exchange and queries with the new session
    const { session } = await shopify.auth.tokenExchange({
      shop: SHOP,
      sessionToken: token,
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
    });
    const response = await new shopify.clients.Graphql({ session }).request(`query { shop { name } }`);

    // THEN the offline session works against the fake
    expect(session).toMatchObject({ id: `offline_${SHOP}`, isOnline: false, accessToken: expect.stringMatching(/^shpat_/) });
    expect(response.data).toEqual({ shop: { name: "Maison Argile" } });
    expect(await gqlData(fake, `query { shop { id } }`)).toHaveProperty("shop.id");
  });
});

// The Admin fake speaks Shopify's protocol: 401 on a bad token, Shopify-shaped validation errors with
// nothing executed, loud failures for fields the fake has not implemented, cost on every answer.
import { describe, expect, it } from "vitest";
import { INVALID_TOKEN_BODY } from "./fake";
import { gql, useSeededFake } from "./test-utils";

describe("Admin fake protocol", () => {
  it("answers 401 with Shopify's body to an unknown access token", async () => {
    // GIVEN a fake that only knows its own token
    const { fake } = useSeededFake();

    // WHEN a request carries another token, and another carries none
    const wrong = await gql(fake, `query { shop { name } }`, undefined, "shpat_wrong");
    const missing = await gql(fake, `query { shop { name } }`, undefined, null);

    // THEN both are 401 with the exact error body, and nothing executed
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(INVALID_TOKEN_BODY);
    expect(missing.status).toBe(401);
    expect(fake.stats.unauthorized).toBe(2);
    expect(fake.calls).toEqual([]);
  });

  it("rejects an unknown field with Shopify's error shape and executes nothing", async () => {
    // GIVEN a mutation with a misspelt field in its selection
    const { fake, demo } = useSeededFake();
    const variant = demo.variants["MA-BTD"];

    // WHEN it is sent
    const { status, body } = await gql(
      fake,
      `mutation SetPolicy($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
        productVariantsBulkUpdate(productId: $productId, variants: $variants) { productVariants { id inventoryPolicyy } }
      }`,
      { productId: demo.products.BTD?.product.id, variants: [{ id: variant?.id, inventoryPolicy: "CONTINUE" }] },
    );

    // THEN HTTP 200 carries graphql-ruby's message, location, document path and code; no data, no change
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      {
        message: "Field 'inventoryPolicyy' doesn't exist on type 'ProductVariant'",
        locations: [{ line: 2, column: 102 }],
        path: ["mutation SetPolicy", "productVariantsBulkUpdate", "productVariants", "inventoryPolicyy"],
        extensions: { code: "undefinedField", typeName: "ProductVariant", fieldName: "inventoryPolicyy" },
      },
    ]);
    expect(body).not.toHaveProperty("data");
    expect(fake.calls).toEqual([]);
    expect(fake.store.getVariant(variant?.id ?? "").inventoryPolicy).toBe("DENY");
  });

  it("rejects a missing required argument and a bad variable the way Shopify words them", async () => {
    // GIVEN the demo shop
    const { fake } = useSeededFake();

    // WHEN a required argument is missing, and a required variable is null
    const missingArg = await gql(fake, `query NoId { product { id } }`);
    const badVariable = await gql(fake, `query P($id: ID!) { product(id: $id) { id } }`, { id: null });

    // THEN each error carries graphql-ruby's wording and a code
    expect(missingArg.body.errors?.[0]).toMatchObject({
      message: "Field 'product' is missing required arguments: id",
      extensions: { code: "missingRequiredArguments", name: "product", arguments: "id" },
    });
    expect(badVariable.body.errors?.[0]).toMatchObject({
      message: "Variable $id of type ID! was provided invalid value",
      extensions: { code: "INVALID_VARIABLE", value: null },
    });
    expect(fake.stats.invalid).toBe(2);
  });

  it("fails loudly on a schema field the fake has not implemented instead of returning null", async () => {
    // GIVEN a valid query selecting a real field the fake does not model
    const { fake } = useSeededFake();

    // WHEN it is executed
    const { status, body } = await gql(fake, `query Weight { shop { name weightUnit } }`);

    // THEN the error names the type and field
    expect(status).toBe(200);
    expect(body.errors?.[0]).toMatchObject({
      message: "Admin fake: Shop.weightUnit is not implemented",
      path: ["shop", "weightUnit"],
      extensions: { code: "NOT_IMPLEMENTED_IN_FAKE" },
    });
  });

  it("fails loudly on a mutation input field the fake would otherwise ignore", async () => {
    // GIVEN a bulk update that also sets a field the fake does not model
    const { fake, demo } = useSeededFake();
    const variant = demo.variants["MA-BTD"];

    // WHEN it is sent
    const { body } = await gql(
      fake,
      `mutation T($p: ID!, $v: [ProductVariantsBulkInput!]!) { productVariantsBulkUpdate(productId: $p, variants: $v) { userErrors { message } } }`,
      { p: demo.products.BTD?.product.id, v: [{ id: variant?.id, taxable: true }] },
    );

    // THEN it says which input field is missing from the fake
    expect(body.errors?.[0]?.message).toBe("Admin fake: ProductVariantsBulkInput.taxable is not implemented");
  });

  it("reports the query cost and bucket on every executed response", async () => {
    // GIVEN the demo shop and the Standard-plan bucket
    const { fake } = useSeededFake();

    // WHEN ten products with up to five variants each are read
    const { body } = await gql(fake, `query { products(first: 10) { nodes { title variants(first: 5) { nodes { sku } } } } }`);

    // THEN the requested cost is 2 + 10 × (1 + 2 + 5), the actual cost counts what came back
    expect(body.extensions?.cost.requestedQueryCost).toBe(82);
    expect(body.extensions?.cost.actualQueryCost).toBeLessThan(82);
    expect(body.extensions?.cost.throttleStatus).toEqual({
      maximumAvailable: 2000,
      currentlyAvailable: 2000 - (body.extensions?.cost.actualQueryCost ?? 0),
      restoreRate: 100,
    });
  });

  it("refuses a query whose requested cost exceeds 1000", async () => {
    // GIVEN a query with nested connections (50 products × 100 variants)
    const { fake } = useSeededFake();

    // WHEN it is sent
    const { body } = await gql(fake, `query Big { products(first: 50) { nodes { variants(first: 100) { nodes { id } } } } }`);

    // THEN Shopify's MAX_COST_EXCEEDED comes back without executing
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "MAX_COST_EXCEEDED", cost: 5152, maxCost: 1000 });
    expect(fake.calls).toEqual([]);
  });

  it("answers 404 for another API version so version drift is caught", async () => {
    // GIVEN the fake serving 2026-07
    const { fake } = useSeededFake();

    // WHEN the client calls 2025-10
    const response = await fetch(`https://${fake.shop}/admin/api/2025-10/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": fake.accessToken },
      body: JSON.stringify({ query: "{ shop { name } }" }),
    });

    // THEN it is refused with a message naming the served version
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: expect.stringContaining("only API version 2026-07") });
  });
});

// Every #graphql operation in app/ must be valid against the vendored Admin 2026-07 schema, be named,
// and have a name unique across app/ (codegen keys types by operation name).
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadAdminSchema, mutationsRequiringIdempotency } from "../../dev/admin-fake/schema";
import {
  type OperationInfo,
  checkOperation,
  collectGraphqlTemplates,
  findGraphqlTemplates,
  operationsOf,
} from "./collect-operations";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const APP = fileURLToPath(new URL("../../app", import.meta.url));

const schema = loadAdminSchema();
const idempotent = mutationsRequiringIdempotency(schema);
const templates = collectGraphqlTemplates(APP, ROOT);
const parsed = templates.map((template) => ({ template, ...operationsOf(template) }));
const operations: OperationInfo[] = parsed.flatMap((p) => p.operations);

const FIXTURE = [
  'import type { AdminApiContext } from "@shopify/shopify-app-remix/server";',
  "const QUERY = `#graphql",
  "  query FixtureVariant($id: ID!) {",
  "    productVariant(id: $id) { id inventoryPolicy }",
  "  }",
  "`;",
  "export const MUTATION = `#graphql",
  "  mutation FixtureSetPolicy($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {",
  "    productVariantsBulkUpdate(productId: $productId, variants: $variants) { userErrors { field message } }",
  "  }`;",
  "const notGraphql = `plain ${'template'}`;",
  "const interpolated = `#graphql query FixtureBroken { shop { ${'name'} } }`;",
].join("\n");

describe("the #graphql scanner", () => {
  it("finds each #graphql template in a source file with its line, and nothing else", () => {
    // GIVEN a source file with two #graphql templates, an ordinary template and an interpolated one
    // WHEN it is scanned
    const found = findGraphqlTemplates(FIXTURE, "fixture.ts");

    // THEN the three #graphql templates are found, with their lines and interpolation counts
    expect(found.map((t) => [t.line, t.interpolations])).toEqual([
      [2, 0],
      [7, 0],
      [12, 1],
    ]);
    expect(found.flatMap((t) => operationsOf(t).operations.map((o) => o.name))).toEqual([
      "FixtureVariant",
      "FixtureSetPolicy",
    ]);
  });

  it("accepts valid fixture operations and reports an unknown field", () => {
    // GIVEN the fixture's valid operations and one with a misspelt field
    const valid = findGraphqlTemplates(FIXTURE, "fixture.ts")
      .slice(0, 2)
      .flatMap((t) => operationsOf(t).operations);
    const [broken] = operationsOf({ file: "x.ts", line: 1, source: "query Broken { shop { nme } }", interpolations: 0 })
      .operations;

    // WHEN they are checked against the schema
    const problems = valid.map((op) => checkOperation(schema, op, idempotent));

    // THEN the valid ones pass and the broken one names the field
    expect(problems).toEqual([[], []]);
    expect(checkOperation(schema, broken as OperationInfo, idempotent).join("\n")).toMatch(/nme/);
  });

  it("reports Shopify's runtime rules: connections need first/last, inventory mutations need @idempotent", () => {
    // GIVEN an unbounded connection and an inventory mutation without an idempotency key
    const source = `#graphql
      query Unbounded { products { nodes { id } } }
      mutation NoKey($input: InventoryAdjustQuantitiesInput!) {
        inventoryAdjustQuantities(input: $input) { userErrors { message } }
      }`;
    const ops = operationsOf({ file: "x.ts", line: 1, source, interpolations: 0 }).operations;

    // WHEN they are checked
    const problems = ops.flatMap((op) => checkOperation(schema, op, idempotent));

    // THEN both runtime rules are reported
    expect(problems.join("\n")).toMatch(/'products' needs a first or last/);
    expect(problems.join("\n")).toMatch(/'inventoryAdjustQuantities' needs @idempotent/);
  });
});

describe(`#graphql operations in app/ (${operations.length} found)`, () => {
  for (const { template, operations: ops, error } of parsed) {
    if (template.interpolations > 0) {
      it(`${template.file}:${template.line} has no \${} interpolation`, () => {
        // THEN: operations must be literal so codegen and this test can read them
        expect.fail(
          `${template.file}:${template.line}: #graphql template has ${template.interpolations} \${} interpolation(s); ` +
            "inline the text (fragments included) so codegen and validation see the whole document",
        );
      });
      continue;
    }
    if (error) {
      it(`${template.file}:${template.line} parses`, () => {
        expect.fail(`${template.file}:${template.line}: ${error.message}`);
      });
      continue;
    }
    for (const op of ops) {
      it(`${template.file} › ${op.name ?? "(anonymous)"} is valid against Admin ${"2026-07"}`, () => {
        // GIVEN an operation from app/  WHEN it is validated  THEN there are no problems
        expect(checkOperation(schema, op, idempotent)).toEqual([]);
      });
    }
  }

  it("names every operation", () => {
    // GIVEN all operations in app/  THEN none is anonymous
    const anonymous = operations.filter((op) => !op.name).map((op) => `${op.template.file}:${op.template.line}`);
    expect(anonymous).toEqual([]);
  });

  it("uses each operation name once across app/", () => {
    // GIVEN all operation names  THEN no name appears twice
    const seen = new Map<string, string[]>();
    for (const op of operations) {
      if (!op.name) continue;
      seen.set(op.name, [...(seen.get(op.name) ?? []), `${op.template.file}:${op.template.line}`]);
    }
    const duplicates = [...seen].filter(([, places]) => places.length > 1);
    expect(duplicates).toEqual([]);
  });
});

// Every #graphql operation in app/ must be valid against the vendored Admin schema, be named, and have a
// name unique across app/ (codegen keys types by operation name). Every one lives in app/shopify/ and is
// sent through the typed client, with the document codegen typed (./typed-calls.ts).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ADMIN_API_VERSION, loadAdminSchema, mutationsRequiringIdempotency } from "../../dev/admin-fake/schema";
import {
  type GraphqlTemplate,
  type OperationInfo,
  checkOperation,
  collectGraphqlTemplates,
  findGraphqlTemplates,
  listSourceFiles,
  operationsOf,
} from "./collect-operations";
import { auditAdminCalls, generatedOperationKeys, operationsOutside, untypedTemplates } from "./typed-calls";

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
      it(`${template.file} › ${op.name ?? "(anonymous)"} is valid against Admin ${ADMIN_API_VERSION}`, () => {
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

const at = (t: GraphqlTemplate) => `${t.file}:${t.line}`;
const template = (file: string, source: string): GraphqlTemplate => ({ file, line: 1, source, interpolations: 0 });

const CALLS_FIXTURE = [
  'import { requestOnce, type AdminClient } from "./admin-client.server";',
  "const SHOP = `#graphql",
  "  query FixtureShop { shop { name } }",
  "`;",
  "const UNSENT = `#graphql query FixtureUnsent { shop { id } }`;",
  "type LooseGraphql = (query: string) => Promise<Response>;",
  "export async function calls(client: AdminClient, graphql: AdminGraphql, built: string) {",
  "  await client.request(SHOP);",
  "  await requestOnce(graphql, SHOP);",
  "  await client.request(built);",
  "  await client.request<{ shop: { name: string } }>(SHOP);",
  "  await (graphql as unknown as LooseGraphql)(SHOP);",
  "  await graphql(SHOP);",
  "  return (await requestOnce(graphql, SHOP)).data as any;",
  "}",
].join("\n");

describe("the typed-call checks", () => {
  it("report a #graphql operation outside app/shopify/", () => {
    // GIVEN one template in app/shopify/ and one in app/proxy/
    const templates = [template("app/shopify/a.server.ts", "query A { shop { id } }"), template("app/proxy/b.server.ts", "query B { shop { id } }")];

    // WHEN they are checked  THEN only the one outside is reported
    expect(operationsOutside(templates).map((t) => t.file)).toEqual(["app/proxy/b.server.ts"]);
  });

  it("report each way around the typed client in app/shopify/, and accept typed calls", () => {
    // GIVEN a module of app/shopify/ with two typed calls and every untyped kind of call
    // WHEN it is audited
    const problems = auditAdminCalls(CALLS_FIXTURE, "app/shopify/fixture.server.ts").map((p) => `${p.line}: ${p.message}`);

    // THEN lines 8-9 (typed) pass, and each other kind is reported on its line
    expect(problems).toEqual([
      expect.stringMatching(/^6: LooseGraphql/),
      expect.stringMatching(/^10: \.request\(\) must be given a #graphql constant/),
      expect.stringMatching(/^11: \.request<…>\(\) with a type argument/),
      expect.stringMatching(/^12: double cast/),
      expect.stringMatching(/^12: LooseGraphql/),
      expect.stringMatching(/^13: admin\.graphql called directly/),
      expect.stringMatching(/^14: cast to any/),
      expect.stringMatching(/^5: UNSENT is never passed/),
    ]);
  });

  it("report direct admin.graphql calls anywhere in app/, and nothing in the client module itself", () => {
    // GIVEN the same module outside app/shopify/, and a direct call inside the client module
    const outside = auditAdminCalls(CALLS_FIXTURE, "app/proxy/fixture.server.ts").map((p) => `${p.line}: ${p.message}`);
    const client = auditAdminCalls("export const go = (graphql: G, q: string) => graphql(q);", "app/shopify/admin-client.server.ts");

    // THEN outside, the direct call is reported (casts and .request are app/shopify/'s rules); the client may call it
    expect(outside).toEqual([expect.stringMatching(/^13: admin\.graphql called directly/)]);
    expect(client).toEqual([]);
  });

  it("report a #graphql document codegen has not typed", () => {
    // GIVEN generated declarations that type one document, and two templates
    const typed = "#graphql\n  query FixtureTyped { shop { id } }\n";
    const generated = `interface GeneratedQueryTypes {\n  ${JSON.stringify(typed)}: {return: FixtureTypedQuery, variables: FixtureTypedQueryVariables},\n}\n`;
    const templates = [template("app/shopify/a.ts", typed), template("app/shopify/b.ts", "#graphql\n  query FixtureNew { shop { id } }\n")];

    // WHEN they are compared  THEN the one codegen has not seen is reported
    expect([...generatedOperationKeys(generated)]).toEqual([typed]);
    expect(untypedTemplates(templates, generatedOperationKeys(generated)).map((t) => t.file)).toEqual(["app/shopify/b.ts"]);
  });
});

describe("Admin operations in app/ go through the typed client", () => {
  it("keeps every #graphql operation in app/shopify/", () => {
    // GIVEN every #graphql template in app/  THEN none is outside app/shopify/
    expect(operationsOutside(templates).map(at)).toEqual([]);
  });

  it("sends each one with a #graphql constant through client.request or requestOnce, uncast", () => {
    // GIVEN every source file of app/ (generated types excluded)
    const files = listSourceFiles(APP, ROOT).filter((file) => !file.split("\\").join("/").startsWith("app/types/"));

    // WHEN each is audited  THEN there is nothing to report
    const problems = files.flatMap((file) => auditAdminCalls(readFileSync(join(ROOT, file), "utf8"), file));
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([]);
  });

  it("has generated types for every operation (codegen is up to date)", () => {
    // GIVEN the declarations `npm run graphql-codegen` writes
    const generatedFile = join(ROOT, "app/types/admin.generated.d.ts");
    if (!existsSync(generatedFile)) expect.fail("app/types/admin.generated.d.ts is missing: run `npm run graphql-codegen`");
    const keys = generatedOperationKeys(readFileSync(generatedFile, "utf8"));

    // THEN each operation's text is one of its keys, so the typed client accepts it and types its result
    const stale = untypedTemplates(templates, keys).map(at);
    expect(stale, "run `npm run graphql-codegen` (or `npm run typecheck`)").toEqual([]);
    expect(keys.size).toBe(operations.length);
  });
});

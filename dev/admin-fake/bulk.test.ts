// Bulk import (bulk mutation) protocol of the Admin fake, exercised the way an app does it: GraphQL over
// fetch, a real multipart FormData upload to the staged-upload URL, polling, and a JSONL download.
import { http, passthrough } from "msw";
import { describe, expect, it } from "vitest";
import { mswServer } from "../../tests/setup/vitest.setup";
import type { AdminFake } from "./fake";
import { createAdminFake } from "./fake";
import { serveFake, shopifyForwarder } from "./http";
import { seedDemoShop } from "./seed";
import { fakeClock, gql, gqlData, useSeededFake } from "./test-utils";

const STAGED_UPLOADS_CREATE = `mutation Staged($input: [StagedUploadInput!]!) {
  stagedUploadsCreate(input: $input) {
    stagedTargets { url resourceUrl parameters { name value } }
    userErrors { field message }
  }
}`;

const RUN = `mutation Run($mutation: String!, $path: String!, $client: String) {
  bulkOperationRunMutation(mutation: $mutation, stagedUploadPath: $path, clientIdentifier: $client) {
    bulkOperation { id status type query createdAt completedAt url }
    userErrors { code field message }
  }
}`;

const POLL = `query Poll($id: ID!) {
  bulkOperation(id: $id) { id status errorCode createdAt completedAt objectCount rootObjectCount fileSize url partialDataUrl type query }
}`;

const HOLD_LINE = `mutation Hold($id: ID!, $hold: FulfillmentOrderHoldInput!) {
  fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) {
    fulfillmentHold { handle reason }
    fulfillmentOrder { id status }
    userErrors { field message code }
  }
}`;

const TAGS_LINE = `mutation Tag($id: ID!, $tags: [String!]!) { tagsAdd(id: $id, tags: $tags) { node { id } userErrors { field message } } }`;

interface Target {
  url: string;
  resourceUrl: string | null;
  parameters: { name: string; value: string }[];
}

async function stage(fake: AdminFake): Promise<Target> {
  const data = await gqlData(fake, STAGED_UPLOADS_CREATE, {
    input: [{ resource: "BULK_MUTATION_VARIABLES", filename: "bulk_op_vars.jsonl", mimeType: "text/jsonl", httpMethod: "POST" }],
  });
  expect(data.stagedUploadsCreate.userErrors).toEqual([]);
  return data.stagedUploadsCreate.stagedTargets[0] as Target;
}

/** The form upload the way Shopify's guide shows it: every parameter, then `file` last. */
async function upload(target: Target, jsonl: string | null, override: Record<string, string | null> = {}): Promise<Response> {
  const form = new FormData();
  for (const { name, value } of target.parameters) {
    const v = name in override ? override[name] : value;
    if (v !== null && v !== undefined) form.append(name, v);
  }
  if (jsonl !== null) form.append("file", new Blob([jsonl], { type: "text/jsonl" }), "bulk_op_vars.jsonl");
  return fetch(target.url, { method: "POST", body: form });
}

const keyOf = (target: Target): string => target.parameters.find((p) => p.name === "key")?.value ?? "";
const jsonl = (lines: unknown[]): string => lines.map((l) => JSON.stringify(l)).join("\n") + "\n";

/** stagedUploadsCreate → upload → bulkOperationRunMutation; returns the run payload. */
async function startBulk(fake: AdminFake, mutation: string, lines: unknown[]) {
  const target = await stage(fake);
  expect((await upload(target, jsonl(lines))).status).toBe(201);
  return (await gqlData(fake, RUN, { mutation, path: keyOf(target) })).bulkOperationRunMutation;
}

async function poll(fake: AdminFake, id: string) {
  return (await gqlData(fake, POLL, { id })).bulkOperation;
}

async function download(url: string): Promise<unknown[]> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const text = await response.text();
  expect(text.endsWith("\n")).toBe(true);
  return text.trimEnd().split("\n").map((line) => JSON.parse(line) as unknown);
}

function openFulfillmentOrders(fake: AdminFake) {
  return [...fake.store.fulfillmentOrders.values()].filter((fo) => fo.status === "OPEN" && fo.holds.length === 0);
}

describe("Admin fake bulk mutations", () => {
  it("holds fulfillment orders from a JSONL file: applied only on completion, results per line, bucket charged 10+10+polls", async () => {
    // GIVEN a seeded shop on a fake clock with a bucket that does not refill, and two open fulfillment orders
    const clock = fakeClock();
    const { fake } = useSeededFake({ now: clock.now, bucket: { restoreRate: 0 } });
    const [a, b] = openFulfillmentOrders(fake);
    expect(a && b).toBeTruthy();
    const hold = { reason: "INVENTORY_OUT_OF_STOCK", reasonNotes: "Awaiting kiln batch", handle: "backorder" };

    // WHEN the app stages a file, uploads it with a form POST and starts the bulk mutation (3 lines, one bad)
    const target = await stage(fake);
    const uploaded = await upload(
      target,
      jsonl([
        { id: a?.id, hold },
        { id: "gid://shopify/FulfillmentOrder/1", hold },
        { id: b?.id, hold },
      ]),
    );
    const run = (await gqlData(fake, RUN, { mutation: HOLD_LINE, path: keyOf(target), client: "holds-batch-1" })).bulkOperationRunMutation;
    const early = await poll(fake, run.bulkOperation.id);
    const heldEarly = [a, b].map((fo) => fake.store.fulfillmentOrders.get(fo?.id ?? "")?.holds.length);
    clock.advance(200 + 2 * 3); // the default duration for 3 lines
    const done = await poll(fake, run.bulkOperation.id);
    const lines = await download(done.url);

    // THEN the target is a GCS form upload like Shopify's, the upload answers 201 with its Key
    expect(target.url).toBe("https://shopify-staged-uploads.storage.googleapis.com/");
    expect(target.resourceUrl).toBeNull();
    expect(target.parameters.map((p) => p.name)).toEqual([
      "key",
      "Content-Type",
      "success_action_status",
      "acl",
      "policy",
      "x-goog-credential",
      "x-goog-algorithm",
      "x-goog-date",
      "x-goog-signature",
    ]);
    expect(keyOf(target)).toMatch(/^tmp\/4242424242\/bulk\/[0-9a-f-]{36}\/bulk_op_vars$/);
    expect(uploaded.status).toBe(201);
    expect(await uploaded.text()).toContain(`<Key>${keyOf(target)}</Key>`);
    // … the operation starts CREATED and nothing is held before it completes
    expect(run.userErrors).toEqual([]);
    expect(run.bulkOperation).toMatchObject({ status: "CREATED", type: "MUTATION", query: HOLD_LINE, completedAt: null, url: null });
    expect(run.bulkOperation.id).toMatch(/^gid:\/\/shopify\/BulkOperation\/\d+$/);
    expect(early).toMatchObject({ status: "CREATED", url: null, objectCount: "0" });
    expect(heldEarly).toEqual([0, 0]);
    // … once the clock passes its duration it is COMPLETED, the holds are in the store
    expect(done).toMatchObject({
      status: "COMPLETED",
      errorCode: null,
      createdAt: "2026-11-27T09:00:00Z",
      completedAt: "2026-11-27T09:00:00Z", // 206 ms later, whole seconds like Shopify's DateTime
      objectCount: "3",
      rootObjectCount: "3",
      partialDataUrl: null,
      type: "MUTATION",
    });
    expect(done.url).toMatch(/^https:\/\/storage\.googleapis\.com\/shopify-tiers-assets-prod-us-east1\/bulk-operation-outputs\/.+-final\.jsonl\?/);
    expect(Number(done.fileSize)).toBeGreaterThan(0);
    for (const fo of [a, b]) {
      expect(fake.store.fulfillmentOrders.get(fo?.id ?? "")).toMatchObject({ status: "ON_HOLD", holds: [{ handle: "backorder" }] });
    }
    // … the results hold one line per input line, in Shopify's shape, the bad one with its userErrors
    expect(lines).toEqual([
      {
        data: {
          fulfillmentOrderHold: {
            fulfillmentHold: { handle: "backorder", reason: "INVENTORY_OUT_OF_STOCK" },
            fulfillmentOrder: { id: a?.id, status: "ON_HOLD" },
            userErrors: [],
          },
        },
        __lineNumber: 0,
      },
      {
        data: {
          fulfillmentOrderHold: {
            fulfillmentHold: null,
            fulfillmentOrder: null,
            userErrors: [{ field: ["id"], message: "Fulfillment order not found.", code: "FULFILLMENT_ORDER_NOT_FOUND" }],
          },
        },
        __lineNumber: 1,
      },
      {
        data: {
          fulfillmentOrderHold: {
            fulfillmentHold: { handle: "backorder", reason: "INVENTORY_OUT_OF_STOCK" },
            fulfillmentOrder: { id: b?.id, status: "ON_HOLD" },
            userErrors: [],
          },
        },
        __lineNumber: 2,
      },
    ]);
    // … and only the two mutations (10 each) and the two polls (1 each) were charged or logged as requests
    expect(fake.throttleStatus().currentlyAvailable).toBe(2000 - 10 - 10 - 1 - 1);
    expect(fake.stats.requests).toBe(4);
    expect(fake.calls.map((c) => c.rootFields[0])).toEqual(["stagedUploadsCreate", "bulkOperationRunMutation", "bulkOperation", "bulkOperation"]);
    expect(fake.bulkOperations).toHaveLength(1);
    expect(fake.bulkOperations[0]).toMatchObject({ clientIdentifier: "holds-batch-1", rootField: "fulfillmentOrderHold" });
  });

  it("adds tags from a JSONL file; a line with invalid variables gets errors, a missing resource its userErrors", async () => {
    // GIVEN a seeded shop, an order and a product without the tag
    const clock = fakeClock();
    const { fake, demo } = useSeededFake({ now: clock.now });
    const order = demo.orders[0];
    const product = demo.products.MUG?.product ?? Object.values(demo.products)[0]?.product;

    // WHEN a bulk tagsAdd runs over four lines
    const run = await startBulk(fake, TAGS_LINE, [
      { id: order?.id, tags: ["backorder"] },
      { id: product?.id, tags: ["backorder", "eta-sent"] },
      { id: order?.id },
      { id: "gid://shopify/Order/1", tags: ["backorder"] },
    ]);
    clock.advance(100);
    const running = await poll(fake, run.bulkOperation.id);
    const before = [...(fake.store.orders.get(order?.id ?? "")?.tags ?? [])];
    clock.advance(1_000);
    const current = (await gqlData(fake, `query { currentBulkOperation(type: MUTATION) { id status url } }`)).currentBulkOperation;
    const asNode = (await gqlData(fake, `query N($id: ID!) { node(id: $id) { ... on BulkOperation { id status } } }`, { id: run.bulkOperation.id }))
      .node;
    const lines = await download(current.url);

    // THEN the tags appear only after completion, and each line's result is reported
    expect(run.userErrors).toEqual([]);
    expect(running).toMatchObject({ status: "RUNNING", url: null, completedAt: null });
    expect(before).not.toContain("backorder");
    expect(current).toMatchObject({ id: run.bulkOperation.id, status: "COMPLETED" });
    expect(asNode).toEqual({ id: run.bulkOperation.id, status: "COMPLETED" });
    expect(fake.store.orders.get(order?.id ?? "")?.tags).toContain("backorder");
    expect(fake.store.products.get(product?.id ?? "")?.tags).toEqual(expect.arrayContaining(["backorder", "eta-sent"]));
    expect(lines[0]).toEqual({ data: { tagsAdd: { node: { id: order?.id }, userErrors: [] } }, __lineNumber: 0 });
    expect(lines[1]).toEqual({ data: { tagsAdd: { node: { id: product?.id }, userErrors: [] } }, __lineNumber: 1 });
    expect(lines[2]).toMatchObject({
      errors: [{ message: "Variable $tags of type [String!]! was provided invalid value", extensions: { code: "INVALID_VARIABLE" } }],
      __lineNumber: 2,
    });
    expect(lines[2]).not.toHaveProperty("data");
    expect(lines[3]).toEqual({
      data: { tagsAdd: { node: null, userErrors: [{ field: ["id"], message: "Resource not found." }] } },
      __lineNumber: 3,
    });
  });

  it("refuses a second bulk mutation while one is running (OPERATION_IN_PROGRESS), up to bulkMutationConcurrency", async () => {
    // GIVEN one bulk mutation running on the default fake, and a fake allowing two at once
    const clock = fakeClock();
    const { fake, demo } = useSeededFake({ now: clock.now });
    const order = demo.orders[0];
    const first = await startBulk(fake, TAGS_LINE, [{ id: order?.id, tags: ["a"] }]);

    // WHEN a second one is started before, then after, the first completes
    const refused = await startBulk(fake, TAGS_LINE, [{ id: order?.id, tags: ["b"] }]);
    clock.advance(300);
    const accepted = await startBulk(fake, TAGS_LINE, [{ id: order?.id, tags: ["c"] }]);
    const two = useSeededFake({ now: clock.now, bulkMutationConcurrency: 2, shop: "two-at-once.myshopify.com" }).fake;
    const both = [
      await startBulk(two, TAGS_LINE, [{ id: order?.id, tags: ["x"] }]),
      await startBulk(two, TAGS_LINE, [{ id: order?.id, tags: ["y"] }]),
      await startBulk(two, TAGS_LINE, [{ id: order?.id, tags: ["z"] }]),
    ];

    // THEN the second is refused naming the running operation, the third is accepted; two may overlap
    expect(first.userErrors).toEqual([]);
    expect(refused).toEqual({
      bulkOperation: null,
      userErrors: [
        {
          code: "OPERATION_IN_PROGRESS",
          field: null,
          message: `A bulk mutation operation for this app and shop is already in progress: ${first.bulkOperation.id}.`,
        },
      ],
    });
    expect(accepted.userErrors).toEqual([]);
    expect(fake.bulkOperations.map((o) => o.status)).toEqual(["COMPLETED", "CREATED"]);
    expect(both.map((r) => r.userErrors[0]?.code ?? "OK")).toEqual(["OK", "OK", "OPERATION_IN_PROGRESS"]);
  });

  it("answers NO_SUCH_FILE, INVALID_MUTATION and INVALID_STAGED_UPLOAD_FILE without creating an operation", async () => {
    // GIVEN a seeded shop, a staged target never uploaded to, and one with a broken line
    const { fake } = useSeededFake();
    const empty = await stage(fake);
    const broken = await stage(fake);
    expect((await upload(broken, `{"id":"gid://shopify/Order/1","tags":["a"]}\n[1,2]\n`)).status).toBe(201);
    const run = async (mutation: string, path: string) => (await gqlData(fake, RUN, { mutation, path })).bulkOperationRunMutation;

    // WHEN bulk mutations are started with unknown files, bad mutation documents and a bad file
    const results = {
      unknownPath: await run(TAGS_LINE, "tmp/4242424242/bulk/00000000-0000-0000-0000-000000000000/bulk_op_vars"),
      notUploaded: await run(TAGS_LINE, keyOf(empty)),
      parseError: await run("mutation { tagsAdd(", keyOf(broken)),
      unknownField: await run("mutation { tagsAddd(id: \"x\", tags: []) { node { id } } }", keyOf(broken)),
      twoRoots: await run(
        "mutation { a: tagsAdd(id: \"gid://shopify/Order/1\", tags: [\"a\"]) { node { id } } b: tagsRemove(id: \"gid://shopify/Order/1\", tags: [\"a\"]) { node { id } } }",
        keyOf(broken),
      ),
      query: await run("query { shop { name } }", keyOf(broken)),
      nested: await run(`mutation { bulkOperationRunMutation(mutation: "", stagedUploadPath: "") { userErrors { code } } }`, keyOf(broken)),
      badLine: await run(TAGS_LINE, keyOf(broken)),
    };

    // THEN each gets its BulkMutationErrorCode, no operation exists
    expect(Object.fromEntries(Object.entries(results).map(([k, r]) => [k, [r.bulkOperation, r.userErrors[0]?.code]]))).toEqual({
      unknownPath: [null, "NO_SUCH_FILE"],
      notUploaded: [null, "NO_SUCH_FILE"],
      parseError: [null, "INVALID_MUTATION"],
      unknownField: [null, "INVALID_MUTATION"],
      twoRoots: [null, "INVALID_MUTATION"],
      query: [null, "INVALID_MUTATION"],
      nested: [null, "INVALID_MUTATION"],
      badLine: [null, "INVALID_STAGED_UPLOAD_FILE"],
    });
    expect(results.unknownField.userErrors[0].message).toContain("tagsAddd");
    expect(results.badLine.userErrors[0].message).toContain("line 2");
    expect(fake.bulkOperations).toEqual([]);
  });

  it("accepts each shop's upload when several shops' fakes share one msw server, and applies each file to its own shop", async () => {
    // GIVEN two shops' fakes registered on the same server (the second one's handlers answer first)
    const clock = fakeClock();
    const first = useSeededFake({ now: clock.now, shop: "first-of-two.myshopify.com" }).fake;
    const second = useSeededFake({ now: clock.now, shop: "second-of-two.myshopify.com" }).fake;
    const [firstFo] = openFulfillmentOrders(first);
    const [secondFo] = openFulfillmentOrders(second);
    const hold = { reason: "INVENTORY_OUT_OF_STOCK", reasonNotes: "Awaiting kiln batch", handle: "backorder" };

    // WHEN each shop stages and uploads its own file and runs its bulk mutation
    const runs = [
      await startBulk(first, HOLD_LINE, [{ id: firstFo?.id, hold }]),
      await startBulk(second, HOLD_LINE, [{ id: secondFo?.id, hold }]),
    ];
    clock.advance(1_000);

    // THEN both uploads were accepted (the second fake passing on the first one's key leaves its body readable)
    expect(runs.map((run) => run.userErrors)).toEqual([[], []]);
    expect(await poll(first, runs[0].bulkOperation.id)).toMatchObject({ status: "COMPLETED" });
    expect(await poll(second, runs[1].bulkOperation.id)).toMatchObject({ status: "COMPLETED" });
    // … and each file held its own shop's fulfillment order
    expect(first.store.fulfillmentOrders.get(firstFo?.id ?? "")?.holds).toHaveLength(1);
    expect(second.store.fulfillmentOrders.get(secondFo?.id ?? "")?.holds).toHaveLength(1);
  });

  it("rejects uploads with a forged key (403), a wrong signature (403), no key or no file (400)", async () => {
    // GIVEN a staged target
    const { fake } = useSeededFake();
    const target = await stage(fake);

    // WHEN uploads are attempted with a key the fake never issued, a bad signature, and missing fields
    const forged = await upload(target, jsonl([{}]), { key: "tmp/4242424242/bulk/forged/bulk_op_vars" });
    const badSignature = await upload(target, jsonl([{}]), { "x-goog-signature": "00" });
    const noKey = await upload(target, jsonl([{}]), { key: null });
    const noFile = await upload(target, null);

    // THEN GCS-like XML errors come back and nothing is stored
    expect([forged.status, badSignature.status, noKey.status, noFile.status]).toEqual([403, 403, 400, 400]);
    expect(await forged.text()).toContain("<Code>AccessDenied</Code>");
    const run = (await gqlData(fake, RUN, { mutation: TAGS_LINE, path: keyOf(target) })).bulkOperationRunMutation;
    expect(run.userErrors[0]?.code).toBe("NO_SUCH_FILE");
  });

  it("fails the next operation on demand: FAILED with errorCode, no url, nothing applied", async () => {
    // GIVEN a fake told to fail the next bulk operation
    const clock = fakeClock();
    const { fake, demo } = useSeededFake({ now: clock.now });
    const order = demo.orders[0];
    fake.failNextBulkOperation("INTERNAL_SERVER_ERROR");

    // WHEN a tagging bulk mutation runs past its duration and is settled explicitly
    const run = await startBulk(fake, TAGS_LINE, [{ id: order?.id, tags: ["never"] }]);
    clock.advance(10_000);
    await fake.settleBulkOperations();
    const after = await poll(fake, run.bulkOperation.id);

    // THEN it is FAILED with the code, no result or partial data, and the tag was not added
    expect(fake.bulkOperations[0]?.status).toBe("FAILED");
    expect(after).toMatchObject({ status: "FAILED", errorCode: "INTERNAL_SERVER_ERROR", url: null, partialDataUrl: null, completedAt: null });
    expect(fake.store.orders.get(order?.id ?? "")?.tags).not.toContain("never");
  });

  it("stays loud about what it does not model and answers 404 for unknown result files", async () => {
    // GIVEN a seeded fake
    const { fake } = useSeededFake();

    // WHEN a bulk query, a cancel, a groupObjects:false run and a PUT staged upload are requested
    const query = await gql(fake, `mutation { bulkOperationRunQuery(query: "{ shop { id } }", groupObjects: false) { userErrors { message } } }`);
    const cancel = await gql(fake, `mutation { bulkOperationCancel(id: "gid://shopify/BulkOperation/1") { userErrors { message } } }`);
    const grouped = await gql(
      fake,
      `mutation { bulkOperationRunMutation(mutation: "m", stagedUploadPath: "p", groupObjects: false) { userErrors { message } } }`,
    );
    const put = await gql(fake, STAGED_UPLOADS_CREATE, {
      input: [{ resource: "BULK_MUTATION_VARIABLES", filename: "v.jsonl", mimeType: "text/jsonl", httpMethod: "PUT" }],
    });
    const missing = await fetch("https://storage.googleapis.com/shopify-tiers-assets-prod-us-east1/bulk-operation-outputs/nope-final.jsonl?x=1");

    // THEN each is a NOT_IMPLEMENTED_IN_FAKE error, never a silent null, and the download is a 404
    for (const response of [query, cancel, grouped, put]) {
      expect(response.body.errors?.[0]?.extensions?.code).toBe("NOT_IMPLEMENTED_IN_FAKE");
    }
    expect(missing.status).toBe(404);
    expect((await gqlData(fake, `query { currentBulkOperation(type: MUTATION) { id } }`)).currentBulkOperation).toBeNull();
  });

  it("reaches a fake served in another process: the upload and the download go through shopifyForwarder", async () => {
    // GIVEN a fake served over loopback (not registered with this process's msw) and the forwarder's handlers
    const clock = fakeClock();
    const fake = createAdminFake({ shop: "forwarded.myshopify.com", now: clock.now });
    const demo = seedDemoShop(fake.store);
    const served = await serveFake(fake, fake.shop);
    const forwarder = await shopifyForwarder(served.url);
    mswServer.use(http.all(`${served.url}/*`, () => passthrough()), ...forwarder.listHandlers());
    const order = demo.orders[0];

    try {
      // WHEN the whole bulk import runs through the forwarder, plus a forged upload
      const target = await stage(fake);
      const forged = await upload(target, jsonl([{}]), { key: "tmp/forged/bulk_op_vars" });
      const run = await startBulk(fake, TAGS_LINE, [{ id: order?.id, tags: ["forwarded"] }]);
      clock.advance(1_000);
      const done = await poll(fake, run.bulkOperation.id);
      const lines = await download(done.url);

      // THEN the served fake got the file intact, ran the line and served its result
      expect(forged.status).toBe(403);
      expect(run.userErrors).toEqual([]);
      expect(done.status).toBe("COMPLETED");
      expect(lines).toEqual([{ data: { tagsAdd: { node: { id: order?.id }, userErrors: [] } }, __lineNumber: 0 }]);
      expect(fake.store.orders.get(order?.id ?? "")?.tags).toContain("forwarded");
    } finally {
      await served.close();
    }
  });
});

// Bulk import (bulk mutation) protocol of the Admin fake, as shopify.dev documents it
// (https://shopify.dev/docs/api/usage/bulk-operations/imports):
//   1. stagedUploadsCreate(resource: BULK_MUTATION_VARIABLES, httpMethod: POST) → a GCS form-upload target
//   2. multipart POST of the JSONL variables file to https://shopify-staged-uploads.storage.googleapis.com/
//   3. bulkOperationRunMutation(mutation, stagedUploadPath: <the "key" parameter>) → BulkOperation CREATED
//   4. polling bulkOperation(id:) / currentBulkOperation(type: MUTATION) until COMPLETED (or FAILED)
//   5. GET of BulkOperation.url → JSONL results, one line per input line with its __lineNumber.
// Lines run through the fake's own validation and resolvers, free of bucket cost and not listed as HTTP
// requests; they take effect when the operation completes on the fake clock (applied lazily, in order of
// completion time, at the first observation after it: any GraphQL request, a results download, or
// fake.settleBulkOperations()).
import { createHash, randomUUID } from "node:crypto";
import { type DocumentNode, type GraphQLSchema, GraphQLError, Kind, type OperationDefinitionNode, parse, validate } from "graphql";
import type { View } from "./connection";
import type { RootResolver } from "./queries";
import type { AdminStore } from "./store";
import { gidType } from "./store";
import { invalidGid } from "./views";

export const STAGED_UPLOADS_URL = "https://shopify-staged-uploads.storage.googleapis.com/";
export const BULK_RESULTS_BUCKET_URL = "https://storage.googleapis.com/shopify-tiers-assets-prod-us-east1/";
const RESULTS_PREFIX = "bulk-operation-outputs/";

export type BulkOperationStatus = "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELED" | "CANCELING" | "EXPIRED";
export type BulkOperationErrorCode = "ACCESS_DENIED" | "INTERNAL_SERVER_ERROR" | "TIMEOUT";
export type BulkMutationErrorCode =
  | "INTERNAL_FILE_SERVER_ERROR"
  | "INVALID_MUTATION"
  | "INVALID_STAGED_UPLOAD_FILE"
  | "LIMIT_REACHED"
  | "NO_SUCH_FILE"
  | "OPERATION_IN_PROGRESS";

export interface BulkOperationRecord {
  /** gid://shopify/BulkOperation/<n> */
  id: string;
  type: "MUTATION";
  status: BulkOperationStatus;
  errorCode: BulkOperationErrorCode | null;
  createdAt: string;
  completedAt: string | null;
  /** Fake-clock ms at which the operation completes (createdAt + bulkDurationMs(lines)). */
  dueAt: number;
  /** The mutation text as given. */
  query: string;
  rootField: string;
  stagedUploadPath: string;
  clientIdentifier: string | null;
  /** Variables of each JSONL line, in file order. */
  lines: Record<string, unknown>[];
  objectCount: number;
  rootObjectCount: number;
  fileSize: number | null;
  url: string | null;
  partialDataUrl: string | null;
  /** The results JSONL once COMPLETED. */
  results: string | null;
  /** Set by failNextBulkOperation: the operation ends FAILED with this code, no line applied. */
  failWith: BulkOperationErrorCode | null;
}

/** What one line's execution produced (GraphQL errors already in Shopify's JSON shape). */
export interface LineResult {
  data?: Record<string, unknown> | null;
  errors?: unknown[];
}

export interface BulkOptions {
  shop: string;
  appId: string;
  now: () => number;
  store: AdminStore;
  schema: GraphQLSchema;
  /** Bulk mutations of this shop allowed in CREATED/RUNNING at once. */
  concurrency: number;
  durationMs: (lines: number) => number;
  /** Runs one line's variables through the fake's validation and resolvers, without the bucket. */
  runLine: (document: DocumentNode, operation: OperationDefinitionNode, query: string, variables: Record<string, unknown>) => Promise<LineResult>;
}

// Keys and result files issued by every fake of this process: a fake's msw handler leaves another live
// fake's upload or download to that fake's handler and answers 403/404 only for what nobody issued.
const issuedKeys = new Set<string>();
const issuedResults = new Set<string>();

const BULK_ROOT_FIELDS = new Set(["bulkOperationRunMutation", "bulkOperationRunQuery", "bulkOperationCancel", "stagedUploadsCreate"]);

function notImplemented(what: string): GraphQLError {
  return new GraphQLError(`Admin fake: ${what} is not implemented`, { extensions: { code: "NOT_IMPLEMENTED_IN_FAKE" } });
}

function gcsXml(status: number, code: string, message: string, details: string): Response {
  return new Response(
    `<?xml version='1.0' encoding='UTF-8'?><Error><Code>${code}</Code><Message>${message}</Message><Details>${details}</Details></Error>`,
    { status, headers: { "Content-Type": "application/xml; charset=UTF-8" } },
  );
}

const xmlEscape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export class BulkOperations {
  /** Issued staged-upload keys → the uploaded JSONL (null until uploaded) and the signature issued with it. */
  readonly uploads = new Map<string, { file: string | null; signature: string }>();
  readonly operations: BulkOperationRecord[] = [];
  private readonly results = new Map<string, BulkOperationRecord>();
  private forcedFailures: BulkOperationErrorCode[] = [];
  private chain: Promise<void> = Promise.resolve();
  private documents = new Map<string, { document: DocumentNode; operation: OperationDefinitionNode }>();

  constructor(private readonly options: BulkOptions) {}

  private iso(ms: number): string {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  // ---- GraphQL root fields ------------------------------------------------------------------------

  mutationResolvers(): Record<string, RootResolver> {
    return {
      stagedUploadsCreate: (args) => this.stagedUploadsCreate(args.input as StagedUploadInput[]),
      bulkOperationRunMutation: (args) => this.runMutation(args),
    };
  }

  /** `base`: the fake's other query resolvers (node(id:) is extended to BulkOperation ids). */
  queryResolvers(base: Record<string, RootResolver>): Record<string, RootResolver> {
    const byId = (raw: unknown): View | null => {
      const id = String(raw);
      if (!gidType(id)) throw invalidGid(id);
      const op = this.operations.find((o) => o.id === id);
      return op ? this.view(op) : null;
    };
    return {
      bulkOperation: (args) => byId(args.id),
      node: (args, ctx, info) => (gidType(String(args.id)) === "BulkOperation" ? byId(args.id) : base.node?.(args, ctx, info)),
      // The fake runs no bulk queries (bulkOperationRunQuery is not implemented), so type QUERY finds none.
      currentBulkOperation: (args) => {
        const ops = this.operations.filter((o) => o.type === (args.type ?? "QUERY"));
        const last = ops[ops.length - 1];
        return last ? this.view(last) : null;
      },
    };
  }

  view(op: BulkOperationRecord): View {
    return {
      __typename: "BulkOperation",
      id: op.id,
      type: op.type,
      status: op.status,
      errorCode: op.errorCode,
      createdAt: op.createdAt,
      completedAt: op.completedAt,
      objectCount: String(op.objectCount),
      rootObjectCount: String(op.rootObjectCount),
      fileSize: op.fileSize === null ? null : String(op.fileSize),
      url: op.url,
      partialDataUrl: op.partialDataUrl,
      query: op.query,
    };
  }

  private stagedUploadsCreate(input: StagedUploadInput[]): View {
    const now = this.options.now();
    const targets = input.map((target) => {
      if (target.resource !== "BULK_MUTATION_VARIABLES") throw notImplemented(`stagedUploadsCreate for ${target.resource}`);
      if (target.httpMethod !== "POST") throw notImplemented("stagedUploadsCreate with httpMethod PUT (signed URL upload)");
      const key = `tmp/${this.options.appId}/bulk/${randomUUID()}/bulk_op_vars`;
      const date = this.iso(now).replace(/[-:]/g, "");
      const day = date.slice(0, 8);
      const credential = `merchant-assets@shopify-tiers.iam.gserviceaccount.com/${day}/auto/storage/goog4_request`;
      const policy = Buffer.from(
        JSON.stringify({
          conditions: [
            { "Content-Type": target.mimeType },
            { success_action_status: "201" },
            { acl: "private" },
            ["content-length-range", 1, 104_857_600],
            { bucket: "shopify-staged-uploads" },
            { key },
            { "x-goog-date": date },
            { "x-goog-credential": credential },
            { "x-goog-algorithm": "GOOG4-RSA-SHA256" },
          ],
          expiration: new Date(now + 7 * 86_400_000).toISOString(),
        }),
      ).toString("base64");
      const signature = createHash("sha256").update(`${this.options.shop}:${key}:${policy}`).digest("hex");
      this.uploads.set(key, { file: null, signature });
      issuedKeys.add(key);
      return {
        url: STAGED_UPLOADS_URL,
        resourceUrl: null,
        parameters: [
          { name: "key", value: key },
          { name: "Content-Type", value: target.mimeType },
          { name: "success_action_status", value: "201" },
          { name: "acl", value: "private" },
          { name: "policy", value: policy },
          { name: "x-goog-credential", value: credential },
          { name: "x-goog-algorithm", value: "GOOG4-RSA-SHA256" },
          { name: "x-goog-date", value: date },
          { name: "x-goog-signature", value: signature },
        ],
      };
    });
    return { stagedTargets: targets, userErrors: [] };
  }

  private runMutation(args: Record<string, unknown>): View {
    const fail = (code: BulkMutationErrorCode, field: string[] | null, message: string): View => ({
      bulkOperation: null,
      userErrors: [{ code, field, message }],
    });
    if (args.groupObjects === false) throw notImplemented("bulkOperationRunMutation(groupObjects: false)");
    const query = String(args.mutation);
    const stagedUploadPath = String(args.stagedUploadPath);

    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (e) {
      return fail("INVALID_MUTATION", ["mutation"], `Failed to parse the mutation - ${(e as Error).message}`);
    }
    const problems = validate(this.options.schema, document);
    if (problems.length) return fail("INVALID_MUTATION", ["mutation"], `Invalid mutation - ${problems.map((p) => p.message).join("; ")}`);
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const operation = operations[0];
    if (operations.length !== 1 || !operation || operation.operation !== "mutation") {
      return fail("INVALID_MUTATION", ["mutation"], "Invalid mutation - the document must contain exactly one mutation operation.");
    }
    const roots = operation.selectionSet.selections;
    const root = roots[0];
    if (roots.length !== 1 || !root || root.kind !== Kind.FIELD) {
      return fail("INVALID_MUTATION", ["mutation"], "Invalid mutation - bulk mutations support exactly one root mutation field.");
    }
    if (BULK_ROOT_FIELDS.has(root.name.value)) {
      return fail("INVALID_MUTATION", ["mutation"], `Invalid Bulk Mutation Field - '${root.name.value}'`);
    }

    const running = this.operations.filter((o) => o.type === "MUTATION" && (o.status === "CREATED" || o.status === "RUNNING"));
    const last = running[running.length - 1];
    if (last && running.length >= this.options.concurrency) {
      return fail("OPERATION_IN_PROGRESS", null, `A bulk mutation operation for this app and shop is already in progress: ${last.id}.`);
    }

    const upload = this.uploads.get(stagedUploadPath);
    if (!upload || upload.file === null) {
      return fail(
        "NO_SUCH_FILE",
        ["stagedUploadPath"],
        "The JSONL file could not be found. Try uploading the file again, and check that you've entered the URL correctly for the stagedUploadPath mutation argument.",
      );
    }
    const rawLines = upload.file.split("\n");
    while (rawLines.length && rawLines[rawLines.length - 1]?.trim() === "") rawLines.pop();
    const lines: Record<string, unknown>[] = [];
    for (const [index, raw] of rawLines.entries()) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        parsed = undefined;
      }
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        return fail(
          "INVALID_STAGED_UPLOAD_FILE",
          ["stagedUploadPath"],
          `The JSONL file submitted via the stagedUploadsCreate mutation is invalid: line ${index + 1} is not a JSON object.`,
        );
      }
      lines.push(parsed as Record<string, unknown>);
    }

    const now = this.options.now();
    const op: BulkOperationRecord = {
      id: this.options.store.gid("BulkOperation"),
      type: "MUTATION",
      status: "CREATED",
      errorCode: null,
      createdAt: this.iso(now),
      completedAt: null,
      dueAt: now + this.options.durationMs(lines.length),
      query,
      rootField: root.name.value,
      stagedUploadPath,
      clientIdentifier: typeof args.clientIdentifier === "string" ? args.clientIdentifier : null,
      lines,
      objectCount: 0,
      rootObjectCount: 0,
      fileSize: null,
      url: null,
      partialDataUrl: null,
      results: null,
      failWith: this.forcedFailures.shift() ?? null,
    };
    this.operations.push(op);
    this.documents.set(op.id, { document, operation });
    return { bulkOperation: this.view(op), userErrors: [] };
  }

  // ---- time ---------------------------------------------------------------------------------------

  /** The next operation created ends FAILED with `code` (no line applied, url and partialDataUrl null). */
  failNext(code: BulkOperationErrorCode): void {
    this.forcedFailures.push(code);
  }

  /**
   * Completes every operation whose time has come, in order of completion time (then creation), one
   * after the other; concurrent callers wait for the same work, so each operation is applied once.
   */
  settle(): Promise<void> {
    const run = this.chain.then(() => this.settleDue());
    // One failed settlement must not wedge every later request behind a rejected promise.
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async settleDue(): Promise<void> {
    const now = this.options.now();
    const due = this.operations
      .filter((o) => (o.status === "CREATED" || o.status === "RUNNING") && o.dueAt <= now)
      .sort((a, b) => a.dueAt - b.dueAt || this.operations.indexOf(a) - this.operations.indexOf(b));
    for (const op of due) await this.complete(op);
    for (const op of this.operations) {
      if (op.status === "CREATED" && Date.parse(op.createdAt) < now) op.status = "RUNNING";
    }
  }

  private async complete(op: BulkOperationRecord): Promise<void> {
    if (op.failWith) {
      op.status = "FAILED";
      op.errorCode = op.failWith;
      return;
    }
    const parsed = this.documents.get(op.id);
    if (!parsed) throw new Error(`Admin fake: bulk operation ${op.id} lost its document`);
    const out: string[] = [];
    for (const [index, variables] of op.lines.entries()) {
      let result: LineResult;
      try {
        result = await this.options.runLine(parsed.document, parsed.operation, op.query, variables);
      } catch (error) {
        result = { errors: [{ message: error instanceof Error ? error.message : String(error) }] };
      }
      out.push(
        JSON.stringify(
          result.errors?.length ? { errors: result.errors, __lineNumber: index } : { data: result.data ?? null, __lineNumber: index },
        ),
      );
    }
    op.status = "COMPLETED";
    op.completedAt = this.iso(op.dueAt);
    op.objectCount = op.lines.length;
    op.rootObjectCount = op.lines.length;
    if (out.length) {
      op.results = `${out.join("\n")}\n`;
      op.fileSize = Buffer.byteLength(op.results);
      const path = `${RESULTS_PREFIX}${randomUUID()}-final.jsonl`;
      this.results.set(path, op);
      issuedResults.add(path);
      const expires = Math.floor(op.dueAt / 1000) + 7 * 86_400;
      const signature = createHash("sha256").update(`${this.options.shop}:${path}`).digest("base64url");
      op.url =
        `${BULK_RESULTS_BUCKET_URL}${path}?GoogleAccessId=assets-us-prod%40shopify-tiers.iam.gserviceaccount.com` +
        `&Expires=${expires}&Signature=${signature}` +
        `&response-content-disposition=attachment%3B+filename%3D%22bulk-${op.id.split("/").pop()}-final.jsonl%22` +
        "&response-content-type=application%2Fjsonl";
    }
  }

  // ---- storage endpoints --------------------------------------------------------------------------

  /**
   * The GCS form upload. `shared`: undefined (let the next msw handler answer) for a key another live fake
   * issued; otherwise 403 for keys this fake did not issue.
   */
  async upload(request: Request, shared: boolean): Promise<Response | undefined> {
    let form: FormData;
    try {
      // (a clone: msw hands the same request to the next fake's handler when this one passes on it)
      form = await request.clone().formData();
    } catch {
      return gcsXml(400, "InvalidArgument", "Invalid argument.", "POST object expects Content-Type multipart/form-data");
    }
    const key = form.get("key");
    if (typeof key !== "string" || !key) {
      return gcsXml(400, "InvalidArgument", "Invalid argument.", "Cannot create buckets using a POST.");
    }
    const issued = this.uploads.get(key);
    if (!issued) {
      if (shared && issuedKeys.has(key)) return undefined;
      return gcsXml(403, "AccessDenied", "Access denied.", "The request signature does not match an upload policy issued for this key.");
    }
    if (form.get("x-goog-signature") !== issued.signature) {
      return gcsXml(403, "SignatureDoesNotMatch", "Access denied.", "The request signature we calculated does not match the signature you provided.");
    }
    const file = form.get("file");
    if (file === null) return gcsXml(400, "InvalidArgument", "Invalid argument.", "POST requires exactly one file upload per request.");
    issued.file = typeof file === "string" ? file : await file.text();
    const etag = createHash("md5").update(issued.file).digest("hex");
    return new Response(
      `<?xml version="1.0" encoding="UTF-8"?><PostResponse><Location>${STAGED_UPLOADS_URL}${encodeURIComponent(key)}</Location>` +
        `<Bucket>shopify-staged-uploads</Bucket><Key>${xmlEscape(key)}</Key><ETag>"${etag}"</ETag></PostResponse>`,
      { status: 201, headers: { "Content-Type": "application/xml; charset=UTF-8", ETag: `"${etag}"` } },
    );
  }

  /** GET of a results url: the JSONL, or 404 (undefined in shared mode when another fake issued it). */
  download(request: Request, shared: boolean): Response | undefined {
    const url = new URL(request.url);
    const path = url.pathname.slice(new URL(BULK_RESULTS_BUCKET_URL).pathname.length);
    const op = this.results.get(path);
    if (!op || op.results === null) {
      if (shared && issuedResults.has(path)) return undefined;
      return gcsXml(404, "NoSuchKey", "The specified key does not exist.", `No such object: shopify-tiers-assets-prod-us-east1/${path}`);
    }
    return new Response(op.results, { status: 200, headers: { "Content-Type": "application/jsonl", "Content-Length": String(op.fileSize) } });
  }

  reset(): void {
    for (const key of this.uploads.keys()) issuedKeys.delete(key);
    for (const path of this.results.keys()) issuedResults.delete(path);
    this.uploads.clear();
    this.results.clear();
    this.documents.clear();
    this.operations.length = 0;
    this.forcedFailures = [];
  }
}

interface StagedUploadInput {
  resource: string;
  filename: string;
  mimeType: string;
  httpMethod: "POST" | "PUT";
  fileSize?: string | null;
}

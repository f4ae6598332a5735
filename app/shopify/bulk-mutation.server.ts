// Shopify's bulk import: run one mutation many times, asynchronously, for two mutation requests' worth of
// points (stagedUploadsCreate + bulkOperationRunMutation) whatever the number of lines (ADR 008).
//
//   1. stagedUploadsCreate(BULK_MUTATION_VARIABLES) gives a URL and form parameters;
//   2. the JSONL file (one JSON object of variables per line) is POSTed there as multipart/form-data, the
//      parameters first and the file last; the `key` parameter is the staged upload path;
//   3. bulkOperationRunMutation(mutation, stagedUploadPath) starts the operation (one bulk mutation at a
//      time per shop: OPERATION_IN_PROGRESS otherwise);
//   4. bulkOperation(id) is polled until it is COMPLETED (or FAILED, CANCELED, EXPIRED);
//   5. its `url` holds the results: one JSONL line per input line, `{"data": {...}, "__lineNumber": n}` or
//      `{"errors": [...], "__lineNumber": n}`.
import { MUTATION_COST, type AdminClient } from "./admin-client.server";

const STAGE_UPLOAD = `#graphql
  mutation BackorderPilotStageBulkVariables($input: [StagedUploadInput!]!) {
    stagedUploadsCreate(input: $input) {
      stagedTargets {
        url
        resourceUrl
        parameters {
          name
          value
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const RUN_BULK_MUTATION = `#graphql
  mutation BackorderPilotRunBulkMutation($mutation: String!, $stagedUploadPath: String!, $clientIdentifier: String) {
    bulkOperationRunMutation(mutation: $mutation, stagedUploadPath: $stagedUploadPath, clientIdentifier: $clientIdentifier) {
      bulkOperation {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

const READ_BULK_OPERATION = `#graphql
  query BackorderPilotBulkOperation($id: ID!) {
    bulkOperation(id: $id) {
      id
      status
      errorCode
      objectCount
      url
      partialDataUrl
    }
  }
`;

/** Shopify refuses a new bulk mutation while one runs (or the shop's limit is reached): try again later. */
const BUSY_CODES = new Set(["OPERATION_IN_PROGRESS", "LIMIT_REACHED"]);

export type StartedBulkMutation = { ok: true; operationId: string } | { ok: false; busy: true; message: string };

/** Thrown when Shopify refuses the upload or the operation for a reason waiting will not fix. */
export class BulkMutationError extends Error {
  override readonly name = "BulkMutationError";
  constructor(
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

export function toJsonl(lines: readonly unknown[]): string {
  return lines.map((line) => JSON.stringify(line)).join("\n") + "\n";
}

/**
 * Uploads `lines` (one variables object each) and starts `mutation` over them. Returns `busy` when another
 * bulk mutation of the shop is running. Upload and refusals throw (the job retries, visibly).
 */
export async function startBulkMutation(
  client: AdminClient,
  { mutation, lines, clientIdentifier }: { mutation: string; lines: readonly unknown[]; clientIdentifier?: string },
): Promise<StartedBulkMutation> {
  if (lines.length === 0) throw new BulkMutationError("A bulk mutation needs at least one line");
  const staged = await client.request(STAGE_UPLOAD, {
    variables: {
      input: [{ resource: "BULK_MUTATION_VARIABLES", filename: "bulk_op_vars.jsonl", mimeType: "text/jsonl", httpMethod: "POST" }],
    },
    estimatedCost: MUTATION_COST,
  });
  const payload = staged.data.stagedUploadsCreate;
  const stageError = payload?.userErrors[0];
  if (stageError) throw new BulkMutationError(`Shopify refused the staged upload: ${stageError.message}`);
  const target = payload?.stagedTargets?.[0];
  const key = target?.parameters.find((p) => p.name === "key")?.value;
  if (!target?.url || !key) throw new BulkMutationError("Shopify returned no staged upload target");

  const form = new FormData();
  for (const p of target.parameters) form.append(p.name, p.value);
  form.append("file", new Blob([toJsonl(lines)], { type: "text/jsonl" }), "bulk_op_vars.jsonl");
  const uploaded = await fetch(target.url, { method: "POST", body: form });
  if (!uploaded.ok) {
    const detail = (await uploaded.text().catch(() => "")).slice(0, 200);
    throw new BulkMutationError(`Upload of the bulk mutation variables failed: HTTP ${uploaded.status} ${detail}`.trim());
  }

  const run = await client.request(RUN_BULK_MUTATION, {
    variables: { mutation, stagedUploadPath: key, ...(clientIdentifier ? { clientIdentifier } : {}) },
    estimatedCost: MUTATION_COST,
  });
  const started = run.data.bulkOperationRunMutation;
  const runError = started?.userErrors[0];
  if (runError?.code && BUSY_CODES.has(runError.code)) return { ok: false, busy: true, message: runError.message };
  if (runError) throw new BulkMutationError(`Shopify refused the bulk mutation: ${runError.message}`, runError.code ?? null);
  if (!started?.bulkOperation) throw new BulkMutationError("Shopify did not start the bulk mutation");
  return { ok: true, operationId: started.bulkOperation.id };
}

export type BulkOperationState =
  | { state: "running" }
  | { state: "completed"; url: string | null; objectCount: number }
  | { state: "failed"; message: string; partialDataUrl: string | null };

/** Where the operation stands; an operation Shopify no longer knows counts as failed. */
export async function readBulkOperation(client: AdminClient, operationId: string): Promise<BulkOperationState> {
  const { data } = await client.request(READ_BULK_OPERATION, { variables: { id: operationId }, estimatedCost: 1 });
  const op = data.bulkOperation;
  if (!op) return { state: "failed", message: `Bulk operation ${operationId} not found`, partialDataUrl: null };
  switch (op.status) {
    case "CREATED":
    case "RUNNING":
    case "CANCELING":
      return { state: "running" };
    case "COMPLETED":
      return { state: "completed", url: op.url ?? null, objectCount: Number(op.objectCount) };
    default:
      return { state: "failed", message: `Bulk operation ${op.status.toLowerCase()}${op.errorCode ? ` (${op.errorCode})` : ""}`, partialDataUrl: op.partialDataUrl ?? null };
  }
}

export interface BulkResultLine {
  data?: Record<string, unknown> | null;
  errors?: { message: string }[];
}

/** The results file, by input line number. No URL (an operation with no output) is no lines. */
export async function downloadBulkResults(url: string | null): Promise<Map<number, BulkResultLine>> {
  const results = new Map<number, BulkResultLine>();
  if (!url) return results;
  const response = await fetch(url);
  if (!response.ok) throw new BulkMutationError(`Download of the bulk mutation results failed: HTTP ${response.status}`);
  for (const text of (await response.text()).split("\n")) {
    if (!text.trim()) continue;
    const line = JSON.parse(text) as BulkResultLine & { __lineNumber?: unknown };
    if (typeof line.__lineNumber !== "number") throw new BulkMutationError("A bulk mutation result line has no __lineNumber");
    results.set(line.__lineNumber, line);
  }
  return results;
}

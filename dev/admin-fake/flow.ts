// Shopify Flow in the Admin fake: flowTriggerReceive checked the way Shopify checks it against the app's
// deployed trigger extensions. The triggers are read from the app's own extensions/<name>/shopify.extension.toml
// (type "flow_trigger"), so a handle or field the app sends but does not declare is refused here as Shopify
// would refuse it. What Shopify does with the trigger (the merchant's workflows) is out of scope: received
// triggers are recorded per shop for tests to assert.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { err, notImplemented, type UserError } from "./mutations";
import type { FakeContext, RootResolver } from "./queries";

/** Shopify refuses a trigger payload of 50,000 bytes or more. */
export const FLOW_PAYLOAD_LIMIT_BYTES = 50_000;

const EXTENSIONS_DIR = fileURLToPath(new URL("../../extensions/", import.meta.url));

/** Reference field types a trigger may declare, and the payload property each one takes. */
const REFERENCE_PROPERTIES: Record<string, string> = {
  customer_reference: "customer_id",
  order_reference: "order_id",
  product_reference: "product_id",
  company_reference: "company_id",
  company_contact_reference: "company_contact_id",
};
/** The custom field types Shopify's CLI accepts on a trigger (schema types are not modelled). */
const CUSTOM_TYPES = new Set(["boolean", "email", "single_line_text_field", "url", "number_decimal"]);

export interface FlowTriggerField {
  type: string;
  key: string | null;
}

export interface FlowTriggerDefinition {
  handle: string;
  name: string;
  fields: FlowTriggerField[];
  /** The extension directory it was read from. */
  directory: string;
}

export interface FlowTriggerRun {
  handle: string;
  payload: Record<string, unknown>;
  at: number;
}

type TomlValue = string | number | boolean;
type TomlTable = Record<string, TomlValue>;

/**
 * The subset of TOML the extension files use: `[[extensions]]`, `[settings]`, `[[settings.fields]]`
 * tables of `key = "string" | number | true | false`, comments. Anything else fails loudly.
 */
export function parseExtensionToml(text: string, where: string): { extension: TomlTable; fields: TomlTable[] } {
  const extension: TomlTable = {};
  const fields: TomlTable[] = [];
  let current: TomlTable | null = extension;
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    if (line === "[[extensions]]") current = extension;
    else if (line === "[settings]") current = null;
    else if (line === "[[settings.fields]]") fields.push((current = {}));
    else {
      const match = /^([A-Za-z_][\w-]*)\s*=\s*(.+)$/.exec(line);
      if (!match || current === null) throw new Error(`Admin fake: ${where}:${index + 1}: unsupported TOML line: ${line}`);
      const [, key, value] = match as unknown as [string, string, string];
      current[key] = parseValue(value, `${where}:${index + 1}`);
    }
  }
  return { extension, fields };
}

/** A value and an optional trailing comment: a basic string (JSON-compatible escapes), a number or a boolean. */
function parseValue(text: string, where: string): TomlValue {
  const string = /^("(?:[^"\\]|\\.)*")\s*(#.*)?$/.exec(text);
  if (string) return JSON.parse(string[1] as string) as string;
  const bare = /^([^\s#]+)\s*(#.*)?$/.exec(text)?.[1] ?? "";
  if (bare === "true" || bare === "false") return bare === "true";
  if (/^-?\d+(\.\d+)?$/.test(bare)) return Number(bare);
  throw new Error(`Admin fake: ${where}: unsupported TOML value: ${text}`);
}

/** The app's Flow trigger extensions (extensions/<name>/shopify.extension.toml with type "flow_trigger"). */
export function loadFlowTriggers(directory: string = EXTENSIONS_DIR): Map<string, FlowTriggerDefinition> {
  const triggers = new Map<string, FlowTriggerDefinition>();
  if (!existsSync(directory)) return triggers;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const file = join(directory, entry.name, "shopify.extension.toml");
    if (!entry.isDirectory() || !existsSync(file)) continue;
    const text = readFileSync(file, "utf8");
    if (!/^type\s*=\s*"flow_trigger"/m.test(text)) continue;
    const { extension, fields } = parseExtensionToml(text, file);
    const handle = String(extension.handle ?? "");
    if (!/^[a-z0-9-]{1,30}$/.test(handle)) throw new Error(`Admin fake: ${file}: handle must be 1–30 lower-case letters, digits or hyphens`);
    if (triggers.has(handle)) throw new Error(`Admin fake: ${file}: handle ${handle} is used twice`);
    triggers.set(handle, {
      handle,
      name: String(extension.name ?? ""),
      directory: entry.name,
      fields: fields.map((f, i) => {
        const type = String(f.type ?? "");
        const key = typeof f.key === "string" ? f.key : null;
        if (type in REFERENCE_PROPERTIES) {
          if (key !== null) throw new Error(`Admin fake: ${file}: field ${i} is a reference field and takes no key`);
        } else if (!CUSTOM_TYPES.has(type)) {
          throw new Error(`Admin fake: ${file}: field ${i} has a type Flow triggers do not take: ${type}`);
        } else if (key === null || !/^[a-zA-Z\s]+$/.test(key)) {
          throw new Error(`Admin fake: ${file}: field ${i} needs a key of letters and spaces`);
        }
        return { type, key };
      }),
    });
  }
  return triggers;
}

const isLegacyId = (value: unknown) => (typeof value === "number" && Number.isSafeInteger(value) && value > 0) || (typeof value === "string" && /^\d+$/.test(value));

function fieldError(field: FlowTriggerField, value: unknown): string | null {
  switch (field.type) {
    case "boolean":
      return typeof value === "boolean" ? null : "must be a boolean";
    case "number_decimal":
      return typeof value === "number" && Number.isFinite(value) ? null : "must be a number";
    case "email":
      return typeof value === "string" && /^[^@\s]+@[^@\s]+$/.test(value) ? null : "must be an email address";
    case "url":
      return typeof value === "string" && /^https?:\/\//.test(value) ? null : "must be a URL";
    default:
      return typeof value === "string" ? null : "must be a string";
  }
}

/** The Flow side of one fake shop. */
export class FlowModel {
  readonly received: FlowTriggerRun[] = [];
  /** Whether the shop can run Flow; off, every trigger is refused with a userError. */
  installed: boolean;

  constructor(
    private readonly now: () => number,
    readonly triggers: Map<string, FlowTriggerDefinition> = loadFlowTriggers(),
    installed = true,
  ) {
    this.installed = installed;
  }

  reset(): void {
    this.received.length = 0;
  }

  /** Triggers received with this handle, oldest first. */
  receivedFor(handle: string): FlowTriggerRun[] {
    return this.received.filter((r) => r.handle === handle);
  }

  mutationResolvers(): Record<string, RootResolver> {
    return {
      flowTriggerReceive: (args, ctx) => ({ userErrors: this.receive(args, ctx) }),
    };
  }

  private receive(args: Record<string, unknown>, ctx: FakeContext): UserError[] {
    if (args.body !== undefined && args.body !== null) throw notImplemented("flowTriggerReceive(body:) (deprecated; use handle and payload)");
    const handle = typeof args.handle === "string" ? args.handle : "";
    const payload = args.payload;
    if (!handle) return [err(["handle"], "Handle can't be blank")];
    if (!this.installed) return [err(null, "Shopify Flow is not available on this shop")];
    const trigger = this.triggers.get(handle);
    if (!trigger) return [err(["handle"], `Invalid handle: no Flow trigger extension of this app has the handle "${handle}"`)];
    if (payload === null || typeof payload !== "object" || Array.isArray(payload)) return [err(["payload"], "Payload must be a JSON object")];
    const bytes = new TextEncoder().encode(JSON.stringify(payload)).length;
    if (bytes >= FLOW_PAYLOAD_LIMIT_BYTES) return [err(["payload"], `Payload must be under ${FLOW_PAYLOAD_LIMIT_BYTES} bytes (got ${bytes})`)];
    const data = payload as Record<string, unknown>;
    const errors: UserError[] = [];
    const expected = new Set<string>();
    for (const field of trigger.fields) {
      const property = field.key ?? (REFERENCE_PROPERTIES[field.type] as string);
      expected.add(property);
      const value = data[property];
      if (value === undefined || value === null) {
        errors.push(err(["payload", property], `${property} is required by the trigger ${handle}`));
      } else if (field.key === null) {
        if (!isLegacyId(value)) errors.push(err(["payload", property], `${property} must be a numeric id`));
        else if (!this.referenceExists(ctx, field.type, String(value))) errors.push(err(["payload", property], `${property} ${String(value)} does not exist`));
      } else {
        const problem = fieldError(field, value);
        if (problem) errors.push(err(["payload", property], `${property} ${problem}`));
      }
    }
    for (const property of Object.keys(data)) {
      if (!expected.has(property)) errors.push(err(["payload", property], `${property} is not a field of the trigger ${handle}`));
    }
    if (errors.length > 0) return errors;
    this.received.push({ handle, payload: structuredClone(data), at: this.now() });
    return [];
  }

  private referenceExists(ctx: FakeContext, type: string, id: string): boolean {
    if (type === "order_reference") return ctx.store.orders.has(`gid://shopify/Order/${id}`);
    if (type === "customer_reference") return ctx.store.customers.has(`gid://shopify/Customer/${id}`);
    if (type === "product_reference") return ctx.store.products.has(`gid://shopify/Product/${id}`);
    return true;
  }
}

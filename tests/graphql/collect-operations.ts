// Finds `#graphql`-tagged template literals in source files, the way the codegen preset's pluck config does
// (a template literal whose text starts with the `#graphql` comment), and checks them statically against the
// Admin schema, including rules Shopify enforces at runtime that the schema cannot express.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import {
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  Kind,
  TypeInfo,
  getNamedType,
  parse,
  validate,
  visit,
  visitWithTypeInfo,
} from "graphql";

export interface GraphqlTemplate {
  file: string;
  /** 1-based line of the opening backtick. */
  line: number;
  /** The template's text (escapes resolved). */
  source: string;
  /** Number of `${…}` interpolations: operations must be self-contained, so anything > 0 is an error. */
  interpolations: number;
}

/** Scans source text for template literals starting with `#graphql`. */
export function findGraphqlTemplates(text: string, file: string): GraphqlTemplate[] {
  const found: GraphqlTemplate[] = [];
  const opener = /`(\s*)#graphql\b/g;
  let match: RegExpExecArray | null;
  while ((match = opener.exec(text))) {
    const start = match.index;
    let i = start + 1;
    let raw = "";
    let interpolations = 0;
    while (i < text.length && text[i] !== "`") {
      if (text[i] === "\\") {
        raw += text.slice(i, i + 2);
        i += 2;
      } else if (text[i] === "$" && text[i + 1] === "{") {
        interpolations++;
        let depth = 1;
        i += 2;
        while (i < text.length && depth > 0) {
          if (text[i] === "{") depth++;
          else if (text[i] === "}") depth--;
          i++;
        }
        raw += "${…}";
      } else {
        raw += text[i];
        i++;
      }
    }
    opener.lastIndex = i + 1;
    found.push({
      file,
      line: text.slice(0, start).split("\n").length,
      source: raw.replace(/\\([`$\\])/g, "$1"),
      interpolations,
    });
  }
  return found;
}

const SOURCE_EXTENSIONS = /\.(ts|tsx|js|jsx|mts|cts)$/;

/** Every `#graphql` template under `dir` (generated declaration files excluded), paths relative to `root`. */
export function collectGraphqlTemplates(dir: string, root: string): GraphqlTemplate[] {
  return listSourceFiles(dir, root).flatMap((file) => findGraphqlTemplates(readFileSync(join(root, file), "utf8"), file));
}

/** Source files under `dir` (declaration files and node_modules excluded), sorted, relative to `root`. */
export function listSourceFiles(dir: string, root: string): string[] {
  const results: string[] = [];
  const walk = (current: string): void => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".cache")) walk(path);
      } else if (SOURCE_EXTENSIONS.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        results.push(relative(root, path));
      }
    }
  };
  walk(dir);
  return results;
}

export interface OperationInfo {
  template: GraphqlTemplate;
  /** null for an anonymous operation. */
  name: string | null;
  type: "query" | "mutation" | "subscription";
  document: DocumentNode;
}

/** Parses a template; returns its operations or the parse error. */
export function operationsOf(template: GraphqlTemplate): { operations: OperationInfo[]; error: GraphQLError | null } {
  let document: DocumentNode;
  try {
    document = parse(template.source);
  } catch (e) {
    return { operations: [], error: e as GraphQLError };
  }
  const operations: OperationInfo[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      operations.push({ template, name: definition.name?.value ?? null, type: definition.operation, document });
    }
  }
  return { operations, error: null };
}

/**
 * Validation errors for one operation's document, as readable strings: graphql's rules plus Shopify's
 * runtime rules (connections need `first` or `last`; some mutations need `@idempotent(key:)`).
 */
export function checkOperation(schema: GraphQLSchema, operation: OperationInfo, idempotentMutations: Set<string>): string[] {
  const where = (loc: { line: number; column: number } | undefined): string =>
    loc ? ` (${operation.template.file}:${operation.template.line + loc.line - 1})` : "";
  const problems = validate(schema, operation.document).map(
    (e) => `${e.message}${where(e.locations?.[0])}`,
  );
  if (problems.length) return problems;
  const typeInfo = new TypeInfo(schema);
  visit(
    operation.document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const type = typeInfo.getType();
        const named = type ? getNamedType(type) : null;
        const location = node.loc ? { line: node.loc.startToken.line, column: node.loc.startToken.column } : undefined;
        if (named?.name.endsWith("Connection") && "getFields" in named && "edges" in named.getFields()) {
          const args = new Set(node.arguments?.map((a) => a.name.value));
          if (!args.has("first") && !args.has("last")) {
            problems.push(`Connection field '${node.name.value}' needs a first or last argument${where(location)}`);
          }
        }
        if (typeInfo.getParentType() === schema.getMutationType() && idempotentMutations.has(node.name.value)) {
          if (!node.directives?.some((d) => d.name.value === "idempotent")) {
            problems.push(`Mutation '${node.name.value}' needs @idempotent(key: …) since 2026-04${where(location)}`);
          }
        }
      },
    }),
  );
  return problems;
}

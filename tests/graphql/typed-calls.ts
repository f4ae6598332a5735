// Static checks that every Admin operation goes through the typed client (app/shopify/admin-client.server.ts):
// where operations live, how they are called, and that codegen has typed each of them. The compiler does
// the typing itself (the query constant selects the generated variables and data types); these checks
// catch the ways around it, which compile: a cast, a raw `admin.graphql(…)` call, a query built at run time,
// a type argument standing in for the generated type, or generated types older than the operations.
import ts from "typescript";
import type { GraphqlTemplate } from "./collect-operations";

/** Where Admin operations live, and the one module allowed to call `admin.graphql` itself. */
export const SHOPIFY_DIR = "app/shopify/";
export const ADMIN_CLIENT_FILE = "app/shopify/admin-client.server.ts";

export interface CallProblem {
  file: string;
  line: number;
  message: string;
}

/** `#graphql` templates outside `dir` (paths relative to the repository, `/`-separated). */
export function operationsOutside(templates: readonly GraphqlTemplate[], dir: string = SHOPIFY_DIR): GraphqlTemplate[] {
  return templates.filter((t) => !t.file.split("\\").join("/").startsWith(dir));
}

function isGraphqlTemplate(node: ts.Expression | undefined): boolean {
  return !!node && ts.isNoSubstitutionTemplateLiteral(node) && /^\s*#graphql\b/.test(node.text);
}

/** The file's top-level `const X = \`#graphql …\`` declarations, by name. */
function graphqlConstants(source: ts.SourceFile): Map<string, ts.VariableDeclaration> {
  const constants = new Map<string, ts.VariableDeclaration>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && isGraphqlTemplate(declaration.initializer)) constants.set(declaration.name.text, declaration);
    }
  }
  return constants;
}

function unwrap(node: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(node) ? unwrap(node.expression) : node;
}

/**
 * Problems in one source file of app/ (`file` relative to the repository):
 *  - anywhere: `admin.graphql(…)` / `graphql(…)` called outside the client module;
 *  - anywhere: `requestOnce(graphql, op, …)` whose `op` is not a top-level #graphql constant of the file;
 *  - in app/shopify/: the same for `client.request(op, …)`, a type argument on either call, a #graphql
 *    constant never passed to either, and casts that switch the checking off (`as unknown as …`,
 *    `as any`, the old `LooseGraphql` function type).
 */
export function auditAdminCalls(text: string, file: string): CallProblem[] {
  const path = file.split("\\").join("/");
  const inShopify = path.startsWith(SHOPIFY_DIR);
  const isClient = path === ADMIN_CLIENT_FILE;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const constants = graphqlConstants(source);
  const used = new Set<string>();
  const problems: CallProblem[] = [];
  const report = (node: ts.Node, message: string) =>
    problems.push({ file: path, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, message });

  const checkOperationArgument = (call: ts.CallExpression, argument: ts.Expression | undefined, callee: string) => {
    if (call.typeArguments?.length) {
      report(call, `${callee}<…>() with a type argument: the data type comes from the generated types, not from the call`);
    }
    const operation = argument ? unwrap(argument) : null;
    if (operation && ts.isIdentifier(operation) && constants.has(operation.text)) used.add(operation.text);
    else report(call, `${callee}() must be given a #graphql constant declared at the top of this file (a literal codegen types)`);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
      if (name === "graphql" && !isClient) {
        report(node, "admin.graphql called directly: go through createAdminClient(…).request or requestOnce (app/shopify/admin-client.server.ts)");
      }
      if (name === "requestOnce" && ts.isIdentifier(callee)) checkOperationArgument(node, node.arguments[1], "requestOnce");
      if (name === "request" && inShopify && ts.isPropertyAccessExpression(callee)) checkOperationArgument(node, node.arguments[0], ".request");
    }
    if (inShopify && (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node))) {
      if (node.type.kind === ts.SyntaxKind.AnyKeyword) report(node, "cast to any");
      const inner = unwrap(node.expression);
      if ((ts.isAsExpression(inner) || ts.isTypeAssertionExpression(inner)) && inner.type.kind === ts.SyntaxKind.UnknownKeyword) {
        report(node, "double cast (as unknown as …) around the type checker");
      }
    }
    if (inShopify && ts.isIdentifier(node) && node.text === "LooseGraphql") report(node, "LooseGraphql: an untyped admin.graphql");
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (inShopify) {
    for (const [name, declaration] of constants) {
      if (!used.has(name)) report(declaration, `${name} is never passed to .request() or requestOnce(): how is it sent?`);
    }
  }
  return problems;
}

/**
 * The operation documents codegen typed: the keys of GeneratedQueryTypes / GeneratedMutationTypes in
 * app/types/admin.generated.d.ts (each the document's exact text, as a JSON-style string literal).
 */
export function generatedOperationKeys(generatedDeclarations: string): Set<string> {
  const keys = new Set<string>();
  const entry = /^\s*("#graphql(?:[^"\\]|\\.)*"): \{return: \w+, variables: \w+\},?$/gm;
  let match: RegExpExecArray | null;
  while ((match = entry.exec(generatedDeclarations))) keys.add(JSON.parse(match[1] as string) as string);
  return keys;
}

/** Templates whose text is not a generated operation key (codegen not re-run, or the document not seen). */
export function untypedTemplates(templates: readonly GraphqlTemplate[], keys: ReadonlySet<string>): GraphqlTemplate[] {
  return templates.filter((t) => !keys.has(t.source));
}

// Turns graphql-js parse/validation errors into the shape Shopify's (graphql-ruby) Admin API returns:
//   { message: "Field 'nme' doesn't exist on type 'Shop'", locations, path: ["query Op", "shop", "nme"],
//     extensions: { code: "undefinedField", typeName: "Shop", fieldName: "nme" } }
import { type ASTNode, type DocumentNode, type GraphQLError, Kind, visit } from "graphql";

export interface ShopifyError {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions: Record<string, unknown>;
}

/** Document paths the way graphql-ruby reports them: operation label, then field names and fragments. */
function documentPaths(document: DocumentNode): Map<ASTNode, string[]> {
  const paths = new Map<ASTNode, string[]>();
  const stack: string[] = [];
  visit(document, {
    enter(node) {
      let label: string | null = null;
      if (node.kind === Kind.OPERATION_DEFINITION) label = node.name ? `${node.operation} ${node.name.value}` : node.operation;
      else if (node.kind === Kind.FRAGMENT_DEFINITION) label = `fragment ${node.name.value}`;
      else if (node.kind === Kind.INLINE_FRAGMENT) label = node.typeCondition ? `... on ${node.typeCondition.name.value}` : "...";
      else if (node.kind === Kind.FIELD) label = node.name.value;
      else if (node.kind === Kind.ARGUMENT) label = node.name.value;
      else if (node.kind === Kind.FRAGMENT_SPREAD) label = `... ${node.name.value}`;
      if (label !== null) stack.push(label);
      paths.set(node, [...stack]);
      return undefined;
    },
    leave(node) {
      if (
        node.kind === Kind.OPERATION_DEFINITION ||
        node.kind === Kind.FRAGMENT_DEFINITION ||
        node.kind === Kind.INLINE_FRAGMENT ||
        node.kind === Kind.FIELD ||
        node.kind === Kind.ARGUMENT ||
        node.kind === Kind.FRAGMENT_SPREAD
      ) {
        stack.pop();
      }
      return undefined;
    },
  });
  return paths;
}

type Rule = [RegExp, (m: RegExpExecArray) => { message: string; extensions: Record<string, unknown> }];

// graphql-js message → graphql-ruby message and extensions.
const RULES: Rule[] = [
  [
    /^Cannot query field "(\w+)" on type "(\w+)"/,
    (m) => ({
      message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`,
      extensions: { code: "undefinedField", typeName: m[2], fieldName: m[1] },
    }),
  ],
  [
    /^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"/,
    (m) => ({
      message: `Field '${m[3]}' doesn't accept argument '${m[1]}'`,
      extensions: { code: "argumentNotAccepted", name: m[3], typeName: "Field", argumentName: m[1] },
    }),
  ],
  [
    /^Unknown argument "(\w+)" on directive "@(\w+)"/,
    (m) => ({
      message: `Directive '${m[2]}' doesn't accept argument '${m[1]}'`,
      extensions: { code: "argumentNotAccepted", name: m[2], typeName: "Directive", argumentName: m[1] },
    }),
  ],
  [
    /^Field "(\w+)" argument "(\w+)" of type "(.+)" is required, but it was not provided/,
    (m) => ({
      message: `Field '${m[1]}' is missing required arguments: ${m[2]}`,
      extensions: { code: "missingRequiredArguments", className: "Field", name: m[1], arguments: m[2] },
    }),
  ],
  [
    /^Field "(\w+)" of type "(.+)" must have a selection of subfields/,
    (m) => ({
      message: `Field '${m[1]}' returns ${(m[2] ?? "").replace(/[[\]!]/g, "")} but has no selections. Did you mean '${m[1]} { ... }'?`,
      extensions: { code: "selectionMismatch", nodeName: `field '${m[1]}'`, typeName: (m[2] ?? "").replace(/[[\]!]/g, "") },
    }),
  ],
  [
    /^Field "(\w+)" must not have a selection since type "(.+)" has no subfields/,
    (m) => ({
      message: `Selections can't be made on scalars (field '${m[1]}' returns ${(m[2] ?? "").replace(/[[\]!]/g, "")} but has selections)`,
      extensions: { code: "selectionMismatch", nodeName: `field '${m[1]}'`, typeName: (m[2] ?? "").replace(/[[\]!]/g, "") },
    }),
  ],
  [
    /^Variable "\$(\w+)" is never used in operation "(\w+)"/,
    (m) => ({
      message: `Variable $${m[1]} is declared by ${m[2]} but not used`,
      extensions: { code: "variableNotUsed", variableName: m[1] },
    }),
  ],
  [
    /^Variable "\$(\w+)" is never used/,
    (m) => ({
      message: `Variable $${m[1]} is declared by anonymous query but not used`,
      extensions: { code: "variableNotUsed", variableName: m[1] },
    }),
  ],
  [
    /^Variable "\$(\w+)" is not defined by operation "(\w+)"/,
    (m) => ({
      message: `Variable $${m[1]} is used by ${m[2]} but not declared`,
      extensions: { code: "variableNotDefined", variableName: m[1] },
    }),
  ],
  [
    /^Variable "\$(\w+)" is not defined/,
    (m) => ({
      message: `Variable $${m[1]} is used by anonymous query but not declared`,
      extensions: { code: "variableNotDefined", variableName: m[1] },
    }),
  ],
  [
    /^Variable "\$(\w+)" of type "(.+)" used in position expecting type "(.+)"/,
    (m) => ({
      message: `Nullability mismatch on variable $${m[1]} and argument (${m[2]} / ${m[3]})`,
      extensions: { code: "variableMismatch", variableName: m[1], typeName: m[2], errorMessage: "Type mismatch" },
    }),
  ],
  [
    /^Unknown type "(\w+)"/,
    (m) => ({
      message: `${m[1]} isn't a defined input type`,
      extensions: { code: "variableRequiresValidType", typeName: m[1] },
    }),
  ],
  [
    /^Unknown directive "@(\w+)"/,
    (m) => ({ message: `Directive @${m[1]} is not defined`, extensions: { code: "undefinedDirective", directiveName: m[1] } }),
  ],
  [
    /^Unknown fragment "(\w+)"/,
    (m) => ({ message: `Fragment ${m[1]} was used, but not defined`, extensions: { code: "useAndDefineFragment", fragmentName: m[1] } }),
  ],
  [
    /^Fragment "(\w+)" is never used/,
    (m) => ({ message: `Fragment ${m[1]} was defined, but not used`, extensions: { code: "useAndDefineFragment", fragmentName: m[1] } }),
  ],
  [
    /^There can be only one operation named "(\w+)"/,
    (m) => ({ message: `Operation name "${m[1]}" must be unique`, extensions: { code: "operationNotUnique", operationName: m[1] } }),
  ],
  [
    /^(?:Expected value of type|Enum ".*" cannot represent|String cannot represent|Int cannot represent|Float cannot represent|Boolean cannot represent|ID cannot represent|Field ".*" of required type)/,
    () => ({ message: "", extensions: { code: "argumentLiteralsIncompatible", typeName: "CoercionError" } }),
  ],
  [
    /^Fragment .* cannot be spread here/,
    () => ({ message: "", extensions: { code: "fragmentSpreadImpossible" } }),
  ],
];

export function toShopifyErrors(errors: readonly GraphQLError[], document: DocumentNode | null): ShopifyError[] {
  const paths = document ? documentPaths(document) : new Map<ASTNode, string[]>();
  return errors.map((error) => {
    let message = error.message;
    let extensions: Record<string, unknown> = { code: "validationError" };
    for (const [pattern, convert] of RULES) {
      const match = pattern.exec(error.message);
      if (match) {
        const converted = convert(match);
        message = converted.message || error.message;
        extensions = converted.extensions;
        break;
      }
    }
    const node = error.nodes?.[error.nodes.length - 1];
    const path = node ? paths.get(node) : undefined;
    return {
      message,
      ...(error.locations ? { locations: error.locations.map(({ line, column }) => ({ line, column })) } : {}),
      ...(path ? { path } : {}),
      extensions,
    };
  });
}

export function parseErrorToShopify(error: GraphQLError): ShopifyError {
  const location = error.locations?.[0];
  return {
    message: location
      ? `Parse error on ${JSON.stringify(error.message.replace(/^Syntax Error: /, ""))} at [${location.line}, ${location.column}]`
      : error.message,
    ...(error.locations ? { locations: error.locations.map(({ line, column }) => ({ line, column })) } : {}),
    extensions: { code: "parseError" },
  };
}

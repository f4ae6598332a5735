// Query cost and the leaky bucket, approximating Shopify's calculated-cost rate limiting:
// scalars and enums 0, objects 1, connections 2 + (first|last) × item cost, mutations 10.
// Actual cost uses what the response really returned (a short page costs less than requested).
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  Kind,
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isObjectType,
  isInterfaceType,
  typeFromAST,
} from "graphql";

export const MUTATION_COST = 10;
export const SINGLE_QUERY_MAX_COST = 1000;

interface CostContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** Data at a selection's response key: `undefined` while computing the requested (static) cost. */
type Data = unknown;
const REQUESTED = undefined;

function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith("Connection") && ("edges" in type.getFields() || "nodes" in type.getFields());
}

function fieldsOf(type: GraphQLCompositeType): Record<string, GraphQLField<unknown, unknown>> {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
}

/** Flattens fragments into (type condition, field) pairs for one selection set. */
function collect(
  ctx: CostContext,
  parent: GraphQLCompositeType,
  selectionSet: SelectionSetNode | undefined,
  data: Data,
  out: { type: GraphQLCompositeType; field: FieldNode }[] = [],
): { type: GraphQLCompositeType; field: FieldNode }[] {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) out.push({ type: parent, field: selection });
    else {
      const fragment =
        selection.kind === Kind.INLINE_FRAGMENT ? selection : ctx.fragments[selection.name.value];
      if (!fragment) continue;
      const condition = fragment.typeCondition
        ? (typeFromAST(ctx.schema, fragment.typeCondition) as GraphQLCompositeType | undefined)
        : parent;
      if (!condition) continue;
      out.push(...collect(ctx, condition, fragment.selectionSet, data));
    }
  }
  return out;
}

function selectionCost(ctx: CostContext, parent: GraphQLCompositeType, selectionSet: SelectionSetNode | undefined, data: Data): number {
  const pairs = collect(ctx, parent, selectionSet, data);
  if (!isAbstractType(parent)) return pairs.reduce((sum, { type, field }) => sum + fieldCost(ctx, type, field, data), 0);
  // On an abstract type only one concrete branch applies: the costliest one (requested), or, with data,
  // the branches whose fields are present in the response.
  const byType = new Map<string, number>();
  let shared = 0;
  for (const { type, field } of pairs) {
    const cost = fieldCost(ctx, type, field, data);
    if (type === parent) shared += cost;
    else {
      const key = (field.alias ?? field.name).value;
      if (data !== REQUESTED && (data === null || typeof data !== "object" || !(key in data))) continue;
      byType.set(type.name, (byType.get(type.name) ?? 0) + cost);
    }
  }
  return shared + Math.max(0, ...byType.values());
}

function at(data: Data, field: FieldNode): Data {
  if (data === REQUESTED) return REQUESTED;
  if (data === null || typeof data !== "object") return null;
  return (data as Record<string, unknown>)[(field.alias ?? field.name).value] ?? null;
}

function fieldCost(ctx: CostContext, parent: GraphQLCompositeType, field: FieldNode, parentData: Data): number {
  const name = field.name.value;
  if (name.startsWith("__")) return 0;
  const def = fieldsOf(parent)[name];
  if (!def) return 0;
  const type = getNamedType(def.type);
  if (isLeafType(type) || !isCompositeType(type)) return 0;
  const data = at(parentData, field);
  if (data === null) return 0;
  let args: Record<string, unknown> = {};
  try {
    args = getArgumentValues(def, field, ctx.variables);
  } catch {
    // invalid arguments are reported by execution; cost them as if absent
  }
  if (isConnection(type)) return 2 + connectionItemsCost(ctx, type as GraphQLCompositeType, field, args, data);
  if (Array.isArray(data)) {
    // Plain lists (e.g. nodes(ids:)): each returned object counts.
    return data.reduce((sum: number, item) => sum + (item === null ? 0 : 1 + selectionCost(ctx, type, field.selectionSet, item)), 0);
  }
  if (data === REQUESTED && name === "nodes" && Array.isArray(args.ids)) {
    return args.ids.length * (1 + selectionCost(ctx, type, field.selectionSet, REQUESTED));
  }
  return 1 + selectionCost(ctx, type, field.selectionSet, data);
}

function connectionItemsCost(
  ctx: CostContext,
  connectionType: GraphQLCompositeType,
  field: FieldNode,
  args: Record<string, unknown>,
  data: Data,
): number {
  const size = Number(args.first ?? args.last ?? 0) || 0;
  let total = 0;
  for (const { type, field: child } of collect(ctx, connectionType, field.selectionSet, data)) {
    const childName = child.name.value;
    const childDef = fieldsOf(type)[childName];
    if (!childDef) continue;
    const childData = at(data, child);
    if (childName === "nodes") {
      const nodeType = getNamedType(childDef.type) as GraphQLCompositeType;
      if (data === REQUESTED) total += size * (1 + selectionCost(ctx, nodeType, child.selectionSet, REQUESTED));
      else if (Array.isArray(childData)) {
        for (const item of childData) total += 1 + selectionCost(ctx, nodeType, child.selectionSet, item);
      }
    } else if (childName === "edges") {
      const edgeType = getNamedType(childDef.type) as GraphQLCompositeType;
      for (const { type: et, field: edgeField } of collect(ctx, edgeType, child.selectionSet, REQUESTED)) {
        if (edgeField.name.value !== "node") continue;
        const nodeDef = fieldsOf(et).node;
        if (!nodeDef) continue;
        const nodeType = getNamedType(nodeDef.type) as GraphQLCompositeType;
        if (data === REQUESTED) total += size * (1 + selectionCost(ctx, nodeType, edgeField.selectionSet, REQUESTED));
        else if (Array.isArray(childData)) {
          for (const edge of childData) {
            const node = at(edge, edgeField);
            if (node !== null) total += 1 + selectionCost(ctx, nodeType, edgeField.selectionSet, node);
          }
        }
      }
    }
    // pageInfo and cursors are free
  }
  return total;
}

export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  data?: Record<string, unknown> | null,
): number {
  const ctx: CostContext = { schema, fragments, variables };
  if (operation.operation === "mutation") {
    return collect(ctx, schema.getMutationType() as GraphQLCompositeType, operation.selectionSet, REQUESTED).filter(
      ({ field }) => !field.name.value.startsWith("__"),
    ).length * MUTATION_COST;
  }
  const root = schema.getQueryType() as GraphQLCompositeType;
  return selectionCost(ctx, root, operation.selectionSet, data === undefined ? REQUESTED : (data ?? null));
}

export interface BucketOptions {
  maximumAvailable: number;
  restoreRate: number;
}

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/** Shopify's calculated-cost leaky bucket: refills `restoreRate` points per second up to the maximum. */
export class LeakyBucket {
  private available: number;
  private last: number;

  constructor(
    private readonly options: BucketOptions,
    private readonly now: () => number,
  ) {
    this.available = options.maximumAvailable;
    this.last = now();
  }

  private refill(): void {
    const t = this.now();
    const elapsed = Math.max(0, t - this.last) / 1000;
    this.available = Math.min(this.options.maximumAvailable, this.available + elapsed * this.options.restoreRate);
    this.last = t;
  }

  /** Takes `cost` points if available; false means the request is throttled. */
  tryTake(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.options.maximumAvailable, this.available + points);
  }

  status(): ThrottleStatus {
    this.refill();
    return {
      maximumAvailable: this.options.maximumAvailable,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.options.restoreRate,
    };
  }

  reset(): void {
    this.available = this.options.maximumAvailable;
    this.last = this.now();
  }
}

// Relay connections the way Shopify pages them: opaque cursors, first/after and last/before, edges and nodes.
import { GraphQLError } from "graphql";
import { gidNumber } from "./store";

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

export type View = Record<string, unknown>;

function encodeCursor(id: string, sortValue: unknown): string {
  return Buffer.from(JSON.stringify({ last_id: gidNumber(id) ?? id, last_value: sortValue ?? null })).toString(
    "base64url",
  );
}

function decodeCursor(cursor: string): { last_id: unknown } {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (decoded && typeof decoded === "object" && "last_id" in decoded) return decoded as { last_id: unknown };
  } catch {
    // fall through
  }
  throw new GraphQLError(`Invalid cursor for current pagination sort.`, { extensions: { code: "BAD_REQUEST" } });
}

/**
 * Pages `items` (already filtered and sorted) into a `<typeName>Connection`.
 * Like Shopify, a connection without `first` or `last` is an error, and page size is capped at 250.
 */
export function connection<T extends { id: string }>(
  items: readonly T[],
  args: ConnectionArgs,
  typeName: string,
  view: (item: T) => View,
  sortValue: (item: T) => unknown = (item) => String(gidNumber(item.id) ?? item.id),
): View {
  const { first, last, after, before } = args;
  if (first == null && last == null) {
    throw new GraphQLError("you must provide one of first or last", { extensions: { code: "BAD_REQUEST" } });
  }
  for (const [name, value] of [
    ["first", first],
    ["last", last],
  ] as const) {
    if (value != null && (value < 0 || value > 250)) {
      throw new GraphQLError(`The ${name} argument must be between 0 and 250.`, { extensions: { code: "BAD_REQUEST" } });
    }
  }
  const ordered = args.reverse ? [...items].reverse() : [...items];
  const indexOf = (cursor: string): number => {
    const { last_id } = decodeCursor(cursor);
    return ordered.findIndex((item) => (gidNumber(item.id) ?? item.id) === last_id);
  };
  let start = 0;
  let end = ordered.length;
  if (after) {
    const i = indexOf(after);
    start = i >= 0 ? i + 1 : ordered.length;
  }
  if (before) {
    const i = indexOf(before);
    end = i >= 0 ? i : end;
  }
  let slice = ordered.slice(start, Math.max(start, end));
  let sliceStart = start;
  if (first != null) slice = slice.slice(0, first);
  if (last != null && slice.length > last) {
    sliceStart += slice.length - last;
    slice = slice.slice(slice.length - last);
  }
  const sliceEnd = sliceStart + slice.length;
  const edges = slice.map((item) => ({
    __typename: `${typeName}Edge`,
    cursor: encodeCursor(item.id, sortValue(item)),
    node: () => view(item),
  }));
  return {
    __typename: `${typeName}Connection`,
    edges,
    nodes: () => slice.map(view),
    pageInfo: {
      __typename: "PageInfo",
      hasNextPage: sliceEnd < ordered.length,
      hasPreviousPage: sliceStart > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

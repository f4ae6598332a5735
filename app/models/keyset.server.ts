// One page of a list ordered by a date column, ties broken by id, read with a keyset: the rows after (or
// before) the cursor's row, never an offset, so page 200 costs what page 1 does. The model function gives
// its own query (shop scope, filters, select); this adds the keyset's where, order and take, reads one row
// more than a page to learn whether another follows, and makes the page's cursors (app/validation/cursor).
//
// The keyset is `date < d OR (date = d AND id < i)` plus the redundant `date <= d`: SQLite does not derive
// that bound from the OR, and without it walks the index from the top of the shop's rows to the cursor.
import { encodeCursor, type PageCursor, type PageInfo } from "~/validation/cursor";

export type KeysetOrder = "asc" | "desc";

type Bound = { lt: Date } | { gt: Date } | { lte: Date } | { gte: Date };
type IdBound = { lt: string } | { gt: string };

/** The keyset's conditions, to AND with the query's own; the order and how many rows to read. */
export interface KeysetArgs<F extends string> {
  where: ({ [K in F]: Bound } | { OR: ({ [K in F]: Bound } | ({ [K in F]: Date } & { id: IdBound }))[] })[];
  orderBy: ({ [K in F]: KeysetOrder } | { id: KeysetOrder })[];
  take: number;
}

export interface KeysetPage<Row> {
  rows: Row[];
  pageInfo: PageInfo;
}

/**
 * Reads the page `cursor` names (the first page without one) of `size` rows ordered by `field` then id,
 * newest first (`desc`, the default) or oldest first (`asc`). "next" goes further down that order.
 */
export async function keysetPage<F extends string, Row extends { id: string } & { [K in F]: Date }>(
  { field, cursor, size, order = "desc" }: { field: F; cursor: PageCursor | null; size: number; order?: KeysetOrder },
  find: (args: KeysetArgs<F>) => Promise<Row[]>,
): Promise<KeysetPage<Row>> {
  const backwards = cursor?.direction === "previous";
  // Read in the list's order, or against it to reach the rows before the cursor (then put back in order).
  const descending = (order === "desc") !== backwards;
  const where: KeysetArgs<F>["where"] = [];
  if (cursor) {
    const { at, id } = cursor.key;
    where.push({ [field]: descending ? { lte: at } : { gte: at } } as { [K in F]: Bound });
    where.push({
      OR: [{ [field]: descending ? { lt: at } : { gt: at } } as { [K in F]: Bound }, { [field]: at, id: descending ? { lt: id } : { gt: id } } as { [K in F]: Date } & { id: IdBound }],
    });
  }
  const direction: KeysetOrder = descending ? "desc" : "asc";
  const read = await find({ where, orderBy: [{ [field]: direction } as { [K in F]: KeysetOrder }, { id: direction }], take: size + 1 });
  const more = read.length > size;
  const rows = backwards ? read.slice(0, size).reverse() : read.slice(0, size);
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows,
    pageInfo: {
      hasNextPage: backwards || more,
      hasPreviousPage: backwards ? more : cursor !== null,
      next: last ? encodeCursor("next", { at: last[field], id: last.id }) : null,
      previous: first ? encodeCursor("previous", { at: first[field], id: first.id }) : null,
    },
  };
}

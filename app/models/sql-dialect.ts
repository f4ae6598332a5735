// The few SQL spellings that differ between SQLite and PostgreSQL (docs/decisions/013-postgresql.md), chosen once
// per provider so raw queries keep one text with these pieces in it. Pure: data access passes DATABASE_PROVIDER
// (~/db.server), the migration generator and tests pass the dialect they write for.
//
// DateTime columns: SQLite stores ISO-8601 text ("…+00:00", the driver adapter's format); PostgreSQL stores
// `timestamp(3) without time zone` in UTC, and @prisma/adapter-pg sends a Date parameter as UTC text, so
// `CAST(x AS timestamp(3))` reads a Date parameter or ISO text (its offset ignored: always +00:00 here).
import type { DatabaseProvider } from "~/database-url";

export type Dialect = DatabaseProvider;

export interface SqlDialect {
  dialect: Dialect;
  /** The n-th (1-based) positional parameter of $queryRawUnsafe / $executeRawUnsafe. */
  param(n: number): string;
  /** An instant (DateTime column, Date parameter or ISO text) as a value that compares in time order. */
  instant(expr: string): string;
  /** Whole milliseconds from instant `from` to instant `to`, 0 when negative (julianday is floating point: rounded). */
  msBetween(from: string, to: string): string;
  /** A condition as 1 or 0 (SQLite's booleans are integers already). */
  bit(condition: string): string;
  /** `a` and `b` differ, NULL being a value (the update triggers' filter). */
  differs(a: string, b: string): string;
  /** A column reference the planner must not use an index for (SQLite's unary +; PostgreSQL's planner is cost-based). */
  noIndex(expr: string): string;
  /** Rows ("key", "value") of a JSON object given as text (a parameter), values as text. */
  jsonObjectRows(json: string): string;
  /** Rows ("k", "s", "e") of a JSON array of [start, end] pairs of ISO instants given as text; k from 0, s and e comparable with DateTime columns. */
  jsonRangeRows(json: string): string;
  /** A join (after a FROM item) with the elements, as text in column "value", of the JSON array in a text column. */
  jsonArrayJoin(json: string, alias: string): string;
  /** An upsert's `"c" = "c" + …` with the target's column qualified (PostgreSQL finds the bare name ambiguous with excluded's). */
  qualifyUpsert(statement: string): string;
}

const sqlite: SqlDialect = {
  dialect: "sqlite",
  param: () => "?",
  instant: (e) => `julianday(${e})`,
  msBetween: (from, to) => `CAST(ROUND(MAX(0, julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER)`,
  bit: (c) => `(${c})`,
  differs: (a, b) => `${a} IS NOT ${b}`,
  noIndex: (e) => `+${e}`,
  jsonObjectRows: (j) => `SELECT "key", "value" FROM json_each(${j})`,
  jsonRangeRows: (j) => `SELECT CAST("key" AS INTEGER), json_extract("value", '$[0]'), json_extract("value", '$[1]') FROM json_each(${j})`,
  jsonArrayJoin: (j, alias) => `JOIN json_each(${j}) ${alias}`,
  qualifyUpsert: (s) => s,
};

const postgresql: SqlDialect = {
  dialect: "postgresql",
  param: (n) => `$${n}`,
  instant: (e) => `CAST(${e} AS timestamp(3))`,
  msBetween: (from, to) => `GREATEST(0, CAST(ROUND(EXTRACT(EPOCH FROM (${to} - ${from})) * 1000) AS BIGINT))`,
  bit: (c) => `CAST((${c}) AS INTEGER)`,
  differs: (a, b) => `${a} IS DISTINCT FROM ${b}`,
  noIndex: (e) => e,
  jsonObjectRows: (j) => `SELECT "key", "value" FROM json_each_text(CAST(${j} AS json))`,
  jsonRangeRows: (j) =>
    `SELECT CAST(t."ord" - 1 AS INTEGER), CAST(t."v"->>0 AS timestamp(3)), CAST(t."v"->>1 AS timestamp(3)) FROM json_array_elements(CAST(${j} AS json)) WITH ORDINALITY AS t("v", "ord")`,
  jsonArrayJoin: (j, alias) => `CROSS JOIN LATERAL json_array_elements_text(CAST(${j} AS json)) AS ${alias}("value")`,
  qualifyUpsert: (s) => {
    const table = /INSERT INTO ("\w+")/.exec(s)?.[1];
    return table ? s.replace(/("\w+") = \1 \+/g, `$1 = ${table}.$1 +`) : s;
  },
};

const MARK = "\u0000";

/** SQL text to splice into a `buildQuery` template as it is, with the values its MARKs bind (none for plain text). */
export class SqlText {
  constructor(
    readonly text: string,
    readonly values: readonly unknown[] = [],
  ) {}
}
export const sqlText = (text: string) => new SqlText(text);
/** A dialect's spelling around one bound value, e.g. `sqlWith(d.instant, now)` → `julianday(?)`. */
export const sqlWith = (spelling: (placeholder: string) => string, value: unknown) => new SqlText(spelling(MARK), [value]);

/**
 * A query template as the text and positional parameters of `$queryRawUnsafe` in the dialect: each `${value}`
 * binds a parameter, each `${sqlText(...)}` / `${sqlWith(...)}` is spliced in. (Prisma.sql fragments cannot be
 * composed here: the PostgreSQL client is another generated client, whose `$queryRaw` does not recognise the
 * SQLite client's Prisma.Sql and would bind a fragment as a value.)
 */
export function buildQuery(dialect: Dialect, strings: readonly string[], values: readonly unknown[]): { text: string; params: unknown[] } {
  const { param } = sqlDialect(dialect);
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return param(params.length);
  };
  let text = strings[0] ?? "";
  values.forEach((value, i) => {
    if (value instanceof SqlText) {
      const pieces = value.text.split(MARK);
      text += pieces.map((piece, k) => (k === 0 ? piece : bind(value.values[k - 1]) + piece)).join("");
    } else text += bind(value);
    text += strings[i + 1] ?? "";
  });
  return { text, params };
}

export function sqlDialect(dialect: Dialect): SqlDialect {
  return dialect === "postgresql" ? postgresql : sqlite;
}

// The cursor of a list page read on the server with a keyset (outbox, Privacy requests, Activity, a
// notify-me waitlist): `next:<key>` reads the rows after a row, `previous:<key>` the rows before one, where
// <key> is that row's sort date and id, opaque to the browser (base64url of `["<ISO date>","<id>"]`).
// Parsing is strict: anything but a cursor the app made is refused (the page answers 400), not guessed at.
export type CursorDirection = "next" | "previous";

/** Where a row stands in a list ordered by a date, ties broken by id. */
export interface PageKey {
  at: Date;
  id: string;
}

export interface PageCursor {
  direction: CursorDirection;
  key: PageKey;
}

/** What a page tells its pagination: whether pages follow either way, and the cursors to reach them. */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  next: string | null;
  previous: string | null;
}

const CURSOR = /^(next|previous):([\w-]{1,400})$/;
const ID = /^[\w-]{1,100}$/;

export function encodeCursor(direction: CursorDirection, key: PageKey): string {
  return `${direction}:${Buffer.from(JSON.stringify([key.at.toISOString(), key.id])).toString("base64url")}`;
}

/** No cursor: the first page. A cursor the app did not make: `{ ok: false }`. */
export function parseCursor(value: string | null | undefined): { ok: true; cursor: PageCursor | null } | { ok: false } {
  if (value === null || value === undefined || value === "") return { ok: true, cursor: null };
  const match = CURSOR.exec(value);
  if (!match) return { ok: false };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(match[2] as string, "base64url").toString("utf8"));
  } catch {
    return { ok: false };
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) return { ok: false };
  const [iso, id] = decoded as unknown[];
  if (typeof iso !== "string" || typeof id !== "string" || !ID.test(id)) return { ok: false };
  const at = new Date(iso);
  // Only a date the app wrote (toISOString) round-trips: "2026-02-30", "1e12" or a bare year do not.
  if (Number.isNaN(at.getTime()) || at.toISOString() !== iso) return { ok: false };
  return { ok: true, cursor: { direction: match[1] as CursorDirection, key: { at, id } } };
}

/** The status text of the 400 a page answers to a forged cursor (the admin's error page explains it). */
export const BAD_CURSOR = "Bad page cursor";

/** The URL parameters that hold a list's cursor (`cursor`, Activity's `jobsCursor`…). */
export const isCursorParam = (name: string) => /^(cursor|\w+Cursor)$/.test(name);

/** The cursor of a page loader's URL parameter; a forged one is thrown as a 400. */
export function cursorParam(url: URL, name = "cursor"): PageCursor | null {
  const parsed = parseCursor(url.searchParams.get(name));
  if (!parsed.ok) throw new Response(`The ${name} parameter is not a page of this list`, { status: 400, statusText: BAD_CURSOR });
  return parsed.cursor;
}

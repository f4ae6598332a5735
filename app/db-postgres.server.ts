// The PostgreSQL driver adapter, for the app (app/db.server.ts) and the Prisma CLI (prisma.config.ts).
//
// Prisma's schema engine reads PostgreSQL's catalog, whose columns of type `name` (OID 19) and `"char"`
// (OID 18) @prisma/adapter-pg 6.19 cannot map: every migrate command fails with "Column type 'name' could
// not be deserialized" (prisma/prisma#27403). Both are plain text on the wire, so the pool's client reports
// them as `text` (OID 25): the values are untouched, only the type the adapter sees changes. The app's own
// tables never have such columns. See docs/decisions/013-postgresql.md.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

const AS_TEXT = new Map([
  [19, 25], // name → text
  [18, 25], // "char" → text
]);

type QueryResultLike = { fields?: { dataTypeID: number }[] } | undefined;

function catalogTypesAsText<T>(result: T): T {
  for (const field of (result as QueryResultLike)?.fields ?? []) {
    const text = AS_TEXT.get(field.dataTypeID);
    if (text !== undefined) field.dataTypeID = text;
  }
  return result;
}

/** A pg client whose results report catalog text types as `text` (callback and promise forms alike). */
export class CatalogTextClient extends pg.Client {
  // pg.Client#query has many overloads; this keeps every one and rewrites only the result's field types.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      const callback = last as (error: unknown, result: unknown) => void;
      args[args.length - 1] = (error: unknown, result: unknown) => callback(error, error ? result : catalogTypesAsText(result));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const submitted = (super.query as (...a: unknown[]) => unknown)(...args);
    if (submitted && typeof (submitted as Promise<unknown>).then === "function") return (submitted as Promise<unknown>).then(catalogTypesAsText) as never;
    return submitted as never;
  }
}

export interface PostgresPoolOptions {
  /** Connections per process (web and worker each hold a pool). */
  max?: number;
}

/** The adapter factory for a `postgres://` URL. */
export function postgresAdapter(url: string, { max = Number(process.env.DATABASE_POOL_SIZE) || 10 }: PostgresPoolOptions = {}): PrismaPg {
  return new PrismaPg({ connectionString: url, max, Client: CatalogTextClient });
}

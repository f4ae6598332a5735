// The one Prisma client. DATABASE_URL picks the database: a `file:` URL (or none) is SQLite through the
// better-sqlite3 driver adapter; `postgres://` is PostgreSQL through @prisma/adapter-pg, with the client
// generated from prisma/postgresql/schema.prisma (the same data model: tests/architecture/postgres-schema).
// No native query engine is downloaded for either. Kept on globalThis in development so Vite's HMR does not
// open a new connection per reload.
import { createRequire } from "node:module";
import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseProvider } from "./database-url";
import { postgresAdapter } from "./db-postgres.server";
import { env } from "./env.server";

declare global {
  var prismaGlobal: PrismaClient | undefined;
}

/**
 * SQLite tuned for a web process and workers sharing one file: WAL lets readers run while a writer
 * commits (webhook acknowledgements stay fast while jobs write), synchronous=NORMAL is durable in WAL
 * mode, and busy_timeout makes another process's write lock a short wait instead of an error.
 */
class TunedSQLite3 extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;");
    return adapter;
  }
}

/** Which database this process talks to. */
export const DATABASE_PROVIDER = databaseProvider(env.DATABASE_URL);

function createClient(): PrismaClient {
  if (DATABASE_PROVIDER === "postgresql") {
    // Loaded only on PostgreSQL. Its API is the SQLite client's: both are generated from one data model.
    const { PrismaClient: PostgresClient } = createRequire(import.meta.url)(".prisma-postgres/client") as { PrismaClient: new (options: object) => unknown };
    // Minimal errors: the default format quotes the call site, which in the generated (minified) client is
    // kilobytes of its source, in every job's lastError and log line when the server is unreachable.
    return new PostgresClient({ adapter: postgresAdapter(env.DATABASE_URL), errorFormat: "minimal" }) as PrismaClient;
  }
  return new PrismaClient({ adapter: new TunedSQLite3({ url: env.DATABASE_URL }) });
}

const prisma: PrismaClient = globalThis.prismaGlobal ?? createClient();
if (env.NODE_ENV !== "production") {
  globalThis.prismaGlobal = prisma;
}

export default prisma;

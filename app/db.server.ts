// The one Prisma client, built on the better-sqlite3 driver adapter (no native query engine download).
// Kept on globalThis in development so Vite's HMR does not open a new connection per reload.
import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
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

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new TunedSQLite3({ url: env.DATABASE_URL }) });
}

const prisma: PrismaClient = globalThis.prismaGlobal ?? createClient();
if (env.NODE_ENV !== "production") {
  globalThis.prismaGlobal = prisma;
}

export default prisma;

// The one Prisma client, built on the better-sqlite3 driver adapter (no native query engine download).
// Kept on globalThis in development so Vite's HMR does not open a new connection per reload.
import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { env } from "./env.server";

declare global {
  var prismaGlobal: PrismaClient | undefined;
}

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: env.DATABASE_URL }) });
}

const prisma: PrismaClient = globalThis.prismaGlobal ?? createClient();
if (env.NODE_ENV !== "production") {
  globalThis.prismaGlobal = prisma;
}

export default prisma;

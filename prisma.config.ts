// Prisma CLI configuration that stays offline: the JavaScript engine with a driver adapter runs the bundled
// WebAssembly schema engine, so no native binary is ever downloaded. DATABASE_URL picks the provider: a
// `file:` URL (or none) is SQLite with prisma/schema.prisma; `postgres://` is PostgreSQL with the schema
// generated from it (prisma/postgresql/schema.prisma) and its own migrations.
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseProvider, databaseUrl, prismaPaths } from "./app/database-url";
import { postgresAdapter } from "./app/db-postgres.server";

const url = databaseUrl();
const provider = databaseProvider(url);
// The CLI falls back to the native engine (and a download) when DATABASE_URL is unset, `generate` included.
process.env.DATABASE_URL = url;
const { schema, migrations } = prismaPaths(provider);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema,
  migrations: { path: migrations },
  async adapter() {
    return provider === "postgresql" ? postgresAdapter(url, { max: 2 }) : new PrismaBetterSQLite3({ url });
  },
});

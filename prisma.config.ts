// Prisma CLI configuration that stays offline: the JavaScript engine with the better-sqlite3 driver
// adapter runs the bundled WebAssembly schema engine, so no native binary is ever downloaded.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl } from "./app/database-url";

const url = databaseUrl();
// The CLI falls back to the native engine (and a download) when DATABASE_URL is unset, `generate` included.
process.env.DATABASE_URL = url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url });
  },
});

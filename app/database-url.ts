// The one place that decides which database the app, the CLI and the scripts use.
import path from "node:path";

export const DEFAULT_DATABASE_URL = `file:${path.resolve("prisma", "dev.sqlite")}`;

/** DATABASE_URL if set, else the embedded SQLite file under prisma/ (absolute, so the cwd never matters). */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}

export type DatabaseProvider = "sqlite" | "postgresql";

/** `postgres://` or `postgresql://` selects PostgreSQL; anything else (a `file:` URL) is SQLite. */
export function databaseProvider(url: string): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** The schema and migrations folder of a provider (the PostgreSQL ones are generated: dev/scripts/postgres-schema). */
export function prismaPaths(provider: DatabaseProvider): { schema: string; migrations: string } {
  const dir = provider === "postgresql" ? path.join("prisma", "postgresql") : "prisma";
  return { schema: path.join(dir, "schema.prisma"), migrations: path.join(dir, "migrations") };
}

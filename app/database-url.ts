// The one place that decides which database file the app, the CLI and the scripts use.
import path from "node:path";

export const DEFAULT_DATABASE_URL = `file:${path.resolve("prisma", "dev.sqlite")}`;

/** DATABASE_URL if set, else the embedded SQLite file under prisma/ (absolute, so the cwd never matters). */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}

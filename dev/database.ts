// A fresh SQLite database with every migration in prisma/migrations applied, in its own temp file.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const MIGRATIONS = path.resolve("prisma", "migrations");

/** Every migration's SQL under `migrations` (SQLite's by default), oldest first. */
export function migrationSql(migrations: string = MIGRATIONS): string[] {
  return readdirSync(migrations, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
}

/** Creates the database file and returns its `file:` URL. */
export function createTestDatabase(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "backorder-pilot-test-")), "test.sqlite");
  const db = new Database(file);
  try {
    for (const sql of migrationSql()) db.exec(sql);
  } finally {
    db.close();
  }
  return `file:${file}`;
}

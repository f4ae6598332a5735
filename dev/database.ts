// A fresh SQLite database with every migration in prisma/migrations applied, in its own temp file.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync } from "node:fs";
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
  copyFileSync(migratedTemplate(), file);
  return `file:${file}`;
}

/**
 * A database migrated once per set of migrations (named by their hash), which each new database copies: every
 * test file wants one, and applying the migrations costs ~0.3 s where a copy costs a few milliseconds. Written
 * under a temporary name and renamed, so processes starting together never read a half-written template.
 */
function migratedTemplate(): string {
  const migrations = migrationSql();
  const hash = createHash("sha256").update(migrations.join("\0")).digest("hex").slice(0, 16);
  const template = path.join(tmpdir(), `backorder-pilot-template-${hash}.sqlite`);
  if (existsSync(template)) return template;
  const partial = path.join(mkdtempSync(path.join(tmpdir(), "backorder-pilot-template-")), "template.sqlite");
  const db = new Database(partial);
  try {
    for (const sql of migrations) db.exec(sql);
  } finally {
    db.close();
  }
  renameSync(partial, template);
  return template;
}

// `npm run migration:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql offline.
//
// `prisma migrate dev` needs a shadow database that the SQLite driver adapter cannot replay into (P3006),
// so each migration folder keeps a snapshot of the schema it produced, and a new migration is the diff
// between the last snapshot and prisma/schema.prisma (`migrate diff` works with no database at all).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { databaseUrl } from "../../app/database-url";

const MIGRATIONS = path.join("prisma", "migrations");
const SCHEMA = path.join("prisma", "schema.prisma");
const SNAPSHOT = "schema.snapshot.prisma";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run migration:new -- <name>   (e.g. add_incoming_batches)");
  process.exit(2);
}

const previous = existsSync(MIGRATIONS)
  ? readdirSync(MIGRATIONS, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
      .at(-1)
  : undefined;
const previousSnapshot = previous ? path.join(MIGRATIONS, previous, SNAPSHOT) : undefined;
if (previousSnapshot && !existsSync(previousSnapshot)) {
  console.error(`${previousSnapshot} is missing: every migration folder must keep the schema it produced.`);
  process.exit(1);
}

const work = mkdtempSync(path.join(tmpdir(), "migration-"));
const output = path.join(work, "migration.sql");
try {
  execFileSync(
    "npx",
    [
      "prisma", "migrate", "diff",
      ...(previousSnapshot ? ["--from-schema-datamodel", previousSnapshot] : ["--from-empty"]),
      "--to-schema-datamodel", SCHEMA,
      "--script", "--output", output,
    ],
    { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, DATABASE_URL: databaseUrl() } },
  );
  const sql = readFileSync(output, "utf8");
  if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|PRAGMA)\b/i.test(sql)) {
    console.log("The schema has no changes since the last migration: nothing written.");
    process.exit(0);
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = path.join(MIGRATIONS, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), sql);
  copyFileSync(SCHEMA, path.join(folder, SNAPSHOT));
  const lock = path.join(MIGRATIONS, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, 'provider = "sqlite"\n');
  console.log(`Wrote ${folder}/migration.sql — apply it with: npm run setup`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

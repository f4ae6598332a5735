// `npm run migration:new -- <name>`: writes, offline, a migration for each provider from the one data model:
// prisma/migrations/<timestamp>_<name>/ (SQLite) and prisma/postgresql/migrations/<timestamp>_<name>/
// (PostgreSQL, whose schema is regenerated from prisma/schema.prisma first: dev/scripts/postgres-schema).
//
// `prisma migrate dev` needs a shadow database that the SQLite driver adapter cannot replay into (P3006),
// so each migration folder keeps a snapshot of the schema it produced, and a new migration is the diff
// between the last snapshot and the schema (`migrate diff` works with no database at all).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { prismaPaths, type DatabaseProvider } from "../../app/database-url";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, postgresSchema } from "./postgres-schema";

const SNAPSHOT = "schema.snapshot.prisma";
/**
 * A URL of each provider for the CLI (it picks the config's adapter). SQLite's is never opened; PostgreSQL's
 * `migrate diff` connects to a server even to diff two files: any throwaway server does (TEST_DATABASE_URL,
 * the one the PostgreSQL test suite uses; nothing is written to it).
 */
const CLI_URL: Record<DatabaseProvider, string | undefined> = {
  sqlite: `file:${path.join(tmpdir(), "migration-diff.sqlite")}`,
  postgresql: process.env.TEST_DATABASE_URL,
};

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run migration:new -- <name>   (e.g. add_incoming_batches)");
  process.exit(2);
}

writeFileSync(POSTGRES_SCHEMA, postgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

function lastFolder(migrations: string): string | undefined {
  if (!existsSync(migrations)) return undefined;
  return readdirSync(migrations, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .at(-1);
}

/** Writes the provider's migration; false when its schema has not changed since its last migration. */
function writeMigration(provider: DatabaseProvider): boolean {
  const { schema, migrations } = prismaPaths(provider);
  const url = CLI_URL[provider];
  if (!url) {
    console.error(
      `No PostgreSQL server to diff against: set TEST_DATABASE_URL=postgres://… (see docs/deploy.md) and run this again. ` +
        `Until ${migrations} has the migration, tests/architecture/postgres-schema.test.ts fails.`,
    );
    process.exit(1);
  }
  const previous = lastFolder(migrations);
  const previousSnapshot = previous ? path.join(migrations, previous, SNAPSHOT) : undefined;
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
        "--to-schema-datamodel", schema,
        "--script", "--output", output,
      ],
      { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, DATABASE_URL: url } },
    );
    const sql = readFileSync(output, "utf8");
    if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|PRAGMA)\b/i.test(sql)) return false;
    const folder = path.join(migrations, `${stamp}_${name}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "migration.sql"), sql);
    copyFileSync(schema, path.join(folder, SNAPSHOT));
    const lock = path.join(migrations, "migration_lock.toml");
    if (!existsSync(lock)) writeFileSync(lock, `provider = "${provider}"\n`);
    console.log(`Wrote ${folder}/migration.sql`);
    return true;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const written = (["sqlite", "postgresql"] as const).filter(writeMigration);
if (written.length === 0) console.log("The schema has no changes since the last migration: nothing written.");
else console.log("Apply with: npm run setup (DATABASE_URL picks the database). Data backfills go in each migration.sql by hand.");

// PostgreSQL databases for tests and benchmarks: a template migrated once from prisma/postgresql/migrations,
// then one database per test file copied from it (CREATE DATABASE … TEMPLATE: milliseconds, not a migration).
// The server is TEST_DATABASE_URL's (its database is only used to create and drop the others).
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { prismaPaths } from "../app/database-url";
import { migrationSql } from "./database";

/** Every database this creates starts with this; then the run's id, so a run drops only its own. */
export const TEST_DATABASE_PREFIX = "bp_test_";
const TEMPLATE_SUFFIX = "_template";

/** The same server's URL for another database. */
export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates a migrated template database for a new test run and returns its name. */
export async function createPostgresTemplate(serverUrl: string): Promise<string> {
  const name = `${TEST_DATABASE_PREFIX}${process.pid}${randomBytes(3).toString("hex")}${TEMPLATE_SUFFIX}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${quote(name)}`));
  await withClient(databaseUrlFor(serverUrl, name), async (c) => {
    for (const sql of migrationSql(path.resolve(prismaPaths("postgresql").migrations))) await c.query(sql);
  });
  await withClient(serverUrl, (c) => c.query(`ALTER DATABASE ${quote(name)} WITH IS_TEMPLATE true`));
  return name;
}

/** A fresh database copied from the run's template (named after it); returns its URL. */
export async function createPostgresTestDatabase(serverUrl: string, template: string): Promise<string> {
  const name = `${template.slice(0, -TEMPLATE_SUFFIX.length)}_${randomBytes(4).toString("hex")}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`));
  return databaseUrlFor(serverUrl, name);
}

/** Drops every database of the run that made `template` (the template included), closing their connections. */
export async function dropPostgresTestDatabases(serverUrl: string, template: string): Promise<number> {
  const run = template.slice(0, -TEMPLATE_SUFFIX.length);
  return withClient(serverUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE left(datname, $2) = $1`, [run, run.length]);
    for (const { datname } of rows) {
      await c.query(`ALTER DATABASE ${quote(datname)} WITH IS_TEMPLATE false`);
      await c.query(`DROP DATABASE ${quote(datname)} WITH (FORCE)`);
    }
    return rows.length;
  });
}

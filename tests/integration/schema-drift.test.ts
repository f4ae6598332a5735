// The two sets of migrations build the same database (docs/decisions/013-postgresql.md): on the PostgreSQL
// run (vitest.postgres.config.ts), the tables, columns (name, nullability) and indexes (columns, uniqueness;
// PostgreSQL cuts names at 63 characters) of this file's PostgreSQL database, migrated from
// prisma/postgresql/migrations, equal those of a SQLite database migrated from prisma/migrations. Skipped on
// the SQLite run: nothing to compare with.
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../dev/database";

interface Shape {
  tables: Record<string, { columns: string[]; indexes: string[] }>;
}

function sqliteShape(): Shape {
  const db = new Database(createTestDatabase().replace(/^file:/, ""), { readonly: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`)
      .all() as { name: string }[];
    const shape: Shape = { tables: {} };
    for (const { name } of tables) {
      const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; notnull: number; pk: number }[]).map(
        (c) => `${c.name} ${c.notnull || c.pk ? "NOT NULL" : "NULL"}`,
      );
      const indexes = (db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number; origin: string }[])
        .filter((i) => i.origin !== "pk")
        .map((i) => {
          const cols = (db.prepare(`PRAGMA index_info("${i.name}")`).all() as { seqno: number; name: string }[]).sort((a, b) => a.seqno - b.seqno).map((c) => c.name);
          return `${i.unique ? "UNIQUE " : ""}(${cols.join(", ")})`;
        });
      shape.tables[name] = { columns: columns.sort(), indexes: indexes.sort() };
    }
    return shape;
  } finally {
    db.close();
  }
}

async function postgresShape(url: string): Promise<Shape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: columns } = await client.query<{ table_name: string; column_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const { rows: indexes } = await client.query<{ table: string; index: string; unique: boolean; columns: string[] }>(
      `SELECT t.relname AS "table", i.relname AS "index", x.indisunique AS "unique",
          array_agg(a.attname::text ORDER BY k.n) AS "columns"
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_namespace s ON s.oid = t.relnamespace AND s.nspname = 'public'
        CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE NOT x.indisprimary AND t.relname <> '_prisma_migrations'
        GROUP BY t.relname, i.relname, x.indisunique`,
    );
    const shape: Shape = { tables: {} };
    for (const c of columns) {
      const table = (shape.tables[c.table_name] ??= { columns: [], indexes: [] });
      table.columns.push(`${c.column_name} ${c.is_nullable === "YES" ? "NULL" : "NOT NULL"}`);
    }
    for (const i of indexes) shape.tables[i.table]?.indexes.push(`${i.unique ? "UNIQUE " : ""}(${i.columns.join(", ")})`);
    for (const table of Object.values(shape.tables)) {
      table.columns.sort();
      table.indexes.sort();
    }
    return shape;
  } finally {
    await client.end();
  }
}

describe.skipIf(!process.env.TEST_POSTGRES_TEMPLATE)("PostgreSQL and SQLite migrations", () => {
  it("create the same tables, columns and indexes", async () => {
    // GIVEN a SQLite database from prisma/migrations and this file's PostgreSQL one from prisma/postgresql/migrations
    // WHEN their structure is read from each database's catalog
    const [sqlite, postgres] = [sqliteShape(), await postgresShape(process.env.DATABASE_URL ?? "")];
    // THEN it is the same
    expect(Object.keys(postgres.tables).sort()).toEqual(Object.keys(sqlite.tables).sort());
    for (const table of Object.keys(sqlite.tables)) expect({ table, ...postgres.tables[table] }).toEqual({ table, ...sqlite.tables[table] });
  });
});

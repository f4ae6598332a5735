// One data model, two providers (docs/decisions/013-postgresql.md): the PostgreSQL schema is generated from
// the SQLite one, and each provider's migrations end at the schema they must produce. The tables, columns
// and indexes the two sets of migrations create are compared on a real server by
// tests/integration/schema-drift.test.ts (PostgreSQL run).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prismaPaths } from "~/database-url";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, postgresSchema } from "../../dev/scripts/postgres-schema";

const read = (file: string) => readFileSync(file, "utf8");

function lastSnapshot(migrations: string): string {
  const last = readdirSync(migrations, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .at(-1);
  if (!last) throw new Error(`${migrations} has no migration`);
  return path.join(migrations, last, "schema.snapshot.prisma");
}

describe("the PostgreSQL schema", () => {
  it("is prisma/schema.prisma with the provider swapped (run `npm run schema:postgres` after editing it)", () => {
    // GIVEN the SQLite schema, WHEN it is turned into the PostgreSQL one, THEN it is what is committed
    expect(read(POSTGRES_SCHEMA)).toBe(postgresSchema(read(SQLITE_SCHEMA)));
  });

  it("differs from the SQLite schema only in the provider and the client's output", () => {
    // GIVEN both schemas WHEN the generated header, provider and output lines are set aside THEN the models are the same text
    const models = (text: string) =>
      text
        .split("\n")
        .filter((line) => !line.startsWith("// GENERATED") && !line.startsWith("// The same data model") && !/^\s*(provider|output)\s*=/.test(line))
        .join("\n");
    expect(models(read(POSTGRES_SCHEMA))).toBe(models(read(SQLITE_SCHEMA)));
  });

  for (const provider of ["sqlite", "postgresql"] as const) {
    it(`${provider}: the last migration produced the current schema (run \`npm run migration:new -- <name>\`)`, () => {
      // GIVEN the provider's migrations WHEN the last one's snapshot is read THEN it is the current schema
      const { schema, migrations } = prismaPaths(provider);
      expect(read(lastSnapshot(migrations))).toBe(read(schema));
    });
  }
});

// `npm run schema:postgres`: writes prisma/postgresql/schema.prisma from prisma/schema.prisma.
//
// One data model, two providers: a Prisma schema's provider must be a literal, so the PostgreSQL schema is
// the SQLite one with its datasource provider swapped and its client generated into a package of its own
// (`.prisma-postgres` under node_modules). Never edit the generated file: edit prisma/schema.prisma, run this,
// then `npm run migration:new` (it writes a migration for each provider). tests/architecture/postgres-schema
// fails when the two drift.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgresql", "schema.prisma");
/** Where the PostgreSQL client is generated, relative to prisma/postgresql/ (a package under node_modules). */
export const POSTGRES_CLIENT_OUTPUT = "../../node_modules/.prisma-postgres/client";

const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run schema:postgres\` — do not edit.
// The same data model for PostgreSQL (DATABASE_URL=postgres://…); migrations in prisma/postgresql/migrations.
`;

/** The PostgreSQL schema for a SQLite schema's text: same models, fields and indexes; other provider and output. */
export function postgresSchema(sqlite: string): string {
  const generator = /generator client \{([^}]*)\}/;
  const datasource = /datasource db \{([^}]*)\}/;
  if (!generator.test(sqlite) || !datasource.test(sqlite)) throw new Error(`${SQLITE_SCHEMA}: expected a "generator client" and a "datasource db" block`);
  if (!/provider\s*=\s*"sqlite"/.test(sqlite.match(datasource)?.[1] ?? "")) throw new Error(`${SQLITE_SCHEMA}: the datasource's provider must be "sqlite"`);
  if (/\boutput\s*=/.test(sqlite.match(generator)?.[1] ?? "")) throw new Error(`${SQLITE_SCHEMA}: the client must keep its default output`);
  return (
    HEADER +
    sqlite
      .replace(generator, (block, body: string) => block.replace(body, `${body.replace(/\s*$/, "")}\n  output     = "${POSTGRES_CLIENT_OUTPUT}"\n`))
      .replace(datasource, (block) => block.replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"'))
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(POSTGRES_SCHEMA, postgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
  console.log(`Wrote ${POSTGRES_SCHEMA}`);
}

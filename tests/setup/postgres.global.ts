// Global setup of the PostgreSQL run (vitest.postgres.config.ts): migrates a template database once on
// TEST_DATABASE_URL's server; every test file then gets its own copy (tests/setup/vitest.setup.ts).
import { createPostgresTemplate, dropPostgresTestDatabases } from "../../dev/database-postgres";

export default async function setup() {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error("TEST_DATABASE_URL is not set: the PostgreSQL suite needs a server (see README, Tests)");
  const template = await createPostgresTemplate(server);
  process.env.TEST_POSTGRES_TEMPLATE = template;
  return async () => {
    await dropPostgresTestDatabases(server, template);
  };
}

// Runs before every test file (each file runs in its own process), before any app or Shopify module is
// imported: the Shopify library captures `fetch` on first import, so msw must already be listening, and
// app/env.server.ts reads process.env once at import.
import { afterAll, afterEach } from "vitest";
import { setupServer } from "msw/node";
import { API_KEY, API_SECRET_KEY, APP_URL } from "@shopify/shopify-api/test-helpers";
import { createTestDatabase } from "../../dev/database";
import { createPostgresTestDatabase } from "../../dev/database-postgres";

process.env.SHOPIFY_TESTING = "1";
process.env.SHOPIFY_API_KEY = API_KEY;
process.env.SHOPIFY_API_SECRET = API_SECRET_KEY;
process.env.SHOPIFY_APP_URL = APP_URL;
// Each test file gets its own, freshly migrated database: SQLite, or on the PostgreSQL run
// (vitest.postgres.config.ts) a copy of the template its global setup migrated.
const postgresTemplate = process.env.TEST_POSTGRES_TEMPLATE;
process.env.DATABASE_URL = postgresTemplate ? await createPostgresTestDatabase(process.env.TEST_DATABASE_URL ?? "", postgresTemplate) : createTestDatabase();

export const mswServer = setupServer();
// All outbound network is refused: a request no handler answers fails the test.
mswServer.listen({ onUnhandledRequest: "error" });

afterEach(() => mswServer.resetHandlers());
afterAll(() => mswServer.close());

// The integration and fault suites again, on PostgreSQL (`npm run test:postgres`): TEST_DATABASE_URL names a
// server (e.g. postgres://postgres@localhost:5433/postgres); each test file gets its own database copied
// from a template migrated once from prisma/postgresql/migrations. Without TEST_DATABASE_URL the run is
// skipped with a message (dev/scripts/test-postgres.ts), so `npm test` passes on a machine without PostgreSQL.
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/integration/**/*.test.ts", "tests/faults/**/*.test.ts"],
    setupFiles: ["tests/setup/vitest.setup.ts"],
    globalSetup: ["tests/setup/postgres.global.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});

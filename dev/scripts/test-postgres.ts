// `npm run test:postgres`: the integration and fault suites again on PostgreSQL (vitest.postgres.config.ts),
// on the server TEST_DATABASE_URL names. Without it, says so and succeeds: `npm test` passes on a machine
// without PostgreSQL, while CI (.ci/run) starts a throwaway server and sets it.
import { spawnSync } from "node:child_process";

const server = process.env.TEST_DATABASE_URL?.trim();
if (!server) {
  console.log(
    "SKIPPED: the PostgreSQL suite needs a server. Set TEST_DATABASE_URL=postgres://user@host:port/db " +
      "(README, Database and migrations, shows a throwaway one); CI sets it.",
  );
  process.exit(0);
}
if (!/^postgres(ql)?:\/\//i.test(server)) {
  console.error(`TEST_DATABASE_URL must be a postgres:// URL, not ${server.replace(/\/\/[^@]*@/, "//…@")}`);
  process.exit(2);
}
const run = spawnSync("npx", ["vitest", "run", "--config", "vitest.postgres.config.ts", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(run.status ?? 1);

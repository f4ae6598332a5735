// The architecture's import boundaries are lint rules (eslint.config.js, ADR 005). These tests lint
// deliberate violations with the project's real ESLint configuration, so a rule that stops matching
// (a renamed folder, a loosened pattern) fails here instead of silently allowing the import.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports")
    .map((m) => m.message);
}

describe("import boundaries", () => {
  it("only app/models imports the Prisma client", async () => {
    // GIVEN a workflow, a route and a job that reach for the database directly
    // WHEN they are linted
    // THEN each is refused with the reason; the same import in a model is fine
    const code = 'import prisma from "~/db.server";\nexport const n = () => prisma.shop.count();\n';
    for (const file of ["app/workflows/ledger/x.server.ts", "app/routes/app.x.tsx", "app/jobs/x.server.ts"]) {
      expect(await restrictedImports(file, code)).toEqual([expect.stringContaining("Only app/models/ imports the Prisma client")]);
    }
    expect(await restrictedImports("app/models/x.server.ts", code)).toEqual([]);
  });

  it("allows Prisma's types outside models but not its runtime", async () => {
    // GIVEN a workflow importing Prisma's types, and one constructing a client
    const typeOnly = 'import type { Prisma } from "@prisma/client";\nexport type T = Prisma.JobWhereInput;\n';
    const runtime = 'import { PrismaClient } from "@prisma/client";\nexport const c = new PrismaClient();\n';
    // WHEN linted THEN only the runtime import is refused
    expect(await restrictedImports("app/workflows/x.server.ts", typeOnly)).toEqual([]);
    expect(await restrictedImports("app/workflows/x.server.ts", runtime)).toHaveLength(1);
  });

  it("keeps dev/ and tests/ out of app/", async () => {
    // GIVEN app code importing the Admin fake and a test helper
    // WHEN linted THEN both imports are refused, in a model and in the domain too
    for (const file of ["app/routes/app.x.tsx", "app/models/x.server.ts", "app/domain/x.ts"]) {
      expect(await restrictedImports(file, 'import { createAdminFake } from "../../dev/admin-fake";\nexport const f = createAdminFake;\n')).toEqual([
        expect.stringContaining("never imports from dev/"),
      ]);
      expect(await restrictedImports(file, 'import { x } from "../../tests/helpers/shop";\nexport const f = x;\n')).toEqual([
        expect.stringContaining("never imports from tests/"),
      ]);
    }
  });

  it("keeps models at the bottom: no imports of workflows, transports or Shopify", async () => {
    // GIVEN a model calling a workflow and the Admin client
    const code = 'import { syncOrder } from "~/workflows/ledger/orders.server";\nimport { createAdminClient } from "~/shopify/admin-client.server";\nexport const f = [syncOrder, createAdminClient];\n';
    // WHEN linted THEN both imports are refused
    expect(await restrictedImports("app/models/x.server.ts", code)).toHaveLength(2);
  });

  it("keeps the domain pure", async () => {
    // GIVEN domain code importing Remix, a server module and node:fs
    const code = 'import { json } from "@remix-run/node";\nimport { a } from "~/models/settings.server";\nimport fs from "node:fs";\nexport const f = [json, a, fs];\n';
    // WHEN linted THEN all three are refused; its tests may import anything
    expect(await restrictedImports("app/domain/x.ts", code)).toHaveLength(3);
    expect(await restrictedImports("app/domain/x.test.ts", code)).toEqual([]);
  });
});

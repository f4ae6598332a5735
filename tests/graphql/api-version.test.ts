// One Admin API version: app/shopify/api-version.ts defines it; the server, codegen, the Admin fake and the
// schema vendoring script take it from there, and shopify.app.toml (which cannot import) must say the same.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ApiVersion } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { ADMIN_API_VERSION, ADMIN_API_VERSION_ENUM } from "~/shopify/api-version";
import { ADMIN_API_VERSION as FAKE_VERSION } from "../../dev/admin-fake/schema";
import { parseAdminApiVersion, readAdminApiVersion } from "../../dev/scripts/admin-api-version.mjs";
import { listSourceFiles } from "./collect-operations";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** `api_version` of the `[webhooks]` table of a shopify.app.toml text, or null when that table has none. */
function webhooksApiVersion(toml: string): string | null {
  let table = "";
  for (const line of toml.split("\n").map((l) => l.trim())) {
    if (line.startsWith("[")) table = line;
    const match = /^api_version\s*=\s*"([^"]*)"/.exec(line);
    if (table === "[webhooks]" && match) return match[1] ?? null;
  }
  return null;
}

/** String literals that are exactly an API version ("2026-07", 'unstable' excluded), with their line. */
function versionLiterals(text: string): { line: number; version: string }[] {
  const found: { line: number; version: string }[] = [];
  text.split("\n").forEach((line, i) => {
    for (const match of line.matchAll(/(["'`])(20\d\d-(?:01|04|07|10))\1/g)) found.push({ line: i + 1, version: match[2] as string });
  });
  return found;
}

describe("reading the version where it is written", () => {
  it("reads [webhooks] api_version from a TOML text, not another table's", () => {
    // GIVEN TOML texts with the key in [webhooks], in another table only, and nowhere
    const inWebhooks = 'name = "x"\n[webhooks]\napi_version = "2026-07"\n\n  [[webhooks.subscriptions]]\n  topics = [ "a" ]\n';
    const elsewhere = '[other]\napi_version = "2025-10"\n[webhooks]\n  [[webhooks.subscriptions]]\n  uri = "/x"\n';

    // THEN only the first has one
    expect(webhooksApiVersion(inWebhooks)).toBe("2026-07");
    expect(webhooksApiVersion(elsewhere)).toBeNull();
    expect(webhooksApiVersion("")).toBeNull();
  });

  it("reads the constant from api-version.ts's text for plain-Node scripts, and fails loudly without it", () => {
    // GIVEN a definition, and a text where it was renamed
    // THEN the first gives its version and the second throws
    expect(parseAdminApiVersion('export const ADMIN_API_VERSION = "2025-10";\n')).toBe("2025-10");
    expect(() => parseAdminApiVersion('export const API_VERSION = "2025-10";\n')).toThrow(/ADMIN_API_VERSION/);
  });

  it("finds version literals, not dates", () => {
    // GIVEN a text with a version literal, a date and a version inside a sentence  THEN only the literal counts
    expect(versionLiterals('const v = "2026-04";\nconst d = "2026-04-01";\nconst s = "only 2026-04 here";')).toEqual([
      { line: 1, version: "2026-04" },
    ]);
  });
});

describe(`the Admin API version (${ADMIN_API_VERSION})`, () => {
  it("is the one shopify.app.toml declares for webhooks", () => {
    // GIVEN the app configuration  THEN its [webhooks] api_version is the constant
    expect(webhooksApiVersion(readFileSync(join(ROOT, "shopify.app.toml"), "utf8"))).toBe(ADMIN_API_VERSION);
  });

  it("is a version the library knows, given to shopifyApp() as that enum member", () => {
    expect(Object.values(ApiVersion)).toContain(ADMIN_API_VERSION);
    expect(ADMIN_API_VERSION_ENUM).toBe(ADMIN_API_VERSION);
  });

  it("is what the Admin fake serves and what the vendoring script reads, with its schema vendored", () => {
    expect(FAKE_VERSION).toBe(ADMIN_API_VERSION);
    expect(readAdminApiVersion()).toBe(ADMIN_API_VERSION);
    expect(existsSync(join(ROOT, `tests/fixtures/admin-${ADMIN_API_VERSION}.schema.json.gz`))).toBe(true);
  });

  it("is written nowhere else in app/, dev/admin-fake/, dev/scripts/ or .graphqlrc.ts", () => {
    // GIVEN the sources that use the version (generated types aside)
    const files = [
      ...listSourceFiles(join(ROOT, "app"), ROOT).filter((f) => !f.startsWith("app/types/") && f !== "app/shopify/api-version.ts"),
      ...listSourceFiles(join(ROOT, "dev/admin-fake"), ROOT),
      ...listSourceFiles(join(ROOT, "dev/scripts"), ROOT),
      ".graphqlrc.ts",
    ];

    // THEN none spells a version out: they import it
    const spelled = files.flatMap((file) =>
      versionLiterals(readFileSync(join(ROOT, file), "utf8")).map(({ line, version }) => `${file}:${line}: "${version}"`),
    );
    expect(spelled).toEqual([]);
  });
});

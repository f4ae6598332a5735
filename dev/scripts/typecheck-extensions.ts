// Type-checks the UI extensions: one TypeScript program per extension (extensions/<name>/tsconfig.json),
// because the admin, checkout and customer-account surfaces declare different `s-*` elements and `shopify`
// globals that cannot share one program. Also fails when a test in tests/extensions/ belongs to no
// extension's tsconfig (it would never be checked). `npm run typecheck:extensions`, part of `npm run typecheck`.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const EXTENSIONS = path.join(ROOT, "extensions");
const TESTS = path.join(ROOT, "tests", "extensions");

const host: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => ROOT,
  getNewLine: () => "\n",
};

function parseConfig(file: string): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(file, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.formatDiagnostic(d, host));
    },
  });
  if (!parsed) throw new Error(`Cannot read ${file}`);
  return parsed;
}

/** Diagnostics of every extension's program, and the tests no extension covers. */
export function typecheckExtensions(): { checked: string[]; diagnostics: ts.Diagnostic[]; uncovered: string[] } {
  const configs = readdirSync(EXTENSIONS, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(EXTENSIONS, e.name, "tsconfig.json")))
    .map((e) => path.join(EXTENSIONS, e.name, "tsconfig.json"));
  const diagnostics: ts.Diagnostic[] = [];
  const covered = new Set<string>();
  for (const config of configs) {
    const parsed = parseConfig(config);
    diagnostics.push(...parsed.errors);
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, projectReferences: parsed.projectReferences });
    diagnostics.push(...ts.getPreEmitDiagnostics(program));
    for (const f of parsed.fileNames) covered.add(path.resolve(f));
  }
  const tests = existsSync(TESTS) ? readdirSync(TESTS, { recursive: true, encoding: "utf8" }).filter((f) => /\.test\.tsx?$/.test(f)) : [];
  const uncovered = tests.map((f) => path.join(TESTS, f)).filter((f) => !covered.has(f));
  return { checked: configs.map((c) => path.relative(ROOT, c)), diagnostics, uncovered: uncovered.map((f) => path.relative(ROOT, f)) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { checked, diagnostics, uncovered } = typecheckExtensions();
  if (diagnostics.length) console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  for (const f of uncovered) console.error(`${f}: no extension's tsconfig.json includes this test, so it is never type-checked`);
  if (diagnostics.length || uncovered.length) process.exitCode = 1;
  else console.log(`Type-checked ${checked.length} extension(s): ${checked.join(", ")}`);
}

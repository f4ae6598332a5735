// Builds the app's extensions offline with the Shopify CLI (`shopify app build`: esbuild bundles for the UI
// extensions, theme check for the theme extension), then prints each UI extension's bundle size, raw and
// gzipped, and fails when one is over budget. `npm run build:extensions`; tests/build/extensions-build.test.ts
// runs the same build in CI. Development tooling: nothing in the app imports it.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { parse } from "smol-toml";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const EXTENSIONS_DIR = path.join(ROOT, "extensions");
/** Our budget per UI extension, gzipped: half of Shopify's 64 KB compressed limit, so growth shows early. */
export const BUDGET_BYTES = 32 * 1024;
/** Shopify's own limit on a UI extension's compressed script. */
export const SHOPIFY_LIMIT_BYTES = 64 * 1024;

export interface ExtensionBundle {
  /** Folder under extensions/. */
  folder: string;
  handle: string;
  targets: string[];
  /** The built script, relative to the repository root. */
  file: string;
  raw: number;
  gzip: number;
}

interface ExtensionToml {
  type?: string;
  extensions?: { type?: string; handle?: string; targeting?: { target?: string }[] }[];
}

/** The UI extensions the CLI bundles (type ui_extension), read from each folder's shopify.extension.toml. */
export function uiExtensions(): { folder: string; handle: string; targets: string[] }[] {
  return readdirSync(EXTENSIONS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(EXTENSIONS_DIR, e.name, "shopify.extension.toml")))
    .flatMap((e) => {
      const toml = parse(readFileSync(path.join(EXTENSIONS_DIR, e.name, "shopify.extension.toml"), "utf8")) as ExtensionToml;
      return (toml.extensions ?? [])
        .filter((x) => x.type === "ui_extension" && x.handle)
        .map((x) => ({ folder: e.name, handle: x.handle as string, targets: (x.targeting ?? []).flatMap((t) => (t.target ? [t.target] : [])) }));
    })
    .sort((a, b) => a.folder.localeCompare(b.folder));
}

/** `shopify app build`, offline: no analytics, no dependency installation, nothing asked. Resolves with its output. */
export function runCliBuild(): Promise<string> {
  // The package exports no bin path; this is the file `npx shopify` runs.
  const cli = path.join(ROOT, "node_modules", "@shopify", "cli", "bin", "run.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "app", "build", "--skip-dependencies-installation", "--no-color", "--path", ROOT], {
      cwd: ROOT,
      env: { ...process.env, SHOPIFY_CLI_NO_ANALYTICS: "1", CI: "1", NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`shopify app build exited with ${code}:\n${output}`))));
  });
}

/** Sizes of the scripts the last build wrote (extensions/<folder>/dist/<handle>.js). */
export function measureBundles(): ExtensionBundle[] {
  return uiExtensions().map(({ folder, handle, targets }) => {
    const file = path.join(EXTENSIONS_DIR, folder, "dist", `${handle}.js`);
    if (!existsSync(file)) throw new Error(`The build wrote no ${path.relative(ROOT, file)}`);
    const code = readFileSync(file);
    return { folder, handle, targets, file: path.relative(ROOT, file), raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
  });
}

export async function buildExtensions(): Promise<ExtensionBundle[]> {
  await runCliBuild();
  return measureBundles();
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function sizeReport(bundles: readonly ExtensionBundle[]): string {
  const width = Math.max(...bundles.map((b) => b.handle.length), 9);
  const rows = bundles.map((b) => `${b.handle.padEnd(width)}  ${kb(b.raw).padStart(9)}  ${kb(b.gzip).padStart(9)}${b.gzip > BUDGET_BYTES ? "  OVER BUDGET" : ""}`);
  return [`${"extension".padEnd(width)}  ${"raw".padStart(9)}  ${"gzipped".padStart(9)}   (budget ${kb(BUDGET_BYTES)} gzipped each; Shopify's limit ${kb(SHOPIFY_LIMIT_BYTES)})`, ...rows].join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const bundles = await buildExtensions();
    console.log(sizeReport(bundles));
    if (bundles.some((b) => b.gzip > BUDGET_BYTES)) process.exitCode = 1;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}

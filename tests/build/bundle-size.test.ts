// The admin's client JavaScript stays small: every admin page loads at most BUDGET_KB (gzipped) of its own
// beyond what every admin page shares. Builds the client with the app's own Vite config (the Remix plugin)
// into a temporary directory, then reads Vite's manifest: a page's JS is its route chunk and every chunk it
// imports, less those of the entry, the root route and the admin layout (app/routes/app.tsx): React,
// Remix, i18next and Polaris' shared components, loaded once for the whole admin. A page over budget
// usually imports a server-only library into the browser (date-holidays through the business calendar, the
// message catalogs, zod schemas): keep those behind loaders and `.server` modules.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** Gzipped KB of an admin page's own JS (and of the admin layout's beyond the root). */
const BUDGET_KB = 60;

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
let outDir: string;

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

/** `vite build` (client only) with the project's config, written to `dir`. */
function buildClient(dir: string): Promise<void> {
  const script = `
    import { build } from "vite";
    await build({
      configFile: "vite.config.ts",
      logLevel: "error",
      plugins: [{ name: "bundle-size-out-dir", config: () => ({ build: { outDir: ${JSON.stringify(dir)}, emptyOutDir: true } }) }],
    });
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}:\n${output}`))));
  });
}

interface RouteSize {
  route: string;
  /** Own JS beyond the shared chunks, gzipped and raw (bytes). */
  gzip: number;
  raw: number;
  chunks: number;
}

function measure(manifest: Manifest, dir: string) {
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const size = (key: string) => {
    let known = sizes.get(key);
    if (!known) {
      const bytes = readFileSync(path.join(dir, manifest[key]!.file));
      known = { raw: bytes.length, gzip: gzipSync(bytes).length };
      sizes.set(key, known);
    }
    return known;
  };
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) closure(imported, seen);
    return seen;
  };
  const routeFile = (key: string) => key.replace(/\?.*$/, "");
  const keyOf = (file: string) => {
    const key = Object.keys(manifest).find((k) => routeFile(k) === file);
    if (!key) throw new Error(`${file} is not in the client manifest`);
    return key;
  };
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry && /entry\.client/.test(key));
  if (!entry) throw new Error("No client entry in the manifest");
  const rootShared = new Set([...closure(entry), ...closure(keyOf("app/root.tsx"))]);
  const layout = keyOf("app/routes/app.tsx");
  const adminShared = new Set([...rootShared, ...closure(layout)]);

  const own = (key: string, shared: Set<string>): RouteSize => {
    const chunks = [...closure(key)].filter((k) => !shared.has(k));
    return {
      route: routeFile(key),
      gzip: chunks.reduce((sum, k) => sum + size(k).gzip, 0),
      raw: chunks.reduce((sum, k) => sum + size(k).raw, 0),
      chunks: chunks.length,
    };
  };
  const sharedSize = (keys: Set<string>) => [...keys].reduce((sum, k) => sum + size(k).gzip, 0);
  const pages = Object.keys(manifest)
    .filter((key) => /^app\/routes\/app\.[^/]+\.tsx/.test(key))
    .map((key) => own(key, adminShared))
    .sort((a, b) => b.gzip - a.gzip);
  return { layout: own(layout, rootShared), pages, rootSharedGzip: sharedSize(rootShared), adminSharedGzip: sharedSize(adminShared) };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

let result: ReturnType<typeof measure>;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), "bp-bundle-"));
  await buildClient(outDir);
  const manifest = JSON.parse(readFileSync(path.join(outDir, ".vite", "manifest.json"), "utf8")) as Manifest;
  result = measure(manifest, outDir);
  const rows = [result.layout, ...result.pages].map(
    (r) => `${r.route.padEnd(52)} ${kb(r.gzip).padStart(8)} ${kb(r.raw).padStart(9)} ${String(r.chunks).padStart(7)}`,
  );
  console.log(
    [
      `Client JS per admin route (KB = 1,024 bytes; budget ${BUDGET_KB} KB gzipped)`,
      `shared by every page: entry + root ${kb(result.rootSharedGzip)} KB gz; with the admin layout ${kb(result.adminSharedGzip)} KB gz`,
      `${"route (own JS beyond the shared chunks)".padEnd(52)} ${"gzip".padStart(8)} ${"raw".padStart(9)} ${"chunks".padStart(7)}`,
      ...rows,
      `(app/routes/app.tsx: the layout, beyond the root; every other row: beyond the root and the layout)`,
    ].join("\n"),
  );
}, 180_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe("admin client bundles", () => {
  it(`keeps every admin page within ${BUDGET_KB} KB gzipped of its own JavaScript`, () => {
    // GIVEN the production client build
    // WHEN measuring each admin route's own chunks
    // THEN none is over budget (the product page once shipped the holidays data: 135 KB)
    expect(result.pages.length).toBeGreaterThan(5);
    const over = result.pages.filter((page) => page.gzip > BUDGET_KB * 1024).map((page) => `${page.route}: ${kb(page.gzip)} KB`);
    expect(over).toEqual([]);
  });

  it(`keeps the admin layout within ${BUDGET_KB} KB gzipped beyond the root`, () => {
    // GIVEN the layout every admin page loads (App Bridge, Polaris' provider and page frame)
    // THEN it stays within the same budget
    expect(result.layout.gzip).toBeLessThanOrEqual(BUDGET_KB * 1024);
  });
});

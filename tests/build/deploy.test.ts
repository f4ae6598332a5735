// The deployment files (docs/deploy.md) refer to things that exist. Docker cannot run here, so the image is
// not built by the suite: instead, every script, file and folder the Dockerfile names must exist, nothing it
// copies may be excluded by .dockerignore, and the standalone worker it runs in production (bundled by
// `npm run build:worker`, started with plain node, no tsx) must boot and stop cleanly on SIGTERM.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dockerfile = readFileSync("Dockerfile", "utf8");
const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
const ignored = readFileSync(".dockerignore", "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#"));

/** Dockerfile instructions, continuation lines joined. */
const instructions = dockerfile
  .replace(/\\\n/g, " ")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#"));

/** `npm run X` / `npm start` names in a command, and the scripts those scripts run in turn. */
function npmScripts(command: string): string[] {
  const names = [...command.matchAll(/npm (?:run (\S+)|(start))/g)].map((m) => (m[1] ?? m[2]) as string);
  return names.flatMap((name) => [name, ...(scripts[name] ? npmScripts(scripts[name]) : [])]);
}

/** Whether a .dockerignore pattern (simple globs, as used there) matches a path of the context. */
function isIgnored(file: string): boolean {
  return ignored.some((pattern) => {
    const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}(/.*)?$`);
    return re.test(file);
  });
}

describe("the Dockerfile", () => {
  it("runs only npm scripts that exist, down to the scripts they call", () => {
    // GIVEN the Dockerfile's RUN and CMD commands WHEN their npm scripts are resolved THEN each exists
    const commands = instructions.filter((line) => /^(RUN|CMD) /.test(line));
    const names = commands.flatMap((line) => npmScripts(line));
    expect(names).toEqual(expect.arrayContaining(["build", "build:worker", "setup", "prisma:generate"]));
    for (const name of names) expect(scripts[name], `npm script ${name}`).toBeDefined();
  });

  it("copies files and folders that exist and that .dockerignore does not exclude", () => {
    // GIVEN the COPY instructions from the build context (not those from the build stage)
    const sources = instructions
      .filter((line) => line.startsWith("COPY ") && !line.includes("--from="))
      .flatMap((line) => line.split(/\s+/).slice(1, -1))
      .filter((source) => source !== ".");
    // THEN each source exists and reaches the build context
    expect(sources).toEqual(expect.arrayContaining(["package-lock.json", "prisma", "server.js", "prisma.config.ts"]));
    for (const source of sources) {
      expect(existsSync(source), source).toBe(true);
      expect(isIgnored(source), `${source} is excluded by .dockerignore`).toBe(false);
    }
    // AND the files prisma.config.ts imports are among them (the postinstall's prisma generate loads it)
    const configImports = [...readFileSync("prisma.config.ts", "utf8").matchAll(/from "\.\/(app\/[^"]+)"/g)].map((m) => `${m[1]}.ts`);
    expect(configImports.length).toBeGreaterThan(0);
    for (const file of configImports) expect(sources, `prisma.config.ts imports ${file}`).toContain(file);
  });

  it("starts the server and the worker from files the build produces or the context holds", () => {
    // GIVEN the command WHEN its files are read THEN server.js is the context's and the build is the build script's output
    const cmd = instructions.find((line) => line.startsWith("CMD ")) ?? "";
    expect(cmd).toContain("exec node ./server.js ./build/server/index.js");
    expect(scripts.start).toBe("node ./server.js ./build/server/index.js");
    expect(dockerfile).toContain("node build/worker/index.js");
    expect(scripts["worker:start"]).toBe("node build/worker/index.js");
    // AND the context excludes local databases, secrets and dependencies
    for (const file of ["node_modules", ".env", "prisma/dev.sqlite", "build"]) expect(isIgnored(file), file).toBe(true);
  });
});

describe("the production worker bundle", () => {
  it("boots with plain node (no tsx) and stops cleanly on SIGTERM", async () => {
    // GIVEN the worker bundled as `npm run build:worker` does, into a temporary folder inside the project
    // (the bundle finds its packages in node_modules from where it lies; tmp/ is git-ignored)
    mkdirSync("tmp", { recursive: true });
    const dir = mkdtempSync(path.resolve("tmp", "worker-build-"));
    const outfile = path.join(dir, "index.js");
    const built = spawnSync(process.execPath, ["--import", "tsx", "dev/scripts/build-worker.ts", outfile], { encoding: "utf8" });
    expect(built.status, built.stderr).toBe(0);

    // WHEN it runs with node alone and receives SIGTERM once started
    const worker = spawn(process.execPath, [outfile], {
      env: { ...process.env, NODE_ENV: "test", SHOPIFY_TESTING: "", JOBS_POLL_MS: "100" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    worker.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => worker.once("exit", (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    while (!output.includes("started") && worker.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    worker.kill("SIGTERM");

    // THEN it had started on the test's database, finished cleanly, and exited 0
    expect(output).toMatch(/\[jobs\] worker \S+ started/);
    expect(await exited).toBe(0);
    expect(output).toContain("SIGTERM: finishing the jobs in hand");
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

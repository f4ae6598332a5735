// Fault: a web process told to stop (SIGTERM, what every platform sends before a deploy or a scale-down)
// while it serves a slow request and runs a job. The real `server.js` (what `npm start` runs) serves a
// small Remix build (tests/faults/server-build.ts) in a child process, with the job worker started in the
// web process as app/jobs/in-process.server.ts does, on the test's database (SQLite, or PostgreSQL on
// `npm run test:postgres`).
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { http, passthrough } from "msw";
import prisma from "~/db.server";
import { enqueueJob } from "~/jobs/queue.server";
import { TEST_SHOP } from "../helpers/requests";
import { mswServer } from "../setup/vitest.setup";

let child: ChildProcess | null = null;
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  child = null;
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function startServer(port: number) {
  const proc = spawn(process.execPath, ["--import", "tsx", path.resolve("server.js"), path.resolve("tests/faults/server-build.ts")], {
    env: { ...process.env, NODE_ENV: "test", PORT: String(port), HOST: "127.0.0.1", SLOW_MS: "1500", JOB_MS: "3000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const waiters: { text: string; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) {
      output.push(line);
      for (const w of waiters.filter((w) => line.includes(w.text))) w.resolve();
    }
  };
  proc.stdout?.on("data", onData);
  proc.stderr?.on("data", onData);
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  const waitFor = (text: string, timeoutMs = 60_000) =>
    output.some((line) => line.includes(text))
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`server never printed ${text}:\n${output.join("\n")}`)), timeoutMs);
          waiters.push({ text, resolve: () => (clearTimeout(timer), resolve()) });
        });
  return { proc, output, exited, waitFor };
}

describe("graceful shutdown of a web process", () => {
  it("on SIGTERM refuses new connections, finishes the request and the job in hand, and exits 0", async () => {
    // GIVEN a web process running a slow job (3 s: it outlasts the request) and serving a slow request (1.5 s)
    const job = await enqueueJob({ shop: TEST_SHOP, kind: "test.slow", payload: {} });
    const port = await freePort();
    // Real HTTP to the child on loopback (msw refuses every other outbound request).
    mswServer.use(http.all(`http://127.0.0.1:${port}/*`, () => passthrough()));
    const server = startServer(port);
    child = server.proc;
    await server.waitFor("[server] http://");
    await server.waitFor("JOB STARTED");
    const slow = fetch(`http://127.0.0.1:${port}/slow`).then(async (res) => ({ status: res.status, body: await res.text() }));
    await server.waitFor("REQUEST STARTED");

    // WHEN the platform sends SIGTERM
    server.proc.kill("SIGTERM");
    await server.waitFor("refusing new connections");

    // THEN a new connection is refused at once, while the request in flight completes with its answer
    const late = await fetch(`http://127.0.0.1:${port}/slow`).then(
      (res) => `answered ${res.status}`,
      (error: Error) => String((error.cause as { code?: string } | undefined)?.code ?? error.message),
    );
    expect(late).toBe("ECONNREFUSED");
    expect(await slow).toEqual({ status: 200, body: "slow done" });
    // AND the job in hand finished and was recorded before the process exited, with code 0
    expect(await server.exited).toBe(0);
    expect(server.output).toContain("JOB FINISHED");
    expect(server.output.some((line) => line.includes("[server] drained"))).toBe(true);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id }, select: { status: true, attempts: true } })).toEqual({
      status: "succeeded",
      attempts: 1,
    });
    // A child process boots with tsx (several seconds on a busy machine) and drains for up to 3 s
  }, 90_000);
});

// Real worker processes for the fault tests: children running tests/faults/worker-child.ts against the
// test's database, forwarding Shopify calls to the Admin fake served on loopback HTTP (dev/admin-fake/http.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
export { serveFake } from "../../dev/admin-fake/http";

export interface WorkerChild {
  process: ChildProcess;
  workerId: string;
  output: string[];
  /** Resolves when the child prints `line` (READY, PAUSED). */
  waitFor(line: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export function execLogFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "backorder-exec-")), "exec.log");
}

export function startWorkerChild(options: { workerId: string; fakeUrl: string; execLog: string; pauseAfter?: string; leaseMs?: number; concurrency?: number }): WorkerChild {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("tests/faults/worker-child.ts")], {
    env: {
      ...process.env,
      NODE_ENV: "test",
      FAKE_URL: options.fakeUrl,
      WORKER_ID: options.workerId,
      EXEC_LOG: options.execLog,
      PAUSE_AFTER: options.pauseAfter ?? "",
      JOBS_LEASE_MS: String(options.leaseMs ?? 30_000),
      CONCURRENCY: String(options.concurrency ?? 4),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const waiters: { line: string; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) {
      output.push(line);
      for (const w of waiters.filter((w) => w.line === line)) w.resolve();
    }
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", (chunk: Buffer) => output.push(`stderr: ${chunk.toString().trim()}`));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    process: child,
    workerId: options.workerId,
    output,
    waitFor(line, timeoutMs = 30_000) {
      if (output.includes(line)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${options.workerId} never printed ${line}:\n${output.join("\n")}`)), timeoutMs);
        waiters.push({
          line,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
        child.once("exit", (code) => {
          clearTimeout(timer);
          reject(new Error(`${options.workerId} exited (${code}) before ${line}:\n${output.join("\n")}`));
        });
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Lines "jobId attempt workerId" written by the children when they start a job attempt. */
export function readExecLog(file: string): { jobId: string; attempt: number; workerId: string }[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [jobId, attempt, workerId] = line.split(" ");
      return { jobId: jobId as string, attempt: Number(attempt), workerId: workerId as string };
    });
}

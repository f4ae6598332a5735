// Starts the demo in a child process and headless Chromium (Debian's, never a downloaded browser).
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

export const OUTPUT_DIR = path.resolve("test-results", "e2e");

/** A desktop Chrome user agent: the Shopify library answers 410 to bots, and HeadlessChrome counts as one. */
export const BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

export interface DemoProcess {
  adminUrl: string;
  baseUrl: string;
  stop(): Promise<void>;
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    if (child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
    }
  });
}

/** Runs a command until a line matches `ready`; returns the match and a stopper. */
export function startProcess(
  command: string,
  args: string[],
  ready: RegExp,
  env: Record<string, string | undefined> = {},
  timeoutMs = 180_000,
  logFile?: string,
): Promise<{ match: RegExpExecArray; stop: () => Promise<void> }> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  // Everything the process prints, kept for the whole run: a failing test's server-side error is in it
  if (logFile) {
    mkdirSync(path.dirname(logFile), { recursive: true });
    const log = createWriteStream(logFile);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopChild(child);
      reject(new Error(`${command} ${args.join(" ")} was not ready after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ match, stop: () => stopChild(child) });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before it was ready:\n${output}`));
    });
  });
}

export async function startDemoProcess(name = "demo"): Promise<DemoProcess> {
  const databaseFile = path.join(mkdtempSync(path.join(tmpdir(), "bp-e2e-")), "demo.sqlite");
  const { match, stop } = await startProcess(
    "npx",
    ["tsx", "dev/demo/main.ts", "--port", "0"],
    /Admin \(embedded app\): (http:\/\/localhost:(\d+))\/__demo\/admin/,
    { DEMO_DATABASE_FILE: databaseFile, NODE_ENV: "development" },
    180_000,
    path.join(OUTPUT_DIR, `${name}-server.log`),
  );
  return { adminUrl: `${match[1]}/__demo/admin`, baseUrl: match[1]!, stop };
}

export async function launchChromium(): Promise<Browser> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

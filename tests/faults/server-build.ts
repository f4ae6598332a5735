// A small Remix server build for tests/faults/graceful-shutdown.test.ts, served by the real `server.js`
// (`node --import tsx server.js tests/faults/server-build.ts`): one slow resource route, and the job worker
// started as app/jobs/in-process.server.ts starts it in the web process (on globalThis, where server.js
// finds it), with a slow job kind. Lines on stdout tell the test where the process is: REQUEST STARTED,
// JOB STARTED, JOB FINISHED.
import type { ServerBuild } from "@remix-run/node";
import { createWorker } from "~/jobs/worker.server";

const SLOW_MS = Number(process.env.SLOW_MS ?? 1_500);
const JOB_MS = Number(process.env.JOB_MS ?? 3_000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const worker = createWorker({
  workerId: "web-in-process",
  concurrency: 1,
  pollMs: 50,
  schedule: false,
  deliverEmails: false,
  log: (line) => console.log(line),
  handlers: {
    "test.slow": async () => {
      console.log("JOB STARTED");
      await sleep(JOB_MS);
      console.log("JOB FINISHED");
    },
  },
});
globalThis.backorderPilotWorker = worker;
worker.start();

const slowRoute = {
  loader: async () => {
    console.log("REQUEST STARTED");
    await sleep(SLOW_MS);
    return new Response("slow done", { headers: { "Content-Type": "text/plain" } });
  },
};

export const mode = "production";
export const future = { v3_singleFetch: false };
export const publicPath = "/assets/";
export const assetsBuildDirectory = "build/client/assets";
export const isSpaMode = false;
export const basename = "/";
export const entry = {
  module: {
    default: () => new Response("no documents in this build", { status: 404 }),
  },
};
export const routes = {
  root: { id: "root", path: "", module: {} },
  "routes/slow": { id: "routes/slow", parentId: "root", path: "slow", module: slowRoute },
};
export const assets = {
  version: "test",
  url: "/assets/manifest.js",
  entry: { module: "/assets/entry.js", imports: [] },
  routes: {
    root: { id: "root", path: "", module: "/assets/root.js", hasLoader: false, hasAction: false, hasErrorBoundary: false, hasClientAction: false, hasClientLoader: false, imports: [] },
    "routes/slow": { id: "routes/slow", parentId: "root", path: "slow", module: "/assets/slow.js", hasLoader: true, hasAction: false, hasErrorBoundary: false, hasClientAction: false, hasClientLoader: false, imports: [] },
  },
};

// Type check only: the named exports above are a ServerBuild.
export const _build = { mode, future, publicPath, assetsBuildDirectory, isSpaMode, basename, entry, routes, assets } as unknown as ServerBuild;

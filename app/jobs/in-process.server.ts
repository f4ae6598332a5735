// The worker inside the web process (the default for `npm start` and `npm run demo`): started once per
// process from app/entry.server.tsx. JOBS_WORKER=off leaves the work to `npm run worker` processes; the
// test suite drives workers explicitly (SHOPIFY_TESTING). On SIGTERM, `server.js` (`npm start`) stops it and
// waits for the jobs in hand, as it waits for the requests in flight (tests/faults/graceful-shutdown.test.ts).
import { env } from "~/env.server";
import { jobsConfig } from "./config.server";
import { createWorker, type JobWorker } from "./worker.server";

declare global {
  var backorderPilotWorker: JobWorker | undefined;
}

export function ensureInProcessWorker(): JobWorker | null {
  if (jobsConfig.JOBS_WORKER === "off" || env.SHOPIFY_TESTING) return null;
  // On globalThis: Vite's dev server re-evaluates modules, and one worker per process is the point.
  if (!globalThis.backorderPilotWorker) {
    // One job at a time: better-sqlite3 runs queries on the event loop, and webhooks must be answered fast.
    const worker = createWorker({ concurrency: jobsConfig.JOBS_CONCURRENCY ?? 1, yieldToRequests: true });
    globalThis.backorderPilotWorker = worker;
    worker.start();
    console.log(`[jobs] in-process worker ${worker.workerId} started`);
  }
  return globalThis.backorderPilotWorker;
}

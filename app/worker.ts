// `npm run worker`: background jobs in a process of their own (run the web with JOBS_WORKER=off, or not:
// any number of workers can share the database, claims are compare-and-set). Stops cleanly on SIGINT /
// SIGTERM, finishing the jobs in hand; a killed worker's jobs come back when their lease expires.
import { createWorker } from "~/jobs/worker.server";
import { jobsConfig } from "~/jobs/config.server";

const worker = createWorker({ keepProcessAlive: true });
worker.start();
console.log(
  `[jobs] worker ${worker.workerId} started: concurrency ${jobsConfig.JOBS_CONCURRENCY ?? 4}, poll ${jobsConfig.JOBS_POLL_MS} ms, ` +
    `lease ${jobsConfig.JOBS_LEASE_MS} ms, reconciliation every ${jobsConfig.JOBS_RECONCILE_MINUTES} min`,
);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`[jobs] ${signal}: finishing the jobs in hand…`);
    void worker.stop().then(() => process.exit(0));
  });
}

// A real worker process for the fault tests, started by tests/faults/processes.ts with `node --import tsx`.
// It shares the test's SQLite file and reaches the test's Admin fake over loopback HTTP (msw forwards
// Shopify URLs to FAKE_URL), so several processes work on one shop exactly as production workers would.
//
// Env: DATABASE_URL, SHOPIFY_* (testing), FAKE_URL, WORKER_ID, EXEC_LOG (one line per job attempt started),
// PAUSE_AFTER (an operation name: once a request containing it was answered, every later Shopify call
// hangs and the process prints PAUSED, so the test can kill it mid-job), JOBS_LEASE_MS, CONCURRENCY.
import { appendFileSync, existsSync } from "node:fs";
import { setupServer } from "msw/node";
import { http, HttpResponse } from "msw";

const fakeUrl = process.env.FAKE_URL as string;
const workerId = process.env.WORKER_ID ?? `child-${process.pid}`;
const execLog = process.env.EXEC_LOG as string;
const pauseAfter = process.env.PAUSE_AFTER || null;
let paused = false;

const forward = setupServer(
  http.all(/^https:\/\/[^/]+\.myshopify\.com\/admin\//, async ({ request }) => {
    if (paused) await new Promise(() => {}); // frozen: the test kills us here
    const body = await request.text();
    const url = new URL(request.url);
    const response = await fetch(`${fakeUrl}${url.pathname}${url.search}`, {
      method: request.method,
      headers: {
        "Content-Type": request.headers.get("Content-Type") ?? "application/json",
        "X-Shopify-Access-Token": request.headers.get("X-Shopify-Access-Token") ?? "",
        "X-Forwarded-Host": url.host,
      },
      body: request.method === "GET" ? undefined : body,
    });
    const text = await response.text();
    if (pauseAfter && body.includes(pauseAfter)) {
      // Shopify has applied the mutation; the app never sees the answer (so it cannot record it) and
      // the test kills us while we wait.
      paused = true;
      process.stdout.write("PAUSED\n");
      await new Promise(() => {});
    }
    return new HttpResponse(text, { status: response.status, headers: { "Content-Type": response.headers.get("Content-Type") ?? "application/json" } });
  }),
);
forward.listen({ onUnhandledRequest: "bypass" });

// App modules only after msw listens: the Shopify library captures fetch when it is first imported.
const { createWorker } = await import("~/jobs/worker.server");
const { jobHandlers } = await import("~/jobs/handlers.server");
type Handler = (typeof jobHandlers)[keyof typeof jobHandlers];

const record = (job: { id: string; attempts: number }) => appendFileSync(execLog, `${job.id} ${job.attempts} ${workerId}\n`);
const handlers: Record<string, Handler> = {};
for (const [kind, handler] of Object.entries(jobHandlers)) {
  handlers[kind] = (payload, ctx) => {
    record(ctx.job);
    return handler(payload, ctx);
  };
}
handlers["test.probe"] = async (payload, ctx) => {
  record(ctx.job);
  // `untilFile`: runs until the test creates that file (a job in hand at a moment the test chooses).
  const { ms, untilFile } = payload as { ms?: number; untilFile?: string };
  if (untilFile) while (!existsSync(untilFile)) await new Promise((resolve) => setTimeout(resolve, 20));
  else await new Promise((resolve) => setTimeout(resolve, Number(ms ?? 5)));
};

const worker = createWorker({
  workerId,
  concurrency: Number(process.env.CONCURRENCY ?? 4),
  pollMs: 20,
  leaseMs: Number(process.env.JOBS_LEASE_MS ?? 30_000),
  schedule: false,
  deliverEmails: false,
  keepProcessAlive: true,
  handlers,
  runtime: { retryBaseMs: 100, maxRetryDelayMs: 1_000, adminClientOptions: { baseDelayMs: 50 } },
  // Failed attempts are worth seeing in the test output; successes are not.
  log: (line) => {
    if (/failed|lost/.test(line)) process.stdout.write(`${line}\n`);
  },
});
worker.start();
process.stdout.write("READY\n");

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    void worker.stop().finally(() => {
      forward.close();
      process.exit(0);
    });
  });
}

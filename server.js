// `npm start`: the production web server. What remix-serve does (Express, compression, the client assets
// with immutable caching, public/ for an hour, Remix's request handler, PORT and HOST), plus a graceful
// shutdown that remix-serve lacks: on SIGTERM or SIGINT the listener closes at once (new connections are
// refused, a load balancer moves on), in-flight requests finish (keep-alive connections are closed as
// they become idle), and the in-process job worker (app/jobs/in-process.server.ts) finishes the jobs in
// hand. Then the process exits 0; past SHUTDOWN_TIMEOUT_MS (default 25 s, under the 30 s most platforms
// wait before SIGKILL) it closes what is left and exits 1. Proof: tests/faults/graceful-shutdown.test.ts.
//
// Plain JavaScript on purpose: production runs `node server.js` without tsx. Express, compression, morgan
// and @remix-run/express come with @remix-run/serve, a production dependency.
//
// Usage: node server.js [server build, default build/server/index.js]
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";

const buildPath = path.resolve(process.argv[2] ?? "build/server/index.js");
const build = await import(pathToFileURL(buildPath).href);
// Node's own fetch, Request and Response, as in development (vite.config.ts) and the tests. remix-serve
// installs them only with v3_singleFetch, and otherwise swaps in a polyfill whose Response has no static
// `Response.json` (GET /healthz answered 500 under remix-serve).
installGlobals({ nativeFetch: true });

const port = Number(process.env.PORT) || 3000;
const host = process.env.HOST;
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS) || 25_000;
let shuttingDown = false;

const app = express();
app.disable("x-powered-by");
// While draining, every response closes its connection: a keep-alive client reconnects elsewhere.
app.use((_req, res, next) => {
  if (shuttingDown) res.setHeader("Connection", "close");
  next();
});
app.use(compression());
if (build.publicPath && build.assetsBuildDirectory) {
  app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
}
app.use(express.static("public", { maxAge: "1h" }));
app.use(morgan("tiny"));
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

const server = host ? app.listen(port, host, onListen) : app.listen(port, onListen);

function onListen() {
  console.log(`[server] http://${host ?? "localhost"}:${port}`);
}

async function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  const force = setTimeout(() => {
    console.error(`[server] still busy after ${shutdownTimeoutMs} ms: closing the remaining connections`);
    server.closeAllConnections();
    process.exit(1);
  }, shutdownTimeoutMs);
  force.unref();
  // close() stops listening at once; only then is "refusing new connections" true (said before it, a connection
  // made in between would be accepted into the backlog and then reset).
  const requestsDone = new Promise((resolve) => server.close(resolve));
  console.log(`[server] ${signal}: refusing new connections, finishing in-flight requests and jobs…`);
  server.closeIdleConnections();
  const idle = setInterval(() => server.closeIdleConnections(), 200);
  idle.unref();
  // Set by app/jobs/in-process.server.ts when this process runs jobs (JOBS_WORKER is not `off`).
  const worker = globalThis.backorderPilotWorker;
  await Promise.all([requestsDone, worker ? worker.stop() : undefined]);
  console.log("[server] drained: exiting");
  process.exit(0);
}

for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => void shutdown(signal));

// `npm run build:worker`: bundles the standalone worker (app/worker.ts) into build/worker/index.js, so
// production runs it with plain `node` (`npm run worker:start`, the Dockerfile's worker command) like `server.js`, without tsx (a
// development dependency, absent from an `npm ci --omit=dev` image). The app's own modules (`~/…`) are
// bundled; every package stays an import from node_modules, as in Remix's server build.
import { build } from "esbuild";

// The output file: build/worker/index.js, or the first argument (tests/build/deploy.test.ts builds elsewhere).
const WORKER_OUTFILE = process.argv[2] ?? "build/worker/index.js";

await build({
  entryPoints: ["app/worker.ts"],
  outfile: WORKER_OUTFILE,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  plugins: [
    {
      name: "packages-external",
      setup(b) {
        // Bare specifiers (packages, node: builtins) stay imports; `~/` and relative paths are the app's code.
        // JSON files (Polaris' locales) are bundled: Node imports JSON only with an import attribute.
        b.onResolve({ filter: /^[^./~]/ }, (args) => (args.path.endsWith(".json") ? undefined : { path: args.path, external: true }));
      },
    },
  ],
});
console.log(`[build:worker] ${WORKER_OUTFILE}`);

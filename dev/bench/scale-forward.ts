// Preloaded into the scale benchmark's production processes (`node --import tsx --import ./dev/bench/scale-forward.ts
// server.js …`, and the same before build/worker/index.js): their calls to Shopify (Admin API, bulk operations'
// staged uploads and results) go to the Admin fake the benchmark serves on loopback (FAKE_URL, serveFake in
// dev/admin-fake/http.ts). Installed here, before the server build is imported, because the Shopify library
// keeps the global fetch it finds when it loads.
//
// A plain fetch wrapper, not the msw forwarder the other benches use (shopifyForwarder): msw patches the global
// Headers, Request and Response, and server.js then installs undici's (installGlobals), which breaks msw's
// patched classes ("inferRawHeaders(...) is not iterable"). Any other URL goes out untouched.
import { servedFakeUrl } from "../admin-fake/http";

const fakeUrl = process.env.FAKE_URL as string;
const original = globalThis.fetch;

globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  const target = servedFakeUrl(fakeUrl, url);
  if (!target) return original(input, init);
  return input instanceof Request ? original(new Request(target, input), init) : original(target, init);
};

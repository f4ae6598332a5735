// The Admin fake served on loopback HTTP, for code running in other processes (the fault tests' worker
// children, the benchmark's separate worker): they forward their Shopify calls here.
import { createServer, type Server } from "node:http";
import { BULK_RESULTS_BUCKET_URL, STAGED_UPLOADS_URL } from "./bulk";
import type { AdminFake } from "./fake";

// Loopback paths standing for the two Google Cloud Storage hosts of bulk operations: the staged-upload
// form POST and the results download.
const STAGED_UPLOADS_PATH = "/__staged-uploads/";
const BULK_RESULTS_PATH = "/__bulk-results/";

/** The URL a request to the served fake stands for (the shop's Admin API unless it is a storage path). */
function targetUrl(shop: string, path: string): string {
  if (path.startsWith(STAGED_UPLOADS_PATH)) return STAGED_UPLOADS_URL + path.slice(STAGED_UPLOADS_PATH.length);
  if (path.startsWith(BULK_RESULTS_PATH)) return BULK_RESULTS_BUCKET_URL + path.slice(BULK_RESULTS_PATH.length);
  return `https://${shop}${path}`;
}

/**
 * The served fake's URL (at `fakeUrl`) standing for `url`: a shop's Admin API, the staged-upload form or a bulk
 * results download; null for any other URL. For a process that forwards with its own fetch wrapper.
 */
export function servedFakeUrl(fakeUrl: string, url: string): string | null {
  const admin = /^https:\/\/[^/]+\.myshopify\.com(\/admin\/.*)$/.exec(url)?.[1];
  if (admin) return fakeUrl + admin;
  if (url.startsWith(STAGED_UPLOADS_URL)) return fakeUrl + STAGED_UPLOADS_PATH + url.slice(STAGED_UPLOADS_URL.length);
  if (url.startsWith(BULK_RESULTS_BUCKET_URL)) return fakeUrl + BULK_RESULTS_PATH + url.slice(BULK_RESULTS_BUCKET_URL.length);
  return null;
}

/** Serves `fake` over HTTP on 127.0.0.1 (the children forward Shopify calls here). */
export async function serveFake(fake: AdminFake, shop: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
        const response = await fake.fetch(targetUrl(shop, req.url ?? "/"), {
          method: req.method ?? "POST",
          headers,
          body: req.method === "GET" ? undefined : Buffer.concat(chunks),
        });
        const out: Record<string, string> = { "Content-Type": response.headers.get("Content-Type") ?? "application/json" };
        const etag = response.headers.get("ETag");
        if (etag) out.ETag = etag;
        res.writeHead(response.status, out);
        res.end(Buffer.from(await response.arrayBuffer()));
      })().catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
    });
  });
  // A child may stay idle for minutes (a benchmark seeding its database) and then reuse its pooled connection:
  // with Node's 5 s default the server has closed it just as the request goes out ("other side closed").
  server.keepAliveTimeout = 15 * 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * The other side, for a process whose Shopify calls must reach a fake served by another process: an msw
 * server (not yet listening: call `listen` once the process's fetch is the one to intercept) that forwards
 * every Admin API request to `fakeUrl` over loopback, and the bulk-operation storage traffic: the staged
 * upload's multipart POST (body bytes and Content-Type with its boundary kept) and results downloads.
 */
export async function shopifyForwarder(fakeUrl: string) {
  const { setupServer } = await import("msw/node");
  const { http, HttpResponse } = await import("msw");
  return setupServer(
    http.all(/^https:\/\/[^/]+\.myshopify\.com\/admin\//, async ({ request }) => {
      const url = new URL(request.url);
      const response = await fetch(`${fakeUrl}${url.pathname}`, {
        method: request.method,
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": request.headers.get("X-Shopify-Access-Token") ?? "" },
        body: await request.text(),
      });
      return new HttpResponse(await response.text(), { status: response.status, headers: { "Content-Type": "application/json" } });
    }),
    http.post(STAGED_UPLOADS_URL, async ({ request }) => {
      const response = await fetch(`${fakeUrl}${STAGED_UPLOADS_PATH}`, {
        method: "POST",
        headers: { "Content-Type": request.headers.get("Content-Type") ?? "" },
        body: await request.arrayBuffer(),
      });
      return relay(response);
    }),
    http.get(`${BULK_RESULTS_BUCKET_URL}*`, async ({ request }) => {
      const path = request.url.slice(BULK_RESULTS_BUCKET_URL.length);
      return relay(await fetch(`${fakeUrl}${BULK_RESULTS_PATH}${path}`));
    }),
  );
  async function relay(response: Response) {
    const headers: Record<string, string> = { "Content-Type": response.headers.get("Content-Type") ?? "application/octet-stream" };
    const etag = response.headers.get("ETag");
    if (etag) headers.ETag = etag;
    return new HttpResponse(await response.arrayBuffer(), { status: response.status, headers });
  }
}

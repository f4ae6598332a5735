// The Admin fake served on loopback HTTP, for code running in other processes (the fault tests' worker
// children, the benchmark's separate worker): they forward their Shopify calls here.
import { createServer, type Server } from "node:http";
import type { AdminFake } from "./fake";

/** Serves `fake` over HTTP on 127.0.0.1 (the children forward Shopify calls here). */
export async function serveFake(fake: AdminFake, shop: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
        const response = await fake.fetch(`https://${shop}${req.url ?? "/"}`, {
          method: req.method ?? "POST",
          headers,
          body: req.method === "GET" ? undefined : Buffer.concat(chunks),
        });
        res.writeHead(response.status, { "Content-Type": response.headers.get("Content-Type") ?? "application/json" });
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
 * every Admin API request to `fakeUrl` over loopback.
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
  );
}

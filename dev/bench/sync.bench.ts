// Sync benchmark: enable backorders on 10,000 variants (2,000 products × 5) in one bulk sync against the
// Admin fake configured like Shopify's Standard plan (bucket 2,000 points, restore 100/s), in simulated
// time. The app's production path runs unchanged: unauthenticated.admin(shop).graphql from the library,
// our throttle-aware client, Prisma on a fresh SQLite file. Only the clock is simulated (the client's
// `sleep` advances it, the fake's bucket reads it).
//
// App modules are imported dynamically: env and DATABASE_URL must be set, and msw listening, before the
// Shopify library is first imported (it captures `fetch`).
import type { SyncReport } from "~/workflows/catalog/backorder-sync.server";
import { fmt } from "./lib";

const SHOP = "bench-shop.myshopify.com";
const PRODUCTS = 2_000;
const VARIANTS_PER_PRODUCT = 5;
const START = Date.parse("2026-11-27T09:00:00Z");
const BUCKET = { maximumAvailable: 2_000, restoreRate: 100 };

export async function syncBench(): Promise<string[]> {
  const out: string[] = [];
  const { createTestDatabase } = await import("../database");
  const { API_KEY, API_SECRET_KEY, APP_URL, setUpValidSession } = await import("@shopify/shopify-api/test-helpers");
  process.env.DATABASE_URL = createTestDatabase();
  process.env.SHOPIFY_TESTING = "1";
  process.env.SHOPIFY_API_KEY = API_KEY;
  process.env.SHOPIFY_API_SECRET = API_SECRET_KEY;
  process.env.SHOPIFY_APP_URL = APP_URL;

  const clock = { t: START };
  const now = () => clock.t;
  const sleep = async (ms: number) => {
    clock.t += ms;
  };

  const { createAdminFake } = await import("../admin-fake");
  const fake = createAdminFake({ shop: SHOP, now, bucket: BUCKET });
  const { setupServer } = await import("msw/node");
  const server = setupServer(...fake.handlers);
  server.listen({ onUnhandledRequest: "error" });

  try {
    const buildStart = performance.now();
    const rows: { shop: string; productId: string; variantId: string; mode: string; leadTimeDays: number }[] = [];
    for (let p = 0; p < PRODUCTS; p++) {
      const { product, variants } = fake.store.addProduct({
        title: `Bench product ${p}`,
        variants: Array.from({ length: VARIANTS_PER_PRODUCT }, (_, v) => ({
          options: { Size: `S${v}` },
          sku: `B-${p}-${v}`,
          available: 0,
        })),
      });
      for (const v of variants) rows.push({ shop: SHOP, productId: product.id, variantId: v.id, mode: "always", leadTimeDays: 14 });
    }

    const { default: prisma } = await import("~/db.server");
    const { sessionStorage, unauthenticated } = await import("~/shopify.server");
    const { syncVariants } = await import("~/workflows/catalog/backorder-sync.server");
    const { createAdminClient } = await import("~/shopify/admin-client.server");
    await sessionStorage.storeSession(setUpValidSession({ shop: SHOP, accessToken: fake.accessToken, scope: "testScope" }));
    for (let i = 0; i < rows.length; i += 1_000) await prisma.backorderVariant.createMany({ data: rows.slice(i, i + 1_000) });
    const buildMs = performance.now() - buildStart;
    out.push(`info  sync: ${PRODUCTS} products × ${VARIANTS_PER_PRODUCT} variants seeded in ${fmt(buildMs)} ms`);

    const { admin } = await unauthenticated.admin(SHOP);
    // One client for both runs, as one worker would keep it: its bucket model carries over. (A fresh
    // client knows nothing of the bucket until its first response, so that first call is not paced.)
    const client = createAdminClient(admin.graphql, { now, sleep });
    const realStart = performance.now();
    const report: SyncReport = await syncVariants({ shop: SHOP, graphql: admin.graphql, client, now: new Date(START) });
    const realMs = performance.now() - realStart;
    const simulatedS = (clock.t - START) / 1000;

    const continued = rows.filter((r) => fake.store.getVariant(r.variantId).inventoryPolicy === "CONTINUE").length;
    const summaries = rows.filter((r) => fake.store.findMetafield(r.variantId, "$app:backorder", "eta")).length;
    const recorded = await prisma.backorderVariant.count({ where: { shop: SHOP, syncedPolicy: "CONTINUE", syncError: null, syncedSummary: { not: null } } });
    const points = fake.calls.reduce((sum, c) => sum + c.actualQueryCost, 0);
    const floorS = Math.max(0, points - BUCKET.maximumAvailable) / BUCKET.restoreRate;
    const s = report.stats;
    out.push(
      `info  sync: ${rows.length} variants, ${s.calls} calls (${fake.stats.executed} executed), ${points} points, ` +
        `${fake.stats.throttled} THROTTLED responses (${s.throttledRetries} retried), ${s.proactiveWaits} proactive waits`,
    );
    out.push(
      `info  sync: ${fmt(simulatedS)} s simulated (cost floor ${fmt(floorS)} s at ${BUCKET.restoreRate} points/s), ` +
        `${fmt(realMs)} ms real (${fmt(realMs / s.calls)} ms per call)`,
    );
    const ok = report.failed.length === 0 && continued === rows.length && summaries === rows.length && recorded === rows.length;
    out.push(
      `${ok ? "PASS" : "FAIL"}  sync: all ${rows.length} variants CONTINUE with a summary on Shopify and recorded as synced ` +
        `(${continued} CONTINUE, ${summaries} summaries, ${recorded} rows synced, ${report.failed.length} failed)`,
    );
    out.push(
      `${fake.stats.throttled === 0 ? "PASS" : "FAIL"}  sync: throttled responses ${fake.stats.throttled} (target 0: the client waits for the bucket)`,
    );

    // A periodic re-sync an hour later with nothing changed: reads only, every summary skipped.
    const callsBefore = s.calls;
    const throttledBefore = fake.stats.throttled;
    const clockBefore = clock.t;
    const resyncStart = performance.now();
    const again = await syncVariants({ shop: SHOP, graphql: admin.graphql, client, now: new Date(START + 3_600_000) });
    out.push(
      `info  sync: unchanged re-sync right after: ${s.calls - callsBefore} calls, ${again.summariesWritten} summaries written, ` +
        `${again.summariesUnchanged} skipped, ${fake.stats.throttled - throttledBefore} THROTTLED, ` +
        `${fmt((clock.t - clockBefore) / 1000)} s simulated, ${fmt(performance.now() - resyncStart)} ms real`,
    );
    await prisma.$disconnect();
  } finally {
    server.close();
  }
  return out;
}

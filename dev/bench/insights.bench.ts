// The merchant's dashboard on a large shop (issue 13): p50/p95 of the home page's loader for each period, on the
// admin benchmark's shop (dev/bench/admin-seed.ts: 100,000 ledger lines) turned into a year of history by
// seedInsightsHistory below. Target: loader p95 ≤ 150 ms. Runs in the admin benchmark's two processes
// (`pagesBench("insights")`); the loader time includes the home page's one Admin API read (the shop overview)
// from the local fake.
import type { PrismaClient } from "@prisma/client";
import { fmt } from "./lib";
import { pagesBench, type PageSpec, type SuiteContext } from "./admin.bench";
import { BENCH_SUPPLIERS } from "./support-seed";

export const INSIGHTS_TARGET_MS = 150;
/** 60 runs per period: with 20, the p95 is the second slowest run, so one hiccup of a shared machine decides it. */
const INSIGHTS_RUNS = Number(process.env.ADMIN_BENCH_RUNS ?? 60);
const DAY_S = 86_400;
const YEAR_S = 365 * DAY_S;

export function insightsBench(): Promise<string[]> {
  return pagesBench("insights");
}

/**
 * A year of history on every ledger line of the shop, deterministically from each line's rowid: ordered any time
 * in the last 365 days, priced, promised 21 days out; about 72 % ready (allocated, half of them shipped) after 1 to
 * 40 days, 4 % cancelled (a refunded cancellation each, half from the delay email's link), the rest still waiting.
 * Batches: 50 received per supplier over the year (each supplier late by its own amount) and one pending per
 * variant; the outbox's emails spread over the year (a quarter are delay notices).
 */
export async function seedInsightsHistory(prisma: PrismaClient, { shop, now = new Date() }: { shop: string; now?: Date }) {
  const t0 = Math.floor(now.getTime() / 1000);
  const ts = (expr: string) => `strftime('%Y-%m-%dT%H:%M:%f', ${expr}, 'unixepoch') || '+00:00'`;
  const ordered = `(${t0} - (("rowid" * 2654435761) % ${YEAR_S}))`;
  const waitS = `((("rowid" * 7919) % 40) + 1) * ${DAY_S}`;
  // Lines first (ordered, price, promise); then who is ready, cancelled or still waiting.
  await prisma.$executeRawUnsafe(
    `UPDATE "BackorderLine" SET "orderedAt" = ${ts(ordered)}, "unitPriceMinor" = 1000 + ("rowid" % 50) * 100, "currency" = 'EUR',
       "promisedLatest" = date(${ordered} + 21 * ${DAY_S}, 'unixepoch'), "notifiedLatest" = date(${ordered} + 21 * ${DAY_S}, 'unixepoch')
     WHERE "shop" = ?`,
    shop,
  );
  await prisma.$executeRawUnsafe(
    `UPDATE "BackorderLine" SET "status" = CASE WHEN "rowid" % 2 = 0 THEN 'fulfilled' ELSE 'allocated' END, "allocatedAt" = ${ts(`${ordered} + ${waitS}`)}
     WHERE "shop" = ? AND "rowid" % 100 < 72 AND ${ordered} + ${waitS} < ${t0}`,
    shop,
  );
  await prisma.$executeRawUnsafe(
    `UPDATE "BackorderLine" SET "status" = 'cancelled', "updatedAt" = ${ts(`${ordered} + 10 * ${DAY_S}`)},
       "notifiedLatest" = date(${ordered} + 35 * ${DAY_S}, 'unixepoch')
     WHERE "shop" = ? AND "rowid" % 100 BETWEEN 72 AND 75 AND ${ordered} + 10 * ${DAY_S} < ${t0}`,
    shop,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO "SupportCancellation" ("id", "shop", "orderId", "scope", "lineIds", "source", "requestedBy", "status", "key", "amount", "currency", "createdAt", "updatedAt", "completedAt")
     SELECT 'bench-cancel-' || "id", "shop", "orderId", 'lines', json_array("id"), CASE WHEN "rowid" % 2 = 0 THEN 'customer' ELSE 'staff' END,
       CASE WHEN "rowid" % 2 = 0 THEN 'customer' ELSE 'staff:1' END, 'refunded', 'bench:' || "id", printf('%d.00', "unitPriceMinor" * "quantity" / 100), 'EUR',
       "updatedAt", "updatedAt", "updatedAt"
     FROM "BackorderLine" WHERE "shop" = ? AND "status" = 'cancelled'`,
    shop,
  );
  // The outbox's emails (dev/bench/admin-seed.ts) spread over the year.
  await prisma.$executeRawUnsafe(`UPDATE "EmailOutbox" SET "createdAt" = ${ts(`${t0} - (("rowid" * 40503) % ${YEAR_S})`)} WHERE "shop" = ?`, shop);

  const variants = await prisma.backorderVariant.findMany({ where: { shop }, select: { id: true }, orderBy: { variantId: "asc" } });
  const day = (offsetDays: number) => new Date((t0 + offsetDays * DAY_S) * 1000).toISOString().slice(0, 10);
  const batches = [];
  for (let s = 0; s < BENCH_SUPPLIERS.length; s++) {
    for (let k = 0; k < 50; k++) {
      const expected = -360 + k * 7 + s;
      // Supplier s is late by up to 2·s days: the first always on time, the last up to two weeks late.
      const late = (k * 13 + s * 5) % (2 * s + 1);
      batches.push({
        shop,
        backorderVariantId: (variants[(s * 50 + k) % variants.length] as { id: string }).id,
        quantity: 20,
        expectedOn: day(expected),
        receivedOn: day(Math.min(0, expected + late)),
        supplier: BENCH_SUPPLIERS[s] as string,
      });
    }
  }
  variants.forEach((v, i) => batches.push({ shop, backorderVariantId: v.id, quantity: 30, expectedOn: day(5 + (i % 40)), receivedOn: null as unknown as string, supplier: BENCH_SUPPLIERS[i % 8] as string }));
  for (let i = 0; i < batches.length; i += 2_000) await prisma.incomingBatch.createMany({ data: batches.slice(i, i + 2_000) });
  for (const table of ["BackorderLine", "SupportCancellation", "EmailOutbox", "IncomingBatch"]) await prisma.$executeRawUnsafe(`ANALYZE "${table}"`);
  const counts = await prisma.backorderLine.groupBy({ by: ["status"], where: { shop }, _count: true });
  return { batches: batches.length, statuses: Object.fromEntries(counts.map((c) => [c.status, c._count])) };
}

/** Seeds the history, then the pages to measure (in the app process). */
export async function insightsPages({ prisma, shop, seeded, dataRequest }: SuiteContext): Promise<{ info: string[]; pages: PageSpec[] }> {
  const start = performance.now();
  const { batches, statuses } = await seedInsightsHistory(prisma, { shop });
  const info = [
    `info  a year of history seeded in ${fmt(performance.now() - start)} ms on ${seeded.lines} ledger lines (${Object.entries(statuses)
      .map(([status, n]) => `${n} ${status}`)
      .join(", ")}), ${batches} batches`,
  ];
  // The roll-ups (docs/decisions/009-insights-rollups.md) were built by the admin benchmark's warm-up visit and
  // kept by the triggers through the history's updates above. Dropping their state makes the next visit rebuild
  // them from the ledger, as the first visit after the migration does; then the triggers' cost on ledger writes.
  // Both are reported, outside the measured visits.
  await prisma.$executeRawUnsafe(`DELETE FROM "InsightsRollupState" WHERE "shop" = ?`, shop);
  let t = performance.now();
  await dataRequest("/app", "routes/app._index");
  info.push(`info  first visit after the migration, rebuilding the roll-ups from ${seeded.lines} lines: ${fmt(performance.now() - t)} ms`);
  t = performance.now();
  const changed = await prisma.$executeRawUnsafe(`UPDATE "BackorderLine" SET "quantity" = "quantity" + 1 WHERE "shop" = ? AND "rowid" % 100 = 0`, shop);
  await prisma.$executeRawUnsafe(`UPDATE "BackorderLine" SET "quantity" = "quantity" - 1 WHERE "shop" = ? AND "rowid" % 100 = 0`, shop);
  const perRow = (performance.now() - t) / (2 * changed);
  info.push(`info  ledger writes through the roll-up triggers: ${2 * changed} line updates, ${fmt(perRow * 1000)} µs per updated line (the update included)`);
  const home = (name: string, query: string): PageSpec => ({ name: `Dashboard: ${name}`, path: `/app${query}`, route: "routes/app._index", document: false, targetMs: INSIGHTS_TARGET_MS, runs: INSIGHTS_RUNS });
  // Ending yesterday (UTC), so the range never ends after the shop's today whatever its timezone.
  const last = new Date(Date.now() - DAY_S * 1000);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const pages: PageSpec[] = [
    { ...home("last 30 days", ""), document: true },
    home("last 90 days", "?period=90"),
    home("last 365 days", "?period=365"),
    home("custom range, 730 days", `?period=custom&from=${iso(new Date(last.getTime() - 729 * DAY_S * 1000))}&to=${iso(last)}`),
  ];
  return { info, pages };
}

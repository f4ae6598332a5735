// ETA engine benchmarks: a full recompute of many variants, and one variant with a long queue.
import {
  addCalendarDays,
  computeVariantEta,
  createBusinessCalendar,
  createEtaContext,
  DELIVERY_MODES,
  type BusinessCalendar,
  type DeliverySettings,
  type EtaSettings,
  type IncomingBatch,
  type VariantEtaInput,
  type WaitingLine,
} from "~/domain";
import { fmt, measure, rng, verdict } from "./lib";

const DELIVERY: DeliverySettings = {
  standard: { processingDays: 2, transitDays: { min: 2, max: 5 } },
  express: { processingDays: 1, transitDays: { min: 1, max: 2 } },
  pickup: { processingDays: 1, transitDays: { min: 0, max: 0 } },
};

const NOW = new Date("2026-11-27T10:30:00Z");

interface Shop {
  settings: EtaSettings;
  variants: VariantEtaInput[];
}

function makeVariant(random: () => number, today: string, lines: number, id: string): VariantEtaInput {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const queue: WaitingLine[] = [];
  let owed = 0;
  for (let i = 0; i < lines; i++) {
    const quantity = random() < 0.8 ? 1 : 1 + Math.floor(random() * 4);
    owed += quantity;
    queue.push({
      id: `${id}-l${i}`,
      quantity,
      mode: random() < 0.7 ? "standard" : pick(DELIVERY_MODES),
      promisedBy: random() < 0.6 ? addCalendarDays(today, 10 + Math.floor(random() * 80)) : null,
    });
  }
  const batches: IncomingBatch[] = [];
  const batchCount = Math.floor(random() * 5);
  for (let b = 0; b < batchCount; b++) {
    batches.push({
      id: `${id}-b${b}`,
      quantity: 5 + Math.floor(random() * Math.max(10, owed / 2)),
      expectedAt: addCalendarDays(today, -5 + Math.floor(random() * 120)),
      receivedAt: random() < 0.1 ? today : null,
    });
  }
  const hasHistory = random() < 0.6;
  const p50 = Math.floor(random() * 6);
  return {
    available: -owed + Math.floor(random() * 20) - 5,
    queue,
    batches,
    capacityPerWeek: random() < 0.4 ? 5 + Math.floor(random() * 60) : null,
    leadTimeDays: random() < 0.3 ? 10 + Math.floor(random() * 50) : null,
    lateness: hasHistory
      ? { sampleSize: 3 + Math.floor(random() * 20), p50Days: p50, p80Days: p50 + Math.floor(random() * 10), maxDays: 30 }
      : null,
  };
}

/** Splits `total` lines over `count` variants with a skewed (realistic) distribution. */
function lineCounts(random: () => number, count: number, total: number): number[] {
  const weights = Array.from({ length: count }, () => random() ** 3 + 0.01);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w / sum) * total));
  let rest = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % count, rest--) counts[i] = (counts[i] as number) + 1;
  return counts;
}

function buildShops(variantCount: number, totalLines: number): Shop[] {
  const random = rng(42);
  const calendars: BusinessCalendar[] = [
    createBusinessCalendar({ timeZone: "Europe/Paris", cutoff: "14:00", country: "FR", closures: ["2026-12-24", "2026-12-31"] }),
    createBusinessCalendar({ timeZone: "America/New_York", cutoff: "15:00", country: "US" }),
    createBusinessCalendar({ timeZone: "Europe/Berlin", cutoff: "12:00", country: "DE", region: "BY" }),
    createBusinessCalendar({ timeZone: "America/Toronto", cutoff: "16:30", country: "CA", workingWeekdays: [1, 2, 3, 4, 5, 6] }),
  ];
  const shops: Shop[] = calendars.map((calendar, i) => ({
    settings: { calendar, delivery: DELIVERY, safetyMarginDays: i + 1, defaultLeadTimeDays: 21 + 7 * i },
    variants: [],
  }));
  const counts = lineCounts(random, variantCount, totalLines);
  counts.forEach((lines, v) => {
    const shop = shops[v % shops.length] as Shop;
    const today = shop.settings.calendar.localDate(NOW);
    shop.variants.push(makeVariant(random, today, lines, `v${v}`));
  });
  return shops;
}

/** A full recompute: one context per shop (fresh memo), every variant of every shop. */
function recomputeAll(shops: Shop[]): number {
  let lines = 0;
  for (const shop of shops) {
    const ctx = createEtaContext(shop.settings, NOW);
    for (const variant of shop.variants) lines += computeVariantEta(variant, ctx).lines.length;
  }
  return lines;
}

export async function etaBench(): Promise<string[]> {
  const out: string[] = [];

  const buildStart = performance.now();
  const shops = buildShops(1_000, 100_000);
  const buildMs = performance.now() - buildStart;
  const totalLines = shops.reduce((s, shop) => s + shop.variants.reduce((t, v) => t + v.queue.length, 0), 0);
  const variants = shops.reduce((s, shop) => s + shop.variants.length, 0);

  const coldStart = performance.now();
  const computed = recomputeAll(shops); // first pass: holiday years and calendar memo get built
  const coldMs = performance.now() - coldStart;
  if (computed !== totalLines) throw new Error(`Computed ${computed} lines, expected ${totalLines}`);
  out.push(
    `info  eta: ${totalLines} lines over ${variants} variants in ${shops.length} shops; ` +
      `data built in ${fmt(buildMs)} ms, first (cold calendar) pass ${fmt(coldMs)} ms`,
  );

  const full = await measure(() => recomputeAll(shops), { warmup: 3, runs: 9 });
  out.push(verdict(`eta: ${totalLines / 1000}k waiting lines over ${variants / 1000}k variants`, full, 200));

  const single = shops[0] as Shop;
  const today = single.settings.calendar.localDate(NOW);
  const big = makeVariant(rng(7), today, 10_000, "big");
  big.batches = [
    { id: "b1", quantity: 2_000, expectedAt: addCalendarDays(today, 12) },
    { id: "b2", quantity: 3_000, expectedAt: addCalendarDays(today, 40) },
    { id: "b3", quantity: 1_500, expectedAt: addCalendarDays(today, 75) },
  ];
  big.capacityPerWeek = 250;
  const one = await measure(
    () => computeVariantEta(big, createEtaContext(single.settings, NOW)),
    { warmup: 5, runs: 21 },
  );
  out.push(verdict("eta: recompute one variant with 10k waiting lines", one, 5));
  return out;
}

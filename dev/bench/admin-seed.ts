// Seeds a large merchant's shop for the admin benchmark (`npm run bench -- admin`) and the query-plan test
// (tests/integration/query-plans.test.ts): the catalogue in the Admin fake and the app's rows in SQLite.
// At scale 1: 1,000 backorderable variants (one product each), 100,000 waiting lines of which 10,000 on the
// first variant, 50,000 outbox emails, 100,000 jobs and 100,000 webhook events. Deterministic (seeded PRNG).
import type { PrismaClient } from "@prisma/client";
import type { AdminStore } from "../admin-fake/store";
import { rng } from "./lib";

export interface SeededVariant {
  productId: string;
  variantId: string;
  inventoryItemId: string;
  title: string;
  sku: string;
}

export interface LargeShopSize {
  variants: number;
  lines: number;
  /** Lines of the first variant (the product page under test). */
  bigQueue: number;
  outbox: number;
  jobs: number;
  events: number;
}

export function largeShopSize(scale = 1): LargeShopSize {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  return { variants: n(1_000), lines: n(100_000), bigQueue: n(10_000), outbox: n(50_000), jobs: n(100_000), events: n(100_000) };
}

/** Waiting lines of each variant: `bigQueue` on the first, the rest spread evenly over the others. */
export function waitingLinesPerVariant(size: LargeShopSize): number[] {
  const perVariant = Array.from({ length: size.variants }, (_, i) => (i === 0 ? size.bigQueue : 0));
  const others = Math.max(1, size.variants - 1);
  for (let i = 0; i < size.lines - size.bigQueue; i++) {
    const index = Math.min(1 + (i % others), size.variants - 1);
    perVariant[index] = (perVariant[index] ?? 0) + 1;
  }
  return perVariant;
}

/** The catalogue in the Admin fake: one sold-out, backorderable (CONTINUE) variant per product. */
export function seedLargeCatalog(store: AdminStore, size: LargeShopSize): SeededVariant[] {
  const variants: SeededVariant[] = [];
  const owed = waitingLinesPerVariant(size);
  for (let i = 0; i < size.variants; i++) {
    const sku = `BIG-${String(i).padStart(5, "0")}`;
    const { product, variants: created } = store.addProduct({
      title: `Large shop mug ${i}`,
      variants: [{ sku, available: -(owed[i] ?? 0), inventoryPolicy: "CONTINUE" }],
    });
    const v = created[0] as { id: string; inventoryItemId: string };
    variants.push({ productId: product.id, variantId: v.id, inventoryItemId: v.inventoryItemId, title: product.title, sku });
  }
  return variants;
}

const DAY = 86_400_000;
const CHUNK = 2_000;

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The app's rows for `variants` (from seedLargeCatalog), through Prisma so every column is stored as the
 * app stores it. About one variant in twenty has lines promised earlier than their estimate (at risk);
 * the derived state is left "never derived", as after the migration, for the app to derive.
 */
export async function seedLargeShopRows(prisma: PrismaClient, { shop, variants, size, now = new Date() }: { shop: string; variants: SeededVariant[]; size: LargeShopSize; now?: Date }) {
  const random = rng(17);
  const t0 = now.getTime();
  const perVariant = waitingLinesPerVariant(size);

  await inChunks(
    variants.map((v, i) => ({
      shop,
      productId: v.productId,
      variantId: v.variantId,
      productTitle: v.title,
      variantTitle: "Default Title",
      sku: v.sku,
      mode: "always",
      leadTimeDays: 14 + (i % 20),
      available: -(perVariant[i] ?? 0),
      inventoryItemId: v.inventoryItemId,
    })),
    (data) => prisma.backorderVariant.createMany({ data }),
  );

  let line = 0;
  const lines = [];
  for (let i = 0; i < variants.length; i++) {
    const v = variants[i] as SeededVariant;
    const late = i % 20 === 3;
    for (let k = 0; k < (perVariant[i] ?? 0); k++) {
      const orderedAt = new Date(t0 - 60 * DAY + Math.floor(random() * 59 * DAY));
      const promised = late ? isoDay(t0 - 2 * DAY) : isoDay(t0 + 400 * DAY);
      lines.push({
        shop,
        variantId: v.variantId,
        orderId: `gid://shopify/Order/${900000 + line}`,
        orderName: `#${10000 + line}`,
        lineItemId: `gid://shopify/LineItem/${900000 + line}`,
        quantity: 1,
        customerEmail: `customer${line}@example.com`,
        customerLocale: line % 3 === 0 ? "fr" : "en",
        orderedAt,
        promisedLatest: promised,
        notifiedLatest: promised,
        productTitle: v.title,
        variantTitle: "Default Title",
        status: "waiting",
      });
      line++;
    }
  }
  await inChunks(lines, (data) => prisma.backorderLine.createMany({ data }));

  const statuses = ["sent", "sent", "sent", "pending", "dead"];
  await inChunks(
    Array.from({ length: size.outbox }, (_, i) => ({
      shop,
      dedupeKey: `bench:${i}`,
      kind: i % 4 === 0 ? "delay_notice" : "backorder_confirmation",
      toEmail: `customer${i}@example.com`,
      locale: i % 3 === 0 ? "fr" : "en",
      subject: `Your order #${10000 + i}`,
      html: "<p>Hello</p>",
      text: "Hello",
      status: statuses[i % statuses.length] as string,
      attempts: i % 5 === 4 ? 8 : 1,
      lastError: i % 5 === 4 ? "550 mailbox unavailable" : null,
      messageId: i % 5 < 3 ? `mailbox:${i}` : null,
      createdAt: new Date(t0 - (size.outbox - i) * 60_000),
    })),
    (data) => prisma.emailOutbox.createMany({ data }),
  );

  const jobStatuses = ["succeeded", "succeeded", "succeeded", "succeeded", "dead"];
  await inChunks(
    Array.from({ length: size.jobs }, (_, i) => {
      const at = new Date(t0 - (size.jobs - i) * 30_000);
      return {
        shop,
        kind: i % 2 ? "orders.create" : "inventory.update",
        payload: JSON.stringify({ orderId: `gid://shopify/Order/${900000 + i}` }),
        status: jobStatuses[i % jobStatuses.length] as string,
        attempts: 1,
        runAt: at,
        createdAt: at,
        updatedAt: at,
        finishedAt: at,
        lastError: i % 5 === 4 ? "Shopify refused the hold" : null,
        uniqueKey: `bench:${i}`,
      };
    }),
    (data) => prisma.job.createMany({ data }),
  );
  await inChunks(
    Array.from({ length: size.events }, (_, i) => ({
      shop,
      eventId: `bench-event-${i}`,
      topic: i % 2 ? "ORDERS_CREATE" : "INVENTORY_LEVELS_UPDATE",
      receivedAt: new Date(t0 - (size.events - i) * 30_000),
    })),
    (data) => prisma.webhookEvent.createMany({ data }),
  );
  // What a long-running database has: the planner's statistics.
  await prisma.$executeRawUnsafe("ANALYZE");
  return { bigVariant: variants[0] as SeededVariant, lines: line };
}

// Shared by the ledger, webhook and fault tests (and the demo simulator): Shopify-shaped webhook payloads
// built from the Admin fake's records, a signed delivery through the real routes, a simulated clock, and
// a worker driven by that clock.
import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "~/db.server";
import { createWorker, type JobWorker, type WorkerOptions } from "~/jobs/worker.server";
import { action as ordersCreate } from "~/routes/webhooks.orders.create";
import { action as ordersUpdated } from "~/routes/webhooks.orders.updated";
import { action as ordersCancelled } from "~/routes/webhooks.orders.cancelled";
import { action as inventoryLevelsUpdate } from "~/routes/webhooks.inventory_levels.update";
import { action as productsUpdate } from "~/routes/webhooks.products.update";
import { action as productsDelete } from "~/routes/webhooks.products.delete";
import { action as appUninstalled } from "~/routes/webhooks.app.uninstalled";
import { action as customersRedact } from "~/routes/webhooks.customers.redact";
import { action as customersDataRequest } from "~/routes/webhooks.customers.data_request";
import type { AdminFake, AdminFakeOptions, OrderRecord } from "../../dev/admin-fake";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, webhookRequest } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";

export { inventoryPayload, numericId, orderPayload } from "../../dev/webhook-payloads";
import { inventoryPayload, orderPayload } from "../../dev/webhook-payloads";

type Action = (args: ActionFunctionArgs) => Promise<Response>;

export const WEBHOOK_ROUTES: Record<string, { path: string; action: Action }> = {
  "orders/create": { path: "/webhooks/orders/create", action: ordersCreate },
  "orders/updated": { path: "/webhooks/orders/updated", action: ordersUpdated },
  "orders/cancelled": { path: "/webhooks/orders/cancelled", action: ordersCancelled },
  "inventory_levels/update": { path: "/webhooks/inventory_levels/update", action: inventoryLevelsUpdate },
  "products/update": { path: "/webhooks/products/update", action: productsUpdate },
  "products/delete": { path: "/webhooks/products/delete", action: productsDelete },
  "app/uninstalled": { path: "/webhooks/app/uninstalled", action: appUninstalled },
  "customers/redact": { path: "/webhooks/customers/redact", action: customersRedact },
  "customers/data_request": { path: "/webhooks/customers/data_request", action: customersDataRequest },
};

export interface Delivery {
  topic: string;
  payload: unknown;
  eventId: string;
}

/** Delivers a webhook through its real route, signed like Shopify signs it. */
export async function deliver(delivery: Delivery, options: { shop?: string; secret?: string } = {}): Promise<Response> {
  const route = WEBHOOK_ROUTES[delivery.topic];
  if (!route) throw new Error(`No route for ${delivery.topic}`);
  const request = webhookRequest(route.path, {
    topic: delivery.topic,
    payload: delivery.payload,
    eventId: delivery.eventId,
    shop: options.shop ?? TEST_SHOP,
    ...(options.secret ? { secret: options.secret } : {}),
  });
  return callRoute(route.action as never, request);
}

/** Real time plus whatever the test (or a client's backoff) skipped: monotonic, never behind Date.now(). */
export function testClock() {
  let offset = 0;
  /** Set by freeze(): the clock stops following real time (only advance and sleep move it). */
  let frozenAt: number | null = null;
  const now = () => (frozenAt ?? Date.now()) + offset;
  return {
    now,
    /**
     * Stops the clock here: a test that must act between two jobs (the second due a few seconds after the
     * first) cannot have the second fall due while a slow machine runs the first.
     */
    freeze() {
      frozenAt = Date.now();
    },
    date: () => new Date(now()),
    advance(ms: number) {
      offset += ms;
    },
    sleep: async (ms: number) => {
      offset += ms;
    },
  };
}

export type TestClock = ReturnType<typeof testClock>;

export function testWorker(clock: TestClock, options: WorkerOptions = {}): JobWorker {
  return createWorker({
    workerId: "test-worker",
    concurrency: 4,
    leaseMs: 60_000,
    schedule: false,
    deliverEmails: false,
    log: () => {},
    ...options,
    runtime: {
      now: clock.date,
      adminClientOptions: { sleep: clock.sleep, now: clock.now, baseDelayMs: 200, maxAttempts: 4 },
      retryBaseMs: 1_000,
      jitter: () => 1,
      ...options.runtime,
    },
  });
}

/** Runs jobs until none is left, jumping the clock over retry backoffs. Bounded. */
export async function runAllJobs(worker: JobWorker, clock: TestClock, maxRounds = 200) {
  for (let round = 0; round < maxRounds; round++) {
    await worker.drain();
    const next = await prisma.job.findFirst({ where: { status: "queued" }, orderBy: { runAt: "asc" }, select: { runAt: true } });
    if (!next) return;
    const wait = next.runAt.getTime() - clock.now();
    if (wait > 0) clock.advance(wait + 1);
  }
  throw new Error("runAllJobs: jobs still queued after the round limit");
}

export async function resetLedgerTables() {
  await prisma.$transaction([
    prisma.job.deleteMany({}),
    prisma.webhookEvent.deleteMany({}),
    prisma.emailOutbox.deleteMany({}),
    prisma.notifySubscription.deleteMany({}),
    prisma.orderEvent.deleteMany({}),
    prisma.supportCancellation.deleteMany({}),
    prisma.customerChoice.deleteMany({}),
    prisma.supportCase.deleteMany({}),
    prisma.compensation.deleteMany({}),
    prisma.orderBalanceLine.deleteMany({}),
    prisma.orderBalance.deleteMany({}),
    prisma.deferredOrderWrite.deleteMany({}),
    prisma.bulkWrite.deleteMany({}),
    prisma.backorderLine.deleteMany({}),
    prisma.incomingBatch.deleteMany({}),
    prisma.backorderVariant.deleteMany({}),
    prisma.shopSettings.deleteMany({}),
    prisma.session.deleteMany({}),
  ]);
}

export interface LedgerShop {
  fake: AdminFake;
  clock: TestClock;
  worker: JobWorker;
  shop: string;
}

/** A fake shop with a session, a clock and a worker; tables emptied first. */
export async function ledgerShop(options: AdminFakeOptions & { worker?: WorkerOptions } = {}): Promise<LedgerShop> {
  await resetLedgerTables();
  const clock = testClock();
  const { worker: workerOptions, ...fakeOptions } = options;
  const fake = await installFakeShop({ now: clock.now, retryAfterSeconds: 1, ...fakeOptions });
  return { fake, clock, worker: testWorker(clock, workerOptions), shop: fakeOptions.shop ?? TEST_SHOP };
}

/** A product with one tracked variant at `available` units, managed by the app in `mode`. */
export async function backorderableVariant(
  { fake, shop }: Pick<LedgerShop, "fake" | "shop">,
  { title, available, mode = "always", leadTimeDays = 30, sku }: { title: string; available: number; mode?: string; leadTimeDays?: number; sku?: string },
) {
  const { product, variants } = fake.store.addProduct({ title, variants: [{ sku: sku ?? title.toUpperCase().replace(/\W+/g, "-"), available, inventoryPolicy: "CONTINUE" }] });
  const variant = variants[0];
  if (!variant) throw new Error("no variant");
  await prisma.backorderVariant.create({
    data: { shop, productId: product.id, variantId: variant.id, productTitle: product.title, variantTitle: variant.title, mode, leadTimeDays, available },
  });
  return { productId: product.id, variantId: variant.id };
}

let eventCounter = 0;
export function nextEventId(prefix = "evt"): string {
  eventCounter += 1;
  return `${prefix}-${process.pid}-${eventCounter}`;
}

/** Places an order in the fake shop and returns its orders/create delivery. */
export function placeOrder(
  fake: AdminFake,
  { variantId, quantity = 1, email, firstName = "Alex", locale = "en" }: { variantId: string; quantity?: number; email: string; firstName?: string; locale?: string },
): { order: OrderRecord; delivery: Delivery } {
  const { order } = fake.store.addOrder({
    customer: { email, firstName, lastName: "Doe", locale },
    lineItems: [{ variantId, quantity }],
  });
  return { order, delivery: { topic: "orders/create", payload: orderPayload(fake.store, order), eventId: nextEventId("order") } };
}

/** Stock arrives in the fake shop; returns the inventory_levels/update delivery Shopify would send. */
export function receiveStock(fake: AdminFake, variantId: string, quantity: number): Delivery {
  fake.store.receiveStock(variantId, quantity);
  return { topic: "inventory_levels/update", payload: inventoryPayload(fake.store, variantId), eventId: nextEventId("inv") };
}

export async function outbox(kind?: string) {
  return prisma.emailOutbox.findMany({
    where: kind ? { kind } : {},
    select: { kind: true, toEmail: true, dedupeKey: true, subject: true, status: true, text: true },
    orderBy: { createdAt: "asc" },
  });
}

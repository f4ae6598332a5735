// Shared by the fault tests: a scripted shop history (orders, stock arrivals, a cancellation), the ledger
// state it must end in, and the email accounting ("0 lost, 0 duplicated").
import { expect } from "vitest";
import prisma from "~/db.server";
import type { AdminFake } from "../../dev/admin-fake";
import {
  backorderableVariant,
  inventoryPayload,
  nextEventId,
  orderPayload,
  type Delivery,
  type LedgerShop,
} from "../integration/ledger-support";

/** mulberry32: a seeded shuffle, so a failure reproduces. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export interface Scenario {
  variants: { mug: string; bowl: string };
  deliveries: Delivery[];
  /** Order names the scenario cancels. */
  cancelled: Set<string>;
  customers: number;
}

/**
 * Twelve customers order a mug (1 in stock), a bowl (none) or both, over time; stock arrives twice for the
 * mug and once for the bowl; one waiting customer cancels. Returns every webhook Shopify would send, in
 * the order it would send them. The fake shop ends in its final state.
 */
export async function scriptedHistory(env: LedgerShop): Promise<Scenario> {
  const { fake } = env;
  const mug = (await backorderableVariant(env, { title: "Stoneware Mug", available: 1, sku: "MUG" })).variantId;
  const bowl = (await backorderableVariant(env, { title: "Breakfast Bowl", available: 0, sku: "BOWL" })).variantId;
  const deliveries: Delivery[] = [];
  const cancelled = new Set<string>();
  const orderIds: string[] = [];
  const inventory = (variantId: string) => deliveries.push({ topic: "inventory_levels/update", payload: inventoryPayload(fake.store, variantId), eventId: nextEventId("inv") });
  const plan: [string, number, number][] = [
    // [customer, mugs, bowls]
    ["ana", 1, 0],
    ["ben", 2, 0],
    ["cleo", 0, 1],
    ["dan", 1, 1],
    ["eve", 1, 0],
    ["finn", 0, 2],
    ["gus", 2, 1],
    ["hana", 1, 0],
    ["ivo", 0, 1],
    ["jade", 1, 1],
    ["kai", 1, 0],
    ["lea", 0, 1],
  ];
  for (const [index, [who, mugs, bowls]] of plan.entries()) {
    env.clock.advance(60_000);
    const lineItems = [
      ...(mugs ? [{ variantId: mug, quantity: mugs }] : []),
      ...(bowls ? [{ variantId: bowl, quantity: bowls }] : []),
    ];
    const { order } = fake.store.addOrder({ customer: { email: `${who}@example.com`, firstName: who, locale: index % 3 === 0 ? "fr" : "en" }, lineItems });
    orderIds.push(order.id);
    deliveries.push({ topic: "orders/create", payload: orderPayload(fake.store, order), eventId: nextEventId("create") });
    for (const li of lineItems) inventory(li.variantId);
    if (index === 5) {
      env.clock.advance(60_000);
      fake.store.receiveStock(mug, 4);
      inventory(mug);
    }
    if (index === 8) {
      env.clock.advance(60_000);
      fake.store.receiveStock(bowl, 3);
      inventory(bowl);
    }
  }
  // Finn (2 bowls, waiting) cancels; Shopify restocks his units and cancels his fulfillment order.
  env.clock.advance(60_000);
  const finn = fake.store.getOrder(orderIds[5] as string);
  finn.cancelledAt = new Date(env.clock.now()).toISOString();
  finn.updatedAt = finn.cancelledAt;
  for (const fo of fake.store.fulfillmentOrdersOf(finn.id)) fo.status = "CANCELLED";
  fake.store.receiveStock(bowl, 2);
  cancelled.add(finn.name);
  deliveries.push({ topic: "orders/cancelled", payload: orderPayload(fake.store, finn), eventId: nextEventId("cancel") });
  inventory(bowl);
  env.clock.advance(60_000);
  fake.store.receiveStock(mug, 3);
  inventory(mug);
  return { variants: { mug, bowl }, deliveries, cancelled, customers: plan.length };
}

export interface LedgerReport {
  lines: number;
  waiting: number;
  allocated: number;
  cancelled: number;
  emails: Record<string, number>;
  duplicates: number;
  lost: number;
}

/**
 * Checks the end state against Shopify's: per variant the units still owed equal the deficit Shopify
 * shows, the queue was served first-in-first-out, every owed line is held and every served order's hold
 * is released; each recorded order got exactly one confirmation, each fully served one exactly one
 * ready-to-ship, nobody anything twice. Returns the counts it saw.
 */
export async function verifyLedger(fake: AdminFake, scenario: Scenario): Promise<LedgerReport> {
  const lines = await prisma.backorderLine.findMany({
    select: { id: true, orderId: true, orderName: true, variantId: true, quantity: true, status: true, orderedAt: true, holdId: true, customerEmail: true },
  });
  for (const variantId of Object.values(scenario.variants)) {
    const mine = lines.filter((l) => l.variantId === variantId);
    const owed = mine.filter((l) => l.status === "waiting").reduce((s, l) => s + l.quantity, 0);
    expect(owed, `units owed for ${variantId}`).toBe(Math.max(0, -fake.store.available(variantId)));
    // FIFO: no served line is younger than a waiting one.
    const youngestServed = Math.max(0, ...mine.filter((l) => l.status === "allocated").map((l) => l.orderedAt.getTime()));
    const oldestWaiting = Math.min(Number.MAX_SAFE_INTEGER, ...mine.filter((l) => l.status === "waiting").map((l) => l.orderedAt.getTime()));
    expect(youngestServed, "FIFO").toBeLessThanOrEqual(oldestWaiting);
  }
  for (const line of lines) {
    if (line.status === "waiting") expect(line.holdId, `${line.orderName} waiting without hold`).not.toBeNull();
    else expect(line.holdId, `${line.orderName} ${line.status} still held`).toBeNull();
    if (scenario.cancelled.has(line.orderName)) expect(line.status).toBe("cancelled");
  }
  // Shopify agrees: a fulfillment order is on hold only while one of its lines still waits.
  const waitingFos = new Set(lines.filter((l) => l.status === "waiting").map((l) => l.orderId));
  for (const order of fake.store.orders.values()) {
    const onHold = fake.store.fulfillmentOrdersOf(order.id).some((fo) => fo.status === "ON_HOLD");
    expect(onHold, `${order.name} on hold`).toBe(waitingFos.has(order.id));
  }

  const emails = await prisma.emailOutbox.findMany({ select: { kind: true, toEmail: true, dedupeKey: true } });
  const byKind: Record<string, number> = {};
  for (const e of emails) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
  const orders = new Map<string, typeof lines>();
  for (const line of lines) orders.set(line.orderId, [...(orders.get(line.orderId) ?? []), line]);
  let lost = 0;
  let duplicates = 0;
  const count = (kind: string, email: string | null) => emails.filter((e) => e.kind === kind && e.toEmail === email).length;
  for (const [, orderLines] of orders) {
    const email = orderLines[0]?.customerEmail ?? null;
    const confirmations = count("backorder_confirmation", email);
    const cancelledOrder = orderLines.every((l) => l.status === "cancelled");
    if (confirmations === 0 && !cancelledOrder) lost++;
    if (confirmations > 1) duplicates += confirmations - 1;
    const served = orderLines.every((l) => l.status !== "waiting") && orderLines.some((l) => l.status === "allocated");
    const ready = count("ready_to_ship", email);
    if (served && ready === 0) lost++;
    if (!served && ready > 0) duplicates += ready; // sent to someone not (fully) served: wrong email
    if (ready > 1) duplicates += ready - 1;
  }
  return {
    lines: lines.length,
    waiting: lines.filter((l) => l.status === "waiting").length,
    allocated: lines.filter((l) => l.status === "allocated").length,
    cancelled: lines.filter((l) => l.status === "cancelled").length,
    emails: byKind,
    duplicates,
    lost,
  };
}

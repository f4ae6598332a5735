// Backordered lines keep the unit price the order was taken at (issue 13: revenue and value owed on the
// dashboard): read from the signed orders/create payload's line item, price_set.shop_money first, then
// `price` with the order's currency; an unreadable price is stored as unknown (null), never as 0.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { backorderableVariant, deliver, ledgerShop, nextEventId, orderPayload, runAllJobs, type LedgerShop } from "./ledger-support";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
});

async function prices() {
  return prisma.backorderLine.findMany({ select: { quantity: true, unitPriceMinor: true, currency: true }, orderBy: { orderedAt: "asc" } });
}

describe("unit price at intake", () => {
  it("records the line's unit price in minor units and the shop's currency from orders/create", async () => {
    // GIVEN a sold-out backorderable vase
    const { variantId } = await backorderableVariant(env, { title: "Glazed Vase", available: 0 });
    // WHEN a customer orders 2 at 34.50 USD and Shopify sends a signed orders/create
    const { order } = env.fake.store.addOrder({ customer: { email: "ana@example.com", firstName: "Ana", lastName: "Doe", locale: "en" }, lineItems: [{ variantId, quantity: 2, price: "34.50" }] });
    const response = await deliver({ topic: "orders/create", payload: orderPayload(env.fake.store, order), eventId: nextEventId("order") });
    await runAllJobs(env.worker, env.clock);
    // THEN the owed line carries 3450 USD per unit
    expect(response.status).toBe(200);
    expect(await prices()).toEqual([{ quantity: 2, unitPriceMinor: 3450, currency: "USD" }]);
  });

  it("falls back to `price` and the order's currency when price_set is absent", async () => {
    // GIVEN a payload from an older API version: no price_set, price 12 and currency EUR
    const { variantId } = await backorderableVariant(env, { title: "Linen Runner", available: 0 });
    const { order } = env.fake.store.addOrder({ customer: { email: "ben@example.com", firstName: "Ben", lastName: "Doe", locale: "en" }, lineItems: [{ variantId, quantity: 1, price: "12" }] });
    const payload = orderPayload(env.fake.store, order) as Record<string, unknown> & { line_items: Record<string, unknown>[] };
    payload.currency = "EUR";
    for (const li of payload.line_items) delete li.price_set;
    // WHEN it is delivered
    await deliver({ topic: "orders/create", payload, eventId: nextEventId("order") });
    await runAllJobs(env.worker, env.clock);
    // THEN the line is priced 1200 EUR
    expect(await prices()).toEqual([{ quantity: 1, unitPriceMinor: 1200, currency: "EUR" }]);
  });

  it("still records the owed line when the price is unreadable, with no price rather than 0", async () => {
    // GIVEN a payload whose line price is garbage and whose price_set is malformed
    const { variantId } = await backorderableVariant(env, { title: "Oak Board", available: 0 });
    const { order } = env.fake.store.addOrder({ customer: { email: "cleo@example.com", firstName: "Cleo", lastName: "Doe", locale: "en" }, lineItems: [{ variantId, quantity: 1 }] });
    const payload = orderPayload(env.fake.store, order) as Record<string, unknown> & { line_items: Record<string, unknown>[] };
    for (const li of payload.line_items) {
      li.price = "twelve";
      li.price_set = { shop_money: { amount: "-3", currency_code: "USD" } };
    }
    // WHEN it is delivered
    const response = await deliver({ topic: "orders/create", payload, eventId: nextEventId("order") });
    await runAllJobs(env.worker, env.clock);
    // THEN the webhook is accepted and the line is owed, its price unknown
    expect(response.status).toBe(200);
    expect(await prices()).toEqual([{ quantity: 1, unitPriceMinor: null, currency: null }]);
  });
});

// What each webhook topic records and queues (used by the thin routes in app/routes/webhooks.*.tsx).
import type { OrderTopic } from "~/workflows/ledger/types";
import {
  AppUninstalledPayload,
  CustomersDataRequestPayload,
  CustomersRedactPayload,
  InventoryLevelPayload,
  OrderFulfilledPayload,
  OrderPayload,
  ProductDeletePayload,
  ProductUpdatePayload,
  toDataRequestFacts,
  toDeletedProductId,
  toFulfilledFacts,
  toInventoryFacts,
  toOrderFacts,
  toProductFacts,
  toRedactFacts,
} from "./payloads";
import { deleteShopSessions } from "~/models/session.server";
import { markShopUninstalled } from "~/models/shop.server";
import type { Tx } from "~/models/transaction.server";
import type { WebhookSpec } from "./receive.server";

function orders(topic: string, name: OrderTopic): WebhookSpec<typeof OrderPayload> {
  return { topic, payload: OrderPayload, job: (data) => ({ kind: "order.sync", payload: toOrderFacts(name, data) }) };
}

export const ordersCreate = orders("ORDERS_CREATE", "orders/create");
export const ordersUpdated = orders("ORDERS_UPDATED", "orders/updated");
export const ordersCancelled = orders("ORDERS_CANCELLED", "orders/cancelled");

/**
 * orders/fulfilled, not fulfillments/create: it fires once, when the whole order has shipped, which is when the
 * customer's wait is over. fulfillments/create fires per shipment, so with "ship what is available" the in-stock
 * part shipped first would ask "how was the wait?" while the backordered items are still owed. Its payload is
 * the order (the ledger's parser reads it), and it needs only read_orders, which the app has: fulfillments/*
 * topics need read_fulfillments, which the app deliberately does not ask for (shopify.app.toml). Only the order's id, name and shipping time travel in the job:
 * the address comes from the ledger when the survey is scheduled.
 */
export const ordersFulfilled: WebhookSpec<typeof OrderFulfilledPayload> = {
  topic: "ORDERS_FULFILLED",
  payload: OrderFulfilledPayload,
  job: (data) => ({ kind: "feedback.schedule", payload: toFulfilledFacts(data) }),
};

/** Inventory events of one item within this window share one job (its fresh read covers them all). */
export const INVENTORY_COALESCE_MS = 1_000;

export const inventoryLevelsUpdate: WebhookSpec<typeof InventoryLevelPayload> = {
  topic: "INVENTORY_LEVELS_UPDATE",
  payload: InventoryLevelPayload,
  job: (data) => {
    const facts = toInventoryFacts(data);
    // updatedAt first: the queue keeps the textually greatest payload, i.e. the newest event.
    const payload = { updatedAt: facts.updatedAt, inventoryItemId: facts.inventoryItemId, locationId: facts.locationId, available: facts.available };
    return {
      kind: "inventory.level",
      payload,
      coalesce: { key: `inventory:${facts.inventoryItemId}`, windowMs: INVENTORY_COALESCE_MS, payloadJson: JSON.stringify(payload) },
    };
  },
};

export const productsUpdate: WebhookSpec<typeof ProductUpdatePayload> = {
  topic: "PRODUCTS_UPDATE",
  payload: ProductUpdatePayload,
  job: (data) => ({ kind: "product.update", payload: toProductFacts(data) }),
};

export const productsDelete: WebhookSpec<typeof ProductDeletePayload> = {
  topic: "PRODUCTS_DELETE",
  payload: ProductDeletePayload,
  job: (data) => ({ kind: "product.delete", payload: { productId: toDeletedProductId(data) } }),
};

export const appUninstalled: WebhookSpec<typeof AppUninstalledPayload> = {
  topic: "APP_UNINSTALLED",
  payload: AppUninstalledPayload,
  job: () => ({ kind: "shop.uninstalled", payload: {}, maxAttempts: 3 }),
  // The access token is void from now on: drop the sessions with the event, so a reinstall starts clean.
  effects: async (tx: Tx, _data, meta) => {
    await deleteShopSessions({ shop: meta.shop }, tx);
    await markShopUninstalled({ shop: meta.shop, at: meta.receivedAt }, tx);
  },
};

export const customersRedact: WebhookSpec<typeof CustomersRedactPayload> = {
  topic: "CUSTOMERS_REDACT",
  payload: CustomersRedactPayload,
  job: (data) => ({ kind: "customer.redact", payload: toRedactFacts(data) }),
};

export const customersDataRequest: WebhookSpec<typeof CustomersDataRequestPayload> = {
  topic: "CUSTOMERS_DATA_REQUEST",
  payload: CustomersDataRequestPayload,
  job: (data) => ({ kind: "customer.data_request", payload: toDataRequestFacts(data) }),
};

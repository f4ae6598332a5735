// Shopify-shaped webhook bodies (REST resource JSON: numeric ids, snake_case) built from the Admin fake's
// records. No app imports: used by the tests and by the demo's webhook simulator (dev/demo/simulate.ts).
import type { AdminStore, OrderRecord } from "./admin-fake/store";

export function numericId(gid: string): number {
  const match = /\/(\d+)(\?.*)?$/.exec(gid);
  if (!match?.[1]) throw new Error(`Not a gid: ${gid}`);
  return Number(match[1]);
}

/** orders/create|updated|cancelled body for a fake order, the way Shopify's REST-shaped payload looks. */
export function orderPayload(
  store: AdminStore,
  order: OrderRecord,
  options: { properties?: Record<string, { name: string; value: string }[]> } = {},
) {
  const customer = order.customerId ? store.getCustomer(order.customerId) : null;
  return {
    id: numericId(order.id),
    admin_graphql_api_id: order.id,
    name: order.name,
    email: order.email,
    contact_email: order.email,
    created_at: order.createdAt,
    updated_at: order.updatedAt,
    cancelled_at: order.cancelledAt,
    cancel_reason: order.cancelledAt ? "customer" : null,
    customer_locale: order.customerLocale,
    tags: order.tags.join(", "),
    currency: order.currencyCode,
    presentment_currency: order.currencyCode,
    customer: customer
      ? { id: numericId(customer.id), email: customer.email, first_name: customer.firstName, last_name: customer.lastName }
      : null,
    line_items: order.lineItems.map((li) => ({
      id: numericId(li.id),
      admin_graphql_api_id: li.id,
      variant_id: li.variantId ? numericId(li.variantId) : null,
      product_id: li.productId ? numericId(li.productId) : null,
      title: li.title,
      variant_title: li.variantTitle,
      name: li.variantTitle ? `${li.title} - ${li.variantTitle}` : li.title,
      sku: li.sku,
      quantity: li.quantity,
      current_quantity: li.quantity - store.refundedQuantity(order, li.id),
      // Refunded units Shopify took off fulfillment (restock type CANCEL) are no longer to fulfill.
      fulfillable_quantity: order.cancelledAt ? 0 : li.quantity - store.cancelledQuantity(order, li.id),
      fulfillment_status: null,
      properties: options.properties?.[li.id] ?? [],
      price: li.price,
      price_set: {
        shop_money: { amount: li.price, currency_code: order.currencyCode },
        presentment_money: { amount: li.price, currency_code: order.currencyCode },
      },
    })),
  };
}

/** inventory_levels/update body for a variant's level at a location (default: its first level). */
export function inventoryPayload(store: AdminStore, variantId: string, locationId?: string) {
  const item = store.getInventoryItem(store.getVariant(variantId).inventoryItemId);
  const level = locationId ? item.levels.get(locationId) : item.levels.values().next().value;
  if (!level) throw new Error(`No inventory level for ${variantId}`);
  return {
    inventory_item_id: numericId(item.id),
    location_id: numericId(level.locationId),
    available: level.quantities.available,
    updated_at: level.updatedAt,
    admin_graphql_api_id: `gid://shopify/InventoryLevel/${numericId(level.locationId)}?inventory_item_id=${numericId(item.id)}`,
  };
}

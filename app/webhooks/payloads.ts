// Webhook payloads as Shopify sends them (REST resource JSON: numeric ids, snake_case) → the ledger's
// normalized facts. Bodies are parsed with parseJsonLosslessly (./json.ts), so ids above 2^53 arrive as exact
// digit strings; a number that is not a safe integer can only be a rounded id and is refused rather than
// acted on. Where the payload has `admin_graphql_api_id`, that gid is preferred over the numeric id. Only the fields we use are checked; anything else Shopify adds is ignored. A payload
// that fails here is answered 400 and nothing is stored.
import { z } from "zod";
import { toMinorUnits } from "~/domain/money";
import { isIsoDate } from "~/validation/dates";
import type {
  CustomerRedactFacts,
  DataRequestFacts,
  InventoryLevelFacts,
  OrderFacts,
  OrderLineFacts,
  OrderTopic,
  ProductFacts,
} from "~/workflows/ledger/types";

/** Numeric id (REST) or its exact string form (what the lossless parser gives for ids above 2^53). */
const numericId = z
  .union([
    z
      .number()
      .int()
      .nonnegative()
      .refine(Number.isSafeInteger, { message: "is above 2^53 and was rounded: parse the body losslessly" }),
    z.string().regex(/^\d{1,20}$/),
  ])
  .transform(String);
const timestamp = z.string().refine((v) => !Number.isNaN(Date.parse(v)), { message: "must be a date-time" });

export function gid(type: string, id: string): string {
  return `gid://shopify/${type}/${id}`;
}

/** The gid Shopify sends when it is of the right type (without query string), else one built from the id. */
function gidOf(type: string, adminGraphqlApiId: string | null | undefined, id: string): string {
  const match = adminGraphqlApiId ? /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)/.exec(adminGraphqlApiId) : null;
  return match && match[1] === type ? `gid://shopify/${type}/${match[2]}` : gid(type, id);
}

// ---- orders/create, orders/updated, orders/cancelled -----------------------------------------------

const property = z.object({ name: z.string(), value: z.unknown() });

const lineItem = z.object({
  id: numericId,
  admin_graphql_api_id: z.string().nullish(),
  variant_id: numericId.nullish(),
  title: z.string().nullish(),
  name: z.string().nullish(),
  variant_title: z.string().nullish(),
  quantity: z.number().int().nonnegative(),
  current_quantity: z.number().int().nonnegative().nullish(),
  fulfillable_quantity: z.number().int().nonnegative().nullish(),
  fulfillment_status: z.string().nullish(),
  properties: z.array(property).nullish(),
  /** Unit price in the shop's currency; read leniently (an unreadable price is no price, not a 400). */
  price: z.unknown().optional(),
  price_set: z.unknown().optional(),
});

const customer = z
  .object({
    id: z.union([z.number(), z.string()]).nullish(),
    email: z.string().nullish(),
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
  })
  .nullish();

export const OrderPayload = z.object({
  id: numericId,
  admin_graphql_api_id: z.string().nullish(),
  name: z.string().min(1),
  email: z.string().nullish(),
  contact_email: z.string().nullish(),
  customer,
  customer_locale: z.string().nullish(),
  created_at: timestamp,
  updated_at: timestamp,
  cancelled_at: timestamp.nullish(),
  tags: z.string().nullish(),
  /** The shop's currency (REST orders: `currency` is the shop currency, `presentment_currency` the buyer's). */
  currency: z.string().nullish(),
  line_items: z.array(lineItem),
  /** Deferred payments (deposit / pay later): the order's payment terms and what is still owed; read leniently. */
  payment_terms: z.unknown().optional(),
  total_outstanding: z.unknown().optional(),
});

const ISO_DATE = /\b(\d{4}-\d{2}-\d{2})\b/g;
/** Property the storefront block may add with machine-readable dates ("YYYY-MM-DD/YYYY-MM-DD"). */
const ETA_PROPERTY = /^_?backorder eta$/i;
/** The block's visible property (its default name; merchants may rename it). */
const ESTIMATED_PROPERTY = /^_?estimated[ _]delivery$/i;
const TERMS_PROPERTY = /^_?backorder[ _]terms[ _]version$/i;

function text(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

/** The promised range from line-item properties, when it carries ISO dates; null when unreadable. */
export function promisedFromProperties(properties: readonly { name: string; value?: unknown }[]): OrderLineFacts["promised"] {
  const candidates = [
    ...properties.filter((p) => ETA_PROPERTY.test(p.name.trim())),
    ...properties.filter((p) => ESTIMATED_PROPERTY.test(p.name.trim())),
  ];
  for (const p of candidates) {
    const dates = [...text(p.value).matchAll(ISO_DATE)].map((m) => m[1] as string).filter((d) => isIsoDate(d));
    if (dates.length === 0) continue;
    const sorted = [...dates].sort();
    const latest = sorted[sorted.length - 1] as string;
    return { earliest: sorted.length > 1 ? (sorted[0] as string) : null, latest };
  }
  return null;
}

function termsFromProperties(properties: readonly { name: string; value?: unknown }[]): number | null {
  const p = properties.find((x) => TERMS_PROPERTY.test(x.name.trim()));
  const n = p ? Number.parseInt(text(p.value), 10) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/**
 * The line's unit price in the shop's currency, in minor units: `price_set.shop_money` when present, else
 * `price` with the order's `currency`. Null when neither is readable (never 0 for "unknown").
 */
export function unitPriceOf(li: { price?: unknown; price_set?: unknown }, orderCurrency: string | null | undefined): OrderLineFacts["unitPrice"] {
  const shopMoney = (li.price_set as { shop_money?: { amount?: unknown; currency_code?: unknown } } | null | undefined)?.shop_money;
  if (shopMoney && typeof shopMoney.currency_code === "string") {
    const amountMinor = toMinorUnits(shopMoney.amount, shopMoney.currency_code);
    if (amountMinor !== null) return { amountMinor, currency: shopMoney.currency_code };
  }
  if (orderCurrency) {
    const amountMinor = toMinorUnits(li.price, orderCurrency);
    if (amountMinor !== null) return { amountMinor, currency: orderCurrency };
  }
  return null;
}

/** Payment terms and an outstanding amount above zero: the balance is to be collected later (issue 15). */
function hasDeferredPayment(payload: z.infer<typeof OrderPayload>): boolean {
  if (payload.payment_terms === null || typeof payload.payment_terms !== "object") return false;
  const outstanding = typeof payload.total_outstanding === "string" || typeof payload.total_outstanding === "number" ? Number(payload.total_outstanding) : NaN;
  return Number.isFinite(outstanding) && outstanding > 0;
}

function customerName(c: z.infer<typeof customer>): string | null {
  const name = [c?.first_name, c?.last_name].filter((part) => part && part.trim()).join(" ").trim();
  return name || null;
}

export function toOrderFacts(topic: OrderTopic, payload: z.infer<typeof OrderPayload>): OrderFacts {
  return {
    topic,
    orderId: gidOf("Order", payload.admin_graphql_api_id, payload.id),
    orderName: payload.name,
    email: payload.email || payload.contact_email || payload.customer?.email || null,
    customerName: customerName(payload.customer),
    customerId: payload.customer?.id != null && /^\d{1,20}$/.test(String(payload.customer.id)) ? gid("Customer", String(payload.customer.id)) : null,
    locale: (payload.customer_locale || "en").trim() || "en",
    createdAt: new Date(payload.created_at).toISOString(),
    updatedAt: new Date(payload.updated_at).toISOString(),
    cancelledAt: payload.cancelled_at ? new Date(payload.cancelled_at).toISOString() : null,
    deferredPayment: hasDeferredPayment(payload),
    tags: (payload.tags ?? "")
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
    lines: payload.line_items.map((li) => {
      const properties = li.properties ?? [];
      return {
        lineItemId: gidOf("LineItem", li.admin_graphql_api_id, li.id),
        variantId: li.variant_id ? gid("ProductVariant", li.variant_id) : null,
        productTitle: li.title ?? li.name ?? "",
        variantTitle: li.variant_title ?? "",
        quantity: li.current_quantity ?? li.quantity,
        fulfillableQuantity: li.fulfillable_quantity ?? null,
        fulfillmentStatus: li.fulfillment_status ?? null,
        promised: promisedFromProperties(properties),
        termsVersion: termsFromProperties(properties),
        unitPrice: unitPriceOf(li, payload.currency),
      };
    }),
  };
}

// ---- orders/fulfilled (feedback after delivery) -------------------------------------------------

/** The order resource again, with its fulfillments (one per shipment; the last one completed the order). */
export const OrderFulfilledPayload = OrderPayload.extend({
  fulfillments: z.array(z.object({ created_at: timestamp.nullish() }).passthrough()).nullish(),
});

export interface FulfilledOrderFacts {
  orderId: string;
  orderName: string;
  /** When the last shipment was created (the order's updated_at when the payload lists none). */
  fulfilledAt: string;
}

export function toFulfilledFacts(payload: z.infer<typeof OrderFulfilledPayload>): FulfilledOrderFacts {
  const shipped = (payload.fulfillments ?? []).flatMap((f) => (f.created_at ? [new Date(f.created_at).getTime()] : []));
  return {
    orderId: gidOf("Order", payload.admin_graphql_api_id, payload.id),
    orderName: payload.name,
    fulfilledAt: new Date(shipped.length ? Math.max(...shipped) : Date.parse(payload.updated_at)).toISOString(),
  };
}

// ---- inventory_levels/update --------------------------------------------------------------------

export const InventoryLevelPayload = z.object({
  inventory_item_id: numericId,
  location_id: numericId,
  available: z.number().int().nullish(),
  updated_at: timestamp,
  /** "gid://shopify/InventoryLevel/<level id>?inventory_item_id=<item id>" */
  admin_graphql_api_id: z.string().nullish(),
});

const INVENTORY_LEVEL_GID = /^gid:\/\/shopify\/InventoryLevel\/\d+\?(?:.*&)?inventory_item_id=(\d+)(?:&|$)/;

export function toInventoryFacts(payload: z.infer<typeof InventoryLevelPayload>): InventoryLevelFacts {
  // The level's gid names the item as text: preferred, like every other admin_graphql_api_id. (Its path is
  // the level's own id, not always the location's, so the location comes from location_id.)
  const level = payload.admin_graphql_api_id ? INVENTORY_LEVEL_GID.exec(payload.admin_graphql_api_id) : null;
  return {
    inventoryItemId: gid("InventoryItem", level?.[1] ?? payload.inventory_item_id),
    locationId: gid("Location", payload.location_id),
    available: payload.available ?? null,
    updatedAt: new Date(payload.updated_at).toISOString(),
  };
}

// ---- products/update, products/delete ------------------------------------------------------------

export const ProductUpdatePayload = z.object({
  id: numericId,
  admin_graphql_api_id: z.string().nullish(),
  title: z.string(),
  variants: z
    .array(
      z.object({
        id: numericId,
        admin_graphql_api_id: z.string().nullish(),
        inventory_item_id: numericId.nullish(),
        title: z.string().nullish(),
        sku: z.string().nullish(),
      }),
    )
    .default([]),
});

export function toProductFacts(payload: z.infer<typeof ProductUpdatePayload>): ProductFacts {
  return {
    productId: gidOf("Product", payload.admin_graphql_api_id, payload.id),
    title: payload.title,
    variants: payload.variants.map((v) => ({
      variantId: gidOf("ProductVariant", v.admin_graphql_api_id, v.id),
      inventoryItemId: v.inventory_item_id ? gid("InventoryItem", v.inventory_item_id) : null,
      title: v.title ?? "",
      sku: v.sku ?? null,
    })),
  };
}

export const ProductDeletePayload = z.object({ id: numericId, admin_graphql_api_id: z.string().nullish() });

export function toDeletedProductId(payload: z.infer<typeof ProductDeletePayload>): string {
  return gidOf("Product", payload.admin_graphql_api_id, payload.id);
}

// ---- compliance ------------------------------------------------------------------------------------

const complianceCustomer = z.object({
  id: numericId.nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
});

export const CustomersRedactPayload = z.object({
  shop_domain: z.string().nullish(),
  customer: complianceCustomer,
  orders_to_redact: z.array(numericId).nullish(),
});

export function toRedactFacts(payload: z.infer<typeof CustomersRedactPayload>): CustomerRedactFacts {
  return {
    customerId: payload.customer.id ? gid("Customer", payload.customer.id) : null,
    email: payload.customer.email?.trim().toLowerCase() || null,
    orderIds: (payload.orders_to_redact ?? []).map((id) => gid("Order", id)),
  };
}

export const CustomersDataRequestPayload = z.object({
  shop_domain: z.string().nullish(),
  customer: complianceCustomer,
  orders_requested: z.array(numericId).nullish(),
  data_request: z.object({ id: numericId.nullish() }).nullish(),
});

export function toDataRequestFacts(payload: z.infer<typeof CustomersDataRequestPayload>): DataRequestFacts {
  return {
    customerId: payload.customer.id ? gid("Customer", payload.customer.id) : null,
    email: payload.customer.email?.trim().toLowerCase() || null,
    orderIds: (payload.orders_requested ?? []).map((id) => gid("Order", id)),
    dataRequestId: payload.data_request?.id ?? null,
  };
}

export const ShopRedactPayload = z.object({ shop_domain: z.string().nullish() });

export const AppUninstalledPayload = z.object({}).passthrough();

// Normalized facts the ledger works on. Webhook payloads (REST-shaped, numeric ids, snake_case) are
// turned into these by app/webhooks/payloads.ts before a job is queued, so jobs never parse Shopify JSON.
import type { IsoDate } from "~/domain/types";

export type OrderTopic = "orders/create" | "orders/updated" | "orders/cancelled";

export interface OrderLineFacts {
  /** LineItem gid. */
  lineItemId: string;
  /** ProductVariant gid; null for custom items or deleted variants. */
  variantId: string | null;
  productTitle: string;
  variantTitle: string;
  /** Units still on the order (after edits and refunds). */
  quantity: number;
  /** Units still to fulfill, when Shopify says (null: unknown). */
  fulfillableQuantity: number | null;
  /** "fulfilled" | "partial" | null … */
  fulfillmentStatus: string | null;
  /** Delivery range the shopper saw at checkout (line-item property "Estimated delivery"), when readable. */
  promised: { earliest: IsoDate | null; latest: IsoDate } | null;
  /** Terms version the shopper accepted (line-item property "_terms_version"), when present. */
  termsVersion: number | null;
  /** Unit price in the shop's currency (minor units), when the payload had a readable one. Optional: jobs
   *  queued before prices were captured carry none. */
  unitPrice?: { amountMinor: number; currency: string } | null;
}

export interface OrderFacts {
  topic: OrderTopic;
  /** Order gid. */
  orderId: string;
  orderName: string;
  email: string | null;
  customerName: string | null;
  /** Customer gid of the order's customer; null for a guest order. Optional: jobs queued before it was kept carry none. */
  customerId?: string | null;
  locale: string;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  tags: string[];
  lines: OrderLineFacts[];
  /** The order was bought with a deferred payment (payment terms and an amount still outstanding: a deposit or
   *  pay later through a PRE_ORDER selling plan, issue 15). Optional: jobs queued before it carry none. */
  deferredPayment?: boolean;
}

export interface InventoryLevelFacts {
  inventoryItemId: string;
  locationId: string;
  available: number | null;
  updatedAt: string;
}

export interface ProductFacts {
  productId: string;
  title: string;
  variants: { variantId: string; inventoryItemId: string | null; title: string; sku: string | null }[];
}

export interface CustomerRedactFacts {
  customerId: string | null;
  email: string | null;
  orderIds: string[];
}

export interface DataRequestFacts extends CustomerRedactFacts {
  dataRequestId: string | null;
}

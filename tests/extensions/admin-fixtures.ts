// Backend answers for the admin extensions' tests, typed by the same definitions the routes satisfy
// (extensions/shared/admin-api.ts), so a change to the backend's shape breaks these tests' typecheck.
import type { AdminOrderSummary, AdminProductSummary } from "../../extensions/shared/admin-api";

/** Order #1001: a delayed chair (told a later date than promised) and a table ready to ship. */
export function orderSummary(patch: Partial<AdminOrderSummary> = {}): AdminOrderSummary {
  return {
    orderName: "#1001",
    supportPath: "/app/support/1001",
    version: 3,
    lines: [
      {
        id: "l1",
        title: "Oak chair – Natural",
        quantity: 2,
        status: "delayed",
        promisedLatest: "2026-12-10",
        notifiedLatest: "2026-12-18",
        current: { earliest: "2026-12-15", latest: "2026-12-18" },
        daysLate: 8,
      },
      { id: "l2", title: "Oak table", quantity: 1, status: "ready", promisedLatest: "2026-12-12", notifiedLatest: "2026-12-12", current: null, daysLate: 0 },
    ],
    lastContact: { at: "2026-12-01T09:30:00.000Z", kind: "delay_queued" },
    canEmail: true,
    compensation: { givenAt: null, proposal: { kind: "discount_percentage", percentage: 10, expiryDays: 30 }, default: { kind: "gift_note", note: "" } },
    ...patch,
  };
}

/** The oak chair: Natural sold on backorder with 3 units waiting, Black not on backorder. */
export function productSummary(patch: Partial<AdminProductSummary> = {}): AdminProductSummary {
  return {
    productPath: "/app/products/42",
    variants: [
      { id: "gid://shopify/ProductVariant/1", title: "Natural", mode: "always", available: -3, unitsWaiting: 3, nextEstimate: { earliest: "2026-12-20", latest: "2026-12-24" }, atRisk: true },
      { id: "gid://shopify/ProductVariant/2", title: "Black", mode: "off", available: 5, unitsWaiting: 0, nextEstimate: null, atRisk: false },
    ],
    ...patch,
  };
}

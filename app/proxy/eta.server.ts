// Live delivery estimate of one variant for themes or headless storefronts that want more than the
// metafield: the range a new order gets now and, for a logged-in customer, where their waiting order
// lines stand in the variant's first-in-first-out queue.
import { oldestWaitingOrderedAt, waitingLinesOfOrders } from "~/models/backorder-line.server";
import type { SummaryRange, VariantSummary } from "~/domain/summary";
import type { Confidence } from "~/domain/types";
import { computeVariantEtas } from "~/workflows/catalog/eta.server";
import { customerOrderIds } from "~/shopify/customer-orders.server";
import type { AdminGraphql } from "~/shopify/types";

const IN_CHUNK = 500;
/** Margin on the created_at filter: the ledger's orderedAt is the order's created_at, give or take precision. */
const SINCE_MARGIN_MS = 86_400_000;

export interface QueuedLine {
  orderName: string;
  quantity: number;
  /** 1-based place of this line among the variant's waiting lines. */
  position: number;
  /** Units owed to lines ahead of this one. */
  unitsAhead: number;
  estimated: SummaryRange;
}

export interface LiveEta {
  variantId: string;
  mode: VariantSummary["mode"];
  backorder: boolean;
  maxQty: number | null;
  /** Range for an order placed now, per delivery mode the shop offers. */
  next: VariantSummary["next"];
  confidence: Confidence;
  /** Units already owed to waiting orders. */
  queuedUnits: number;
  /** The logged-in customer's waiting lines for this variant; null when no customer is logged in. */
  customer: { lines: QueuedLine[] } | null;
  computedAt: string;
}

/** The customer's waiting lines of the variant: line id → order name. No Admin call when nobody waits. */
async function customerWaitingLines({
  shop,
  variantId,
  customerId,
  graphql,
}: {
  shop: string;
  variantId: string;
  customerId: string;
  graphql: AdminGraphql | null;
}): Promise<Map<string, string>> {
  const oldest = await oldestWaitingOrderedAt({ shop, variantId });
  if (!graphql || !oldest) return new Map();
  const orderIds = await customerOrderIds(graphql, { customerId, since: new Date(oldest.getTime() - SINCE_MARGIN_MS) });
  const names = new Map<string, string>();
  for (let i = 0; i < orderIds.length; i += IN_CHUNK) {
    const mine = await waitingLinesOfOrders({ shop, variantId, orderIds: orderIds.slice(i, i + IN_CHUNK) });
    for (const line of mine) names.set(line.id, line.orderName);
  }
  return names;
}

/**
 * null when the shop does not offer this variant on backorder (unknown to the app, or its mode is off).
 * Customer lines need the Admin API (orders by customer); without a session they are reported empty.
 */
export async function liveVariantEta({
  shop,
  variantId,
  customerId,
  graphql,
  now = new Date(),
}: {
  shop: string;
  variantId: string;
  customerId: string | null;
  graphql: AdminGraphql | null;
  now?: Date;
}): Promise<LiveEta | null> {
  const [result] = await computeVariantEtas({ shop, variantIds: [variantId], now });
  if (!result?.summary) return null;
  const { summary, eta } = result;

  let customer: LiveEta["customer"] = null;
  if (customerId) {
    const names = await customerWaitingLines({ shop, variantId, customerId, graphql });
    let unitsAhead = 0;
    const lines: QueuedLine[] = [];
    for (const line of eta.lines) {
      const orderName = names.get(line.lineId);
      if (orderName !== undefined) {
        lines.push({
          orderName,
          quantity: line.quantity,
          position: line.index + 1,
          unitsAhead,
          estimated: { earliest: line.eta.earliest, latest: line.eta.latest },
        });
      }
      unitsAhead += line.quantity;
    }
    customer = { lines };
  }

  return {
    variantId,
    mode: summary.mode,
    backorder: summary.backorder,
    maxQty: summary.maxQty,
    next: summary.next,
    confidence: summary.confidence,
    queuedUnits: eta.queuedUnits,
    customer,
    computedAt: summary.computedAt,
  };
}

// Live delivery estimate of one variant for themes or headless storefronts that want more than the
// metafield: the range a new order gets now and, for a logged-in customer, where their waiting order
// lines stand in the variant's first-in-first-out queue.
import prisma from "~/db.server";
import type { SummaryRange, VariantSummary } from "~/domain/summary";
import type { Confidence } from "~/domain/types";
import { computeVariantEtas } from "~/services/eta.server";
import type { AdminGraphql } from "~/shopify/types";

const CUSTOMER_ORDERS_QUERY = `#graphql
  query BackorderPilotProxyCustomerOrders($query: String!) {
    orders(first: 50, query: $query, sortKey: CREATED_AT, reverse: true) {
      nodes {
        id
      }
    }
  }
`;

interface CustomerOrdersResponse {
  data?: { orders: { nodes: { id: string }[] } };
}

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

/** The customer's order gids, newest first (their waiting lines are on recent orders). */
async function customerOrderIds(graphql: AdminGraphql, customerId: string): Promise<string[]> {
  const response = await graphql(CUSTOMER_ORDERS_QUERY, { variables: { query: `customer_id:${customerId}` } });
  const body = (await response.json()) as CustomerOrdersResponse;
  return body.data?.orders.nodes.map((o) => o.id) ?? [];
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
    const orderIds = graphql ? await customerOrderIds(graphql, customerId) : [];
    const mine =
      orderIds.length === 0
        ? []
        : await prisma.backorderLine.findMany({
            where: { shop, variantId, status: "waiting", orderId: { in: orderIds } },
            select: { id: true, orderName: true },
          });
    const names = new Map(mine.map((line) => [line.id, line.orderName]));
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

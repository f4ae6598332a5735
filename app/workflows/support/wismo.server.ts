// "Where is my order?" (the app-proxy page customers reach from the storefront): find an order by its
// number and the customer's email, show its live status and estimate line by line, and take the customer's
// message into the support desk as a complaint on the order's timeline.
//
// Lookups never tell "no such order" from "wrong email": both are `null`, and the email is compared in
// constant time (hashes of equal length) whether or not an order was found, so the page cannot be used to
// learn which order numbers exist.
import { createHash, timingSafeEqual } from "node:crypto";
import { effectiveEstimate } from "~/domain/manual-promise";
import type { DateRange } from "~/domain/types";
import { supportLinesOfOrders } from "~/models/backorder-line.server";
import { casesByOrderName, findCase } from "~/models/support-case.server";
import { inWriteTransaction, type Tx } from "~/models/transaction.server";
import { computeVariantEtas } from "~/workflows/catalog/eta.server";
import { recordCustomerFollowUp, type TimelineEvent } from "./timeline.server";

/** What the customer sees of one line. */
export type CustomerLineStatus = "waiting" | "delayed" | "ready" | "shipped" | "cancelled";

export interface CustomerLine {
  title: string;
  quantity: number;
  status: CustomerLineStatus;
  /** The current estimate of a waiting line (a date staff revised by hand while it stands, else the engine's). */
  estimate: DateRange | null;
  /** The latest date promised at checkout, when the order recorded one. */
  promisedLatest: string | null;
}

export interface CustomerOrderStatus {
  orderId: string;
  orderName: string;
  /** The language the customer ordered in (the page's language when the request names none). */
  customerLocale: string;
  lines: CustomerLine[];
}

/** The spellings a customer may type an order number in: "1001", "#1001", " #1001 ". */
export function orderNameCandidates(typed: string): string[] {
  const name = typed.trim();
  if (!name) return [];
  const bare = name.replace(/^#\s*/, "");
  return [...new Set([name, bare, `#${bare}`])];
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** Constant-time comparison of two addresses (case-insensitive). */
function sameEmail(stored: string | null, typed: string): boolean {
  // A case without an email (erased customer) still costs one comparison, against a value nobody can type.
  const a = digest(stored?.trim().toLowerCase() ?? "\u0000no-email");
  const b = digest(typed.trim().toLowerCase());
  return timingSafeEqual(a, b) && stored !== null;
}

/** The order whose number and customer email both match, or null (never saying which did not). */
export async function findCustomerOrder({ shop, orderNumber, email }: { shop: string; orderNumber: string; email: string }): Promise<{ orderId: string } | null> {
  const cases = await casesByOrderName({ shop, orderNames: orderNameCandidates(orderNumber) });
  let found: { orderId: string } | null = null;
  // Every candidate is compared (at least one comparison even when there is none), so timing does not
  // depend on whether the number exists.
  for (const c of cases.length ? cases : [{ orderId: "", customerEmail: null }]) {
    if (sameEmail(c.customerEmail, email) && c.orderId && !found) found = { orderId: c.orderId };
  }
  return found;
}

function later(a: string | null | undefined, b: string | null | undefined): boolean {
  return Boolean(a && b && a > b);
}

/** The order's lines as the customer sees them, with live estimates (computed now, as the order page does). */
export async function customerOrderStatus({ shop, orderId, now = new Date() }: { shop: string; orderId: string; now?: Date }): Promise<CustomerOrderStatus | null> {
  const supportCase = await findCase({ shop, orderId });
  if (!supportCase) return null;
  const lines = await supportLinesOfOrders({ shop, orderIds: [orderId] });
  const waitingVariants = [...new Set(lines.filter((l) => l.status === "waiting").map((l) => l.variantId))];
  const etas = await computeVariantEtas({ shop, variantIds: waitingVariants, now });
  const engine = new Map(etas.flatMap((r) => r.eta.lines.map((l) => [l.lineId, { range: { earliest: l.eta.earliest, latest: l.eta.latest }, supplyKey: r.supplyKey }] as const)));
  return {
    orderId,
    orderName: supportCase.orderName,
    customerLocale: supportCase.customerLocale,
    lines: lines.map((line) => {
      const title = [line.productTitle, line.variantTitle].filter((part) => part && part !== "Default Title").join(" – ");
      if (line.status !== "waiting") {
        const status: CustomerLineStatus = line.status === "cancelled" ? "cancelled" : line.status === "fulfilled" ? "shipped" : "ready";
        return { title, quantity: line.quantity, status, estimate: null, promisedLatest: line.promisedLatest };
      }
      const computed = engine.get(line.id);
      const manual =
        line.manualEarliest && line.manualLatest && line.manualSupplyKey
          ? { earliest: line.manualEarliest, latest: line.manualLatest, supplyKey: line.manualSupplyKey }
          : null;
      const estimate: DateRange | null = computed
        ? (({ earliest, latest }) => ({ earliest, latest }))(effectiveEstimate(computed.range, manual, computed.supplyKey))
        : line.manualEarliest && line.manualLatest
          ? { earliest: line.manualEarliest, latest: line.manualLatest }
          : line.estimateEarliest && line.estimateLatest
            ? { earliest: line.estimateEarliest, latest: line.estimateLatest }
            : null;
      // Delayed, to the customer: the date now is later than the one promised at checkout (or, without one,
      // than the last date they were told), or they were already told a date later than promised.
      const delayed = later(estimate?.latest, line.promisedLatest ?? line.notifiedLatest) || later(line.notifiedLatest, line.promisedLatest);
      return { title, quantity: line.quantity, status: delayed ? "delayed" : "waiting", estimate, promisedLatest: line.promisedLatest };
    }),
  };
}

/** Longest message a customer may send from the page (characters, after trimming). */
export const COMPLAINT_MAX_CHARS = 2_000;

/**
 * Records the customer's message as a `complaint` on the order's timeline (with what the page showed them),
 * which puts the case in the queue's Complaints view; a resolved case, or one waiting on the customer, is
 * reopened (logged as a status change by the customer). One write transaction: all of it or nothing.
 */
export async function recordComplaint({
  shop,
  orderId,
  text,
  shown,
  guard,
  now = new Date(),
}: {
  shop: string;
  orderId: string;
  text: string;
  /** The lines as the page showed them when the customer wrote. */
  shown: readonly CustomerLine[];
  /** Runs first in the transaction (the caller's rate limits): throwing rolls everything back. */
  guard?: (tx: Tx) => Promise<void>;
  now?: Date;
}): Promise<boolean> {
  return inWriteTransaction(shop, async (tx) => {
    const supportCase = await findCase({ shop, orderId }, tx);
    if (!supportCase) return false;
    if (guard) await guard(tx);
    const events: TimelineEvent[] = [
      {
        orderId,
        kind: "complaint",
        at: now,
        actor: "customer",
        data: {
          text: text.slice(0, COMPLAINT_MAX_CHARS),
          shown: shown.map((l) => ({ title: l.title, status: l.status, latest: l.estimate?.latest ?? null })),
        },
      },
    ];
    await recordCustomerFollowUp(tx, shop, { caseStatus: supportCase.status, events });
    return true;
  });
}

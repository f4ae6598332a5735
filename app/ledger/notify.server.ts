// The ledger's side of customer emails: which email a ledger change means, with which dedupe key and data.
// Rendering and delivery belong to ~/notifications; these run inside the ledger's transactions so an email
// exists exactly when the change that causes it committed.
import type { Prisma } from "@prisma/client";
import { EmailInputError, queueEmail } from "~/notifications/queue.server";

type Tx = Prisma.TransactionClient;

export interface LineForEmail {
  id: string;
  orderName: string;
  customerName: string | null;
  customerEmail: string | null;
  customerLocale: string;
  productTitle: string;
  variantTitle: string;
  quantity: number;
}

export const LINE_EMAIL_SELECT = {
  id: true,
  orderName: true,
  customerName: true,
  customerEmail: true,
  customerLocale: true,
  productTitle: true,
  variantTitle: true,
  quantity: true,
} as const;

export const confirmationKey = (lineId: string) => `line:${lineId}:confirmation`;
export const delayKey = (lineId: string, latest: string) => `line:${lineId}:delay:${latest}`;
export const earlierKey = (lineId: string, latest: string) => `line:${lineId}:earlier:${latest}`;
export const readyKey = (lineId: string) => `line:${lineId}:ready`;

/** A customer address the data layer refused (malformed) must not block the ledger: log and go on. */
async function queueSafely(input: Parameters<typeof queueEmail>[0], tx: Tx): Promise<boolean> {
  try {
    return (await queueEmail(input, tx)).queued;
  } catch (error) {
    if (error instanceof EmailInputError) {
      console.warn(`[ledger] ${input.shop}: ${input.kind} email ${input.dedupeKey} not queued: ${error.message}`);
      return false;
    }
    throw error;
  }
}

/** One confirmation per order: every owed line of it, with its date range and the terms accepted. */
export async function queueConfirmation(
  tx: Tx,
  shop: string,
  lines: readonly (LineForEmail & { earliest: string; latest: string })[],
  termsVersion: number,
): Promise<boolean> {
  const first = [...lines].sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  if (!first?.customerEmail) return false;
  return queueSafely(
    {
      shop,
      kind: "backorder_confirmation",
      dedupeKey: confirmationKey(first.id),
      to: first.customerEmail,
      locale: first.customerLocale,
      data: {
        orderName: first.orderName,
        customerName: first.customerName,
        lines: lines.map((l) => ({
          productTitle: l.productTitle,
          variantTitle: l.variantTitle,
          quantity: l.quantity,
          earliest: l.earliest,
          latest: l.latest,
        })),
        termsVersion,
      },
    },
    tx,
  );
}

/** One delay notice per line and per new latest date. */
export function queueDelay(tx: Tx, shop: string, line: LineForEmail, dates: DateChange): Promise<boolean> {
  return queueDateChange(tx, shop, line, dates, "delay_notice");
}

/** One good-news email per line and per new (earlier) latest date. */
export function queueEarlierDate(tx: Tx, shop: string, line: LineForEmail, dates: DateChange): Promise<boolean> {
  return queueDateChange(tx, shop, line, dates, "earlier_date");
}

interface DateChange {
  previousLatest: string;
  earliest: string;
  latest: string;
}

async function queueDateChange(
  tx: Tx,
  shop: string,
  line: LineForEmail,
  dates: DateChange,
  kind: "delay_notice" | "earlier_date",
): Promise<boolean> {
  if (!line.customerEmail) return false;
  return queueSafely(
    {
      shop,
      kind,
      dedupeKey: (kind === "delay_notice" ? delayKey : earlierKey)(line.id, dates.latest),
      to: line.customerEmail,
      locale: line.customerLocale,
      data: {
        orderName: line.orderName,
        customerName: line.customerName,
        productTitle: line.productTitle,
        variantTitle: line.variantTitle,
        quantity: line.quantity,
        previousLatest: dates.previousLatest,
        earliest: dates.earliest <= dates.latest ? dates.earliest : dates.latest,
        latest: dates.latest,
      },
    },
    tx,
  );
}

/** One ready-to-ship email per order, keyed by the order's first ledger line. */
export async function queueReady(tx: Tx, shop: string, keyLineId: string, lines: readonly LineForEmail[]): Promise<boolean> {
  const first = lines[0];
  if (!first?.customerEmail) return false;
  return queueSafely(
    {
      shop,
      kind: "ready_to_ship",
      dedupeKey: readyKey(keyLineId),
      to: first.customerEmail,
      locale: first.customerLocale,
      data: {
        orderName: first.orderName,
        customerName: first.customerName,
        lines: lines.map((l) => ({ productTitle: l.productTitle, variantTitle: l.variantTitle, quantity: l.quantity })),
      },
    },
    tx,
  );
}

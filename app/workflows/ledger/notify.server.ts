// The ledger's side of customer emails: which email a ledger change means, with which dedupe key and data.
// Rendering and delivery belong to ~/notifications; these run inside the ledger's transactions so an email
// exists exactly when the change that causes it committed.
import { recordRefusedEmail } from "~/models/email-outbox.server";
import type { Tx } from "~/models/transaction.server";
import { EmailInputError, normalizeLocale, queueEmail } from "~/notifications/queue.server";
import { choiceLinks } from "~/workflows/support/choice-links.server";
import { paymentForEmail } from "~/workflows/payments/balance.server";

export interface LineForEmail {
  id: string;
  orderId: string;
  orderName: string;
  customerName: string | null;
  customerEmail: string | null;
  customerLocale: string;
  productTitle: string;
  variantTitle: string;
  quantity: number;
}

export const confirmationKey = (lineId: string) => `line:${lineId}:confirmation`;
export const delayKey = (lineId: string, latest: string) => `line:${lineId}:delay:${latest}`;
export const earlierKey = (lineId: string, latest: string) => `line:${lineId}:earlier:${latest}`;
export const readyKey = (lineId: string) => `line:${lineId}:ready`;
export const cancellationKey = (cancellationId: string) => `cancellation:${cancellationId}`;

/** Longest refusal reason kept on the outbox row (a zod report on a long address can be long). */
const MAX_REFUSAL_LENGTH = 1_000;

/**
 * Queues the email, or, when the outbox refuses it (a malformed customer address, data no template can
 * render), records it as a dead outbox row with the reason, in the same transaction as the ledger change
 * that caused it. The ledger goes on (one customer's bad address never blocks the others), and the merchant
 * sees the email that could not go out under Notifications › Failed, with the order and why.
 *
 * Why not fail the job (`ctx.reportFailure`): the ledger change commits with its compare-and-set on
 * notifiedLatest, so the job's retry finds nothing left to email, succeeds, and clears the job's error: the
 * refusal would be visible for one backoff at most. The dead row is durable, keyed like the email (a
 * repeated pass records it once), deleted with the customer's data, and works for every caller.
 */
async function queueSafely(input: Parameters<typeof queueEmail>[0], tx: Tx): Promise<boolean> {
  try {
    return (await queueEmail(input, tx)).queued;
  } catch (error) {
    if (!(error instanceof EmailInputError)) throw error;
    console.warn(`[ledger] ${input.shop}: ${input.kind} email ${input.dedupeKey} refused: ${error.message}`);
    await recordRefusal(tx, input, error.message);
    return false;
  }
}

async function recordRefusal(tx: Tx, input: Parameters<typeof queueEmail>[0], reason: string): Promise<void> {
  const orderName = typeof input.data.orderName === "string" ? input.data.orderName : "";
  const lastError = `Not sent, refused before queueing: ${reason}`;
  // Ledger writers hold the write lock, so no other pass inserts this key between the read and the insert.
  await recordRefusedEmail(
    {
      shop: input.shop,
      dedupeKey: input.dedupeKey.slice(0, 255),
      kind: input.kind,
      toEmail: input.to.trim().toLowerCase().slice(0, 320),
      locale: normalizeLocale(input.locale),
      // Nothing could be rendered: the order tells the merchant whom to contact instead.
      subject: orderName,
      lastError: lastError.length > MAX_REFUSAL_LENGTH ? `${lastError.slice(0, MAX_REFUSAL_LENGTH)}…` : lastError,
    },
    tx,
  );
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
        payment: await paymentForEmail(tx, shop, first.orderId, first.customerLocale),
      },
    },
    tx,
  );
}

/**
 * One delay notice per line and per new latest date. It carries the customer's two signed links (wait, or
 * cancel the line for a refund; ~/workflows/support/choice-links.server), valid for CHOICE_LINK_DAYS.
 */
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
  const links = kind === "delay_notice" ? choiceLinks({ shop, orderId: line.orderId, lineIds: [line.id], locale: line.customerLocale, now: new Date() }) : {};
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
        ...links,
      },
    },
    tx,
  );
}

/** One cancellation email per cancellation (the support desk's cancel & refund, or the customer's link). */
export async function queueCancellation(
  tx: Tx,
  shop: string,
  lines: readonly LineForEmail[],
  { cancellationId, refundAmount, wholeOrder }: { cancellationId: string; refundAmount: string; wholeOrder: boolean },
): Promise<boolean> {
  const first = lines[0];
  if (!first?.customerEmail) return false;
  return queueSafely(
    {
      shop,
      kind: "cancellation",
      dedupeKey: cancellationKey(cancellationId),
      to: first.customerEmail,
      locale: first.customerLocale,
      data: {
        orderName: first.orderName,
        customerName: first.customerName,
        lines: lines.map((l) => ({ productTitle: l.productTitle, variantTitle: l.variantTitle, quantity: l.quantity })),
        refundAmount,
        wholeOrder,
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
        payment: await paymentForEmail(tx, shop, first.orderId, first.customerLocale, { charging: true }),
      },
    },
    tx,
  );
}

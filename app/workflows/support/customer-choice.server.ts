// The customer's answer to a delay email (the app proxy page behind its two signed links): what the link is
// about, and recording the answer once. "I'll wait" lands on the timeline and takes the case off "waiting on
// customer"; "cancel for a refund" becomes a cancellation request that either waits for staff approval or is
// refunded at once by a job, as the shop's setting says (./cancellation.server.ts does the refund).
// The link's token is verified by the caller (./choice-links.server.ts); every read here is scoped by the
// shop the token and the proxy signature both name, and by the order and lines the token names.
import { enqueueJob } from "~/jobs/queue.server";
import { supportLinesOfOrders } from "~/models/backorder-line.server";
import { findCancelRequestMode } from "~/models/settings.server";
import {
  findCancellationByKey,
  findCustomerChoice,
  hasActiveOrderCancellation,
  insertCancellation,
  linesInActiveCancellations,
  recordCustomerChoice,
} from "~/models/support-cancellation.server";
import { customerAnswered, findCase, updateCaseStaffFields } from "~/models/support-case.server";
import { inWriteTransaction } from "~/models/transaction.server";
import { CANCELLATION_JOB } from "./cancellation.server";
import type { ChoicePayload } from "./choice-links.server";
import { recordTimeline } from "./timeline.server";

export interface ChoiceLine {
  title: string;
  quantity: number;
  status: string;
  /** The date the line goes by now ("YYYY-MM-DD"), when it still waits. */
  latest: string | null;
}

export type ChoicePageState =
  /** The question is open: the page asks to confirm. */
  | "open"
  /** This link was answered already. */
  | "answered"
  /** Nothing the link names is still owed (shipped, allocated or cancelled meanwhile). */
  | "nothing_left";

export interface ChoicePage {
  orderName: string;
  lines: ChoiceLine[];
  state: ChoicePageState;
}

const title = (l: { productTitle: string; variantTitle: string }) => [l.productTitle, l.variantTitle].filter(Boolean).join(" – ");

/** What the page shows for a verified link; null when the shop has no such order (never another shop's). */
export async function loadChoicePage({ payload, tokenHash }: { payload: ChoicePayload; tokenHash: string }): Promise<ChoicePage | null> {
  const { shop, orderId } = payload;
  const supportCase = await findCase({ shop, orderId });
  if (!supportCase) return null;
  const lines = (await supportLinesOfOrders({ shop, orderIds: [orderId] })).filter((l) => payload.lineIds.includes(l.id));
  if (lines.length === 0) return null;
  const answered = await findCustomerChoice({ shop, tokenHash });
  const waiting = lines.filter((l) => l.status === "waiting");
  return {
    orderName: supportCase.orderName,
    lines: lines.map((l) => ({
      title: title(l),
      quantity: l.quantity,
      status: l.status,
      latest: l.status === "waiting" ? (l.manualLatest ?? l.estimateLatest ?? l.notifiedLatest) : null,
    })),
    state: answered ? "answered" : waiting.length === 0 ? "nothing_left" : "open",
  };
}

export type AnswerOutcome =
  | "waiting"
  /** The request waits for staff approval. */
  | "cancel_requested"
  /** The shop refunds automatically: a job is cancelling and refunding now. */
  | "cancel_processing"
  | "already_answered"
  | "nothing_left"
  | "not_found";

/**
 * Records the customer's answer, once per link: a repeated POST (a double click, a mail client replaying)
 * answers "already_answered" and writes nothing.
 */
export async function answerChoice({ payload, tokenHash, now = new Date() }: { payload: ChoicePayload; tokenHash: string; now?: Date }): Promise<AnswerOutcome> {
  const { shop, orderId, choice } = payload;
  const mode = choice === "cancel" ? await findCancelRequestMode({ shop }) : "approval";
  return inWriteTransaction(shop, async (tx): Promise<AnswerOutcome> => {
    if (!(await findCase({ shop, orderId }, tx))) return "not_found";
    const lines = (await supportLinesOfOrders({ shop, orderIds: [orderId] }, tx)).filter((l) => payload.lineIds.includes(l.id));
    if (lines.length === 0) return "not_found";
    if (await findCustomerChoice({ shop, tokenHash }, tx)) return "already_answered";
    let waiting = lines.filter((l) => l.status === "waiting");
    if (choice === "cancel") {
      // Lines another cancellation (staff's, or this customer's other link) already holds are not asked twice.
      const busy = await linesInActiveCancellations({ shop, orderId }, tx);
      if (await hasActiveOrderCancellation({ shop, orderId }, tx)) waiting = [];
      waiting = waiting.filter((l) => !busy.has(l.id));
    }
    if (waiting.length === 0) return "nothing_left";
    await recordCustomerChoice({ shop, orderId, choice, lineIds: waiting.map((l) => l.id), tokenHash, at: now }, tx);
    const items = waiting.map((l) => `${l.quantity} × ${title(l)}`).join(", ");
    const lineIds = waiting.map((l) => l.id);
    if (choice === "wait") {
      await recordTimeline(tx, shop, [{ orderId, kind: "customer_chose_wait", at: now, actor: "customer", data: { lineIds, items } }]);
      await customerAnswered({ shop, orderId }, tx);
      return "waiting";
    }
    const key = `link:${tokenHash}`;
    if (await findCancellationByKey({ shop, key }, tx)) return "already_answered";
    const automatic = mode === "refund";
    const row = await insertCancellation(
      { shop, orderId, scope: "lines", lineIds, source: "customer", requestedBy: "customer", status: automatic ? "pending" : "requested", key },
      tx,
    );
    await recordTimeline(tx, shop, [{ orderId, kind: "cancel_requested", at: now, actor: "customer", data: { lineIds, items, automatic, cancellationId: row.id } }]);
    // The case needs the team (an approval) or at least their eyes: open again, and stale pages refuse.
    await customerAnswered({ shop, orderId, reopenResolved: true }, tx);
    await updateCaseStaffFields({ shop, orderId, version: null, data: {} }, tx);
    if (automatic) await enqueueJob({ shop, kind: CANCELLATION_JOB, payload: { cancellationId: row.id }, uniqueKey: `cancellation:${row.id}`, now }, tx);
    return automatic ? "cancel_processing" : "cancel_requested";
  });
}

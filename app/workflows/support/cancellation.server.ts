// Cancel and refund (support desk, issue 11 phase 2): the owed lines a person chose, or the whole order, are
// refunded in Shopify, their ledger lines cancelled, the customer emailed, and the variants' queues served
// again so the next customers move up (and hear of an earlier date when the shop sends those emails).
//
// Never twice, whoever asks and however often:
//   1. A SupportCancellation row is written *before* Shopify is called, under a one-time key (the form's
//      submission key, or the customer's link), with the exact refund request (`plan`). A second submit of
//      the same form finds the row and resumes it; two cancellations can never hold the same line.
//   2. The refund goes out with Shopify's `@idempotent` key derived from the row, and the same plan: a retry
//      replays the first refund. A whole-order cancel first reads whether the order is already cancelled.
//   3. The outcome is recorded by compare-and-set on the row's status (pending → refunded), in one
//      transaction with the lines, the timeline and the cancellation email.
// Staff actions call Shopify while the person waits, so Shopify's refusal is shown on the page and nothing is
// kept (the row is deleted, or an approved request goes back to waiting). A job (`support.cancellation`) is
// queued with each row: it completes a cancellation whose request died half-way (Shopify unreachable, an
// orderCancel job still running), runs the customer's cancellations when the shop refunds automatically, and
// after the refund releases our holds and serves the variants' queues again.
// Shopify's own orders/updated and orders/cancelled webhooks, arriving after, find the lines already
// cancelled: the ledger does not process the cancellation a second time.
import type { JobContext, JobOutcome } from "~/jobs/types";
import { enqueueJob } from "~/jobs/queue.server";
import { dateLocale } from "~/notifications/kinds";
import { formatMoney } from "~/domain/format";
import { translator, type AdminMessageKey } from "~/i18n/admin";
import { cancelLinesById, cancelOpenLinesOfOrder, supportLinesOfOrders } from "~/models/backorder-line.server";
import { deleteQueuedJobs, listQueuedJobsByKeyPrefix } from "~/models/job.server";
import {
  cancellationsOfOrder,
  findCancellation,
  findCancellationByKey,
  hasActiveOrderCancellation,
  insertCancellation,
  linesInActiveCancellations,
  markCancellationFollowedUp,
  moveCancellation,
  deletePendingCancellation,
  setCancellationPlan,
  type Cancellation,
  type CancellationScope,
} from "~/models/support-cancellation.server";
import { caseAtVersion, customerAnswered, findCase, updateCaseStaffFields } from "~/models/support-case.server";
import { inWriteTransaction, type Tx } from "~/models/transaction.server";
import { AdminApiError, type AdminClient } from "~/shopify/admin-client.server";
import {
  cancelWholeOrder,
  refundIdempotencyKey,
  refundOwedUnits,
  suggestRefund,
  type OwedUnits,
  type PollOptions,
  type RefundSuggestion,
} from "~/shopify/refunds.server";
import { queueCancellation } from "~/workflows/ledger/notify.server";
import { releaseHoldsForOrder } from "~/workflows/ledger/holds.server";
import { refreshAndAllocate } from "~/workflows/ledger/stock.server";
import { refundOfPaidPart, settleBalanceAfterCancel } from "~/workflows/payments/refunds.server";
import { recordTimeline, type TimelineEvent } from "./timeline.server";

export const CANCELLATION_JOB = "support.cancellation";
/** The safety-net job runs this long after a staff cancellation started (it normally finds nothing to do). */
const SAFETY_DELAY_MS = 2 * 60_000;

type SupportLine = Awaited<ReturnType<typeof supportLinesOfOrders>>[number];

/** A message key of the support namespace, with its parameters. */
export interface CancelError {
  key: string;
  params?: Record<string, string>;
}

export type CancelResult =
  | { ok: true; message: "cancelled" | "cancelling" | "declined" }
  | { ok: false; status: 400 | 404 | 409 | 422 | 502; errors: Record<string, CancelError> };

const fail = (status: 400 | 404 | 409 | 422 | 502, field: string, key: string, params?: Record<string, string>): CancelResult => ({
  ok: false,
  status,
  errors: { [field]: params ? { key, params } : { key } },
});

/** What the refund request to Shopify is, stored on the row before it is sent. */
interface Plan {
  units: OwedUnits[];
  suggestion: RefundSuggestion;
  /** A deposit or pay-later order (ADR 015): the refund is what was paid for the items, the rest of their
   *  price is no longer owed (minor units). */
  deposit?: { refundMinor: number; forgivenMinor: number };
}

function parsePlan(text: string | null): Plan | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as Plan;
  } catch {
    return null;
  }
}

const title = (line: Pick<SupportLine, "productTitle" | "variantTitle">) => [line.productTitle, line.variantTitle].filter(Boolean).join(" – ");
const items = (lines: readonly SupportLine[]) => lines.map((l) => `${l.quantity} × ${title(l)}`).join(", ");

// ---- what would be refunded ------------------------------------------------------------------------

/** The lines a cancellation would take now, or why it cannot. */
async function chooseLines(
  shop: string,
  orderId: string,
  scope: CancellationScope,
  lineIds: readonly string[],
  tx?: Tx,
): Promise<{ ok: true; lines: SupportLine[] } | { ok: false; result: CancelResult }> {
  const all = await supportLinesOfOrders({ shop, orderIds: [orderId] }, tx);
  const busy = await linesInActiveCancellations({ shop, orderId }, tx);
  const wholeBusy = await hasActiveOrderCancellation({ shop, orderId }, tx);
  if (scope === "order") {
    const open = all.filter((l) => l.status === "waiting" || l.status === "allocated");
    if (open.length === 0) return { ok: false, result: fail(422, "form", "support.cancel.error.nothingOpen") };
    if (busy.size > 0 || wholeBusy) return { ok: false, result: fail(409, "form", "support.cancel.error.inProgress") };
    return { ok: true, lines: open };
  }
  const wanted = new Set(lineIds);
  const lines = all.filter((l) => wanted.has(l.id));
  if (wanted.size === 0 || lines.length !== wanted.size || lines.some((l) => l.status !== "waiting")) {
    return { ok: false, result: fail(422, "lineIds", "support.cancel.error.notWaiting") };
  }
  if (wholeBusy || lines.some((l) => busy.has(l.id))) return { ok: false, result: fail(409, "form", "support.cancel.error.inProgress") };
  return { ok: true, lines };
}

/**
 * Shopify's suggestion for the lines (or the whole order), checked to cover every owed unit; for a deposit or
 * pay-later order, lowered to what was actually paid for them (./../payments/refunds.server.ts).
 */
async function planFor(
  client: AdminClient,
  shop: string,
  orderId: string,
  scope: CancellationScope,
  lines: readonly SupportLine[],
): Promise<{ ok: true; plan: Plan } | { ok: false; result: CancelResult }> {
  const units = scope === "lines" ? lines.map((l) => ({ lineItemId: l.lineItemId, quantity: l.quantity })) : [];
  const found = await suggestRefund(client, { orderId, units, full: scope === "order" });
  if (!found.ok) return { ok: false, result: fail(404, "form", "support.cancel.error.orderNotFound") };
  if (found.cancelledAt) return { ok: false, result: fail(409, "form", "support.cancel.error.alreadyCancelled") };
  if (scope === "lines") {
    const covered = new Map(found.suggestion.lineItems.map((li) => [li.lineItemId, li.quantity]));
    const short = lines.find((l) => (covered.get(l.lineItemId) ?? 0) < l.quantity);
    if (short) return { ok: false, result: fail(422, "form", "support.cancel.error.notRefundable", { item: title(short) }) };
  }
  const paidOnly = await refundOfPaidPart({ shop, orderId, scope, lines, suggestion: found.suggestion });
  if (paidOnly === "charging") return { ok: false, result: fail(409, "form", "support.cancel.error.balanceCharging") };
  return { ok: true, plan: { units, suggestion: paidOnly?.suggestion ?? found.suggestion, ...(paidOnly ? { deposit: paidOnly.deposit } : {}) } };
}

export type PreviewResult =
  | { ok: true; amount: string; currency: string; items: { title: string; quantity: number }[] }
  | { ok: false; status: 404 | 409 | 422; errors: Record<string, CancelError> };

/**
 * The refund the confirmation dialog states: Shopify's suggestion for the chosen owed lines, the whole order,
 * or a customer's request (by its id). Reads only.
 */
export async function previewCancellation({
  shop,
  orderId,
  client,
  scope,
  lineIds = [],
  cancellationId,
}: {
  shop: string;
  orderId: string;
  client: AdminClient;
  scope: CancellationScope;
  lineIds?: readonly string[];
  cancellationId?: string | null;
}): Promise<PreviewResult> {
  if (!(await findCase({ shop, orderId }))) return { ok: false, status: 404, errors: { form: { key: "support.error.notFound" } } };
  let ids = lineIds;
  if (cancellationId) {
    const request = await findCancellation({ shop, id: cancellationId });
    if (!request || request.orderId !== orderId || request.status !== "requested") return { ok: false, status: 404, errors: { form: { key: "support.cancel.error.requestGone" } } };
    const waiting = new Set((await supportLinesOfOrders({ shop, orderIds: [orderId] })).filter((l) => l.status === "waiting").map((l) => l.id));
    ids = request.lineIds.filter((id) => waiting.has(id));
    if (ids.length === 0) return { ok: false, status: 422, errors: { form: { key: "support.cancel.error.nothingOpen" } } };
  }
  const chosen = await chooseLinesForPreview(shop, orderId, scope, ids, cancellationId ?? null);
  if (!chosen.ok) return chosen.result as PreviewResult;
  const planned = await planFor(client, shop, orderId, scope, chosen.lines);
  if (!planned.ok) return planned.result as PreviewResult;
  return {
    ok: true,
    amount: planned.plan.suggestion.amount,
    currency: planned.plan.suggestion.currency,
    items: chosen.lines.map((l) => ({ title: title(l), quantity: l.quantity })),
  };
}

/** Like chooseLines, but a customer's own request does not count as holding its lines. */
async function chooseLinesForPreview(shop: string, orderId: string, scope: CancellationScope, lineIds: readonly string[], requestId: string | null) {
  if (!requestId) return chooseLines(shop, orderId, scope, lineIds);
  const all = await supportLinesOfOrders({ shop, orderIds: [orderId] });
  return { ok: true as const, lines: all.filter((l) => lineIds.includes(l.id)) };
}

/** What the order page shows of cancellations: customers' requests awaiting approval, and any in flight. */
export async function loadCancellations({ shop, orderId }: { shop: string; orderId: string }) {
  const [rows, lines] = await Promise.all([cancellationsOfOrder({ shop, orderId }), supportLinesOfOrders({ shop, orderIds: [orderId] })]);
  const byId = new Map(lines.map((l) => [l.id, l]));
  return {
    requests: rows
      .filter((r) => r.status === "requested")
      .map((r) => ({
        id: r.id,
        createdAt: r.createdAt,
        items: items(r.lineIds.flatMap((id) => (byId.get(id) ? [byId.get(id) as SupportLine] : []))),
        /** Shopify refused an approval: the request waits again, with why. */
        error: r.error,
      })),
    inProgress: rows.some((r) => r.status === "pending"),
  };
}

// ---- staff actions -------------------------------------------------------------------------------------

export type CancelInput =
  | { intent: "cancel_lines"; version: number; lineIds: string[]; submissionKey: string; amount?: string | undefined }
  | { intent: "cancel_order"; version: number; submissionKey: string; amount?: string | undefined }
  | { intent: "approve_cancel"; version: number; cancellationId: string; amount?: string | undefined }
  | { intent: "decline_cancel"; version: number; cancellationId: string; reason: string };

export interface CancelContext {
  shop: string;
  orderId: string;
  /** "staff:<user id>". */
  actor: string;
  client: AdminClient;
  /** The admin's language, for amounts in messages (default "en"). */
  locale?: string;
  now?: Date;
  poll?: PollOptions;
}

/** Runs one of the order page's cancellation actions (input already validated by the route). */
export async function runCancelAction(context: CancelContext, input: CancelInput): Promise<CancelResult> {
  const { shop, orderId } = context;
  if (!(await findCase({ shop, orderId }))) return fail(404, "form", "support.error.notFound");
  switch (input.intent) {
    case "cancel_lines":
    case "cancel_order":
      return cancelNow(context, input);
    case "approve_cancel":
      return approve(context, input);
    case "decline_cancel":
      return decline(context, input);
  }
}

async function cancelNow(context: CancelContext, input: Extract<CancelInput, { intent: "cancel_lines" | "cancel_order" }>): Promise<CancelResult> {
  const { shop, orderId, actor, client } = context;
  const now = context.now ?? new Date();
  const key = `staff:${input.submissionKey}`;
  const scope: CancellationScope = input.intent === "cancel_order" ? "order" : "lines";
  const existing = await findCancellationByKey({ shop, key });
  if (existing) return resumeStaffRow(context, existing);

  if (!(await caseAtVersion({ shop, orderId, version: input.version }))) return fail(409, "form", "support.error.conflict");
  const chosen = await chooseLines(shop, orderId, scope, input.intent === "cancel_lines" ? input.lineIds : []);
  if (!chosen.ok) return chosen.result;
  const planned = await planFor(client, shop, orderId, scope, chosen.lines);
  if (!planned.ok) return planned.result;
  const { suggestion } = planned.plan;
  if (input.amount !== undefined && Number(input.amount) !== Number(suggestion.amount)) {
    return fail(409, "form", "support.cancel.error.amountChanged", { amount: formatMoney(suggestion.amount, suggestion.currency, context.locale ?? "en") });
  }

  // Written before Shopify is called; the same checks again under the write lock (a concurrent request).
  const claimed = await inWriteTransaction(shop, async (tx) => {
    const again = await findCancellationByKey({ shop, key }, tx);
    if (again) return { row: again };
    if (!(await caseAtVersion({ shop, orderId, version: input.version }, tx))) return { result: fail(409, "form", "support.error.conflict") };
    const still = await chooseLines(shop, orderId, scope, chosen.lines.map((l) => l.id), tx);
    if (!still.ok) return { result: still.result };
    const row = await insertCancellation(
      {
        shop,
        orderId,
        scope,
        lineIds: chosen.lines.map((l) => l.id),
        source: "staff",
        requestedBy: actor,
        status: "pending",
        key,
        plan: JSON.stringify(planned.plan),
        amount: suggestion.amount,
        currency: suggestion.currency,
      },
      tx,
    );
    await enqueueCancellationJob(tx, shop, row.id, new Date(now.getTime() + SAFETY_DELAY_MS), now);
    return { row };
  });
  if ("result" in claimed) return claimed.result as CancelResult;
  return resumeStaffRow(context, claimed.row);
}

/** Carries a staff (or approved) cancellation through Shopify while the person waits. */
async function resumeStaffRow(context: CancelContext, row: Cancellation): Promise<CancelResult> {
  if (row.orderId !== context.orderId) return fail(409, "form", "support.cancel.error.inProgress");
  if (row.status === "refunded") return { ok: true, message: "cancelled" };
  if (row.status !== "pending") return fail(409, "form", "support.cancel.error.inProgress");
  const now = context.now ?? new Date();
  let outcome: ExecuteOutcome;
  try {
    outcome = await execute(context.client, row, context.poll);
  } catch (error) {
    if (!(error instanceof AdminApiError)) throw error;
    if (error.kind !== "graphql") return fail(502, "form", "support.cancel.error.unavailable");
    outcome = { kind: "refused", message: error.message };
  }
  if (outcome.kind === "running") return { ok: true, message: "cancelling" };
  if (outcome.kind === "refused") {
    // Nothing of a refused cancellation is kept: a staff one goes, an approved request waits again.
    await inWriteTransaction(row.shop, async (tx) => {
      if (row.source === "customer") await moveCancellation({ shop: row.shop, id: row.id, from: "pending", to: "requested", data: { error: outcome.message.slice(0, 1_000) } }, tx);
      else await deletePendingCancellation({ shop: row.shop, id: row.id }, tx);
      await dropCancellationJobs(tx, row.shop, row.id);
    });
    return fail(422, "form", "support.cancel.error.shopify", { message: outcome.message });
  }
  await recordRefund(row, outcome, context.actor, now);
  return { ok: true, message: "cancelled" };
}

async function approve(context: CancelContext, input: Extract<CancelInput, { intent: "approve_cancel" }>): Promise<CancelResult> {
  const { shop, orderId, actor, client } = context;
  const now = context.now ?? new Date();
  const request = await findCancellation({ shop, id: input.cancellationId });
  if (!request || request.orderId !== orderId) return fail(404, "form", "support.cancel.error.requestGone");
  if (request.status === "pending" || request.status === "refunded") return resumeStaffRow(context, request);
  if (request.status !== "requested") return fail(409, "form", "support.cancel.error.requestGone");
  if (!(await caseAtVersion({ shop, orderId, version: input.version }))) return fail(409, "form", "support.error.conflict");
  const lines = (await supportLinesOfOrders({ shop, orderIds: [orderId] })).filter((l) => request.lineIds.includes(l.id) && l.status === "waiting");
  if (lines.length === 0) return fail(422, "form", "support.cancel.error.nothingOpen");
  const planned = await planFor(client, shop, orderId, "lines", lines);
  if (!planned.ok) return planned.result;
  const { suggestion } = planned.plan;
  if (input.amount !== undefined && Number(input.amount) !== Number(suggestion.amount)) {
    return fail(409, "form", "support.cancel.error.amountChanged", { amount: formatMoney(suggestion.amount, suggestion.currency, context.locale ?? "en") });
  }
  const moved = await inWriteTransaction(shop, async (tx) => {
    if (!(await caseAtVersion({ shop, orderId, version: input.version }, tx))) return false;
    const ok = await moveCancellation(
      {
        shop,
        id: request.id,
        from: "requested",
        to: "pending",
        data: { plan: JSON.stringify(planned.plan), amount: suggestion.amount, currency: suggestion.currency, decidedBy: actor, error: null, lineIds: lines.map((l) => l.id) },
      },
      tx,
    );
    if (ok) await enqueueCancellationJob(tx, shop, request.id, new Date(now.getTime() + SAFETY_DELAY_MS), now);
    return ok;
  });
  if (!moved) return fail(409, "form", "support.error.conflict");
  const row = await findCancellation({ shop, id: request.id });
  return row ? resumeStaffRow(context, row) : fail(404, "form", "support.cancel.error.requestGone");
}

async function decline(context: CancelContext, input: Extract<CancelInput, { intent: "decline_cancel" }>): Promise<CancelResult> {
  const { shop, orderId, actor } = context;
  const now = context.now ?? new Date();
  const request = await findCancellation({ shop, id: input.cancellationId });
  if (!request || request.orderId !== orderId) return fail(404, "form", "support.cancel.error.requestGone");
  return inWriteTransaction(shop, async (tx): Promise<CancelResult> => {
    if (!(await caseAtVersion({ shop, orderId, version: input.version }, tx))) return fail(409, "form", "support.error.conflict");
    const moved = await moveCancellation({ shop, id: request.id, from: "requested", to: "declined", data: { decidedBy: actor, error: input.reason } }, tx);
    if (!moved) return fail(409, "form", "support.cancel.error.requestGone");
    await updateCaseStaffFields({ shop, orderId, version: null, data: {} }, tx);
    await recordTimeline(tx, shop, [{ orderId, kind: "cancel_declined", at: now, actor, data: { lineIds: request.lineIds, reason: input.reason } }]);
    return { ok: true, message: "declined" };
  });
}

// ---- Shopify, and recording the outcome -------------------------------------------------------------

type ExecuteOutcome =
  | { kind: "done"; refundId: string | null; amount: string; currency: string }
  | { kind: "running" }
  | { kind: "refused"; message: string };

/** Sends the row's refund (or whole-order cancellation) to Shopify; safe to repeat (see the file comment). */
async function execute(client: AdminClient, row: Cancellation, poll?: PollOptions): Promise<ExecuteOutcome> {
  const plan = parsePlan(row.plan);
  if (!plan) return { kind: "refused", message: "No refund was planned for this cancellation" };
  const { suggestion } = plan;
  if (row.scope === "lines") {
    const refund = await refundOwedUnits(client, {
      orderId: row.orderId,
      units: plan.units,
      suggestion,
      idempotencyKey: refundIdempotencyKey(row.id),
      note: `Backorder Pilot: backordered items cancelled (${row.source === "customer" ? "the customer's request" : "support desk"})`,
    });
    return refund.ok ? { kind: "done", refundId: refund.refundId, amount: refund.amount, currency: refund.currency } : { kind: "refused", message: refund.message };
  }
  // A retried whole-order cancellation: Shopify may have done it already.
  const state = await suggestRefund(client, { orderId: row.orderId, units: [], full: true });
  if (state.ok && state.cancelledAt) return { kind: "done", refundId: null, amount: suggestion.amount, currency: suggestion.currency };
  const cancelled = await cancelWholeOrder(client, { orderId: row.orderId, staffNote: "Backorder Pilot: cancelled from the support desk" }, poll);
  if (!cancelled.ok) return { kind: "refused", message: cancelled.message };
  return cancelled.state === "cancelled" ? { kind: "done", refundId: null, amount: suggestion.amount, currency: suggestion.currency } : { kind: "running" };
}

/**
 * Records a refund Shopify confirmed, once (compare-and-set on the row): the lines cancelled, the timeline,
 * the cancellation email, the case's status and version, and the follow-up job. Returns whether this call
 * recorded it.
 */
async function recordRefund(row: Cancellation, outcome: Extract<ExecuteOutcome, { kind: "done" }>, actor: string, now: Date): Promise<boolean> {
  const { shop, orderId } = row;
  return inWriteTransaction(shop, async (tx) => {
    const moved = await moveCancellation(
      { shop, id: row.id, from: "pending", to: "refunded", data: { refundId: outcome.refundId, amount: outcome.amount, currency: outcome.currency, completedAt: now, error: null } },
      tx,
    );
    if (!moved) return false;
    const lines = (await supportLinesOfOrders({ shop, orderIds: [orderId] }, tx)).filter((l) => row.lineIds.includes(l.id));
    const plan = parsePlan(row.plan);
    if (plan?.deposit) await settleBalanceAfterCancel(tx, { shop, orderId, wholeOrder: row.scope === "order", ...plan.deposit, now });
    if (row.scope === "order") await cancelOpenLinesOfOrder({ shop, orderId }, tx);
    else await cancelLinesById({ shop, orderId, lineIds: row.lineIds }, tx);
    const first = lines[0];
    const locale = dateLocale(first?.customerLocale);
    const paid = Number(outcome.amount) > 0;
    const refundAmount = paid ? formatMoney(outcome.amount, outcome.currency, locale) : "";
    const events: TimelineEvent[] = [
      { orderId, kind: "lines_cancelled", at: now, actor, data: { lineIds: row.lineIds, items: items(lines), wholeOrder: row.scope === "order" } },
    ];
    if (paid) events.push({ orderId, kind: "refund_issued", at: now, actor, data: { amount: `${outcome.amount} ${outcome.currency}`, refundId: outcome.refundId } });
    if (await queueCancellation(tx, shop, lines, { cancellationId: row.id, refundAmount, wholeOrder: row.scope === "order" })) {
      events.push({ orderId, kind: "cancellation_queued", at: now, actor, emailKey: `cancellation:${row.id}` });
    }
    await recordTimeline(tx, shop, events);
    await customerAnswered({ shop, orderId }, tx);
    await updateCaseStaffFields({ shop, orderId, version: null, data: {} }, tx);
    await enqueueJob({ shop, kind: CANCELLATION_JOB, payload: { cancellationId: row.id }, uniqueKey: `cancellation:${row.id}:followup`, now }, tx);
    return true;
  });
}

async function enqueueCancellationJob(tx: Tx, shop: string, cancellationId: string, runAt: Date, now: Date) {
  await enqueueJob({ shop, kind: CANCELLATION_JOB, payload: { cancellationId }, uniqueKey: `cancellation:${cancellationId}`, runAt, now }, tx);
}

/** A refused staff cancellation leaves no job behind (nothing was recorded). */
async function dropCancellationJobs(tx: Tx, shop: string, cancellationId: string) {
  const jobs = await listQueuedJobsByKeyPrefix({ shop, kind: CANCELLATION_JOB, keyPrefix: `cancellation:${cancellationId}` }, tx);
  if (jobs.length) await deleteQueuedJobs({ shop, ids: jobs.map((j) => j.id) }, tx);
}

// ---- the job ---------------------------------------------------------------------------------------------

/**
 * `support.cancellation`: carries a pending cancellation through Shopify (a customer's, or one a request left
 * half-way), then releases the order's holds and serves the variants' queues again (next customers move up).
 */
export async function runCancellationJob(ctx: JobContext, { cancellationId }: { cancellationId: string }): Promise<JobOutcome> {
  const { shop } = ctx;
  let row = await findCancellation({ shop, id: cancellationId });
  if (!row) return { summary: "cancellation gone: nothing to do" };
  if (row.status === "pending") {
    const client = await ctx.admin();
    if (!row.plan) {
      const lines = (await supportLinesOfOrders({ shop, orderIds: [row.orderId] })).filter((l) => row?.lineIds.includes(l.id) && l.status === "waiting");
      if (lines.length === 0) return settleRefused(ctx, row, "Nothing of it is owed any more");
      const planned = await planFor(client, shop, row.orderId, row.scope, lines);
      if (!planned.ok) return settleRefused(ctx, row, describe(planned.result));
      const { suggestion } = planned.plan;
      await setCancellationPlan({ shop, id: row.id, plan: JSON.stringify(planned.plan), amount: suggestion.amount, currency: suggestion.currency, lineIds: lines.map((l) => l.id) });
      row = (await findCancellation({ shop, id: cancellationId })) as Cancellation;
    }
    let outcome: ExecuteOutcome;
    try {
      outcome = await execute(client, row, { sleep: async (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 1_000))) });
    } catch (error) {
      if (error instanceof AdminApiError && error.kind === "graphql") outcome = { kind: "refused", message: error.message };
      else throw error;
    }
    if (outcome.kind === "running") throw new Error(`Shopify is still cancelling order ${row.orderId}; checking again later`);
    if (outcome.kind === "refused") return settleRefused(ctx, row, outcome.message);
    await recordRefund(row, outcome, row.decidedBy ?? row.requestedBy, ctx.now());
    row = (await findCancellation({ shop, id: cancellationId })) as Cancellation;
  }
  if (row.status !== "refunded" || row.followedUpAt) return { summary: `cancellation ${row.status}: nothing to do` };
  const released = await releaseHoldsForOrder(ctx, row.orderId);
  const variants = [...new Set((await supportLinesOfOrders({ shop, orderIds: [row.orderId] })).filter((l) => row?.lineIds.includes(l.id)).map((l) => l.variantId))];
  const pass = await refreshAndAllocate(ctx, variants, { cause: "cancellation" });
  await markCancellationFollowedUp({ shop, id: row.id, at: ctx.now() });
  return {
    summary:
      `cancellation ${row.id} (${row.scope}): refunded ${row.amount ?? "0"} ${row.currency ?? ""}; ${released.released} hold(s) released, ` +
      `${pass.allocatedLines} line(s) allocated, ${pass.earlierDateNotices} earlier-date email(s)`,
  };
}

/** Why a background cancellation could not go ahead, in words staff read on the timeline (English). */
function describe(result: CancelResult): string {
  if (result.ok) return result.message;
  const first = Object.values(result.errors)[0];
  return first ? translator("en")(first.key as AdminMessageKey, first.params) : "refused";
}

/** A background cancellation Shopify refused: kept as failed, on the timeline, and the case reopened. */
async function settleRefused(ctx: JobContext, row: Cancellation, message: string): Promise<JobOutcome> {
  const now = ctx.now();
  await inWriteTransaction(row.shop, async (tx) => {
    if (!(await moveCancellation({ shop: row.shop, id: row.id, from: "pending", to: "failed", data: { error: message.slice(0, 1_000) } }, tx))) return;
    await recordTimeline(tx, row.shop, [{ orderId: row.orderId, kind: "cancel_failed", at: now, data: { lineIds: row.lineIds, message: message.slice(0, 500) } }]);
    await customerAnswered({ shop: row.shop, orderId: row.orderId }, tx);
    await updateCaseStaffFields({ shop: row.shop, orderId: row.orderId, version: null, data: {} }, tx);
  });
  ctx.log(`cancellation ${row.id} refused by Shopify: ${message}`);
  return { summary: `cancellation ${row.id} refused: ${message}` };
}

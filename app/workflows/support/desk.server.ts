// The support desk's use cases on one order or a selection of orders: what the order page shows, and the
// staff actions (note, revised date, delay notice, message, assignment, status). Each action runs in one
// write transaction that first checks and bumps the case's version (a stale form is a conflict, nothing
// written), then makes its change and records it on the timeline, so a change and its event commit together.
import { checkManualRange, daysLate } from "~/domain/manual-promise";
import {
  setManualPromise,
  setToldDate,
  supportLinesOfOrders,
  waitingLinesForNotice,
} from "~/models/backorder-line.server";
import { listOrderEvents } from "~/models/order-event.server";
import { staffNames } from "~/models/session.server";
import { getShopSettings } from "~/models/settings.server";
import { bumpCaseVersion, casesOfOrders, findCase, updateCaseStaffFields } from "~/models/support-case.server";
import { inWriteTransaction, type Tx } from "~/models/transaction.server";
import { EmailInputError, queueEmail } from "~/notifications/queue.server";
import { localToday } from "~/validation/dates";
import type { BulkInput, OrderActionInput } from "~/validation/support";
import { computeVariantEtas } from "~/workflows/catalog/eta.server";
import { delayKey, earlierKey, queueDelay, queueEarlierDate } from "~/workflows/ledger/notify.server";
import { currentLatest, recordTimeline, type TimelineEvent } from "./timeline.server";

/** The staff member behind a request: the session token's user (`sub`). */
export function staffActor(userId: string | null | undefined): string {
  return userId ? `staff:${userId}` : "staff";
}

/** Everything the order page shows; null when the shop has no such order. */
export async function loadOrderDesk({ shop, orderId, now = new Date() }: { shop: string; orderId: string; now?: Date }) {
  const supportCase = await findCase({ shop, orderId });
  if (!supportCase) return null;
  const [lines, events] = await Promise.all([supportLinesOfOrders({ shop, orderIds: [orderId] }), listOrderEvents({ shop, orderId })]);
  const waitingVariants = [...new Set(lines.filter((l) => l.status === "waiting").map((l) => l.variantId))];
  const etas = await computeVariantEtas({ shop, variantIds: waitingVariants, now });
  const lineEta = new Map(etas.flatMap((r) => r.eta.lines.map((l) => [l.lineId, { ...l.eta, supplyKey: r.supplyKey }] as const)));
  const staff = await staffNames({ shop, userIds: [...new Set(events.flatMap((e) => (e.actor.startsWith("staff:") ? [e.actor.slice(6)] : [])))] });
  return {
    supportCase,
    /** Staff members' names by user id, where Shopify gave us one (an online session). */
    staff: Object.fromEntries(staff),
    lines: lines.map((line) => {
      const eta = lineEta.get(line.id) ?? null;
      const manualStands = Boolean(line.manualLatest && eta && line.manualSupplyKey === eta.supplyKey);
      const current =
        line.status !== "waiting"
          ? null
          : manualStands
            ? { earliest: line.manualEarliest as string, latest: line.manualLatest as string }
            : eta
              ? { earliest: eta.earliest, latest: eta.latest }
              : null;
      return {
        id: line.id,
        title: [line.productTitle, line.variantTitle].filter(Boolean).join(" – "),
        quantity: line.quantity,
        status: line.status,
        promisedLatest: line.promisedLatest,
        notifiedLatest: line.notifiedLatest,
        current,
        daysLate: current ? daysLate(current.latest, line.promisedLatest) : 0,
        source: eta?.source.kind ?? null,
        batchExpectedAt: eta?.source.kind === "batch" ? eta.source.expectedAt : null,
        confidence: eta?.confidence ?? null,
        manual: manualStands ? { reason: line.manualReason, by: line.manualBy, at: line.manualAt } : null,
      };
    }),
    events,
  };
}

export type ActionResult =
  | { ok: true; message: "saved" | "noticeSent" | "noticeNone" | "messageQueued" }
  | { ok: false; status: 400 | 404 | 409 | 422; errors: Record<string, string> };

class Conflict extends Error {}
class Invalid extends Error {
  constructor(readonly errors: Record<string, string>) {
    super("invalid");
  }
}

/** Runs one staff action on an order (input already validated by the route). */
export async function runOrderAction({
  shop,
  orderId,
  actor,
  input,
  now = new Date(),
}: {
  shop: string;
  orderId: string;
  actor: string;
  input: OrderActionInput;
  now?: Date;
}): Promise<ActionResult> {
  const supportCase = await findCase({ shop, orderId });
  if (!supportCase) return { ok: false, status: 404, errors: { form: "support.error.notFound" } };
  let supplyKeys = new Map<string, string>();
  if (input.intent === "revise") {
    const settings = await getShopSettings({ shop });
    const problem = checkManualRange(input, localToday(settings.timezone, now));
    if (problem) return { ok: false, status: 422, errors: { [problem === "in_the_past" ? "earliest" : "latest"]: `support.error.${problem}` } };
    const lines = await supportLinesOfOrders({ shop, orderIds: [orderId] });
    const variants = [...new Set(lines.filter((l) => input.lineIds.includes(l.id)).map((l) => l.variantId))];
    supplyKeys = new Map((await computeVariantEtas({ shop, variantIds: variants, now })).map((r) => [r.variantId, r.supplyKey]));
  }
  try {
    const message = await inWriteTransaction(shop, async (tx) => {
      if (!(await bumpCaseVersion({ shop, orderId, version: input.version }, tx))) throw new Conflict();
      switch (input.intent) {
        case "note":
          await recordTimeline(tx, shop, [{ orderId, kind: "note", at: now, actor, data: { text: input.note } }]);
          return "saved" as const;
        case "assign":
          await updateCaseStaffFields({ shop, orderId, version: null, data: { assignee: input.assignee || null } }, tx);
          await recordTimeline(tx, shop, [{ orderId, kind: "assigned", at: now, actor, data: { assignee: input.assignee || null } }]);
          return "saved" as const;
        case "status":
          await updateCaseStaffFields({ shop, orderId, version: null, data: { status: input.status } }, tx);
          await recordTimeline(tx, shop, [{ orderId, kind: "status_changed", at: now, actor, data: { from: supportCase.status, to: input.status } }]);
          return "saved" as const;
        case "notice":
          return (await sendDelayNotices(tx, shop, [orderId], actor, now)) > 0 ? ("noticeSent" as const) : ("noticeNone" as const);
        case "message":
          await queueMessage(tx, shop, supportCase, input, actor, now);
          return "messageQueued" as const;
        case "revise":
          await revise(tx, shop, orderId, input, actor, now, supplyKeys);
          return "saved" as const;
      }
    });
    return { ok: true, message };
  } catch (error) {
    if (error instanceof Conflict) return { ok: false, status: 409, errors: { form: "support.error.conflict" } };
    if (error instanceof Invalid) return { ok: false, status: 422, errors: error.errors };
    throw error;
  }
}

async function revise(
  tx: Tx,
  shop: string,
  orderId: string,
  input: Extract<OrderActionInput, { intent: "revise" }>,
  actor: string,
  now: Date,
  supplyKeys: ReadonlyMap<string, string>,
) {
  const set = await setManualPromise(
    { shop, orderId, lineIds: input.lineIds, earliest: input.earliest, latest: input.latest, reason: input.reason, by: actor, at: now, supplyKeyOf: (v) => supplyKeys.get(v) ?? null },
    tx,
  );
  if (set.length === 0) throw new Invalid({ lineIds: "support.error.linesRequired" });
  const events: TimelineEvent[] = [
    { orderId, kind: "manual_promise", at: now, actor, data: { lineIds: set.map((l) => l.id), earliest: input.earliest, latest: input.latest, reason: input.reason } },
  ];
  if (input.notify === "on") {
    for (const line of set) {
      if (!line.notifiedLatest || line.notifiedLatest === input.latest) continue;
      if (!(await setToldDate({ shop, lineId: line.id, from: line.notifiedLatest, to: input.latest }, tx))) continue;
      const dates = { previousLatest: line.notifiedLatest, earliest: input.earliest, latest: input.latest };
      const later = input.latest > line.notifiedLatest;
      await (later ? queueDelay : queueEarlierDate)(tx, shop, line, dates);
      events.push({
        orderId,
        kind: later ? "delay_queued" : "earlier_queued",
        at: now,
        actor,
        emailKey: (later ? delayKey : earlierKey)(line.id, input.latest),
        data: { lineId: line.id, from: line.notifiedLatest, to: input.latest },
      });
    }
  }
  await recordTimeline(tx, shop, events);
}

/**
 * The ledger's delay notice, sent now for every waiting line whose current date (manual or estimated) is
 * later than what its customer was told. Once per line and date: the compare-and-set on the told date and
 * the email's dedupe key make a second click, or a bulk action over the same orders, send nothing more.
 */
async function sendDelayNotices(tx: Tx, shop: string, orderIds: readonly string[], actor: string, now: Date): Promise<number> {
  let sent = 0;
  const events: TimelineEvent[] = [];
  for (const line of await waitingLinesForNotice({ shop, orderIds }, tx)) {
    const target = currentLatest({ ...line, notifiedLatest: null });
    if (!target || !line.notifiedLatest || target <= line.notifiedLatest) continue;
    if (!(await setToldDate({ shop, lineId: line.id, from: line.notifiedLatest, to: target }, tx))) continue;
    const earliest = (line.manualLatest ? line.manualEarliest : line.estimateEarliest) ?? target;
    if (await queueDelay(tx, shop, line, { previousLatest: line.notifiedLatest, earliest, latest: target })) sent++;
    events.push({ orderId: line.orderId, kind: "delay_queued", at: now, actor, emailKey: delayKey(line.id, target), data: { lineId: line.id, from: line.notifiedLatest, to: target } });
  }
  await recordTimeline(tx, shop, events);
  return sent;
}

async function queueMessage(
  tx: Tx,
  shop: string,
  supportCase: NonNullable<Awaited<ReturnType<typeof findCase>>>,
  input: Extract<OrderActionInput, { intent: "message" }>,
  actor: string,
  now: Date,
) {
  if (!supportCase.customerEmail) throw new Invalid({ message: "support.error.noEmail" });
  const dedupeKey = `order:${supportCase.orderId}:message:${input.submissionKey}`;
  try {
    const { queued } = await queueEmail(
      {
        shop,
        kind: "support_message",
        dedupeKey,
        to: supportCase.customerEmail,
        locale: supportCase.customerLocale,
        data: { orderName: supportCase.orderName, customerName: supportCase.customerName, message: input.message },
      },
      tx,
    );
    // A resubmitted form (same key): the first one was queued and logged already.
    if (!queued) return;
  } catch (error) {
    if (error instanceof EmailInputError) throw new Invalid({ message: "support.error.messageRefused" });
    throw error;
  }
  await recordTimeline(tx, shop, [
    { orderId: supportCase.orderId, kind: "message_queued", at: now, actor, emailKey: dedupeKey, data: { text: input.message.slice(0, 1_000) } },
  ]);
}

export type BulkResult = { ok: true; count: number; intent: BulkInput["intent"] } | { ok: false; status: 400 | 404; errors: Record<string, string> };

/** A bulk action on the orders a person selected in the queue (only this shop's orders are touched). */
export async function runBulkAction({ shop, actor, input, now = new Date() }: { shop: string; actor: string; input: BulkInput; now?: Date }): Promise<BulkResult> {
  const cases = await casesOfOrders({ shop, orderIds: input.orderIds });
  if (cases.length !== new Set(input.orderIds).size) return { ok: false, status: 404, errors: { form: "support.error.notFound" } };
  const count = await inWriteTransaction(shop, async (tx) => {
    if (input.intent === "notice") return sendDelayNotices(tx, shop, input.orderIds, actor, now);
    const events: TimelineEvent[] = [];
    for (const c of cases) {
      if (input.intent === "assign") {
        const assignee = input.assignee || null;
        if (c.assignee === assignee) continue;
        await updateCaseStaffFields({ shop, orderId: c.orderId, version: null, data: { assignee } }, tx);
        events.push({ orderId: c.orderId, kind: "assigned", at: now, actor, data: { assignee } });
      } else {
        if (c.status === "resolved") continue;
        await updateCaseStaffFields({ shop, orderId: c.orderId, version: null, data: { status: "resolved" } }, tx);
        events.push({ orderId: c.orderId, kind: "status_changed", at: now, actor, data: { from: c.status, to: "resolved" } });
      }
    }
    await recordTimeline(tx, shop, events);
    return events.length;
  });
  return { ok: true, count, intent: input.intent };
}

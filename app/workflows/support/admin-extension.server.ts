// The support desk inside Shopify's order page (extensions/admin-order-block and admin-order-action,
// through app/routes/api.admin.order.$id.tsx). Nothing here is a second support desk: the summary is
// loadOrderDesk's, a revised date and its delay notice are runOrderAction's "revise" (customers notified),
// compensation is compensate(). What is new is the shape the extensions read, their JSON inputs, and the
// preview of the delay notice before it is sent.
import { z } from "zod";
import type {
  AdminActionDone,
  AdminApiError,
  AdminDelayPreview,
  AdminOrderLine,
  AdminOrderSummary,
  BackorderLineStatus,
} from "../../../extensions/shared/admin-api";
import { defaultOffer } from "~/domain/compensation";
import { checkManualRange } from "~/domain/manual-promise";
import type { AdminMessageKey, Translate } from "~/i18n/admin";
import { supportLinesOfOrders } from "~/models/backorder-line.server";
import { listOrderEvents } from "~/models/order-event.server";
import { getShopSettings } from "~/models/settings.server";
import { findCase } from "~/models/support-case.server";
import { renderEmailPreview } from "~/notifications/queue.server";
import type { AdminGraphql } from "~/shopify/types";
import { compensateSchema } from "~/validation/compensation";
import { localToday } from "~/validation/dates";
import { fieldErrors } from "~/validation/form-data";
import { reviseSchema } from "~/validation/support";
import { compensate, proposalFor } from "./compensation.server";
import { loadOrderDesk, runOrderAction } from "./desk.server";
import { CONTACT_KINDS, type TimelineKind } from "./timeline.server";

/** `gid://shopify/Order/<id>` for a numeric id from the URL, null for anything else. */
export function orderGid(id: string | undefined): string | null {
  return id && /^\d{1,20}$/.test(id) ? `gid://shopify/Order/${id}` : null;
}

type DeskLine = NonNullable<Awaited<ReturnType<typeof loadOrderDesk>>>["lines"][number];

function later(a: string | null | undefined, b: string | null | undefined): boolean {
  return Boolean(a && b && a > b);
}

/** A line's status by the support queue's rules (timeline.server.ts `caseFields`), for one line. */
export function lineStatus(line: Pick<DeskLine, "status" | "current" | "notifiedLatest" | "promisedLatest">): BackorderLineStatus {
  if (line.status !== "waiting") return "ready";
  const current = line.current?.latest ?? line.notifiedLatest;
  if (later(current, line.notifiedLatest ?? line.promisedLatest)) return "at_risk";
  if (later(line.notifiedLatest, line.promisedLatest) || later(current, line.promisedLatest)) return "delayed";
  return "waiting";
}

/** What the order block shows; null when the shop has no backorders on this order (or no such order). */
export async function loadAdminOrderSummary({ shop, orderId, now = new Date() }: { shop: string; orderId: string; now?: Date }): Promise<AdminOrderSummary | null> {
  const desk = await loadOrderDesk({ shop, orderId, now });
  if (!desk) return null;
  const { compensation: policy } = await getShopSettings({ shop });
  const lines: AdminOrderLine[] = desk.lines
    .filter((line) => line.status === "waiting" || line.status === "allocated")
    .map((line) => ({
      id: line.id,
      title: line.title,
      quantity: line.quantity,
      status: lineStatus(line),
      promisedLatest: line.promisedLatest,
      notifiedLatest: line.notifiedLatest,
      current: line.current,
      daysLate: line.daysLate,
    }));
  // Events come newest first: the first email to the customer is the last contact.
  const contact = desk.events.find((e) => CONTACT_KINDS.has(e.kind as TimelineKind) || (e.kind === "compensation_given" && e.emailId));
  const { supportCase } = desk;
  return {
    orderName: supportCase.orderName,
    supportPath: `/app/support/${orderId.split("/").pop()}`,
    version: supportCase.version,
    lines,
    lastContact: contact ? { at: contact.at.toISOString(), kind: contact.kind } : null,
    canEmail: Boolean(supportCase.customerEmail),
    compensation: {
      givenAt: supportCase.compensatedAt?.toISOString() ?? null,
      proposal: proposalFor(supportCase, policy),
      default: defaultOffer(policy),
    },
  };
}

export type AdminOrderActionResult = { status: number; body: AdminActionDone | AdminDelayPreview | AdminApiError };

const intentSchema = z.object({ intent: z.enum(["preview-delay", "send-delay", "compensate"]) }).passthrough();
const previewSchema = reviseSchema.pick({ earliest: true, latest: true }).extend({ lineIds: reviseSchema.shape.lineIds.optional() });

/** Field errors whose values are message keys (zod, the desk's workflows), translated for the extension. */
function translated(errors: Record<string, string>, t: Translate): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, key.startsWith("support.") ? t(key as AdminMessageKey) : key]));
}

const invalid = (errors: Record<string, string>, t: Translate, status = 400): AdminOrderActionResult => ({ status, body: { errors: translated(errors, t) } });

/**
 * One action from the order action extension, its body parsed from JSON (`undefined` when it was not
 * JSON). Bad input is a 4xx with the fields' messages and nothing written.
 */
export async function runAdminOrderAction({
  shop,
  orderId,
  actor,
  body,
  graphql,
  t,
  now = new Date(),
}: {
  shop: string;
  orderId: string;
  actor: string;
  body: unknown;
  graphql: AdminGraphql;
  t: Translate;
  now?: Date;
}): Promise<AdminOrderActionResult> {
  const head = intentSchema.safeParse(body);
  if (!head.success) return { status: 400, body: { error: t("support.extension.body") } };
  const input = head.data as Record<string, unknown>;
  if (!(await findCase({ shop, orderId }))) return { status: 404, body: { error: t("support.error.notFound") } };

  if (head.data.intent === "preview-delay") {
    const parsed = previewSchema.safeParse(input);
    if (!parsed.success) return invalid(fieldErrors(parsed.error), t);
    return previewDelay({ shop, orderId, t, now, ...parsed.data });
  }

  if (head.data.intent === "send-delay") {
    const waiting = (await supportLinesOfOrders({ shop, orderIds: [orderId] })).filter((l) => l.status === "waiting").map((l) => l.id);
    const parsed = reviseSchema.safeParse({ ...input, intent: "revise", notify: "on", lineIds: input.lineIds ?? waiting });
    if (!parsed.success) return invalid(fieldErrors(parsed.error), t);
    const result = await runOrderAction({ shop, orderId, actor, input: parsed.data, now });
    if (!result.ok) return invalid(result.errors, t, result.status);
    // The notices this action queued: the delay events it logged, all stamped `now`.
    const queued = (await listOrderEvents({ shop, orderId, take: 50 })).filter((e) => e.kind === "delay_queued" && e.at.getTime() === now.getTime()).length;
    const message = queued > 0 ? t("support.extension.revised", { count: queued }) : t("support.extension.revisedNoEmail");
    return { status: 200, body: { ok: true, message, summary: await loadAdminOrderSummary({ shop, orderId, now }) } };
  }

  // compensate: the support desk's form fields, as strings.
  const fields = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, typeof v === "number" ? String(v) : v]));
  const parsed = compensateSchema.safeParse(fields);
  if (!parsed.success) return invalid(fieldErrors(parsed.error), t);
  const result = await compensate({ shop, orderId, actor, input: parsed.data, graphql, now });
  if (!result.ok) {
    const errors = Object.fromEntries(Object.entries(result.errors).map(([field, e]) => [field, t(e.key as AdminMessageKey, e.params)]));
    return { status: result.status, body: { errors } };
  }
  return {
    status: 200,
    body: { ok: true, message: t(`support.compensation.${result.message}`), code: result.code, summary: await loadAdminOrderSummary({ shop, orderId, now }) },
  };
}

/**
 * What "Send delay notice" with this date would email, computed as the revise action decides (a waiting
 * line whose customer was told a date, now told a later one gets a delay notice; an earlier one, good
 * news), with the first delay notice rendered as its customer would get it. Nothing is written. The
 * preview's wait/cancel links are inert placeholders: real signed links in a preview would let a click by
 * staff cancel the customer's items.
 */
async function previewDelay({
  shop,
  orderId,
  t,
  now,
  earliest,
  latest,
  lineIds,
}: {
  shop: string;
  orderId: string;
  t: Translate;
  now: Date;
  earliest: string;
  latest: string;
  lineIds?: string[] | undefined;
}): Promise<AdminOrderActionResult> {
  const settings = await getShopSettings({ shop });
  const problem = checkManualRange({ earliest, latest }, localToday(settings.timezone, now));
  if (problem) return invalid({ [problem === "in_the_past" ? "earliest" : "latest"]: `support.error.${problem}` }, t, 422);
  const lines = (await supportLinesOfOrders({ shop, orderIds: [orderId] })).filter((l) => l.status === "waiting" && (!lineIds || lineIds.includes(l.id)));
  if (lines.length === 0) return invalid({ lineIds: "support.error.linesRequired" }, t, 422);
  const told = lines.filter((l) => l.notifiedLatest && l.notifiedLatest !== latest && l.customerEmail);
  const delayed = told.filter((l) => later(latest, l.notifiedLatest));
  const first = delayed[0];
  let email: AdminDelayPreview["email"] = null;
  if (first?.customerEmail && first.notifiedLatest) {
    const inert = (choice: string) => `https://${shop}/apps/backorder/choice?preview=${choice}`;
    const rendered = await renderEmailPreview({
      shop,
      kind: "delay_notice",
      locale: first.customerLocale,
      data: {
        orderName: first.orderName,
        customerName: first.customerName,
        productTitle: first.productTitle,
        variantTitle: first.variantTitle,
        quantity: first.quantity,
        previousLatest: first.notifiedLatest,
        earliest,
        latest,
        waitUrl: inert("wait"),
        cancelUrl: inert("cancel"),
      },
    });
    email = { to: first.customerEmail, subject: rendered.subject, text: rendered.text };
  }
  return { status: 200, body: { delayEmails: delayed.length, earlierEmails: told.length - delayed.length, email } };
}

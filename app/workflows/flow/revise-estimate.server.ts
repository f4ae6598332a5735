// The Shopify Flow action "Revise backorder estimate" (extensions/flow-revise-estimate): a merchant's
// workflow sets a new date range on every waiting line of an order, with a reason, and optionally tells the
// customer. The request is authenticated by the route (authenticate.flow: Flow's HMAC and the shop's
// offline session); this is the support desk's own "revise the date" action (./../support/desk.server.ts),
// so the timeline, the queue and the delay email behave as when staff do it. Bad input is a 4xx that writes
// nothing (Flow does not retry a 4xx other than 429 and shows the message in the workflow's run).
import { z } from "zod";
import { supportLinesOfOrders } from "~/models/backorder-line.server";
import { findCase } from "~/models/support-case.server";
import { isIsoDate } from "~/validation/dates";
import { runOrderAction } from "~/workflows/support/desk.server";

export const FLOW_ACTION_ACTOR = "flow";

const isoDate = z.string().trim().refine(isIsoDate, { message: "must be a date written YYYY-MM-DD" });

/** The action's properties as its extension declares them (order_reference plus the keyed fields). */
const PropertiesSchema = z.object({
  order_id: z.union([z.number().int().positive(), z.string().regex(/^\d+$/, "must be a numeric order id")]),
  latest_date: isoDate,
  earliest_date: z
    .union([isoDate, z.literal("")])
    .nullish()
    .transform((v) => v || null),
  reason: z.string().trim().min(1, "is required").max(500, "must be 500 characters or fewer"),
  notify_customer: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]).nullish().transform((v) => v ?? false),
});

const RequestSchema = z.object({
  action_run_id: z.string().min(1).max(200),
  handle: z.string().optional(),
  properties: PropertiesSchema,
});

export type FlowActionResult = { status: 200; body: { ok: true; lines: number; unchanged: boolean } } | { status: 400 | 404 | 409 | 422; body: { ok: false; error: string } };

const failure = (status: 400 | 404 | 409 | 422, error: string): FlowActionResult => ({ status, body: { ok: false, error } });

/** Runs the action for `shop` (the session authenticate.flow found for the request's shopify_domain). */
export async function reviseEstimateFromFlow({ shop, payload, now = new Date() }: { shop: string; payload: unknown; now?: Date }): Promise<FlowActionResult> {
  const parsed = RequestSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return failure(400, `${issue?.path.join(".") || "payload"} ${issue?.message ?? "is invalid"}`);
  }
  const { properties } = parsed.data;
  const orderId = `gid://shopify/Order/${String(properties.order_id)}`;
  const earliest = properties.earliest_date ?? properties.latest_date;
  const latest = properties.latest_date;
  if (earliest > latest) return failure(422, "properties.earliest_date must not be after properties.latest_date");

  // Twice, at most: a staff edit between the read and the write is a version conflict, read again.
  for (let attempt = 1; ; attempt++) {
    const supportCase = await findCase({ shop, orderId });
    if (!supportCase) return failure(404, `No backordered order ${String(properties.order_id)} in this shop`);
    const waiting = (await supportLinesOfOrders({ shop, orderIds: [orderId] })).filter((l) => l.status === "waiting");
    if (waiting.length === 0) return failure(422, `Order ${supportCase.orderName} has no backordered item waiting`);
    // Flow resends a request it got no answer to: the same range and reason already set is success, unchanged.
    if (waiting.every((l) => l.manualEarliest === earliest && l.manualLatest === latest && l.manualReason === properties.reason)) {
      return { status: 200, body: { ok: true, lines: waiting.length, unchanged: true } };
    }
    const result = await runOrderAction({
      shop,
      orderId,
      actor: FLOW_ACTION_ACTOR,
      now,
      input: {
        intent: "revise",
        version: supportCase.version,
        lineIds: waiting.map((l) => l.id),
        earliest,
        latest,
        reason: properties.reason,
        notify: properties.notify_customer ? "on" : "off",
      },
    });
    if (result.ok) return { status: 200, body: { ok: true, lines: waiting.length, unchanged: false } };
    if (result.status === 409 && attempt < 2) continue;
    const [field, key] = Object.entries(result.errors)[0] ?? ["form", "invalid"];
    return failure(result.status, `${field}: ${MESSAGES[key] ?? key}`);
  }
}

/** The desk's error keys in words (Flow shows the message to the merchant in English). */
const MESSAGES: Record<string, string> = {
  "support.error.in_the_past": "the earliest date is in the past",
  "support.error.earliest_after_latest": "the earliest date is after the latest date",
  "support.error.linesRequired": "no waiting line could be revised",
  "support.error.conflict": "the order changed meanwhile; run the action again",
  "support.error.notFound": "no such backordered order",
};

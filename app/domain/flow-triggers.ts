// Shopify Flow triggers (extensions/flow-backorder-*): which change of an order's backorder state fires
// which trigger, with which fields, and the payload Shopify's flowTriggerReceive takes. Pure: the workflow
// (~/workflows/flow/triggers.server.ts) queues the job, the job sends the payload.
//
// Field keys are the `key`s of the extensions' [[settings.fields]] (letters and spaces only, as Shopify's
// CLI requires); dates go as "YYYY-MM-DD" text: Flow trigger fields have no date type (boolean, email,
// single_line_text_field, url, number_decimal and schema types only).

/** Shopify refuses a trigger payload of 50,000 bytes or more (flowTriggerReceive). */
export const FLOW_PAYLOAD_LIMIT_BYTES = 50_000;

export const FLOW_TRIGGERS = {
  delayed: "backorder-delayed",
  atRisk: "backorder-at-risk",
  ready: "backorder-ready",
  cancelRequested: "backorder-cancel-requested",
} as const;
export type FlowTriggerHandle = (typeof FLOW_TRIGGERS)[keyof typeof FLOW_TRIGGERS];

/** The custom fields (beyond order_reference and customer_reference) each trigger declares, in TOML order. */
export const FLOW_TRIGGER_FIELDS: Record<FlowTriggerHandle, Record<string, "single_line_text_field" | "number_decimal" | "boolean">> = {
  "backorder-delayed": {
    "Order name": "single_line_text_field",
    "Promised date": "single_line_text_field",
    "Previous date": "single_line_text_field",
    "Estimated date": "single_line_text_field",
    "Days late": "number_decimal",
    "Units waiting": "number_decimal",
    Products: "single_line_text_field",
  },
  "backorder-at-risk": {
    "Order name": "single_line_text_field",
    "Promised date": "single_line_text_field",
    "Told date": "single_line_text_field",
    "Estimated date": "single_line_text_field",
    "Days late": "number_decimal",
    "Units waiting": "number_decimal",
    Products: "single_line_text_field",
  },
  "backorder-ready": {
    "Order name": "single_line_text_field",
    "Promised date": "single_line_text_field",
    "Ready date": "single_line_text_field",
    "Units ready": "number_decimal",
    Products: "single_line_text_field",
  },
  "backorder-cancel-requested": {
    "Order name": "single_line_text_field",
    "Requested date": "single_line_text_field",
    "Units to cancel": "number_decimal",
    Products: "single_line_text_field",
    "Refunded automatically": "boolean",
  },
};

export type FlowFieldValue = string | number | boolean;
export type FlowFields = Record<string, FlowFieldValue>;

/** One trigger to fire: the dedupe key names the order, the trigger and the date it is about. */
export interface FlowTriggerEvent {
  handle: FlowTriggerHandle;
  orderId: string;
  fields: FlowFields;
  dedupeKey: string;
  /**
   * The case state the trigger reports, when it is a state that may pass before the job runs (at risk: a
   * delay notice in the same ledger pass tells the customer; ready: an edit adds a line): the job checks
   * the case is still in it and sends nothing otherwise.
   */
  whileState?: "at_risk" | "ready";
}

export type CaseStateName = "waiting" | "at_risk" | "delayed" | "ready" | "cancelled";

/** What the trigger decision needs of a support case (its ledger columns). */
export interface CaseSnapshot {
  orderName: string;
  state: CaseStateName;
  itemsOwed: number;
  promisedLatest: string | null;
  estimateLatest: string | null;
  daysLate: number;
  products: string;
}

/** What it needs of the order's lines. */
export interface TriggerLine {
  status: string;
  quantity: number;
  promisedLatest: string | null;
  notifiedLatest: string | null;
  allocatedAt: Date | null;
  manualLatest: string | null;
  estimateLatest: string | null;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const earliestOf = (dates: (string | null)[]) => dates.filter((d): d is string => d !== null).sort()[0] ?? "";
const latestOf = (dates: (string | null)[]) => dates.filter((d): d is string => d !== null).sort().at(-1) ?? "";

/**
 * The triggers a case's change fires (`before` null: the case was just created):
 * - at risk: the case is at risk with an estimate it was not at risk with before (a new state, or a new
 *   date in that state) — once per order and estimate;
 * - ready: the case became ready with units allocated to it (not merely shipped or cancelled) — once per order.
 * "Delayed" is not a state change but an event (the customer was told a later date): see delayedEvent.
 */
export function caseTriggerEvents(orderId: string, before: Pick<CaseSnapshot, "state" | "estimateLatest"> | null, after: CaseSnapshot, lines: readonly TriggerLine[]): FlowTriggerEvent[] {
  const waiting = lines.filter((l) => l.status === "waiting");
  if (after.state === "at_risk" && (before?.state !== "at_risk" || before.estimateLatest !== after.estimateLatest)) {
    return [
      {
        handle: FLOW_TRIGGERS.atRisk,
        orderId,
        dedupeKey: `flow:${FLOW_TRIGGERS.atRisk}:${orderId}:${after.estimateLatest ?? ""}`,
        whileState: "at_risk",
        fields: {
          "Order name": after.orderName,
          "Promised date": after.promisedLatest ?? "",
          "Told date": latestOf(waiting.map((l) => l.notifiedLatest ?? l.promisedLatest)),
          "Estimated date": after.estimateLatest ?? "",
          "Days late": after.daysLate,
          "Units waiting": after.itemsOwed,
          Products: after.products,
        },
      },
    ];
  }
  const allocated = lines.filter((l) => l.status === "allocated");
  if (after.state === "ready" && before?.state !== "ready" && allocated.length > 0) {
    const readyAt = allocated.flatMap((l) => (l.allocatedAt ? [l.allocatedAt.getTime()] : [])).sort((a, b) => b - a)[0];
    return [
      {
        handle: FLOW_TRIGGERS.ready,
        orderId,
        dedupeKey: `flow:${FLOW_TRIGGERS.ready}:${orderId}`,
        whileState: "ready",
        fields: {
          "Order name": after.orderName,
          "Promised date": earliestOf(allocated.map((l) => l.promisedLatest)),
          "Ready date": readyAt === undefined ? "" : day(new Date(readyAt)),
          "Units ready": allocated.reduce((sum, l) => sum + l.quantity, 0),
          Products: after.products,
        },
      },
    ];
  }
  return [];
}

/**
 * The customer of the order was told a later date (a delay notice: the ledger's, the confirmation's or
 * staff's): once per order and new date, whatever the number of its lines that moved.
 */
export function delayedEvent(orderId: string, change: { from: string; to: string }, after: CaseSnapshot): FlowTriggerEvent {
  return {
    handle: FLOW_TRIGGERS.delayed,
    orderId,
    dedupeKey: `flow:${FLOW_TRIGGERS.delayed}:${orderId}:${change.to}`,
    fields: {
      "Order name": after.orderName,
      "Promised date": after.promisedLatest ?? "",
      "Previous date": change.from,
      "Estimated date": change.to,
      "Days late": after.daysLate,
      "Units waiting": after.itemsOwed,
      Products: after.products,
    },
  };
}

/** The customer asked to cancel backordered items for a refund (a `cancel_requested` by the customer): once per request. */
export function cancelRequestedEvent({
  orderId,
  orderName,
  requestId,
  at,
  units,
  products,
  automatic,
}: {
  orderId: string;
  orderName: string;
  requestId: string;
  at: Date;
  units: number;
  products: string;
  automatic: boolean;
}): FlowTriggerEvent {
  return {
    handle: FLOW_TRIGGERS.cancelRequested,
    orderId,
    dedupeKey: `flow:${FLOW_TRIGGERS.cancelRequested}:${orderId}:${requestId}`,
    fields: {
      "Order name": orderName,
      "Requested date": day(at),
      "Units to cancel": units,
      Products: products,
      "Refunded automatically": automatic,
    },
  };
}

/** The numeric id Flow's reference fields take (`order_id`, `customer_id`) from a GID. */
export function legacyId(gid: string): number {
  const match = /^gid:\/\/shopify\/\w+\/(\d+)$/.exec(gid);
  if (!match) throw new Error(`Not a Shopify GID: ${gid}`);
  return Number(match[1]);
}

/** flowTriggerReceive's payload: the reference fields first, then the trigger's own fields. */
export function flowPayload({ orderId, customerId, fields }: { orderId: string; customerId: string; fields: FlowFields }): Record<string, FlowFieldValue> {
  return { order_id: legacyId(orderId), customer_id: legacyId(customerId), ...fields };
}

/** Size of a payload as Shopify counts it: the UTF-8 bytes of its JSON. */
export function payloadBytes(payload: unknown): number {
  return new TextEncoder().encode(JSON.stringify(payload)).length;
}

/** Fields missing from, or not declared by, the trigger: an empty list when the payload matches its extension. */
export function fieldProblems(handle: FlowTriggerHandle, fields: FlowFields): string[] {
  const declared = FLOW_TRIGGER_FIELDS[handle];
  const problems: string[] = [];
  for (const [key, type] of Object.entries(declared)) {
    const value = fields[key];
    if (value === undefined) problems.push(`missing "${key}"`);
    else if (type === "boolean" ? typeof value !== "boolean" : type === "number_decimal" ? typeof value !== "number" : typeof value !== "string") {
      problems.push(`"${key}" is not a ${type}`);
    }
  }
  for (const key of Object.keys(fields)) if (!(key in declared)) problems.push(`"${key}" is not a field of ${handle}`);
  return problems;
}

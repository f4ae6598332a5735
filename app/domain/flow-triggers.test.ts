import { describe, expect, it } from "vitest";
import {
  FLOW_TRIGGERS,
  caseTriggerEvents,
  cancelRequestedEvent,
  delayedEvent,
  fieldProblems,
  flowPayload,
  legacyId,
  payloadBytes,
  type CaseSnapshot,
  type TriggerLine,
} from "./flow-triggers";

const ORDER = "gid://shopify/Order/1001";
const snapshot = (over: Partial<CaseSnapshot> = {}): CaseSnapshot => ({
  orderName: "#1001",
  state: "waiting",
  itemsOwed: 2,
  promisedLatest: "2026-12-10",
  estimateLatest: "2026-12-10",
  daysLate: 0,
  products: "Vase",
  ...over,
});
const line = (over: Partial<TriggerLine> = {}): TriggerLine => ({
  status: "waiting",
  quantity: 1,
  promisedLatest: "2026-12-10",
  notifiedLatest: "2026-12-10",
  allocatedAt: null,
  manualLatest: null,
  estimateLatest: "2026-12-10",
  ...over,
});

describe("caseTriggerEvents", () => {
  it("fires 'at risk' when a case enters the state, and again only for a new estimate", () => {
    // GIVEN a waiting case whose estimate slipped past the told date
    const atRisk = snapshot({ state: "at_risk", estimateLatest: "2026-12-15", daysLate: 5 });
    const lines = [line({ estimateLatest: "2026-12-15" })];
    // WHEN it becomes at risk THEN one trigger, keyed by order and estimate, checked again at send time
    const [event] = caseTriggerEvents(ORDER, { state: "waiting", estimateLatest: "2026-12-10" }, atRisk, lines);
    expect(event).toMatchObject({
      handle: FLOW_TRIGGERS.atRisk,
      dedupeKey: `flow:backorder-at-risk:${ORDER}:2026-12-15`,
      whileState: "at_risk",
      fields: { "Told date": "2026-12-10", "Estimated date": "2026-12-15", "Days late": 5, "Units waiting": 2 },
    });
    // AND staying at risk with the same estimate fires nothing; a later estimate fires again
    expect(caseTriggerEvents(ORDER, { state: "at_risk", estimateLatest: "2026-12-15" }, atRisk, lines)).toEqual([]);
    const later = caseTriggerEvents(ORDER, { state: "at_risk", estimateLatest: "2026-12-15" }, { ...atRisk, estimateLatest: "2026-12-20" }, lines);
    expect(later.map((e) => e.dedupeKey)).toEqual([`flow:backorder-at-risk:${ORDER}:2026-12-20`]);
  });

  it("fires 'ready' once when every owed unit is allocated, not when the lines were only shipped or cancelled", () => {
    // GIVEN lines allocated on two days
    const allocated = [
      line({ status: "allocated", allocatedAt: new Date("2026-12-03T10:00:00Z"), quantity: 2 }),
      line({ status: "allocated", allocatedAt: new Date("2026-12-04T23:30:00Z"), promisedLatest: "2026-12-08" }),
      line({ status: "cancelled" }),
    ];
    const ready = snapshot({ state: "ready", itemsOwed: 0 });
    // WHEN the case becomes ready THEN one trigger with the units, the earliest promise and the last allocation day
    expect(caseTriggerEvents(ORDER, { state: "waiting", estimateLatest: "2026-12-10" }, ready, allocated)).toEqual([
      {
        handle: FLOW_TRIGGERS.ready,
        orderId: ORDER,
        dedupeKey: `flow:backorder-ready:${ORDER}`,
        whileState: "ready",
        fields: { "Order name": "#1001", "Promised date": "2026-12-08", "Ready date": "2026-12-04", "Units ready": 3, Products: "Vase" },
      },
    ]);
    // AND a case already ready, or ready only because its lines shipped, fires nothing
    expect(caseTriggerEvents(ORDER, { state: "ready", estimateLatest: null }, ready, allocated)).toEqual([]);
    expect(caseTriggerEvents(ORDER, { state: "waiting", estimateLatest: null }, ready, [line({ status: "fulfilled" })])).toEqual([]);
    // AND waiting, delayed or cancelled cases fire nothing here ("delayed" is the delay notice's event)
    for (const state of ["waiting", "delayed", "cancelled"] as const) {
      expect(caseTriggerEvents(ORDER, null, snapshot({ state }), [line()])).toEqual([]);
    }
  });
});

describe("delayedEvent and cancelRequestedEvent", () => {
  it("key a delay by order and new date, a cancellation by its request", () => {
    // GIVEN a case WHEN its customer is told a later date, or asks to cancel THEN the keys name what happened
    const delayed = delayedEvent(ORDER, { from: "2026-12-10", to: "2026-12-30" }, snapshot({ state: "delayed", daysLate: 20 }));
    expect(delayed.dedupeKey).toBe(`flow:backorder-delayed:${ORDER}:2026-12-30`);
    expect(delayed.fields).toMatchObject({ "Previous date": "2026-12-10", "Estimated date": "2026-12-30", "Days late": 20 });
    expect(fieldProblems(delayed.handle, delayed.fields)).toEqual([]);
    const cancel = cancelRequestedEvent({ orderId: ORDER, orderName: "#1001", requestId: "c1", at: new Date("2026-12-05T08:00:00Z"), units: 1, products: "1 × Vase", automatic: true });
    expect(cancel.dedupeKey).toBe(`flow:backorder-cancel-requested:${ORDER}:c1`);
    expect(cancel.fields["Requested date"]).toBe("2026-12-05");
    expect(fieldProblems(cancel.handle, cancel.fields)).toEqual([]);
  });
});

describe("payloads", () => {
  it("name the order and customer by numeric id, count UTF-8 bytes, and flag fields the extension lacks", () => {
    // GIVEN fields with a multi-byte character WHEN the payload is built THEN ids are numbers and × counts 2 bytes
    const payload = flowPayload({ orderId: ORDER, customerId: "gid://shopify/Customer/7", fields: { Products: "1 × Vase" } });
    expect(payload).toEqual({ order_id: 1001, customer_id: 7, Products: "1 × Vase" });
    expect(payloadBytes({ a: "×" })).toBe(JSON.stringify({ a: "x" }).length + 1);
    expect(() => legacyId("1001")).toThrow(/Not a Shopify GID/);
    // AND a missing, mistyped or undeclared field is named
    expect(fieldProblems(FLOW_TRIGGERS.ready, { "Order name": "#1", "Promised date": "", "Ready date": "", "Units ready": "2", Products: "", Extra: 1 })).toEqual([
      '"Units ready" is not a number_decimal',
      '"Extra" is not a field of backorder-ready',
    ]);
  });
});

// The survey's pure rules: what an order's wait was, when an answer is still taken, and the dashboard's groups.
import { describe, expect, it } from "vitest";
import { answerWindow, needsFollowUp, orderWait, satisfactionSummary, surveySendAt, waitBucket } from "./feedback";

const DAY = 86_400_000;

describe("orderWait", () => {
  it("counts calendar days and calls late a shipment after the promise, or a customer told a later date", () => {
    // GIVEN lines promised by the 20th; one customer was later told the 25th
    const on = { orderedAt: new Date(0), promisedLatest: "2026-12-20", notifiedLatest: null };
    const told = { ...on, notifiedLatest: "2026-12-25" };
    // WHEN orders placed on the 1st ship on the 20th or the 21st
    // THEN the wait is 19 or 20 days; late only after the 20th, or when told a later date
    expect(orderWait([on], { orderedOn: "2026-12-01", fulfilledOn: "2026-12-20" })).toEqual({ waitDays: 19, delayed: false });
    expect(orderWait([on], { orderedOn: "2026-12-01", fulfilledOn: "2026-12-21" })).toEqual({ waitDays: 20, delayed: true });
    expect(orderWait([told], { orderedOn: "2026-12-01", fulfilledOn: "2026-12-19" }).delayed).toBe(true);
    // AND a line without a promise is never called late
    expect(orderWait([{ ...on, promisedLatest: null }], { orderedOn: "2026-12-01", fulfilledOn: "2027-02-01" }).delayed).toBe(false);
  });
});

describe("answerWindow", () => {
  it("takes a first answer for 30 days after the email and a change for 7 days after the first answer", () => {
    const sentAt = new Date("2026-12-01T00:00:00Z");
    const at = (days: number) => new Date(sentAt.getTime() + days * DAY);
    expect(answerWindow({ sentAt, answeredAt: null, now: at(30) })).toEqual({ open: true });
    expect(answerWindow({ sentAt, answeredAt: null, now: at(31) })).toEqual({ open: false, reason: "link_expired" });
    expect(answerWindow({ sentAt, answeredAt: at(10), now: at(17) })).toEqual({ open: true });
    expect(answerWindow({ sentAt, answeredAt: at(10), now: at(17.01) })).toEqual({ open: false, reason: "edit_window_over" });
  });
});

describe("follow-ups and the dashboard", () => {
  it("follows up a score of 2 or less, or any comment", () => {
    expect([needsFollowUp({ score: 2, comment: null }), needsFollowUp({ score: 3, comment: " " }), needsFollowUp({ score: 5, comment: "Thanks" })]).toEqual([true, false, true]);
  });

  it("groups answers by wait length and lateness, with averages to one decimal", () => {
    // GIVEN three answers: 5 after 3 days on time, 4 after 10 days on time, 1 after 40 days late
    const summary = satisfactionSummary([
      { score: 5, waitDays: 3, delayed: false, dateAccurate: true },
      { score: 4, waitDays: 10, delayed: false, dateAccurate: null },
      { score: 1, waitDays: 40, delayed: true, dateAccurate: false },
    ]);
    // THEN the overall and per-group figures follow
    expect(summary.overall).toEqual({ answers: 3, average: 3.3, satisfied: 2 });
    expect(summary.byWait.map((w) => [w.bucket, w.group.answers])).toEqual([["upTo7", 1], ["upTo14", 1], ["upTo30", 0], ["over30", 1]]);
    expect(summary.byDelay).toEqual([
      { delayed: false, group: { answers: 2, average: 4.5, satisfied: 2 } },
      { delayed: true, group: { answers: 1, average: 1, satisfied: 0 } },
    ]);
    expect(summary.dateAccurate).toEqual({ yes: 1, no: 1 });
    expect([waitBucket(7), waitBucket(8), waitBucket(30), waitBucket(31)]).toEqual(["upTo7", "upTo14", "upTo30", "over30"]);
    expect(surveySendAt(new Date("2026-12-01T10:00:00Z"), 3).toISOString()).toBe("2026-12-04T10:00:00.000Z");
  });
});

// The home dashboard (issue 13) against a hand-built ledger: lines on time and late, waiting and cancelled,
// batches from two suppliers with different lateness, delay notices in the outbox, and another shop's rows
// that must never count. Every expected number below is computed by hand in the comments.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { localDateOf } from "~/domain/insights";
import { loader as homeLoader } from "~/routes/app._index";
import { loader as csvLoader } from "~/routes/app.insights[.]csv";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, embeddedDocumentRequest, embeddedFetchRequest } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";
import { resetLedgerTables } from "./ledger-support";
import { ledgerLine } from "./insights-ledger";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const OTHER_SHOP = "other-shop.myshopify.com";
// No settings saved: the dashboard uses the shop's own timezone from Shopify (the Admin fake's).
const TZ = "America/New_York";

let now: number;
const ago = (days: number) => new Date(now - days * DAY);
const dateAgo = (days: number) => localDateOf(ago(days), TZ);

let lineNo = 0;
async function line(
  shop: string,
  variantId: string,
  o: { orderedDaysAgo: number; quantity?: number; price?: number | null; promised?: string | null; readyAfterHours?: number; status?: string },
) {
  lineNo += 1;
  const orderedAt = ago(o.orderedDaysAgo);
  const allocatedAt = o.readyAfterHours === undefined ? null : new Date(orderedAt.getTime() + o.readyAfterHours * HOUR);
  await ledgerLine(shop, variantId, lineNo, { ...o, orderedAt, state: { allocatedAt, status: o.status ?? (allocatedAt ? "allocated" : "waiting") } });
}

async function variant(shop: string, n: number, title: string) {
  return prisma.backorderVariant.create({
    data: { shop, productId: `gid://shopify/Product/${n}`, variantId: `gid://shopify/ProductVariant/${n}`, productTitle: title, variantTitle: "Default Title", mode: "always" },
  });
}

async function batch(shop: string, backorderVariantId: string, supplier: string | null, expectedDaysAgo: number, receivedDaysAgo: number | null, quantity = 10) {
  await prisma.incomingBatch.create({
    data: { shop, backorderVariantId, supplier, quantity, expectedOn: dateAgo(expectedDaysAgo), receivedOn: receivedDaysAgo === null ? null : dateAgo(receivedDaysAgo) },
  });
}

async function email(shop: string, kind: string, status: string, createdDaysAgo: number) {
  lineNo += 1;
  await prisma.emailOutbox.create({
    data: { shop, dedupeKey: `k${lineNo}`, kind, toEmail: "a@example.com", subject: "s", html: "h", text: "t", status, createdAt: ago(createdDaysAgo) },
  });
}

/** The ledger described in the file header (and the other shop's rows). */
async function seedLedger() {
  const v1 = await variant(TEST_SHOP, 1, "Stoneware Mug");
  const v2 = await variant(TEST_SHOP, 2, "Linen Apron");
  const V1 = v1.variantId;
  const V2 = v2.variantId;
  // L1 on time (ready 49 h after ordering, promised 2 days ago: ready 8 days ago)
  await line(TEST_SHOP, V1, { orderedDaysAgo: 10, promised: dateAgo(2), readyAfterHours: 49 });
  // L2 late (ready 121 h after: 5 days ago, promised 8 days ago)
  await line(TEST_SHOP, V2, { orderedDaysAgo: 10, promised: dateAgo(8), readyAfterHours: 121 });
  // L3 late and still waiting (2 units, promised yesterday)
  await line(TEST_SHOP, V1, { orderedDaysAgo: 5, quantity: 2, promised: dateAgo(1) });
  // L4 waiting, not due yet (3 units, promised in 10 days)
  await line(TEST_SHOP, V1, { orderedDaysAgo: 3, quantity: 3, promised: dateAgo(-10) });
  // L5 on time and shipped (ready 25 h after: 19 days ago, promised 15 days ago)
  await line(TEST_SHOP, V2, { orderedDaysAgo: 20, promised: dateAgo(15), readyAfterHours: 25, status: "fulfilled" });
  // L6 cancelled (2 units at 10.00)
  await line(TEST_SHOP, V2, { orderedDaysAgo: 4, quantity: 2, promised: dateAgo(-5), status: "cancelled" });
  // L7 ordered 40 days ago (only in 90 days): late (ready 361 h after: 25 days ago, promised 30 days ago)
  await line(TEST_SHOP, V2, { orderedDaysAgo: 40, promised: dateAgo(30), readyAfterHours: 361 });
  // L8 waiting, recorded before prices were kept, no promise
  await line(TEST_SHOP, V2, { orderedDaysAgo: 6, price: null });

  // Atelier: 3 late, on time, early → delays 0, 0, 3. Fonderie: 8 and 7 late.
  await batch(TEST_SHOP, v1.id, "Atelier", 20, 17);
  await batch(TEST_SHOP, v1.id, "Atelier", 10, 10);
  await batch(TEST_SHOP, v1.id, "Atelier", 5, 6);
  await batch(TEST_SHOP, v2.id, "Fonderie", 12, 4);
  await batch(TEST_SHOP, v2.id, "Fonderie", 9, 2);
  // Received 100 days ago: outside even 90 days. Pending: V1's next batch of 10 in 20 days.
  await batch(TEST_SHOP, v2.id, "Fonderie", 110, 100);
  await batch(TEST_SHOP, v1.id, "Atelier", -20, null, 10);
  await batch(TEST_SHOP, v1.id, "Atelier", -40, null, 50);

  // Delay notices: one sent 3 days ago, one sent 50 days ago, one not sent yet; a confirmation is not a delay notice.
  await email(TEST_SHOP, "delay_notice", "sent", 3);
  await email(TEST_SHOP, "delay_notice", "sent", 50);
  await email(TEST_SHOP, "delay_notice", "pending", 1);
  await email(TEST_SHOP, "backorder_confirmation", "sent", 2);

  // Another shop: a big late waiting line, a very late supplier, a delay notice. None of it may count.
  const other = await variant(OTHER_SHOP, 1, "Stoneware Mug");
  await line(OTHER_SHOP, other.variantId, { orderedDaysAgo: 2, quantity: 40, promised: dateAgo(1), price: 99_900 });
  await batch(OTHER_SHOP, other.id, "Atelier", 30, 1);
  await email(OTHER_SHOP, "delay_notice", "sent", 1);
}

async function openHome(path: string) {
  const response = await callRoute(homeLoader, await embeddedDocumentRequest(path));
  expect(response.status).toBe(200);
  return response.json();
}

beforeEach(async () => {
  await resetLedgerTables();
  await installFakeShop();
  now = Date.now();
});

describe("home dashboard", () => {
  it("shows the last 30 days' revenue, value owed, promises kept, waits, notices and cancellations, this shop only", async () => {
    // GIVEN the seeded ledger
    await seedLedger();
    // WHEN the merchant opens the home page
    const { dashboard } = await openHome("/app");
    // THEN the period is the last 30 days in the shop's timezone
    expect(dashboard.period).toEqual({ key: "30", days: 30, firstDay: dateAgo(29), lastDay: dateAgo(0), problem: null });
    expect(dashboard.timeZone).toBe(TZ);
    expect(dashboard.isNew).toBe(false);
    // AND revenue: L1 10 + L2 10 + L3 20 + L4 30 + L5 10 = 80.00 EUR over 6 orders (9 units); L8 has no price
    expect(dashboard.revenue).toEqual({ totals: [{ currency: "EUR", amountMinor: 8000 }], unpricedLines: 1, orders: 6, units: 9 });
    // AND owed now: L3 (2) + L4 (3) + L8 (1) = 6 units on 3 lines, 50.00 EUR priced, L8 unpriced
    expect(dashboard.owed).toEqual({ totals: [{ currency: "EUR", amountMinor: 5000 }], unpricedLines: 1, units: 6, lines: 3 });
    // AND promises: L1, L5 on time; L2 ready late; L3 waiting past its date; L4 not due → 2 of 4, 50%
    expect(dashboard.promises).toEqual({ onTime: 2, lateReady: 1, lateWaiting: 1, pending: 1, judged: 4, late: 2, onTimeRate: 0.5 });
    // AND waits of L1 (49 h), L2 (121 h), L5 (25 h): average (195 h / 3) / 24 = 2.7083 days; p90 = 3rd of 3 → hour 121 → 122 h
    expect(dashboard.wait.lines).toBe(3);
    expect(dashboard.wait.averageDays).toBeCloseTo(195 / 3 / 24, 6);
    expect(dashboard.wait.p90Days).toBeCloseTo(122 / 24, 10);
    // AND one delay notice sent in the period (the pending one and the other shop's are not counted)
    expect(dashboard.delayNoticesSent).toBe(1);
    // AND L6: one cancelled line, 2 units, 20.00 EUR
    expect(dashboard.cancellations).toEqual({ totals: [{ currency: "EUR", amountMinor: 2000 }], unpricedLines: 0, lines: 1, units: 2 });
  });

  it("ranks suppliers by lateness and shows next-batch coverage per variant", async () => {
    // GIVEN the seeded ledger
    await seedLedger();
    // WHEN the home page opens
    const { dashboard } = await openHome("/app");
    // THEN Fonderie (delays 7, 8: median 7, p80 8, never on time) comes before Atelier (0, 0, 3: median 0, p80 3, 2 of 3 on time);
    // the other shop's 29-day-late Atelier batch and the batch received 100 days ago are not counted
    expect(dashboard.suppliers).toEqual([
      { supplier: "Fonderie", batches: 2, p50Days: 7, p80Days: 8, maxDays: 8, onTimeShare: 0 },
      { supplier: "Atelier", batches: 3, p50Days: 0, p80Days: 3, maxDays: 3, onTimeShare: 2 / 3 },
    ]);
    // AND demand over 28 days: the mug (L1 1 + L3 2 + L4 3 = 6, 5 waiting: its batch of 10 in 20 days is 50% promised),
    // then the apron (L2, L5, L8 = 3; L6 cancelled and L7 older; 1 waiting, no batch expected)
    // AND the forecast (see the CSV test for the arithmetic): the mug's batch is full in 24 days and its supply covers
    // the lead time (coverage 10, the cap offered); the apron has nothing coming: reorder 4 units, no coverage
    expect(dashboard.demand.rows).toEqual([
      {
        variantId: "gid://shopify/ProductVariant/1",
        title: "Stoneware Mug",
        path: "/app/products/1?variant=1",
        unitsLast28Days: 6,
        waitingUnits: 5,
        cap: null,
        nextBatch: { expectedOn: dateAgo(-20), quantity: 10, promisedUnits: 5, promisedShare: 0.5, waitingBeyond: 0 },
        forecast: {
          velocityPerDay: 6 / 28,
          horizonDays: 21,
          demandOverHorizon: 5,
          nextBatch: { expectedOn: dateAgo(-20), quantity: 10, forecastShare: (5 + (6 / 28) * 20) / 10, fullOn: dateAgo(-24) },
          coverage: 10,
          reorderUnits: null,
        },
        version: 1,
      },
      {
        variantId: "gid://shopify/ProductVariant/2",
        title: "Linen Apron",
        path: "/app/products/2?variant=2",
        unitsLast28Days: 3,
        waitingUnits: 1,
        cap: null,
        nextBatch: null,
        forecast: { velocityPerDay: 3 / 28, horizonDays: 21, demandOverHorizon: 3, nextBatch: null, coverage: 0, reorderUnits: 4 },
        version: 1,
      },
    ]);
    expect(dashboard.demand).toMatchObject({ variants: 2, windowDays: 28 });
  });

  it("widens to 90 days: the older line and notice count, recomputing the rate and the p90", async () => {
    // GIVEN the seeded ledger
    await seedLedger();
    // WHEN the merchant picks the last 90 days
    const { dashboard } = await openHome("/app?period=90");
    // THEN L7 joins: 2 on time of 5 judged (40%); waits 25, 49, 121, 361 h → average 556/4 h, p90 = 4th of 4 → 362 h
    expect(dashboard.period).toMatchObject({ days: 90, firstDay: dateAgo(89) });
    expect(dashboard.promises).toMatchObject({ onTime: 2, late: 3, judged: 5, onTimeRate: 0.4 });
    expect(dashboard.wait.averageDays).toBeCloseTo(556 / 4 / 24, 6);
    expect(dashboard.wait.p90Days).toBeCloseTo(362 / 24, 10);
    expect(dashboard.delayNoticesSent).toBe(2);
    // AND revenue adds L7's 10.00 (7 orders); owed now does not depend on the period
    expect(dashboard.revenue).toMatchObject({ totals: [{ currency: "EUR", amountMinor: 9000 }], orders: 7 });
    expect(dashboard.owed.units).toBe(6);
  });

  it("shows the default 30 days for a period it does not offer, rather than an error", async () => {
    // GIVEN the seeded ledger
    await seedLedger();
    // WHEN the URL names a period the selector does not offer (hand-edited or stale)
    for (const bad of ["7", "abc", "90days", ""]) {
      const { dashboard } = await openHome(`/app?period=${bad}`);
      // THEN the page answers 200 with the default period
      expect(dashboard.period.days).toBe(30);
    }
  });

  it("reads a custom range, both days included, and exports the same range", async () => {
    // GIVEN the seeded ledger
    await seedLedger();
    // WHEN the merchant asks for 45 to 15 days ago
    const { dashboard } = await openHome(`/app?period=custom&from=${dateAgo(45)}&to=${dateAgo(15)}`);
    // THEN only L5 (20 days ago, on time, 25 h) and L7 (40 days ago, late, 361 h) were ordered in it: 1 of 2 on time
    expect(dashboard.period).toEqual({ key: "custom", days: 31, firstDay: dateAgo(45), lastDay: dateAgo(15), problem: null });
    expect(dashboard.promises).toMatchObject({ onTime: 1, late: 1, onTimeRate: 0.5 });
    expect(dashboard.wait.averageDays).toBeCloseTo(386 / 2 / 24, 6);
    expect(dashboard.revenue).toMatchObject({ totals: [{ currency: "EUR", amountMinor: 2000 }], orders: 2 });
    // AND Atelier's batch received 17 days ago is the only one received in it
    expect(dashboard.suppliers).toEqual([{ supplier: "Atelier", batches: 1, p50Days: 3, p80Days: 3, maxDays: 3, onTimeShare: 0 }]);
    // AND the export of that range names its days
    const csv = await callRoute(csvLoader, await embeddedFetchRequest(`/app/insights.csv?table=suppliers&period=custom&from=${dateAgo(45)}&to=${dateAgo(15)}`));
    expect(csv.headers.get("Content-Disposition")).toBe(`attachment; filename="suppliers-${dateAgo(45)}-to-${dateAgo(15)}.csv"`);
    expect((await csv.text()).trim().split("\n")[1]).toBe("Atelier,1,3,3,3,0");
  });

  it("shows the last 30 days and the reason when a custom range cannot be used", async () => {
    // GIVEN the seeded ledger
    await seedLedger();
    // WHEN the range ends before it starts, or after today
    const reversed = (await openHome(`/app?period=custom&from=${dateAgo(5)}&to=${dateAgo(10)}`)).dashboard;
    const future = (await openHome(`/app?period=custom&from=${dateAgo(5)}&to=${dateAgo(-1)}`)).dashboard;
    // THEN the page answers with the default 30 days and says why
    expect(reversed.period).toMatchObject({ key: "30", days: 30, problem: "order" });
    expect(future.period).toMatchObject({ key: "30", problem: "future" });
    expect(reversed.promises.onTimeRate).toBe(0.5);
  });

  it("tells a new shop what will appear, with no number invented", async () => {
    // GIVEN a shop with nothing on backorder yet
    // WHEN it opens the home page
    const { dashboard } = await openHome("/app");
    // THEN the dashboard is marked new, amounts are absent (not zero) and no rate is made up
    expect(dashboard.isNew).toBe(true);
    expect(dashboard.revenue.totals).toEqual([]);
    expect(dashboard.promises.onTimeRate).toBeNull();
    expect(dashboard.wait).toEqual({ lines: 0, averageDays: null, p90Days: null });
    expect(dashboard.suppliers).toEqual([]);
    expect(dashboard.demand.rows).toEqual([]);
  });

  it("sends the dashboard's French messages with the page", async () => {
    // GIVEN a French-speaking admin
    // WHEN the home page opens with locale=fr
    const body = await openHome("/app?locale=fr-FR");
    // THEN the page carries the insights namespace in French
    expect(body.messages["insights.revenue"]).toBe("Chiffre d’affaires en précommande");
    expect(body.messages["insights.suppliers.title"]).toBe("Fournisseurs");
  });

  it("exports the suppliers and demand tables as CSV with plain numbers, this shop only", async () => {
    // GIVEN the seeded ledger
    await seedLedger();
    // WHEN the merchant exports the suppliers table of the last 30 days
    const suppliers = await callRoute(csvLoader, await embeddedFetchRequest("/app/insights.csv?table=suppliers&period=30"));
    // THEN it is a CSV attachment with the table's numbers (shares as decimals), the other shop's batches absent
    expect(suppliers.status).toBe(200);
    expect(suppliers.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(suppliers.headers.get("Content-Disposition")).toBe(`attachment; filename="suppliers-${dateAgo(29)}-to-${dateAgo(0)}.csv"`);
    expect((await suppliers.text()).trim().split("\n")).toEqual([
      "supplier,batches_received,median_lateness_days,p80_lateness_days,max_lateness_days,on_time_share",
      "Fonderie,2,7,8,8,0",
      "Atelier,3,0,3,3,0.6667",
    ]);
    // AND the demand export lists every variant with its next batch in ISO dates
    const demand = await callRoute(csvLoader, await embeddedFetchRequest("/app/insights.csv?table=demand"));
    expect((await demand.text()).trim().split("\n")).toEqual([
      "variant,variant_id,units_backordered_last_28_days,units_waiting,cap,next_batch_expected_on,next_batch_quantity,next_batch_promised_units,next_batch_promised_share,units_waiting_beyond_next_batch,forecast_units_per_day,next_batch_forecast_share_at_arrival,next_batch_full_on,lead_time_days,forecast_units_over_lead_time,reorder_units,coverage_cap",
      // Mug: 6 units / 28 days = 0.2143/day; 5 free units of the batch go in ⌈5 / 0.2143⌉ = 24 days; by its
      // arrival (20 days) 5 + 4.29 of 10 are taken; over the 21-day default lead time ⌈4.5⌉ = 5 more units are
      // expected: 5 waiting + 5 ≤ the 10 arriving by then, nothing to reorder, coverage 10.
      `Stoneware Mug,gid://shopify/ProductVariant/1,6,5,,${dateAgo(-20)},10,5,0.5,0,0.2143,0.9286,${dateAgo(-24)},21,5,0,10`,
      // Apron: 3 / 28 = 0.1071/day, ⌈2.25⌉ = 3 expected over 21 days + 1 waiting, nothing arriving: reorder 4.
      "Linen Apron,gid://shopify/ProductVariant/2,3,1,,,,,,,0.1071,,,21,3,4,0",
    ]);
  });

  it("refuses to export a table it does not have", async () => {
    // GIVEN an installed shop
    // WHEN the export names no table or an unknown one
    for (const query of ["", "?table=orders", "?table="]) {
      const response = await callRoute(csvLoader, await embeddedFetchRequest(`/app/insights.csv${query}`));
      // THEN it answers 400 with what to ask for
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("table=suppliers");
    }
  });

  it("escapes a supplier name a spreadsheet would run as a formula", async () => {
    // GIVEN a batch received from a supplier whose name starts with "="
    const v = await variant(TEST_SHOP, 3, "Oak Board");
    await batch(TEST_SHOP, v.id, "=HYPERLINK(\"http://x\")", 3, 2);
    // WHEN the suppliers table is exported
    const text = await (await callRoute(csvLoader, await embeddedFetchRequest("/app/insights.csv?table=suppliers"))).text();
    // THEN the name is written as text (quote-prefixed), not as a formula
    expect(text).toContain("'=HYPERLINK");
    expect(text).not.toMatch(/^"?=HYPERLINK/m);
  });
});

// The dashboard's second half (issue 13): waiting units and revenue over time, cancellations caused by delays
// and what they refunded, and the forecast acted on ("cap backorders at the forecast coverage") through the home
// page's action, the product page's validated save and the schema-checked Admin fake. Every expected number is
// computed by hand in the comments.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { localDateOf, localDayStart } from "~/domain/insights";
import { action as homeAction, loader as homeLoader } from "~/routes/app._index";
import { action as productAction } from "~/routes/app.products.$id";
import { loader as csvLoader } from "~/routes/app.insights[.]csv";
import { seedDemoShop, type DemoShop } from "../../dev/admin-fake";
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
let fake: Awaited<ReturnType<typeof installFakeShop>>;
const ago = (days: number) => new Date(now - days * DAY);
const dateAgo = (days: number) => localDateOf(ago(days), TZ);
/** Local midnight starting the day `days` ago. */
const dayStart = (days: number) => localDayStart(dateAgo(days), TZ);
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

let lineNo = 0;
async function line(
  shop: string,
  variantId: string,
  o: { orderedAt: Date; quantity?: number; price?: number; status?: string; allocatedAt?: Date; updatedAt?: Date; promised?: string; notified?: string; estimate?: string },
) {
  lineNo += 1;
  return ledgerLine(shop, variantId, lineNo, {
    ...o,
    state: {
      status: o.status ?? (o.allocatedAt ? "allocated" : "waiting"),
      allocatedAt: o.allocatedAt ?? null,
      notifiedLatest: o.notified ?? null,
      estimateLatest: o.estimate ?? null,
      // The ledger keeps no cancellation date: a cancelled line stopped waiting at its last change.
      ...(o.updatedAt ? { updatedAt: o.updatedAt } : {}),
    },
  });
}

async function openHome(path: string) {
  const response = await callRoute(homeLoader, await embeddedDocumentRequest(path));
  expect(response.status).toBe(200);
  return (await response.json()).dashboard;
}

beforeEach(async () => {
  await resetLedgerTables();
  fake = await installFakeShop();
  now = Date.now();
});

describe("waiting units and revenue over time", () => {
  /**
   * Three local days (day −2, day −1, today). Waiting now: A 2 + D 4 = 6.
   *   A  2 units ordered 10 days ago, still waiting
   *   F  2 units ordered 5 days ago, ready day −1 03:00
   *   B  3 × 10.00 ordered day −2 02:00, ready day −1 05:00
   *   C  1 × 5.00 ordered day −1 01:00, cancelled today 00:00:01 (not revenue)
   *   E  1 × 20.00 ordered day −1 02:00, ready today 00:00:01
   *   D  4 × 2.50 ordered today 00:00:01, waiting
   * Waiting at the end of day −2: A 2 + F 2 + B 3 = 7; of day −1: A 2 + C 1 + E 1 = 4; of today: 6 (now).
   * Revenue: day −2 30.00, day −1 20.00, today 10.00. Another shop's line never counts.
   */
  async function seedSeries() {
    const V = "gid://shopify/ProductVariant/1";
    const t0 = at(dayStart(0), 1000);
    await line(TEST_SHOP, V, { orderedAt: ago(10), quantity: 2 });
    await line(TEST_SHOP, V, { orderedAt: ago(5), quantity: 2, allocatedAt: at(dayStart(1), 3 * HOUR) });
    await line(TEST_SHOP, V, { orderedAt: at(dayStart(2), 2 * HOUR), quantity: 3, price: 1000, allocatedAt: at(dayStart(1), 5 * HOUR) });
    await line(TEST_SHOP, V, { orderedAt: at(dayStart(1), 1 * HOUR), price: 500, status: "cancelled", updatedAt: t0 });
    await line(TEST_SHOP, V, { orderedAt: at(dayStart(1), 2 * HOUR), price: 2000, allocatedAt: t0 });
    await line(TEST_SHOP, V, { orderedAt: t0, quantity: 4, price: 250 });
    await line(OTHER_SHOP, V, { orderedAt: at(dayStart(1), 1 * HOUR), quantity: 40, price: 99_900 });
  }

  it("draws one point per local day, each the units waiting at its end and the revenue of its orders", async () => {
    // GIVEN the ledger above
    await seedSeries();
    // WHEN the merchant picks the last three days
    const dashboard = await openHome(`/app?period=custom&from=${dateAgo(2)}&to=${dateAgo(0)}`);
    // THEN the series is day by day with the hand-computed levels and revenue
    expect(dashboard.series).toEqual({
      unit: "day",
      currency: "EUR",
      points: [
        { date: dateAgo(2), waitingUnits: 7, revenueMinor: 3000 },
        { date: dateAgo(1), waitingUnits: 4, revenueMinor: 2000 },
        { date: dateAgo(0), waitingUnits: 6, revenueMinor: 1000 },
      ],
    });
    // AND the CSV has the same numbers, revenue in currency units
    const csv = await callRoute(csvLoader, await embeddedFetchRequest(`/app/insights.csv?table=series&period=custom&from=${dateAgo(2)}&to=${dateAgo(0)}`));
    expect(csv.status).toBe(200);
    expect((await csv.text()).trim().split("\n")).toEqual([
      "day_starting,bucket,units_waiting_at_end,backorder_revenue,currency",
      `${dateAgo(2)},day,7,30.00,EUR`,
      `${dateAgo(1)},day,4,20.00,EUR`,
      `${dateAgo(0)},day,6,10.00,EUR`,
    ]);
  });

  it("goes week by week past 90 days, from the period's first day then every Monday", async () => {
    // GIVEN the same ledger
    await seedSeries();
    // WHEN the merchant picks the last 365 days
    const dashboard = await openHome("/app?period=365");
    const points: { date: string; waitingUnits: number; revenueMinor: number }[] = dashboard.series.points;
    // THEN buckets are weeks: the first starts on the period's first day, every other one on a Monday
    expect(dashboard.series.unit).toBe("week");
    expect(points[0]?.date).toBe(dateAgo(364));
    for (const p of points.slice(1)) expect(new Date(`${p.date}T12:00:00Z`).getUTCDay()).toBe(1);
    // AND the revenue adds up to the three days' 60.00 (A and F have the default 10.00 each: 2 × 10 + 2 × 10 more),
    // and the last week ends with what waits now
    expect(points.reduce((s, p) => s + p.revenueMinor, 0)).toBe(6000 + 4000);
    expect(points.at(-1)?.waitingUnits).toBe(6);
    // AND at the end of the first week, long before A was ordered, nothing of this ledger waited
    expect(points[0]?.waitingUnits).toBe(0);
  });
});

describe("cancellations caused by delays", () => {
  async function cancellation(shop: string, o: { source: string; status?: string; amount: string; completedDaysAgo: number; lineIds: string[]; orderId: string }) {
    lineNo += 1;
    await prisma.supportCancellation.create({
      data: {
        shop,
        orderId: o.orderId,
        scope: "lines",
        lineIds: JSON.stringify(o.lineIds),
        source: o.source,
        requestedBy: o.source === "customer" ? "customer" : "staff:1",
        status: o.status ?? "refunded",
        key: `k${lineNo}`,
        amount: o.amount,
        currency: "EUR",
        completedAt: o.status && o.status !== "refunded" ? null : ago(o.completedDaysAgo),
      },
    });
  }

  it("counts refunds from a delay email's cancel link and staff cancellations of delayed lines, with what they refunded", async () => {
    // GIVEN lines cancelled for a refund:
    const V = "gid://shopify/ProductVariant/1";
    const cancelled = { status: "cancelled", promised: dateAgo(10) };
    //   c1: the customer chose "cancel" from the delay email: 2 units, 25.00, refunded 5 days ago
    const c1 = await line(TEST_SHOP, V, { orderedAt: ago(20), quantity: 2, ...cancelled, notified: dateAgo(10) });
    await cancellation(TEST_SHOP, { source: "customer", amount: "25.00", completedDaysAgo: 5, lineIds: [c1.id], orderId: c1.orderId });
    //   c2: staff, on a line told a later date than promised (a delay notice): 1 unit, 12.50, 2 days ago
    const c2 = await line(TEST_SHOP, V, { orderedAt: ago(20), ...cancelled, notified: dateAgo(3) });
    await cancellation(TEST_SHOP, { source: "staff", amount: "12.50", completedDaysAgo: 2, lineIds: [c2.id], orderId: c2.orderId });
    //   c3: staff, on a line whose estimate had passed its promise (late, not emailed yet): 3 units, 30.00, yesterday
    const c3 = await line(TEST_SHOP, V, { orderedAt: ago(20), quantity: 3, ...cancelled, notified: dateAgo(10), estimate: dateAgo(1) });
    await cancellation(TEST_SHOP, { source: "staff", amount: "30.00", completedDaysAgo: 1, lineIds: [c3.id], orderId: c3.orderId });
    //   not caused by a delay: staff cancelled an on-time line (40.00)
    const onTime = await line(TEST_SHOP, V, { orderedAt: ago(20), ...cancelled, promised: dateAgo(-10), notified: dateAgo(-10), estimate: dateAgo(-10) });
    await cancellation(TEST_SHOP, { source: "staff", amount: "40.00", completedDaysAgo: 1, lineIds: [onTime.id], orderId: onTime.orderId });
    //   not refunded: a customer's request still waiting for approval
    const asked = await line(TEST_SHOP, V, { orderedAt: ago(20), promised: dateAgo(10), notified: dateAgo(3) });
    await cancellation(TEST_SHOP, { source: "customer", status: "requested", amount: "9.00", completedDaysAgo: 0, lineIds: [asked.id], orderId: asked.orderId });
    //   refunded 40 days ago: only in 90 days (1 unit, 8.00)
    const old = await line(TEST_SHOP, V, { orderedAt: ago(60), ...cancelled, promised: dateAgo(50), notified: dateAgo(45) });
    await cancellation(TEST_SHOP, { source: "customer", amount: "8.00", completedDaysAgo: 40, lineIds: [old.id], orderId: old.orderId });
    //   another shop's delay cancellation, yesterday: never counted
    const other = await line(OTHER_SHOP, V, { orderedAt: ago(20), quantity: 9, ...cancelled, notified: dateAgo(3) });
    await cancellation(OTHER_SHOP, { source: "customer", amount: "99.00", completedDaysAgo: 1, lineIds: [other.id], orderId: other.orderId });

    // WHEN the dashboard opens on the last 30 days
    const thirty = await openHome("/app");
    // THEN c1, c2 and c3: 3 cancellations (1 from a customer, 2 by staff), 6 units, 25.00 + 12.50 + 30.00 = 67.50 refunded
    expect(thirty.delayCancellations).toEqual({ cancellations: 3, fromCustomers: 1, fromStaff: 2, lines: 3, units: 6, refunded: [{ currency: "EUR", amountMinor: 6750 }] });

    // WHEN it opens on 90 days, THEN the old customer cancellation joins: 4, 7 units, 75.50
    const ninety = await openHome("/app?period=90");
    expect(ninety.delayCancellations).toEqual({ cancellations: 4, fromCustomers: 2, fromStaff: 2, lines: 4, units: 7, refunded: [{ currency: "EUR", amountMinor: 7550 }] });
  });
});

describe("cap backorders at the forecast coverage", () => {
  let demo: DemoShop;
  const number = (gid: string) => gid.split("/").pop() as string;
  const blank = { cap: "", leadTimeDays: "", capacityPerWeek: "", startsOn: "", endsOn: "", messageEn: "", messageFr: "" };

  /**
   * The Butter Dish on backorder ("always", lead time 14 days) owing 3 units (Shopify available −3, three
   * waiting lines), 14 units backordered in 28 days (0.5/day), a batch of 2 due in 10 days and one of 50 in
   * 30 days. Coverage within 14 days: 2 units. Forecast over 14 days: 7; 3 waiting + 7 − 2 = 8 to reorder.
   */
  async function seedVariant() {
    demo = seedDemoShop(fake.store);
    const variant = demo.variants["MA-BTD"] as { id: string; productId: string };
    fake.store.setAvailable(variant.id, -3);
    const saved = await callRoute(
      productAction,
      await embeddedFetchRequest(`/app/products/${number(variant.productId)}`, {
        init: { method: "POST", body: new URLSearchParams({ intent: "save-variant", variantId: variant.id, ...blank, mode: "always", leadTimeDays: "14" }) },
      }),
      { id: number(variant.productId) },
    );
    expect(saved.status).toBe(200);
    const row = await prisma.backorderVariant.findFirstOrThrow({ where: { shop: TEST_SHOP, variantId: variant.id } });
    for (let i = 0; i < 3; i++) await line(TEST_SHOP, variant.id, { orderedAt: ago(2 + i) });
    await line(TEST_SHOP, variant.id, { orderedAt: ago(10), quantity: 11, allocatedAt: ago(9) });
    await prisma.incomingBatch.createMany({
      data: [
        { shop: TEST_SHOP, backorderVariantId: row.id, quantity: 2, expectedOn: dateAgo(-10), supplier: "Atelier" },
        { shop: TEST_SHOP, backorderVariantId: row.id, quantity: 50, expectedOn: dateAgo(-30), supplier: "Atelier" },
      ],
    });
    return { variant, row };
  }

  async function capPost(fields: Record<string, string>, shop = TEST_SHOP) {
    return callRoute(homeAction, await embeddedFetchRequest("/app?index", { shop, init: { method: "POST", body: new URLSearchParams(fields) } }));
  }

  it("advises a reorder and sets the cap to the coverage through the validated save, which syncs the storefront", async () => {
    // GIVEN the Butter Dish above
    const { variant, row } = await seedVariant();
    // WHEN the dashboard opens
    const dashboard = await openHome("/app");
    const demand = dashboard.demand.rows.find((r: { variantId: string }) => r.variantId === variant.id);
    // THEN it advises reordering 8 units and offers to cap at the 2 units due within the lead time; the first batch
    // is already all promised (3 waiting ≥ 2), so it is full today
    expect(demand.forecast).toEqual({
      velocityPerDay: 0.5,
      horizonDays: 14,
      demandOverHorizon: 7,
      // "today" is the demo shop's (seedDemoShop puts it in Europe/Paris), not the New York of the tests above:
      // between 18:00 and midnight in New York the two dates differ
      nextBatch: { expectedOn: dateAgo(-10), quantity: 2, forecastShare: 1, fullOn: localDateOf(new Date(now), "Europe/Paris") },
      coverage: 2,
      reorderUnits: 8,
    });
    expect(fake.store.getVariant(variant.id).inventoryPolicy).toBe("CONTINUE");

    // WHEN the merchant confirms "Cap at 2"
    const response = await capPost({ intent: "cap_at_forecast", variantId: variant.id, cap: "2", version: String(demand.version) });
    // THEN the cap is saved (the version moves on), and Shopify stops selling: 3 owed ≥ cap 2; the storefront's
    // metafield says so too
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, message: "Backorders capped at 2 units" });
    const saved = await prisma.backorderVariant.findFirstOrThrow({ where: { id: row.id } });
    expect(saved).toMatchObject({ cap: 2, version: demand.version + 1, mode: "always", leadTimeDays: 14 });
    expect(fake.store.getVariant(variant.id).inventoryPolicy).toBe("DENY");
    expect(JSON.parse(fake.store.findMetafield(variant.id, "$app:backorder", "eta")?.value ?? "{}")).toMatchObject({ backorder: false });
  });

  it("refuses a stale or malformed submission, or another shop's variant, writing nothing", async () => {
    // GIVEN the Butter Dish above, and the same variant id managed by another shop
    const { variant, row } = await seedVariant();
    await prisma.backorderVariant.create({ data: { shop: OTHER_SHOP, productId: variant.productId, variantId: "gid://shopify/ProductVariant/999999", mode: "always" } });
    const mutationsBefore = fake.calls.filter((c) => c.operationType === "mutation").length;
    const attempts: [Record<string, string>, number, string][] = [
      // a coverage the page showed before a batch changed: the forecast moved
      [{ intent: "cap_at_forecast", variantId: variant.id, cap: "5", version: String(row.version) }, 409, "The forecast or this variant changed"],
      // the variant was saved elsewhere since the page loaded
      [{ intent: "cap_at_forecast", variantId: variant.id, cap: "2", version: String(row.version - 1 || 99) }, 409, "The forecast or this variant changed"],
      // malformed numbers
      [{ intent: "cap_at_forecast", variantId: variant.id, cap: "2.0", version: String(row.version) }, 400, "The cap must be a whole number"],
      [{ intent: "cap_at_forecast", variantId: variant.id, cap: "0", version: String(row.version) }, 400, "The cap must be a whole number"],
      [{ intent: "something_else", variantId: variant.id, cap: "2", version: String(row.version) }, 400, "Unknown action."],
      // a variant of another shop (by id), and one that is not a variant id at all
      [{ intent: "cap_at_forecast", variantId: "gid://shopify/ProductVariant/999999", cap: "2", version: "1" }, 404, "This variant is not on backorder in your shop."],
      [{ intent: "cap_at_forecast", variantId: "42", cap: "2", version: "1" }, 400, "This variant is not on backorder in your shop."],
    ];
    for (const [fields, status, message] of attempts) {
      // WHEN each is posted
      const response = await capPost(fields);
      // THEN a clear 4xx with its reason
      expect(response.status, JSON.stringify(fields)).toBe(status);
      expect((await response.json()).message).toContain(message);
    }
    // AND nothing was written, here or in Shopify
    expect(await prisma.backorderVariant.findFirstOrThrow({ where: { id: row.id } })).toMatchObject({ cap: null, version: row.version });
    expect(await prisma.backorderVariant.findFirstOrThrow({ where: { shop: OTHER_SHOP } })).toMatchObject({ cap: null, version: 1 });
    expect(fake.calls.filter((c) => c.operationType === "mutation").length).toBe(mutationsBefore);
    // AND a body that is not a form is a 400 too
    const json = await callRoute(homeAction, await embeddedFetchRequest("/app?index", { init: { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" } }));
    expect(json.status).toBe(400);
  });
});

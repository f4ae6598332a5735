// The dashboard's deposits and balances (ADR 015) against hand-built balances: deposits taken in the period,
// balances collected in it, and the balances still due by the week they are expected, through the real home
// loader and its CSV export. Every expected number is computed by hand in the comments.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { addCalendarDays } from "~/domain/dates";
import { weekStart } from "~/domain/deposits";
import { localDateOf } from "~/domain/insights";
import { loader as homeLoader } from "~/routes/app._index";
import { loader as csvLoader } from "~/routes/app.insights[.]csv";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, embeddedDocumentRequest, embeddedFetchRequest } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";
import { resetLedgerTables } from "./ledger-support";
import { ledgerLine } from "./insights-ledger";

const DAY = 86_400_000;
const TZ = "America/New_York";
let now: number;
let monday: string;

async function balance(
  shop: string,
  n: number,
  o: { paid: number; outstanding: number; status?: string; createdDaysAgo: number; dueAt?: Date; collectedDaysAgo?: number; charge?: number },
) {
  await prisma.orderBalance.create({
    data: {
      shop,
      orderId: `gid://shopify/Order/${n}`,
      orderName: `#${1000 + n}`,
      currency: "EUR",
      totalMinor: o.paid + o.outstanding + (o.charge ?? 0),
      paidMinor: o.paid,
      outstandingMinor: o.outstanding,
      planValueMinor: o.paid + o.outstanding + (o.charge ?? 0),
      termsType: o.dueAt ? "FIXED" : "FULFILLMENT",
      dueAt: o.dueAt ?? null,
      status: o.status ?? "owed",
      chargeMinor: o.charge ?? null,
      collectedAt: o.collectedDaysAgo !== undefined ? new Date(now - o.collectedDaysAgo * DAY) : null,
      createdAt: new Date(now - o.createdDaysAgo * DAY),
    },
  });
}

beforeEach(async () => {
  await resetLedgerTables();
  await installFakeShop();
  now = Date.now();
  monday = weekStart(localDateOf(new Date(now), TZ));
});

async function seed() {
  const variantId = "gid://shopify/ProductVariant/1";
  const ordered = new Date(now - 3 * DAY);
  // B1: 20.00 paid, 80.00 due when its waiting item is ready: its estimate is the Tuesday two weeks on → week monday+14
  await balance(TEST_SHOP, 1, { paid: 2000, outstanding: 8000, createdDaysAgo: 3 });
  await ledgerLine(TEST_SHOP, variantId, 1, { orderedAt: ordered, state: { estimateLatest: addCalendarDays(monday, 15) } });
  // B2: 10.00 paid 40 days ago (before the period), 30.00 due on a date: Tuesday next week → week monday+7
  await balance(TEST_SHOP, 2, { paid: 1000, outstanding: 3000, createdDaysAgo: 40, dueAt: new Date(`${addCalendarDays(monday, 8)}T16:00:00Z`) });
  await ledgerLine(TEST_SHOP, variantId, 2, { orderedAt: new Date(now - 40 * DAY) });
  // B3: 10.00 paid, 40.00 due, its item already allocated (the charge is imminent) → this week
  await balance(TEST_SHOP, 3, { paid: 1000, outstanding: 4000, createdDaysAgo: 3 });
  await ledgerLine(TEST_SHOP, variantId, 3, { orderedAt: ordered, state: { status: "allocated" } });
  // B4: 5.00 paid, 25.00 declined: still due, this week
  await balance(TEST_SHOP, 4, { paid: 500, outstanding: 2500, createdDaysAgo: 3, status: "failed" });
  await ledgerLine(TEST_SHOP, variantId, 4, { orderedAt: ordered, state: { status: "allocated" } });
  // B5: 15.00 paid 5 days ago, 60.00 collected 2 days ago
  await balance(TEST_SHOP, 5, { paid: 1500, outstanding: 0, createdDaysAgo: 5, status: "collected", charge: 6000, collectedDaysAgo: 2 });
  // B6: 7.00 paid yesterday, its items cancelled: nothing due any more
  await balance(TEST_SHOP, 6, { paid: 700, outstanding: 0, createdDaysAgo: 1, status: "cancelled" });
  // Another shop's balance never counts
  await balance("other-shop.myshopify.com", 7, { paid: 99_900, outstanding: 99_900, createdDaysAgo: 1 });
}

describe("the dashboard's deposits and balances", () => {
  it("matches the hand-computed deposits, collections and weekly forecast", async () => {
    // GIVEN the balances above
    await seed();
    // WHEN the merchant opens the home page (last 30 days)
    const response = await callRoute(homeLoader, await embeddedDocumentRequest("/app"));
    expect(response.status).toBe(200);
    const { dashboard } = (await response.json()) as { dashboard: { cashFlow: unknown } };
    // THEN deposits taken in the period: B1 20 + B3 10 + B4 5 + B5 15 + B6 7 = 57.00 EUR over 5 orders (B2 is older)
    // AND collected: B5 60.00; due: B1 80 + B2 30 + B3 40 + B4 25 = 175.00 over 4 orders
    // AND by week: this week B3 40 + B4 25 = 65.00 (2), next week B2 30.00 (1), the week after B1 80.00 (1)
    expect(dashboard.cashFlow).toEqual({
      deposits: [{ currency: "EUR", amountMinor: 5700 }],
      depositOrders: 5,
      collected: [{ currency: "EUR", amountMinor: 6000 }],
      due: [{ currency: "EUR", amountMinor: 17_500 }],
      dueOrders: 4,
      currency: "EUR",
      weeks: [
        { weekOf: monday, orders: 2, amountMinor: 6500 },
        { weekOf: addCalendarDays(monday, 7), orders: 1, amountMinor: 3000 },
        { weekOf: addCalendarDays(monday, 14), orders: 1, amountMinor: 8000 },
      ],
    });
  });

  it("exports the weekly forecast as CSV", async () => {
    // GIVEN the same balances
    await seed();
    // WHEN the merchant exports the forecast
    const response = await callRoute(csvLoader, await embeddedFetchRequest("/app/insights.csv?table=cashflow"));
    // THEN one row per week, plain numbers
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="cashflow-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(await response.text()).toBe(
      `week_of,orders,balance_due,currency\n${monday},2,65.00,EUR\n${addCalendarDays(monday, 7)},1,30.00,EUR\n${addCalendarDays(monday, 14)},1,80.00,EUR\n`,
    );
  });
});

// Shared by the query-plan tests (SQLite: query-plans.test.ts; PostgreSQL: query-plans-postgres.test.ts): a
// tenth of the benchmark's large shop (dev/bench/admin-seed.ts) with its support desk
// (dev/bench/support-seed.ts), and every admin page (plus the storefront's order lookup) as a step that opens
// it through its real loader or action. A test records the SQL each step runs and explains it: the statements
// are the app's own, never copies.
import { expect } from "vitest";
import prisma from "~/db.server";
import { rolledWaitHours } from "~/models/insights-rollups.server";
import { loader as homeLoader } from "~/routes/app._index";
import { loader as productsLoader } from "~/routes/app.products._index";
import { loader as productLoader } from "~/routes/app.products.$id";
import { loader as queueLoader } from "~/routes/app.products.$id_.queue";
import { loader as notificationsLoader } from "~/routes/app.notifications._index";
import { loader as activityLoader } from "~/routes/app.activity";
import { loader as privacyLoader } from "~/routes/app.privacy._index";
import { loader as waitlistLoader } from "~/routes/app.products.$id_.waitlist";
import { loader as supportLoader } from "~/routes/app.support._index";
import { loader as supportOrderLoader } from "~/routes/app.support.$orderId";
import { action as wismoAction } from "~/routes/proxy.order-status";
import type { AdminFake } from "../../dev/admin-fake";
import {
  largeShopSize,
  seedLargeCatalog,
  seedLargeShopRows,
  type LargeShopSize,
  type SeededVariant,
} from "../../dev/bench/admin-seed";
import { BENCH_SUPPLIERS, seedSupportDesk } from "../../dev/bench/support-seed";
import { callRoute } from "../helpers/routes";
import {
  TEST_SHOP,
  appProxyRequest,
  embeddedDocumentRequest,
  embeddedFetchRequest,
} from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";

export const ROLLUP_TABLES = [
  "InsightsLineDay",
  "InsightsDay",
  "InsightsWaitDay",
  "InsightsWaitMonth",
  "InsightsWaitHour",
  "InsightsWaitHourMonth",
  "InsightsPromiseDay",
  "InsightsWaiting",
];

/** One page (or one read) to record: its name and how to run it. */
export type PageStep = [name: string, run: () => Promise<unknown>];

export interface LargeShopPages {
  fake: AdminFake;
  variants: SeededVariant[];
  bigVariant: SeededVariant;
  steps: PageStep[];
}

/**
 * Seeds the large shop (TEST_SHOP) at `scale` of the benchmark's (0.1: 10,000 waiting lines; `sizes` overrides
 * single counts), derives its stored state, and returns every admin page as a step.
 */
export async function seedLargeShopPages({
  scale = 0.1,
  sizes = {},
}: { scale?: number; sizes?: Partial<LargeShopSize> } = {}): Promise<LargeShopPages> {
  const fake = await installFakeShop();
  const size = { ...largeShopSize(scale), ...sizes };
  const variants = seedLargeCatalog(fake.store, size);
  const { bigVariant } = await seedLargeShopRows(prisma, {
    shop: TEST_SHOP,
    variants,
    size,
  });
  await seedSupportDesk(prisma, { shop: TEST_SHOP });
  const num = (gid: string) => gid.split("/").pop() as string;
  const productNumber = num(bigVariant.productId);
  const productPath = `/app/products/${productNumber}?variant=${num(
    bigVariant.variantId
  )}`;
  const open = async (
    loader: Parameters<typeof callRoute>[0],
    path: string,
    params: Record<string, string> = {}
  ) => {
    const response = await callRoute(
      loader,
      await embeddedDocumentRequest(path),
      params
    );
    expect(response.status, path).toBe(200);
    return response.json();
  };
  // Derive the stored state first (the one-time backfill after the migration is not a list query; nor is the
  // dashboard's roll-up build on its first visit).
  await open(productsLoader, "/app/products?tab=at_risk");
  await open(homeLoader, "/app");
  const product = await open(productLoader, productPath, { id: productNumber });
  const notifications = await open(notificationsLoader, "/app/notifications");
  const activity = await open(activityLoader, "/app/activity");
  const privacy = await open(privacyLoader, "/app/privacy");
  const waitlistPath = `/app/products/${productNumber}/waitlist?variant=${num(
    bigVariant.variantId
  )}`;
  const waitlist = await open(waitlistLoader, waitlistPath, {
    id: productNumber,
  });
  const cursor = encodeURIComponent(product.editor.queuePage.next);
  const queue = await open(supportLoader, "/app/support");
  const middle = (
    await prisma.supportCase.findMany({
      where: { shop: TEST_SHOP },
      orderBy: [{ daysLate: "desc" }, { orderedAt: "asc" }, { id: "asc" }],
      skip: Math.floor(size.lines / 2),
      take: 1,
    })
  )[0];
  const anOrder = queue.queue.rows[0] as {
    orderId: string;
    orderName: string;
    customerEmail: string;
  };
  const supplier = encodeURIComponent(BENCH_SUPPLIERS[2] as string);
  const anEmail = encodeURIComponent("customer1234@example.com");
  const next = (pageInfo: { next: string }) =>
    encodeURIComponent(pageInfo.next);
  const steps: PageStep[] = [
    ["home", () => open(homeLoader, "/app")],
    [
      "home: dashboard over 365 days",
      () => open(homeLoader, "/app?period=365"),
    ],
    ["products: all", () => open(productsLoader, "/app/products")],
    [
      "products: backorderable",
      () => open(productsLoader, "/app/products?tab=backorderable"),
    ],
    [
      "products: backorderable page 2",
      () =>
        open(
          productsLoader,
          "/app/products?tab=backorderable&cursor=next:gid://shopify/Product/0"
        ),
    ],
    [
      "products: at risk",
      () => open(productsLoader, "/app/products?tab=at_risk"),
    ],
    [
      "product page",
      () => open(productLoader, productPath, { id: productNumber }),
    ],
    [
      "product page: load more",
      async () => {
        const response = await callRoute(
          queueLoader,
          await embeddedFetchRequest(
            `/app/products/${productNumber}/queue?variant=${num(
              bigVariant.variantId
            )}&cursor=${cursor}`
          ),
          {
            id: productNumber,
          }
        );
        expect(response.status).toBe(200);
      },
    ],
    ["notifications", () => open(notificationsLoader, "/app/notifications")],
    [
      "notifications: page 2",
      () =>
        open(
          notificationsLoader,
          `/app/notifications?cursor=${encodeURIComponent(
            notifications.outbox.pageInfo.next
          )}`
        ),
    ],
    [
      "notifications: failed",
      () => open(notificationsLoader, "/app/notifications?filter=failed"),
    ],
    ["activity", () => open(activityLoader, "/app/activity")],
    [
      "activity: page 2 of each table",
      () =>
        open(
          activityLoader,
          `/app/activity?deadCursor=${next(
            activity.pages.dead
          )}&jobsCursor=${next(activity.pages.recent)}&eventsCursor=${next(
            activity.pages.events
          )}`
        ),
    ],
    [
      "activity: newer jobs",
      () =>
        open(
          activityLoader,
          `/app/activity?jobsCursor=${encodeURIComponent(
            activity.pages.recent.previous
          )}`
        ),
    ],
    ["privacy", () => open(privacyLoader, "/app/privacy")],
    [
      "privacy: page 2",
      () =>
        open(privacyLoader, `/app/privacy?cursor=${next(privacy.pageInfo)}`),
    ],
    [
      "waitlist",
      () => open(waitlistLoader, waitlistPath, { id: productNumber }),
    ],
    [
      "waitlist: page 2",
      () =>
        open(
          waitlistLoader,
          `${waitlistPath}&cursor=${next(waitlist.pageInfo)}`,
          { id: productNumber }
        ),
    ],
    [
      "waitlist: all signups, page 2",
      () =>
        open(
          waitlistLoader,
          `${waitlistPath}&view=all&cursor=${next(waitlist.pageInfo)}`,
          { id: productNumber }
        ),
    ],
    [
      "notifications: search by address",
      () => open(notificationsLoader, `/app/notifications?to=${anEmail}`),
    ],
    [
      "notifications: search by prefix",
      () => open(notificationsLoader, "/app/notifications?to=customer12"),
    ],
    [
      "notifications: search, failed, page 2",
      () =>
        open(
          notificationsLoader,
          `/app/notifications?filter=failed&to=customer&cursor=${encodeURIComponent(
            notifications.outbox.pageInfo.next
          )}`
        ),
    ],
    ["support: open", () => open(supportLoader, "/app/support")],
    [
      "support: page 2",
      () =>
        open(
          supportLoader,
          `/app/support?cursor=${queue.queue.rows.at(-1).id}`
        ),
    ],
    [
      "support: deep page",
      () => open(supportLoader, `/app/support?cursor=${middle?.id}`),
    ],
    [
      "support: previous page",
      () => open(supportLoader, `/app/support?cursor=${middle?.id}&before=1`),
    ],
    [
      "support: delayed",
      () => open(supportLoader, "/app/support?view=delayed"),
    ],
    [
      "support: at risk",
      () => open(supportLoader, "/app/support?view=at_risk"),
    ],
    [
      "support: waiting on customer",
      () => open(supportLoader, "/app/support?view=waiting_customer"),
    ],
    [
      "support: resolved",
      () => open(supportLoader, "/app/support?view=resolved"),
    ],
    [
      "support: complaints",
      () => open(supportLoader, "/app/support?view=complaints"),
    ],
    [
      "support: fewest days late",
      () => open(supportLoader, "/app/support?sort=days_late_asc"),
    ],
    [
      "support: oldest first",
      () => open(supportLoader, "/app/support?sort=ordered_asc"),
    ],
    [
      "support: status filter",
      () => open(supportLoader, "/app/support?state=ready"),
    ],
    [
      "support: product filter (many orders)",
      () =>
        open(
          supportLoader,
          `/app/support?product=${encodeURIComponent(bigVariant.productId)}`
        ),
    ],
    [
      "support: product filter (few orders)",
      () =>
        open(
          supportLoader,
          `/app/support?product=${encodeURIComponent(variants[5]!.productId)}`
        ),
    ],
    [
      "support: supplier filter",
      () => open(supportLoader, `/app/support?supplier=${supplier}`),
    ],
    [
      "support: promised range (none)",
      () => open(supportLoader, "/app/support?from=2020-01-01&to=2020-12-31"),
    ],
    [
      "support: promised range (most)",
      () => open(supportLoader, "/app/support?from=2020-01-01"),
    ],
    [
      "support: search by email",
      () => open(supportLoader, `/app/support?q=${anEmail}`),
    ],
    [
      "support: search, common words",
      () => open(supportLoader, "/app/support?q=customer%20example.com"),
    ],
    [
      "support: order page",
      () =>
        open(
          supportOrderLoader,
          `/app/support/${anOrder.orderId.split("/").pop()}`,
          { orderId: anOrder.orderId.split("/").pop() as string }
        ),
    ],
    [
      "where is my order: lookup",
      async () => {
        const body = new URLSearchParams({
          intent: "lookup",
          order: anOrder.orderName,
          email: anOrder.customerEmail,
        });
        const request = appProxyRequest("/proxy/order-status", {
          init: {
            method: "POST",
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
            body,
          },
        });
        expect((await callRoute(wismoAction, request)).status).toBe(200);
      },
    ],
    // The seeded lines all wait, so the dashboard has no p90 to refine: the hours of a day of wait read directly.
    [
      "home: the p90's hours of wait",
      () =>
        rolledWaitHours({
          shop: TEST_SHOP,
          fromDate: "2025-01-01",
          toDate: "2026-01-01",
          fromHour: 48,
          toHour: 72,
        }),
    ],
  ];
  return { fake, variants, bigVariant, steps };
}

/** What every recorded page must show, whatever the database: each step ran queries on the tables it lists. */
export function expectPagesRecorded(pages: Record<string, string[]>): void {
  for (const [name, queries] of Object.entries(pages))
    expect(queries.length, name).toBeGreaterThan(0);
  expect(
    pages["product page: load more"]!.some((sql) => /BackorderLine/.test(sql))
  ).toBe(true);
  expect(
    pages["notifications: page 2"]!.some((sql) => /EmailOutbox/.test(sql))
  ).toBe(true);
  expect(
    pages["activity: page 2 of each table"]!.filter((sql) =>
      /FROM [`"]?(main[`"]?\.[`"]?|public[`"]?\.[`"]?)?(Job|WebhookEvent)\b/.test(
        sql
      )
    ).length
  ).toBeGreaterThanOrEqual(2);
  expect(pages["privacy: page 2"]!.some((sql) => /DataRequest/.test(sql))).toBe(
    true
  );
  // The dashboard: the period's sums from the daily roll-ups, the last 28 days of demand and the refunds from
  // the ledger, batches; neither the period's lines nor the outbox are read line by line.
  const dashboard = pages["home: dashboard over 365 days"]!;
  for (const table of [
    "BackorderLine",
    "IncomingBatch",
    ...ROLLUP_TABLES.filter((t) => !t.startsWith("InsightsWaitHour")),
  ])
    expect(
      dashboard.some((sql) => sql.includes(table)),
      table
    ).toBe(true);
  expect(dashboard.some((sql) => sql.includes("EmailOutbox"))).toBe(false);
  expect(
    pages["waitlist: page 2"]!.some((sql) => /NotifySubscription/.test(sql))
  ).toBe(true);
  expect(
    pages["notifications: search by address"]!.some((sql) =>
      /EmailOutbox[\s\S]*toEmail/.test(sql)
    )
  ).toBe(true);
  expect(
    pages["support: supplier filter"]!.some((sql) =>
      /SupportCase[\s\S]*suppliers/.test(sql)
    )
  ).toBe(true);
  expect(
    pages["where is my order: lookup"]!.some((sql) =>
      /SupportCase[\s\S]*orderName/.test(sql)
    )
  ).toBe(true);
}

// CSV export of a dashboard table: /app/insights.csv?table=suppliers|demand&period=30|90|365. An unknown table
// is a 400 (nothing to export); the period falls back to 30 days like the page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticate } from "~/shopify.server";
import { fetchShopOverview } from "~/shopify/shop.server";
import { parseInsightsPeriod } from "~/domain/insights";
import { dashboardCsv, insightsTableFrom } from "~/workflows/insights/export.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const url = new URL(request.url);
  const table = insightsTableFrom(url.searchParams.get("table"));
  if (!table) return new Response("Unknown table: use table=suppliers or table=demand", { status: 400 });
  const days = parseInsightsPeriod(url.searchParams.get("period"));
  const csv = await dashboardCsv({ shop: session.shop, table, days, now: new Date(), shopTimeZone: async () => (await fetchShopOverview(admin.graphql)).timezone });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${table}-last-${days}-days.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
};

// CSV export of a dashboard table: /app/insights.csv?table=suppliers|demand|series|cashflow plus the page's period parameters
// (period=30|90|365, or period=custom&from=…&to=…). An unknown table is a 400 (nothing to export); the period
// falls back to 30 days like the page, and the file name states the days it covers.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticate } from "~/shopify.server";
import { fetchShopOverview } from "~/shopify/shop.server";
import { dashboardCsv, insightsTableFrom } from "~/workflows/insights/export.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const url = new URL(request.url);
  const table = insightsTableFrom(url.searchParams.get("table"));
  if (!table) return new Response("Unknown table: use table=suppliers, table=demand, table=series or table=cashflow", { status: 400 });
  const query = { period: url.searchParams.get("period"), from: url.searchParams.get("from"), to: url.searchParams.get("to") };
  const shopTimeZone = async () => (await fetchShopOverview(admin.graphql)).timezone;
  const { csv, fileName } = await dashboardCsv({ shop: session.shop, table, query, now: new Date(), shopTimeZone });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
};

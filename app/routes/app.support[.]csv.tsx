// CSV export of the support queue for the filter in the URL (columns: ~/workflows/support/queue.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticate } from "~/shopify.server";
import { queueFilterFrom } from "~/validation/support";
import { queueCsv } from "~/workflows/support/queue.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const filter = queueFilterFrom(new URL(request.url).searchParams);
  return new Response(queueCsv({ shop: session.shop, filter }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="support-queue.csv"',
      "Cache-Control": "private, no-store",
    },
  });
};

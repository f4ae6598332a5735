// CSV export of a variant's notify-me waitlist, streamed, for the shop that owns the product only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticate } from "~/shopify.server";
import { productVariant, waitlistCsv, waitlistViewFrom } from "~/workflows/waitlist/waitlist.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const url = new URL(request.url);
  const { variant } = await productVariant(admin.graphql, params.id ?? "", url.searchParams.get("variant"));
  const fileName = `waitlist-${(variant.sku || variant.id.split("/").pop() || "variant").replace(/[^\w-]+/g, "-")}.csv`;
  return new Response(waitlistCsv({ shop: session.shop, variantId: variant.id, view: waitlistViewFrom(url.searchParams.get("view")) }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
};

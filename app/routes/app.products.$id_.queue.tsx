// "Load more" of the product page's waiting queue: the next page of a variant's queue (positions and dates
// computed over the whole queue), for the shop's own variant only. Loader only: the page fetches it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { authenticate } from "~/shopify.server";
import { loadQueuePage } from "~/workflows/catalog/waiting-queue.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const url = new URL(request.url);
  const result = await loadQueuePage({
    shop: session.shop,
    productNumber: params.id ?? "",
    variantNumber: url.searchParams.get("variant"),
    cursor: url.searchParams.get("cursor"),
  });
  // Returned, not thrown: the page's "Load more" shows a message instead of replacing the page with an error.
  if (!result.ok) return json({ ok: false as const, status: result.status }, { status: result.status });
  return json({ ok: true as const, ...result.page });
};

// The refund a cancellation would make, for the order page's confirmation dialog: Shopify's suggestedRefund for
// the chosen owed lines (`?lineIds=…`), the whole order (`?scope=order`) or a customer's request
// (`?request=<id>`). Loader only, reads only; another shop's order is a 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { authenticate } from "~/shopify.server";
import { adminLocaleFromRequest, translator, type AdminMessageKey } from "~/i18n/admin";
import { formatMoney } from "~/domain/format";
import { createAdminClient } from "~/shopify/admin-client.server";
import { refundPreviewSchema } from "~/validation/support-cancel";
import { previewCancellation } from "~/workflows/support/cancellation.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  if (!params.orderId || !/^\d{1,20}$/.test(params.orderId)) throw new Response("Not Found", { status: 404 });
  const locale = adminLocaleFromRequest(request);
  const t = translator(locale);
  const url = new URL(request.url);
  const query = refundPreviewSchema.safeParse({
    scope: url.searchParams.get("scope") ?? undefined,
    lineIds: url.searchParams.getAll("lineIds"),
    request: url.searchParams.get("request"),
  });
  if (!query.success) return json({ ok: false as const, error: t("support.error.intent") }, { status: 400 });
  const result = await previewCancellation({
    shop: session.shop,
    orderId: `gid://shopify/Order/${params.orderId}`,
    client: createAdminClient(admin.graphql),
    scope: query.data.request ? "lines" : query.data.scope,
    lineIds: query.data.lineIds,
    cancellationId: query.data.request ?? null,
  });
  // Returned, not thrown: the dialog shows the reason instead of the page turning into an error page.
  if (!result.ok) {
    const first = Object.values(result.errors)[0];
    return json({ ok: false as const, error: first ? t(first.key as AdminMessageKey, first.params) : "" }, { status: result.status });
  }
  return json({
    ok: true as const,
    amount: result.amount,
    currency: result.currency,
    amountText: formatMoney(result.amount, result.currency, locale),
    paid: Number(result.amount) > 0,
    items: result.items,
  });
};

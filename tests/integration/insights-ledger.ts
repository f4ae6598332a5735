// A backordered line for the dashboard tests' hand-built ledgers: recorded as the ledger records it (priced in
// EUR unless `price` is null: recorded before prices were kept), then given the state the test describes.
import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { insertWaitingLine } from "~/models/backorder-line.server";

export async function ledgerLine(
  shop: string,
  variantId: string,
  n: number,
  o: { orderedAt: Date; quantity?: number; price?: number | null; promised?: string | null; state?: Prisma.BackorderLineUpdateManyMutationInput },
): Promise<{ id: string; orderId: string }> {
  const lineItemId = `gid://shopify/LineItem/${n}`;
  await insertWaitingLine(
    {
      shop,
      variantId,
      orderId: `gid://shopify/Order/${n}`,
      orderName: `#${1000 + n}`,
      lineItemId,
      quantity: o.quantity ?? 1,
      customerEmail: `c${n}@example.com`,
      customerLocale: "en",
      orderedAt: o.orderedAt,
      promisedLatest: o.promised ?? null,
      termsVersion: null,
      unitPriceMinor: o.price === undefined ? 1000 : o.price,
      currency: o.price === null ? null : "EUR",
      customerName: null,
      productTitle: "Mug",
      variantTitle: "",
      orderUpdatedAt: o.orderedAt,
    },
    o.orderedAt,
  );
  if (o.state) await prisma.backorderLine.updateMany({ where: { shop, lineItemId }, data: o.state });
  const { id } = await prisma.backorderLine.findFirstOrThrow({ where: { shop, lineItemId }, select: { id: true } });
  return { id, orderId: `gid://shopify/Order/${n}` };
}

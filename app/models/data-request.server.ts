// Customer data requests (customers/data_request) the app answered: the export a merchant downloads and
// hands to the customer. Kept for DATA_REQUEST_RETENTION_DAYS, erased with the customer (customers/redact)
// and with the shop (shop/redact).
import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import type { PageCursor } from "~/validation/cursor";
import { keysetPage } from "./keyset.server";

type Db = Prisma.TransactionClient;

/** Stores (or refreshes, on a redelivered request) the export of one data request. */
export async function saveDataRequest(
  { shop, requestId, customerEmail, exportData, now }: { shop: string; requestId: string; customerEmail: string | null; exportData: unknown; now: Date },
  db: Db = prisma,
): Promise<{ id: string }> {
  const data = { customerEmail, export: JSON.stringify(exportData) };
  return db.dataRequest.upsert({
    where: { shop_requestId: { shop, requestId } },
    create: { shop, requestId, createdAt: now, ...data },
    update: data,
    select: { id: true },
  });
}

/**
 * One page of the shop's data requests, newest first (no export bodies: the list only names them), keyset
 * over the (shop, createdAt) index.
 */
export async function listDataRequests({ shop, cursor = null, take = 50 }: { shop: string; cursor?: PageCursor | null; take?: number }) {
  return keysetPage({ field: "createdAt", cursor, size: take }, ({ where, orderBy, take: rows }) =>
    prisma.dataRequest.findMany({
      where: { shop, AND: where },
      orderBy,
      take: rows,
      select: { id: true, requestId: true, customerEmail: true, createdAt: true },
    }),
  );
}

/** One data request with its export, only if it belongs to the shop. */
export async function getDataRequest({ shop, id }: { shop: string; id: string }) {
  return prisma.dataRequest.findFirst({
    where: { shop, id },
    select: { id: true, requestId: true, customerEmail: true, export: true, createdAt: true },
  });
}

/** customers/redact: the exports about this customer go too. */
export async function deleteCustomerDataRequests({ shop, emails }: { shop: string; emails: readonly string[] }, db: Db = prisma): Promise<number> {
  if (emails.length === 0) return 0;
  const { count } = await db.dataRequest.deleteMany({ where: { shop, customerEmail: { in: [...emails] } } });
  return count;
}

/** Retention: exports older than `before` go. */
export async function pruneDataRequests({ shop, before }: { shop: string; before: Date }, db: Db = prisma): Promise<number> {
  const { count } = await db.dataRequest.deleteMany({ where: { shop, createdAt: { lt: before } } });
  return count;
}

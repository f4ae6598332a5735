// The shops that installed the app (Shop): installed, uninstalled (kept with uninstalledAt until
// shop/redact). The scheduler's lists read across shops: they are how the worker finds its shops.
import prisma from "~/db.server";
import type { Tx } from "./transaction.server";

/** After OAuth: the shop is (again) installed. */
export async function markShopInstalled({ shop }: { shop: string }): Promise<void> {
  await prisma.shop.upsert({
    where: { shop },
    create: { shop },
    update: { uninstalledAt: null },
  });
}

/** app/uninstalled: the shop's row stays, dated, until shop/redact erases it. */
export async function markShopUninstalled({ shop, at }: { shop: string; at: Date }, tx: Tx = prisma): Promise<void> {
  await tx.shop.updateMany({ where: { shop }, data: { uninstalledAt: at } });
}

/** Every shop the app has a row for, installed or not. */
export async function listShops(): Promise<string[]> {
  const rows = await prisma.shop.findMany({ select: { shop: true } });
  return rows.map((row) => row.shop);
}

/** Shops that uninstalled the app (and are not erased yet). */
export async function listUninstalledShops(): Promise<string[]> {
  const rows = await prisma.shop.findMany({ where: { uninstalledAt: { not: null } }, select: { shop: true } });
  return rows.map((row) => row.shop);
}

// Installation lifecycle of a shop and removal of everything the app stores for it.
import prisma from "~/db.server";

/** app/uninstalled: the access token is void now; keep the shop's data until shop/redact (48 h later). */
export async function markShopUninstalled({ shop }: { shop: string }): Promise<void> {
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { shop } }),
    prisma.shop.updateMany({ where: { shop }, data: { uninstalledAt: new Date() } }),
  ]);
}

/** shop/redact: erase every row the app holds for the shop. */
export async function eraseShopData({ shop }: { shop: string }): Promise<void> {
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { shop } }),
    prisma.webhookEvent.deleteMany({ where: { shop } }),
    prisma.shop.deleteMany({ where: { shop } }),
  ]);
}

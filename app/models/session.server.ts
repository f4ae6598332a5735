// Shopify sessions: the library's storage on the app's database (PrismaSessionStorage owns its rows), and
// the few reads and writes the app does itself.
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import prisma from "~/db.server";
import type { Tx } from "./transaction.server";

/** The session storage for shopifyApp() (app/shopify.server.ts builds the one instance). */
export function createSessionStorage() {
  return new PrismaSessionStorage(prisma);
}

export async function updateSessionScopes({ shop, id, scope }: { shop: string; id: string; scope: string }) {
  await prisma.session.updateMany({ where: { id, shop }, data: { scope } });
}

export async function countSessions({ shop }: { shop: string }): Promise<number> {
  return prisma.session.count({ where: { shop } });
}

/** app/uninstalled: the shop's tokens are void; its sessions go with the uninstall. */
export async function deleteShopSessions({ shop }: { shop: string }, tx: Tx = prisma): Promise<void> {
  await tx.session.deleteMany({ where: { shop } });
}

/** Shops with an offline session (the worker can reach their Admin API), across shops: for the scheduler. */
export async function listShopsWithOfflineSession(): Promise<string[]> {
  const rows = await prisma.session.findMany({ where: { isOnline: false }, select: { shop: true }, distinct: ["shop"] });
  return rows.map((row) => row.shop);
}

/** Shops with any session, across shops: for the scheduler. */
export async function listShopsWithSession(): Promise<string[]> {
  const rows = await prisma.session.findMany({ select: { shop: true }, distinct: ["shop"] });
  return rows.map((row) => row.shop);
}

/**
 * Names of the shop's staff members among `userIds` (the session token's `sub`), from the online sessions
 * Shopify gave us for them, if any: the support desk shows who wrote a note. Unknown users are absent.
 */
export async function staffNames({ shop, userIds }: { shop: string; userIds: readonly string[] }): Promise<Map<string, string>> {
  const ids = userIds.filter((id) => /^\d{1,19}$/.test(id)).map((id) => BigInt(id));
  if (ids.length === 0) return new Map();
  const rows = await prisma.session.findMany({
    where: { shop, userId: { in: ids } },
    select: { userId: true, firstName: true, lastName: true, email: true },
  });
  const names = new Map<string, string>();
  for (const row of rows) {
    const name = [row.firstName, row.lastName].filter(Boolean).join(" ") || row.email;
    if (row.userId !== null && name) names.set(row.userId.toString(), name);
  }
  return names;
}

// Session rows the app updates itself (the library owns the rest through PrismaSessionStorage).
import prisma from "~/db.server";

export async function updateSessionScopes({ shop, id, scope }: { shop: string; id: string; scope: string }) {
  await prisma.session.updateMany({ where: { id, shop }, data: { scope } });
}

export async function countSessions({ shop }: { shop: string }): Promise<number> {
  return prisma.session.count({ where: { shop } });
}

// Shopify writes about orders put off during a burst, and the bulk mutations that carry them (ADR 008).
// A write is recorded once per (order, kind, key); a bulk write claims unsent writes by giving each its line
// number in the operation's file; its results are matched back by that number. Every query is scoped by shop.
import { randomUUID } from "node:crypto";
import prisma from "~/db.server";
import { inWriteTransaction } from "./transaction.server";
import type { Tx } from "./transaction.server";

export type DeferredWriteKind = "hold" | "tag";

export interface NewDeferredWrite {
  orderId: string;
  orderName: string;
  kind: DeferredWriteKind;
  key: string;
  payload: unknown;
}

export interface DeferredWrite {
  id: string;
  orderId: string;
  orderName: string;
  kind: DeferredWriteKind;
  payload: string;
  lineNumber: number | null;
  attempts: number;
}

const SELECT = { id: true, orderId: true, orderName: true, kind: true, payload: true, lineNumber: true, attempts: true } as const;

/** Records writes (a write already recorded for the same order, kind and key is kept as it is). */
export async function recordDeferredWrites({ shop, writes, now }: { shop: string; writes: readonly NewDeferredWrite[]; now: Date }, tx?: Tx): Promise<number> {
  const run = async (db: Tx) => {
    let inserted = 0;
    for (const w of writes) {
      inserted += await db.$executeRaw`INSERT INTO "DeferredOrderWrite" ("id", "shop", "orderId", "orderName", "kind", "key", "payload", "attempts", "createdAt")
        VALUES (${randomUUID()}, ${shop}, ${w.orderId}, ${w.orderName}, ${w.kind}, ${w.key}, ${JSON.stringify(w.payload)}, 0, ${now})
        ON CONFLICT ("shop", "orderId", "kind", "key") DO NOTHING`;
    }
    return inserted;
  };
  return tx ? run(tx) : inWriteTransaction(shop, run);
}

/** Whether the shop has writes waiting for (or riding in) a bulk write: a burst is under way. */
export async function hasDeferredWrites({ shop }: { shop: string }): Promise<boolean> {
  return (await prisma.deferredOrderWrite.findFirst({ where: { shop }, select: { id: true } })) !== null;
}

/** The oldest writes of `kind` not sent yet. */
export async function unsentWrites({ shop, kind, limit }: { shop: string; kind: DeferredWriteKind; limit: number }): Promise<DeferredWrite[]> {
  const rows = await prisma.deferredOrderWrite.findMany({
    where: { shop, kind, bulkWriteId: null },
    select: SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
  });
  return rows as DeferredWrite[];
}

/** The running bulk write of the shop, if any. */
export async function runningBulkWrite({ shop }: { shop: string }) {
  return prisma.bulkWrite.findFirst({ where: { shop, status: "running" }, orderBy: { createdAt: "asc" } });
}

/** Records a started bulk operation and the writes it carries, each with its line number (the order of `writeIds`). */
export async function recordBulkWrite({
  shop,
  kind,
  operationId,
  writeIds,
  now,
}: {
  shop: string;
  kind: DeferredWriteKind;
  operationId: string;
  writeIds: readonly string[];
  now: Date;
}): Promise<string> {
  return inWriteTransaction(shop, async (tx) => {
    const bulk = await tx.bulkWrite.create({ data: { shop, kind, operationId, lines: writeIds.length, createdAt: now }, select: { id: true } });
    for (let i = 0; i < writeIds.length; i++) {
      await tx.deferredOrderWrite.updateMany({ where: { shop, id: writeIds[i], bulkWriteId: null }, data: { bulkWriteId: bulk.id, lineNumber: i } });
    }
    return bulk.id;
  });
}

/** The writes a bulk write carries, by line number. */
export async function writesOfBulkWrite({ shop, bulkWriteId }: { shop: string; bulkWriteId: string }): Promise<DeferredWrite[]> {
  const rows = await prisma.deferredOrderWrite.findMany({ where: { shop, bulkWriteId }, select: SELECT, orderBy: { lineNumber: "asc" } });
  return rows as DeferredWrite[];
}

/** Forgets writes that are done (applied, or handed to the single-request path). */
export async function deleteDeferredWrites({ shop, ids }: { shop: string; ids: readonly string[] }, tx?: Tx): Promise<void> {
  const run = (db: Tx) => db.deferredOrderWrite.deleteMany({ where: { shop, id: { in: [...ids] } } });
  if (tx) await run(tx);
  else await inWriteTransaction(shop, run);
}

/** Ends a bulk write; its writes still attached (no answer for them) go back to unsent, one attempt more. */
export async function finishBulkWrite({
  shop,
  id,
  status,
  error,
  now,
}: {
  shop: string;
  id: string;
  status: "completed" | "failed";
  error?: string | null;
  now: Date;
}): Promise<void> {
  await inWriteTransaction(shop, async (tx) => {
    await tx.deferredOrderWrite.updateMany({ where: { shop, bulkWriteId: id }, data: { bulkWriteId: null, lineNumber: null, attempts: { increment: 1 } } });
    await tx.bulkWrite.updateMany({ where: { shop, id, status: "running" }, data: { status, error: error ?? null, finishedAt: now } });
  });
}

/** Handles of the order's holds waiting for (or riding in) a bulk write. */
export async function deferredHoldHandles({ shop, orderId }: { shop: string; orderId: string }): Promise<Set<string>> {
  const rows = await prisma.deferredOrderWrite.findMany({ where: { shop, orderId, kind: "hold" }, select: { key: true } });
  return new Set(rows.map((r) => r.key));
}

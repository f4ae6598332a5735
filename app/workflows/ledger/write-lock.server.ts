// Take the database's write lock at the start of a read-then-write transaction.
//
// On SQLite the adapter opens transactions with a plain (deferred) BEGIN: a transaction that reads first
// and writes later must then upgrade its lock, and when another process is writing, SQLite refuses the
// upgrade at once with SQLITE_BUSY instead of waiting (it would deadlock). Writing first, as BEGIN
// IMMEDIATE would, makes the transaction wait its turn under the busy timeout instead. The statement
// changes nothing (and is as harmless on PostgreSQL).
import type { Prisma } from "@prisma/client";

export async function takeWriteLock(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`UPDATE "Job" SET "attempts" = "attempts" WHERE 1 = 0`;
}

// Transactions for code that never touches the Prisma client itself: a workflow opens one with
// `inTransaction` or `inWriteTransaction` and hands the `Tx` it receives to model functions, whose last
// argument is that transaction (the plain client when omitted).
//
// The write lock: on SQLite the adapter opens transactions with a plain (deferred) BEGIN: a transaction that
// reads first and writes later must then upgrade its lock, and when another process is writing, SQLite
// refuses the upgrade at once with SQLITE_BUSY instead of waiting (it would deadlock). Writing first, as
// BEGIN IMMEDIATE would, makes the transaction wait its turn under the busy timeout instead. The statement
// changes nothing.
//
// On PostgreSQL that statement takes no lock at all, and transactions run side by side (read committed): two
// read-then-write transactions could both read the same owed units. There the lock is a transaction-scoped
// advisory lock, one for the whole database: read-then-write transactions run one at a time, exactly as on
// SQLite, while plain reads and single statements never wait (docs/decisions/013-postgresql.md).
import type { Prisma } from "@prisma/client";
import prisma, { DATABASE_PROVIDER } from "~/db.server";

/** The advisory lock key of the write lock on PostgreSQL (any constant; "BkOrdPlt" in ASCII). */
export const POSTGRES_WRITE_LOCK_KEY = 0x426b4f7264506c74n;

/** A transaction client; model functions default to the plain client, which has the same API. */
export type Tx = Prisma.TransactionClient;

export interface TransactionOptions {
  /** Milliseconds the transaction may run (Prisma's default: 5 s). */
  timeout?: number;
}

/** Runs `fn` in one transaction: everything it writes commits together or not at all. */
export function inTransaction<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return prisma.$transaction(fn, options);
}

/** Takes the database's write lock at the start of a read-then-write transaction (see the file comment). */
export async function takeWriteLock(tx: Tx): Promise<void> {
  if (DATABASE_PROVIDER === "postgresql") await tx.$executeRaw`SELECT pg_advisory_xact_lock(${POSTGRES_WRITE_LOCK_KEY})`;
  else await tx.$executeRaw`UPDATE "Job" SET "attempts" = "attempts" WHERE 1 = 0`;
}

/** A read-then-write transaction: takes the write lock first, then runs `fn`. */
export function inWriteTransaction<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return prisma.$transaction(async (tx) => {
    await takeWriteLock(tx);
    return fn(tx);
  }, options);
}

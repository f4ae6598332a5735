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
// advisory lock per shop: a shop's read-then-write transactions run one at a time, exactly as on SQLite,
// while other shops' run beside them (no row is ever shared between shops: every query is scoped by its
// shop), and plain reads and single statements never wait (docs/decisions/013-postgresql.md). SQLite has one
// writer whatever the shop.
import type { Prisma } from "@prisma/client";
import prisma, { DATABASE_PROVIDER } from "~/db.server";

/**
 * The advisory lock of a shop's writes on PostgreSQL: the two-key form (class, object), whose keys never meet
 * the single bigint keys other code may use. The class is "BkOr" in ASCII; the object is the shop's hashtext.
 * Two shops whose hashes collide merely share a lock.
 */
export const POSTGRES_WRITE_LOCK_CLASS = 0x426b4f72;

/** A transaction client; model functions default to the plain client, which has the same API. */
export type Tx = Prisma.TransactionClient;

export interface TransactionOptions {
  /** Milliseconds the transaction may run (Prisma's default: 5 s). */
  timeout?: number;
}

/** Runs `fn` in one transaction: everything it writes commits together or not at all. */
export function inTransaction<T>(
  fn: (tx: Tx) => Promise<T>,
  options?: TransactionOptions
): Promise<T> {
  return prisma.$transaction(fn, options);
}

/** Takes `shop`'s write lock at the start of a read-then-write transaction (see the file comment). */
export async function takeWriteLock(tx: Tx, shop: string): Promise<void> {
  if (DATABASE_PROVIDER === "postgresql")
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${POSTGRES_WRITE_LOCK_CLASS}::int4, hashtext(${shop}))`;
  else
    await tx.$executeRaw`UPDATE "Job" SET "attempts" = "attempts" WHERE 1 = 0`;
}

/** A read-then-write transaction on `shop`'s rows: takes its write lock first, then runs `fn`. */
export function inWriteTransaction<T>(
  shop: string,
  fn: (tx: Tx) => Promise<T>,
  options?: TransactionOptions
): Promise<T> {
  return prisma.$transaction(async (tx) => {
    await takeWriteLock(tx, shop);
    return fn(tx);
  }, options);
}

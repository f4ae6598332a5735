// The write lock of read-then-write transactions (app/models/transaction.server.ts): on SQLite the single
// writer, on PostgreSQL an advisory lock. Either way, transactions that read a value and write it back
// changed never lose an update, however many run at once (this file also runs on PostgreSQL:
// vitest.postgres.config.ts).
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { inWriteTransaction } from "~/models/transaction.server";

const SHOP = "write-lock.myshopify.com";

async function counter(): Promise<number> {
  const row = await prisma.job.findFirstOrThrow({ where: { shop: SHOP, kind: "test.counter" }, select: { attempts: true } });
  return row.attempts;
}

describe("write transactions", () => {
  it("run one at a time: 20 concurrent read-then-increment transactions lose no increment", async () => {
    // GIVEN a row holding a counter at 0
    await prisma.job.create({ data: { shop: SHOP, kind: "test.counter", payload: "{}", status: "succeeded", attempts: 0, maxAttempts: 1, runAt: new Date() } });

    // WHEN 20 write transactions each read it, wait a little, and write it back plus one
    await Promise.all(
      Array.from({ length: 20 }, () =>
        inWriteTransaction(
          async (tx) => {
            const row = await tx.job.findFirstOrThrow({ where: { shop: SHOP, kind: "test.counter" }, select: { id: true, attempts: true } });
            await new Promise((resolve) => setTimeout(resolve, 5));
            await tx.job.updateMany({ where: { id: row.id, shop: SHOP }, data: { attempts: row.attempts + 1 } });
          },
          { timeout: 30_000 },
        ),
      ),
    );

    // THEN the counter is 20: no transaction read a value another one was about to change
    expect(await counter()).toBe(20);
  });
});

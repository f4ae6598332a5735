// The write lock of read-then-write transactions (app/models/transaction.server.ts): on SQLite the single
// writer, on PostgreSQL an advisory lock per shop. Either way, a shop's transactions that read a value and
// write it back changed never lose an update, however many run at once (this file also runs on PostgreSQL:
// vitest.postgres.config.ts); on PostgreSQL, another shop's writes do not wait for them.
import { describe, expect, it } from "vitest";
import prisma, { DATABASE_PROVIDER } from "~/db.server";
import { inWriteTransaction } from "~/models/transaction.server";

const SHOP = "write-lock.myshopify.com";
const OTHER_SHOP = "write-lock-other.myshopify.com";

async function counter(shop: string): Promise<number> {
  const row = await prisma.job.findFirstOrThrow({
    where: { shop, kind: "test.counter" },
    select: { attempts: true },
  });
  return row.attempts;
}

async function createCounter(shop: string) {
  await prisma.job.create({
    data: {
      shop,
      kind: "test.counter",
      payload: "{}",
      status: "succeeded",
      attempts: 0,
      maxAttempts: 1,
      runAt: new Date(),
    },
  });
}

/** A read-then-increment of the shop's counter, slow enough for transactions to overlap. */
function increment(shop: string) {
  return inWriteTransaction(
    shop,
    async (tx) => {
      const row = await tx.job.findFirstOrThrow({
        where: { shop, kind: "test.counter" },
        select: { id: true, attempts: true },
      });
      await new Promise((resolve) => setTimeout(resolve, 5));
      await tx.job.updateMany({
        where: { id: row.id, shop },
        data: { attempts: row.attempts + 1 },
      });
    },
    { timeout: 30_000 }
  );
}

const sleep = (ms: number) =>
  new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), ms));

describe("write transactions", () => {
  it("run one at a time per shop: 10 concurrent read-then-increment transactions on each of two shops lose no increment", async () => {
    // GIVEN a counter at 0 in each of two shops
    await createCounter(SHOP);
    await createCounter(OTHER_SHOP);

    // WHEN 10 write transactions per shop, interleaved, each read their shop's counter, wait a little, and
    // write it back plus one
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => increment(i % 2 ? SHOP : OTHER_SHOP))
    );

    // THEN each counter is 10: no transaction read a value another one was about to change
    expect(await counter(SHOP)).toBe(10);
    expect(await counter(OTHER_SHOP)).toBe(10);
  });
});

describe.skipIf(DATABASE_PROVIDER !== "postgresql")(
  "write locks on PostgreSQL (per shop; SQLite has one writer)",
  () => {
    it("let another shop write while one shop's lock is held, and make the same shop's writes wait", async () => {
      // GIVEN a write transaction of shop A that holds its lock until released
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const lockTaken = new Promise<void>((resolve) => (locked = resolve));
      const holder = inWriteTransaction(
        SHOP,
        async (tx) => {
          locked();
          await released;
          await tx.job.create({
            data: {
              shop: SHOP,
              kind: "test.holder",
              payload: "{}",
              status: "succeeded",
              attempts: 0,
              maxAttempts: 1,
              runAt: new Date(),
            },
          });
        },
        { timeout: 30_000 }
      );
      await lockTaken;

      try {
        // WHEN shop B runs a write transaction
        const other = await Promise.race([
          inWriteTransaction(OTHER_SHOP, async (tx) => {
            await tx.job.create({
              data: {
                shop: OTHER_SHOP,
                kind: "test.other",
                payload: "{}",
                status: "succeeded",
                attempts: 0,
                maxAttempts: 1,
                runAt: new Date(),
              },
            });
            return "committed" as const;
          }),
          sleep(5_000),
        ]);
        // THEN it commits while shop A's lock is still held
        expect(other).toBe("committed");

        // WHEN shop A starts a second write transaction
        let sameShop: "waiting" | "committed" = "waiting";
        const second = inWriteTransaction(
          SHOP,
          async (tx) => {
            await tx.job.create({
              data: {
                shop: SHOP,
                kind: "test.second",
                payload: "{}",
                status: "succeeded",
                attempts: 0,
                maxAttempts: 1,
                runAt: new Date(),
              },
            });
          },
          { timeout: 30_000 }
        ).then(() => (sameShop = "committed"));
        // THEN it waits on the advisory lock, with nothing written yet
        const waiting = async () =>
          (
            await prisma.$queryRaw<
              { n: bigint }[]
            >`SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory' AND datname = current_database()`
          )[0]!.n;
        const deadline = Date.now() + 5_000;
        while ((await waiting()) === 0n && Date.now() < deadline)
          await sleep(20);
        expect(await waiting()).toBe(1n);
        expect(sameShop).toBe("waiting");
        expect(
          await prisma.job.count({ where: { shop: SHOP, kind: "test.second" } })
        ).toBe(0);

        // WHEN the first transaction commits
        release();
        await holder;
        await second;
        // THEN the second one goes ahead
        expect(sameShop).toBe("committed");
        expect(
          await prisma.job.count({
            where: { shop: SHOP, kind: { in: ["test.holder", "test.second"] } },
          })
        ).toBe(2);
      } finally {
        release();
        await holder.catch(() => {});
      }
    });
  }
);

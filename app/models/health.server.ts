// What the health check reads (GET /healthz): the database answers, and how far the job queue is behind.
// Across shops on purpose, like the worker's own claim query: it reports on the process and its database,
// never on a shop's data (no row content leaves this file, only a count and a date).
import prisma, { DATABASE_PROVIDER } from "~/db.server";

/** Which database this process uses ("sqlite" or "postgresql"). */
export const databaseProvider = (): string => DATABASE_PROVIDER;

export interface QueueLag {
  /** Queued jobs already due. */
  due: number;
  /** When the longest-waiting due job became due (null: none is waiting). */
  oldestDueAt: Date | null;
}

/** One round trip proving the database answers (throws when it does not). */
export async function pingDatabase(): Promise<void> {
  await prisma.$queryRaw`SELECT 1`;
}

export async function queueLag({ now }: { now: Date }): Promise<QueueLag> {
  const where = { status: "queued", runAt: { lte: now } };
  const [due, oldest] = await Promise.all([
    prisma.job.count({ where }),
    prisma.job.findFirst({ where, orderBy: { runAt: "asc" }, select: { runAt: true } }),
  ]);
  return { due, oldestDueAt: oldest?.runAt ?? null };
}

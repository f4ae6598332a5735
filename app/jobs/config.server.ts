// Settings of the background worker, parsed once from process.env with zod (a bad value fails loudly).
// Kept here rather than in env.server.ts so the worker can be tuned without touching the web config.
import { z } from "zod";

const JobsEnv = z.object({
  /** in-process (default): the web process also runs the worker; off: only `npm run worker` processes do. */
  JOBS_WORKER: z.enum(["in-process", "off"]).default("in-process"),
  /** Jobs one worker runs at the same time; default 1 inside the web process (requests come first), 4 alone. */
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** How often an idle worker looks for due jobs and emails. */
  JOBS_POLL_MS: z.coerce.number().int().min(20).max(60_000).default(1_000),
  /** A claimed job belongs to its worker this long (renewed while it runs); a killed worker's job is retried after it. */
  JOBS_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(120_000),
  /** Minutes between two inventory reconciliations of a shop. */
  JOBS_RECONCILE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
});

export type JobsConfig = z.infer<typeof JobsEnv>;

export function parseJobsConfig(source: NodeJS.ProcessEnv): JobsConfig {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = JobsEnv.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid worker configuration:\n${problems.join("\n")}`);
  }
  return result.data;
}

export const jobsConfig = parseJobsConfig(process.env);

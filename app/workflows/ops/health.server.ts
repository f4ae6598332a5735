// The health check of a web or worker process (GET /healthz, for a load balancer or an orchestrator):
// the database answers (else 503), and the job queue's lag, i.e. how long the oldest due job has waited.
// Lag alone never fails the check unless the caller sets a limit (`?maxLagSeconds=`): a load balancer must
// not take every web process out because workers are behind, while a worker's monitor may want exactly that.
import { databaseProvider, pingDatabase, queueLag } from "~/models/health.server";

export interface HealthReport {
  status: "ok" | "lagging" | "down";
  database: { provider: string; reachable: boolean; latencyMs: number | null; error?: string };
  queue: { due: number; lagSeconds: number } | null;
}

export type MaxLag = { ok: true; seconds: number | null } | { ok: false; message: string };

/** `maxLagSeconds` from the query string: absent, or a whole number of seconds from 1 to 86,400. */
export function parseMaxLag(raw: string | null): MaxLag {
  if (raw === null || raw === "") return { ok: true, seconds: null };
  if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1 || Number(raw) > 86_400) return { ok: false, message: "maxLagSeconds must be a whole number of seconds from 1 to 86400" };
  return { ok: true, seconds: Number(raw) };
}

export async function checkHealth({ now = new Date(), maxLagSeconds = null }: { now?: Date; maxLagSeconds?: number | null } = {}): Promise<HealthReport> {
  const started = performance.now();
  try {
    await pingDatabase();
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n").filter(Boolean).at(-1) ?? "unreachable" : "unreachable";
    return { status: "down", database: { provider: databaseProvider(), reachable: false, latencyMs: null, error: message.slice(0, 200) }, queue: null };
  }
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  const lag = await queueLag({ now });
  const lagSeconds = lag.oldestDueAt ? Math.max(0, Math.round((now.getTime() - lag.oldestDueAt.getTime()) / 1000)) : 0;
  const lagging = maxLagSeconds !== null && lagSeconds > maxLagSeconds;
  return { status: lagging ? "lagging" : "ok", database: { provider: databaseProvider(), reachable: true, latencyMs }, queue: { due: lag.due, lagSeconds } };
}

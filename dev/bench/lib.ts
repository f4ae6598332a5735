// Shared helpers for benchmarks: timing with warm-up, median, and PASS/FAIL lines against a target.

export interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
  warmup: number;
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed; returns the median and spread. */
export async function measure(fn: () => unknown, options: { warmup?: number; runs?: number } = {}): Promise<Timing> {
  const warmup = options.warmup ?? 3;
  const runs = options.runs ?? 9;
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const mid = Math.floor(samples.length / 2);
  const medianMs = samples.length % 2 ? (samples[mid] as number) : ((samples[mid - 1] as number) + (samples[mid] as number)) / 2;
  return { medianMs, minMs: samples[0] as number, maxMs: samples[samples.length - 1] as number, runs, warmup };
}

/** One result line: name, median, spread, ratio to the target and PASS/FAIL. */
export function verdict(name: string, timing: Timing, targetMs: number): string {
  const ratio = timing.medianMs / targetMs;
  const status = timing.medianMs <= targetMs ? "PASS" : "FAIL";
  return (
    `${status}  ${name}: median ${fmt(timing.medianMs)} ms ` +
    `(min ${fmt(timing.minMs)}, max ${fmt(timing.maxMs)}; ${timing.runs} runs after ${timing.warmup} warm-up) ` +
    `= ${ratio.toFixed(2)}× target ≤ ${targetMs} ms`
  );
}

export function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

/** Deterministic PRNG (mulberry32) so every run benchmarks the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The p-th percentile (nearest rank) of ascending `sorted`; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/** Calls `onLine` with each line a child process prints on stdout. */
export function onStdoutLines(child: import("node:child_process").ChildProcess, onLine: (line: string) => void): void {
  let buffer = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    let index: number;
    while ((index = buffer.indexOf("\n")) >= 0) {
      onLine(buffer.slice(0, index));
      buffer = buffer.slice(index + 1);
    }
  });
}

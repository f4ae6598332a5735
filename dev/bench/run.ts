// Benchmark runner (`npm run bench`). Each bench is an async function returning printable result lines;
// add new ones to BENCHES. `npm run bench -- admin eta` runs only the named ones. Exits 0 whatever the
// timings (a FAIL line is a signal, not a crash); any exception exits 1.
import { adminBench } from "./admin.bench";
import { budgetBench } from "./budget.bench";
import { etaBench } from "./eta.bench";
import { insightsBench } from "./insights.bench";
import { scaleBench } from "./scale.bench";
import { supportBench } from "./support.bench";
import { syncBench } from "./sync.bench";
import { webhooksBench } from "./webhooks.bench";

const BENCHES: ReadonlyArray<{ name: string; run: () => Promise<string[]> }> = [
  { name: "eta", run: etaBench },
  { name: "sync", run: syncBench },
  { name: "webhooks", run: webhooksBench },
  { name: "budget", run: budgetBench },
  { name: "admin", run: adminBench },
  { name: "support", run: supportBench },
  { name: "insights", run: insightsBench },
  { name: "scale", run: scaleBench },
];

async function main(): Promise<void> {
  console.log(`node ${process.version} on ${process.platform}/${process.arch}`);
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !BENCHES.some((bench) => bench.name === name));
  if (unknown.length) throw new Error(`Unknown bench ${unknown.join(", ")}: choose from ${BENCHES.map((b) => b.name).join(", ")}`);
  for (const bench of BENCHES.filter((b) => only.length === 0 || only.includes(b.name))) {
    console.log(`\n== ${bench.name}`);
    for (const line of await bench.run()) console.log(line);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

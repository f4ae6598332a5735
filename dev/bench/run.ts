// Benchmark runner (`npm run bench`). Each bench is an async function returning printable result lines;
// add new ones to BENCHES. Exits 0 whatever the timings (a FAIL line is a signal, not a crash); any
// exception exits 1.
import { etaBench } from "./eta.bench";
import { syncBench } from "./sync.bench";
import { webhooksBench } from "./webhooks.bench";

const BENCHES: ReadonlyArray<{ name: string; run: () => Promise<string[]> }> = [
  { name: "eta", run: etaBench },
  { name: "sync", run: syncBench },
  { name: "webhooks", run: webhooksBench },
];

async function main(): Promise<void> {
  console.log(`node ${process.version} on ${process.platform}/${process.arch}`);
  for (const bench of BENCHES) {
    console.log(`\n== ${bench.name}`);
    for (const line of await bench.run()) console.log(line);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

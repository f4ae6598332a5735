// Where the charts go: nothing on the server and in the first browser render (the charts measure the window,
// so server HTML could not match), then the chart module, fetched on demand so the page's own JS stays small.
import { Suspense, lazy, useEffect, useState } from "react";
import type { ChartsData } from "./types";

const InsightsCharts = lazy(() => import("./InsightsCharts"));

export function ChartsSection({ promises, suppliers, series, period }: ChartsData) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const hasSeries = series.points.some((p) => p.waitingUnits > 0 || p.revenueMinor > 0);
  if (!mounted || (promises.judged === 0 && suppliers.length === 0 && !hasSeries)) return null;
  return (
    <Suspense fallback={null}>
      <InsightsCharts promises={promises} suppliers={suppliers} series={hasSeries ? series : null} period={period} />
    </Suspense>
  );
}

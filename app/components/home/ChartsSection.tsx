// Where the charts go: nothing on the server and in the first browser render (the charts measure the window,
// so server HTML could not match), then the chart module, fetched on demand so the page's own JS stays small.
import { Suspense, lazy, useEffect, useState } from "react";
import type { DashboardView } from "./types";

const InsightsCharts = lazy(() => import("./InsightsCharts"));

export function ChartsSection({ promises, suppliers }: { promises: DashboardView["promises"]; suppliers: DashboardView["suppliers"] }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted || (promises.judged === 0 && suppliers.length === 0)) return null;
  return (
    <Suspense fallback={null}>
      <InsightsCharts promises={promises} suppliers={suppliers} />
    </Suspense>
  );
}

// The dashboard as the page receives it (JSON of the home loader).
import type { SerializeFrom } from "@remix-run/node";
import type { loader } from "~/routes/app._index";

export type DashboardView = SerializeFrom<typeof loader>["dashboard"];

/** What the charts draw (ChartsSection, InsightsCharts). */
export type ChartsData = Pick<DashboardView, "promises" | "suppliers" | "series" | "period">;

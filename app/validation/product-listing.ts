// The products list's filter (tab, search, backorder mode): read from the URL by the page and the server,
// and stored as the payload of a "select all matching" bulk job. Shared by client and server.

export const PRODUCT_TABS = ["all", "backorderable", "sold_out", "at_risk"] as const;
export type ProductTab = (typeof PRODUCT_TABS)[number];
/** The "Backorder mode" filter of the list (variants in that mode only). */
export const MODE_FILTERS = ["off", "always", "when_sold_out"] as const;
export type ModeFilter = (typeof MODE_FILTERS)[number];
export const QUERY_MAX_CHARS = 200;

/** What the list shows: the page's URL state, and the whole of a "select all matching" bulk job's payload. */
export interface ListingFilter {
  tab: ProductTab;
  query: string;
  mode: ModeFilter | null;
}

/** The filter of `?tab=&q=&mode=`; anything unknown falls back to "no filter" rather than failing the page. */
export function listingFilterFrom(params: URLSearchParams): ListingFilter {
  const tab = params.get("tab") ?? "";
  const mode = params.get("mode") ?? "";
  return {
    tab: (PRODUCT_TABS as readonly string[]).includes(tab) ? (tab as ProductTab) : "all",
    query: (params.get("q") ?? "").trim().slice(0, QUERY_MAX_CHARS),
    mode: (MODE_FILTERS as readonly string[]).includes(mode) ? (mode as ModeFilter) : null,
  };
}

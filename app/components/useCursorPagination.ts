// The pagination of a table whose pages are read on the server with a cursor kept in the URL (`param`), so
// a reload, back or a shared link shows the same page; other parameters (a view, other tables' cursors)
// are kept. Returns the IndexTable's `pagination` prop for a page's PageInfo, none when it has one page.
import { useSearchParams } from "@remix-run/react";
import type { IndexTableProps } from "@shopify/polaris";
import type { PageInfo } from "~/validation/cursor";

export function useCursorPagination(param = "cursor") {
  const [searchParams, setSearchParams] = useSearchParams();
  const goTo = (cursor: string | null) => {
    const next = new URLSearchParams(searchParams);
    if (cursor) next.set(param, cursor);
    else next.delete(param);
    setSearchParams(next, { preventScrollReset: true });
  };
  return (pageInfo: PageInfo, labels: { next: string; previous: string }): IndexTableProps["pagination"] =>
    pageInfo.hasNextPage || pageInfo.hasPreviousPage
      ? {
          hasNext: pageInfo.hasNextPage,
          hasPrevious: pageInfo.hasPreviousPage,
          onNext: () => goTo(pageInfo.next),
          onPrevious: () => goTo(pageInfo.previous),
          accessibilityLabels: labels,
        }
      : undefined;
}

// The URL is the state of a filtered list (tab, search, filters, page): `goTo` changes some parameters
// with a history entry, and the search box writes `q` as the person types, debounced and without a history
// entry per keystroke, dropping the page parameters (a new search starts on its first page).
import { useEffect } from "react";
import { useSearchParams } from "@remix-run/react";

export function useUrlFilters({ search, query, pageParams }: { search: string; query: string; pageParams: readonly string[] }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const pageKey = pageParams.join(",");

  useEffect(() => {
    if (search === query) return;
    const timer = setTimeout(() => {
      const next = new URLSearchParams(searchParams);
      if (search) next.set("q", search);
      else next.delete("q");
      for (const param of pageKey.split(",")) next.delete(param);
      setSearchParams(next, { replace: true });
    }, 300);
    return () => clearTimeout(timer);
  }, [search, query, pageKey, searchParams, setSearchParams]);

  const goTo = (params: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(params)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setSearchParams(next);
  };
  return { goTo };
}

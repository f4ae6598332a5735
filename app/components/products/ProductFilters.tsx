// The products list's views (tabs), search and backorder-mode filter; all of them live in the URL.
import { ChoiceList, IndexFilters, type IndexFiltersProps } from "@shopify/polaris";
import { useT } from "~/i18n/react";
import { MODE_FILTERS, PRODUCT_TABS, type ListingFilter } from "~/validation/product-listing";
import { TAB_KEYS } from "./labels";

export function ProductFilters({
  filter,
  search,
  onSearch,
  goTo,
  mode,
  setMode,
  loading,
}: {
  filter: ListingFilter;
  /** The search box as typed (the URL follows shortly after). */
  search: string;
  onSearch: (value: string) => void;
  /** Changes the URL's parameters (null removes one). */
  goTo: (params: Record<string, string | null>) => void;
  mode: IndexFiltersProps["mode"];
  setMode: IndexFiltersProps["setMode"];
  loading: boolean;
}) {
  const { t } = useT();
  const modeLabel = (value: string) => t(`products.mode.${value}`);
  return (
    <IndexFilters
      tabs={PRODUCT_TABS.map((id) => ({ id, content: t(TAB_KEYS[id]) }))}
      selected={Math.max(0, PRODUCT_TABS.indexOf(filter.tab))}
      onSelect={(index) => {
        const id = PRODUCT_TABS[index] ?? "all";
        if (id !== filter.tab) goTo({ tab: id === "all" ? null : id, cursor: null });
      }}
      queryValue={search}
      queryPlaceholder={t("products.search")}
      onQueryChange={onSearch}
      onQueryClear={() => onSearch("")}
      filteringAccessibilityLabel={t("products.filter.searchLabel")}
      filters={[
        {
          key: "mode",
          label: t("products.filter.mode"),
          shortcut: true,
          filter: (
            <ChoiceList
              title={t("products.filter.mode")}
              titleHidden
              choices={MODE_FILTERS.map((value) => ({ label: modeLabel(value), value }))}
              selected={filter.mode ? [filter.mode] : []}
              onChange={(selected) => goTo({ mode: selected[0] ?? null, cursor: null })}
            />
          ),
        },
      ]}
      appliedFilters={
        filter.mode
          ? [{ key: "mode", label: t("products.filter.mode.applied", { mode: modeLabel(filter.mode) }), onRemove: () => goTo({ mode: null, cursor: null }) }]
          : []
      }
      onClearAll={() => goTo({ mode: null, cursor: null })}
      cancelAction={{
        onAction: () => {
          onSearch("");
          goTo({ q: null, mode: null, cursor: null });
        },
      }}
      mode={mode}
      setMode={setMode}
      canCreateNewView={false}
      loading={loading}
    />
  );
}

// The support queue's views (tabs), search, filters (product, supplier, status, promised-date range) and
// sort; all of them live in the URL.
import { ChoiceList, IndexFilters, InlineStack, TextField, type IndexFiltersProps } from "@shopify/polaris";
import { useT } from "~/i18n/react";
import { CASE_STATES, QUEUE_SORTS, QUEUE_VIEWS, type QueueFilter } from "~/validation/support-filter";

/** Polaris names a sort "<key> asc|desc"; the URL says "<key>_asc|desc". */
function toPolarisSort(sort: string): `${string} asc` | `${string} desc` {
  return sort.replace(/_(asc|desc)$/, " $1") as `${string} asc` | `${string} desc`;
}

export function QueueFilters({
  filter,
  products,
  suppliers,
  search,
  onSearch,
  goTo,
  mode,
  setMode,
  loading,
}: {
  filter: QueueFilter;
  products: { id: string; title: string }[];
  /** Suppliers named on the shop's incoming batches. */
  suppliers: string[];
  search: string;
  onSearch: (value: string) => void;
  goTo: (params: Record<string, string | null>) => void;
  mode: IndexFiltersProps["mode"];
  setMode: IndexFiltersProps["setMode"];
  loading: boolean;
}) {
  const { t } = useT();
  const reset = { cursor: null, before: null };
  const applied: IndexFiltersProps["appliedFilters"] = [];
  const productTitle = products.find((p) => p.id === filter.productId)?.title ?? filter.productId;
  if (filter.productId) applied.push({ key: "product", label: `${t("support.filter.product")}: ${productTitle}`, onRemove: () => goTo({ product: null, ...reset }) });
  if (filter.supplier) {
    applied.push({ key: "supplier", label: `${t("support.queue.filter.supplier")}: ${filter.supplier}`, onRemove: () => goTo({ supplier: null, ...reset }) });
  }
  if (filter.state) applied.push({ key: "state", label: `${t("support.filter.state")}: ${t(`support.state.${filter.state}`)}`, onRemove: () => goTo({ state: null, ...reset }) });
  if (filter.promisedFrom || filter.promisedTo) {
    applied.push({
      key: "promised",
      label: `${t("support.filter.promised")}: ${filter.promisedFrom ?? "…"} – ${filter.promisedTo ?? "…"}`,
      onRemove: () => goTo({ from: null, to: null, ...reset }),
    });
  }
  return (
    <IndexFilters
      tabs={QUEUE_VIEWS.map((id) => ({ id, content: t(`support.view.${id}`) }))}
      selected={Math.max(0, QUEUE_VIEWS.indexOf(filter.view))}
      onSelect={(index) => {
        const id = QUEUE_VIEWS[index] ?? "all";
        if (id !== filter.view) goTo({ view: id === "all" ? null : id, ...reset });
      }}
      queryValue={search}
      queryPlaceholder={t("support.search")}
      filteringAccessibilityLabel={t("support.search")}
      onQueryChange={onSearch}
      onQueryClear={() => onSearch("")}
      sortOptions={QUEUE_SORTS.map((value) => ({ label: t(`support.sort.${value}`), value: toPolarisSort(value), directionLabel: t(`support.sort.${value}`) }))}
      sortSelected={[toPolarisSort(filter.sort)]}
      onSort={(selected) => {
        const sort = (selected[0] ?? "").replace(" ", "_");
        goTo({ sort: sort === "days_late_desc" || !sort ? null : sort, ...reset });
      }}
      filters={[
        {
          key: "product",
          label: t("support.filter.product"),
          shortcut: true,
          filter: (
            <ChoiceList
              title={t("support.filter.product")}
              titleHidden
              choices={products.map((p) => ({ label: p.title || p.id, value: p.id }))}
              selected={filter.productId ? [filter.productId] : []}
              onChange={(selected) => goTo({ product: selected[0] ?? null, ...reset })}
            />
          ),
        },
        {
          key: "supplier",
          label: t("support.queue.filter.supplier"),
          filter: (
            <ChoiceList
              title={t("support.queue.filter.supplier")}
              titleHidden
              choices={suppliers.map((name) => ({ label: name, value: name }))}
              selected={filter.supplier ? [filter.supplier] : []}
              onChange={(selected) => goTo({ supplier: selected[0] ?? null, ...reset })}
            />
          ),
        },
        {
          key: "state",
          label: t("support.filter.state"),
          shortcut: true,
          filter: (
            <ChoiceList
              title={t("support.filter.state")}
              titleHidden
              choices={CASE_STATES.map((value) => ({ label: t(`support.state.${value}`), value }))}
              selected={filter.state ? [filter.state] : []}
              onChange={(selected) => goTo({ state: selected[0] ?? null, ...reset })}
            />
          ),
        },
        {
          key: "promised",
          label: t("support.filter.promised"),
          filter: (
            <InlineStack gap="200">
              <TextField label={t("support.filter.from")} type="date" autoComplete="off" value={filter.promisedFrom ?? ""} onChange={(v) => goTo({ from: v || null, ...reset })} />
              <TextField label={t("support.filter.to")} type="date" autoComplete="off" value={filter.promisedTo ?? ""} onChange={(v) => goTo({ to: v || null, ...reset })} />
            </InlineStack>
          ),
        },
      ]}
      appliedFilters={applied}
      onClearAll={() => goTo({ product: null, supplier: null, state: null, from: null, to: null, ...reset })}
      cancelAction={{
        onAction: () => {
          onSearch("");
          goTo({ q: null, product: null, supplier: null, state: null, from: null, to: null, ...reset });
        },
      }}
      mode={mode}
      setMode={setMode}
      canCreateNewView={false}
      loading={loading}
    />
  );
}

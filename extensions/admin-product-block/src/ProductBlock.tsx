// The product page's "Backorders" block: per variant, whether it sells on backorder (the app's mode), the
// units customers are waiting for, and the date a new order would get; a link to the app's product page
// where all of it is edited. Nothing for a product Shopify does not know (404); failures are shown.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { AdminProductSummary } from "../../shared/admin-api";
import { BackendError, backendJson, calendarDate, numericId } from "../../shared/backend";

type Translate = (key: string, options?: Record<string, string | number>) => string;

export default async () => {
  const productId = numericId(shopify.data.selected[0]?.id, "Product");
  const t: Translate = (key, options) => String(shopify.i18n.translate(key, options));
  const day = (d: string) => shopify.i18n.formatDate(calendarDate(d), { timeZone: "UTC", dateStyle: "medium" });
  render(<ProductBlock productId={productId} t={t} day={day} />, document.body);
};

type State = { kind: "loading" } | { kind: "none" } | { kind: "error"; message: string } | { kind: "ready"; summary: AdminProductSummary };

function ProductBlock({ productId, t, day }: { productId: string | null; t: Translate; day: (d: string) => string }) {
  const [state, setState] = useState<State>({ kind: "loading" });
  useEffect(() => {
    if (!productId) return setState({ kind: "none" });
    backendJson<AdminProductSummary>(`/api/admin/product/${productId}?locale=${t("locale")}`)
      .then((summary) => setState({ kind: "ready", summary }))
      .catch((error: unknown) => {
        if (error instanceof BackendError && error.status === 404) return setState({ kind: "none" });
        setState({ kind: "error", message: error instanceof Error ? error.message : String(error) });
      });
  }, [productId, t]);

  if (state.kind === "loading" || state.kind === "none") return null;
  if (state.kind === "error") {
    return (
      <s-admin-block heading={t("heading")}>
        <s-banner tone="critical" heading={t("error.heading")}>
          <s-paragraph>{state.message}</s-paragraph>
        </s-banner>
      </s-admin-block>
    );
  }
  const { summary } = state;
  const waiting = summary.variants.reduce((n, v) => n + v.unitsWaiting, 0);
  const on = summary.variants.filter((v) => v.mode !== "off").length;
  const single = summary.variants.length === 1;
  return (
    <s-admin-block heading={t("heading")} collapsedSummary={on ? t("collapsed", { count: waiting }) : t("off")}>
      <s-stack gap="base">
        {summary.variants.map((variant) => (
          <s-stack key={variant.id} gap="small-200" data-variant={variant.id}>
            <s-stack direction="inline" gap="small" alignItems="center">
              {single ? null : <s-text type="strong">{variant.title}</s-text>}
              <s-badge tone={variant.mode === "off" ? "neutral" : "info"}>{t(`mode.${variant.mode}`)}</s-badge>
              {variant.atRisk ? <s-badge tone="warning">{t("atRisk")}</s-badge> : null}
            </s-stack>
            <s-text>{t("waiting", { count: variant.unitsWaiting })}</s-text>
            {variant.mode === "off" ? null : (
              <s-text>
                {t("next", { range: variant.nextEstimate ? t("range", { earliest: day(variant.nextEstimate.earliest), latest: day(variant.nextEstimate.latest) }) : t("unknown") })}
              </s-text>
            )}
          </s-stack>
        ))}
        <s-link href={`app:${summary.productPath}`}>{t("open")}</s-link>
      </s-stack>
    </s-admin-block>
  );
}

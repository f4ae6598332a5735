// The thank-you page's "Ships later" block. The page knows the order id; the app learns about the order from
// Shopify's orders/create webhook, which may still be on its way when the page opens: an unknown order
// (404) is asked again after RETRY_DELAYS_MS, then the block stays empty (nothing ships later, or the order
// is not ours to show). Other failures are shown, not swallowed.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { ThankYouView } from "../../shared/customer-api";
import { CustomerBackendError, calendarDay, customerBackendJson } from "../../shared/customer-backend";

/** Waits before asking again about an order the app has not recorded yet. */
export const RETRY_DELAYS_MS = [2_000, 5_000];

type Translate = (key: string, options?: Record<string, string | number>) => string;

export default async () => {
  const t: Translate = (key, options) => String(shopify.i18n.translate(key, options));
  const day = (d: string) => shopify.i18n.formatDate(calendarDay(d), { timeZone: "UTC", dateStyle: "medium" });
  const orderId = shopify.orderConfirmation.value?.order?.id ?? null;
  render(<ThankYouBlock orderId={orderId} t={t} day={day} token={() => shopify.sessionToken.get()} />, document.body);
};

type State = { kind: "loading" } | { kind: "none" } | { kind: "error"; message: string } | { kind: "ready"; view: ThankYouView };

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function ThankYouBlock({ orderId, t, day, token }: { orderId: string | null; t: Translate; day: (d: string) => string; token: () => Promise<string> }) {
  const [state, setState] = useState<State>({ kind: "loading" });
  useEffect(() => {
    let live = true;
    const ask = async (attempt: number): Promise<void> => {
      if (!orderId) return setState({ kind: "none" });
      try {
        const view = await customerBackendJson<ThankYouView>(`/api/checkout/thank-you?order=${encodeURIComponent(orderId)}`, await token());
        if (live) setState(view.items.length ? { kind: "ready", view } : { kind: "none" });
      } catch (error) {
        if (error instanceof CustomerBackendError && error.status === 404) {
          const delay = RETRY_DELAYS_MS[attempt];
          if (delay === undefined) return live ? setState({ kind: "none" }) : undefined;
          await wait(delay);
          if (live) return ask(attempt + 1);
          return;
        }
        if (live) setState({ kind: "error", message: t("error.body", { message: error instanceof Error ? error.message : String(error) }) });
      }
    };
    void ask(0);
    return () => {
      live = false;
    };
  }, [orderId, t, token]);

  if (state.kind === "loading" || state.kind === "none") return null;
  if (state.kind === "error") {
    return (
      <s-banner tone="critical" heading={t("error.heading")}>
        <s-paragraph>{state.message}</s-paragraph>
      </s-banner>
    );
  }
  const range = (earliest: string, latest: string) => (earliest === latest ? day(latest) : t("range", { earliest: day(earliest), latest: day(latest) }));
  return (
    <s-section heading={t("heading")}>
      <s-stack gap="small">
        <s-paragraph>{t("intro", { count: state.view.items.length })}</s-paragraph>
        {state.view.items.map((item, i) => (
          <s-stack key={i} direction="inline" gap="small" data-item={item.title}>
            <s-text type="strong">{t("item.title", { title: item.title, quantity: item.quantity })}</s-text>
            <s-text>{item.estimate ? t("item.estimate", { range: range(item.estimate.earliest, item.estimate.latest) }) : t("item.noEstimate")}</s-text>
          </s-stack>
        ))}
        <s-text color="subdued">{t("followUp")}</s-text>
      </s-stack>
    </s-section>
  );
}

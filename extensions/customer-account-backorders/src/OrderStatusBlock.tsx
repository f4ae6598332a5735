// The order status page's "Backordered items" block: each backordered item with its current estimate and
// what changed since purchase; when the order is delayed, the delay email's two choices ("I'll wait" /
// "Cancel these items for a refund", the latter confirmed first). Nothing at all for an order without
// backorders (the backend answers 404). Errors are shown, never swallowed.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useCallback, useEffect, useState } from "preact/hooks";
import type { ChoiceOutcome, CustomerChoice, CustomerOrderItem, CustomerOrderView } from "../../shared/customer-api";
import { CustomerBackendError, customerBackendJson } from "../../shared/customer-backend";
import { orderPath } from "./order-path";
import { changeText, errorText, estimateText, textsOf, type Texts } from "./texts";

export default async () => {
  const orderId = shopify.order.value?.id ?? null;
  render(<OrderStatusBlock orderId={orderId} texts={textsOf(shopify.i18n)} token={() => shopify.sessionToken.get()} />, document.body);
};

type State = { kind: "loading" } | { kind: "none" } | { kind: "error"; message: string } | { kind: "ready"; view: CustomerOrderView };

// Customer-account badges have three tones: only a delay stands out.
const TONE = { waiting: "auto", delayed: "critical", ready: "neutral", shipped: "neutral", cancelled: "neutral" } as const;

function OrderStatusBlock({ orderId, texts, token }: { orderId: string | null; texts: Texts; token: () => Promise<string> }) {
  const { t } = texts;
  const [state, setState] = useState<State>({ kind: "loading" });
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ChoiceOutcome | null>(null);
  const [answerError, setAnswerError] = useState<string | null>(null);

  // `texts` and `token` are made once per page by the module's entry point: the block loads once per order.
  const load = useCallback(async () => {
    if (!orderId) return setState({ kind: "none" });
    try {
      const view = await customerBackendJson<CustomerOrderView>(orderPath(orderId), await token());
      setState(view.items.length ? { kind: "ready", view } : { kind: "none" });
    } catch (error) {
      // 404: no backorders on this order (or not this customer's). Anything else the customer must see.
      if (error instanceof CustomerBackendError && error.status === 404) return setState({ kind: "none" });
      setState({ kind: "error", message: errorText(texts, error) });
    }
  }, [orderId, texts, token]);
  useEffect(() => {
    void load();
  }, [load]);

  const answer = async (choice: CustomerChoice) => {
    if (!orderId) return;
    setBusy(true);
    setAnswerError(null);
    try {
      const result = await customerBackendJson<{ outcome: ChoiceOutcome }>(`${orderPath(orderId)}/choice`, await token(), { method: "POST", body: { choice } });
      setOutcome(result.outcome);
      setConfirming(false);
      await load();
    } catch (error) {
      setAnswerError(errorText(texts, error));
    } finally {
      setBusy(false);
    }
  };

  if (state.kind === "loading" || state.kind === "none") return null;
  if (state.kind === "error") {
    return (
      <s-section heading={t("heading")}>
        <s-banner tone="critical" heading={t("error.heading")}>
          <s-paragraph>{state.message}</s-paragraph>
        </s-banner>
      </s-section>
    );
  }
  const { view } = state;
  return (
    <s-section heading={t("heading")}>
      <s-stack gap="base">
        {view.items.map((item, i) => (
          <Item key={i} item={item} texts={texts} />
        ))}
        {outcome ? (
          <s-banner tone="success" heading={t(`outcome.${outcome}.heading`)}>
            <s-paragraph>{t(`outcome.${outcome}.body`)}</s-paragraph>
          </s-banner>
        ) : null}
        {answerError ? (
          <s-banner tone="critical" heading={t("error.heading")}>
            <s-paragraph>{answerError}</s-paragraph>
          </s-banner>
        ) : null}
        {view.delayed && view.choices.length > 0 ? (
          <s-stack gap="small">
            <s-paragraph>{t("delayed.question")}</s-paragraph>
            {confirming ? (
              <s-stack gap="small">
                <s-paragraph>{t("cancel.confirm")}</s-paragraph>
                <s-stack direction="inline" gap="small">
                  <s-button variant="primary" tone="critical" loading={busy} onClick={() => void answer("cancel")}>
                    {t("cancel.confirmButton")}
                  </s-button>
                  <s-button variant="secondary" disabled={busy} onClick={() => setConfirming(false)}>
                    {t("cancel.back")}
                  </s-button>
                </s-stack>
              </s-stack>
            ) : (
              <s-stack direction="inline" gap="small">
                {view.choices.includes("wait") ? (
                  <s-button variant="primary" loading={busy} onClick={() => void answer("wait")}>
                    {t("choice.wait")}
                  </s-button>
                ) : null}
                {view.choices.includes("cancel") ? (
                  <s-button variant="secondary" disabled={busy} onClick={() => setConfirming(true)}>
                    {t("choice.cancel")}
                  </s-button>
                ) : null}
              </s-stack>
            )}
          </s-stack>
        ) : null}
      </s-stack>
    </s-section>
  );
}

function Item({ item, texts }: { item: CustomerOrderItem; texts: Texts }) {
  const { t } = texts;
  const estimate = item.status === "waiting" || item.status === "delayed" ? estimateText(texts, item) : null;
  const change = changeText(texts, item);
  return (
    <s-stack gap="small-200" data-item={item.title}>
      <s-stack direction="inline" gap="small" alignItems="center">
        <s-text type="strong">{t("item.title", { title: item.title, quantity: item.quantity })}</s-text>
        <s-badge tone={TONE[item.status]}>{t(`status.${item.status}`)}</s-badge>
      </s-stack>
      {estimate ? <s-text>{estimate}</s-text> : null}
      {change ? <s-text color="subdued">{change}</s-text> : null}
    </s-stack>
  );
}

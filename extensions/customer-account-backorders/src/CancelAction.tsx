// "Cancel backordered items" (the order action's modal): lists the items still owed, asks to confirm, then
// asks the app to cancel them for a refund — the same request as the delay email's cancel link, which waits
// for the shop's approval or is refunded at once, as the shop chose. Shows the outcome, or the error.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { ChoiceOutcome, CustomerOrderView } from "../../shared/customer-api";
import { customerBackendJson } from "../../shared/customer-backend";
import { orderPath } from "./order-path";
import { errorText, estimateText, textsOf, type Texts } from "./texts";

export default async () => {
  render(<CancelAction orderId={shopify.orderId} texts={textsOf(shopify.i18n)} token={() => shopify.sessionToken.get()} close={() => shopify.close()} />, document.body);
};

type State =
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "ready"; view: CustomerOrderView }
  | { kind: "sending"; view: CustomerOrderView }
  | { kind: "done"; outcome: ChoiceOutcome };

function CancelAction({ orderId, texts, token, close }: { orderId: string; texts: Texts; token: () => Promise<string>; close: () => void }) {
  const { t } = texts;
  const [state, setState] = useState<State>({ kind: "loading" });
  const [sendError, setSendError] = useState<string | null>(null);
  useEffect(() => {
    token()
      .then((tk) => customerBackendJson<CustomerOrderView>(orderPath(orderId), tk))
      .then((view) => setState({ kind: "ready", view }))
      .catch((error: unknown) => setState({ kind: "error", message: errorText(texts, error) }));
  }, [orderId, texts, token]);

  const confirm = async (view: CustomerOrderView) => {
    setState({ kind: "sending", view });
    setSendError(null);
    try {
      const { outcome } = await customerBackendJson<{ outcome: ChoiceOutcome }>(`${orderPath(orderId)}/choice`, await token(), { method: "POST", body: { choice: "cancel" } });
      setState({ kind: "done", outcome });
    } catch (error) {
      setSendError(errorText(texts, error));
      setState({ kind: "ready", view });
    }
  };

  if (state.kind === "loading") {
    return (
      <s-customer-account-action heading={t("action.heading")}>
        <s-spinner />
      </s-customer-account-action>
    );
  }
  if (state.kind === "error") {
    return (
      <s-customer-account-action heading={t("action.heading")}>
        <s-banner tone="critical" heading={t("error.heading")}>
          <s-paragraph>{state.message}</s-paragraph>
        </s-banner>
        <s-button slot="primary-action" onClick={close}>
          {t("action.close")}
        </s-button>
      </s-customer-account-action>
    );
  }
  if (state.kind === "done") {
    return (
      <s-customer-account-action heading={t("action.heading")}>
        <s-banner tone="success" heading={t(`outcome.${state.outcome}.heading`)}>
          <s-paragraph>{t(`outcome.${state.outcome}.body`)}</s-paragraph>
        </s-banner>
        <s-button slot="primary-action" onClick={close}>
          {t("action.close")}
        </s-button>
      </s-customer-account-action>
    );
  }
  const { view } = state;
  const owed = view.items.filter((i) => i.status === "waiting" || i.status === "delayed");
  const possible = view.choices.includes("cancel") && owed.length > 0;
  return (
    <s-customer-account-action heading={t("action.heading")}>
      <s-stack gap="base">
        {sendError ? (
          <s-banner tone="critical" heading={t("error.heading")}>
            <s-paragraph>{sendError}</s-paragraph>
          </s-banner>
        ) : null}
        {possible ? (
          <>
            <s-paragraph>{t("action.intro")}</s-paragraph>
            <s-unordered-list>
              {owed.map((item, i) => (
                <s-list-item key={i}>
                  {t("item.title", { title: item.title, quantity: item.quantity })} {estimateText(texts, item) ?? ""}
                </s-list-item>
              ))}
            </s-unordered-list>
            <s-paragraph>{t("action.refund")}</s-paragraph>
          </>
        ) : (
          <s-paragraph>{t(view.answered.includes("cancel") ? "action.alreadyAsked" : "action.nothing")}</s-paragraph>
        )}
      </s-stack>
      {possible ? (
        <s-button slot="primary-action" tone="critical" loading={state.kind === "sending"} onClick={() => void confirm(view)}>
          {t("action.confirm")}
        </s-button>
      ) : null}
      <s-button slot="secondary-actions" disabled={state.kind === "sending"} onClick={close}>
        {t(possible ? "action.keep" : "action.close")}
      </s-button>
    </s-customer-account-action>
  );
}

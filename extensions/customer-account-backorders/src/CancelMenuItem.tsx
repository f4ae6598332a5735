// The order's action menu item "Cancel backordered items": shown only when the order has backordered items
// the customer can still cancel (the backend offers "cancel"); selecting it opens ./CancelAction.tsx.
// A failed look-up hides the item (a menu entry cannot hold an error); the action itself shows errors.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { CustomerOrderView } from "../../shared/customer-api";
import { customerBackendJson } from "../../shared/customer-backend";
import { orderPath } from "./order-path";
import { textsOf } from "./texts";

export default async () => {
  const { t } = textsOf(shopify.i18n);
  render(<CancelMenuItem orderId={shopify.orderId} label={t("menu.cancel")} token={() => shopify.sessionToken.get()} />, document.body);
};

function CancelMenuItem({ orderId, label, token }: { orderId: string; label: string; token: () => Promise<string> }) {
  const [offered, setOffered] = useState(false);
  useEffect(() => {
    token()
      .then((t) => customerBackendJson<CustomerOrderView>(orderPath(orderId), t))
      .then((view) => setOffered(view.choices.includes("cancel")))
      .catch(() => setOffered(false));
  }, [orderId, token]);
  return offered ? <s-button>{label}</s-button> : null;
}

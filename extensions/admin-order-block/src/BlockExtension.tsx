// The order page's "Backorders" block: one row per backordered line with its promised date, current
// estimate and status, the last time the customer heard from the shop, and a link to the support desk.
// Nothing at all for an order the app has no backorders for (the backend answers 404), so it adds no noise.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { AdminOrderLine, AdminOrderSummary, BackorderLineStatus } from "../../shared/admin-api";
import { BackendError, backendJson, calendarDate, numericId } from "../../shared/backend";

type Translate = (key: string, options?: Record<string, string | number>) => string;

export default async () => {
  const orderId = numericId(shopify.data.selected[0]?.id, "Order");
  const t: Translate = (key, options) => String(shopify.i18n.translate(key, options));
  const day = (d: string) => shopify.i18n.formatDate(calendarDate(d), { timeZone: "UTC", dateStyle: "medium" });
  const moment = (iso: string) => shopify.i18n.formatDate(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  render(<OrderBlock orderId={orderId} t={t} day={day} moment={moment} />, document.body);
};

const TONE: Record<BackorderLineStatus, "info" | "warning" | "critical" | "success"> = {
  waiting: "info",
  at_risk: "warning",
  delayed: "critical",
  ready: "success",
};

type State = { kind: "loading" } | { kind: "none" } | { kind: "error"; message: string } | { kind: "ready"; summary: AdminOrderSummary };

function OrderBlock({ orderId, t, day, moment }: { orderId: string | null; t: Translate; day: (d: string) => string; moment: (iso: string) => string }) {
  const [state, setState] = useState<State>({ kind: "loading" });
  useEffect(() => {
    if (!orderId) return setState({ kind: "none" });
    // The backend answers in the admin's language: the locale file says which one it is.
    backendJson<AdminOrderSummary>(`/api/admin/order/${orderId}?locale=${t("locale")}`)
      .then((summary) => setState(summary.lines.length ? { kind: "ready", summary } : { kind: "none" }))
      .catch((error: unknown) => {
        // 404: the app has no backorders on this order. Anything else is a failure staff must see.
        if (error instanceof BackendError && error.status === 404) return setState({ kind: "none" });
        setState({ kind: "error", message: error instanceof Error ? error.message : String(error) });
      });
  }, [orderId, t]);

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
  const owed = summary.lines.filter((l) => l.status !== "ready").reduce((n, l) => n + l.quantity, 0);
  return (
    <s-admin-block heading={t("heading")} collapsedSummary={t("collapsed", { count: owed })}>
      <s-stack gap="base">
        {summary.lines.map((line) => (
          <Line key={line.id} line={line} t={t} day={day} />
        ))}
        <s-text color="subdued">
          {summary.lastContact
            ? t("lastContact", { when: moment(summary.lastContact.at), what: t(`contact.${summary.lastContact.kind}`) })
            : t("noContact")}
        </s-text>
        <s-link href={`app:${summary.supportPath}`}>{t("openDesk", { order: summary.orderName })}</s-link>
      </s-stack>
    </s-admin-block>
  );
}

function Line({ line, t, day }: { line: AdminOrderLine; t: Translate; day: (d: string) => string }) {
  return (
    <s-stack gap="small-200" data-line={line.id}>
      <s-stack direction="inline" gap="small" alignItems="center">
        <s-text type="strong">{t("line.title", { title: line.title, quantity: line.quantity })}</s-text>
        <s-badge tone={TONE[line.status]}>{t(`status.${line.status}`)}</s-badge>
      </s-stack>
      <s-text>{t("line.promised", { date: line.promisedLatest ? day(line.promisedLatest) : t("unknown") })}</s-text>
      {line.status === "ready" ? null : (
        <s-text>
          {t("line.current", { range: line.current ? t("range", { earliest: day(line.current.earliest), latest: day(line.current.latest) }) : t("unknown") })}
          {line.daysLate > 0 ? ` ${t("line.daysLate", { count: line.daysLate })}` : ""}
        </s-text>
      )}
    </s-stack>
  );
}

// "Backorder actions" on an order's page: send the customer a delay notice with a revised date (after
// previewing the email exactly as they would get it), or offer compensation. Both go through the app's
// backend, which runs the support desk's workflows (versioned: a stale form is refused, never applied twice).
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { AdminActionDone, AdminDelayPreview, AdminOffer, AdminOrderSummary } from "../../shared/admin-api";
import { BackendError, backendJson, numericId } from "../../shared/backend";

type Translate = (key: string, options?: Record<string, string | number>) => string;

export default async () => {
  const orderId = numericId(shopify.data.selected[0]?.id, "Order");
  const t: Translate = (key, options) => String(shopify.i18n.translate(key, options));
  render(<OrderAction orderId={orderId} t={t} close={() => shopify.close()} />, document.body);
};

type Mode = "delay" | "compensate";
type Problem = { message: string; fields: Record<string, string> } | null;
type CompensationForm = { kind: AdminOffer["kind"]; percentage: string; amount: string; expiryDays: string; note: string };

const KINDS: AdminOffer["kind"][] = ["discount_percentage", "discount_amount", "store_credit", "gift_note"];

function formFrom(offer: AdminOffer): CompensationForm {
  const form: CompensationForm = { kind: offer.kind, percentage: "", amount: "", expiryDays: "", note: "" };
  if (offer.kind === "gift_note") return { ...form, note: offer.note };
  if (offer.kind === "discount_percentage") return { ...form, percentage: String(offer.percentage), expiryDays: String(offer.expiryDays) };
  return { ...form, amount: (offer.amountMinor / 100).toFixed(2), expiryDays: String(offer.expiryDays) };
}

/** The revised range to start from: the latest current range among the waiting lines. */
function suggestedRange(summary: AdminOrderSummary): { earliest: string; latest: string } {
  const ranges = summary.lines.flatMap((l) => (l.status !== "ready" && l.current ? [l.current] : []));
  const last = ranges.sort((a, b) => (a.latest < b.latest ? 1 : -1))[0];
  return last ?? { earliest: "", latest: "" };
}

const newKey = () => `ext-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
const valueOf = (event: Event) => String((event.currentTarget as HTMLInputElement | null)?.value ?? "");

function problemOf(error: unknown): Problem {
  if (error instanceof BackendError) return { message: error.message, fields: error.fields };
  return { message: error instanceof Error ? error.message : String(error), fields: {} };
}

function OrderAction({ orderId, t, close }: { orderId: string | null; t: Translate; close: () => void }) {
  const path = `/api/admin/order/${orderId}?locale=${t("locale")}`;
  const [summary, setSummary] = useState<AdminOrderSummary | null>(null);
  const [state, setState] = useState<"loading" | "none" | "ready" | "busy">("loading");
  const [problem, setProblem] = useState<Problem>(null);
  const [done, setDone] = useState<AdminActionDone | null>(null);
  const [mode, setMode] = useState<Mode>("delay");
  const [range, setRange] = useState({ earliest: "", latest: "" });
  const [reason, setReason] = useState("");
  const [preview, setPreview] = useState<AdminDelayPreview | null>(null);
  const [offer, setOffer] = useState<CompensationForm>(formFrom({ kind: "gift_note", note: "" }));
  const [submissionKey, setSubmissionKey] = useState(newKey);

  useEffect(() => {
    if (!orderId) return setState("none");
    backendJson<AdminOrderSummary>(path)
      .then((loaded) => {
        if (loaded.lines.length === 0) return setState("none");
        setSummary(loaded);
        setRange(suggestedRange(loaded));
        setOffer(formFrom(loaded.compensation.proposal ?? loaded.compensation.default));
        setState("ready");
      })
      .catch((error: unknown) => {
        if (error instanceof BackendError && error.status === 404) return setState("none");
        setProblem(problemOf(error));
        setState("none");
      });
  }, [orderId, path]);

  async function post<T>(body: Record<string, unknown>): Promise<T | null> {
    setState("busy");
    setProblem(null);
    setDone(null);
    try {
      return await backendJson<T>(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    } catch (error) {
      setProblem(problemOf(error));
      return null;
    } finally {
      setState("ready");
    }
  }

  async function showPreview() {
    setPreview(await post<AdminDelayPreview>({ intent: "preview-delay", ...range }));
  }

  async function submit() {
    if (!summary) return;
    const result =
      mode === "delay"
        ? await post<AdminActionDone>({ intent: "send-delay", version: summary.version, ...range, reason })
        : await post<AdminActionDone>({ intent: "compensate", version: summary.version, submissionKey, ...offer });
    if (!result) return;
    setDone(result);
    setPreview(null);
    setSubmissionKey(newKey());
    if (result.summary) setSummary(result.summary);
  }

  const fields = problem?.fields ?? {};
  const busy = state === "busy";
  return (
    <s-admin-action heading={t("heading")} loading={state === "loading"}>
      <s-stack gap="base">
        {problem ? (
          <s-banner tone="critical" heading={t("error.heading")}>
            {Object.keys(problem.fields).length ? (
              Object.entries(problem.fields).map(([field, message]) => <s-paragraph key={field}>{message}</s-paragraph>)
            ) : (
              <s-paragraph>{problem.message}</s-paragraph>
            )}
          </s-banner>
        ) : null}
        {done ? (
          <s-banner tone="success" heading={done.message}>
            {done.code ? <s-paragraph>{t("compensation.code", { code: done.code })}</s-paragraph> : null}
          </s-banner>
        ) : null}
        {state === "none" && !problem ? <s-paragraph>{t("none")}</s-paragraph> : null}
        {summary ? (
          <>
            <s-select label={t("mode.label")} value={mode} onChange={(e) => setMode(valueOf(e) === "compensate" ? "compensate" : "delay")}>
              <s-option value="delay">{t("mode.delay")}</s-option>
              <s-option value="compensate">{t("mode.compensate")}</s-option>
            </s-select>
            {mode === "delay" ? (
              <DelayForm t={t} range={range} setRange={setRange} reason={reason} setReason={setReason} fields={fields} preview={preview} canEmail={summary.canEmail} />
            ) : (
              <CompensationFields t={t} offer={offer} setOffer={setOffer} fields={fields} givenAt={summary.compensation.givenAt} />
            )}
          </>
        ) : null}
      </s-stack>
      {mode === "delay" && summary ? (
        <s-button slot="secondary-actions" onClick={showPreview} disabled={busy}>
          {t("delay.preview")}
        </s-button>
      ) : null}
      <s-button slot="secondary-actions" onClick={close}>
        {t("close")}
      </s-button>
      <s-button slot="primary-action" variant="primary" onClick={submit} disabled={!summary || busy} loading={busy}>
        {mode === "delay" ? t("delay.send") : t("compensation.send")}
      </s-button>
    </s-admin-action>
  );
}

function DelayForm({
  t,
  range,
  setRange,
  reason,
  setReason,
  fields,
  preview,
  canEmail,
}: {
  t: Translate;
  range: { earliest: string; latest: string };
  setRange: (r: { earliest: string; latest: string }) => void;
  reason: string;
  setReason: (r: string) => void;
  fields: Record<string, string>;
  preview: AdminDelayPreview | null;
  canEmail: boolean;
}) {
  return (
    <s-stack gap="base">
      <s-paragraph>{canEmail ? t("delay.intro") : t("delay.noAddress")}</s-paragraph>
      <s-date-field label={t("delay.earliest")} name="earliest" value={range.earliest} error={fields.earliest} onChange={(e) => setRange({ ...range, earliest: valueOf(e) })} />
      <s-date-field label={t("delay.latest")} name="latest" value={range.latest} error={fields.latest} onChange={(e) => setRange({ ...range, latest: valueOf(e) })} />
      <s-text-field label={t("delay.reason")} name="reason" value={reason} error={fields.reason} onChange={(e) => setReason(valueOf(e))} />
      {preview ? (
        <s-box padding="base" border="base" borderRadius="base" data-preview="">
          <s-stack gap="small">
            <s-text type="strong">{preview.email ? t("delay.previewCount", { count: preview.delayEmails }) : t("delay.previewNone")}</s-text>
            {preview.earlierEmails > 0 ? <s-text>{t("delay.previewEarlier", { count: preview.earlierEmails })}</s-text> : null}
            {preview.email ? (
              <>
                <s-text>{t("delay.previewTo", { to: preview.email.to })}</s-text>
                <s-heading>{preview.email.subject}</s-heading>
                {preview.email.text.split(/\n{2,}/).map((paragraph, i) => (
                  <s-paragraph key={i}>{paragraph}</s-paragraph>
                ))}
              </>
            ) : null}
          </s-stack>
        </s-box>
      ) : null}
    </s-stack>
  );
}

function CompensationFields({
  t,
  offer,
  setOffer,
  fields,
  givenAt,
}: {
  t: Translate;
  offer: CompensationForm;
  setOffer: (o: CompensationForm) => void;
  fields: Record<string, string>;
  givenAt: string | null;
}) {
  const set = (patch: Partial<CompensationForm>) => setOffer({ ...offer, ...patch });
  return (
    <s-stack gap="base">
      {givenAt ? <s-banner tone="warning">{t("compensation.already")}</s-banner> : null}
      <s-select label={t("compensation.kind")} name="kind" value={offer.kind} error={fields.kind} onChange={(e) => set({ kind: (KINDS.find((k) => k === valueOf(e)) ?? "gift_note") })}>
        {KINDS.map((kind) => (
          <s-option key={kind} value={kind}>
            {t(`compensation.kinds.${kind}`)}
          </s-option>
        ))}
      </s-select>
      {offer.kind === "discount_percentage" ? (
        <s-text-field label={t("compensation.percentage")} name="percentage" value={offer.percentage} error={fields.percentage} onChange={(e) => set({ percentage: valueOf(e) })} />
      ) : null}
      {offer.kind === "discount_amount" || offer.kind === "store_credit" ? (
        <s-text-field label={t("compensation.amount")} name="amount" value={offer.amount} error={fields.amount} onChange={(e) => set({ amount: valueOf(e) })} />
      ) : null}
      {offer.kind === "gift_note" ? (
        <s-text-area label={t("compensation.note")} name="note" value={offer.note} error={fields.note} onChange={(e) => set({ note: valueOf(e) })} />
      ) : (
        <s-text-field label={t("compensation.expiryDays")} name="expiryDays" value={offer.expiryDays} error={fields.expiryDays} onChange={(e) => set({ expiryDays: valueOf(e) })} />
      )}
    </s-stack>
  );
}

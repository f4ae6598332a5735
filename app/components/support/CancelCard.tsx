// The order page's cancel & refund: choose owed lines (or the whole order), then a confirmation dialog that
// states the refund Shopify computes and that it cannot be undone; and, when a customer asked to cancel from
// their delay email and the shop waits for approval, that request with Approve / Decline. Shopify's refusal
// shows in the dialog; a stale page is refused (409) like every other action.
import { useEffect, useMemo, useState } from "react";
import { useFetcher, useLocation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, ChoiceList, InlineStack, List, Modal, Spinner, Text, TextField } from "@shopify/polaris";
import { useAppBridge } from "@shopify/app-bridge-react";
import { useT } from "~/i18n/react";
import type { action } from "~/routes/app.support.$orderId";
import type { loader as previewLoader } from "~/routes/app.support.$orderId_.refund";

function newKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

type Target = { scope: "lines"; lineIds: string[] } | { scope: "order" } | { scope: "request"; id: string };

function previewQuery(target: Target): string {
  const query = new URLSearchParams();
  if (target.scope === "order") query.set("scope", "order");
  else if (target.scope === "request") query.set("request", target.id);
  else for (const id of target.lineIds) query.append("lineIds", id);
  return query.toString();
}

/** The confirmation dialog: loads the refund from Shopify when it opens, then posts the cancellation. */
function ConfirmCancelModal({ target, version, onClose }: { target: Target | null; version: number; onClose: () => void }) {
  const { t } = useT();
  const { pathname } = useLocation();
  const preview = useFetcher<typeof previewLoader>();
  const submit = useFetcher<typeof action>();
  const shopify = useAppBridge();
  const [key, setKey] = useState(newKey);
  const open = target !== null;
  useEffect(() => {
    if (target) preview.load(`${pathname.replace(/\/$/, "")}/refund?${previewQuery(target)}`);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);
  useEffect(() => {
    if (submit.state !== "idle" || !submit.data) return;
    // Shopify answered (done or refused): a new attempt is a new request. No answer (502): same key, resumed.
    setKey(newKey());
    if (submit.data.ok) {
      shopify.toast.show(submit.data.message ?? "");
      onClose();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [submit.state, submit.data]);
  const data = preview.data;
  const ready = preview.state === "idle" && data?.ok === true;
  const errors = submit.data && !submit.data.ok ? submit.data.errors : {};
  const confirm = () => {
    if (!target || !data?.ok) return;
    const form = new FormData();
    form.set("version", String(version));
    form.set("amount", data.amount);
    if (target.scope === "request") {
      form.set("intent", "approve_cancel");
      form.set("cancellationId", target.id);
    } else {
      form.set("intent", target.scope === "order" ? "cancel_order" : "cancel_lines");
      form.set("submissionKey", key);
      if (target.scope === "lines") for (const id of target.lineIds) form.append("lineIds", id);
    }
    submit.submit(form, { method: "post" });
  };
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={t(target?.scope === "order" ? "support.cancel.modal.orderTitle" : "support.cancel.modal.linesTitle")}
      primaryAction={{ content: t("support.cancel.modal.confirm"), destructive: true, disabled: !ready, loading: submit.state !== "idle", onAction: confirm }}
      secondaryActions={[{ content: t("support.cancel.modal.back"), onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          {Object.values(errors).map((message) => (
            <Banner key={message} tone="critical">
              {message}
            </Banner>
          ))}
          {preview.state !== "idle" || !data ? (
            <InlineStack gap="200" blockAlign="center">
              <Spinner size="small" />
              <Text as="span">{t("support.cancel.modal.loading")}</Text>
            </InlineStack>
          ) : !data.ok ? (
            <Banner tone="critical">{data.error}</Banner>
          ) : (
            <BlockStack gap="300">
              <List>
                {data.items.map((item) => (
                  <List.Item key={item.title}>
                    {item.quantity} × {item.title}
                  </List.Item>
                ))}
              </List>
              {target?.scope === "order" && <Text as="p">{t("support.cancel.modal.wholeOrder")}</Text>}
              <Text as="p" fontWeight="semibold">
                {data.paid ? t("support.cancel.modal.refund", { amount: data.amountText }) : t("support.cancel.modal.noRefund")}
              </Text>
              <Text as="p" tone="critical">
                {t("support.cancel.modal.irreversible")}
              </Text>
            </BlockStack>
          )}
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}

export function CancelCard({
  version,
  lines,
  canCancelOrder,
  inProgress,
}: {
  version: number;
  lines: { id: string; title: string }[];
  canCancelOrder: boolean;
  inProgress: boolean;
}) {
  const { t } = useT();
  const [chosen, setChosen] = useState<string[]>([]);
  const [target, setTarget] = useState<Target | null>(null);
  if (!canCancelOrder) return null;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("support.cancel.title")}
        </Text>
        <Text as="p" tone="subdued">
          {t("support.cancel.help")}
        </Text>
        {inProgress && <Banner tone="info">{t("support.cancel.error.inProgress")}</Banner>}
        {lines.length > 0 && (
          <ChoiceList allowMultiple title={t("support.cancel.lines")} choices={lines.map((l) => ({ label: l.title, value: l.id }))} selected={chosen} onChange={setChosen} />
        )}
        <InlineStack gap="200">
          {lines.length > 0 && (
            <Button tone="critical" disabled={chosen.length === 0 || inProgress} onClick={() => setTarget({ scope: "lines", lineIds: chosen })}>
              {t("support.cancel.linesButton")}
            </Button>
          )}
          <Button variant="plain" tone="critical" disabled={inProgress} onClick={() => setTarget({ scope: "order" })}>
            {t("support.cancel.orderButton")}
          </Button>
        </InlineStack>
      </BlockStack>
      <ConfirmCancelModal target={target} version={version} onClose={() => setTarget(null)} />
    </Card>
  );
}

function DeclineModal({ requestId, version, onClose }: { requestId: string | null; version: number; onClose: () => void }) {
  const { t } = useT();
  const fetcher = useFetcher<typeof action>();
  const shopify = useAppBridge();
  const [reason, setReason] = useState("");
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data?.ok) return;
    shopify.toast.show(fetcher.data.message ?? "");
    setReason("");
    onClose();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);
  const errors: Record<string, string> = fetcher.data && !fetcher.data.ok ? fetcher.data.errors : {};
  return (
    <Modal
      open={requestId !== null}
      onClose={onClose}
      title={t("support.cancel.request.declineTitle")}
      primaryAction={{
        content: t("support.cancel.request.decline"),
        loading: fetcher.state !== "idle",
        onAction: () => requestId && fetcher.submit({ intent: "decline_cancel", cancellationId: requestId, reason, version: String(version) }, { method: "post" }),
      }}
      secondaryActions={[{ content: t("support.cancel"), onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          {errors.form && <Banner tone="critical">{errors.form}</Banner>}
          <Text as="p">{t("support.cancel.request.declineHelp")}</Text>
          <TextField label={t("support.cancel.request.reason")} value={reason} onChange={setReason} autoComplete="off" error={errors.reason} />
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}

/** A customer's cancellation request waiting for approval (the shop's setting), with Approve / Decline. */
export function CancelRequestCards({ version, requests }: { version: number; requests: { id: string; createdAt: string; items: string; error: string | null }[] }) {
  const { t } = useT();
  const [approving, setApproving] = useState<string | null>(null);
  const [declining, setDeclining] = useState<string | null>(null);
  // One object per request opened: the dialog loads the refund when its target changes.
  const target = useMemo<Target | null>(() => (approving ? { scope: "request", id: approving } : null), [approving]);
  if (requests.length === 0) return null;
  return (
    <>
      {requests.map((request) => (
        <Card key={request.id}>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t("support.cancel.request.title")}
            </Text>
            <Text as="p">{t("support.cancel.request.body", { items: request.items, date: request.createdAt })}</Text>
            {request.error && <Banner tone="warning">{t("support.cancel.request.failed", { message: request.error })}</Banner>}
            <InlineStack gap="200">
              <Button variant="primary" onClick={() => setApproving(request.id)}>
                {t("support.cancel.request.approve")}
              </Button>
              <Button onClick={() => setDeclining(request.id)}>{t("support.cancel.request.decline")}</Button>
            </InlineStack>
          </BlockStack>
        </Card>
      ))}
      <ConfirmCancelModal target={target} version={version} onClose={() => setApproving(null)} />
      <DeclineModal requestId={declining} version={version} onClose={() => setDeclining(null)} />
    </>
  );
}

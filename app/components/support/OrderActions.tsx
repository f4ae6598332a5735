// The order page's actions, each its own form (fetcher): status and assignee, an internal note, a revised
// date for chosen lines (with the delay notice), and a message to the customer. Errors show next to the
// field; a conflict (someone changed the order meanwhile) shows a banner with Reload.
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { useFetcher, useRevalidator } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, ChoiceList, InlineStack, Text, TextField } from "@shopify/polaris";
import { useAppBridge } from "@shopify/app-bridge-react";
import { useT } from "~/i18n/react";
import type { action } from "~/routes/app.support.$orderId";

export function useAction(onDone?: () => void) {
  const fetcher = useFetcher<typeof action>();
  const shopify = useAppBridge();
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data?.ok) return;
    shopify.toast.show(fetcher.data.message ?? "");
    onDone?.();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);
  const errors: Record<string, string> = fetcher.data && !fetcher.data.ok ? fetcher.data.errors : {};
  return { fetcher, errors, busy: fetcher.state !== "idle" };
}

export function ActionCard({ title, errors, children }: { title: string; errors: Record<string, string>; children: ReactNode }) {
  const { t } = useT();
  const revalidator = useRevalidator();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        {errors.form && (
          <Banner tone="critical" action={{ content: t("support.reload"), onAction: () => revalidator.revalidate() }}>
            {errors.form}
          </Banner>
        )}
        {errors.version && <Banner tone="critical">{errors.version}</Banner>}
        {children}
      </BlockStack>
    </Card>
  );
}

export function StatusCard({ supportCase }: { supportCase: { status: string; assignee: string | null; version: number } }) {
  const { t } = useT();
  const status = useAction();
  const assign = useAction();
  const notice = useAction();
  const [assignee, setAssignee] = useState(supportCase.assignee ?? "");
  const next = supportCase.status === "resolved" ? "open" : "resolved";
  return (
    <ActionCard title={t("support.order.status")} errors={{ ...status.errors, ...assign.errors, ...notice.errors }}>
      <Text as="p">{t(`support.status.${supportCase.status}`)}</Text>
      <InlineStack gap="200">
        <Button loading={status.busy} onClick={() => status.fetcher.submit({ intent: "status", status: next, version: String(supportCase.version) }, { method: "post" })}>
          {next === "resolved" ? t("support.order.resolve") : t("support.order.reopen")}
        </Button>
        {supportCase.status === "open" && (
          <Button onClick={() => status.fetcher.submit({ intent: "status", status: "waiting_customer", version: String(supportCase.version) }, { method: "post" })}>
            {t("support.order.waitCustomer")}
          </Button>
        )}
        <Button loading={notice.busy} onClick={() => notice.fetcher.submit({ intent: "notice", version: String(supportCase.version) }, { method: "post" })}>
          {t("support.order.sendNotice")}
        </Button>
      </InlineStack>
      <TextField label={t("support.assignee")} value={assignee} onChange={setAssignee} autoComplete="off" error={assign.errors.assignee} helpText={t("support.assignee.help")} />
      <InlineStack>
        <Button loading={assign.busy} onClick={() => assign.fetcher.submit({ intent: "assign", assignee, version: String(supportCase.version) }, { method: "post" })}>
          {t("support.save")}
        </Button>
      </InlineStack>
    </ActionCard>
  );
}

export function NoteCard({ version }: { version: number }) {
  const { t } = useT();
  const [note, setNote] = useState("");
  const { fetcher, errors, busy } = useAction(() => setNote(""));
  return (
    <ActionCard title={t("support.order.note")} errors={errors}>
      <TextField label={t("support.order.note")} labelHidden multiline={3} value={note} onChange={setNote} autoComplete="off" error={errors.note} helpText={t("support.order.noteHelp")} />
      <InlineStack>
        <Button variant="primary" loading={busy} onClick={() => fetcher.submit({ intent: "note", note, version: String(version) }, { method: "post" })}>
          {t("support.order.addNote")}
        </Button>
      </InlineStack>
    </ActionCard>
  );
}

export function ReviseCard({ version, lines }: { version: number; lines: { id: string; title: string }[] }) {
  const { t } = useT();
  const [chosen, setChosen] = useState<string[]>(lines.map((l) => l.id));
  const [earliest, setEarliest] = useState("");
  const [latest, setLatest] = useState("");
  const [reason, setReason] = useState("");
  const [notify, setNotify] = useState(true);
  const { fetcher, errors, busy } = useAction(() => setReason(""));
  if (lines.length === 0) return null;
  const submit = () => {
    const form = new FormData();
    for (const [key, value] of Object.entries({ intent: "revise", version: String(version), earliest, latest, reason, notify: notify ? "on" : "off" })) form.set(key, value);
    for (const id of chosen) form.append("lineIds", id);
    fetcher.submit(form, { method: "post" });
  };
  return (
    <ActionCard title={t("support.order.revise")} errors={errors}>
      <Text as="p" tone="subdued">
        {t("support.order.reviseHelp")}
      </Text>
      <ChoiceList allowMultiple title={t("support.order.reviseLines")} choices={lines.map((l) => ({ label: l.title, value: l.id }))} selected={chosen} onChange={setChosen} error={errors.lineIds} />
      <BlockStack gap="200">
        <TextField label={t("support.order.earliest")} type="date" value={earliest} onChange={setEarliest} autoComplete="off" error={errors.earliest} />
        <TextField label={t("support.order.latest")} type="date" value={latest} onChange={setLatest} autoComplete="off" error={errors.latest} />
      </BlockStack>
      <TextField label={t("support.order.reason")} value={reason} onChange={setReason} autoComplete="off" error={errors.reason} />
      <Checkbox label={t("support.order.notify")} checked={notify} onChange={setNotify} />
      <InlineStack>
        <Button variant="primary" loading={busy} onClick={submit}>
          {t("support.save")}
        </Button>
      </InlineStack>
    </ActionCard>
  );
}

export function newKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export function MessageCard({ version, hasEmail }: { version: number; hasEmail: boolean }) {
  const { t } = useT();
  const [message, setMessage] = useState("");
  const [key, setKey] = useState(newKey);
  const { fetcher, errors, busy } = useAction(() => {
    setMessage("");
    setKey(newKey());
  });
  const disabled = useMemo(() => !hasEmail, [hasEmail]);
  return (
    <ActionCard title={t("support.order.message")} errors={errors}>
      {disabled && <Banner tone="warning">{t("support.error.noEmail")}</Banner>}
      <TextField label={t("support.order.message")} labelHidden multiline={4} value={message} onChange={setMessage} autoComplete="off" error={errors.message} helpText={t("support.order.messageHelp")} disabled={disabled} />
      <InlineStack>
        <Button loading={busy} disabled={disabled} onClick={() => fetcher.submit({ intent: "message", message, submissionKey: key, version: String(version) }, { method: "post" })}>
          {t("support.order.send")}
        </Button>
      </InlineStack>
    </ActionCard>
  );
}

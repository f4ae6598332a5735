// Notifications: edit the Liquid email templates (per kind and language) with a live preview and a test
// send, and watch the outbox (recent emails, the local mailbox when no SMTP server is set, failed sends
// with their error and a retry button).
import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  EmptyState,
  FormLayout,
  IndexTable,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Select,
  Spinner,
  Tabs,
  Text,
  TextField,
} from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { GraphqlQueryError, HttpResponseError } from "@shopify/shopify-api";
import { authenticate } from "~/shopify.server";
import { readFormData } from "~/validation/form-data";
import { adminLocaleFromRequest, translator, type Translate } from "~/i18n/admin";
import { deleteEmailTemplate, saveEmailTemplate } from "~/models/email-template.server";
import { countRecentTestEmails, getOutboxEmail, retryOutboxEmail } from "~/models/email-outbox.server";
import {
  loadEditor,
  loadOutbox,
  templateCheckErrors,
  translateFieldErrors,
  type OutboxRow,
} from "~/notifications/admin.server";
import { deliverEmailNow } from "~/notifications/deliver.server";
import { EMAIL_KINDS, EMAIL_LOCALES, emailLocale, type EmailKind, type EmailLocale } from "~/notifications/kinds";
import { queueTestEmail } from "~/notifications/queue.server";
import { checkTemplate, renderSample, type RenderedEmail } from "~/notifications/render.server";
import { fetchShopEmail } from "~/notifications/shop-email.server";
import { deliveryMode } from "~/notifications/transport.server";
import {
  MAX_BODY_SOURCE_LENGTH,
  MAX_SUBJECT_SOURCE_LENGTH,
  parseForm,
  templateFormSchema,
  templateTargetSchema,
  testRecipientSchema,
} from "~/notifications/validation";
import { EmailFrame, StatusBadge, kindLabel } from "~/notifications/ui";
import { useT } from "~/i18n/react";
import { z } from "zod";
import { CardHeader } from "~/components/CardHeader";
import { UnsavedChanges } from "~/components/UnsavedChanges";
import { WrapText } from "~/components/WrapText";

const TEMPLATE_FIELDS = ["kind", "locale", "subject", "body"] as const;
/** Test sends per shop per hour. */
const TEST_SENDS_PER_HOUR = 20;
const LIMITS = { subject: MAX_SUBJECT_SOURCE_LENGTH, body: MAX_BODY_SOURCE_LENGTH };

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const adminLocale = adminLocaleFromRequest(request);
  const url = new URL(request.url);
  const target = templateTargetSchema.safeParse({
    kind: url.searchParams.get("kind") ?? EMAIL_KINDS[0],
    locale: url.searchParams.get("lang") ?? adminLocale,
  });
  const { kind, locale } = target.success ? target.data : { kind: EMAIL_KINDS[0], locale: emailLocale(adminLocale) };
  const filter = url.searchParams.get("filter") === "failed" ? "failed" : "all";
  const [editor, outbox] = await Promise.all([
    loadEditor({ shop: session.shop, kind, locale }),
    loadOutbox({ shop: session.shop, filter, locale: adminLocale }),
  ]);
  return json({ editor, outbox, limits: LIMITS });
};

type Intent = "save" | "preview" | "test" | "reset" | "retry";

type ActionResult =
  | { intent: Intent; ok: true; message: string }
  | { intent: "preview"; ok: true; preview: RenderedEmail }
  | { intent: Intent; ok: false; banner?: string; errors: Record<string, string> };

const reply = (result: ActionResult, status = 200) => json<ActionResult>(result, { status });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const shop = session.shop;
  const t = translator(adminLocaleFromRequest(request));
  const form = await readFormData(request);
  const intent = form.get("intent");

  switch (intent) {
    case "save":
    case "preview":
    case "test": {
      const parsed = parseForm(templateFormSchema, form, TEMPLATE_FIELDS);
      if (!parsed.success) {
        const errors = translateFieldErrors(parsed.errors, t, { max: parsed.errors.body ? LIMITS.body : LIMITS.subject });
        return reply({ intent, ok: false, banner: bannerFor(intent, t), errors }, 400);
      }
      const { kind, locale, subject, body } = parsed.data;
      if (intent === "preview") {
        const result = await renderSample(kind, locale, { subject, body });
        return result.ok
          ? reply({ intent, ok: true, preview: result.rendered })
          : reply({ intent, ok: false, errors: templateCheckErrors(result, t) }, 400);
      }
      if (intent === "save") {
        const check = await checkTemplate(kind, locale, { subject, body });
        if (!check.ok) return reply({ intent, ok: false, banner: bannerFor(intent, t), errors: templateCheckErrors(check, t) }, 400);
        await saveEmailTemplate({ shop, kind, locale, subject, body });
        return reply({ intent, ok: true, message: t("notifications.toast.saved") });
      }
      return sendTest({ shop, graphql: admin.graphql, form, kind, locale, subject, body, t });
    }
    case "reset": {
      const parsed = parseForm(templateTargetSchema, form, ["kind", "locale"]);
      if (!parsed.success) return reply({ intent, ok: false, errors: translateFieldErrors(parsed.errors, t) }, 400);
      await deleteEmailTemplate({ shop, ...parsed.data });
      return reply({ intent, ok: true, message: t("notifications.toast.reset") });
    }
    case "retry": {
      const id = z.string().min(1).max(100).safeParse(form.get("id"));
      if (!id.success) throw new Response("Not Found", { status: 404 });
      const result = await retryOutboxEmail({ shop, id: id.data });
      if (result === "not_found") throw new Response("Not Found", { status: 404 });
      if (result === "not_retryable") {
        return reply({ intent, ok: false, banner: t("notifications.error.notRetryable"), errors: {} }, 409);
      }
      return reply({ intent, ok: true, message: t("notifications.toast.retried") });
    }
    default:
      return reply({ intent: "save", ok: false, banner: t("notifications.error.invalid"), errors: {} }, 400);
  }
};

function bannerFor(intent: Intent, t: Translate): string | undefined {
  if (intent === "save") return t("notifications.banner.invalid");
  if (intent === "test") return t("notifications.banner.testInvalid");
  return undefined;
}

async function sendTest({
  shop,
  graphql,
  form,
  kind,
  locale,
  subject,
  body,
  t,
}: {
  shop: string;
  graphql: Parameters<typeof fetchShopEmail>[0];
  form: FormData;
  kind: EmailKind;
  locale: EmailLocale;
  subject: string;
  body: string;
  t: Translate;
}) {
  const intent = "test" as const;
  const recipient = testRecipientSchema.safeParse(form.get("to") ?? undefined);
  if (!recipient.success) {
    return reply({ intent, ok: false, banner: bannerFor(intent, t), errors: { to: t("notifications.error.email") } }, 400);
  }
  if ((await countRecentTestEmails({ shop, since: new Date(Date.now() - 3_600_000) })) >= TEST_SENDS_PER_HOUR) {
    return reply({ intent, ok: false, banner: t("notifications.error.testLimit", { max: TEST_SENDS_PER_HOUR }), errors: {} }, 429);
  }
  let to = recipient.data || null;
  if (!to) {
    try {
      to = await fetchShopEmail(graphql);
    } catch (error) {
      if (!(error instanceof GraphqlQueryError || error instanceof HttpResponseError)) throw error;
    }
    if (!to) return reply({ intent, ok: false, banner: bannerFor(intent, t), errors: { to: t("notifications.error.noShopEmail") } }, 400);
  }

  const queued = await queueTestEmail({ shop, kind, locale, source: { subject, body }, to });
  if (!queued.ok) {
    const errors = templateCheckErrors({ ok: false, errors: queued.errors }, t);
    return reply({ intent, ok: false, banner: bannerFor(intent, t), errors }, 400);
  }
  // Delivered right away through the worker's own claim, so the merchant sees the result now.
  const outcome = await deliverEmailNow({ shop, id: queued.id, workerId: `admin:${process.pid}` });
  if (outcome === "sent") {
    const message = deliveryMode() === "mailbox" ? t("notifications.toast.testMailbox") : t("notifications.toast.testSent", { to });
    return reply({ intent, ok: true, message });
  }
  if (outcome === null) return reply({ intent, ok: true, message: t("notifications.toast.testQueued", { to }) });
  const email = await getOutboxEmail({ shop, id: queued.id });
  const error = email?.lastError ?? "";
  const banner =
    outcome === "dead" ? t("notifications.banner.testRefused", { error }) : t("notifications.banner.testFailed", { error });
  return reply({ intent, ok: false, banner, errors: {} }, 502);
}

// ---- the page ----------------------------------------------------------------------------------------

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

type Fetcher = ReturnType<typeof useFetcher<typeof action>>;

export default function NotificationsPage() {
  const { editor, outbox, limits } = useLoaderData<typeof loader>();
  const shopify = useAppBridge();
  const actionData = useActionData<typeof action>();
  // Owned here, not by the editor: a save or a reset remounts the editor, which must not replay the toast.
  const resetFetcher = useFetcher<typeof action>();

  useEffect(() => {
    if (actionData?.intent === "save" && actionData.ok && "message" in actionData) shopify.toast.show(actionData.message);
  }, [actionData, shopify]);
  useEffect(() => {
    if (resetFetcher.data?.ok && "message" in resetFetcher.data) shopify.toast.show(resetFetcher.data.message);
  }, [resetFetcher.data, shopify]);

  return (
    <Page>
      <BlockStack gap="500">
        {/* A save or a reset reloads the loader data; remounting the editor shows exactly what is stored. */}
        <TemplateEditor
          key={JSON.stringify([editor.target, editor.template])}
          editor={editor}
          limits={limits}
          resetFetcher={resetFetcher}
        />
        <Outbox outbox={outbox} />
      </BlockStack>
    </Page>
  );
}

function TemplateEditor({
  editor,
  limits,
  resetFetcher,
}: {
  editor: LoaderData["editor"];
  limits: LoaderData["limits"];
  resetFetcher: Fetcher;
}) {
  const { t } = useT();
  const { kind, locale } = editor.target;
  const shopify = useAppBridge();
  const submit = useSubmit();
  const navigation = useNavigation();
  const actionData = useActionData<typeof action>();
  const [searchParams, setSearchParams] = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);

  const [subject, setSubject] = useState(editor.template.subject);
  const [body, setBody] = useState(editor.template.body);
  const [to, setTo] = useState("");
  const [confirmReset, setConfirmReset] = useState(false);
  const dirty = subject !== editor.template.subject || body !== editor.template.body;

  const previewFetcher = useFetcher<typeof action>();
  const testFetcher = useFetcher<typeof action>();

  const saving = navigation.state !== "idle" && navigation.formData?.get("intent") === "save";
  const saveResult = actionData?.intent === "save" ? actionData : undefined;
  const saveErrors = saveResult && !saveResult.ok ? saveResult.errors : {};
  const previewResult = previewFetcher.data?.intent === "preview" ? previewFetcher.data : undefined;
  const previewErrors = previewResult && !previewResult.ok ? previewResult.errors : {};
  const testResult = testFetcher.data;
  const testErrors = testResult && !testResult.ok ? testResult.errors : {};

  // Live preview: re-render on the server shortly after the merchant stops typing.
  const { submit: submitPreview } = previewFetcher;
  useEffect(() => {
    if (subject === editor.template.subject && body === editor.template.body) return;
    const handle = setTimeout(
      () => submitPreview({ intent: "preview", kind, locale, subject, body }, { method: "post" }),
      400,
    );
    return () => clearTimeout(handle);
  }, [subject, body, kind, locale, editor.template.subject, editor.template.body, submitPreview]);

  useEffect(() => {
    if (testResult?.ok && "message" in testResult) shopify.toast.show(testResult.message);
  }, [testResult, shopify]);

  const choose = useCallback(
    (name: "kind" | "lang", value: string) => {
      const next = new URLSearchParams(searchParams);
      next.set(name, value);
      setSearchParams(next);
    },
    [searchParams, setSearchParams],
  );

  const save = () => formRef.current && submit(formRef.current);
  // While the merchant types, the last good preview stays on screen until the next one arrives.
  const [lastPreview, setLastPreview] = useState<RenderedEmail | null>(editor.preview);
  useEffect(() => {
    if (previewResult?.ok && "preview" in previewResult) setLastPreview(previewResult.preview);
  }, [previewResult]);
  const preview = dirty ? lastPreview : editor.preview;
  const previewing = previewFetcher.state !== "idle";
  const fieldError = (field: "subject" | "body") => saveErrors[field] ?? testErrors[field] ?? (dirty ? previewErrors[field] : undefined);

  const kindOptions = EMAIL_KINDS.map((k) => ({
    value: k,
    label: `${t(`notifications.kind.${k}`)}${editor.customized[k].en || editor.customized[k].fr ? ` · ${t("notifications.badge.customized")}` : ""}`,
  }));
  const localeOptions = EMAIL_LOCALES.map((l) => ({ value: l, label: t(`notifications.locale.${l}`) }));

  return (
    <>
      <TitleBar title={t("notifications.title")}>
        <button variant="primary" loading={saving ? "" : undefined} onClick={save}>
          {t("notifications.save")}
        </button>
      </TitleBar>
      <UnsavedChanges
        id="template-save-bar"
        dirty={dirty}
        saving={saving}
        onSave={save}
        onDiscard={() => {
          setSubject(editor.template.subject);
          setBody(editor.template.body);
        }}
      />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {saveResult && !saveResult.ok && saveResult.banner ? <Banner tone="critical">{saveResult.banner}</Banner> : null}
            {resetFetcher.data && !resetFetcher.data.ok ? <Banner tone="critical">{resetFetcher.data.banner}</Banner> : null}
            <InlineGrid columns={{ xs: 1, lg: 2 }} gap="400">
              <Card>
                <Form method="post" ref={formRef}>
                  <input type="hidden" name="intent" value="save" />
                  <input type="hidden" name="kind" value={kind} />
                  <input type="hidden" name="locale" value={locale} />
                  <FormLayout>
                    <CardHeader title={t("notifications.templates.title")} description={t("notifications.templates.description")} />
                    <FormLayout.Group>
                      <Select
                        label={t("notifications.field.kind")}
                        options={kindOptions}
                        value={kind}
                        onChange={(value) => choose("kind", value)}
                      />
                      <Select
                        label={t("notifications.field.locale")}
                        options={localeOptions}
                        value={locale}
                        onChange={(value) => choose("lang", value)}
                      />
                    </FormLayout.Group>
                    <InlineStack gap="200" blockAlign="center">
                      {editor.template.customized ? (
                        <Badge tone="info">{t("notifications.badge.customized")}</Badge>
                      ) : (
                        <Badge>{t("notifications.badge.default")}</Badge>
                      )}
                      {dirty ? <Badge tone="attention">{t("notifications.unsaved")}</Badge> : null}
                    </InlineStack>
                    <Text as="p" tone="subdued">
                      {t(`notifications.kindHelp.${kind}`)}
                    </Text>
                    <TextField
                      label={t("notifications.field.subject")}
                      name="subject"
                      value={subject}
                      onChange={setSubject}
                      maxLength={limits.subject}
                      error={fieldError("subject")}
                      autoComplete="off"
                      monospaced
                    />
                    <TextField
                      label={t("notifications.field.body")}
                      name="body"
                      value={body}
                      onChange={setBody}
                      multiline={18}
                      maxLength={limits.body}
                      error={fieldError("body")}
                      helpText={`${t("notifications.field.body.help")} ${t("notifications.variables", { list: editor.variables.join(", ") })}`}
                      autoComplete="off"
                      monospaced
                    />
                    {confirmReset ? (
                      <Banner
                        tone="warning"
                        action={{
                          content: t("notifications.reset.confirmButton"),
                          loading: resetFetcher.state !== "idle",
                          onAction: () => {
                            resetFetcher.submit({ intent: "reset", kind, locale }, { method: "post" });
                            setConfirmReset(false);
                          },
                        }}
                        secondaryAction={{ content: t("notifications.cancel"), onAction: () => setConfirmReset(false) }}
                      >
                        {t("notifications.reset.confirm", {
                          kind: t(`notifications.kind.${kind}`),
                          locale: t(`notifications.locale.${locale}`),
                        })}
                      </Banner>
                    ) : null}
                    <InlineStack gap="200" align="end">
                      <Button
                        tone="critical"
                        variant="secondary"
                        disabled={!editor.template.customized}
                        loading={resetFetcher.state !== "idle"}
                        onClick={() => setConfirmReset(true)}
                      >
                        {t("notifications.reset")}
                      </Button>
                      <Button submit variant="primary" loading={saving}>
                        {t("notifications.save")}
                      </Button>
                    </InlineStack>
                  </FormLayout>
                </Form>
              </Card>
              <BlockStack gap="400">
                <PreviewCard preview={preview} loading={previewing} invalid={dirty && !previewing && Boolean(previewResult && !previewResult.ok)} />
                <Card>
                  <testFetcher.Form method="post">
                    <input type="hidden" name="intent" value="test" />
                    <input type="hidden" name="kind" value={kind} />
                    <input type="hidden" name="locale" value={locale} />
                    <input type="hidden" name="subject" value={subject} />
                    <input type="hidden" name="body" value={body} />
                    <FormLayout>
                      <CardHeader title={t("notifications.test.title")} description={t("notifications.test.description")} />
                      {testResult && !testResult.ok && testResult.banner ? (
                        <Banner tone="critical">{testResult.banner}</Banner>
                      ) : null}
                      <TextField
                        label={t("notifications.test.to")}
                        name="to"
                        type="email"
                        value={to}
                        onChange={setTo}
                        helpText={t("notifications.test.to.help")}
                        error={testErrors.to}
                        autoComplete="email"
                        connectedRight={
                          <Button submit loading={testFetcher.state !== "idle"}>
                            {t("notifications.test.send")}
                          </Button>
                        }
                      />
                    </FormLayout>
                  </testFetcher.Form>
                </Card>
              </BlockStack>
            </InlineGrid>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </>
  );
}

function PreviewCard({
  preview,
  loading,
  invalid,
}: {
  preview: RenderedEmail | null;
  loading: boolean;
  invalid: boolean;
}) {
  const { t } = useT();
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <CardHeader title={t("notifications.preview.title")} description={t("notifications.preview.description")} />
          {loading ? <Spinner size="small" accessibilityLabel={t("notifications.preview.loading")} /> : null}
        </InlineStack>
        {invalid ? <Banner tone="warning">{t("notifications.preview.invalid")}</Banner> : null}
        {preview ? (
          <BlockStack gap="200">
            <Text as="p">
              <Text as="span" fontWeight="semibold">
                {t("notifications.preview.subjectLabel")}
              </Text>{" "}
              {preview.subject}
            </Text>
            <EmailFrame html={preview.html} title={t("notifications.preview.frame")} />
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function Outbox({ outbox }: { outbox: LoaderData["outbox"] }) {
  const { t } = useT();
  const shopify = useAppBridge();
  const retryFetcher = useFetcher<typeof action>();
  const [searchParams, setSearchParams] = useSearchParams();
  const failedCount = outbox.counts.dead + outbox.counts.failing;
  const tabs = [
    { id: "all", content: t("notifications.outbox.filter.all") },
    { id: "failed", content: t("notifications.outbox.filter.failed", { count: failedCount }) },
  ];

  useEffect(() => {
    const data = retryFetcher.data;
    if (data?.ok && "message" in data) shopify.toast.show(data.message);
    else if (data && !data.ok && data.banner) shopify.toast.show(data.banner, { isError: true });
  }, [retryFetcher.data, shopify]);

  const selectTab = (index: number) => {
    const next = new URLSearchParams(searchParams);
    if (index === 1) next.set("filter", "failed");
    else next.delete("filter");
    setSearchParams(next, { preventScrollReset: true });
  };
  const retrying = (id: string) => retryFetcher.state !== "idle" && retryFetcher.formData?.get("id") === id;

  return (
    <Layout>
      <Layout.Section>
        <Card padding="0">
          <BlockStack gap="0">
            <Box padding="400">
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("notifications.outbox.title")}
                </Text>
                <Text as="p" tone="subdued">
                  {t("notifications.outbox.description")}
                </Text>
                {outbox.mode === "mailbox" ? (
                  <Banner tone="warning">{t("notifications.outbox.mailbox")}</Banner>
                ) : (
                  <Text as="p" tone="subdued">
                    {t("notifications.outbox.smtp")}
                  </Text>
                )}
              </BlockStack>
            </Box>
            <Tabs tabs={tabs} selected={outbox.filter === "failed" ? 1 : 0} onSelect={selectTab} />
            {outbox.emails.length === 0 ? (
              <EmptyState
                heading={outbox.filter === "failed" ? t("notifications.outbox.emptyFailed") : t("notifications.outbox.empty")}
                image=""
              >
                <p>
                  {outbox.filter === "failed"
                    ? t("notifications.outbox.emptyFailed.description")
                    : t("notifications.outbox.empty.description")}
                </p>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: t("notifications.outbox.column.kind"), plural: t("notifications.outbox.title") }}
                itemCount={outbox.emails.length}
                selectable={false}
                lastColumnSticky
                headings={[
                  { title: t("notifications.outbox.column.created") },
                  { title: t("notifications.outbox.column.kind") },
                  { title: t("notifications.outbox.column.to") },
                  { title: t("notifications.outbox.column.subject") },
                  { title: t("notifications.outbox.column.status") },
                  { title: t("notifications.outbox.column.actions"), alignment: "end" },
                ]}
              >
                {outbox.emails.map((email: OutboxRow, index: number) => (
                  <IndexTable.Row id={email.id} key={email.id} position={index}>
                    <IndexTable.Cell>{email.createdAt}</IndexTable.Cell>
                    <IndexTable.Cell>{kindLabel(email.kind, t)}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <WrapText>{email.toEmail}</WrapText>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <WrapText minWidth="12rem">
                        <BlockStack gap="100">
                          <Text as="span">{email.subject}</Text>
                          {email.lastError ? (
                            <Text as="span" tone="critical" variant="bodySm" breakWord>
                              {email.lastError}
                            </Text>
                          ) : null}
                          {email.nextAttemptAt ? (
                            <Text as="span" tone="subdued" variant="bodySm">
                              {t("notifications.outbox.nextAttempt", { date: email.nextAttemptAt })}
                            </Text>
                          ) : null}
                        </BlockStack>
                      </WrapText>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <BlockStack gap="100" inlineAlign="start">
                        <StatusBadge status={email.status} />
                        {email.attempts > 1 ? (
                          <Text as="span" tone="subdued" variant="bodySm">
                            {t("notifications.outbox.attempts", { count: email.attempts })}
                          </Text>
                        ) : null}
                      </BlockStack>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <InlineStack gap="200" align="end" wrap={false}>
                        <Button
                          url={`/app/notifications/emails/${email.id}`}
                          accessibilityLabel={t("notifications.outbox.rowLabel", { to: email.toEmail })}
                        >
                          {t("notifications.outbox.view")}
                        </Button>
                        {email.retryable ? (
                          <Button
                            loading={retrying(email.id)}
                            onClick={() => retryFetcher.submit({ intent: "retry", id: email.id }, { method: "post" })}
                          >
                            {t("notifications.outbox.retry")}
                          </Button>
                        ) : null}
                      </InlineStack>
                    </IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
          </BlockStack>
        </Card>
      </Layout.Section>
    </Layout>
  );
}

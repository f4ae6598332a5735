// The template editor: pick an email kind and language, edit its Liquid subject and body with a live preview
// (re-rendered on the server as the merchant types), save or reset to the default, and send a test.
import { useCallback, useEffect, useRef, useState } from "react";
import type { SerializeFrom } from "@remix-run/node";
import { Form, useActionData, useFetcher, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, FormLayout, InlineGrid, InlineStack, Layout, Select, Text, TextField } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import type { action, loader } from "~/routes/app.notifications._index";
import { useT } from "~/i18n/react";
import { CardHeader } from "~/components/CardHeader";
import { UnsavedChanges } from "~/components/UnsavedChanges";
import { PreviewCard, type PreviewEmail } from "./PreviewCard";
import { TestSendCard, type TemplateFetcher } from "./TestSendCard";

type Page = SerializeFrom<typeof loader>;

export function TemplateEditor({
  editor,
  limits,
  choices,
  resetFetcher,
}: {
  editor: Page["editor"];
  limits: Page["limits"];
  choices: Page["choices"];
  /** Owned by the page: a reset remounts the editor, which must not replay the reset's toast. */
  resetFetcher: TemplateFetcher;
}) {
  const { t } = useT();
  const { kind, locale } = editor.target;
  const submit = useSubmit();
  const navigation = useNavigation();
  const actionData = useActionData<typeof action>();
  const [searchParams, setSearchParams] = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);

  const [subject, setSubject] = useState(editor.template.subject);
  const [body, setBody] = useState(editor.template.body);
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
  const [lastPreview, setLastPreview] = useState<PreviewEmail | null>(editor.preview);
  useEffect(() => {
    if (previewResult?.ok && "preview" in previewResult) setLastPreview(previewResult.preview);
  }, [previewResult]);
  const preview = dirty ? lastPreview : editor.preview;
  const previewing = previewFetcher.state !== "idle";
  const fieldError = (field: "subject" | "body") => saveErrors[field] ?? testErrors[field] ?? (dirty ? previewErrors[field] : undefined);

  const kindOptions = choices.kinds.map((k) => ({
    value: k,
    label: `${t(`notifications.kind.${k}`)}${editor.customized[k].en || editor.customized[k].fr ? ` · ${t("notifications.badge.customized")}` : ""}`,
  }));
  const localeOptions = choices.locales.map((l) => ({ value: l, label: t(`notifications.locale.${l}`) }));

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
                      <Select label={t("notifications.field.kind")} options={kindOptions} value={kind} onChange={(value) => choose("kind", value)} />
                      <Select label={t("notifications.field.locale")} options={localeOptions} value={locale} onChange={(value) => choose("lang", value)} />
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
                <TestSendCard fetcher={testFetcher} kind={kind} locale={locale} subject={subject} body={body} />
              </BlockStack>
            </InlineGrid>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </>
  );
}

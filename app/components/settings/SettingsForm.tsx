// The Settings form: every section, the save bar while it differs from what is stored, a banner after a
// failed save (with "Reload" after a conflict), and "this will email N customers" before a save that would.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Form, useActionData, useLoaderData, useNavigate, useNavigation, useRevalidator, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Button, Layout, Page, PageActions } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import type { DeliveryMode } from "~/domain/types";
import type { action, loader } from "~/routes/app.settings";
import type { TermsField, TermsLocale } from "~/validation/settings";
import { useT } from "~/i18n/react";
import { DateChangeConfirm, useDateChangeConfirm } from "~/components/DateChangeConfirm";
import { UnsavedChanges } from "~/components/UnsavedChanges";
import { CalendarSection, ClosureDaysSection } from "./CalendarSections";
import { CancellationSection } from "./CancellationSection";
import { DateChangesSection, DeliveryModesSection, PromisesSection } from "./PromiseSections";
import { TermsSection } from "./TermsSection";
import { CompensationSection } from "./CompensationSection";
import { FeedbackSection } from "./FeedbackSection";
import { TERMS_LOCALES, toFormState, type CompensationState, type FeedbackState, type FormState, type ModeState } from "./form-state";

export function SettingsForm() {
  const { locale, settings, saved, version, closureWindow, options, limits, text, termsDescription } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const { t } = useT();
  const navigate = useNavigate();

  const [form, setForm] = useState<FormState>(() => toFormState(settings));
  // Discarding also clears the closure day being typed: its section remounts.
  const [discards, setDiscards] = useState(0);

  const saving = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  const actionErrors: Partial<Record<string, string>> = actionData && !actionData.ok && "errors" in actionData ? actionData.errors : {};
  const failure = actionData && !actionData.ok && "banner" in actionData ? actionData : null;
  const ask = useDateChangeConfirm({
    submitting: navigation.formData,
    idle: navigation.state === "idle",
    result: actionData,
    resubmit: (data) => submit(data, { method: "post" }),
  });

  // Unsaved edits: App Bridge's save bar, and a leave confirmation (app.tsx) while it shows.
  const stored = useMemo(() => toFormState(settings), [settings]);
  const dirty = JSON.stringify(form) !== JSON.stringify(stored);
  // An error stays next to its field until the merchant edits that field (then it is stale).
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setEdited(new Set()), [actionData]);
  const touch = (...paths: string[]) => setEdited((e) => new Set([...e, ...paths]));
  const errors = Object.fromEntries(Object.entries(actionErrors).filter(([path]) => !edited.has(path)));

  const update = useCallback((patch: Partial<FormState>) => {
    setEdited((e) => new Set([...e, ...Object.keys(patch)]));
    setForm((f) => ({ ...f, ...patch }));
  }, []);
  const updateMode = (mode: DeliveryMode, patch: Partial<ModeState>) => {
    touch("deliveryModes", ...Object.keys(patch).map((key) => `deliveryModes.${mode}.${key}`));
    setForm((f) => ({ ...f, deliveryModes: { ...f.deliveryModes, [mode]: { ...f.deliveryModes[mode], ...patch } } }));
  };
  const updateTerms = (locale: TermsLocale, field: TermsField, value: string) => {
    touch(`terms.${locale}.${field}`);
    setForm((f) => ({ ...f, terms: { ...f.terms, [locale]: { ...f.terms[locale], [field]: value } } }));
  };
  const updateCompensation = (patch: Partial<CompensationState>) => {
    // Amounts are reported on their stored names (defaultAmountMinor…): clear those errors too.
    const fields = Object.keys(patch).map((key) => (["defaultAmount", "maxAmount", "maxStoreCredit"].includes(key) ? `${key}Minor` : key));
    touch(...fields.map((key) => `compensation.${key}`));
    setForm((f) => ({ ...f, compensation: { ...f.compensation, ...patch } }));
  };
  const updateFeedback = (patch: Partial<FeedbackState>) => {
    const questions = patch.questions ? ["en.wait", "en.date", "fr.wait", "fr.date"].map((key) => `questions.${key}`) : [];
    touch(...[...Object.keys(patch).filter((key) => key !== "questions"), ...questions].map((key) => `feedback.${key}`));
    setForm((f) => ({ ...f, feedback: { ...f.feedback, ...patch } }));
  };
  const addClosureDay = (day: string) => setForm((f) => ({ ...f, closureDays: [...new Set([...f.closureDays, day])].sort() }));
  const discard = () => {
    setForm(stored);
    setDiscards((n) => n + 1);
  };
  const save = () => formRef.current && submit(formRef.current);
  const section = { form, update, errors, text, limits };

  return (
    <Page secondaryActions={[{ content: t("payments.settings.link"), helpText: t("payments.settings.linkHelp"), onAction: () => navigate("/app/settings/payments") }]}>
      <TitleBar title={text["settings.title"]}>
        <button variant="primary" loading={saving ? "" : undefined} onClick={save}>
          {text["settings.save"]}
        </button>
      </TitleBar>
      <UnsavedChanges id="settings-save-bar" dirty={dirty} saving={saving} onSave={save} onDiscard={discard} />
      {/* noValidate: limits are checked by the action and stated next to the field, not in a browser bubble. */}
      <Form method="post" ref={formRef} noValidate>
        <input type="hidden" name="version" value={version} />
        <BlockStack gap="500">
          {/* A conflict banner stays until "Reload" brings the newer version (the form then remounts). */}
          {failure && (failure.conflictWith === undefined || failure.conflictWith === version) ? (
            <ErrorBanner
              result={failure}
              message={failure.banner}
              reload={failure.conflictWith !== undefined ? { content: text["settings.reload"], onAction: () => revalidator.revalidate(), loading: revalidator.state !== "idle" } : undefined}
            />
          ) : null}
          <DateChangeConfirm counts={ask.counts} t={t} locale={locale} onConfirm={ask.confirm} onCancel={ask.cancel} loading={ask.loading} />
          {!saved ? <Banner tone="info">{text["settings.banner.unsaved"]}</Banner> : null}

          <Layout>
            <PromisesSection {...section} />
            <DateChangesSection {...section} fulfillmentModes={options.fulfillmentModes} />
            <CancellationSection {...section} modes={options.cancelRequestModes} />
            <DeliveryModesSection {...section} updateMode={updateMode} />
            <CalendarSection {...section} options={options} />
            <ClosureDaysSection key={discards} {...section} closureWindow={closureWindow} onAdd={addClosureDay} />
            <CompensationSection {...section} updateCompensation={updateCompensation} />
            <FeedbackSection {...section} updateFeedback={updateFeedback} />
            {TERMS_LOCALES.map((termsLocale) => (
              <TermsSection key={termsLocale} locale={termsLocale} description={termsDescription} {...section} updateTerms={updateTerms} />
            ))}
          </Layout>

          <PageActions
            primaryAction={
              <Button submit variant="primary" loading={saving}>
                {text["settings.save"]}
              </Button>
            }
          />
        </BlockStack>
      </Form>
    </Page>
  );
}

function ErrorBanner({
  result,
  message,
  reload,
}: {
  result: unknown;
  message: string;
  reload?: { content: string; onAction: () => void; loading: boolean };
}) {
  const ref = useRef<{ focus: () => void }>(null);
  // Move focus to the banner after every failed save so keyboard and screen-reader users learn of it.
  useEffect(() => ref.current?.focus(), [result]);
  return (
    <Banner ref={ref} tone="critical" {...(reload ? { action: reload } : {})}>
      {message}
    </Banner>
  );
}

// Shop settings: promise margins, delivery modes, the business calendar and the terms shown to shoppers.
// Saving publishes the shopper terms to Shopify first and stores the settings only once Shopify accepted
// them, so the storefront and our database never disagree.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRevalidator, useSubmit } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  FormLayout,
  InlineError,
  InlineStack,
  Layout,
  Page,
  PageActions,
  Select,
  Tag,
  Text,
  TextField,
} from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { GraphqlQueryError, HttpResponseError } from "@shopify/shopify-api";
import { authenticate } from "~/shopify.server";
import { adminLocaleFromRequest, translator, type AdminLocale, type AdminMessageKey, type Translate } from "~/i18n/admin";
import { useT } from "~/i18n/react";
import { en as settingsMessages } from "~/i18n/messages/settings";
import { DELIVERY_MODES, type DeliveryMode } from "~/domain/types";
import { enabledModes, getShopSettings, nextTermsVersion, saveShopSettingsAtVersion } from "~/models/settings.server";
import { fetchShopProfile, publishShopTerms } from "~/shopify/shop-terms.server";
import { createAdminClient } from "~/shopify/admin-client.server";
import { ensureShopTermsDefinition } from "~/shopify/metafield-definitions.server";
import { enqueueShopRecompute } from "~/jobs/schedule.server";
import { previewDateChanges, type DateChangePreview } from "~/workflows/ledger/preview.server";
import { toEtaShopSettings } from "~/workflows/catalog/eta.server";
import { DateChangeConfirm, useDateChangeConfirm } from "~/components/DateChangeConfirm";
import { UnsavedChanges } from "~/components/UnsavedChanges";
import { readFormData } from "~/validation/form-data";
import { dateWindows, localToday } from "~/validation/dates";
import {
  FULFILLMENT_MODES,
  MAX_DAYS,
  MAX_TERMS_LENGTH,
  MIN_SLIP_DAYS,
  holidayCountries,
  holidayRegions,
  parseSettingsForm,
  parseSettingsVersion,
  supportedTimeZones,
  type SettingsFieldErrors,
  type SettingsValues,
  type TermsField,
  type TermsLocale,
} from "~/validation/settings";

type SettingsText = Record<keyof typeof settingsMessages, string>;
type Option = { value: string; label: string };

function settingsText(t: Translate): SettingsText {
  // Plural messages (key_one / key_other) need a count: components call t() for those.
  const keys = Object.keys(settingsMessages).filter((key) => !/_(one|other)$/.test(key)) as AdminMessageKey[];
  return Object.fromEntries(keys.map((key) => [key, t(key)])) as SettingsText;
}

function calendarOptions(locale: AdminLocale, current: SettingsValues) {
  const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, locale);
  const countries = Object.entries(holidayCountries(locale))
    .map(([value, label]) => ({ value, label }))
    .sort(byLabel);
  const regions: Record<string, Option[]> = {};
  for (const { value: country } of countries) {
    const list = Object.entries(holidayRegions(country, locale)).map(([value, label]) => ({ value, label }));
    if (list.length) regions[country] = list.sort(byLabel);
  }
  const timeZones = [...supportedTimeZones()].sort();
  if (!timeZones.includes(current.timezone)) timeZones.unshift(current.timezone);
  return { countries, regions, timeZones };
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const locale = adminLocaleFromRequest(request);
  const t = translator(locale);
  const { shop: _shop, saved, termsVersion, version, ...stored } = await getShopSettings({
    shop: session.shop,
    defaults: () => fetchShopProfile(admin.graphql),
  });
  const closureWindow = dateWindows(localToday(stored.timezone)).closureDay;
  // Closure days over a year old no longer move any date; leaving them out keeps the form saveable
  // (a save accepts closure days from a year ago to three years ahead).
  const settings = { ...stored, closureDays: stored.closureDays.filter((day) => day >= closureWindow.min) };
  return json({
    locale,
    settings,
    saved,
    termsVersion,
    version,
    closureWindow,
    options: calendarOptions(locale, settings),
    limits: { maxDays: MAX_DAYS, maxTermsLength: MAX_TERMS_LENGTH, slipDays: MIN_SLIP_DAYS },
    text: settingsText(t),
    termsDescription: t("settings.terms.description", { version: termsVersion }),
  });
};

type ActionResult =
  | { ok: true; message: string }
  | { ok: false; banner: string; errors: Partial<Record<string, string>>; conflictWith?: number | null }
  /** Nothing saved: the new settings would email customers; the page asks first (confirmDateChanges=1). */
  | { ok: false; confirm: DateChangePreview };

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const t = translator(adminLocaleFromRequest(request));
  const form = await readFormData(request);
  const current = await getShopSettings({ shop: session.shop });
  const version = parseSettingsVersion(form);
  if (version === undefined) {
    return json<ActionResult>({ ok: false, banner: t("settings.error.version"), errors: {} }, { status: 400 });
  }
  // Dates are judged in the shop's timezone as saved (a timezone change applies from this save on).
  const parsed = parseSettingsForm(form, { today: localToday(current.timezone) });
  if (!parsed.success) {
    return json<ActionResult>(
      { ok: false, banner: t("settings.banner.invalid"), errors: translateErrors(parsed.errors, t) },
      { status: 400 },
    );
  }
  const conflict = () =>
    json<ActionResult>({ ok: false, banner: t("settings.banner.conflict"), errors: {}, conflictWith: version }, { status: 409 });
  // Someone saved since this form was loaded: refuse before anything reaches Shopify.
  if (version !== null && version !== current.version) return conflict();

  const settings = parsed.data;
  // Margins, lead time, calendar and delivery modes move promised dates: say whom it would email first.
  if (form.get("confirmDateChanges") !== "1") {
    const preview = await previewDateChanges({ shop: session.shop, now: new Date(), settings: toEtaShopSettings({ ...current, ...settings }) });
    if (preview.delayed + preview.earlier > 0) return json<ActionResult>({ ok: false, confirm: preview }, { status: 409 });
  }
  try {
    const profile = await fetchShopProfile(admin.graphql);
    // The storefront may read the terms only once their definition grants it (idempotent).
    await ensureShopTermsDefinition(createAdminClient(admin.graphql));
    const published = await publishShopTerms(admin.graphql, {
      shopId: profile.id,
      value: {
        termsVersion: nextTermsVersion(current, settings.terms),
        enabledModes: enabledModes(settings),
        terms: settings.terms,
      },
    });
    if (!published.ok) {
      const message = published.userErrors.map((e) => e.message).join(" ");
      return json<ActionResult>(
        { ok: false, banner: t("settings.banner.shopifyRejected", { message }), errors: {} },
        { status: 422 },
      );
    }
  } catch (error) {
    if (error instanceof GraphqlQueryError || error instanceof HttpResponseError) {
      return json<ActionResult>({ ok: false, banner: t("settings.banner.shopifyUnavailable"), errors: {} }, { status: 502 });
    }
    throw error;
  }

  const saved = await saveShopSettingsAtVersion({ shop: session.shop, settings, version });
  // Lost a race with a save that landed after the check above: nothing of ours was stored.
  if (!saved.ok) return conflict();
  // Margins, calendars, delivery modes and the terms version change every promise: a background job
  // recomputes them (telling customers whose date slipped) and republishes the storefront summaries.
  await enqueueShopRecompute({ shop: session.shop });
  return json<ActionResult>({ ok: true, message: t("settings.toast.saved") });
};

function translateErrors(errors: SettingsFieldErrors, t: Translate): Partial<Record<string, string>> {
  return Object.fromEntries(
    Object.entries(errors).flatMap(([path, key]) => (key ? [[path, t(key)]] : [])),
  );
}

// ---- the page ----------------------------------------------------------------------------------------

const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;
const TERMS_LOCALES: readonly TermsLocale[] = ["en", "fr"];
const TERMS_FIELDS: readonly TermsField[] = ["payment", "shipping", "cancellation"];
const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

interface ModeState {
  enabled: boolean;
  processingDays: string;
  transitMinDays: string;
  transitMaxDays: string;
}

interface FormState {
  safetyMarginDays: string;
  defaultLeadTimeDays: string;
  cutoffTime: string;
  timezone: string;
  holidayCountry: string;
  holidayRegion: string;
  workingDays: string[];
  closureDays: string[];
  deliveryModes: Record<DeliveryMode, ModeState>;
  terms: Record<TermsLocale, Record<TermsField, string>>;
  delayMinSlipDays: string;
  earlierDateEmails: boolean;
  fulfillmentMode: string;
}

function toFormState(settings: SettingsValues): FormState {
  const mode = (m: DeliveryMode): ModeState => {
    const s = settings.deliveryModes[m];
    return {
      enabled: s.enabled,
      processingDays: String(s.processingDays),
      transitMinDays: String(s.transitMinDays),
      transitMaxDays: String(s.transitMaxDays),
    };
  };
  return {
    safetyMarginDays: String(settings.safetyMarginDays),
    defaultLeadTimeDays: String(settings.defaultLeadTimeDays),
    cutoffTime: settings.cutoffTime,
    timezone: settings.timezone,
    holidayCountry: settings.holidayCountry,
    holidayRegion: settings.holidayRegion ?? "",
    workingDays: settings.workingDays.map(String),
    closureDays: [...settings.closureDays],
    deliveryModes: { standard: mode("standard"), express: mode("express"), pickup: mode("pickup") },
    terms: { en: { ...settings.terms.en }, fr: { ...settings.terms.fr } },
    delayMinSlipDays: String(settings.delayMinSlipDays),
    earlierDateEmails: settings.earlierDateEmails,
    fulfillmentMode: settings.fulfillmentMode,
  };
}

export default function SettingsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const shopify = useAppBridge();
  // One toast per save: here, above the form that remounts after a save, so a remount never repeats it.
  const toasted = useRef<unknown>(null);
  useEffect(() => {
    if (!actionData?.ok || toasted.current === actionData) return;
    toasted.current = actionData;
    shopify.toast.show(actionData.message);
  }, [actionData, shopify]);
  // A save reloads the loader data; remounting the form shows exactly what was stored.
  return <SettingsForm key={JSON.stringify([data.settings, data.termsVersion, data.version])} />;
}

function SettingsForm() {
  const { locale, settings, saved, version, closureWindow, options, limits, text, termsDescription } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);

  const [form, setForm] = useState<FormState>(() => toFormState(settings));
  const [newClosure, setNewClosure] = useState("");
  const [closureError, setClosureError] = useState<string | undefined>();

  const saving = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  const actionErrors: Partial<Record<string, string>> = actionData && !actionData.ok && "errors" in actionData ? actionData.errors : {};
  const failure = actionData && !actionData.ok && "banner" in actionData ? actionData : null;
  const ask = useDateChangeConfirm({
    submitting: navigation.formData,
    idle: navigation.state === "idle",
    result: actionData,
    resubmit: (data) => submit(data, { method: "post" }),
  });
  const { t } = useT();

  // Unsaved edits: App Bridge's save bar, and a leave confirmation (app.tsx) while it shows.
  const saved_ = useMemo(() => toFormState(settings), [settings]);
  const dirty = JSON.stringify(form) !== JSON.stringify(saved_);
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
  const discard = () => {
    setForm(saved_);
    setNewClosure("");
    setClosureError(undefined);
  };

  const addClosure = () => {
    if (!ISO_DATE_RE.test(newClosure)) {
      setClosureError(text["settings.error.closureDay"]);
      return;
    }
    if (newClosure < closureWindow.min || newClosure > closureWindow.max) {
      setClosureError(text["settings.error.closureDayRange"]);
      return;
    }
    setClosureError(undefined);
    setForm((f) => ({ ...f, closureDays: [...new Set([...f.closureDays, newClosure])].sort() }));
    setNewClosure("");
  };

  const regions = options.regions[form.holidayCountry] ?? [];
  const daysField = (name: string, label: string, value: string, onChange: (v: string) => void, helpText?: string) => (
    <TextField
      label={label}
      name={name}
      type="number"
      min={0}
      max={limits.maxDays}
      step={1}
      suffix={text["settings.days"]}
      value={value}
      onChange={onChange}
      helpText={helpText}
      error={errors[name]}
      autoComplete="off"
    />
  );

  return (
    <Page>
      <TitleBar title={text["settings.title"]}>
        <button variant="primary" loading={saving ? "" : undefined} onClick={() => formRef.current && submit(formRef.current)}>
          {text["settings.save"]}
        </button>
      </TitleBar>
      <UnsavedChanges id="settings-save-bar" dirty={dirty} saving={saving} onSave={() => formRef.current && submit(formRef.current)} onDiscard={discard} />
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
            <Layout.AnnotatedSection title={text["settings.promises.title"]} description={text["settings.promises.description"]}>
              <Card>
                <FormLayout>
                  {daysField(
                    "safetyMarginDays",
                    text["settings.safetyMarginDays.label"],
                    form.safetyMarginDays,
                    (v) => update({ safetyMarginDays: v }),
                    text["settings.safetyMarginDays.help"],
                  )}
                  {daysField(
                    "defaultLeadTimeDays",
                    text["settings.defaultLeadTimeDays.label"],
                    form.defaultLeadTimeDays,
                    (v) => update({ defaultLeadTimeDays: v }),
                    text["settings.defaultLeadTimeDays.help"],
                  )}
                </FormLayout>
              </Card>
            </Layout.AnnotatedSection>

            <Layout.AnnotatedSection title={text["settings.changes.title"]} description={text["settings.changes.description"]}>
              <Card>
                <FormLayout>
                  <TextField
                    label={text["settings.delayMinSlipDays.label"]}
                    name="delayMinSlipDays"
                    type="number"
                    min={limits.slipDays.min}
                    max={limits.slipDays.max}
                    step={1}
                    suffix={text["settings.days"]}
                    value={form.delayMinSlipDays}
                    onChange={(v) => update({ delayMinSlipDays: v })}
                    helpText={text["settings.delayMinSlipDays.help"]}
                    error={errors.delayMinSlipDays}
                    autoComplete="off"
                  />
                  <Checkbox
                    id="earlierDateEmails"
                    name="earlierDateEmails"
                    value="true"
                    label={text["settings.earlierDateEmails.label"]}
                    helpText={text["settings.earlierDateEmails.help"]}
                    checked={form.earlierDateEmails}
                    onChange={(checked) => update({ earlierDateEmails: checked })}
                  />
                  <ChoiceList
                    name="fulfillmentModeChoice"
                    title={text["settings.fulfillmentMode.label"]}
                    choices={FULFILLMENT_MODES.map((mode) => ({
                      value: mode,
                      label: text[`settings.fulfillmentMode.${mode}`],
                      helpText: text[`settings.fulfillmentMode.${mode}.help`],
                    }))}
                    selected={[form.fulfillmentMode]}
                    onChange={([mode]) => update({ fulfillmentMode: mode ?? "ship_available" })}
                    error={errors.fulfillmentMode}
                  />
                  <input type="hidden" name="fulfillmentMode" value={form.fulfillmentMode} />
                </FormLayout>
              </Card>
            </Layout.AnnotatedSection>

            <Layout.AnnotatedSection title={text["settings.delivery.title"]} description={text["settings.delivery.description"]}>
              <BlockStack gap="400">
                {errors.deliveryModes ? (
                  <InlineError message={errors.deliveryModes} fieldID="deliveryModes.standard.enabled" />
                ) : null}
                {DELIVERY_MODES.map((mode) => {
                  const state = form.deliveryModes[mode];
                  const prefix = `deliveryModes.${mode}`;
                  return (
                    <Card key={mode}>
                      <BlockStack gap="300">
                        <Text as="h3" variant="headingSm">
                          {text[`settings.mode.${mode}`]}
                        </Text>
                        <Checkbox
                          id={`${prefix}.enabled`}
                          name={`${prefix}.enabled`}
                          value="true"
                          label={text["settings.mode.enabled"]}
                          checked={state.enabled}
                          onChange={(checked) => updateMode(mode, { enabled: checked })}
                        />
                        <FormLayout>
                          <FormLayout.Group condensed>
                            {daysField(
                              `${prefix}.processingDays`,
                              text["settings.mode.processingDays"],
                              state.processingDays,
                              (v) => updateMode(mode, { processingDays: v }),
                              text["settings.mode.processingDays.help"],
                            )}
                            {mode === "pickup"
                              ? null
                              : daysField(
                                  `${prefix}.transitMinDays`,
                                  text["settings.mode.transitMinDays"],
                                  state.transitMinDays,
                                  (v) => updateMode(mode, { transitMinDays: v }),
                                )}
                            {mode === "pickup"
                              ? null
                              : daysField(
                                  `${prefix}.transitMaxDays`,
                                  text["settings.mode.transitMaxDays"],
                                  state.transitMaxDays,
                                  (v) => updateMode(mode, { transitMaxDays: v }),
                                )}
                          </FormLayout.Group>
                          {mode === "pickup" ? (
                            <Text as="p" tone="subdued">
                              {text["settings.mode.pickupHelp"]}
                            </Text>
                          ) : null}
                        </FormLayout>
                      </BlockStack>
                    </Card>
                  );
                })}
              </BlockStack>
            </Layout.AnnotatedSection>

            <Layout.AnnotatedSection title={text["settings.calendar.title"]} description={text["settings.calendar.description"]}>
              <Card>
                <FormLayout>
                  <TextField
                    label={text["settings.cutoffTime.label"]}
                    name="cutoffTime"
                    type="time"
                    value={form.cutoffTime}
                    onChange={(v) => update({ cutoffTime: v })}
                    helpText={text["settings.cutoffTime.help"]}
                    error={errors.cutoffTime}
                    autoComplete="off"
                  />
                  <Select
                    label={text["settings.timezone.label"]}
                    name="timezone"
                    options={options.timeZones}
                    value={form.timezone}
                    onChange={(v) => update({ timezone: v })}
                    error={errors.timezone}
                  />
                  <FormLayout.Group>
                    <Select
                      label={text["settings.holidayCountry.label"]}
                      name="holidayCountry"
                      options={options.countries}
                      value={form.holidayCountry}
                      onChange={(v) => update({ holidayCountry: v, holidayRegion: "" })}
                      helpText={text["settings.holidayCountry.help"]}
                      error={errors.holidayCountry}
                    />
                    <Select
                      label={text["settings.holidayRegion.label"]}
                      name="holidayRegion"
                      options={[{ value: "", label: text["settings.holidayRegion.none"] }, ...regions]}
                      value={form.holidayRegion}
                      onChange={(v) => update({ holidayRegion: v })}
                      disabled={regions.length === 0}
                      helpText={text["settings.holidayRegion.help"]}
                      error={errors.holidayRegion}
                    />
                  </FormLayout.Group>
                  <ChoiceList
                    allowMultiple
                    name="workingDaysChoice"
                    title={text["settings.workingDays.label"]}
                    choices={WEEKDAYS.map((day) => ({ value: day, label: text[`settings.weekday.${day}`] }))}
                    selected={form.workingDays}
                    onChange={(selected) => update({ workingDays: [...selected].sort() })}
                    error={errors.workingDays}
                  />
                  {form.workingDays.map((day) => (
                    <input key={day} type="hidden" name="workingDays" value={day} />
                  ))}
                </FormLayout>
              </Card>
            </Layout.AnnotatedSection>

            <Layout.AnnotatedSection title={text["settings.closures.title"]} description={text["settings.closures.description"]}>
              <Card>
                <BlockStack gap="300">
                  {/* Enter adds the date instead of submitting the whole form. */}
                  <div
                    onKeyDown={(event) => {
                      if (event.key === "Enter") {
                        event.preventDefault();
                        addClosure();
                      }
                    }}
                  >
                    <TextField
                      label={text["settings.closures.add.label"]}
                      type="date"
                      min={closureWindow.min}
                      max={closureWindow.max}
                      value={newClosure}
                      onChange={(v) => {
                        setNewClosure(v);
                        setClosureError(undefined);
                      }}
                      helpText={text["settings.closures.add.help"]}
                      error={closureError ?? errors.closureDays}
                      autoComplete="off"
                      connectedRight={<Button onClick={addClosure}>{text["settings.closures.add.button"]}</Button>}
                    />
                  </div>
                  {form.closureDays.length === 0 ? (
                    <Text as="p" tone="subdued">
                      {text["settings.closures.empty"]}
                    </Text>
                  ) : (
                    <InlineStack gap="200" as="ul" aria-label={text["settings.closures.list"]}>
                      {form.closureDays.map((day) => (
                        <li key={day} style={{ listStyle: "none" }}>
                          <Tag onRemove={() => update({ closureDays: form.closureDays.filter((d) => d !== day) })}>{day}</Tag>
                        </li>
                      ))}
                    </InlineStack>
                  )}
                  {form.closureDays.map((day) => (
                    <input key={day} type="hidden" name="closureDays" value={day} />
                  ))}
                </BlockStack>
              </Card>
            </Layout.AnnotatedSection>

            {TERMS_LOCALES.map((locale) => (
              <Layout.AnnotatedSection
                key={locale}
                title={text[`settings.terms.title.${locale}`]}
                description={termsDescription}
              >
                <Card>
                  <FormLayout>
                    {TERMS_FIELDS.map((field) => {
                      const name = `terms.${locale}.${field}`;
                      return (
                        <TextField
                          key={field}
                          label={text[`settings.terms.${field}.label`]}
                          name={name}
                          multiline={3}
                          maxLength={limits.maxTermsLength}
                          showCharacterCount
                          value={form.terms[locale][field]}
                          onChange={(v) => updateTerms(locale, field, v)}
                          helpText={text[`settings.terms.${field}.help`]}
                          error={errors[name]}
                          autoComplete="off"
                        />
                      );
                    })}
                  </FormLayout>
                </Card>
              </Layout.AnnotatedSection>
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

// The form of Settings → Deposits and pay later: the default option (as on a variant's payment card) and
// the shopper texts in English and French, each with its error next to it.
import { useEffect, useRef } from "react";
import { Form, useActionData, useLoaderData, useNavigate, useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, Layout, Page, PageActions, Select, Text, TextField } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import type { action, loader } from "~/routes/app.settings_.payments";
import { useT } from "~/i18n/react";
import { UnsavedChanges } from "~/components/UnsavedChanges";
import { useFormValues } from "~/components/useFormValues";
import { PaymentOptionFields } from "~/components/payments/PaymentOptionFields";

const TEXT_KEYS = ["deposit", "payLater", "balanceOnReady", "balanceOnDate", "description"] as const;
const LOCALES = ["en", "fr"] as const;

function flatten(data: ReturnType<typeof useLoaderData<typeof loader>>): Record<string, string> {
  const values: Record<string, string> = { ...data.fields, checkoutLocale: data.checkoutLocale };
  for (const locale of LOCALES) for (const key of TEXT_KEYS) values[`texts.${locale}.${key}`] = data.texts[locale][key];
  return values;
}

export function PaymentSettingsForm() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useT();
  const navigate = useNavigate();
  const submit = useSubmit();
  const shopify = useAppBridge();
  const saving = useNavigation().state === "submitting";
  const stored = flatten(data);
  const { values, dirty, errors, field, discard } = useFormValues(stored, result && !result.ok ? result.errors : {}, result);
  const formRef = useRef<HTMLFormElement>(null);
  const toasted = useRef<unknown>(null);
  useEffect(() => {
    if (!result?.ok || toasted.current === result) return;
    toasted.current = result;
    shopify.toast.show(result.message, { isError: result.refused });
  }, [result, shopify]);
  const save = () => formRef.current && submit(formRef.current);

  return (
    <Page backAction={{ content: t("payments.settings.back"), onAction: () => navigate("/app/settings") }}>
      <TitleBar title={t("payments.settings.title")} />
      <UnsavedChanges id="payment-settings-save-bar" dirty={dirty} saving={saving} onSave={save} onDiscard={discard} />
      <Form method="post" ref={formRef} noValidate>
        <input type="hidden" name="version" value={data.version} />
        <BlockStack gap="500">
          {errors.form && <Banner tone="critical">{errors.form}</Banner>}
          <Text as="p" tone="subdued">
            {t("payments.settings.description")}
          </Text>
          <Layout>
            <Layout.AnnotatedSection title={t("payments.settings.default.title")}>
              <Card>
                <FormLayout>
                  <PaymentOptionFields values={values} field={field} t={t} currency={data.currency} today={data.today} />
                  {data.preview && !dirty && <Text as="p">{t("payments.preview", { name: data.preview })}</Text>}
                </FormLayout>
              </Card>
            </Layout.AnnotatedSection>
            <Layout.AnnotatedSection title={t("payments.settings.texts.title")} description={t("payments.settings.texts.description")}>
              <Card>
                <FormLayout>
                  <Select
                    label={t("payments.settings.checkoutLocale.label")}
                    helpText={t("payments.settings.checkoutLocale.help")}
                    options={LOCALES.map((l) => ({ value: l, label: t(`payments.settings.locale.${l}`) }))}
                    {...field("checkoutLocale")}
                  />
                  {LOCALES.map((locale) => (
                    <BlockStack key={locale} gap="200">
                      <Text as="h3" variant="headingSm">
                        {t(`payments.settings.locale.${locale}`)}
                      </Text>
                      {TEXT_KEYS.map((key) => (
                        <TextField
                          key={key}
                          label={t(`payments.settings.text.${key}`)}
                          maxLength={data.textLength}
                          multiline={key === "description" ? 2 : undefined}
                          {...field(`texts.${locale}.${key}`)}
                        />
                      ))}
                    </BlockStack>
                  ))}
                </FormLayout>
              </Card>
            </Layout.AnnotatedSection>
          </Layout>
          <PageActions
            primaryAction={
              <Button submit variant="primary" loading={saving}>
                {t("payments.settings.save")}
              </Button>
            }
          />
        </BlockStack>
      </Form>
    </Page>
  );
}

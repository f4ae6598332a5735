// A variant's payment option for backorders (issue 15): full payment, a deposit (percentage or amount) with
// the balance when ready or on a date, pay later, or the shop default; whether Shopify offers it at checkout.
import { useRef } from "react";
import { useFetcher } from "@remix-run/react";
import type { SerializeFrom } from "@remix-run/node";
import { Banner, BlockStack, Button, Card, FormLayout, InlineStack, Text } from "@shopify/polaris";
import type { action, loader } from "~/routes/app.products.$id";
import { UnsavedChanges } from "~/components/UnsavedChanges";
import { PaymentOptionFields } from "~/components/payments/PaymentOptionFields";
import { useFormValues } from "~/components/useFormValues";
import { ConflictBanner, errorsOf, useResultToast, type CardProps, type ReloadProps } from "./shared";

type Payment = SerializeFrom<typeof loader>["payment"];

export function PaymentOptionCard({ editor, t, payment, onReload, reloading }: Omit<CardProps, "locale"> & ReloadProps & { payment: Payment }) {
  const fetcher = useFetcher<typeof action>();
  useResultToast(fetcher);
  const stored = payment.fields;
  const { values, dirty, errors, field, discard } = useFormValues(stored, errorsOf(fetcher), fetcher.data);
  const formRef = useRef<HTMLFormElement>(null);
  const defaultLabel = t(payment.defaultOption.key, payment.defaultOption.params);

  return (
    <Card>
      <UnsavedChanges
        id="variant-payment-save-bar"
        dirty={dirty}
        saving={fetcher.state !== "idle"}
        onSave={() => formRef.current && fetcher.submit(formRef.current)}
        onDiscard={discard}
      />
      <fetcher.Form method="post" ref={formRef} noValidate>
        <input type="hidden" name="intent" value="save-payment" />
        <input type="hidden" name="variantId" value={editor.variant.id} />
        <input type="hidden" name="paymentVersion" value={payment.version} />
        <BlockStack gap="400">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              {t("payments.card.title")}
            </Text>
            <Text as="p" tone="subdued">
              {t("payments.card.description")}
            </Text>
          </BlockStack>
          <ConflictBanner message={errors.form} t={t} onReload={onReload} reloading={reloading} />
          {payment.syncError && <Banner tone="critical">{payment.syncError}</Banner>}
          {payment.datePassed && <Banner tone="warning">{t("payments.datePassed")}</Banner>}
          <FormLayout>
            <PaymentOptionFields values={values} field={field} t={t} currency={payment.currency} today={payment.today} defaultOptionLabel={defaultLabel} amountHelp />
          </FormLayout>
          {payment.preview && !dirty && <Text as="p">{t("payments.preview", { name: payment.preview })}</Text>}
          {payment.preview && !dirty && (
            <Text as="p" tone="subdued">
              {payment.attached ? t("payments.attached") : t("payments.notAttached")}
            </Text>
          )}
          <InlineStack align="end">
            <Button submit variant="primary" loading={fetcher.state !== "idle"}>
              {t("payments.save")}
            </Button>
          </InlineStack>
        </BlockStack>
      </fetcher.Form>
    </Card>
  );
}

// A variant's payment option for backorders (issue 15): full payment, a deposit (percentage or amount) with
// the balance when ready or on a date, pay later, or the shop default; whether Shopify offers it at checkout.
import { useRef, useState } from "react";
import { useFetcher } from "@remix-run/react";
import type { SerializeFrom } from "@remix-run/node";
import { Banner, BlockStack, Button, Card, FormLayout, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import type { action, loader } from "~/routes/app.products.$id";
import { UnsavedChanges } from "~/components/UnsavedChanges";
import { useFieldErrors } from "~/components/useFieldErrors";
import { ConflictBanner, errorsOf, useResultToast, type CardProps, type ReloadProps } from "./shared";

type Payment = SerializeFrom<typeof loader>["payment"];

export function PaymentOptionCard({ editor, t, payment, onReload, reloading }: Omit<CardProps, "locale"> & ReloadProps & { payment: Payment }) {
  const fetcher = useFetcher<typeof action>();
  useResultToast(fetcher);
  const stored = payment.fields;
  const [values, setValues] = useState(stored);
  const dirty = JSON.stringify(values) !== JSON.stringify(stored);
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, touch } = useFieldErrors(errorsOf(fetcher), fetcher.data);
  const field = (name: keyof typeof values) => ({
    name,
    value: values[name],
    onChange: (value: string) => {
      touch(name);
      setValues((v) => ({ ...v, [name]: value }));
    },
    error: errors[name],
    autoComplete: "off",
  });
  const kind = values.paymentKind;
  const defaultLabel = t(payment.defaultOption.key, payment.defaultOption.params);

  return (
    <Card>
      <UnsavedChanges
        id="variant-payment-save-bar"
        dirty={dirty}
        saving={fetcher.state !== "idle"}
        onSave={() => formRef.current && fetcher.submit(formRef.current)}
        onDiscard={() => setValues(stored)}
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
            <Select
              label={t("payments.kind.label")}
              options={[
                { value: "default", label: t("payments.kind.default", { option: defaultLabel }) },
                { value: "full", label: t("payments.kind.full") },
                { value: "deposit", label: t("payments.kind.deposit") },
                { value: "pay_later", label: t("payments.kind.pay_later") },
              ]}
              {...field("paymentKind")}
            />
            {kind === "deposit" && (
              <FormLayout.Group>
                <Select
                  label={t("payments.checkoutType.label")}
                  options={[
                    { value: "percentage", label: t("payments.checkoutType.percentage") },
                    { value: "price", label: t("payments.checkoutType.price") },
                  ]}
                  {...field("checkoutType")}
                />
                {values.checkoutType === "price" ? (
                  <TextField label={t("payments.checkoutAmount.label", { currency: payment.currency })} helpText={t("payments.checkoutAmount.help")} inputMode="decimal" {...field("checkoutAmount")} />
                ) : (
                  <TextField label={t("payments.checkoutPercent.label")} helpText={t("payments.checkoutPercent.help")} type="number" min={1} max={99} {...field("checkoutPercent")} />
                )}
              </FormLayout.Group>
            )}
            {(kind === "deposit" || kind === "pay_later") && (
              <FormLayout.Group>
                <Select
                  label={t("payments.balanceTrigger.label")}
                  options={[
                    { value: "on_ready", label: t("payments.balanceTrigger.on_ready") },
                    { value: "on_date", label: t("payments.balanceTrigger.on_date") },
                  ]}
                  {...field("balanceTrigger")}
                />
                {values.balanceTrigger === "on_date" && <TextField label={t("payments.balanceDueOn.label")} type="date" min={payment.today} {...field("balanceDueOn")} />}
              </FormLayout.Group>
            )}
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

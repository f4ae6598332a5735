// A variant's backorder settings: mode, cap, lead time, weekly capacity, selling window and shopper messages,
// with its stock, Shopify's inventory policy and the sell-out forecast above the form.
import { useRef } from "react";
import { useFetcher } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, FormLayout, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import type { action } from "~/routes/app.products.$id";
import { formatDate } from "~/domain/format";
import { DateChangeConfirm } from "~/components/DateChangeConfirm";
import { UnsavedChanges } from "~/components/UnsavedChanges";
import { useFormValues } from "~/components/useFormValues";
import { ConflictBanner, errorsOf, useConfirmFor, useResultToast, type CardProps, type ReloadProps } from "./shared";

const MODES = ["off", "when_sold_out", "always"] as const;

export function VariantSettingsCard({ editor, t, locale, onReload, reloading }: CardProps & ReloadProps) {
  const fetcher = useFetcher<typeof action>();
  useResultToast(fetcher);
  const confirm = useConfirmFor(fetcher, t, locale);
  const s = editor.settings;
  const stored = {
    mode: s.mode,
    cap: s.cap?.toString() ?? "",
    leadTimeDays: s.leadTimeDays?.toString() ?? "",
    capacityPerWeek: s.capacityPerWeek?.toString() ?? "",
    startsOn: s.startsOn ?? "",
    endsOn: s.endsOn ?? "",
    messageEn: s.messageEn ?? "",
    messageFr: s.messageFr ?? "",
  };
  const { dirty, errors, field, discard } = useFormValues(stored, errorsOf(fetcher), fetcher.data);
  const formRef = useRef<HTMLFormElement>(null);
  const sellingWindow = editor.dateBounds.sellingWindow;

  return (
    <Card>
      <UnsavedChanges
        id="variant-settings-save-bar"
        dirty={dirty}
        saving={fetcher.state !== "idle"}
        onSave={() => formRef.current && fetcher.submit(formRef.current)}
        onDiscard={discard}
      />
      {/* noValidate: the action checks the limits and states them next to the field (no browser bubble). */}
      <fetcher.Form method="post" ref={formRef} noValidate>
        <input type="hidden" name="intent" value="save-variant" />
        <input type="hidden" name="variantId" value={editor.variant.id} />
        <input type="hidden" name="version" value={editor.settings.version} />
        <BlockStack gap="400">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              {t("product.settings.title")}
            </Text>
            <Text as="p" tone="subdued">
              {t("product.settings.description")}
            </Text>
            {editor.forecast && (
              <Text as="p" tone={editor.forecast.daysOfCover !== null && editor.forecast.daysOfCover < 14 ? "caution" : "subdued"}>
                {editor.forecast.sellOutDate
                  ? t("product.forecast.sellOut", {
                      rate: editor.forecast.velocityPerDay.toFixed(1),
                      days: editor.forecast.windowDays,
                      date: formatDate(editor.forecast.sellOutDate, locale),
                    })
                  : t("product.forecast.noSales", { days: editor.forecast.windowDays })}
              </Text>
            )}
            <InlineStack gap="200">
              <Text as="span">{t("product.stock", { count: editor.variant.available })}</Text>
              <Badge tone={editor.variant.inventoryPolicy === "CONTINUE" ? "info" : undefined}>
                {t(`product.policy.${editor.variant.inventoryPolicy}`)}
              </Badge>
            </InlineStack>
          </BlockStack>
          <ConflictBanner message={errors.form} t={t} onReload={onReload} reloading={reloading} />
          {editor.sync.error && <Banner tone="critical">{editor.sync.error}</Banner>}
          <FormLayout>
            <Select
              label={t("product.mode")}
              helpText={t("product.mode.help")}
              options={MODES.map((mode) => ({ value: mode, label: t(`products.mode.${mode}`) }))}
              {...field("mode")}
            />
            <FormLayout.Group>
              <TextField label={t("product.cap")} type="number" min={1} helpText={t("product.cap.help")} {...field("cap")} />
              <TextField
                label={t("product.leadTime")}
                type="number"
                min={0}
                helpText={t("product.leadTime.help", { count: editor.defaultLeadTimeDays })}
                {...field("leadTimeDays")}
              />
              <TextField label={t("product.capacity")} type="number" min={1} helpText={t("product.capacity.help")} {...field("capacityPerWeek")} />
            </FormLayout.Group>
            <FormLayout.Group>
              <TextField label={t("product.startsOn")} type="date" min={sellingWindow.min} max={sellingWindow.max} {...field("startsOn")} />
              <TextField label={t("product.endsOn")} type="date" min={sellingWindow.min} max={sellingWindow.max} {...field("endsOn")} />
            </FormLayout.Group>
            <TextField label={t("product.messageEn")} multiline={2} maxLength={300} showCharacterCount helpText={t("product.message.help")} {...field("messageEn")} />
            <TextField label={t("product.messageFr")} multiline={2} maxLength={300} showCharacterCount helpText={t("product.message.help")} {...field("messageFr")} />
          </FormLayout>
          <DateChangeConfirm {...confirm} />
          <InlineStack align="end">
            <Button submit variant="primary" loading={fetcher.state !== "idle"}>
              {t("product.save")}
            </Button>
          </InlineStack>
        </BlockStack>
      </fetcher.Form>
    </Card>
  );
}

// The fields of one backorder payment option (issue 15), shared by a variant's payment card and the shop
// default in Settings: the kind, a deposit's charge at checkout (percentage or amount), and when the balance
// is charged (when ready, or on a date). The caller owns the values, their errors and how they are saved.
import { FormLayout, Select, TextField } from "@shopify/polaris";
import type { ClientTranslate } from "~/i18n/react";

/** What a caller's `field(name)` gives each input: its name, value, change handler and error. */
export interface FieldProps {
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  autoComplete: string;
}

export function PaymentOptionFields({
  values,
  field,
  t,
  currency,
  today,
  defaultOptionLabel,
  amountHelp = false,
}: {
  values: Record<string, string | undefined>;
  field: (name: "paymentKind" | "checkoutType" | "checkoutAmount" | "checkoutPercent" | "balanceTrigger" | "balanceDueOn") => FieldProps;
  t: ClientTranslate;
  currency: string;
  /** The shop's today (YYYY-MM-DD): the earliest balance date offered. */
  today: string;
  /** On a variant: the shop default's label, offered as "Shop default (…)"; absent in Settings, which sets it. */
  defaultOptionLabel?: string;
  /** Say that a fixed deposit must stay below the variant's price (a variant has one price; the shop many). */
  amountHelp?: boolean;
}) {
  const kind = values.paymentKind;
  return (
    <>
      <Select
        label={t("payments.kind.label")}
        options={[
          ...(defaultOptionLabel === undefined ? [] : [{ value: "default", label: t("payments.kind.default", { option: defaultOptionLabel }) }]),
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
            <TextField
              label={t("payments.checkoutAmount.label", { currency })}
              helpText={amountHelp ? t("payments.checkoutAmount.help") : undefined}
              inputMode="decimal"
              {...field("checkoutAmount")}
            />
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
          {values.balanceTrigger === "on_date" && <TextField label={t("payments.balanceDueOn.label")} type="date" min={today} {...field("balanceDueOn")} />}
        </FormLayout.Group>
      )}
    </>
  );
}

// A deposit or pay-later order on the support desk (ADR 015): what was paid at checkout, what is still owed,
// when the balance is charged, and why a charge was declined.
import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { useT } from "~/i18n/react";

export interface PaymentView {
  status: string;
  paid: string;
  outstanding: string;
  charged: string | null;
  refunded: string | null;
  dueOn: string | null;
  failure: string | null;
}

const TONE: Record<string, "success" | "critical" | "attention" | undefined> = { collected: "success", failed: "critical", charging: "attention" };

export function PaymentCard({ payment }: { payment: PaymentView }) {
  const { t } = useT();
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("support.payment.title")}
          </Text>
          <Badge tone={TONE[payment.status]}>{t(`support.payment.status.${payment.status}`)}</Badge>
        </InlineStack>
        <Text as="p">{t("support.payment.paid", { amount: payment.paid })}</Text>
        {payment.charged ? (
          <Text as="p">{t("support.payment.charged", { amount: payment.charged })}</Text>
        ) : (
          <Text as="p">
            {payment.dueOn ? t("support.payment.dueOn", { amount: payment.outstanding, date: payment.dueOn }) : t("support.payment.dueReady", { amount: payment.outstanding })}
          </Text>
        )}
        {payment.refunded && <Text as="p">{t("support.payment.refunded", { amount: payment.refunded })}</Text>}
        {payment.failure && (
          <Text as="p" tone="critical">
            {t("support.payment.failure", { message: payment.failure })}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

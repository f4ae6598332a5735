// The order page's "Compensate" card: a single-use discount code (percentage or fixed amount, with its
// validity), store credit, or a gift noted on the Shopify order, prefilled with the shop's default offer and
// checked by the server against the shop's limits. The form carries a one-time key (a resubmitted form gives
// once). A Shopify refusal shows in the card. The proposal banner fills the form with the shop's rule's
// offer; it never sends anything by itself.
import { useEffect, useState } from "react";
import { Banner, BlockStack, Button, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { COMPENSATION_KINDS, defaultOffer, minorToDecimal, type CompensationPolicy, type Offer } from "~/domain/compensation";
import { useT } from "~/i18n/react";
import { ActionCard, newKey, useAction } from "./OrderActions";

interface Draft {
  kind: string;
  percentage: string;
  amount: string;
  expiryDays: string;
  note: string;
}

function draftOf(offer: Offer, policy: CompensationPolicy): Draft {
  return {
    kind: offer.kind,
    percentage: String(offer.kind === "discount_percentage" ? offer.percentage : policy.defaultPercent),
    amount: minorToDecimal(offer.kind === "discount_amount" || offer.kind === "store_credit" ? offer.amountMinor : policy.defaultAmountMinor),
    expiryDays: String(offer.kind === "gift_note" ? policy.expiryDays : offer.expiryDays),
    note: offer.kind === "gift_note" ? offer.note : "",
  };
}

/** The proposal, in words ("a 10% discount code"), in the admin's language. */
function useOfferText() {
  const { t, locale } = useT();
  return (offer: Offer) => {
    const value =
      offer.kind === "discount_percentage"
        ? new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(offer.percentage / 100)
        : offer.kind === "gift_note"
          ? ""
          : minorToDecimal(offer.amountMinor);
    return t(`support.compensation.offer.${offer.kind}`, { value });
  };
}

export function ProposalBanner({
  proposal,
  daysLate,
  compensatedOn,
  onUse,
}: {
  proposal: Offer | null;
  daysLate: number;
  compensatedOn: string | null;
  onUse: () => void;
}) {
  const { t } = useT();
  const offerText = useOfferText();
  if (compensatedOn) return <Banner tone="success">{t("support.compensation.compensatedOn", { date: compensatedOn })}</Banner>;
  if (!proposal) return null;
  return (
    <Banner tone="info" title={t("support.compensation.proposed")} action={{ content: t("support.compensation.useProposal"), onAction: onUse }}>
      {t("support.compensation.proposal", { count: daysLate, offer: offerText(proposal) })}
    </Banner>
  );
}

export function CompensateCard({
  version,
  hasEmail,
  policy,
  fill,
}: {
  version: number;
  hasEmail: boolean;
  policy: CompensationPolicy;
  /** An offer to put in the form (the proposal), with a counter so the same offer can be applied again. */
  fill: { offer: Offer; n: number } | null;
}) {
  const { t } = useT();
  const [draft, setDraft] = useState<Draft>(() => draftOf(defaultOffer(policy), policy));
  const [key, setKey] = useState(newKey);
  const { fetcher, errors, busy } = useAction(() => {
    setKey(newKey());
    setDraft(draftOf(defaultOffer(policy), policy));
  });
  useEffect(() => {
    if (fill) setDraft(draftOf(fill.offer, policy));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fill?.n]);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const kind = draft.kind;
  const needsEmail = kind !== "gift_note";
  const submit = () =>
    fetcher.submit(
      { intent: "compensate", version: String(version), submissionKey: key, kind, percentage: draft.percentage, amount: draft.amount, expiryDays: draft.expiryDays, note: draft.note },
      { method: "post" },
    );
  return (
    <ActionCard title={t("support.compensation.title")} errors={errors}>
      <Text as="p" tone="subdued">
        {t("support.compensation.help")}
      </Text>
      {errors.shopify && <Banner tone="critical">{errors.shopify}</Banner>}
      {needsEmail && !hasEmail && <Banner tone="warning">{t("support.error.noEmail")}</Banner>}
      <Select
        label={t("support.compensation.kind")}
        options={COMPENSATION_KINDS.map((k) => ({ value: k, label: t(`support.compensation.kind.${k}`) }))}
        value={kind}
        onChange={(v) => set({ kind: v })}
        error={errors.kind}
      />
      {kind === "discount_percentage" && (
        <TextField label={t("support.compensation.percentage")} type="number" min={1} max={100} suffix="%" value={draft.percentage} onChange={(v) => set({ percentage: v })} error={errors.percentage} autoComplete="off" />
      )}
      {(kind === "discount_amount" || kind === "store_credit") && (
        <TextField label={t("support.compensation.amount")} inputMode="decimal" value={draft.amount} onChange={(v) => set({ amount: v })} error={errors.amount} autoComplete="off" />
      )}
      {kind !== "gift_note" && (
        <TextField
          label={t("support.compensation.expiryDays")}
          type="number"
          min={1}
          max={365}
          suffix={t("support.compensation.days")}
          value={draft.expiryDays}
          onChange={(v) => set({ expiryDays: v })}
          error={errors.expiryDays}
          autoComplete="off"
        />
      )}
      {kind === "gift_note" && (
        <TextField label={t("support.compensation.note")} multiline={2} value={draft.note} onChange={(v) => set({ note: v })} error={errors.note} helpText={t("support.compensation.noteHelp")} autoComplete="off" />
      )}
      <BlockStack gap="100">
        {kind.startsWith("discount") && (
          <Text as="p" tone="subdued" variant="bodySm">
            {t("support.compensation.singleUse")}
          </Text>
        )}
        <Text as="p" tone="subdued" variant="bodySm">
          {t("support.compensation.limits", {
            percent: policy.maxPercent,
            amount: minorToDecimal(policy.maxAmountMinor),
            credit: minorToDecimal(policy.maxStoreCreditMinor),
          })}
        </Text>
      </BlockStack>
      <InlineStack>
        <Button variant="primary" loading={busy} disabled={needsEmail && !hasEmail} onClick={submit}>
          {t("support.compensation.submit")}
        </Button>
      </InlineStack>
    </ActionCard>
  );
}

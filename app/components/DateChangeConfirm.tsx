// "This will email N customers": shown when an admin save would move waiting customers' delivery dates
// (the action answered 409 with `confirm` and wrote nothing). "Save and email" resubmits the same form
// with confirmDateChanges=1. An inline banner rather than a modal, so it works in the demo's App Bridge
// stand-in too; focus moves to it so keyboard and screen-reader users learn of it.
import { useEffect, useMemo, useRef, useState } from "react";
import { Banner, BlockStack, Button, InlineStack, Text } from "@shopify/polaris";

export interface DateChangeCounts {
  /** Customers who would get a delay email. */
  delayed: number;
  /** Customers who would get an earlier-date email (only when that setting is on). */
  earlier: number;
}

type T = (key: string, params?: Record<string, string | number>) => string;

/** The banner's text; `t` picks each sentence's plural form from `count` in the admin's language (i18next). */
export function dateChangeMessages(counts: DateChangeCounts, t: T, _locale?: string) {
  const total = counts.delayed + counts.earlier;
  const sentences = [
    counts.delayed > 0 ? t("dateChanges.delayed", { count: counts.delayed }) : null,
    counts.earlier > 0 ? t("dateChanges.earlier", { count: counts.earlier }) : null,
    t("dateChanges.question"),
  ].filter((s): s is string => s !== null);
  return { title: t("dateChanges.title"), sentences, confirm: t("dateChanges.confirm", { count: total }), cancel: t("dateChanges.cancel") };
}

export function DateChangeConfirm({
  counts,
  t,
  locale,
  onConfirm,
  onCancel,
  loading = false,
}: {
  counts: DateChangeCounts | null;
  t: T;
  locale: string;
  onConfirm: () => void;
  onCancel: () => void;
  loading?: boolean;
}) {
  const ref = useRef<{ focus: () => void }>(null);
  useEffect(() => {
    if (counts) ref.current?.focus();
  }, [counts]);
  if (!counts) return null;
  const text = dateChangeMessages(counts, t, locale);
  return (
    <Banner ref={ref} tone="warning" title={text.title}>
      <BlockStack gap="300">
        <div data-testid="date-change-confirm">
          {text.sentences.map((sentence) => (
            <Text key={sentence} as="p">
              {sentence}
            </Text>
          ))}
        </div>
        <InlineStack gap="200">
          <Button variant="primary" onClick={onConfirm} loading={loading}>
            {text.confirm}
          </Button>
          <Button onClick={onCancel} disabled={loading}>
            {text.cancel}
          </Button>
        </InlineStack>
      </BlockStack>
    </Banner>
  );
}

/**
 * Remembers what a fetcher or a navigation submitted, so "Save and email" sends exactly the form the
 * counts were computed for (not whatever was typed since), plus confirmDateChanges=1.
 */
export function useDateChangeConfirm({
  submitting,
  idle,
  result,
  resubmit,
}: {
  /** The form data being submitted now (fetcher.formData / navigation.formData), if any. */
  submitting: FormData | undefined;
  idle: boolean;
  /** The last action result. */
  result: unknown;
  resubmit: (form: FormData) => void;
}) {
  const last = useRef<FormData | null>(null);
  const [dismissed, setDismissed] = useState<unknown>(null);
  useEffect(() => {
    if (submitting) last.current = submitting;
  }, [submitting]);
  const counts = useMemo(() => (result !== dismissed ? confirmOf(result) : null), [result, dismissed]);
  return {
    counts,
    /** A submission is under way (the confirmation itself, or another save): the buttons wait. */
    loading: !idle,
    confirm: () => {
      if (!last.current) return;
      const form = new FormData();
      for (const [key, value] of last.current.entries()) form.append(key, value);
      form.set("confirmDateChanges", "1");
      resubmit(form);
    },
    cancel: () => setDismissed(result),
  };
}

function confirmOf(result: unknown): DateChangeCounts | null {
  if (!result || typeof result !== "object" || !("confirm" in result)) return null;
  const confirm = (result as { confirm: unknown }).confirm;
  if (!confirm || typeof confirm !== "object") return null;
  const { delayed, earlier } = confirm as Partial<DateChangeCounts>;
  return typeof delayed === "number" && typeof earlier === "number" ? { delayed, earlier } : null;
}

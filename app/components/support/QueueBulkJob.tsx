// The support queue's "every matching order" bulk actions: the confirmation before the background job
// starts, and the words its progress banner (~/components/BulkJobBanner) uses for it.
import type { BulkJobView } from "~/components/BulkJobBanner";
import { ConfirmAllMatchingModal } from "~/components/ConfirmAllMatchingModal";
import { useT, type ClientTranslate } from "~/i18n/react";
import type { QueueBulkIntent } from "./QueueTable";

const INTENT_KEYS: Record<QueueBulkIntent, string> = {
  assign: "support.bulk.assign",
  resolve: "support.bulk.resolve",
  notice: "support.bulk.notice",
};

/** The job's action in words ("Send delay notice"). */
export function intentLabel(intent: string | null, t: ClientTranslate): string {
  return t(INTENT_KEYS[intent as QueueBulkIntent] ?? "support.bulk.notice");
}

/** What a finished job did beyond going through the orders: delay emails queued, or orders changed. */
export function bulkJobDetail(job: BulkJobView, t: ClientTranslate): string | null {
  const changed = job.status === "succeeded" ? job.outcome?.changed : undefined;
  if (changed === undefined) return null;
  return job.intent === "notice" ? t("support.queue.bulkJob.emails", { count: changed }) : t("support.queue.bulkJob.changed", { count: changed });
}

export function ConfirmAllOrdersModal(props: {
  /** The action to confirm; the dialog is closed while null. */
  intent: QueueBulkIntent | null;
  loading: boolean;
  onApply: (intent: QueueBulkIntent) => void;
  onClose: () => void;
}) {
  const { t } = useT();
  return (
    <ConfirmAllMatchingModal
      {...props}
      title={t("support.queue.bulkJob.confirm.title")}
      applyLabel={t("support.queue.bulkJob.confirm.apply")}
      cancelLabel={t("support.cancel")}
      body={t("support.queue.bulkJob.confirm.body", { action: intentLabel(props.intent, t) })}
    />
  );
}

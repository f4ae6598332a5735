// A background job's status as a badge, and labels that fall back to the raw value when the app has no
// words for it (a job kind or status added by a newer version).
import { Badge } from "@shopify/polaris";
import { useT, type ClientTranslate } from "~/i18n/react";

const STATUS_TONE = { queued: "info", running: "attention", succeeded: "success", dead: "critical" } as const;

/** A label for a status or a job kind, or the raw value when the app has no words for it (a newer job). */
export function labelOf(t: ClientTranslate, key: string, fallback: string): string {
  const label = t(key);
  return label === key ? fallback : label;
}

export function JobStatusBadge({ status }: { status: string }) {
  const { t } = useT();
  const tone = STATUS_TONE[status as keyof typeof STATUS_TONE];
  return <Badge {...(tone ? { tone } : {})}>{labelOf(t, `activity.status.${status}`, status)}</Badge>;
}

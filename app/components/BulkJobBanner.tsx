// A bulk change of every matching row of a list (variants in Products, orders in the support queue), run as
// a background job: its progress while it runs (the page re-reads itself meanwhile), then its outcome (with
// the first failures) until dismissed. Each list has its own words under `<prefix>.bulkJob.*`.
import { useEffect, useRef } from "react";
import { useRevalidator } from "@remix-run/react";
import { Banner, BlockStack, List, ProgressBar, Text } from "@shopify/polaris";
import type { BulkJobState } from "~/models/bulk-job.server";
import type { ClientTranslate } from "~/i18n/react";

/** The job as a loader sends it (dates serialized; the banner does not show them). */
export type BulkJobView = Pick<BulkJobState, "id" | "status" | "intent" | "progress" | "outcome" | "error">;

/** The number at the end of a Shopify gid ("gid://shopify/Order/42" → "42"). */
const numberOf = (gid: string) => gid.split("/").pop() ?? "";

/** Re-reads the page every couple of seconds while `active` (a bulk job runs), and not while hidden. */
export function usePolling(active: boolean, everyMs = 2_000) {
  const revalidator = useRevalidator();
  const latest = useRef(revalidator);
  latest.current = revalidator;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (latest.current.state === "idle" && document.visibilityState === "visible") latest.current.revalidate();
    }, everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
}

export function BulkJobBanner({
  job,
  t,
  prefix,
  action,
  detail,
  onDismiss,
}: {
  job: BulkJobView;
  t: ClientTranslate;
  /** Where the list's words are: `products` → `products.bulkJob.running`… */
  prefix: "products" | "support.queue";
  /** The action, in words (“Enable backorder”). */
  action: string;
  /** A finished job's extra line (e.g. how many emails it queued). */
  detail?: string | null;
  onDismiss: () => void;
}) {
  const k = (key: string) => `${prefix}.bulkJob.${key}`;
  if (job.status === "queued" || job.status === "running") {
    const progress = job.progress;
    const percent = progress && progress.phase === "applying" && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
    const detail = !progress
      ? t(k("waiting"))
      : progress.phase === "counting"
        ? t(k("counting"), { count: progress.total })
        : [
            t(k("progress"), { done: progress.done, total: progress.total }),
            progress.failed > 0 ? t(k("progressFailed"), { count: progress.failed }) : "",
          ]
            .filter(Boolean)
            .join(" · ");
    return (
      <Banner tone="info" title={t(k("running"), { action })}>
        <BlockStack gap="200">
          {/* What the tests find the bar by: Polaris' stacks take no data attributes. */}
          <div data-testid="bulk-job-progress">
            <ProgressBar progress={percent} size="small" tone="highlight" ariaLabelledBy="bulk-job-detail" />
          </div>
          <Text as="p" id="bulk-job-detail">
            {detail}
          </Text>
        </BlockStack>
      </Banner>
    );
  }
  if (job.status === "dead") {
    return (
      <Banner tone="critical" onDismiss={onDismiss}>
        {t(k("dead"), { action, error: job.error ?? "" })}
      </Banner>
    );
  }
  const outcome = job.outcome ?? { done: 0, total: 0, failed: 0, failures: [] };
  const updated = outcome.done - outcome.failed;
  return (
    <Banner
      tone={outcome.failed > 0 ? "warning" : "success"}
      title={
        outcome.failed > 0
          ? t(k("doneWithFailures"), { action, updated, total: outcome.total })
          : t(k("done"), { action, count: updated })
      }
      onDismiss={onDismiss}
    >
      {detail && <Text as="p">{detail}</Text>}
      {outcome.failed > 0 && (
        <BlockStack gap="100">
          <Text as="p">{t(k("failures"), { count: outcome.failed })}</Text>
          <List>
            {outcome.failures.slice(0, 5).map((failure, index) => (
              <List.Item key={failure.variantId ?? failure.orderId ?? index}>
                {failure.label ?? numberOf(failure.variantId ?? failure.orderId ?? "")}: {failure.message}
              </List.Item>
            ))}
          </List>
        </BlockStack>
      )}
    </Banner>
  );
}

// A bulk change of every matching variant, run as a background job: its progress while it runs (the page
// re-reads itself meanwhile), then its outcome (with the first failures) until dismissed.
import { useEffect, useRef } from "react";
import type { SerializeFrom } from "@remix-run/node";
import { useRevalidator } from "@remix-run/react";
import { Banner, BlockStack, List, ProgressBar, Text } from "@shopify/polaris";
import type { loader } from "~/routes/app.products._index";
import type { ClientTranslate } from "~/i18n/react";
import { INTENT_KEYS, numberOf } from "./labels";

type BulkJob = NonNullable<SerializeFrom<typeof loader>["bulkJob"]>;

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

export function BulkJobBanner({ job, t, onDismiss }: { job: BulkJob; t: ClientTranslate; onDismiss: () => void }) {
  const action = t(INTENT_KEYS[job.intent ?? ""] ?? "products.bulk.apply");
  if (job.status === "queued" || job.status === "running") {
    const progress = job.progress;
    const percent = progress && progress.phase === "applying" && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
    const detail = !progress
      ? t("products.bulkJob.waiting")
      : progress.phase === "counting"
        ? t("products.bulkJob.counting", { count: progress.total })
        : [
            t("products.bulkJob.progress", { done: progress.done, total: progress.total }),
            progress.failed > 0 ? t("products.bulkJob.progressFailed", { count: progress.failed }) : "",
          ]
            .filter(Boolean)
            .join(" · ");
    return (
      <Banner tone="info" title={t("products.bulkJob.running", { action })}>
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
        {t("products.bulkJob.dead", { action, error: job.error ?? "" })}
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
          ? t("products.bulkJob.doneWithFailures", { action, updated, total: outcome.total })
          : t("products.bulkJob.done", { action, count: updated })
      }
      onDismiss={onDismiss}
    >
      {outcome.failed > 0 && (
        <BlockStack gap="100">
          <Text as="p">{t("products.bulkJob.failures", { count: outcome.failed })}</Text>
          <List>
            {outcome.failures.slice(0, 5).map((failure) => (
              <List.Item key={failure.variantId}>
                {numberOf(failure.variantId)}: {failure.message}
              </List.Item>
            ))}
          </List>
        </BlockStack>
      )}
    </Banner>
  );
}

// Activity's first card: how many jobs are in each status, and "Check stock now" (a reconciliation).
import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { useT } from "~/i18n/react";
import { JOB_STATUSES, type JobStatus } from "~/jobs/types";
import { JobStatusBadge } from "./JobStatusBadge";

export function JobCountsCard({
  counts,
  reconciling,
  onReconcile,
}: {
  counts: Record<JobStatus, number>;
  reconciling: boolean;
  onReconcile: () => void;
}) {
  const { t } = useT();
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("activity.counts.title")}
          </Text>
          <Button loading={reconciling} onClick={onReconcile}>
            {t("activity.reconcile")}
          </Button>
        </InlineStack>
        <Text as="p" tone="subdued">
          {t("activity.description")}
        </Text>
        <InlineStack gap="400">
          {JOB_STATUSES.map((status) => (
            <InlineStack key={status} gap="100" blockAlign="center">
              <JobStatusBadge status={status} />
              <Text as="span" variant="headingSm">
                {counts[status]}
              </Text>
            </InlineStack>
          ))}
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

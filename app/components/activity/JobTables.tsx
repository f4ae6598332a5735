// Activity's tables: failed (dead-letter) jobs with a retry button, recent jobs, and the webhooks Shopify sent,
// each paged on the server with its own cursor in the URL (older / newer).
import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { BlockStack, Box, Button, IndexTable, InlineStack, Text } from "@shopify/polaris";
import type { loader } from "~/routes/app.activity";
import { useT } from "~/i18n/react";
import { CardHeader } from "~/components/CardHeader";
import { CellStack } from "~/components/CellStack";
import { ResourceTableCard } from "~/components/ResourceTableCard";
import { WrapText } from "~/components/WrapText";
import { useCursorPagination } from "~/components/useCursorPagination";
import type { PageInfo } from "~/validation/cursor";
import { orderPath } from "~/components/support/labels";
import { JobStatusBadge, labelOf } from "./JobStatusBadge";

/** The job's kind, and the order it is about as a link to the order's support page. */
function KindCell({ job, label }: { job: { order: { orderId: string; orderName: string } | null }; label: string }) {
  if (!job.order) return <Text as="span">{label}</Text>;
  return (
    <InlineStack gap="100" wrap={false}>
      <Text as="span">{label}</Text>
      <span onClick={(event) => event.stopPropagation()} onKeyDown={(event) => event.stopPropagation()} role="presentation">
        <Link to={orderPath(job.order.orderId)}>{job.order.orderName}</Link>
      </span>
    </InlineStack>
  );
}

type Activity = SerializeFrom<typeof loader>;

/** The URL parameter holding each table's page cursor: each table pages on its own. */
export const CURSOR_PARAMS = { dead: "deadCursor", recent: "jobsCursor", events: "eventsCursor" } as const;

function useKindLabel() {
  const { t } = useT();
  return (kind: string) => labelOf(t, `activity.kind.${kind}`, kind);
}

export function DeadJobsTable({
  jobs,
  pageInfo,
  retrying,
  onRetry,
}: {
  jobs: Activity["dead"];
  pageInfo: PageInfo;
  retrying: (id: string) => boolean;
  onRetry: (id: string) => void;
}) {
  const { t } = useT();
  const kind = useKindLabel();
  const pagination = useCursorPagination(CURSOR_PARAMS.dead);
  return (
    <ResourceTableCard
      header={<CardHeader title={t("activity.dead.title")} description={t("activity.dead.description")} />}
      empty={
        <Box padding="400" paddingBlockStart="0">
          <BlockStack gap="100">
            <Text as="p" variant="headingSm">
              {t("activity.dead.empty")}
            </Text>
            <Text as="p" tone="subdued">
              {t("activity.dead.empty.description")}
            </Text>
          </BlockStack>
        </Box>
      }
      resourceName={{ singular: t("activity.column.kind"), plural: t("activity.dead.title") }}
      itemCount={jobs.length}
      lastColumnSticky
      pagination={pagination(pageInfo, { next: t("activity.dead.page.next"), previous: t("activity.dead.page.previous") })}
      headings={[
        { title: t("activity.column.kind") },
        { title: t("activity.column.when") },
        { title: t("activity.column.attempts") },
        { title: t("activity.column.error") },
        { title: t("activity.column.actions"), alignment: "end" },
      ]}
    >
      {jobs.map((job, index) => (
        <IndexTable.Row id={job.id} key={job.id} position={index}>
          <IndexTable.Cell>
            <KindCell job={job} label={kind(job.kind)} />
          </IndexTable.Cell>
          <IndexTable.Cell>{job.when}</IndexTable.Cell>
          <IndexTable.Cell>{t("activity.attempts", { attempts: job.attempts, max: job.maxAttempts })}</IndexTable.Cell>
          <IndexTable.Cell>
            <WrapText minWidth="14rem">
              <Text as="span" tone="critical" variant="bodySm" breakWord>
                {job.lastError ?? ""}
              </Text>
            </WrapText>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <InlineStack align="end">
              <Button loading={retrying(job.id)} onClick={() => onRetry(job.id)}>
                {t("activity.retry")}
              </Button>
            </InlineStack>
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </ResourceTableCard>
  );
}

function Heading({ children }: { children: string }) {
  return (
    <Text as="h2" variant="headingMd">
      {children}
    </Text>
  );
}

function Empty({ children }: { children: string }) {
  return (
    <Box padding="400">
      <Text as="p" tone="subdued">
        {children}
      </Text>
    </Box>
  );
}

export function RecentJobsTable({ jobs, pageInfo }: { jobs: Activity["recent"]; pageInfo: PageInfo }) {
  const { t } = useT();
  const kind = useKindLabel();
  const pagination = useCursorPagination(CURSOR_PARAMS.recent);
  return (
    <ResourceTableCard
      header={<Heading>{t("activity.recent.title")}</Heading>}
      empty={<Empty>{t("activity.recent.empty")}</Empty>}
      resourceName={{ singular: t("activity.column.kind"), plural: t("activity.recent.title") }}
      itemCount={jobs.length}
      lastColumnSticky
      pagination={pagination(pageInfo, { next: t("activity.recent.page.next"), previous: t("activity.recent.page.previous") })}
      headings={[
        { title: t("activity.column.kind") },
        { title: t("activity.column.status") },
        { title: t("activity.column.adminApi") },
        { title: t("activity.column.when") },
      ]}
    >
      {jobs.map((job, index) => (
        <IndexTable.Row id={job.id} key={job.id} position={index}>
          <IndexTable.Cell>
            <WrapText>
              <CellStack notes={[{ text: job.status !== "succeeded" && job.lastError }]}>
                <KindCell job={job} label={kind(job.kind)} />
              </CellStack>
            </WrapText>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <CellStack inlineAlign="start" notes={[{ text: job.next && job.attempts > 0 && t("activity.nextRun", { date: job.next }) }]}>
              <JobStatusBadge status={job.status} />
            </CellStack>
          </IndexTable.Cell>
          <IndexTable.Cell>
            {job.adminCalls > 0 ? (
              <CellStack
                inlineAlign="start"
                notes={[{ text: t("activity.adminCalls", { calls: job.adminCalls, requested: job.adminPointsRequested }) }]}
              >
                <Text as="span" numeric>
                  {t("activity.adminCost", { points: job.adminPointsUsed })}
                </Text>
              </CellStack>
            ) : (
              <Text as="span" tone="subdued">
                {t("activity.adminNone")}
              </Text>
            )}
          </IndexTable.Cell>
          <IndexTable.Cell>{job.when}</IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </ResourceTableCard>
  );
}

export function WebhookEventsTable({ events, pageInfo }: { events: Activity["events"]; pageInfo: PageInfo }) {
  const { t } = useT();
  const pagination = useCursorPagination(CURSOR_PARAMS.events);
  return (
    <ResourceTableCard
      header={<Heading>{t("activity.events.title")}</Heading>}
      empty={<Empty>{t("activity.events.empty")}</Empty>}
      resourceName={{ singular: t("activity.column.topic"), plural: t("activity.events.title") }}
      itemCount={events.length}
      pagination={pagination(pageInfo, { next: t("activity.events.page.next"), previous: t("activity.events.page.previous") })}
      headings={[{ title: t("activity.column.topic") }, { title: t("activity.column.event") }, { title: t("activity.column.received") }]}
    >
      {events.map((event, index) => (
        <IndexTable.Row id={event.id} key={event.id} position={index}>
          <IndexTable.Cell>{event.topic}</IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" variant="bodySm" tone="subdued">
              {event.eventId.length > 12 ? `${event.eventId.slice(0, 8)}…` : event.eventId}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>{event.when}</IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </ResourceTableCard>
  );
}

// Activity: background jobs by status, failed (dead-letter) jobs with a retry button, recent jobs and the
// webhooks Shopify sent. A "check stock now" button queues a reconciliation.
import { useEffect } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, Card, IndexTable, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { z } from "zod";
import { authenticate } from "~/shopify.server";
import { readFormData } from "~/validation/form-data";
import { formatDateTime } from "~/domain/format";
import { adminLocaleFromRequest, translator } from "~/i18n/admin";
import { useT, type ClientTranslate } from "~/i18n/react";
import { loadActivity } from "~/jobs/activity.server";
import { JOB_STATUSES } from "~/jobs/types";
import { retryDeadJob } from "~/jobs/queue.server";
import { enqueueReconcileNow } from "~/jobs/schedule.server";
import { getShopSettings } from "~/models/settings.server";
import { CardHeader } from "~/components/CardHeader";
import { WrapText } from "~/components/WrapText";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const locale = adminLocaleFromRequest(request);
  const [activity, settings] = await Promise.all([loadActivity({ shop: session.shop }), getShopSettings({ shop: session.shop })]);
  const when = (iso: string) => formatDateTime(new Date(iso), locale, settings.timezone);
  return json({
    counts: activity.counts,
    dead: activity.dead.map((j) => ({ ...j, when: when(j.updatedAt) })),
    recent: activity.recent.map((j) => ({ ...j, when: when(j.updatedAt), next: j.status === "queued" ? when(j.runAt) : null })),
    events: activity.events.map((e) => ({ ...e, when: when(e.receivedAt) })),
  });
};

const ActionForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("retry"), id: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("reconcile") }),
]);

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const t = translator(adminLocaleFromRequest(request));
  const parsed = ActionForm.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return json({ ok: false as const, message: parsed.error.issues[0]?.message ?? "Invalid request" }, { status: 400 });
  if (parsed.data.intent === "retry") {
    const ok = await retryDeadJob({ shop: session.shop, id: parsed.data.id });
    return json({ ok, message: t(ok ? "activity.retry.done" : "activity.retry.missing") }, { status: ok ? 200 : 404 });
  }
  const { created } = await enqueueReconcileNow({ shop: session.shop });
  return json({ ok: true as const, message: t(created ? "activity.reconcile.queued" : "activity.reconcile.exists") });
};

const STATUS_TONE = { queued: "info", running: "attention", succeeded: "success", dead: "critical" } as const;

/** A label for a status or a job kind, or the raw value when the app has no words for it (a newer job). */
function labelOf(t: ClientTranslate, key: string, fallback: string): string {
  const label = t(key);
  return label === key ? fallback : label;
}

function StatusBadge({ status }: { status: string }) {
  const { t } = useT();
  const tone = STATUS_TONE[status as keyof typeof STATUS_TONE];
  return <Badge {...(tone ? { tone } : {})}>{labelOf(t, `activity.status.${status}`, status)}</Badge>;
}

export default function Activity() {
  const { counts, dead, recent, events } = useLoaderData<typeof loader>();
  const { t } = useT();
  const shopify = useAppBridge();
  const fetcher = useFetcher<typeof action>();
  const kind = (k: string) => labelOf(t, `activity.kind.${k}`, k);

  useEffect(() => {
    const data = fetcher.data;
    if (data) shopify.toast.show(data.message, { isError: !data.ok });
  }, [fetcher.data, shopify]);

  const busy = (id: string) => fetcher.state !== "idle" && fetcher.formData?.get("id") === id;

  return (
    <Page>
      <TitleBar title={t("activity.title")} />
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  {t("activity.counts.title")}
                </Text>
                <Button
                  loading={fetcher.state !== "idle" && fetcher.formData?.get("intent") === "reconcile"}
                  onClick={() => fetcher.submit({ intent: "reconcile" }, { method: "post" })}
                >
                  {t("activity.reconcile")}
                </Button>
              </InlineStack>
              <Text as="p" tone="subdued">
                {t("activity.description")}
              </Text>
              <InlineStack gap="400">
                {JOB_STATUSES.map((status) => (
                  <InlineStack key={status} gap="100" blockAlign="center">
                    <StatusBadge status={status} />
                    <Text as="span" variant="headingSm">
                      {counts[status]}
                    </Text>
                  </InlineStack>
                ))}
              </InlineStack>
            </BlockStack>
          </Card>
        </Layout.Section>

        <Layout.Section>
          <Card padding="0">
            <Box padding="400">
              <CardHeader title={t("activity.dead.title")} description={t("activity.dead.description")} />
            </Box>
            {dead.length === 0 ? (
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
            ) : (
              <IndexTable
                resourceName={{ singular: t("activity.column.kind"), plural: t("activity.dead.title") }}
                itemCount={dead.length}
                selectable={false}
                lastColumnSticky
                headings={[
                  { title: t("activity.column.kind") },
                  { title: t("activity.column.when") },
                  { title: t("activity.column.attempts") },
                  { title: t("activity.column.error") },
                  { title: t("activity.column.actions"), alignment: "end" },
                ]}
              >
                {dead.map((job, index) => (
                  <IndexTable.Row id={job.id} key={job.id} position={index}>
                    <IndexTable.Cell>{kind(job.kind)}</IndexTable.Cell>
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
                        <Button loading={busy(job.id)} onClick={() => fetcher.submit({ intent: "retry", id: job.id }, { method: "post" })}>
                          {t("activity.retry")}
                        </Button>
                      </InlineStack>
                    </IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
          </Card>
        </Layout.Section>

        <Layout.Section variant="oneHalf">
          <Card padding="0">
            <Box padding="400">
              <Text as="h2" variant="headingMd">
                {t("activity.recent.title")}
              </Text>
            </Box>
            {recent.length === 0 ? (
              <Box padding="400">
                <Text as="p" tone="subdued">
                  {t("activity.recent.empty")}
                </Text>
              </Box>
            ) : (
              <IndexTable
                resourceName={{ singular: t("activity.column.kind"), plural: t("activity.recent.title") }}
                itemCount={recent.length}
                selectable={false}
                lastColumnSticky
                headings={[{ title: t("activity.column.kind") }, { title: t("activity.column.status") }, { title: t("activity.column.when") }]}
              >
                {recent.map((job, index) => (
                  <IndexTable.Row id={job.id} key={job.id} position={index}>
                    <IndexTable.Cell>
                      <WrapText>
                        <BlockStack gap="100">
                          <Text as="span">{kind(job.kind)}</Text>
                          {job.lastError && job.status !== "succeeded" ? (
                            <Text as="span" tone="subdued" variant="bodySm" breakWord>
                              {job.lastError}
                            </Text>
                          ) : null}
                        </BlockStack>
                      </WrapText>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <BlockStack gap="100" inlineAlign="start">
                        <StatusBadge status={job.status} />
                        {job.next && job.attempts > 0 ? (
                          <Text as="span" tone="subdued" variant="bodySm">
                            {t("activity.nextRun", { date: job.next })}
                          </Text>
                        ) : null}
                      </BlockStack>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{job.when}</IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
          </Card>
        </Layout.Section>

        <Layout.Section variant="oneHalf">
          <Card padding="0">
            <Box padding="400">
              <Text as="h2" variant="headingMd">
                {t("activity.events.title")}
              </Text>
            </Box>
            {events.length === 0 ? (
              <Box padding="400">
                <Text as="p" tone="subdued">
                  {t("activity.events.empty")}
                </Text>
              </Box>
            ) : (
              <IndexTable
                resourceName={{ singular: t("activity.column.topic"), plural: t("activity.events.title") }}
                itemCount={events.length}
                selectable={false}
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
              </IndexTable>
            )}
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

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
import { adminLocaleFromRequest, translator, type AdminMessageKey } from "~/i18n/admin";
import { en as jobMessages } from "~/i18n/messages/jobs";
import { loadActivity } from "~/jobs/activity.server";
import { JOB_STATUSES } from "~/jobs/types";
import { retryDeadJob } from "~/jobs/queue.server";
import { enqueueReconcileNow } from "~/jobs/schedule.server";
import { getShopSettings } from "~/models/settings.server";
import { CardHeader } from "~/components/CardHeader";

type JobsKey = keyof typeof jobMessages;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const locale = adminLocaleFromRequest(request);
  const t = translator(locale);
  const [activity, settings] = await Promise.all([loadActivity({ shop: session.shop }), getShopSettings({ shop: session.shop })]);
  const when = (iso: string) => formatDateTime(new Date(iso), locale, settings.timezone);
  const text = Object.fromEntries((Object.keys(jobMessages) as JobsKey[]).map((key) => [key, t(key as AdminMessageKey)])) as Record<JobsKey, string>;
  return json({
    text,
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

function StatusBadge({ status, text }: { status: string; text: Record<JobsKey, string> }) {
  const key = `activity.status.${status}` as JobsKey;
  const tone = STATUS_TONE[status as keyof typeof STATUS_TONE];
  return <Badge {...(tone ? { tone } : {})}>{text[key] ?? status}</Badge>;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

export default function Activity() {
  const { text, counts, dead, recent, events } = useLoaderData<typeof loader>();
  const shopify = useAppBridge();
  const fetcher = useFetcher<typeof action>();
  const kind = (k: string) => text[`activity.kind.${k}` as JobsKey] ?? k;

  useEffect(() => {
    const data = fetcher.data;
    if (data) shopify.toast.show(data.message, { isError: !data.ok });
  }, [fetcher.data, shopify]);

  const busy = (id: string) => fetcher.state !== "idle" && fetcher.formData?.get("id") === id;

  return (
    <Page>
      <TitleBar title={text["activity.title"]} />
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  {text["activity.counts.title"]}
                </Text>
                <Button
                  loading={fetcher.state !== "idle" && fetcher.formData?.get("intent") === "reconcile"}
                  onClick={() => fetcher.submit({ intent: "reconcile" }, { method: "post" })}
                >
                  {text["activity.reconcile"]}
                </Button>
              </InlineStack>
              <Text as="p" tone="subdued">
                {text["activity.description"]}
              </Text>
              <InlineStack gap="400">
                {JOB_STATUSES.map((status) => (
                  <InlineStack key={status} gap="100" blockAlign="center">
                    <StatusBadge status={status} text={text} />
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
              <CardHeader title={text["activity.dead.title"]} description={text["activity.dead.description"]} />
            </Box>
            {dead.length === 0 ? (
              <Box padding="400" paddingBlockStart="0">
                <BlockStack gap="100">
                  <Text as="p" variant="headingSm">
                    {text["activity.dead.empty"]}
                  </Text>
                  <Text as="p" tone="subdued">
                    {text["activity.dead.empty.description"]}
                  </Text>
                </BlockStack>
              </Box>
            ) : (
              <IndexTable
                resourceName={{ singular: text["activity.column.kind"], plural: text["activity.dead.title"] }}
                itemCount={dead.length}
                selectable={false}
                headings={[
                  { title: text["activity.column.kind"] },
                  { title: text["activity.column.when"] },
                  { title: text["activity.column.attempts"] },
                  { title: text["activity.column.error"] },
                  { title: text["activity.column.actions"], alignment: "end" },
                ]}
              >
                {dead.map((job, index) => (
                  <IndexTable.Row id={job.id} key={job.id} position={index}>
                    <IndexTable.Cell>{kind(job.kind)}</IndexTable.Cell>
                    <IndexTable.Cell>{job.when}</IndexTable.Cell>
                    <IndexTable.Cell>{fill(text["activity.attempts"], { attempts: job.attempts, max: job.maxAttempts })}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text as="span" tone="critical" variant="bodySm" breakWord>
                        {job.lastError ?? ""}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <InlineStack align="end">
                        <Button loading={busy(job.id)} onClick={() => fetcher.submit({ intent: "retry", id: job.id }, { method: "post" })}>
                          {text["activity.retry"]}
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
                {text["activity.recent.title"]}
              </Text>
            </Box>
            {recent.length === 0 ? (
              <Box padding="400">
                <Text as="p" tone="subdued">
                  {text["activity.recent.empty"]}
                </Text>
              </Box>
            ) : (
              <IndexTable
                resourceName={{ singular: text["activity.column.kind"], plural: text["activity.recent.title"] }}
                itemCount={recent.length}
                selectable={false}
                headings={[{ title: text["activity.column.kind"] }, { title: text["activity.column.status"] }, { title: text["activity.column.when"] }]}
              >
                {recent.map((job, index) => (
                  <IndexTable.Row id={job.id} key={job.id} position={index}>
                    <IndexTable.Cell>
                      <BlockStack gap="100">
                        <Text as="span">{kind(job.kind)}</Text>
                        {job.lastError && job.status !== "succeeded" ? (
                          <Text as="span" tone="subdued" variant="bodySm" breakWord>
                            {job.lastError}
                          </Text>
                        ) : null}
                      </BlockStack>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <BlockStack gap="100" inlineAlign="start">
                        <StatusBadge status={job.status} text={text} />
                        {job.next && job.attempts > 0 ? (
                          <Text as="span" tone="subdued" variant="bodySm">
                            {fill(text["activity.nextRun"], { date: job.next })}
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
                {text["activity.events.title"]}
              </Text>
            </Box>
            {events.length === 0 ? (
              <Box padding="400">
                <Text as="p" tone="subdued">
                  {text["activity.events.empty"]}
                </Text>
              </Box>
            ) : (
              <IndexTable
                resourceName={{ singular: text["activity.column.topic"], plural: text["activity.events.title"] }}
                itemCount={events.length}
                selectable={false}
                headings={[{ title: text["activity.column.topic"] }, { title: text["activity.column.event"] }, { title: text["activity.column.received"] }]}
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

// Activity: background jobs by status, failed (dead-letter) jobs with a retry button, recent jobs and the
// webhooks Shopify sent. A "check stock now" button queues a reconciliation.
import { useEffect } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Layout, Page } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { z } from "zod";
import { authenticate } from "~/shopify.server";
import { readFormData } from "~/validation/form-data";
import { formatDateTime } from "~/domain/format";
import { adminLocaleFromRequest, adminMessages, translator } from "~/i18n/admin";
import { useT } from "~/i18n/react";
import { loadActivity } from "~/jobs/activity.server";
import { retryDeadJob } from "~/jobs/queue.server";
import { enqueueReconcileNow } from "~/jobs/schedule.server";
import { getShopSettings } from "~/models/settings.server";
import { JobCountsCard } from "~/components/activity/JobCountsCard";
import { CURSOR_PARAMS, DeadJobsTable, RecentJobsTable, WebhookEventsTable } from "~/components/activity/JobTables";
import { cursorParam } from "~/validation/cursor";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const locale = adminLocaleFromRequest(request);
  const url = new URL(request.url);
  const cursors = { dead: cursorParam(url, CURSOR_PARAMS.dead), recent: cursorParam(url, CURSOR_PARAMS.recent), events: cursorParam(url, CURSOR_PARAMS.events) };
  const [activity, settings] = await Promise.all([loadActivity({ shop: session.shop, cursors }), getShopSettings({ shop: session.shop })]);
  const when = (iso: string) => formatDateTime(new Date(iso), locale, settings.timezone);
  return json({
    messages: adminMessages(locale, ["activity"]),
    counts: activity.counts,
    dead: activity.dead.map((j) => ({ ...j, when: when(j.updatedAt) })),
    recent: activity.recent.map((j) => ({ ...j, when: when(j.updatedAt), next: j.status === "queued" ? when(j.runAt) : null })),
    events: activity.events.map((e) => ({ ...e, when: when(e.receivedAt) })),
    pages: activity.pages,
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

export default function Activity() {
  const { counts, dead, recent, events, pages } = useLoaderData<typeof loader>();
  const { t } = useT();
  const shopify = useAppBridge();
  const fetcher = useFetcher<typeof action>();

  useEffect(() => {
    const data = fetcher.data;
    if (data) shopify.toast.show(data.message, { isError: !data.ok });
  }, [fetcher.data, shopify]);

  const submitting = (field: "id" | "intent", value: string) => fetcher.state !== "idle" && fetcher.formData?.get(field) === value;

  return (
    <Page>
      <TitleBar title={t("activity.title")} />
      <Layout>
        <Layout.Section>
          <JobCountsCard
            counts={counts}
            reconciling={submitting("intent", "reconcile")}
            onReconcile={() => fetcher.submit({ intent: "reconcile" }, { method: "post" })}
          />
        </Layout.Section>
        <Layout.Section>
          <DeadJobsTable
            jobs={dead}
            pageInfo={pages.dead}
            retrying={(id) => submitting("id", id)}
            onRetry={(id) => fetcher.submit({ intent: "retry", id }, { method: "post" })}
          />
        </Layout.Section>
        <Layout.Section variant="oneHalf">
          <RecentJobsTable jobs={recent} pageInfo={pages.recent} />
        </Layout.Section>
        <Layout.Section variant="oneHalf">
          <WebhookEventsTable events={events} pageInfo={pages.events} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

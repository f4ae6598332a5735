// Support desk, one order: what the customer bought and is owed (promised date, current estimate, supply,
// confidence), the timeline newest first, and the staff actions (note, revised date, delay notice, message,
// assignment, status), each validated, versioned (a stale form is a 409) and logged on the timeline.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { adminLocaleFromRequest, adminMessages, translator, type AdminMessageKey } from "~/i18n/admin";
import { useT } from "~/i18n/react";
import { formatDate, formatDateTime } from "~/domain/format";
import { getShopSettings } from "~/models/settings.server";
import { fieldErrors, readFormData } from "~/validation/form-data";
import { orderActionSchema } from "~/validation/support";
import { loadOrderDesk, runOrderAction, staffActor } from "~/workflows/support/desk.server";
import { LinesCard, TimelineCard } from "~/components/support/OrderCards";
import { MessageCard, NoteCard, ReviseCard, StatusCard } from "~/components/support/OrderActions";

function orderIdOf(param: string | undefined): string {
  if (!param || !/^\d{1,20}$/.test(param)) throw new Response("Not Found", { status: 404 });
  return `gid://shopify/Order/${param}`;
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const orderId = orderIdOf(params.orderId);
  const locale = adminLocaleFromRequest(request);
  const [desk, settings] = await Promise.all([loadOrderDesk({ shop: session.shop, orderId }), getShopSettings({ shop: session.shop })]);
  if (!desk) throw new Response("Not Found", { status: 404 });
  const day = (iso: string | null | undefined) => (iso ? formatDate(iso, locale, { year: true }) : null);
  return json({
    messages: adminMessages(locale, ["support"]),
    supportCase: {
      orderName: desk.supportCase.orderName,
      customerName: desk.supportCase.customerName,
      customerEmail: desk.supportCase.customerEmail,
      status: desk.supportCase.status,
      state: desk.supportCase.state,
      assignee: desk.supportCase.assignee,
      version: desk.supportCase.version,
      complaintSince: desk.supportCase.openComplaintAt ? formatDateTime(desk.supportCase.openComplaintAt, locale, settings.timezone) : null,
    },
    lines: desk.lines.map((line) => ({
      ...line,
      promisedText: day(line.promisedLatest),
      currentText: line.current ? `${day(line.current.earliest)} – ${day(line.current.latest)}` : null,
      batchText: day(line.batchExpectedAt),
      manual: line.manual ? { reason: line.manual.reason } : null,
    })),
    events: desk.events.map((event) => ({
      id: event.id,
      kind: event.kind,
      when: formatDateTime(event.at, locale, settings.timezone),
      actor: event.actor,
      actorName: event.actor.startsWith("staff:") ? (desk.staff[event.actor.slice(6)] ?? null) : null,
      data: Object.fromEntries(Object.entries(event.data).map(([key, value]) => [key, typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? day(value) : value])),
      email: event.email ? { status: event.email.status, id: event.emailId } : null,
    })),
  });
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const orderId = orderIdOf(params.orderId);
  const t = translator(adminLocaleFromRequest(request));
  const form = await readFormData(request);
  const input = {
    intent: form.get("intent"),
    version: form.get("version"),
    note: form.get("note") ?? undefined,
    lineIds: form.getAll("lineIds"),
    earliest: form.get("earliest") ?? undefined,
    latest: form.get("latest") ?? undefined,
    reason: form.get("reason") ?? undefined,
    notify: form.get("notify") ?? undefined,
    message: form.get("message") ?? undefined,
    submissionKey: form.get("submissionKey") ?? undefined,
    assignee: form.get("assignee") ?? undefined,
    status: form.get("status") ?? undefined,
  };
  const translate = (errors: Record<string, string>) =>
    Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, key.startsWith("support.") ? t(key as AdminMessageKey) : key]));
  const parsed = orderActionSchema.safeParse(input);
  if (!parsed.success) return json({ ok: false as const, intent: String(input.intent), errors: translate(fieldErrors(parsed.error)), message: null }, { status: 400 });
  const result = await runOrderAction({ shop: session.shop, orderId, actor: staffActor(sessionToken?.sub), input: parsed.data });
  if (!result.ok) return json({ ok: false as const, intent: parsed.data.intent, errors: translate(result.errors), message: null }, { status: result.status });
  return json({ ok: true as const, intent: parsed.data.intent, errors: {}, message: t(`support.order.${result.message}`) });
};

export default function SupportOrder() {
  const { supportCase, lines, events } = useLoaderData<typeof loader>();
  const { t } = useT();
  const waiting = lines.filter((line) => line.status === "waiting");
  return (
    <Page title={supportCase.orderName} subtitle={[supportCase.customerName, supportCase.customerEmail].filter(Boolean).join(" · ")} backAction={{ content: t("support.order.back"), url: "/app/support" }}>
      <TitleBar title={supportCase.orderName} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {supportCase.complaintSince && <Banner tone="critical">{t("support.queue.complaintSince", { date: supportCase.complaintSince })}</Banner>}
            <LinesCard lines={lines} />
            <TimelineCard events={events} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <StatusCard supportCase={supportCase} />
            <NoteCard version={supportCase.version} />
            <ReviseCard version={supportCase.version} lines={waiting.map((line) => ({ id: line.id, title: line.title }))} />
            <MessageCard version={supportCase.version} hasEmail={Boolean(supportCase.customerEmail)} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

// Support desk, one order: what the customer bought and is owed (promised date, current estimate, supply,
// confidence), the timeline newest first, and the staff actions (note, revised date, delay notice, message,
// assignment, status; compensation; cancel & refund, and a customer's cancellation request to approve or
// decline), each validated, versioned (a stale form is a 409) and logged on the timeline.
import { useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { adminLocaleFromRequest, adminMessages, translator, type AdminMessageKey, type Translate } from "~/i18n/admin";
import type { AdminGraphql } from "~/shopify/types";
import { useT } from "~/i18n/react";
import { formatDate, formatDateTime } from "~/domain/format";
import { localToday } from "~/validation/dates";
import type { Offer } from "~/domain/compensation";
import { getShopSettings } from "~/models/settings.server";
import { fieldErrors, readFormData } from "~/validation/form-data";
import { orderActionSchema } from "~/validation/support";
import { compensateSchema } from "~/validation/compensation";
import { loadOrderDesk, runOrderAction, staffActor } from "~/workflows/support/desk.server";
import { compensate, describeCompensation, proposalFor } from "~/workflows/support/compensation.server";
import { CompensateCard, ProposalBanner } from "~/components/support/CompensateCard";
import { cancelActionSchema, isCancelIntent } from "~/validation/support-cancel";
import { createAdminClient } from "~/shopify/admin-client.server";
import { loadCancellations, runCancelAction, type CancelError } from "~/workflows/support/cancellation.server";
import { LinesCard, TimelineCard } from "~/components/support/OrderCards";
import { MessageCard, NoteCard, ReviseCard, StatusCard } from "~/components/support/OrderActions";
import { CancelCard, CancelRequestCards } from "~/components/support/CancelCard";
import { PaymentCard } from "~/components/support/PaymentCard";
import { balanceForDesk } from "~/workflows/payments/balance.server";

function orderIdOf(param: string | undefined): string {
  if (!param || !/^\d{1,20}$/.test(param)) throw new Response("Not Found", { status: 404 });
  return `gid://shopify/Order/${param}`;
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const orderId = orderIdOf(params.orderId);
  const locale = adminLocaleFromRequest(request);
  const [desk, settings, cancellations, payment] = await Promise.all([
    loadOrderDesk({ shop: session.shop, orderId }),
    getShopSettings({ shop: session.shop }),
    loadCancellations({ shop: session.shop, orderId }),
    balanceForDesk({ shop: session.shop, orderId, locale }),
  ]);
  if (!desk) throw new Response("Not Found", { status: 404 });
  const day = (iso: string | null | undefined) => (iso ? formatDate(iso, locale, { year: true }) : null);
  return json({
    messages: adminMessages(locale, ["support"]),
    payment: payment ? { ...payment, dueOn: day(payment.dueOn) } : null,
    compensation: {
      policy: settings.compensation,
      proposal: proposalFor(desk.supportCase, settings.compensation),
      compensatedOn: desk.supportCase.compensatedAt ? day(localToday(settings.timezone, desk.supportCase.compensatedAt)) : null,
    },
    supportCase: {
      orderName: desk.supportCase.orderName,
      customerName: desk.supportCase.customerName,
      customerEmail: desk.supportCase.customerEmail,
      status: desk.supportCase.status,
      state: desk.supportCase.state,
      assignee: desk.supportCase.assignee,
      version: desk.supportCase.version,
      daysLate: desk.supportCase.daysLate,
      compensated: desk.supportCase.compensatedAt !== null,
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
      offer: event.kind === "compensation_given" ? describeCompensation(event.data, locale) : null,
      email: event.email ? { status: event.email.status, id: event.emailId } : null,
    })),
    cancellations: {
      inProgress: cancellations.inProgress,
      requests: cancellations.requests.map((r) => ({ ...r, createdAt: formatDateTime(r.createdAt, locale, settings.timezone) })),
    },
  });
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session, sessionToken, admin } = await authenticate.admin(request);
  const orderId = orderIdOf(params.orderId);
  const t = translator(adminLocaleFromRequest(request));
  const form = await readFormData(request);
  if (form.get("intent") === "compensate") return compensateAction(form, { session, admin, sessionToken, orderId, t });
  if (isCancelIntent(form.get("intent"))) {
    // Cancel & refund: Shopify is called while the person waits, so its refusal shows here (nothing kept).
    const tr = (errors: Record<string, CancelError | string>) =>
      Object.fromEntries(Object.entries(errors).map(([field, e]) => [field, typeof e === "string" ? t(e as AdminMessageKey) : t(e.key as AdminMessageKey, e.params)]));
    const fields = Object.fromEntries(["intent", "version", "submissionKey", "amount", "cancellationId", "reason"].map((k) => [k, form.get(k) ?? undefined]));
    const parsed = cancelActionSchema.safeParse({ ...fields, lineIds: form.getAll("lineIds") });
    if (!parsed.success) return json({ ok: false as const, intent: String(fields.intent), errors: tr(fieldErrors(parsed.error)), message: null }, { status: 400 });
    const context = { shop: session.shop, orderId, actor: staffActor(sessionToken?.sub), client: createAdminClient(admin.graphql), locale: adminLocaleFromRequest(request) };
    const result = await runCancelAction(context, parsed.data);
    if (!result.ok) return json({ ok: false as const, intent: parsed.data.intent, errors: tr(result.errors), message: null }, { status: result.status });
    return json({ ok: true as const, intent: parsed.data.intent, errors: {}, message: t(`support.cancel.${result.message === "cancelled" ? "done" : result.message}`) });
  }
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

type CompensateContext = { session: { shop: string }; admin: { graphql: AdminGraphql }; sessionToken?: { sub?: string } | undefined; orderId: string; t: Translate };

async function compensateAction(form: FormData, { session, admin, sessionToken, orderId, t }: CompensateContext) {
  const parsed = compensateSchema.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")));
  if (!parsed.success) {
    const errors = Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([field, key]) => [field, key.startsWith("support.") ? t(key as AdminMessageKey) : key]));
    return json({ ok: false as const, intent: "compensate", errors, message: null }, { status: 400 });
  }
  const result = await compensate({ shop: session.shop, orderId, actor: staffActor(sessionToken?.sub), input: parsed.data, graphql: admin.graphql });
  if (!result.ok) {
    const errors = Object.fromEntries(Object.entries(result.errors).map(([field, e]) => [field, t(e.key as AdminMessageKey, e.params)]));
    return json({ ok: false as const, intent: "compensate", errors, message: null }, { status: result.status });
  }
  return json({ ok: true as const, intent: "compensate", errors: {}, message: t(`support.compensation.${result.message}`) });
}

export default function SupportOrder() {
  const { supportCase, lines, events, compensation, cancellations, payment } = useLoaderData<typeof loader>();
  const { t } = useT();
  const [fill, setFill] = useState<{ offer: Offer; n: number } | null>(null);
  const proposal = compensation.proposal as Offer | null;
  const waiting = lines.filter((line) => line.status === "waiting");
  return (
    <Page title={supportCase.orderName} subtitle={[supportCase.customerName, supportCase.customerEmail].filter(Boolean).join(" · ")} backAction={{ content: t("support.order.back"), url: "/app/support" }}>
      <TitleBar title={supportCase.orderName} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {supportCase.complaintSince && <Banner tone="critical">{t("support.queue.complaintSince", { date: supportCase.complaintSince })}</Banner>}
            <ProposalBanner proposal={proposal} daysLate={supportCase.daysLate} compensatedOn={compensation.compensatedOn} onUse={() => proposal && setFill((f) => ({ offer: proposal, n: (f?.n ?? 0) + 1 }))} />
            <LinesCard lines={lines} />
            {payment && <PaymentCard payment={payment} />}
            <TimelineCard events={events} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <CancelRequestCards version={supportCase.version} requests={cancellations.requests} />
            <StatusCard supportCase={supportCase} />
            <CompensateCard version={supportCase.version} hasEmail={Boolean(supportCase.customerEmail)} policy={compensation.policy} fill={fill} />
            <NoteCard version={supportCase.version} />
            <ReviseCard version={supportCase.version} lines={waiting.map((line) => ({ id: line.id, title: line.title }))} />
            <MessageCard version={supportCase.version} hasEmail={Boolean(supportCase.customerEmail)} />
            <CancelCard
              version={supportCase.version}
              lines={waiting.map((line) => ({ id: line.id, title: `${line.quantity} × ${line.title}` }))}
              canCancelOrder={lines.some((line) => line.status === "waiting" || line.status === "allocated")}
              inProgress={cancellations.inProgress}
            />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

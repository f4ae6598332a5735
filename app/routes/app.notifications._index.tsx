// Notifications: edit the Liquid email templates (per kind and language) with a live preview and a test
// send, and watch the outbox (recent emails, the local mailbox when no SMTP server is set, failed sends
// with their error and a retry button).
import { useEffect } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { BlockStack, Page } from "@shopify/polaris";
import { useAppBridge } from "@shopify/app-bridge-react";
import { z } from "zod";
import { authenticate } from "~/shopify.server";
import { readFormData } from "~/validation/form-data";
import { adminLocaleFromRequest, adminMessages, translator, type Translate } from "~/i18n/admin";
import { deleteEmailTemplate, saveEmailTemplate } from "~/models/email-template.server";
import { retryOutboxEmail } from "~/models/email-outbox.server";
import { loadEditor, loadOutbox, recipientSearch, templateCheckErrors, translateFieldErrors } from "~/notifications/admin.server";
import { cursorParam } from "~/validation/cursor";
import { EMAIL_KINDS, EMAIL_LOCALES, emailLocale } from "~/notifications/kinds";
import { checkTemplate, renderSample, type RenderedEmail } from "~/notifications/render.server";
import {
  MAX_BODY_SOURCE_LENGTH,
  MAX_SUBJECT_SOURCE_LENGTH,
  parseForm,
  templateFormSchema,
  templateTargetSchema,
  testRecipientSchema,
} from "~/notifications/validation";
import { sendTestEmail, type SendTestResult } from "~/workflows/notifications/send-test.server";
import { TemplateEditor } from "~/components/notifications/TemplateEditor";
import { Outbox } from "~/components/notifications/Outbox";

const TEMPLATE_FIELDS = ["kind", "locale", "subject", "body"] as const;
const LIMITS = { subject: MAX_SUBJECT_SOURCE_LENGTH, body: MAX_BODY_SOURCE_LENGTH };

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const adminLocale = adminLocaleFromRequest(request);
  const url = new URL(request.url);
  const target = templateTargetSchema.safeParse({
    kind: url.searchParams.get("kind") ?? EMAIL_KINDS[0],
    locale: url.searchParams.get("lang") ?? adminLocale,
  });
  const { kind, locale } = target.success ? target.data : { kind: EMAIL_KINDS[0], locale: emailLocale(adminLocale) };
  const filter = url.searchParams.get("filter") === "failed" ? "failed" : "all";
  const [editor, outbox] = await Promise.all([
    loadEditor({ shop: session.shop, kind, locale }),
    loadOutbox({ shop: session.shop, filter, recipient: recipientSearch(url.searchParams.get("to")), locale: adminLocale, cursor: cursorParam(url) }),
  ]);
  return json({
    messages: adminMessages(adminLocale, ["notifications"]),
    editor,
    outbox,
    limits: LIMITS,
    choices: { kinds: EMAIL_KINDS, locales: EMAIL_LOCALES },
  });
};

type Intent = "save" | "preview" | "test" | "reset" | "retry";

type ActionResult =
  | { intent: Intent; ok: true; message: string }
  | { intent: "preview"; ok: true; preview: RenderedEmail }
  | { intent: Intent; ok: false; banner?: string; errors: Record<string, string> };

const reply = (result: ActionResult, status = 200) => json<ActionResult>(result, { status });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const shop = session.shop;
  const t = translator(adminLocaleFromRequest(request));
  const form = await readFormData(request);
  const intent = form.get("intent");

  switch (intent) {
    case "save":
    case "preview":
    case "test": {
      const parsed = parseForm(templateFormSchema, form, TEMPLATE_FIELDS);
      if (!parsed.success) {
        const errors = translateFieldErrors(parsed.errors, t, { max: parsed.errors.body ? LIMITS.body : LIMITS.subject });
        return reply({ intent, ok: false, banner: bannerFor(intent, t), errors }, 400);
      }
      const { kind, locale, subject, body } = parsed.data;
      if (intent === "preview") {
        const result = await renderSample(kind, locale, { subject, body });
        return result.ok
          ? reply({ intent, ok: true, preview: result.rendered })
          : reply({ intent, ok: false, errors: templateCheckErrors(result, t) }, 400);
      }
      if (intent === "save") {
        const check = await checkTemplate(kind, locale, { subject, body });
        if (!check.ok) return reply({ intent, ok: false, banner: bannerFor(intent, t), errors: templateCheckErrors(check, t) }, 400);
        await saveEmailTemplate({ shop, kind, locale, subject, body });
        return reply({ intent, ok: true, message: t("notifications.toast.saved") });
      }
      const recipient = testRecipientSchema.safeParse(form.get("to") ?? undefined);
      if (!recipient.success) {
        return reply({ intent, ok: false, banner: bannerFor(intent, t), errors: { to: t("notifications.error.email") } }, 400);
      }
      const sent = await sendTestEmail({ shop, graphql: admin.graphql, to: recipient.data || null, kind, locale, source: { subject, body } });
      return testReply(sent, t);
    }
    case "reset": {
      const parsed = parseForm(templateTargetSchema, form, ["kind", "locale"]);
      if (!parsed.success) return reply({ intent, ok: false, errors: translateFieldErrors(parsed.errors, t) }, 400);
      await deleteEmailTemplate({ shop, ...parsed.data });
      return reply({ intent, ok: true, message: t("notifications.toast.reset") });
    }
    case "retry": {
      const id = z.string().min(1).max(100).safeParse(form.get("id"));
      if (!id.success) throw new Response("Not Found", { status: 404 });
      const result = await retryOutboxEmail({ shop, id: id.data });
      if (result === "not_found") throw new Response("Not Found", { status: 404 });
      if (result === "not_retryable") {
        return reply({ intent, ok: false, banner: t("notifications.error.notRetryable"), errors: {} }, 409);
      }
      return reply({ intent, ok: true, message: t("notifications.toast.retried") });
    }
    default:
      return reply({ intent: "save", ok: false, banner: t("notifications.error.invalid"), errors: {} }, 400);
  }
};

function bannerFor(intent: Intent, t: Translate): string | undefined {
  if (intent === "save") return t("notifications.banner.invalid");
  if (intent === "test") return t("notifications.banner.testInvalid");
  return undefined;
}

/** A test send's outcome in the admin's words. */
function testReply(result: SendTestResult, t: Translate) {
  const intent = "test" as const;
  if (result.ok) {
    const message =
      result.outcome === "mailbox"
        ? t("notifications.toast.testMailbox")
        : result.outcome === "sent"
          ? t("notifications.toast.testSent", { to: result.to })
          : t("notifications.toast.testQueued", { to: result.to });
    return reply({ intent, ok: true, message });
  }
  switch (result.problem) {
    case "limit":
      return reply({ intent, ok: false, banner: t("notifications.error.testLimit", { max: result.max }), errors: {} }, 429);
    case "noShopEmail":
      return reply({ intent, ok: false, banner: bannerFor(intent, t), errors: { to: t("notifications.error.noShopEmail") } }, 400);
    case "template":
      return reply({ intent, ok: false, banner: bannerFor(intent, t), errors: templateCheckErrors({ ok: false, errors: result.errors }, t) }, 400);
    case "refused":
      return reply({ intent, ok: false, banner: t("notifications.banner.testRefused", { error: result.error }), errors: {} }, 502);
    case "failed":
      return reply({ intent, ok: false, banner: t("notifications.banner.testFailed", { error: result.error }), errors: {} }, 502);
  }
}

// ---- the page ----------------------------------------------------------------------------------------

export default function NotificationsPage() {
  const { editor, outbox, limits, choices } = useLoaderData<typeof loader>();
  const shopify = useAppBridge();
  const actionData = useActionData<typeof action>();
  // Owned here, not by the editor: a save or a reset remounts the editor, which must not replay the toast.
  const resetFetcher = useFetcher<typeof action>();

  useEffect(() => {
    if (actionData?.intent === "save" && actionData.ok && "message" in actionData) shopify.toast.show(actionData.message);
  }, [actionData, shopify]);
  useEffect(() => {
    if (resetFetcher.data?.ok && "message" in resetFetcher.data) shopify.toast.show(resetFetcher.data.message);
  }, [resetFetcher.data, shopify]);

  return (
    <Page>
      <BlockStack gap="500">
        {/* A save or a reset reloads the loader data; remounting the editor shows exactly what is stored. */}
        <TemplateEditor
          key={JSON.stringify([editor.target, editor.template])}
          editor={editor}
          limits={limits}
          choices={choices}
          resetFetcher={resetFetcher}
        />
        <Outbox outbox={outbox} />
      </BlockStack>
    </Page>
  );
}

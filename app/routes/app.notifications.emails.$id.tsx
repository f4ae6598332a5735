// One outbox email: who it went to, its delivery history, and the message itself (the local mailbox when no
// SMTP server is configured). A failed email can be retried from here.
import { useEffect } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Box, Button, Card, InlineGrid, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { readFormData } from "~/validation/form-data";
import { adminLocaleFromRequest, adminMessages, translator } from "~/i18n/admin";
import { retryOutboxEmail } from "~/models/email-outbox.server";
import { loadOutboxEmail } from "~/notifications/admin.server";
import { EmailFrame, StatusBadge, kindLabel } from "~/notifications/ui";
import { useT } from "~/i18n/react";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const locale = adminLocaleFromRequest(request);
  const email = params.id ? await loadOutboxEmail({ shop: session.shop, id: params.id, locale }) : null;
  if (!email) throw new Response("Not Found", { status: 404 });
  return json({ messages: adminMessages(locale, ["notifications"]), email });
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  // The page posts a form ({ intent: "retry" }); any other body is refused like on every admin action.
  await readFormData(request);
  const t = translator(adminLocaleFromRequest(request));
  const result = params.id ? await retryOutboxEmail({ shop: session.shop, id: params.id }) : "not_found";
  if (result === "not_found") throw new Response("Not Found", { status: 404 });
  if (result === "not_retryable") return json({ ok: false as const, message: t("notifications.error.notRetryable") }, { status: 409 });
  return json({ ok: true as const, message: t("notifications.toast.retried") });
};

export default function OutboxEmailPage() {
  const { email } = useLoaderData<typeof loader>();
  const { t } = useT();
  const shopify = useAppBridge();
  const fetcher = useFetcher<typeof action>();
  const retrying = fetcher.state !== "idle";
  const retry = () => fetcher.submit({ intent: "retry" }, { method: "post" });

  useEffect(() => {
    if (fetcher.data) shopify.toast.show(fetcher.data.message, { isError: !fetcher.data.ok });
  }, [fetcher.data, shopify]);

  const facts: [string, string | number | null][] = [
    [t("notifications.email.to"), email.toEmail],
    [t("notifications.outbox.column.kind"), kindLabel(email.kind, t)],
    [t("notifications.email.created"), email.createdAt],
    [t("notifications.email.sent"), email.sentAt],
    [t("notifications.email.attempts"), email.attempts],
    [t("notifications.email.nextAttempt"), email.nextAttemptAt],
    [t("notifications.email.messageId"), email.messageId],
  ];

  return (
    <Page>
      <TitleBar title={t("notifications.email.title", { subject: email.subject })}>
        <a variant="breadcrumb" href="/app/notifications">
          {t("notifications.title")}
        </a>
        {email.retryable ? (
          <button variant="primary" loading={retrying ? "" : undefined} onClick={retry}>
            {t("notifications.email.retry")}
          </button>
        ) : null}
      </TitleBar>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <InlineStack gap="200" blockAlign="center" align="space-between">
              <Text as="h1" variant="headingLg" breakWord>
                {email.subject}
              </Text>
              <InlineStack gap="200" blockAlign="center">
                <StatusBadge status={email.status} />
                {email.retryable ? (
                  <Button variant="primary" loading={retrying} onClick={retry}>
                    {t("notifications.email.retry")}
                  </Button>
                ) : null}
              </InlineStack>
            </InlineStack>
            {email.lastError ? (
              <Banner tone={email.status === "dead" ? "critical" : "warning"} title={t("notifications.email.error")}>
                <Text as="p" breakWord>
                  {email.lastError}
                </Text>
              </Banner>
            ) : null}
            {email.status === "mailbox" ? <Banner tone="info">{t("notifications.email.mailbox")}</Banner> : null}
            <Card>
              <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
                {facts
                  .filter(([, value]) => value !== null && value !== "")
                  .map(([label, value]) => (
                    <BlockStack gap="050" key={label}>
                      <Text as="span" tone="subdued" variant="bodySm">
                        {label}
                      </Text>
                      <Text as="span" breakWord>
                        {String(value)}
                      </Text>
                    </BlockStack>
                  ))}
              </InlineGrid>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("notifications.email.message")}
                </Text>
                <EmailFrame html={email.html} title={email.subject} />
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("notifications.email.text")}
                </Text>
                <Box background="bg-surface-secondary" padding="300" borderRadius="200">
                  <pre style={{ margin: 0, whiteSpace: "pre-wrap", fontFamily: "inherit" }}>{email.text}</pre>
                </Box>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

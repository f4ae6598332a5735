// The page shown when a page of the admin is missing (404) or failed (5xx): the admin's look and
// navigation, what happened in words, and a way on; never a stack trace.
import { BlockStack, Card, EmptyState, Page, Text } from "@shopify/polaris";
import { useT } from "~/i18n/react";

export const EMPTY_STATE_IMAGE = "/empty-state.svg";

export function ErrorPage({ status }: { status: number }) {
  const { t } = useT();
  const notFound = status === 404;
  return (
    <Page>
      <Card>
        <EmptyState
          image={EMPTY_STATE_IMAGE}
          action={{ content: notFound ? t("error.products") : t("error.retry"), url: notFound ? "/app/products" : undefined, onAction: notFound ? undefined : () => window.location.reload() }}
          secondaryAction={{ content: t("error.home"), url: "/app" }}
        >
          <BlockStack gap="200">
            {/* The page's one heading (EmptyState's own heading is not a heading element). */}
            <Text as="h1" variant="headingMd">
              {notFound ? t("error.notFound.title") : t("error.server.title")}
            </Text>
            <p>{notFound ? t("error.notFound.body") : t("error.server.body")}</p>
            <Text as="p" tone="subdued">
              {t("error.status", { status })}
            </Text>
          </BlockStack>
        </EmptyState>
      </Card>
    </Page>
  );
}

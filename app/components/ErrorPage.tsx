// The page shown when a page of the admin is missing (404), was asked for a list page with a link the app
// did not make (400), or failed (5xx): the admin's look and navigation, what happened in words, and a way
// on; never a stack trace.
import { useLocation } from "@remix-run/react";
import { BlockStack, Card, EmptyState, Page, Text } from "@shopify/polaris";
import { useT } from "~/i18n/react";
import { isCursorParam } from "~/validation/cursor";

export const EMPTY_STATE_IMAGE = "/empty-state.svg";

/** The same page without its list cursors: the first page of each list. */
function useFirstPageUrl(): string {
  const { pathname, search } = useLocation();
  const params = new URLSearchParams(search);
  for (const name of [...params.keys()]) if (isCursorParam(name)) params.delete(name);
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

export function ErrorPage({ status }: { status: number }) {
  const { t } = useT();
  const firstPage = useFirstPageUrl();
  const notFound = status === 404;
  // 400: a list page's cursor that is not one of the app's (an edited or truncated link).
  const badLink = status === 400;
  const action = notFound
    ? { content: t("error.products"), url: "/app/products" }
    : badLink
      ? { content: t("error.firstPage"), url: firstPage }
      : { content: t("error.retry"), onAction: () => window.location.reload() };
  return (
    <Page>
      <Card>
        <EmptyState image={EMPTY_STATE_IMAGE} action={action} secondaryAction={{ content: t("error.home"), url: "/app" }}>
          <BlockStack gap="200">
            {/* The page's one heading (EmptyState's own heading is not a heading element). */}
            <Text as="h1" variant="headingMd">
              {notFound ? t("error.notFound.title") : badLink ? t("error.badLink.title") : t("error.server.title")}
            </Text>
            <p>{notFound ? t("error.notFound.body") : badLink ? t("error.badLink.body") : t("error.server.body")}</p>
            <Text as="p" tone="subdued">
              {t("error.status", { status })}
            </Text>
          </BlockStack>
        </EmptyState>
      </Card>
    </Page>
  );
}

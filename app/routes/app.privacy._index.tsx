// Privacy requests: the customer data requests Shopify forwarded (customers/data_request), each with the
// export the app gathered, for the merchant to download and hand over.
import { useState } from "react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Button, EmptyState, IndexTable, Layout, Page, Text } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { formatDateTime } from "~/domain/format";
import { adminLocaleFromRequest, adminMessages } from "~/i18n/admin";
import { useT } from "~/i18n/react";
import { RETENTION_DAYS } from "~/jobs/retention.server";
import { listDataRequests } from "~/models/data-request.server";
import { getShopSettings } from "~/models/settings.server";
import { CardHeader } from "~/components/CardHeader";
import { downloadFile } from "~/components/download-file";
import { ResourceTableCard } from "~/components/ResourceTableCard";
import { useCursorPagination } from "~/components/useCursorPagination";
import { cursorParam } from "~/validation/cursor";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const locale = adminLocaleFromRequest(request);
  const cursor = cursorParam(new URL(request.url));
  const [page, settings] = await Promise.all([listDataRequests({ shop: session.shop, cursor }), getShopSettings({ shop: session.shop })]);
  return json({
    messages: adminMessages(locale, ["privacy"]),
    retentionDays: RETENTION_DAYS.dataRequests,
    pageInfo: page.pageInfo,
    requests: page.rows.map((r) => ({
      id: r.id,
      requestId: r.requestId,
      customerEmail: r.customerEmail,
      received: formatDateTime(r.createdAt, locale, settings.timezone),
      downloadUrl: `/app/privacy/${encodeURIComponent(r.id)}/download`,
    })),
  });
};

export default function PrivacyRequests() {
  const { retentionDays, requests, pageInfo } = useLoaderData<typeof loader>();
  const { t } = useT();
  const pagination = useCursorPagination();
  const shopify = useAppBridge();
  const [busy, setBusy] = useState<string | null>(null);

  const onDownload = async (row: (typeof requests)[number]) => {
    setBusy(row.id);
    try {
      await downloadFile(row.downloadUrl, `data-request-${row.requestId.replace(/[^\w-]+/g, "-")}.json`);
    } catch (error) {
      shopify.toast.show(error instanceof Error ? error.message : String(error), { isError: true });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Page>
      <TitleBar title={t("privacy.title")} />
      <Layout>
        <Layout.Section>
          <ResourceTableCard
            header={<CardHeader title={t("privacy.title")} description={t("privacy.description", { count: retentionDays })} />}
            empty={
              <EmptyState heading={t("privacy.empty")} image="">
                <Text as="p" tone="subdued">
                  {t("privacy.empty.description")}
                </Text>
              </EmptyState>
            }
            resourceName={{ singular: t("privacy.resource.singular"), plural: t("privacy.resource.plural") }}
            itemCount={requests.length}
            pagination={pagination(pageInfo, { next: t("privacy.page.next"), previous: t("privacy.page.previous") })}
            headings={[
              { title: t("privacy.column.received") },
              { title: t("privacy.column.customer") },
              { title: t("privacy.column.request") },
              { title: t("privacy.column.download"), alignment: "end" },
            ]}
          >
            {requests.map((row, index) => (
              <IndexTable.Row id={row.id} key={row.id} position={index}>
                <IndexTable.Cell>{row.received}</IndexTable.Cell>
                <IndexTable.Cell>
                  {row.customerEmail ?? (
                    <Text as="span" tone="subdued">
                      {t("privacy.noEmail")}
                    </Text>
                  )}
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" variant="bodySm" tone="subdued">
                    {row.requestId}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <BlockStack inlineAlign="end">
                    <Button size="slim" loading={busy === row.id} onClick={() => void onDownload(row)}>
                      {t("privacy.download")}
                    </Button>
                  </BlockStack>
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </ResourceTableCard>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

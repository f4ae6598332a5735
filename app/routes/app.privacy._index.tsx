// Privacy requests: the customer data requests Shopify forwarded (customers/data_request), each with the
// export the app gathered, for the merchant to download and hand over.
import { useState } from "react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Box, Button, Card, EmptyState, IndexTable, Layout, Page, Text } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { formatDateTime } from "~/domain/format";
import { adminLocaleFromRequest, translator, type AdminMessageKey } from "~/i18n/admin";
import { en as privacyMessages } from "~/i18n/messages/privacy";
import { RETENTION_DAYS } from "~/jobs/retention.server";
import { listDataRequests } from "~/models/data-request.server";
import { getShopSettings } from "~/models/settings.server";
import { CardHeader } from "~/components/CardHeader";

type PrivacyKey = keyof typeof privacyMessages;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const locale = adminLocaleFromRequest(request);
  const t = translator(locale);
  const [requests, settings] = await Promise.all([listDataRequests({ shop: session.shop }), getShopSettings({ shop: session.shop })]);
  const text = Object.fromEntries(
    (Object.keys(privacyMessages) as PrivacyKey[]).map((key) => [key, t(key as AdminMessageKey, { days: RETENTION_DAYS.dataRequests })]),
  ) as Record<PrivacyKey, string>;
  return json({
    text,
    requests: requests.map((r) => ({
      id: r.id,
      requestId: r.requestId,
      customerEmail: r.customerEmail,
      received: formatDateTime(r.createdAt, locale, settings.timezone),
      downloadUrl: `/app/privacy/${encodeURIComponent(r.id)}/download`,
    })),
  });
};

/**
 * Inside the admin iframe a plain link would load without a session token, so the export is fetched (App
 * Bridge adds the token to the app's own fetches) and saved from a blob.
 */
async function download(url: string, fileName: string) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(href);
}

export default function PrivacyRequests() {
  const { text, requests } = useLoaderData<typeof loader>();
  const shopify = useAppBridge();
  const [busy, setBusy] = useState<string | null>(null);

  const onDownload = async (row: (typeof requests)[number]) => {
    setBusy(row.id);
    try {
      await download(row.downloadUrl, `data-request-${row.requestId.replace(/[^\w-]+/g, "-")}.json`);
    } catch (error) {
      shopify.toast.show(error instanceof Error ? error.message : String(error), { isError: true });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Page>
      <TitleBar title={text["privacy.title"]} />
      <Layout>
        <Layout.Section>
          <Card padding="0">
            <Box padding="400">
              <CardHeader title={text["privacy.title"]} description={text["privacy.description"]} />
            </Box>
            {requests.length === 0 ? (
              <EmptyState heading={text["privacy.empty"]} image="">
                <Text as="p" tone="subdued">
                  {text["privacy.empty.description"]}
                </Text>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: text["privacy.resource.singular"], plural: text["privacy.resource.plural"] }}
                itemCount={requests.length}
                selectable={false}
                headings={[
                  { title: text["privacy.column.received"] },
                  { title: text["privacy.column.customer"] },
                  { title: text["privacy.column.request"] },
                  { title: text["privacy.column.download"], alignment: "end" },
                ]}
              >
                {requests.map((row, index) => (
                  <IndexTable.Row id={row.id} key={row.id} position={index}>
                    <IndexTable.Cell>{row.received}</IndexTable.Cell>
                    <IndexTable.Cell>
                      {row.customerEmail ?? (
                        <Text as="span" tone="subdued">
                          {text["privacy.noEmail"]}
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
                          {text["privacy.download"]}
                        </Button>
                      </BlockStack>
                    </IndexTable.Cell>
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
